"""The HTML edition: every page of the site as files, from the reader's plan.

``site(plan, pages, downloads) -> (files, diagnostics)``: paths relative to the site's
folder, each with its content. Every decision (numbers, citation forms, headings, order,
index groups, back matter) is the plan's; nothing here knows LaTeX. The printed pages of
each document come in as data (``pages``, read from the LaTeX run by the build stage).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from edition.html.document import DocumentPage, render_document
from edition.html.markup import slug
from edition.html.rich import DocumentRenderer, Mention, page_break
from edition.html.richtext import to_html
from edition.model.corpus import Block, Document
from edition.model.diagnostics import Diagnostic
from edition.passes.index import Entry
from edition.passes.order import page_range
from edition.passes.plan import Plan
from edition.registers.bibliography import DocumentCitation, ReaderInfo, reader_entries
from edition.sources.markup import plain_text

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"

# Every page of the site but the documents': (file, title); the plan's headings replace those print has too.
PAGES = {"index": "Contents", "note": "Note on the Texts", "chronology": "Chronological List of Documents",
         "persons": "Persons Mentioned", "places": "Places", "archives": "Archival Sources", "works": "Works Cited",
         "index-names": "Index of Names", "index-places": "Index of Places", "search": "Search", "downloads": "Downloads"}


def environment() -> jinja2.Environment:
    """The one Jinja environment of the HTML edition: autoescape on (markupsafe), a misspelt name fails."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@dataclass
class Download:
    path: str  # relative to the site
    label: str
    kind: str  # "PDF", "TEI", "BibTeX"...


class Site:
    def __init__(self, plan: Plan, pages: dict[str, tuple[str, str]], downloads: list[Download],
                 breaks: dict[str, list[tuple[str, str]]]) -> None:
        self.plan, self.corpus, self.pages, self.downloads, self.breaks = plan, plan.corpus, pages, downloads, breaks
        self.env = environment()
        self.documents = plan.printed()
        self.files: dict[str, str | bytes] = {}
        self.diags: list[Diagnostic] = []
        self.mentions: dict[tuple[str, str], list[tuple[Document, Mention]]] = {}
        h = plan.headings
        self.titles = {**PAGES, "chronology": h["chronology"], "persons": h["persons"], "archives": h["archives"],
                       "works": h["works"], "index-names": h["names"], "index-places": h["places"]}

    def render(self, template: str, path: str, **context: object) -> None:
        root = "../" * path.count("/")
        context.setdefault("lang", "en")
        self.files[path] = self.env.get_template(template).render(
            root=root, path=path, config=self.corpus.config, page_titles=self.titles, **context)

    def prose(self, blocks: tuple[Block, ...], owner: str, heading: str = "h3") -> Markup:
        doc = self.documents[0] if self.documents else None
        if doc is None or not blocks:
            return Markup("")
        renderer = DocumentRenderer(self.plan, doc, owner, lambda i: f"documents/{i}.html")
        renderer.heading = heading
        renderer.prefix = f"{slug(owner)}-"  # the headnotes of several parts share the start page: ids of their own
        return renderer.prose(list(blocks))

    def build(self) -> tuple[dict[str, str | bytes], list[Diagnostic]]:
        pages = [self.document_page(doc) for doc in self.documents]
        for i, page in enumerate(pages):
            page.previous = (pages[i - 1].path, pages[i - 1].title) if i else None
            page.following = (pages[i + 1].path, pages[i + 1].title) if i + 1 < len(pages) else None
            self.render("document.html.jinja", page.path, page=page, title=f"{page.number}. {page.title_with_date}",
                        lang=page.lang)
        self.front_matter(pages)
        self.back_matter()
        for asset in sorted(STATIC.iterdir()):
            self.files[f"assets/{asset.name}"] = asset.read_bytes()
        return self.files, self.diags

    def document_page(self, doc: Document) -> DocumentPage:
        face = self.plan.documents[doc.id]
        in_text: dict[str, list[str]] = {}
        for label, where in self.breaks.get(doc.id, []):
            in_text.setdefault(_headnote_paragraph(doc, where) if where.startswith("headnote:") else where, []).append(label)
        renderer = DocumentRenderer(self.plan, doc, doc.id, lambda i: f"{i}.html", in_text)
        part = next(p.title for p in self.plan.parts if doc.id in p.documents)
        lines = [(line.label, to_html(line.text)) for line in face.source_lines]
        parties = next((row.parties for row in self.plan.chronology if row.document == doc.id), "")
        page = render_document(renderer, face, f"documents/{doc.id}.html", parties, part, lines)
        page.top_breaks = [page_break(label) for label in in_text.pop("", [])]
        for m in page.mentions:
            self.mentions.setdefault((m.kind, m.target), []).append((doc, m))
        self.citation(page)
        return page

    def citation(self, page: DocumentPage) -> None:
        cfg = self.corpus.config
        first, last = self.pages.get(page.doc.id, ("", ""))
        page.printed_pages = page_range(first, last)
        page.citation = page.cite_as + (f", {page.printed_pages}" if page.printed_pages else "")
        entry = DocumentCitation(key=page.doc.id, title=page.title_with_date, first_page=first or "", last_page=last or "",
                                 authors=[self._person(a) for a in page.doc.authors],
                                 recipients=[self._person(r) for r in page.doc.recipients], date=page.date,
                                 number=page.number)
        reader = ReaderInfo(key="reader", title=cfg.title, subtitle=cfg.subtitle, year=cfg.year, editor=tuple(cfg.editors),
                            institution=cfg.institution or cfg.course)
        bibtex, csl = reader_entries(reader, [entry])
        self.files[f"documents/{page.doc.id}.bib"] = bibtex
        self.files[f"documents/{page.doc.id}.json"] = json.dumps(csl, ensure_ascii=False, indent=2) + "\n"
        page.downloads = [(f"{page.doc.id}.bib", "BibTeX"), (f"{page.doc.id}.json", "CSL-JSON")]
        pdf = next((d for d in self.downloads if d.path == f"downloads/documents/{page.doc.id}.pdf"), None)
        if pdf is not None:
            page.downloads.insert(0, (f"../{pdf.path}", "PDF"))

    def _person(self, pid: str) -> str:
        person = self.corpus.persons.get(pid)
        return person.name if person else pid

    def front_matter(self, pages: list[DocumentPage]) -> None:
        by_id = {p.doc.id: p for p in pages}
        parts = [{"title": part.title, "headnote": self.prose(part.headnote, f"part:{part.id}"),
                  "documents": [by_id[d] for d in part.documents if d in by_id]} for part in self.plan.parts]
        self.render("start.html.jinja", "index.html", title=self.titles["index"], parts=parts)
        rows = [by_id[row.document] for row in self.plan.chronology if row.document in by_id]
        self.render("chronology.html.jinja", "chronology.html", title=self.titles["chronology"], rows=rows)
        note = self.plan.note_on_texts
        self.render("prose.html.jinja", "note.html", title=note.title if note else self.plan.headings["note_on_texts"],
                    body=self.prose(note.blocks, "note", "h2") if note else Markup(""))
        self.render("search.html.jinja", "search.html", title=self.titles["search"])
        self.render("downloads.html.jinja", "downloads.html", title=self.titles["downloads"], downloads=self.downloads)

    def back_matter(self) -> None:
        back = self.plan.back
        lines = [(p.id, p) for p in (back.persons if back else [])]  # two persons may share a name: each keeps its own anchor
        indexed = {i.id for g in self.plan.index_persons for i in g.items if isinstance(i, Entry)}
        self.render("persons.html.jinja", "persons.html", title=self.titles["persons"], persons=lines, indexed=indexed)
        mentioned = self.plan.mentioned.get("pl", frozenset())
        places = sorted((self.corpus.places[i] for i in mentioned if i in self.corpus.places), key=lambda p: p.name)
        self.render("places.html.jinja", "places.html", title=self.titles["places"], places=places)
        self.render("archives.html.jinja", "archives.html", title=self.titles["archives"], groups=back.archives if back else [],
                    abbreviations=back.abbreviations if back else [])
        works = [(title, [to_html(w) for w in entries]) for title, entries in (back.works if back else [])]
        self.render("works.html.jinja", "works.html", title=self.titles["works"], groups=works)
        for kind, page, groups in (("p", "index-names", self.plan.index_persons), ("pl", "index-places", self.plan.index_places)):
            if groups is None:
                continue
            self.render("index.html.jinja", f"{page}.html", title=self.titles[page], groups=groups,
                        mentions=self._mention_links(kind), is_entry=lambda i: isinstance(i, Entry),
                        documents={i: f"{d.number}. {d.title_with_date}" for i, d in self.plan.documents.items()})

    def _mention_links(self, kind: str) -> dict[str, list[tuple[Document, int, list[Mention]]]]:
        out: dict[str, list[tuple[Document, int, list[Mention]]]] = {}
        for (k, target), found in self.mentions.items():
            if k != kind:
                continue
            per_doc: dict[str, tuple[Document, int, list[Mention]]] = {}
            for doc, m in found:
                per_doc.setdefault(doc.id, (doc, self.plan.documents[doc.id].number, []))[2].append(m)
            out[target] = sorted(per_doc.values(), key=lambda t: t[1])
        return out


def site(plan: Plan, pages: dict[str, tuple[str, str]] | None = None, downloads: list[Download] | None = None,
         breaks: dict[str, list[tuple[str, str]]] | None = None) -> tuple[dict[str, str | bytes], list[Diagnostic]]:
    """Every file of the HTML edition (not yet its search index), by path inside the site; ``pages`` and
    ``breaks`` are what the last LaTeX run printed (build/pages.py): each document's pages, and where
    each page begins in it."""
    return Site(plan, pages or {}, downloads or [], breaks or {}).build()


__all__ = ["Download", "PAGES", "environment", "site"]


def _headnote_paragraph(doc: Document, where: str) -> str:
    """The "path:line" of the headnote paragraph in which a page begins that holds the last
    ``over`` of the headnote's ``total`` printed lines ("headnote:OVER:TOTAL", build/pages.py):
    the paragraphs' printed lines are estimated from their lengths, counted from the end."""
    _, over, total = where.split(":")
    blocks = doc.headnote
    if not blocks:
        return ""
    sizes = [max(1, len(plain_text(b.content))) for b in blocks]
    per_line = sum(sizes) / max(1, int(total))
    counted = 0
    for block, size in zip(reversed(blocks), reversed(sizes), strict=True):
        counted += max(1, math.ceil(size / per_line - 0.25))
        if counted >= int(over):
            return f"{block.pos.path}:{block.pos.line}"
    return f"{blocks[0].pos.path}:{blocks[0].pos.line}"
