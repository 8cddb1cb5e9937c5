"""Which interventions in the text make an entry of their own in the textual apparatus.

``edition.yaml``'s ``apparatus:`` says, per kind (``corr``, ``reg``, ``del``...),
whether an intervention is also reported in the apparatus; only those in a
document's text (or its original's) do (not in its notes or headnote), and only when the reader has
an apparatus series (one with ``numbering: line``).
"""

from __future__ import annotations

from edition.model.corpus import Corpus, Document, walk_spans
from edition.passes.reading import SpanKey

INTERVENTIONS = ("sup", "del", "add", "sic", "gap", "unclear", "corr", "reg")


def own_entries(corpus: Corpus, documents: list[Document]) -> set[SpanKey]:
    """(document, span uid) of every intervention that gets its own apparatus entry."""
    if not any(s.numbering == "line" for s in corpus.config.series):
        return set()
    wanted = {kind for kind in INTERVENTIONS if corpus.config.apparatus.get(kind, False)}
    return {(doc.id, span.uid) for doc in documents for text in doc.texts() for span in walk_spans(text) if span.kind in wanted}
