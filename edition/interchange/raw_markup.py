"""The importer's edits of a raw paragraph, written as source markup through ``edition.sources.writer``.

A paragraph of the copy stays plain text while it is read; what the importer
decides about its characters is a list of ``Edit`` values (a note anchor, a
person's name, an editorial restoration, a deletion). ``render`` applies them:
every character that no edit replaces is written with ``write_text`` and every
span with ``wrap``/``write_span``, so nothing of the copy can be read as markup
and every tag is one the parser reads back (tests/test_writer.py holds the
writer to the parser). ``paragraph`` adds the block's role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.interchange.importer_notes import Anchor
from edition.sources.writer import guard_block, wrap, write_span, write_text


@dataclass
class Edit:
    """``text[start:end]`` becomes the span ``{kind:args|content}`` (with no ``kind``, the ``markup`` alone).

    The content is ``text[inner_start:inner_end]`` with the edits that lie inside
    it, or ``markup`` when that is given (words the copy has elsewhere, in a note);
    an empty inner range and no ``markup`` give a span without content (``{n:editor:1}``).
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    kind: str
    args: tuple[str, ...] = ()
    markup: str | None = None

    @classmethod
    def around(cls, start: int, end: int, kind: str, *args: str) -> Edit:
        """The characters ``[start, end)`` themselves as the span's content."""
        return cls(start, end, start, end, kind, args)


def render(text: str, edits: list[Edit]) -> str:
    """``text`` as inline markup with the edits applied (an edit inside another's inner range nests;
    one that overlaps another without nesting is left out)."""
    return _render(text, 0, len(text), sorted(edits, key=lambda e: (e.start, -e.end)))


def paragraph(role: str, markup: str) -> str:
    """A block of inline ``markup`` in its role: ``@signed J. Stalin``; ``p`` is a plain paragraph
    (guarded so that its first ``@word`` or its ``>`` lines stay text)."""
    return guard_block(markup) if role == "p" else f"@{role} {markup}"


def _written(text: str, e: Edit, inner: list[Edit]) -> str:
    """One edit as markup: the span around its content, or its markup alone."""
    if not e.kind:
        return e.markup or ""
    if e.markup is not None:
        return wrap(e.kind, list(e.args), e.markup)
    if e.inner_end > e.inner_start:
        return wrap(e.kind, list(e.args), _render(text, e.inner_start, e.inner_end, inner))
    return write_span(e.kind, list(e.args))


def _render(text: str, start: int, end: int, edits: list[Edit]) -> str:
    out: list[str] = []
    pos = start
    i = 0
    while i < len(edits):
        e = edits[i]
        inner = [x for x in edits[i + 1:] if x.start >= e.inner_start and x.end <= e.inner_end and x.start < e.end]
        out.append(write_text(text[pos:e.start]))
        out.append(_written(text, e, inner))
        pos = e.end
        i += 1
        while i < len(edits) and edits[i].start < e.end:
            i += 1  # nested (already rendered) or overlapping (dropped)
    out.append(write_text(text[pos:end]))
    return "".join(out)


def anchor_edit(text: str, anchor: Anchor, series: str, key: str) -> Edit:
    """The edit that turns the anchor's characters into a note anchor; textual notes take the word before as lemma."""
    if series != "textual":
        return Edit(anchor.start, anchor.end, anchor.start, anchor.start, "n", (series, key))
    m = re.search(r"(\S+)\s*$", text[:anchor.start])
    if m is None:
        return Edit(anchor.start, anchor.end, anchor.start, anchor.start, "n", (series, key), write_text(f"[note {key}]"))
    return Edit(m.start(1), anchor.end, m.start(1), m.end(1), "n", (series, key))


def person_edits(found: list[tuple[int, int, str]], taken: list[Edit]) -> list[Edit]:
    """Person tags that neither cut another edit's characters nor cross a lemma's edge."""
    out = []
    for s, e, pid in found:
        clash = any(s < t.end and e > t.start and not (t.inner_start <= s and e <= t.inner_end) for t in taken)
        if not clash:
            out.append(Edit.around(s, e, "p", pid))
    return out


def word_before(text: str, pos: int) -> str:
    """The word before ``pos`` as the copy writes it (for the report: "after 'Кагановичу.'")."""
    m = re.search(r"(\S+)\s*$", text[:pos])
    return m.group(1) if m else ""
