-- edition-index.lua: the pages of the index of names, found in the same run.
--
-- edition sorts the index in Python (Unicode collation, aliases, letter
-- headings) and writes it with \edIndexPages{kind}{id} where the pages go.
-- Each mention in the text leaves a zero-width marker (\edIndexMark); when a
-- page ships out, its markers are read here with the page's number. The index
-- comes last in the book, so by the time it is set every page that mentions a
-- name has shipped, and its page lists are those of this very run: no extra
-- LaTeX pass and no program between passes are needed for them.

local M = {}

local marks = require("edition-marks")
local MARK_ID = 0x656469 -- "edi": the user_id of our marks

local seen = {} -- "kind|id" -> { [absolute page] = { label = "12", notes_only = true } }
local shipped = 0

-- A mention: kind ("p" person, "pl" place), id, and where ("t" text, "n" note).
function M.mark(kind, id, where)
  marks.write(MARK_ID, kind .. "|" .. where .. "|" .. id)
end

local function collect(head, label)
  marks.each(head, MARK_ID, function(value)
    local kind, where, rid = string.match(value, "^([^|]*)|([tn])|(.*)$")
    local key = kind .. "|" .. rid
    local pages = seen[key] or {}
    seen[key] = pages
    local page = pages[shipped]
    if page then
      page.notes_only = page.notes_only and where == "n"
    else
      pages[shipped] = { label = label, notes_only = where == "n" }
    end
  end)
end

-- Called as each page ships out, with its box and its printed number.
function M.shipout(box_number, label)
  shipped = shipped + 1
  local box = tex.box[box_number]
  if box and box.head then
    collect(box.head, label)
  end
end

local function arabic(label)
  return string.match(label, "^%d+$") ~= nil
end

-- The pages of an entry: in order, "34n" where the name stands only in notes,
-- three or more consecutive pages as a range.
function M.pages(kinds, id)
  -- kinds: one kind or several, "p,pa,pr" (mentions, documents written, received), merged
  local pages
  for kind in string.gmatch(kinds, "[^,]+") do
    for abs, page in pairs(seen[kind .. "|" .. id] or {}) do
      pages = pages or {}
      local had = pages[abs]
      pages[abs] = { label = page.label, notes_only = page.notes_only and (had == nil or had.notes_only) }
    end
  end
  if not pages then return end
  local order = {}
  for abs in pairs(pages) do order[#order + 1] = abs end
  table.sort(order)
  local out, run = {}, {}
  local function flush()
    if #run >= 3 then
      out[#out + 1] = run[1].label .. "\u{2013}" .. run[#run].label
    else
      for _, r in ipairs(run) do out[#out + 1] = r.label end
    end
    run = {}
  end
  for _, abs in ipairs(order) do
    local page = pages[abs]
    if page.notes_only then
      flush()
      out[#out + 1] = page.label .. "n"
    else
      local last = run[#run]
      if last and (abs ~= last.abs + 1 or not (arabic(page.label) and arabic(last.label))) then
        flush()
      end
      run[#run + 1] = { abs = abs, label = page.label }
    end
  end
  flush()
  tex.sprint(table.concat(out, ", "))
end

return M
