-- edition-marks.lua: zero-width marks left in LuaTeX's node lists, and finding
-- them again in a line or a page. edition-notes.lua and edition-index.lua use
-- them, each with a user_id of its own.

local M = {}

local WHATSIT = node.id("whatsit")
local USER = node.subtype("user_defined")
local HLIST, VLIST = node.id("hlist"), node.id("vlist")

-- Put a mark carrying the string value into the current list.
function M.write(user_id, value)
  local n = node.new(WHATSIT, USER)
  n.user_id = user_id
  n.type = 115 -- a string value
  n.value = value
  node.write(n)
end

-- Call fn(value) for every mark of user_id in a list, descending into boxes,
-- in reading order.
function M.each(head, user_id, fn)
  for n in node.traverse(head) do
    local id = n.id
    if id == WHATSIT and n.subtype == USER and n.user_id == user_id then
      fn(n.value)
    elseif (id == HLIST or id == VLIST) and n.head then
      M.each(n.head, user_id, fn)
    end
  end
end

return M
