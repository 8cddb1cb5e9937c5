"""Questions every stage asks of the model: the note anchors of a document, what a
cross-reference points at, the line labels of a text. Pure functions of the data."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from edition.model.corpus import Block, Document, Inline, Span, walk_spans


def anchors(doc: Document) -> list[Span]:
    """The note anchors of a document's text (the translation, where it has an original), in reading order."""
    return anchors_in(doc.body)


def paragraphs(blocks: Iterable[Block]) -> Iterator[list[Inline]]:
    """The content of each block and of the blocks inside it, in reading order."""
    for block in blocks:
        yield block.content
        yield from paragraphs(block.blocks)


def anchors_in(blocks: list[Block]) -> list[Span]:
    """The note anchors of some blocks, in reading order."""
    return [s for s in walk_spans(blocks) if s.kind == "n" and len(s.args) == 2]


@dataclass(frozen=True)
class RefTarget:
    """What ``{ref:DOC}``, ``{ref:DOC:SERIES:KEY}`` or ``{ref:DOC:line:KEY}`` points at."""

    document: str
    kind: str  # "document" | "note" | "line"
    series: str = ""
    key: str = ""


def ref_target(args: list[str]) -> RefTarget | None:
    if len(args) == 1:
        return RefTarget(args[0], "document")
    if len(args) == 3 and args[1] == "line":
        return RefTarget(args[0], "line", key=args[2])
    if len(args) == 3:
        return RefTarget(args[0], "note", series=args[1], key=args[2])
    return None


def line_labels(doc: Document) -> set[str]:
    """The keys of the ``{lbl:KEY}`` points of a document's text (either version)."""
    return {s.args[0] for text in doc.texts() for s in walk_spans(text) if s.kind == "lbl" and s.args}
