"""Passes over the model that run before any LaTeX is written.

Each is a small function of the corpus, testable alone: numbering of notes per
series (so that LaTeX prints the numbers Python computed, and cross-references
can name them), and the lookup of cross-reference targets.
"""

from __future__ import annotations

from edition.model.corpus import Corpus, Document, walk_spans
from edition.model.queries import anchors, ref_target

NoteKey = tuple[str, str, str]  # document id, series id, note key


def number_notes(corpus: Corpus, documents: list[Document], scope: str = "document") -> dict[NoteKey, int]:
    """Number the notes of each series in the order of their anchors.

    ``scope`` "document" restarts every series with each document, "volume"
    counts through the documents in the order given.
    """
    numbers: dict[NoteKey, int] = {}
    counters: dict[str, int] = {}
    for doc in documents:
        if scope == "document":
            counters = {}
        for span in anchors(doc):
            series, key = span.args
            if (doc.id, series, key) in numbers:
                continue
            counters[series] = counters.get(series, 0) + 1
            numbers[(doc.id, series, key)] = counters[series]
    return numbers


def referenced_notes(corpus: Corpus) -> set[tuple[str, str, str]]:
    """(document, series, key) of every note some ``{ref:DOC:SERIES:KEY}`` points at: only
    these get a label in the LaTeX, so no label exists that nothing reads."""
    found: set[tuple[str, str, str]] = set()
    for doc in corpus.documents:
        for span in walk_spans(doc.all_blocks()):
            target = ref_target(span.args) if span.kind == "ref" else None
            if target is not None and target.kind == "note":
                found.add((target.document, target.series, target.key))
    return found


def mentioned_ids(corpus: Corpus, only: set[str] | None = None) -> dict[str, set[str]]:
    """Person ("p") and place ("pl") ids mentioned anywhere in the printed documents."""
    found: dict[str, set[str]] = {"p": set(), "pl": set()}
    for doc in corpus.selected(only):
        for span in walk_spans(doc.all_blocks()):
            if span.kind in found and span.args:
                found[span.kind].add(span.args[0])
    return found
