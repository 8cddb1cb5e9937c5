"""The reader's order and the face of each document: parts and documents as printed,
each document's number, heading, date, places, "Cite as" text and source note.

Documents are numbered 1, 2, 3... through the reader in the order of
``edition.yaml``'s parts; a draft of some documents keeps their numbers in the
whole reader, so that a handout and the printed reader cite the same number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from edition.model.corpus import Block, Corpus, Document, Part
from edition.model.languages import name_of
from edition.passes.citations import Citation
from edition.passes.heads import short_title
from edition.passes.typography import names, typeset
from edition.registers.names import transliterate


@dataclass(frozen=True)
class SourceLine:
    """One line of a document's source note: its label and its text (rich text or a str)."""

    label: str  # "Printed source" | "Archive" | "Translation"
    text: Any


@dataclass(frozen=True)
class DocumentPlan:
    id: str
    number: int  # in the whole reader, from 1
    part: str
    title: str
    date: str  # the date in words, or "undated"
    places: str  # "Sochi → Moscow", one place, or ""
    title_with_date: str  # "Stalin to Molotov, 26 May 1926": how other texts name it
    cite_as: str  # the suggested citation, without its pages (the outputs add them)
    source_lines: tuple[SourceLine, ...]
    endnotes: tuple[tuple[str, tuple[tuple[int, str], ...]], ...]  # (series, ((number, key), ...)) printed after it
    short_title: str = ""  # the running head's title when the heading does not fit there (passes/heads.py)


@dataclass(frozen=True)
class PartPlan:
    id: str
    number: int  # among the parts that print, from 1
    title: str
    headnote: tuple[Block, ...]
    documents: tuple[str, ...]


@dataclass
class PrintedPart:
    part: Part
    number: int
    documents: list[Document]


def surname(corpus: Corpus, pid: str) -> str:
    """A person's surname as the reader prints it ("Zinov'ev, G. E." -> "Zinov'ev"; a register's Cyrillic
    "Чехов, А. П." -> "Chekhov", in the transliteration edition.yaml declares, as the index files it), or the id."""
    person = corpus.persons.get(pid)
    return transliterate(person.surname, corpus.config.transliteration) if person else pid  # Latin letters pass through


def person_name(corpus: Corpus, pid: str) -> str:
    person = corpus.persons.get(pid)
    return person.name if person else pid


def title_with_date(doc: Document) -> str:
    return f"{doc.title}, {doc.date.text()}" if doc.date else doc.title


def reader_order(corpus: Corpus) -> list[Document]:
    """The documents the parts print, in the reader's order (each once)."""
    by_id = corpus.by_id()
    seen: dict[str, Document] = {}
    for part in corpus.config.parts:
        for doc_id in part.documents:
            if doc_id in by_id:
                seen.setdefault(doc_id, by_id[doc_id])
    return list(seen.values())


def document_numbers(corpus: Corpus) -> dict[str, int]:
    """The number of each document that the reader prints, through all parts."""
    return {doc.id: number for number, doc in enumerate(reader_order(corpus), start=1)}


def printed_parts(corpus: Corpus, only: set[str] | None) -> list[PrintedPart]:
    """The parts that print (those with documents), each with its documents, numbered as in
    the whole reader; a draft keeps only the documents ``only`` names."""
    by_id = corpus.by_id()
    out: list[PrintedPart] = []
    number = 0
    for part in corpus.config.parts:
        docs = [by_id[i] for i in part.documents if i in by_id]
        if not docs:
            continue
        number += 1
        chosen = [d for d in docs if only is None or d.id in only]
        if chosen:
            out.append(PrintedPart(part, number, chosen))
    return out


def part_plans(parts: list[PrintedPart]) -> list[PartPlan]:
    return [PartPlan(p.part.id, p.number, p.part.title, tuple(p.part.headnote), tuple(d.id for d in p.documents))
            for p in parts]


def reference(doc: Document, number: int) -> str:
    """How other texts of the reader name a document: "no. 12, Stalin to Molotov, 3 June 1926"
    (two documents may share a heading, never a number); a document the reader does not
    number (in no part) by its heading and date alone."""
    return f"no.\u00a0{number}, {title_with_date(doc)}" if number else title_with_date(doc)


def cite_as(corpus: Corpus, doc: Document, number: int = 0) -> str:
    """"Stalin to Molotov, 3 June 1926, no. 12 in Title: Subtitle, ed. A. Historian (2026)": the editors
    by name (``editors:``), which print and web both print from here."""
    cfg = corpus.config
    title = f"{cfg.title}: {cfg.subtitle}" if cfg.subtitle else cfg.title
    if cfg.editors:
        title += f", ed. {names(cfg.editors)}"
    where = f"no.\u00a0{number} in" if number else "in"
    return f"{title_with_date(doc)}, {where} {title}" + (f" ({cfg.year})" if cfg.year else "")


def page_range(first: str, last: str) -> str:
    """A document's printed pages as "Cite as" gives them: "p. 17", "pp. 18–20" (the LaTeX
    side's ``\\edPages`` sets the same form), or "" when the pages are not known."""
    if not first:
        return ""
    return f"p.\u00a0{first}" if first == last or not last else f"pp.\u00a0{first}\u2013{last}"


def document_plan(corpus: Corpus, doc: Document, number: int, source: Citation | None, archive_lines: tuple[str, ...],
                  endnotes: tuple[tuple[str, tuple[tuple[int, str], ...]], ...] = (),
                  original_lines: tuple[SourceLine, ...] = ()) -> DocumentPlan:
    """The face of one document: what its heading and source note print."""
    places = [corpus.places[p].name for p in (doc.place_from, doc.place_to) if p in corpus.places]
    lines: list[SourceLine] = []
    if source is not None:
        lines.append(SourceLine("Printed source", source.text))
    lines += [SourceLine("Archive", line) for line in archive_lines]
    if doc.translation:
        by = f", by {doc.translation.by}" if doc.translation.by else ""
        lines.append(SourceLine("Translation", typeset(f"from {name_of(doc.translation.language)}{by}")))
    lines += original_lines
    return DocumentPlan(
        id=doc.id, number=number, part=doc.part, title=doc.title,
        date=doc.date.text() if doc.date else "undated",
        places=" \u2192 ".join(places) if len(places) == 2 else "".join(places),
        title_with_date=title_with_date(doc), cite_as=cite_as(corpus, doc, number),
        source_lines=tuple(lines), endnotes=endnotes, short_title=doc.short_title or short_title(doc.title),
    )
