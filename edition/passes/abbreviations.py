"""The list of abbreviations: every abbreviation the printed editorial matter uses, and nothing else.

The editorial matter is what the editors print around the texts: the documents' headings,
headnotes and notes (all but the author's own), the parts' headnotes, the source notes (printed
source, archive), the archival and bibliographic citations, and the note on the texts. An
abbreviation is listed when one of those prints it: the standard ones of the house style and of
Russian archival citations (``STANDARD``), the names of the archives cited (the archives
register), and the reader's own (``abbreviations:`` in edition.yaml). tests/test_careful.py reads
the printed list against the printed pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from edition.model.corpus import Block, Corpus, Document, Inline, Text
from edition.model.queries import paragraphs
from edition.passes.citations import Citation
from edition.passes.order import DocumentPlan

# What edition's own forms print: archival citations (f. 558, op. 1, d. 5391, l. 3 ob.), the house
# style of citations (ed., trans., vol., no., p.), the index (d. 1938 for a year of death).
STANDARD: Mapping[str, str] = {
    "f.": "fond (collection), in an archival citation",
    "op.": "opis\u2019 (inventory), in an archival citation",
    "d.": "delo (file), in an archival citation; in the index, died",
    "l.": "list (folio), in an archival citation",
    "ll.": "listy (folios), in an archival citation",
    "ob.": "oborot (verso), in an archival citation",
    "vyp.": "vypusk (part of a file), in an archival citation",
    "ed.": "edited by; edition",
    "eds.": "editors",
    "trans.": "translated by",
    "vol.": "volume",
    "vols.": "volumes",
    "no.": "number",
    "p.": "page",
    "pp.": "pages",
    "ibid.": "ibidem, in the same work",
    "n.d.": "no date",
    "cf.": "compare",
}


def _pattern(abbr: str) -> re.Pattern[str]:
    """The abbreviation as a word of its own; a lower-case one also capitalized ("No. 47")."""
    forms = {abbr, abbr[:1].upper() + abbr[1:]} if abbr[:1].islower() else {abbr}
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(f) for f in sorted(forms)) + r")(?![\w])")


def used(texts: Iterable[str], archives: Iterable[tuple[str, str]], own: Mapping[str, str]) -> list[tuple[str, str]]:
    """(abbreviation, expansion) of every abbreviation the texts print, the reader's own before the standard
    ones of the same form; ``archives``: the archives' abbreviations, listed as the register decides."""
    text = "\n".join(texts)
    listed = dict(archives)
    for abbr, expansion in {**STANDARD, **own}.items():
        if abbr not in listed and _pattern(abbr).search(text):
            listed[abbr] = expansion
    return list(listed.items())


def _words(nodes: Iterable[Inline]) -> str:
    """A rich text's words as printed, but its citations, which print in the forms the plan gives them."""
    return "".join(n.text if isinstance(n, Text) else "" if n.kind in ("arch", "cite") else _words(n.children) for n in nodes)


def _plain(blocks: Iterable[Block]) -> list[str]:
    return [_words(content) for content in paragraphs(blocks)]


def editorial_texts(corpus: Corpus, printed: Iterable[Document], faces: Mapping[str, DocumentPlan],
                    citations: Iterable[Citation], archival: Iterable[str], note: Iterable[Block]) -> list[str]:
    """The words of the printed editorial matter: headings, headnotes, notes but the author's, the parts'
    headnotes, source notes, citations and the note on the texts."""
    texts = [t for part in corpus.config.parts for t in (part.title, *_plain(part.headnote))]
    for doc in printed:
        face = faces[doc.id]
        texts += [face.title_with_date, *_plain(doc.headnote), *(str(line.text) for line in face.source_lines)]
        texts += [t for sid, notes in doc.notes.items() if sid != "author" for n in notes.values() for t in _plain(n.content)]
    return [*texts, *(str(c.text) for c in citations), *archival, *_plain(note)]
