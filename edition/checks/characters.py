"""Characters that no font of the reader has: found in the sources before LaTeX runs.

LuaLaTeX sets a character that no font has as nothing (and says so in its log, far from
the source). ``missing_characters`` walks the text of every document (its title, headnote,
text, notes and original) and reports the first place of each such character in each file,
with its name. Spaces, controls and private-use characters are left to the reading policy.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator

from edition.checks.offsets import positions
from edition.checks.structure import text_runs
from edition.model.corpus import Block, Corpus
from edition.model.diagnostics import Diagnostic, Pos, error

_SKIP = ("Z", "C")  # separators, controls, format characters, private use: not glyphs a font must have
# Marks that choose or join glyphs and print nothing of their own (Unicode's default-ignorable
# marks): variation selectors, Mongolian free variation selectors, the combining grapheme joiner.
_IGNORABLE = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF), (0x180B, 0x180D), (0x34F, 0x34F))


def _no_glyph_needed(char: str) -> bool:
    code = ord(char)
    return unicodedata.category(char)[0] in _SKIP or any(lo <= code <= hi for lo, hi in _IGNORABLE)


# Characters Linux Libertine has (fontconfig's charset of LinLibertine_R.otf): a text of these
# alone needs no question to fontconfig.
_SURE = ((0x20, 0x7E), (0xA0, 0x34E), (0x370, 0x3CE), (0x400, 0x45F), (0x2010, 0x2027), (0x2030, 0x203A))


def needs_font_check(corpus: Corpus, only: set[str] | None = None) -> bool:
    """True if a document holds a character beyond those the main font surely has."""
    for doc in corpus.selected(only):
        for char, _pos in _characters(doc.title, doc.pos, doc.all_blocks()):
            code = ord(char)
            if not any(lo <= code <= hi for lo, hi in _SURE) and not _no_glyph_needed(char):
                return True
    return False


def missing_characters(corpus: Corpus, covered: frozenset[int], families: Iterable[str], only: set[str] | None = None) -> list[Diagnostic]:
    fonts = ", ".join(families)
    out: list[Diagnostic] = []
    for doc in corpus.selected(only):
        seen: set[str] = set()
        for char, pos in _characters(doc.title, doc.field_pos.get("title", doc.pos), doc.all_blocks()):
            if char in seen or ord(char) in covered or char <= "~" or _no_glyph_needed(char):
                continue
            seen.add(char)
            name = unicodedata.name(char, "unnamed")
            out.append(error(pos, f"no font of the reader has the character U+{ord(char):04X} ({name}): it would print as nothing",
                             f"the fonts: {fonts}; write the character another way, or install a font that has it "
                             "and add it to latex/edition-fonts.sty"))
    return out


def _characters(title: str, title_pos: Pos, blocks: Iterable[Block]) -> Iterator[tuple[str, Pos]]:
    for i, char in enumerate(title):
        if char > "~":
            yield char, Pos(title_pos.path, title_pos.line, title_pos.column + i)
    for text in text_runs(blocks):
        pos_at = positions(text)
        for i, char in enumerate(text.text):
            if char > "~":
                yield char, pos_at(i)
