"""Which characters the fonts can set without OpenType shaping.

luaotfload sets a font in one of two modes. In node mode it runs the OpenType
features in Lua over every word of every paragraph; in base mode it hands the
font's ligatures and kerns to TeX itself, which is much cheaper (a quarter of a
LuaLaTeX pass) and gives the same result for Latin, Greek and Cyrillic written
with precomposed letters. Scripts that need shaping (Hebrew, Arabic, Indic...)
and combining marks, which must be placed over their base letter, need node
mode. ``edition.sty`` picks the mode from what ``needs_shaping`` says about the
characters of the text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

# Blocks that base mode sets as well as node mode: Latin with its extensions, IPA
# and spacing modifier letters, Greek, Cyrillic, punctuation, super- and
# subscripts, currency, letterlike symbols, number forms, arrows, mathematical
# and technical symbols, and the Latin ligatures.
_SIMPLE = ((0x0000, 0x02FF), (0x0370, 0x052F), (0x1D00, 0x1DBF), (0x1E00, 0x1FFF), (0x2000, 0x2BFF),
           (0x2C60, 0x2C7F), (0xA720, 0xA7FF), (0xFB00, 0xFB06))


# The characters that edition-text.sty's macros print around the text they are given:
# the fonts must have them too.
MACRO_MARKS = {"\\edAdded": "\u2e0c\u2e0d", "\\edDeleted": "\u27e6\u27e7"}


def needs_shaping(chars: Iterable[str]) -> bool:
    """True if any character is a combining mark or from a script beyond those base mode sets."""
    for char in chars:
        if unicodedata.category(char).startswith("M"):
            return True
        code = ord(char)
        if not any(lo <= code <= hi for lo, hi in _SIMPLE):
            return True
    return False
