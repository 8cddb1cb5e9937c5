"""Shapes of a corpus that parse but that no output can set: refused or reported where they stand.

* a note anchor or a line label in a headnote (of a document or of a part): a headnote
  has no line numbers and no notes of its own;
* a quotation inside a quotation of a headnote or a note (they are set as one block);
* more than ten note series of one kind (reledmac has ten familiar and ten critical series);
* two series with one id;
* a document id ending in ``.tex`` (it would name the generated file ambiguously);
* a word too long to be broken across lines: it runs into the margin;
* a part without documents (it is left out of the reader).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from edition.checks.offsets import positions
from edition.model.corpus import Block, Corpus, Inline, Span, Text
from edition.model.diagnostics import Diagnostic, Pos, error, warning

MAX_SERIES = 10  # of each kind: reledmac's series letters A-J
LONG_WORD = 100  # characters: far wider than any line of the reader
_WORD = re.compile(rf"\S{{{LONG_WORD + 1},}}")


def check_structure(corpus: Corpus, only: set[str] | None = None) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for doc in corpus.selected(only):
        diags += _headnote(doc.headnote, "a headnote")
        diags += _nested_quotes(doc.headnote, "a headnote")
        for notes in doc.notes.values():
            for note in notes.values():
                diags += _nested_quotes(note.content, "a note")
        diags += _long_words(doc.all_blocks())
        if doc.id.endswith(".tex"):
            diags.append(error(doc.field_pos.get("id", doc.pos), f"document id '{doc.id}' may not end in '.tex'",
                               "it names the generated file docs/ID.tex; drop the ending"))
    for part in corpus.config.parts:
        if not part.documents and part.id not in corpus.unreadable_folders:  # else: the source's own error says why
            diags.append(warning(part.pos, f"part '{part.id}' has no documents and is not printed",
                                 "list its documents, or put sources into sources/" + (part.id or "PART") + "/"))
        diags += _headnote(part.headnote, "a part's headnote")
        diags += _nested_quotes(part.headnote, "a part's headnote")
    diags += _series(corpus)
    return diags


def _spans(nodes: Iterable[Inline]) -> Iterator[Span]:
    for node in nodes:
        if isinstance(node, Span):
            yield node
            yield from _spans(node.children)


def _all_spans(blocks: Iterable[Block]) -> Iterator[Span]:
    for block in blocks:
        yield from _spans(block.content)
        yield from _all_spans(block.blocks)


def _headnote(blocks: list[Block], what: str) -> list[Diagnostic]:
    out = []
    for span in _all_spans(blocks):
        if span.kind == "n":
            out.append(error(span.pos, f"a note anchor cannot stand in {what}: a headnote has no notes of its own",
                             "put the anchor in the text, or say it in the headnote's words"))
        elif span.kind == "lbl":
            out.append(error(span.pos, f"a line label cannot stand in {what}: a headnote has no line numbers",
                             "put the label on a line of the text"))
    return out


def _nested_quotes(blocks: list[Block], what: str) -> list[Diagnostic]:
    return [error(inner.pos, f"a quotation inside a quotation cannot be set in {what}", "make it one level of quotation (one '>')")
            for block in blocks if block.kind == "quote" for inner in block.blocks if inner.kind == "quote"]


def _series(corpus: Corpus) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    counts = {True: 0, False: 0}
    seen: set[str] = set()
    positions = getattr(corpus.config, "field_pos", {})
    for i, s in enumerate(corpus.config.series):
        pos = positions.get(f"series[{i}]", Pos(corpus.config.path, 1, 1))
        if s.id in seen:
            out.append(error(pos, f"note series '{s.id}' is configured twice", "give each series an id of its own"))
        seen.add(s.id)
        critical = s.numbering == "line"
        counts[critical] += 1
        if counts[critical] == MAX_SERIES + 1:
            kind = "line-numbered (apparatus)" if critical else "numbered"
            out.append(error(pos, f"more than ten {kind} note series: reledmac has ten of each kind",
                             "merge some series, or number some of them by line"))
    return out


def _long_words(blocks: Iterable[Block]) -> list[Diagnostic]:
    out = []
    for text in text_runs(blocks):
        pos_at = positions(text)
        for m in _WORD.finditer(text.text):
            out.append(warning(pos_at(m.start()), f"a word of {len(m.group())} characters cannot be broken across lines: "
                               "it runs into the margin", "break it with spaces, or shorten it (a long URL: cite it in a note)"))
    return out


def text_runs(blocks: Iterable[Block]) -> Iterator[Text]:
    """Every run of plain text in these blocks and the blocks inside them, spans opened."""
    def inline(nodes: Iterable[Inline]) -> Iterator[Text]:
        for node in nodes:
            if isinstance(node, Text):
                yield node
            else:
                yield from inline(node.children)

    for block in blocks:
        yield from inline(block.content)
        yield from text_runs(block.blocks)
