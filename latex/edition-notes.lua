-- edition-notes.lua: reledmac's notes placed in the same LuaLaTeX run.
--
-- reledmac learns on which line each note's anchor fell from the line list it
-- wrote in the previous run (\jobname.1, .2, ...). Until that list is right,
-- notes sit on the wrong pages and the apparatus prints line 0, so a cold
-- build needs three runs before the pages stop moving. Here each \edtext
-- leaves two zero-width markers in the paragraph (its start, with the number
-- of notes it carries, and its end). When reledmac takes the broken paragraph
-- apart line by line, the markers in the line at hand tell which notes to
-- insert on it and which lines their lemma spans: the same facts the line
-- list would give one run later. edition-placement.sty wires this in.

local M = {}

local marks = require("edition-marks")
local MARK_ID = 0x65646E -- "edn": the user_id of our marks
local HLIST = node.id("hlist")

local starts = {} -- edtext id (reledmac's \theedtext) -> { line = first line, stop = last line, page = page }
local label_lines = {} -- line label -> its line number, set as reledmac sets the line
local labels = {} -- line label -> { line = number, page = printed page }, once shipped
local unshipped = 0 -- labels whose line is set but not yet shipped out

-- A mark: kind "s" (start, with n inserts) or "e" (end) of an edtext.
function M.mark(kind, edtext, inserts)
  marks.write(MARK_ID, kind .. ":" .. edtext .. ":" .. (inserts or 0))
end

-- A line label (\edLineLabel): kind "l", which the line and the page it falls on
-- turn into \edLineLabelAt{label}{line}{page} in the .aux.
function M.label(name)
  marks.write(MARK_ID, "l:" .. name .. ":0")
end

-- Visit every mark of a list: fn(kind, edtext, inserts).
local function each_mark(head, fn)
  marks.each(head, MARK_ID, function(value)
    local kind, edtext, inserts = string.match(value, "^(%a):(.*):(%d+)$")
    fn(kind, edtext, tonumber(inserts))
  end)
end

-- The line of the paragraph, among those still to come in raw_box, that holds
-- the end marker of edtext; 0 when it is the current line, nil if not found.
local function lines_until_end(raw_box, edtext)
  local box = tex.box[raw_box]
  if not box then return nil end
  local k = 0
  for n in node.traverse(box.head) do
    if n.id == HLIST then
      k = k + 1
      local found = false
      each_mark(n.head, function(kind, e) if kind == "e" and e == edtext then found = true end end)
      if found then return k end
    end
  end
  return nil
end

-- Called by \do@line for each line of a numbered paragraph, after reledmac
-- has counted it: queue the inserts of the notes whose lemma starts here.
function M.line(one_line, raw_box, absline, line, page)
  local box = tex.box[one_line]
  if not box or not box.head then return end
  local ended = {}
  local opened = {}
  each_mark(box.head, function(kind, edtext, inserts)
    if kind == "s" then
      opened[#opened + 1] = { edtext = edtext, inserts = inserts }
    elseif kind == "e" then
      ended[edtext] = true
    elseif label_lines[edtext] == nil then
      label_lines[edtext] = line
      unshipped = unshipped + 1
    end
  end)
  for _, o in ipairs(opened) do
    local stop = line
    if not ended[o.edtext] then
      local ahead = lines_until_end(raw_box, o.edtext)
      stop = line + (ahead or 0)
    end
    starts[o.edtext] = { line = line, stop = stop, page = page }
    for _ = 1, o.inserts do
      tex.sprint("\\edAddInsertLine{" .. absline .. "}")
    end
  end
end

-- Called as each page ships out: the labels on it get the page's printed number.
function M.shipout(box_number, page)
  if unshipped == 0 then return end
  local box = tex.box[box_number]
  if not box or not box.head then return end
  each_mark(box.head, function(kind, name)
    if kind == "l" and not labels[name] and label_lines[name] then
      labels[name] = { line = label_lines[name], page = page }
      unshipped = unshipped - 1
    end
  end)
end

-- At the end of the run: every line label, for the .aux (and so for the next run).
function M.write_labels()
  local names = {}
  for name in pairs(labels) do names[#names + 1] = name end
  table.sort(names)
  for _, name in ipairs(names) do
    local l = labels[name]
    tex.sprint(string.format("\\edWriteLineLabel{%s}{%d}{%s}", name, l.line, l.page))
  end
end

-- The numbers reledmac keeps for an edtext: page|line|subline|page|line|subline.
function M.nums(edtext)
  local s = starts[edtext]
  if not s then
    tex.sprint("0|0|0|0|0|0")
  else
    tex.sprint(string.format("%d|%d|0|%d|%d|0", s.page, s.line, s.page, s.stop))
  end
end

return M
