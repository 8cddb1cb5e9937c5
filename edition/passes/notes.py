"""Notes: the number of each note in its series, the notes that cross-references name,
and which persons and places the documents mention.

Every output prints the numbers computed here (LaTeX does not count), so a
cross-reference can name a note's number and print and web agree on it.
"""

from __future__ import annotations

from edition.model.corpus import Corpus, Document, walk_spans
from edition.model.queries import anchors, ref_target

NoteKey = tuple[str, str, str]  # document id, series id, note key


def number_notes(documents: list[Document], scope: str = "document") -> dict[NoteKey, int]:
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
    """Person ("p") and place ("pl") ids mentioned anywhere in the printed documents, and in the
    headnotes of the parts (of a whole reader: a draft prints no part headnote)."""
    found: dict[str, set[str]] = {"p": set(), "pl": set()}
    parts = [b for part in corpus.config.parts for b in part.headnote] if only is None else []
    for blocks in [parts, *(doc.all_blocks() for doc in corpus.selected(only))]:
        for span in walk_spans(blocks):
            if span.kind in found and span.args:
                found[span.kind].add(span.args[0])
    return found


def endnotes(doc: Document, placements: dict[str, str], numbers: dict[NoteKey, int]) -> tuple[tuple[str, tuple[tuple[int, str], ...]], ...]:
    """The notes printed after the document (series with ``placement: end-of-document``):
    for each such series, in the order its first anchor comes, (number, key) in anchor order."""
    found: dict[str, list[tuple[int, str]]] = {}
    for span in anchors(doc):
        series, key = span.args
        if placements.get(series) == "end-of-document" and key in doc.notes.get(series, {}):
            found.setdefault(series, []).append((numbers.get((doc.id, series, key), 0), key))
    return tuple((series, tuple(items)) for series, items in found.items())
