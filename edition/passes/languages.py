"""The languages of the reader, collected once from the sources: the language each document's
text prints in, its original's, and every span marked ``{foreign:CODE|...}`` in a text, a note
or a headnote. Each output sets each language as its own (LaTeX: babel with that language's
hyphenation patterns where TeX Live has them; HTML: ``lang``); English is the reader's own."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from edition.model.corpus import Block, Corpus, Document, walk_spans
from edition.sources.markup import plain_text

MAIN = "en"


def text_language(doc: Document) -> str:
    """The language of the text as printed: English for a translation; otherwise the original's
    language when the text is written in a script other than Latin (a Russian text), else English."""
    if doc.translation is not None or not doc.language or doc.language == MAIN:
        return MAIN
    letters = [c for b in doc.body for c in plain_text(b.content) if c.isalpha()]
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return doc.language if letters and latin < len(letters) / 2 else MAIN


def _foreign(blocks: Iterable[Block]) -> set[str]:
    return {s.args[0].strip().lower() for s in walk_spans(list(blocks)) if s.kind == "foreign" and s.args and s.args[0].strip()}


def reader_languages(corpus: Corpus, documents: Iterable[Document]) -> tuple[str, ...]:
    """Every language other than English that the printed reader sets, sorted."""
    found: set[str] = set()
    for doc in documents:
        found.add(text_language(doc))
        if doc.original is not None:
            found.add(doc.original.language)
        found |= _foreign(doc.all_blocks())
    for part in corpus.config.parts:
        found |= _foreign(part.headnote)
    return tuple(sorted(code for code in found if code and code != MAIN))
