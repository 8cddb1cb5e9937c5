"""One document's page: what the template ``document.html.jinja`` lays out."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from markupsafe import Markup

from edition.html.rich import DocumentRenderer, Mention, NoteEntry
from edition.model.corpus import Document, SeriesConfig
from edition.passes.order import DocumentPlan
from edition.sources.markup import plain_text

LANGUAGES = {"ru": "Russian", "de": "German", "fr": "French", "ka": "Georgian", "uk": "Ukrainian", "pl": "Polish",
             "en": "English", "ko": "Korean"}


@dataclass
class NoteList:
    series: SeriesConfig
    notes: list[NoteEntry]

    @property
    def apparatus(self) -> bool:
        return self.series.numbering == "line"


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
    previous: tuple[str, str] | None = None
    following: tuple[str, str] | None = None
    downloads: list[tuple[str, str]] = field(default_factory=list)


def text_language(doc: Document) -> str:
    """The language of the text as printed: English for a translation; otherwise the original's
    language when the text is written in a script other than Latin (a Russian text), else English."""
    if doc.translation is not None or not doc.language or doc.language == "en":
        return "en"
    letters = [c for b in doc.body for c in plain_text(b.content) if c.isalpha()]
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return doc.language if letters and latin < len(letters) / 2 else "en"


def render_document(renderer: DocumentRenderer, face: DocumentPlan, path: str, parties: str, part: str,
                    source_lines: list[tuple[str, Markup]]) -> DocumentPage:
    """The page of one document: its face (number, heading, date, places, source note) from the plan,
    its text and notes from the renderer (notes listed in the order of their anchors)."""
    doc = renderer.doc
    body = renderer.body()
    headnote = renderer.prose(doc.headnote) if doc.headnote else Markup("")
    series = renderer.corpus.config.series
    order = [s for s in series if s.numbering != "line"] + [s for s in series if s.numbering == "line"]
    notes = [NoteList(s, renderer.state.notes[s.id]) for s in order if renderer.state.notes.get(s.id)]
    uses_sigla = any(cls in body for cls in ('class="iv ', 'class="iv-wrap"'))
    return DocumentPage(doc, face.number, path, face.title, face.date, face.places, parties, text_language(doc),
                        headnote, body, notes, source_lines, renderer.state.mentions, part,
                        title_with_date=face.title_with_date, cite_as=face.cite_as, uses_sigla=uses_sigla)


def language_name(code: str) -> str:
    return LANGUAGES.get(code, code)
