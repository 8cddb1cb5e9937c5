-- edition-url.lua: links whose URL reaches TeX as hexadecimal UTF-8.
--
-- edition/latex/escape.py writes \edURL{target}{shown} and \edHref{target}{text}
-- with the URL's bytes in hexadecimal, so that no character of a URL (%, #, \,
-- an unbalanced brace, ^^) can reach TeX's parser inside the argument of
-- another macro. Here the bytes become characters of category "other" (the
-- catcode table -2) for hyperref's link and for the text shown, which is set
-- character by character, with a break allowed after / . - ? & = # _ and no
-- TeX ligatures or hyphens (edition-text.sty's \edURLFont).

local M = {}

local BREAK_AFTER = { ["/"] = true, ["."] = true, ["-"] = true, ["?"] = true, ["&"] = true,
                      ["="] = true, ["#"] = true, ["_"] = true }

local function unhex(s)
  return (s:gsub("%x%x", function(h) return string.char(tonumber(h, 16)) end))
end

-- The link: \href{target}, hyperref reading the characters as they are.
function M.href(target)
  tex.sprint("\\href{")
  tex.sprint(-2, unhex(target))
  tex.sprint("}")
end

-- The URL as text, in a group with \edURLFont.
function M.shown(shown)
  tex.sprint("{\\edURLFont ")
  for _, code in utf8.codes(unhex(shown)) do
    local c = utf8.char(code)
    tex.sprint(-2, c)
    if BREAK_AFTER[c] then tex.sprint("\\allowbreak ") end
  end
  tex.sprint("}")
end

function M.url(target, shown)
  M.href(target)
  tex.sprint("{")
  M.shown(shown)
  tex.sprint("}")
end

return M
