"""The languages of the reader, decided once from the sources: the language each document's
text prints in, each note's, each span marked ``{foreign:CODE|...}`` in a text, a note or a
headnote, and so every language the reader sets. Each output reads these decisions from the
plan and sets each language as its own (LaTeX: babel with that language's hyphenation
patterns where TeX Live has them; HTML: ``lang``); English is the reader's own."""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from edition.model.corpus import Block, Corpus, Document, Note, Span, walk_spans
from edition.passes.reading import SpanKey, part_key
from edition.sources.markup import plain_text

MAIN = "en"
NoteKey = tuple[str, str, str]  # (document, series, key)


@dataclass(frozen=True)
class Languages:
    """The language of every text, note and marked passage of the printed reader (ISO 639 codes)."""

    texts: Mapping[str, str]  # document id -> the language its text prints in
    notes: Mapping[NoteKey, str]  # every note of a printed document -> its language
    passages: Mapping[SpanKey, str]  # every {foreign:CODE|...} span -> CODE as the outputs set it
    reader: tuple[str, ...]  # every language but English that the reader sets, sorted


SAMPLE = 2000  # letters enough to tell the script of a text


def _latin(c: str) -> bool:
    code = ord(c)
    return code < 0x250 or 0x1E00 <= code < 0x1F00 or "LATIN" in unicodedata.name(c, "")


def _mostly_other_script(blocks: Iterable[Block]) -> bool:
    """Whether most letters of the blocks (of their first ``SAMPLE``) are of a script other than
    Latin (Cyrillic, Georgian...)."""
    letters = [c for c in itertools.islice((c for b in blocks for c in _letters(b) if c.isalpha()), SAMPLE)]
    return bool(letters) and sum(1 for c in letters if _latin(c)) < len(letters) / 2


def _letters(block: Block) -> str:
    return plain_text(block.content) + "".join(_letters(b) for b in block.blocks)


def text_language(doc: Document) -> str:
    """The language of the text as printed: English for a translation; otherwise the original's
    language when the text is written in a script other than Latin (a Russian text), else English."""
    if doc.translation is not None or not doc.language or doc.language == MAIN:
        return MAIN
    return doc.language if _mostly_other_script(doc.body) else MAIN


def source_language(doc: Document) -> str:
    """The language the document was written in: its original's, its own, or English."""
    if doc.original is not None:
        return doc.original.language
    if doc.translation is not None:
        return doc.translation.language
    return doc.language or MAIN


def note_language(doc: Document, note: Note) -> str:
    """A note is in the reader's language, the editors', unless it is written in the script of the
    document's own language (an author's note to a Russian original, in Russian)."""
    own = source_language(doc)
    return own if own != MAIN and _mostly_other_script(note.content) else MAIN


def passage_language(span: Span) -> str:
    """The code a ``{foreign:CODE|...}`` span is set in: as written, without spaces, lower case."""
    return span.args[0].strip().lower() if span.kind == "foreign" and span.args else ""


def _passages(owner: str, blocks: Iterable[Block]) -> dict[SpanKey, str]:
    return {(owner, s.uid): code for s in walk_spans(list(blocks)) if (code := passage_language(s))}


def decide(corpus: Corpus, documents: Iterable[Document]) -> Languages:
    """The languages of the printed ``documents`` (each text, note and passage), and of the parts' headnotes."""
    texts: dict[str, str] = {}
    notes: dict[NoteKey, str] = {}
    passages: dict[SpanKey, str] = {}
    found: set[str] = set()
    for doc in documents:
        texts[doc.id] = text_language(doc)
        found.add(texts[doc.id])
        if doc.original is not None:
            found.add(doc.original.language)
        for series, by_key in doc.notes.items():
            for key, note in by_key.items():
                notes[(doc.id, series, key)] = note_language(doc, note)
        passages |= _passages(doc.id, doc.all_blocks())
    for part in corpus.config.parts:
        passages |= _passages(part_key(part.id), part.headnote)
    found |= set(notes.values()) | set(passages.values())
    return Languages(texts, notes, passages, tuple(sorted(code for code in found if code and code != MAIN)))
