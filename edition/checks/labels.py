"""Line labels: each ``{lbl:KEY}`` of a document's text names one line, so a key is given once
(a cross-reference to it would otherwise print the number of whichever line came last)."""

from __future__ import annotations

from edition.model.corpus import Document, Span, walk_spans
from edition.model.diagnostics import Diagnostic, error


def check_labels(doc: Document) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for text in doc.texts():
        first: dict[str, Span] = {}
        for span in walk_spans(text):
            if span.kind != "lbl" or not span.args:
                continue
            seen = first.setdefault(span.args[0], span)
            if seen is not span:
                out.append(error(span.pos, f"line label '{span.args[0]}' is given twice: first on line {seen.pos.line}, column {seen.pos.column}",
                                 "a label names one line: give this one a key of its own"))
    return out
