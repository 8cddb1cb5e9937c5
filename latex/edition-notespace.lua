-- edition-notespace.lua: the space of the notes at the foot of the page, managed as each page
-- is output (edition-page.sty wires it in, at the start of the output routine).
--
-- TeX keeps the notes of one insert class in order: once a note is split at the foot of a
-- page, its rest and every later note of that class wait for the next page, where the rest
-- comes first, is split again if it is longer than the class may take, and so on. A note
-- longer than a page's share then held every note anchored on the pages it ran over, and
-- those notes printed pages after their anchors. Here, as each page is output:
--
--  1. what waits (the held-over inserts, on TeX's page list while the output routine runs)
--     goes into the free space of the page when the page ended short (its text ended, a
--     heading went overleaf with its first lines): a note's last lines are not left to a
--     page of their own, or to the top of the next document's page;
--  2. the first waiting insert of each note series becomes an insert of that series'
--     continuation class, which has a share of the page of its own: on the next page it
--     comes first, and the notes anchored on that page, in the series' own class, are no
--     longer held behind it;
--  3. the continuation's box is put before the series' own box, so reledmac prints both as
--     one block of the series (continued note first).
local M = {}

local INS, HLIST, VLIST = node.id("ins"), node.id("hlist"), node.id("vlist")

local family = {} -- insert class -> its series' own class (the continuation's base, itself for a base)
local continuation = {} -- base class -> continuation class
local pullable = {} -- classes whose material is lines of notes (not paragraphed notes' hboxes)
local bases = {} -- base classes, in the order the series print
local spent -- the class of inserts emptied here: no skip, no count, its box emptied at each output

function M.pair(base, cont, normal)
  continuation[base], family[base], family[cont] = cont, base, base
  bases[#bases + 1] = base
  if normal then pullable[base], pullable[cont] = true, true end
end

function M.setup(spent_class) spent = spent_class end

-- Box registers are set globally: TeX put the inserts into them outside the output
-- routine's group, and a local assignment would come back at its end.
local function setbox(k, box) tex.setbox("global", k, box) end

local function held()
  local list = {}
  local n = tex.lists.page_head
  while n do
    if n.id == INS then list[#list + 1] = n end
    n = n.next
  end
  return list
end

local function box_size(k)
  local b = tex.box[k]
  if not b then return 0 end
  return b.height + b.depth
end

-- The height the page's text and notes take: the text at its natural height (the page's
-- box is set to the full height by \raggedbottom's glue), each series' notes and the space
-- above them (\skip, counted once for a series and its continuation).
local function used(page_box)
  local text = 0
  if page_box and page_box.head then
    local packed = node.vpack(page_box.head)
    text = packed.height + packed.depth
    packed.head = nil
    node.free(packed)
  end
  for _, base in ipairs(bases) do
    local h = box_size(base) + box_size(continuation[base])
    if tex.box[base] or tex.box[continuation[base]] then text = text + h + tex.skip[base].width end
  end
  return text
end

local function append(k, list)
  local b = tex.box[k]
  local head = list
  if b and b.head then
    local tail = node.tail(b.head)
    tail.next, list.prev = list, tail
    head = b.head
    b.head = nil
  end
  setbox(k, node.vpack(head))
end

-- Where a list of lines of notes may break: at glue after a box, at a penalty below 10000.
local GLUE, KERN, PENALTY = node.id("glue"), node.id("kern"), node.id("penalty")
local function discardable(n) return n.id == GLUE or n.id == KERN or n.id == PENALTY end

-- The last place to break the list so that what comes before it is at most room high, and
-- that height (nil if no line fits): a break at glue, or at a penalty below 10000.
local function break_at(head, room)
  local h, prev_depth, best, best_h, after_box = 0, 0, nil, nil, false
  for n in node.traverse(head) do
    local id = n.id
    if id == HLIST or id == VLIST or id == node.id("rule") then
      h = h + prev_depth + n.height
      prev_depth = n.depth
      if h + prev_depth > room then break end
      after_box = true
    elseif id == GLUE then
      if after_box then best, best_h = n, h + prev_depth end
      h = h + prev_depth + n.width
      prev_depth, after_box = 0, false
    elseif id == KERN then
      h = h + prev_depth + n.kern
      prev_depth = 0
    elseif id == PENALTY then
      if n.penalty < 10000 and h > 0 then best, best_h = n, h + prev_depth end
      after_box = false
    end
  end
  return best, best_h
end

-- Step 1: a part of a waiting insert, as much as the page's free space holds (broken before
-- the glue or penalty found by break_at; the glue and penalties there are dropped).
local function pull(ins, free)
  local k = ins.subtype
  local skip = 0
  if not tex.box[family[k]] and not tex.box[continuation[family[k]]] then skip = tex.skip[family[k]].width end
  local room = free - skip
  if room <= 0 or not ins.head then return free, false end
  local whole = ins.head
  local packed = node.vpack(whole)
  local total = packed.height + packed.depth
  packed.head = nil
  node.free(packed)
  local cut, got = whole, total
  if total > room then
    cut, got = break_at(whole, room)
    if not cut then return free, false end
  else
    cut = nil
  end
  local part, rest = whole, nil
  if cut then
    rest = cut
    cut.prev.next = nil
    rest.prev = nil
    while rest and discardable(rest) do -- the top of the rest, as TeX prunes it
      local nxt = rest.next
      node.free(rest)
      rest = nxt
    end
    if rest then rest.prev = nil end
  end
  append(k, part)
  free = free - got - skip
  if rest then
    packed = node.vpack(rest)
    ins.head, ins.height = rest, packed.height + packed.depth
    packed.head = nil
    node.free(packed)
    return free, false
  end
  ins.head, ins.height, ins.subtype = node.new("kern"), 0, spent
  return free, true
end

-- The page's box was set to the height the page builder left for the text: with notes
-- pulled in, it is set to its natural height (\raggedbottom's glue fills the page below).
local function shorten_page()
  local page = tex.box[255]
  if not page or not page.head then return end
  local head = page.head
  page.head = nil
  setbox(255, node.vpack(head))
end

-- At the start of each output: pull_up is whether this is a page of text (not one of
-- LaTeX's special outputs), text_height the height of the text area.
function M.output(pull_up, text_height)
  setbox(spent, nil)
  local waiting = held()
  if pull_up and #waiting > 0 then
    local start = text_height - used(tex.box[255]) - tex.sp("2pt")
    local free, blocked = start, {}
    for _, ins in ipairs(waiting) do
      local base = family[ins.subtype]
      if base and not blocked[base] then
        local done = false
        if pullable[ins.subtype] and free > 0 then free, done = pull(ins, free) end
        if not done then blocked[base] = true end -- what follows in the series waits behind it
      end
    end
    if free < start then shorten_page() end
  end
  local moved = {}
  for _, ins in ipairs(waiting) do
    local k = ins.subtype
    if continuation[k] and not moved[k] then
      ins.subtype, moved[k] = continuation[k], true
    end
  end
  for _, base in ipairs(bases) do
    local cont = tex.box[continuation[base]]
    if cont and not cont.head then setbox(continuation[base], nil)
    elseif cont then
      local head = cont.head
      cont.head = nil -- (before the register lets the box go, which would free its list)
      setbox(continuation[base], nil)
      local own = tex.box[base]
      if own and own.head then
        node.tail(head).next, own.head.prev = own.head, node.tail(head)
        own.head = nil
      end
      setbox(base, node.vpack(head))
    end
  end
end

return M
