"""Editorial prose kept as Markdown (the note on the texts) read into the model.

A deliberately small subset, written by the editors for this purpose and read on
GitHub too: a ``# `` title, ``## `` section headings, paragraphs, bullet (``- ``)
and numbered (``1. ``) lists, and the inline forms ``**bold**``, ``*italic*``,
`` `code` `` and ``\\*`` for a literal star. The result is ordinary blocks and
spans (``strong``, ``em``, ``code``), which every output renders like the rest.
"""

from __future__ import annotations

import re

from edition.model.corpus import Block, Inline, Span, Text
from edition.model.diagnostics import Pos

_INLINE = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|`(.+?)`|\\(\*)")
_ITEM = re.compile(r"^(- |\d+\. )")
_BLANK = re.compile(r"\n\s*\n")


def inline(text: str, pos: Pos) -> list[Inline]:
    out: list[Inline] = []
    start = 0
    for m in _INLINE.finditer(text):
        if m.start() > start:
            out.append(Text(text[start:m.start()], pos))
        bold, italic, code, star = m.groups()
        if bold is not None:
            out.append(Span("strong", [], inline(bold, pos), pos))
        elif italic is not None:
            out.append(Span("em", [], inline(italic, pos), pos))
        elif code is not None:
            out.append(Span("code", [], [Text(code, pos)], pos))
        else:
            out.append(Text(star or "", pos))
        start = m.end()
    if start < len(text) or not out:
        out.append(Text(text[start:], pos))
    return out


def parse_prose(text: str, path: str) -> tuple[str, list[Block]]:
    """(the title of the first ``# `` heading, the blocks of the rest)."""
    title = ""
    blocks: list[Block] = []
    stripped = text.strip()
    first_line = text[: len(text) - len(text.lstrip())].count("\n") + 1
    starts = [0, *(m.end() for m in _BLANK.finditer(stripped))]
    for start, chunk in zip(starts, _BLANK.split(stripped), strict=True):
        pos = Pos(path, first_line + stripped.count("\n", 0, start), 1)
        lines = chunk.strip().split("\n")
        if lines[0].startswith("# "):
            title = lines[0][2:].strip()
            lines = lines[1:]
            if not lines:
                continue
        if lines[0].startswith("## "):
            blocks.append(Block("heading", inline(lines[0][3:].strip(), pos), pos))
            lines = lines[1:]
            if not lines:
                continue
        if _ITEM.match(lines[0]):
            items: list[str] = []
            for item_line in lines:
                if _ITEM.match(item_line):
                    items.append(_ITEM.sub("", item_line))
                else:
                    items[-1] += " " + item_line.strip()
            kind = "bullets" if lines[0].startswith("- ") else "numbers"
            blocks.append(Block(kind, [], pos, [Block("item", inline(item, pos), pos) for item in items]))
        else:
            blocks.append(Block("p", inline(" ".join(part.strip() for part in lines), pos), pos))
    return title, blocks
