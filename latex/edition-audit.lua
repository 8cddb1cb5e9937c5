-- edition-audit.lua: what each page holds, for the layout audit of edition build.
--
-- Every glyph carries LuaTeX attributes set by edition-audit.sty: what it is part
-- of (the text, a note, a heading, a headnote, a source note, the running head...),
-- which document, which paragraph of its numbered text, and the line of the
-- generated .tex file it comes from. As each page ships out, its rows (the lines
-- of the page, in reading order, with their natural vertical place) are read,
-- consecutive rows of one kind, document and paragraph merged into a run; boxes
-- TeX found overfull or underfull are marked where they stand (hpack_quality) or,
-- for the page itself, noted while the output routine runs (vpack_quality). At the
-- end of the run the pages go to \jobname.layout, which edition/build/audit.py reads.

local M = {}

local KIND = luatexbase.new_attribute("edaudit_kind")
local DOC = luatexbase.new_attribute("edaudit_doc")
local PAR = luatexbase.new_attribute("edaudit_par")
local LINE = luatexbase.new_attribute("edaudit_line")
local UNSET = -0x7FFFFFFF

local HLIST, VLIST = node.id("hlist"), node.id("vlist")
local GLYPH, GLUE, KERN, RULE = node.id("glyph"), node.id("glue"), node.id("kern"), node.id("rule")
local WHATSIT = node.id("whatsit")
local USER = node.subtype("user_defined")
local MARK_ID = 0x656461 -- "eda": a box TeX found over- or underfull
local SAMPLE = 12 -- glyphs looked at to decide what a row is

local docs = {} -- ordinal -> id
local pages = {} -- lines of the output file, page by page
local pending = {} -- the page's own over/underfull box, from the output routine
local ordinal = 0
local par = 0
local marked = 0 -- box marks not yet shipped out
local facing = 0 -- 1 while pages of facing versions ship out

-- Attributes, from edition-audit.sty.
function M.kind(k) tex.setattribute(KIND, k) end
function M.global_kind(k) tex.setattribute("global", KIND, k) end
function M.document(id)
  ordinal = ordinal + 1
  docs[ordinal] = id
  tex.setattribute("global", DOC, ordinal)
end
function M.no_document() tex.setattribute("global", DOC, 0) end
function M.facing(on) facing = on end
function M.line(n) tex.setattribute("global", LINE, n) end
function M.paragraph(n)
  par = par + 1
  tex.setattribute("global", PAR, par)
  tex.setattribute("global", LINE, n)
end

local function user_mark(value)
  local n = node.new(WHATSIT, USER)
  n.user_id = MARK_ID
  n.type = 115
  n.value = value
  return n
end

-- A line TeX packs over- or underfull: a mark at its end (where TeX puts its rule).
local function hpack_quality(incident, detail)
  if incident == "overfull" or incident == "underfull" then
    marked = marked + 1
    return user_mark(incident .. ":" .. detail .. ":" .. tex.inputlineno)
  end
  return nil
end

-- The page itself: text and notes too high for \textheight, or stretched.
local function vpack_quality(incident, detail)
  if status.output_active and (incident == "overfull" or incident == "underfull") then
    pending[#pending + 1] = incident .. "-page:" .. detail .. ":0"
  end
end

luatexbase.add_to_callback("hpack_quality", hpack_quality, "edition.audit")
luatexbase.add_to_callback("vpack_quality", vpack_quality, "edition.audit")

-- What a row is: the most frequent (kind, doc, par, line) among its first glyphs,
-- whether it has any glyph but a digit, and the box marks inside it.
local function sample(head, found, events)
  for n in node.traverse(head) do
    local id = n.id
    if id == GLYPH then
      local c = n.char
      if c < 0x30 or c > 0x39 then found.words = true end
      if found.n < SAMPLE then
        local k = node.get_attribute(n, KIND) or UNSET
        if k ~= UNSET then
          local key = k .. "\t" .. (node.get_attribute(n, DOC) or 0) .. "\t" .. (node.get_attribute(n, PAR) or 0)
            .. "\t" .. (node.get_attribute(n, LINE) or 0)
          found[key] = (found[key] or 0) + 1
          found.n = found.n + 1
        end
      elseif marked == 0 then
        return
      end
    elseif (id == HLIST or id == VLIST) and n.head then
      sample(n.head, found, events)
    elseif id == WHATSIT and n.subtype == USER and n.user_id == MARK_ID then
      events[#events + 1] = n.value
      marked = marked - 1
    end
  end
end

local function has_vlist(head)
  for n in node.traverse(head) do
    if n.id == VLIST then return true end
    if n.id == HLIST and n.head and has_vlist(n.head) then return true end
  end
  return false
end

local rows -- the page's runs being collected

local function add_row(box, top)
  local found, events = { n = 0 }, {}
  sample(box.head, found, events)
  -- A row of digits alone is a line number (reledmac sets it apart) or a page number.
  if not found.words and #events == 0 then return end
  local best, count = nil, 0
  for key, c in pairs(found) do
    if key ~= "n" and key ~= "words" and c > count then best, count = key, c end
  end
  local bottom = top + box.height + box.depth
  local last = rows[#rows]
  if best and last and last.key == best and #events == 0 then
    last.n = last.n + 1
    last.bottom = bottom
  elseif best or #events > 0 then
    rows[#rows + 1] = { key = best or "0\t0\t0\t0", n = 1, top = top, bottom = bottom, events = events }
  end
end

local walk_vlist

-- An hlist in a vlist: a row, unless it holds vlists (a page's body, columns).
local function walk_hlist(box, top, baseline)
  if not box.head then return end
  if not has_vlist(box.head) then
    add_row(box, top)
    return
  end
  for n in node.traverse(box.head) do
    if n.id == VLIST and n.head then
      walk_vlist(n, baseline + n.shift - n.height)
    elseif n.id == HLIST and n.head then
      walk_hlist(n, baseline + n.shift - n.height, baseline + n.shift)
    end
  end
end

-- The rows of a vlist, at their natural places (glue without its stretch).
function walk_vlist(box, top)
  local y = top
  for n in node.traverse(box.head) do
    local id = n.id
    if id == HLIST then
      walk_hlist(n, y, y + n.height)
      y = y + n.height + n.depth
    elseif id == VLIST then
      if n.head then walk_vlist(n, y) end
      y = y + n.height + n.depth
    elseif id == GLUE then
      y = y + n.width
    elseif id == KERN then
      y = y + n.kern
    elseif id == RULE then
      local h = n.height
      if h ~= -0x40000000 then y = y + h + n.depth end
    end
  end
end

local shipped = 0

-- Called as each page ships out, with its box and its printed number.
function M.shipout(box_number, label)
  shipped = shipped + 1
  local box = tex.box[box_number]
  local out = { string.format("P\t%d\t%s\t%d\t%d", shipped, label, tex.dimen.textheight, facing) }
  for _, e in ipairs(pending) do out[#out + 1] = "E\t" .. e .. "\t0\t0\t0\t0" end
  pending = {}
  rows = {}
  if box and box.head then
    if box.id == VLIST then walk_vlist(box, 0) else walk_hlist(box, 0, box.height) end
  end
  for _, r in ipairs(rows) do
    out[#out + 1] = string.format("R\t%s\t%d\t%d\t%d", r.key, r.n, r.top, r.bottom)
    for _, e in ipairs(r.events) do out[#out + 1] = "E\t" .. e .. "\t" .. r.key end
  end
  pages[#pages + 1] = table.concat(out, "\n")
  rows = nil
end

-- At the end of the run: the documents and the pages, to \jobname.layout.
function M.write()
  local name = tex.jobname .. ".layout"
  local f = io.open(name, "w")
  if not f then
    texio.write_nl("log", "edition audit: could not write " .. name)
    return
  end
  for i, id in ipairs(docs) do f:write(string.format("D\t%d\t%s\n", i, id)) end
  for _, p in ipairs(pages) do f:write(p, "\n") end
  f:close()
end

return M
