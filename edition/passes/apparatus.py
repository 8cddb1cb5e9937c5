"""Which interventions in the text make an entry of their own in the textual apparatus.

``edition.yaml``'s ``apparatus:`` says, per kind (``corr``, ``reg``, ``del``...),
whether an intervention is also reported in the apparatus; only those in a
document's text (or its original's) do, and those in its notes, by the same rule, reported at the
note's anchor (``note_entries``: "12 note 3: left—U.S.] leftU.S. copy"), and only when the reader has
an apparatus series (one with ``numbering: line``). The headnotes are the editors' own text, set
as written. A correction whose only difference from the
copy is white space (``{corr:formedical|for medical}``: words the copy ran together or split) is
silent, as the note on the texts says, unless ``apparatus: {whitespace: true}``; the source keeps
the copy's form all the same, and the TEI export records it.
"""

from __future__ import annotations

import re

from edition.model.corpus import Corpus, Document, Span, walk_spans
from edition.passes.reading import SpanKey
from edition.sources.markup import plain_text

INTERVENTIONS = ("sup", "del", "add", "sic", "gap", "unclear", "corr", "reg")


def own_entries(corpus: Corpus, documents: list[Document]) -> set[SpanKey]:
    """(document, span uid) of every intervention that gets its own apparatus entry."""
    if not any(s.numbering == "line" for s in corpus.config.series):
        return set()
    wanted = {kind for kind in INTERVENTIONS if corpus.config.apparatus.get(kind, False)}
    spaces = corpus.config.apparatus.get("whitespace", False)
    return {(doc.id, span.uid) for doc in documents for text in doc.texts() for span in walk_spans(text)
            if span.kind in wanted and (spaces or not whitespace_only(span))}


def note_entries(corpus: Corpus, documents: list[Document]) -> dict[tuple[str, str, str], tuple[int, ...]]:
    """(document, series, key) of each note -> the uids of its interventions that the apparatus reports,
    by the rule of the texts (white space only: silent unless ``apparatus: {whitespace: true}``)."""
    if not any(s.numbering == "line" for s in corpus.config.series):
        return {}
    wanted = {kind for kind in INTERVENTIONS if corpus.config.apparatus.get(kind, False)}
    spaces = corpus.config.apparatus.get("whitespace", False)
    out: dict[tuple[str, str, str], tuple[int, ...]] = {}
    for doc in documents:
        for sid, notes in doc.notes.items():
            for key, note in notes.items():
                uids = tuple(s.uid for s in walk_spans(note.content) if s.kind in wanted and (spaces or not whitespace_only(s)))
                if uids:
                    out[(doc.id, sid, key)] = uids
    return out


_SPACE = re.compile(r"\s+")


def whitespace_only(span: Span) -> bool:
    """A correction that only separates words the copy ran together, or joins what it split."""
    return (span.kind == "corr" and bool(span.args)
            and _SPACE.sub("", span.args[0]) == _SPACE.sub("", plain_text(span.children)) != "")


def whitespace_corrections(documents: list[Document]) -> int:
    """How many corrections in the texts are of white space only (the note on the texts gives the figure)."""
    return sum(1 for doc in documents for text in doc.texts() for span in walk_spans(text) if whitespace_only(span))


def whitespace_corrections_in_notes(documents: list[Document]) -> int:
    """How many corrections in the notes are of white space only."""
    return sum(1 for doc in documents for span in walk_spans(doc.note_blocks()) if whitespace_only(span))
