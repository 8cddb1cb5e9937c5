"""Questions every stage asks of the model: the note anchors of a document, what a
cross-reference points at, the line labels of a text. Pure functions of the data."""

from __future__ import annotations

from dataclasses import dataclass

from edition.model.corpus import Document, Span, walk_spans


def anchors(doc: Document) -> list[Span]:
    """The note anchors of a document's text, in reading order."""
    return [s for s in walk_spans(doc.body) if s.kind == "n" and len(s.args) == 2]


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
    """The keys of the ``{lbl:KEY}`` points of a document's text."""
    return {s.args[0] for s in walk_spans(doc.body) if s.kind == "lbl" and s.args}
