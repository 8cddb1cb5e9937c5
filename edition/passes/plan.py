"""The plan: every decision about what the reader prints, made once, for every output.

``plan(corpus, registers, only)`` runs the passes in a fixed order and returns a
frozen ``Plan`` with its diagnostics as data:

1. typography (``typography``): the corpus with its printable text typeset;
2. order (``order``): the parts and documents as printed, the documents' numbers,
   headings, "Cite as" text and source notes;
3. notes (``notes``): the number of each note in its series, the notes that a
   cross-reference names, the notes printed after their document;
4. citations (``citations``): the form (full, short, ibid.) and text of every
   citation of a work;
5. archives (``archives``): the archival citations resolved and formatted;
6. apparatus (``apparatus``): the interventions that make their own apparatus entry;
7. index (``index``), back matter (``backmatter``) and chronology;
8. versions (``parallel``): the documents printed beside their original, how (facing pages,
   columns, the original after the translation), their alignment units and the original's notes;
9. languages (``languages``): the language of each text, note and ``{foreign:...}`` passage.

A renderer (LaTeX, HTML, EPUB, TEI) reads the plan and decides none of these
again, so print and web cannot disagree about a number or a citation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from edition.model.corpus import Block, Corpus, Document, Inline, Text
from edition.model.diagnostics import Diagnostic
from edition.passes import abbreviations, apparatus, archives, brackets, citations, notes, order, parallel
from edition.passes.backmatter import BackMatter, back_matter
from edition.passes.index import Group, index_groups, sort_key
from edition.passes.languages import Languages
from edition.passes.languages import decide as decide_languages
from edition.passes.reading import SpanKey
from edition.passes.typography import typeset as typeset_text
from edition.passes.typography import typeset_blocks, typeset_corpus
from edition.registers import archives as arch
from edition.registers.bibstyle import make_style
from edition.registers.load import Registers

NoteKey = notes.NoteKey
DocumentPlan = order.DocumentPlan
PartPlan = order.PartPlan
Citation = citations.Citation

# The headings of the front and back matter, as every output prints them.
HEADINGS: Mapping[str, str] = {
    "abbreviations": "Abbreviations", "chronology": "Chronological List of Documents",
    "persons": "Persons Mentioned", "archives": "Archival Sources", "works": "Works Cited",
    "names": "Index of Names", "places": "Index of Places", "note_on_texts": "Note on the Texts",
}


@dataclass(frozen=True)
class Prose:
    """Editorial prose kept beside the sources (the note on the texts): a title and blocks."""

    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ChronologyRow:
    document: str
    number: int  # the document's number in the reader
    date: str
    parties: str  # "Stalin → Molotov", or the title when nobody is named
    place: str


@dataclass(frozen=True)
class Plan:
    """Everything the outputs print, decided. ``corpus`` is the typeset corpus."""

    corpus: Corpus
    draft: bool
    parts: tuple[PartPlan, ...]  # the parts that print, each with its documents in order
    documents: Mapping[str, DocumentPlan]  # the printed documents, by id, in reading order
    titles: Mapping[str, str]  # how a cross-reference names every document, printed or not: "no. 12, title, date"
    note_numbers: Mapping[NoteKey, int]
    referenced_notes: frozenset[NoteKey]
    citations: Mapping[SpanKey, Citation]
    archival: Mapping[SpanKey, str]  # inline archival citations as printed
    archival_sources: Mapping[str, tuple[arch.ArchivalCitation, ...]]  # each document's, resolved
    apparatus: frozenset[SpanKey]  # interventions with an apparatus entry of their own
    mentioned: Mapping[str, frozenset[str]]  # "p" and "pl": ids mentioned in the documents set
    index_persons: tuple[Group, ...]
    index_places: tuple[Group, ...] | None
    back: BackMatter | None
    chronology: tuple[ChronologyRow, ...]
    note_on_texts: Prose | None
    headings: Mapping[str, str]
    parallel: Mapping[str, parallel.ParallelPlan]  # the printed documents set beside their original, by id
    language: Languages = Languages({}, {}, {}, ())  # the language of each text, note and marked passage
    note_apparatus: Mapping[NoteKey, tuple[int, ...]] = dataclasses.field(default_factory=dict)  # reported at the anchor
    bracketed_refs: frozenset[SpanKey] = frozenset()  # references and citations inside a parenthesis (passes/brackets.py)

    @property
    def languages(self) -> tuple[str, ...]:
        """Every language but English the printed reader sets (passes/languages.py)."""
        return self.language.reader

    def text_language(self, doc: str) -> str:
        return self.language.texts.get(doc, "en")

    def note_language(self, doc: str, series: str, key: str) -> str:
        return self.language.notes.get((doc, series, key), "en")

    def printed(self) -> list[Document]:
        """The printed documents of the typeset corpus, in reading order."""
        by_id = self.corpus.by_id()
        return [by_id[i] for i in self.documents]

    def note_number(self, doc: str, series: str, key: str) -> int:
        return self.note_numbers.get((doc, series, key), 0)


def plan(corpus: Corpus, registers: Registers, only: set[str] | None = None,
         note_on_texts: tuple[str, list[Block]] | None = None) -> tuple[Plan, list[Diagnostic]]:
    """Run the passes over a loaded and checked corpus. With ``only`` the plan is a draft of
    those documents (their numbers stay those of the whole reader)."""
    diags: list[Diagnostic] = []
    cfg = corpus.config
    typeset = typeset_corpus(corpus)  # 1. typography
    parts = order.printed_parts(typeset, only)  # 2. order
    printed = [d for p in parts for d in p.documents]
    raw = corpus.by_id()
    raw_printed = [raw[d.id] for d in printed]
    numbers = notes.number_notes(_whole_reader(corpus), cfg.note_numbering)  # 3. notes, as in the whole reader
    parallel.number_original_notes(corpus.documents, numbers)  # each original's notes apart
    placements = {s.id: s.placement for s in cfg.series}
    style = make_style(registers.bibliography, cfg.citation_style)  # 4. citations
    cites, printed_sources = citations.cite_forms(raw_printed, registers.bibliography, style)
    cites |= citations.part_cite_forms(corpus, [p.part.id for p in parts], registers.bibliography, style)
    sources = {d.id: archives.document_citations(d, registers.archives, diags) for d in corpus.selected(only)}  # 5.
    inline = archives.inline_archives(corpus, registers.archives, diags, only)
    doc_numbers = order.document_numbers(typeset)
    beside = parallel.parallel_plans(cfg, printed, registers.bibliography, style)  # 8. versions side by side
    documents = {d.id: order.document_plan(
        typeset, d, doc_numbers.get(d.id, 0), printed_sources.get(d.id),
        archives.archive_lines(sources.get(d.id, []), registers.archives, cfg.archive_style),
        notes.endnotes(raw[d.id], placements, numbers), beside[d.id].source_lines if d.id in beside else ()) for d in printed}
    inside = brackets.bracketed(typeset, printed)  # no parentheses inside parentheses
    mentioned = notes.mentioned_ids(corpus, only)  # 7. index and back matter
    languages = decide_languages(typeset, printed)
    back = None if only is not None else back_matter(
        typeset, printed, {d.id: archives.cited_in(raw[d.id], sources, inline) for d in printed},
        sources, registers, style)
    result = Plan(
        corpus=typeset, draft=only is not None,
        parts=tuple(order.part_plans(parts)),
        documents=documents,
        titles={d.id: order.reference(d, doc_numbers.get(d.id, 0)) for d in typeset.documents},
        note_numbers=numbers,
        referenced_notes=frozenset(notes.referenced_notes(corpus)),
        citations={k: dataclasses.replace(c, text=brackets.squared(c.text)) if k in inside else c for k, c in cites.items()},
        archival=archives.inline_texts(raw_printed, inline, registers.archives, cfg.archive_style),
        archival_sources={k: tuple(v) for k, v in sources.items()},
        apparatus=frozenset(apparatus.own_entries(corpus, raw_printed)),  # 6. apparatus
        note_apparatus=apparatus.note_entries(corpus, raw_printed),
        bracketed_refs=inside,
        mentioned={k: frozenset(v) for k, v in mentioned.items()},
        index_persons=tuple(index_groups(typeset, mentioned["p"], "p", printed)),
        index_places=tuple(index_groups(typeset, mentioned["pl"], "pl")) if cfg.index_places else None,
        back=back,
        chronology=tuple(chronology(typeset, printed, doc_numbers)),
        note_on_texts=_prose(note_on_texts, {"whitespace_corrections": str(apparatus.whitespace_corrections(raw_printed)),
                                             "whitespace_corrections_in_notes": str(apparatus.whitespace_corrections_in_notes(raw_printed)),
                                             "documents": str(len(printed))}),
        headings=HEADINGS,
        parallel=beside,
        language=languages,
    )
    if back is not None:  # the abbreviations the printed editorial matter uses, and only those
        texts = abbreviations.editorial_texts(typeset, printed, documents, cites.values(), result.archival.values(),
                                              result.note_on_texts.blocks if result.note_on_texts else ())
        listed = abbreviations.used(texts, back.abbreviations, {typeset_text(a): typeset_text(e) for a, e in cfg.abbreviations.items()})
        result = dataclasses.replace(result, back=dataclasses.replace(back, abbreviations=sorted(listed, key=lambda kv: sort_key(kv[0]))))
    return result, diags


def _whole_reader(corpus: Corpus) -> list[Document]:
    """Every document in the reader's order, those in no part after the others (TEI exports them too)."""
    placed = order.reader_order(corpus)
    seen = {d.id for d in placed}
    return placed + [d for d in corpus.documents if d.id not in seen]


def _prose(note: tuple[str, list[Block]] | None, figures: Mapping[str, str]) -> Prose | None:
    """The note on the texts, typeset, with its figures computed: ``{documents}``,
    ``{whitespace_corrections}`` in its text are the reader's own counts, never typed by hand."""
    if note is None:
        return None
    title, blocks = note
    return Prose(typeset_text(title) if title else HEADINGS["note_on_texts"],
                 tuple(typeset_blocks([_figures(b, figures) for b in blocks])))


def _figures(block: Block, figures: Mapping[str, str]) -> Block:
    def fill(nodes: list[Inline]) -> list[Inline]:
        out: list[Inline] = []
        for node in nodes:
            if isinstance(node, Text):
                text = node.text
                for name, value in figures.items():
                    text = text.replace("{" + name + "}", value)
                out.append(dataclasses.replace(node, text=text))
            else:
                out.append(dataclasses.replace(node, children=fill(node.children)))
        return out
    return dataclasses.replace(block, content=fill(block.content), blocks=[_figures(b, figures) for b in block.blocks])


def chronology(corpus: Corpus, documents: list[Document], numbers: Mapping[str, int]) -> list[ChronologyRow]:
    """The documents by date: date, from → to (surnames), place of writing."""
    rows = []
    for doc in sorted(documents, key=lambda d: (d.date.sort_key if d.date else "9999", d.id)):
        who = ", ".join(order.surname(corpus, a) for a in doc.authors)
        to = ", ".join(order.surname(corpus, r) for r in doc.recipients)
        place = corpus.places[doc.place_from].name if doc.place_from in corpus.places else ""
        rows.append(ChronologyRow(doc.id, numbers.get(doc.id, 0), doc.date.text() if doc.date else "undated",
                                  (f"{who} \u2192 {to}" if to else who).strip() or doc.title, place))
    return rows


__all__ = ["HEADINGS", "ChronologyRow", "Citation", "DocumentPlan", "NoteKey", "PartPlan", "Plan", "Prose", "plan"]
