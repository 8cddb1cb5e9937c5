"""The edition itself and its documents as bibliography entries: a @book and its @incollection
parts, in BibTeX and CSL-JSON, for the reader.bib/.json exports and the web edition's pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pybtex.richtext import Text

from edition.registers.bib.bibtex import export_bibtex
from edition.registers.bib.csl import csl_name, export_csl_json
from edition.registers.bib.load import parse_name
from edition.registers.bib.model import Bibliography, Work


@dataclass(frozen=True)
class ReaderInfo:
    """The edition itself, as a book. Names are written the BibTeX way ("Smith, Jane")."""

    key: str
    title: str
    year: str
    subtitle: str = ""
    editor: Sequence[str] = ()
    publisher: str = ""
    institution: str = ""
    location: str = ""


@dataclass(frozen=True)
class DocumentCitation:
    """One document of the edition, cited as a part of the reader."""

    key: str
    title: str
    first_page: int | str
    last_page: int | str
    authors: Sequence[str] = ()
    recipients: Sequence[str] = ()
    date: str = ""
    number: int = 0  # the document's number in the reader (BibTeX 'chapter', CSL 'chapter-number')


def reader_entries(reader: ReaderInfo, documents: Sequence[DocumentCitation]) -> tuple[str, list[dict[str, Any]]]:
    """BibTeX and CSL-JSON for the reader (@book) and for each of its documents (@incollection)."""
    fields = {"title": reader.title, "subtitle": reader.subtitle, "year": reader.year, "publisher": reader.publisher,
              "institution": reader.institution, "location": reader.location}
    works = [Work(reader.key, "book", {k: Text(v) for k, v in fields.items() if v},
                  {"editor": [parse_name(n) for n in reader.editor]} if reader.editor else {})]
    for doc in documents:
        pages = str(doc.first_page) if str(doc.first_page) == str(doc.last_page) else f"{doc.first_page}–{doc.last_page}"
        to = " and ".join(parse_name(r).display() for r in doc.recipients)
        note = ", ".join(x for x in (f"To {to}" if to else "", doc.date) if x)
        part = {"title": doc.title, "chapter": str(doc.number) if doc.number else "", "pages": pages, "note": note,
                "crossref": reader.key}
        works.append(Work(doc.key, "incollection", {k: Text(v) for k, v in part.items() if v},
                          {"author": [parse_name(a) for a in doc.authors]} if doc.authors else {}))
    bib, keys = Bibliography(works), [doc.key for doc in documents] + [reader.key]
    csl = export_csl_json(bib, keys)
    for item, doc in zip(csl[: len(documents)], documents, strict=True):
        if doc.recipients:
            item["recipient"] = [csl_name(parse_name(r)) for r in doc.recipients]
    return export_bibtex(bib, keys), csl
