-- edition-parallel.lua: an original and its translation on facing pages, or in parallel
-- columns, synchronised at the units of alignment (paragraphs), in one LuaLaTeX pass.
--
-- Each version of a document is typeset whole, by reledmac, into a vbox (its own
-- \beginnumbering ... \endnumbering, so its own line numbers; its notes are inserts that
-- migrate out of the lines into that vbox). A zero-size marker after the last paragraph of
-- each unit (\edParBoundary) cuts the vbox into one chunk per unit. The packer then decides,
-- for both versions at once, which units go on each spread, with TeX's own arithmetic for a
-- page (boxes, glue, \topskip, and for each insert class \skip plus height x \count / 1000),
-- so that TeX's page builder, given the material of one page followed by \penalty-10000,
-- breaks exactly there. Nothing is learnt from a previous run: reledpar's \Pages learns its
-- line counts from the last run and never settles (latex/README of issue 22's measurements).
--
-- A page is measured incrementally: adding a unit to a page updates its running total, so a
-- document of n lines is packed in O(n) measurements (the first version measured every
-- candidate page from scratch, O(n^2)).
local M = {}

local ID = 0x656470 -- "edp": the user_id of the unit markers
local HLIST, VLIST, RULE = node.id("hlist"), node.id("vlist"), node.id("rule")
local GLUE, KERN, PENALTY = node.id("glue"), node.id("kern"), node.id("penalty")
local INS, WHATSIT = node.id("ins"), node.id("whatsit")
local USER = node.subtype("user_defined")
local WRITE, OPEN, CLOSE = node.subtype("write"), node.subtype("open"), node.subtype("close")

-- reledmac writes its line list (\linenum@out) from inside the lines. Both versions share
-- that stream, so with their pages interleaved the writes of one would land in the other's
-- file: they are kept in order and shipped with the version's last page. Every other write
-- (\label, the contents, the index) stays where it is, so that it records its own page.
local linenum_stream = -1
local writes = {} -- side -> array of whatsit nodes

function M.set_linenum_stream(n) linenum_stream = n end

local function deferred(n)
  return n.id == WHATSIT and (n.subtype == WRITE or n.subtype == OPEN or n.subtype == CLOSE) and n.stream == linenum_stream
end

local function extract_writes(box, into)
  local q = box.list
  while q do
    local nxt = q.next
    if deferred(q) then
      box.list = node.remove(box.list, q)
      q.prev, q.next = nil, nil
      into[#into + 1] = q
    elseif q.id == HLIST or q.id == VLIST then
      extract_writes(q, into)
    end
    q = nxt
  end
end

local chunks = {} -- side ("L"/"R") -> array of chunks; a chunk is an array of units
local queue = {}  -- page node lists still to be shipped, in order L1, R1, L2, R2, ...
M.report = {}

function M.boundary()
  local w = node.new(WHATSIT, USER)
  w.user_id, w.type, w.value = ID, 100, 1
  node.write(w)
end

local function is_box(n) return n.id == HLIST or n.id == VLIST or n.id == RULE end
local function is_discardable(n) return n.id == GLUE or n.id == KERN or n.id == PENALTY end

-- A unit: the glue and penalties before a line, the line, and what migrated out of it
-- (inserts, marks, whatsits). Pages break only between units.
-- A line after a penalty of 10000 or more (a source note's lines, the last lines of a text
-- kept with it, a paragraph's first and last two lines) stays in the unit of the line before.
local function forbids_break(carry)
  for _, n in ipairs(carry) do
    if n.id == PENALTY and n.penalty >= 10000 then return true end
  end
  return false
end

local function to_units(items)
  local units, cur, carry, has_box = {}, {}, {}, false
  for _, n in ipairs(items) do
    if is_box(n) then
      if has_box and forbids_break(carry) then
        for _, c in ipairs(carry) do cur[#cur + 1] = c end
        carry = {}
      elseif has_box then units[#units + 1] = cur; cur = carry; carry = {} end
      cur[#cur + 1] = n; has_box = true
    elseif is_discardable(n) then
      if has_box then carry[#carry + 1] = n else cur[#cur + 1] = n end
    else
      if #carry > 0 then carry[#carry + 1] = n else cur[#cur + 1] = n end
    end
  end
  for _, n in ipairs(carry) do cur[#cur + 1] = n end
  if #cur > 0 then units[#units + 1] = cur end
  return units
end

-- Take the vbox of one version apart into its chunks.
function M.collect(side, boxnum)
  local box = tex.box[boxnum]
  local head = box.list
  box.list = nil
  local list, items = {}, {}
  writes[side] = writes[side] or {}
  local p = head
  while p do
    local nxt = p.next
    p.prev, p.next = nil, nil
    if p.id == HLIST or p.id == VLIST then extract_writes(p, writes[side]) end
    if deferred(p) then
      table.insert(writes[side], p)
    elseif p.id == WHATSIT and p.subtype == USER and p.user_id == ID then
      list[#list + 1] = to_units(items); items = {}
      node.free(p)
    else
      items[#items + 1] = p
    end
    p = nxt
  end
  if #items > 0 then -- \endnumbering's tail and what follows it (the source note): with the last unit
    if #list == 0 then list[1] = {} end
    local all = {}
    for _, u in ipairs(list[#list]) do for _, x in ipairs(u) do all[#all + 1] = x end end
    for _, x in ipairs(items) do all[#all + 1] = x end
    list[#list] = to_units(all)
  end
  chunks[side] = list
end

-- The page builder's view of a page, built up one unit at a time.
local function new_page() return { text = 0, seen_box = false, classes = {}, inserts = 0, units = {} } end

local function copy_page(pg)
  local c = { text = pg.text, seen_box = pg.seen_box, classes = {}, inserts = pg.inserts, units = pg.units }
  for k, v in pairs(pg.classes) do c.classes[k] = v end
  return c
end

local function add_unit(pg, u)
  for _, n in ipairs(u) do
    if is_box(n) then
      local h = n.height
      if not pg.seen_box then h = math.max(h, tex.skip.topskip.width); pg.seen_box = true end
      pg.text = pg.text + h + n.depth
    elseif (n.id == GLUE or n.id == KERN) and pg.seen_box then
      pg.text = pg.text + (n.id == GLUE and n.width or n.kern)
    elseif n.id == INS then
      local c = n.subtype
      if not pg.classes[c] then pg.classes[c] = tex.skip[c].width; pg.inserts = pg.inserts + tex.skip[c].width end
      local add = n.height * tex.count[c] / 1000
      pg.classes[c] = pg.classes[c] + add
      pg.inserts = pg.inserts + add
    end
  end
end

local function cost(pg) return pg.text + pg.inserts end

-- The page with units[a..b] added (a new page state; units are not copied).
local function with_units(pg, units, a, b)
  local c = copy_page(pg)
  for k = a, b do add_unit(c, units[k]) end
  return c
end

-- How many of units[a..] (at most b-a+1) still fit on the page, and the page with them.
local function fitting(pg, units, a, b, cap)
  local c, k = copy_page(pg), 0
  for j = a, b do
    local try = copy_page(c)
    add_unit(try, units[j])
    if cost(try) > cap then break end
    c, k = try, k + 1
  end
  return k, c
end

local function append(list, units, a, b) for k = a, b do list[#list + 1] = units[k] end end

-- Choose the spreads. mode "paragraph": spreads break between units; a unit is split only
-- when it does not fit on an empty page. mode "fill": a spread is also filled with the
-- beginning of the next unit, cut in both versions at the same fraction of its length, when
-- each side gets at least `min` lines of it and keeps at least `min` for the next spread.
function M.pack(margin, mode, min)
  local started = os.clock()
  local L, R = chunks.L or {}, chunks.R or {}
  if #L ~= #R then
    tex.error("edition-parallel: the versions have " .. #L .. " and " .. #R .. " units of alignment")
  end
  min = min or 2
  local cap = tex.dimen.vsize - (margin or 0)
  local n, i, offL, offR, spreads = math.max(#L, #R), 1, 0, 0, 0
  local fills, low = 0, 0
  while i <= n do
    local pl, pr, ul, ur = new_page(), new_page(), {}, {}
    while i <= n do
      local cl, cr = L[i] or {}, R[i] or {}
      local tl = with_units(pl, cl, offL + 1, #cl)
      local tr = with_units(pr, cr, offR + 1, #cr)
      if cost(tl) <= cap and cost(tr) <= cap then
        append(ul, cl, offL + 1, #cl); append(ur, cr, offR + 1, #cr)
        pl, pr, i, offL, offR = tl, tr, i + 1, 0, 0
      else
        local empty = #ul == 0 and #ur == 0
        if mode ~= "fill" and not empty then break end
        local restL, restR = #cl - offL, #cr - offR
        local kL0 = fitting(pl, cl, offL + 1, #cl, cap)
        local kR0 = fitting(pr, cr, offR + 1, #cr, cap)
        -- the same fraction of the rest of unit i on both sides: that of the tighter side
        local fL = restL > 0 and kL0 / restL or 1
        local fR = restR > 0 and kR0 / restR or 1
        local f = math.min(fL, fR)
        local kL = math.min(kL0, math.floor(f * restL + 0.5))
        local kR = math.min(kR0, math.floor(f * restR + 0.5))
        local function ok(k, rest) return rest == 0 or k == rest or (k >= min and rest - k >= min) end
        if not empty and not (ok(kL, restL) and ok(kR, restR) and (kL > 0 or kR > 0)) then break end
        if empty and kL == 0 and kR == 0 then kL, kR = math.min(1, restL), math.min(1, restR) end
        pl = with_units(pl, cl, offL + 1, offL + kL); pr = with_units(pr, cr, offR + 1, offR + kR)
        append(ul, cl, offL + 1, offL + kL); append(ur, cr, offR + 1, offR + kR)
        offL, offR = offL + kL, offR + kR
        if offL >= #cl and offR >= #cr then i, offL, offR = i + 1, 0, 0 end
        break
      end
    end
    queue[#queue + 1] = ul; queue[#queue + 1] = ur; spreads = spreads + 1
    for _, pg in ipairs({ pl, pr }) do
      local f = cost(pg) / cap
      fills = fills + f
      if f < 0.5 then low = low + 1 end
    end
  end
  -- the versions' line-list writes go with their last pages (L's before R's)
  for k, side in ipairs({ "L", "R" }) do
    local idx = #queue - 2 + k
    if writes[side] and queue[idx] then table.insert(queue[idx], writes[side]) end
  end
  writes = {}
  local line = string.format("edition-parallel: %d units on %d spreads; mean fill %.2f, %d pages under half full; packed in %.3f s",
    n, spreads, fills / math.max(2 * spreads, 1), low, os.clock() - started)
  M.report[#M.report + 1] = line
  texio.write_nl("log", line)
  chunks = {}
end

-- After each page of a spread is shipped: the page counter must have moved by exactly one
-- page, or TeX broke a page that the packer thought would fit.
local expected = nil
function M.check_page(page)
  if expected and page ~= expected then
    tex.error("edition-parallel: page " .. page .. " where " .. expected ..
      " was expected; a page overflowed and the spreads are out of step")
  end
  expected = page + 1
end
function M.reset_check() expected = nil end

-- Put the next page's material into box boxnum; prints 1 if there was one, else 0.
function M.next_page(boxnum)
  if #queue == 0 then tex.sprint("0") return end
  local units = table.remove(queue, 1)
  local head, tail, boxed = nil, nil, false
  for _, u in ipairs(units) do
    for _, x in ipairs(u) do
      if head then tail.next = x; x.prev = tail; tail = x else head, tail = x, x end
      boxed = boxed or is_box(x)
    end
  end
  if head then tail.next = nil end
  -- An empty page is still a page: a page of whatsits alone (the line list's writes that go
  -- with a version's last page, when the other version needs one more page) would be no page
  -- to TeX's page builder, which discards the \penalty-10000 before anything is boxed.
  if not boxed then
    local empty = node.new(HLIST)
    if head then empty.next = head; head.prev = empty end
    head = empty
  end
  tex.box[boxnum] = node.vpack(head)
  tex.sprint("1")
end

-- Parallel columns on one page: each row holds line k of a unit in both versions (a blank
-- where one version has no line k), on the baseline of the lower of the two; the inserts of
-- both lines follow the row. TeX's page builder breaks between rows, so a page always holds
-- the same lines of the same units; nothing is measured in advance.
local function free_side(x) return x.id == node.id("dir") or x.id == node.id("local_par") end

local function row_parts(u, prevdepth, extra)
  local lead, box, pen = 0, nil, nil
  for _, x in ipairs(u) do
    if not box and x.id == GLUE then lead = lead + x.width; node.free(x)
    elseif not box and x.id == KERN then lead = lead + x.kern; node.free(x)
    elseif not box and x.id == PENALTY then pen = math.max(pen or -10000, x.penalty); node.free(x)
    elseif not box and is_box(x) then box = x
    elseif free_side(x) then node.free(x) -- not allowed on the main vertical list
    else extra[#extra + 1] = x end
  end
  local advance = box and (lead + box.height + prevdepth) or 0
  return box, advance, pen
end

function M.columns(colwidth, gap)
  local L, R = chunks.L or {}, chunks.R or {}
  if #L ~= #R then
    tex.error("edition-parallel: the versions have " .. #L .. " and " .. #R .. " units of alignment")
  end
  local head, tail = nil, nil
  local function put(x) x.next = nil; if head then tail.next = x; x.prev = tail; tail = x else x.prev = nil; head, tail = x, x end end
  local prevdepth = { L = 0, R = 0 }
  local rowdepth = nil
  for i = 1, math.max(#L, #R) do
    local ul, ur = L[i] or {}, R[i] or {}
    for k = 1, math.max(#ul, #ur) do
      local extra, boxes, advance, pen = {}, {}, 0, nil
      for _, s in ipairs({ "L", "R" }) do
        local u = (s == "L" and ul or ur)[k]
        if u then
          local box, adv, p = row_parts(u, prevdepth[s], extra)
          if box then boxes[s] = box; prevdepth[s] = box.depth; advance = math.max(advance, adv) end
          if p then pen = math.max(pen or -10000, p) end
        end
      end
      local l = boxes.L or node.new(HLIST); l.width = colwidth
      local r = boxes.R or node.new(HLIST); r.width = colwidth
      local k1 = node.new(KERN); k1.kern = gap
      l.next = k1; k1.prev = l; k1.next = r; r.prev = k1
      local row = node.hpack(l)
      if rowdepth then
        if pen then local p = node.new(PENALTY); p.penalty = pen; put(p) end
        local g = node.new(GLUE); g.width = math.max(0, advance - rowdepth - row.height); put(g)
      end
      put(row)
      rowdepth = row.depth
      if not boxes.L then prevdepth.L = row.depth end -- a side with no line here keeps the row's baseline
      if not boxes.R then prevdepth.R = row.depth end
      for _, x in ipairs(extra) do put(x) end
    end
  end
  for _, s in ipairs({ "L", "R" }) do -- the versions' line-list writes, in order
    for _, w in ipairs(writes[s] or {}) do put(w) end
  end
  writes, chunks = {}, {}
  local b = node.vpack(head or node.new(HLIST))
  node.write(b.list); b.list = nil; node.free(b)
end

return M
