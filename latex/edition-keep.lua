-- edition-keep.lua: where a block set apart in a box may break across pages (edition-page.sty).
--
-- A headnote is set in a box first, so that its length is known before its lines go on the
-- page: a short one is kept whole, with its heading; a long one may break, but only where at
-- least `first` of its lines stand on the page with the heading and at least `last` go over.
local M = {}

local HLIST, VLIST, RULE = node.id("hlist"), node.id("vlist"), node.id("rule")
local GLUE, PENALTY = node.id("glue"), node.id("penalty")

local function is_line(n) return n.id == HLIST or n.id == VLIST or n.id == RULE end

-- The lines of box k, and the places between them where no page may break (each glue that is a
-- place to break gets a \penalty10000 before it; each penalty is raised to 10000).
function M.block(k, min_lines, first, last)
  local box = tex.box[k]
  if not box or not box.head then return end
  local total = 0
  for n in node.traverse(box.head) do
    if is_line(n) then total = total + 1 end
  end
  local head, before, prev = box.head, 0, nil
  local n = head
  while n do
    local nxt = n.next
    if is_line(n) then
      before = before + 1
    elseif n.id == GLUE or n.id == PENALTY then
      local allowed = total >= min_lines and before >= first and total - before >= last
      if not allowed then
        if n.id == PENALTY then
          n.penalty = 10000
        elseif prev and prev.id ~= PENALTY and before > 0 then
          local p = node.new(PENALTY)
          p.penalty = 10000
          head = node.insert_before(head, n, p)
        end
      end
    end
    prev, n = n, nxt
  end
  box.head = head
end

return M
