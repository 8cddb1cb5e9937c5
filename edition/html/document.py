"""One document's page: what the template ``document.html.jinja`` lays out."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from edition.html.rich import DocumentRenderer, Mention, NoteEntry
from edition.model.corpus import Document, SeriesConfig
from edition.passes.order import DocumentPlan


@dataclass
class NoteList:
    series: SeriesConfig
    notes: list[NoteEntry]

    @property
    def apparatus(self) -> bool:
        return self.series.numbering == "line"


@dataclass
class Versions:
    """A document's text beside its original: the units of alignment as rows, each with the
    translation's blocks and the original's; the original's notes are listed apart."""

    language: str  # the original's, "ru"
    name: str  # "Russian"
    rows: list[tuple[Markup, Markup]]
    notes: list[NoteList]


@dataclass
class DocumentPage:
    doc: Document
    number: int
    path: str
    title: str
    date: str
    places: str
    parties: str
    lang: str
    headnote: Markup
    body: Markup
    notes: list[NoteList]
    source_lines: list[tuple[str, Markup]]
    mentions: list[Mention]
    part: str
    title_with_date: str = ""
    cite_as: str = ""
    citation: str = ""
    printed_pages: str = ""
    uses_sigla: bool = False
    versions: Versions | None = None  # the original beside the translation, where the document has one
    top_breaks: list[Markup] = field(default_factory=list)  # the printed pages that begin with its heading
    previous: tuple[str, str] | None = None
    following: tuple[str, str] | None = None
    downloads: list[tuple[str, str]] = field(default_factory=list)


def render_document(renderer: DocumentRenderer, face: DocumentPlan, path: str, parties: str, part: str,
                    source_lines: list[tuple[str, Markup]]) -> DocumentPage:
    """The page of one document: its face (number, heading, date, places, source note) from the plan,
    its text and notes from the renderer (notes listed in the order of their anchors)."""
    doc = renderer.doc
    series = renderer.corpus.config.series
    order = [s for s in series if s.numbering != "line"] + [s for s in series if s.numbering == "line"]
    versions = _versions(renderer, order)
    body = renderer.body() if versions is None else Markup("")
    headnote = renderer.prose(doc.headnote) if doc.headnote else Markup("")
    notes = [NoteList(s, renderer.state.notes[s.id]) for s in order if renderer.state.notes.get(s.id)]
    uses_sigla = any(cls in html for html in [body, *(c for r in (versions.rows if versions else []) for c in r)]
                     for cls in ('class="iv ', 'class="iv-wrap"'))
    mentions = renderer.state.mentions + (renderer.original.state.mentions if versions and renderer.original else [])
    return DocumentPage(doc, face.number, path, face.title, face.date, face.places, parties, renderer.plan.text_language(doc.id),
                        headnote, body, notes, source_lines, mentions, part,
                        title_with_date=face.title_with_date, cite_as=face.cite_as, uses_sigla=uses_sigla,
                        versions=versions)


def _versions(renderer: DocumentRenderer, order: list[SeriesConfig]) -> Versions | None:
    """The rows of a document printed beside its original (the plan's units), or None."""
    side = renderer.plan.parallel.get(renderer.doc.id)
    original = renderer.original
    if side is None or original is None or renderer.doc.original is None:
        return None
    rows = [(renderer.blocks(renderer.doc.body[u.first[0]:u.first[1]], in_text=True),
             original.blocks(renderer.doc.original.body[u.second[0]:u.second[1]], in_text=True)) for u in side.units]
    notes = [NoteList(s, original.state.notes[s.id]) for s in order if original.state.notes.get(s.id)]
    return Versions(side.original_language, side.original_name, rows, notes)


