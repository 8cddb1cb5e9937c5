"""Which interventions in the text make an entry of their own in the textual apparatus.

``edition.yaml``'s ``apparatus:`` says, per kind (``corr``, ``reg``, ``del``...),
whether an intervention is also reported in the apparatus; only those in a
document's text (or its original's) do (not in its notes or headnote), and only when the reader has
an apparatus series (one with ``numbering: line``). A correction whose only difference from the
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


_SPACE = re.compile(r"\s+")


def whitespace_only(span: Span) -> bool:
    """A correction that only separates words the copy ran together, or joins what it split."""
    return (span.kind == "corr" and bool(span.args)
            and _SPACE.sub("", span.args[0]) == _SPACE.sub("", plain_text(span.children)) != "")


def whitespace_corrections(documents: list[Document]) -> int:
    """How many corrections in the texts are of white space only (the note on the texts gives the figure)."""
    return sum(1 for doc in documents for text in doc.texts() for span in walk_spans(text) if whitespace_only(span))
