"""The layout audit: page make-up problems of a finished build, each with its page, document and source line.

LuaTeX records, as each page ships out, what the page holds (``latex/edition-audit.lua``
writes ``build/tex/reader.layout``): its rows (lines of the page, in reading order, with
their natural vertical place), each of a kind (the numbered text, a note, a document's
heading, headnote, source note, the running head...), a document, a paragraph and the
line of the generated ``.tex`` it comes from; and the boxes TeX found overfull or
underfull where they stand. This module reads that record and finds, against the
tolerances of ``Tolerances``:

- ``overfull`` and ``underfull``: a line wider than the measure, a page's text and notes
  taller than the text area (into the margin), a line or page stretched beyond badness;
- ``notes-page``: a page of notes with no text or fewer than a few lines of it;
- ``short-page``: a page filled below a threshold that is not the last before a part or the
  back matter;
- ``stranded-heading``: a document's heading in the last lines of a page, with fewer than a few
  lines of what follows it (its headnote or its text) under it; a headnote that ends in the last
  lines of a page without the first lines of its text under it; or a headnote that breaks across
  pages with fewer than 3 of its lines under its heading or fewer than 2 going over (a headnote of
  more than 8 lines may break so, as a press breaks a long paragraph: latex/edition-page.sty);
- ``orphan`` and ``widow``: the first line of a paragraph alone at the foot of a page, its
  last line alone at the top of the next (and a document's last line alone on a page);
- ``source-note``: a source note on a page without its document's text, or split across pages;
- ``running-head``: a page of the reader without a running head.

The generated line of each finding is turned into the source position (``docs/ID.map.json``).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from edition.latex.escape import escape_label
from edition.model.diagnostics import Diagnostic, Pos, warning

# What a row is (latex/edition-audit.sty).
OTHER, TEXT, NOTE, HEADING, HEADNOTE, SOURCE, ENDNOTES, HEAD, FOLIO, MATTER, PART = range(11)
BODY = {OTHER, TEXT, HEADING, HEADNOTE, SOURCE, ENDNOTES, MATTER, PART}
DOCUMENT = {TEXT, HEADING, HEADNOTE, SOURCE, ENDNOTES}
PT = 65536  # scaled points

KINDS = ("overfull", "underfull", "notes-page", "short-page", "stranded-heading", "orphan", "widow", "source-note",
         "running-head")


@dataclass(frozen=True)
class Tolerances:
    overfull_pt: float = 1.0  # a box wider or taller than its measure by more
    underfull_badness: int = 10000  # a box stretched to this badness (TeX's worst)
    min_text_lines: int = 3  # a page with notes has at least these lines of text
    min_fill: float = 0.5  # a page that is not the last of its part is filled to this share at least
    lines_after_heading: int = 2  # a heading (or headnote) has these lines of its text under it on its page
    # A headnote that breaks across pages (latex/edition-page.sty: one of more than 8 lines may)
    # has at least these of its lines under its heading, and at least these go over.
    headnote_lines_first: int = 3
    headnote_lines_last: int = 2


@dataclass
class Run:
    """Consecutive rows of a page of one kind, document, paragraph and generated line."""

    kind: int
    doc: int
    par: int
    line: int
    n: int
    top: int
    bottom: int


@dataclass
class Event:
    incident: str  # overfull, underfull, overfull-page, underfull-page
    detail: int  # sp over, or badness
    run: Run | None


@dataclass
class Page:
    number: int  # absolute, from 1
    label: str
    text_height: int
    facing: bool = False  # a page of versions on facing pages: as long as its spread needs
    runs: list[Run] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def lines(self, kinds: set[int], doc: int | None = None) -> int:
        return sum(r.n for r in self.runs if r.kind in kinds and (doc is None or r.doc == doc))

    def has(self, kind: int) -> bool:
        return any(r.kind == kind for r in self.runs)

    def fill(self) -> float:
        body = [r for r in self.runs if r.kind in BODY or r.kind == NOTE]
        if not body or self.text_height <= 0:
            return 0.0
        return (max(r.bottom for r in body) - min(r.top for r in body)) / self.text_height


@dataclass
class Layout:
    docs: dict[int, str]  # ordinal -> label of the document
    pages: list[Page]


@dataclass(frozen=True)
class Finding:
    kind: str
    number: int  # the page's place in the PDF, from 1
    page: str  # the printed page number
    doc: str  # the document's label, or ""
    line: int  # line of the generated .tex (docs/ID.tex), 0 if not known
    message: str


def _run(fields: list[str]) -> Run:
    kind, doc, par, line, n, top, bottom = (int(x) for x in fields)
    return Run(kind, doc, par, line, n, top, bottom)


def read_layout(path: Path) -> Layout | None:
    """The record LuaTeX wrote; None if there is none (a build without the audit's package)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    layout = Layout({}, [])
    for line in text.splitlines():
        f = line.split("\t")
        try:
            if f[0] == "D":
                layout.docs[int(f[1])] = f[2]
            elif f[0] == "P":
                layout.pages.append(Page(int(f[1]), f[2], int(f[3]), len(f) > 4 and f[4] == "1"))
            elif f[0] == "R" and layout.pages:
                layout.pages[-1].runs.append(_run(f[1:8]))
            elif f[0] == "E" and layout.pages:
                incident, detail, _line = f[1].split(":")
                run = _run([*f[2:6], "1", "0", "0"])
                layout.pages[-1].events.append(Event(incident, int(float(detail)), run if run.kind or run.line else None))
        except (IndexError, ValueError):  # a line cut short by an interrupted run
            continue
    return layout


class Audit:
    """The checks, over the pages of one build."""

    def __init__(self, layout: Layout, tol: Tolerances) -> None:
        self.layout, self.tol = layout, tol
        self.found: list[Finding] = []
        self.doc_pages: dict[int, list[Page]] = {}
        for page in layout.pages:
            for doc in dict.fromkeys(r.doc for r in page.runs if r.kind in DOCUMENT and r.doc):
                self.doc_pages.setdefault(doc, []).append(page)

    def add(self, kind: str, page: Page, run: Run | None, message: str) -> None:
        doc = self.layout.docs.get(run.doc, "") if run else ""
        self.found.append(Finding(kind, page.number, page.label, doc, run.line if run else 0, message))

    def run(self) -> list[Finding]:
        pages = self.layout.pages
        for i, page in enumerate(pages):
            following = pages[i + 1] if i + 1 < len(pages) else None
            self.boxes(page)
            self.notes_page(page)
            self.short_page(page, following)
            self.running_head(page, i)
        self.headings()
        self.paragraphs()
        self.documents()
        return self.found

    def boxes(self, page: Page) -> None:
        for e in page.events:
            where = "the page's text and notes" if e.incident.endswith("-page") else "a line"
            if e.incident.startswith("overfull") and e.detail > self.tol.overfull_pt * PT:
                what = "taller than the text area" if e.incident.endswith("-page") else "wider than the measure"
                if e.run is not None and e.run.kind == HEAD:
                    where, what = "the running head", "wider than the measure (give the document a shorter short_title:)"
                self.add("overfull", page, e.run or self._first_text(page), f"{where} {what} by {e.detail / PT:.1f} pt")
            elif e.incident.startswith("underfull") and e.detail >= self.tol.underfull_badness:
                self.add("underfull", page, e.run or self._first_text(page), f"{where} stretched to badness {e.detail}")

    def _first_text(self, page: Page) -> Run | None:
        return next((r for r in page.runs if r.kind in DOCUMENT), None)

    def notes_page(self, page: Page) -> None:
        notes = page.lines({NOTE})
        text = page.lines(BODY - {PART})
        if notes and text < self.tol.min_text_lines:
            note = next(r for r in page.runs if r.kind == NOTE)
            self.add("notes-page", page, note, f"{notes} lines of notes under {text} line(s) of text")

    def short_page(self, page: Page, following: Page | None) -> None:
        if following is None or not page.lines(DOCUMENT) or following.has(PART) or following.has(MATTER):
            return
        if not following.lines(DOCUMENT) or page.has(PART) or page.facing:
            return
        fill = page.fill()
        if fill < self.tol.min_fill:
            last = [r for r in page.runs if r.kind in DOCUMENT][-1]
            self.add("short-page", page, last, f"the page is filled to {fill:.0%} and the reader goes on overleaf")

    def running_head(self, page: Page, index: int) -> None:
        if page.has(HEAD) or page.has(PART) or page.has(MATTER) or not page.runs:
            return
        started = any(p.lines(DOCUMENT) for p in self.layout.pages[: index + 1])
        if page.lines(DOCUMENT) or (started and page.lines({OTHER})):
            self.add("running-head", page, self._first_text(page), "the page has no running head")

    def headings(self) -> None:
        """A heading with fewer than a few lines of what follows it (its headnote or text) under it on its page;
        a headnote that ends on a page without the first lines of the text, or breaks too near its start or end."""
        pages = self.layout.pages
        for index, page in enumerate(pages):
            for i, run in enumerate(page.runs):
                if run.kind not in (HEADING, HEADNOTE) or (i + 1 < len(page.runs) and page.runs[i + 1].kind == run.kind):
                    continue
                doc_pages = self.doc_pages.get(run.doc, [])
                if not doc_pages or doc_pages[-1] is page:
                    continue
                over = self._headnote_over(pages[index + 1], run.doc) if run.kind == HEADNOTE and index + 1 < len(pages) else 0
                if over:
                    self._broken_headnote(page, run, over)
                    continue
                after = sum(r.n for r in page.runs[i + 1:] if r.doc == run.doc and r.kind in (TEXT, HEADNOTE, ENDNOTES, SOURCE))
                if after < self.tol.lines_after_heading:
                    what = "heading" if run.kind == HEADING else "headnote"
                    self.add("stranded-heading", page, run, f"the document's {what} is in the last lines of the page, "
                                                            f"with {after} line(s) of its text under it")

    @staticmethod
    def _headnote_over(following: Page, doc: int) -> int:
        """The lines of a document's headnote at the top of the next page (it goes on there), else 0."""
        first = next((r for r in following.runs if r.kind in DOCUMENT), None)
        return following.lines({HEADNOTE}, doc) if first is not None and first.kind == HEADNOTE and first.doc == doc else 0

    def _broken_headnote(self, page: Page, run: Run, over: int) -> None:
        kept = page.lines({HEADNOTE}, run.doc)
        if kept < self.tol.headnote_lines_first or over < self.tol.headnote_lines_last:
            self.add("stranded-heading", page, run, f"the document's headnote breaks after {kept} of its lines under the "
                                                    f"heading, {over} going over (at least {self.tol.headnote_lines_first} "
                                                    f"and {self.tol.headnote_lines_last})")

    def paragraphs(self) -> None:
        """Orphans and widows of the numbered text: a paragraph's first or last line alone on a page."""
        spans: dict[int, list[tuple[Page, Run, int]]] = {}
        for page in self.layout.pages:
            lines = Counter[int]()
            first: dict[int, Run] = {}
            for r in page.runs:
                if r.kind == TEXT and r.par:
                    lines[r.par] += r.n
                    first.setdefault(r.par, r)
            for par, n in lines.items():
                spans.setdefault(par, []).append((page, first[par], n))
        for parts in spans.values():
            if len(parts) < 2:
                continue
            (page, run, n), (last_page, last_run, last_n) = parts[0], parts[-1]
            if n == 1:
                self.add("orphan", page, run, "the first line of a paragraph is alone at the foot of the page")
            if last_n == 1:
                self.add("widow", last_page, last_run, "the last line of a paragraph is alone at the top of the page")

    def documents(self) -> None:
        """A document's last line alone on a page; its source note apart from its text or split."""
        for doc, pages in self.doc_pages.items():
            last = pages[-1]
            text = last.lines({TEXT}, doc)
            # (On facing pages the last page is as long as its spread needs: edition-parallel.lua's.)
            if len(pages) > 1 and text == 1 and pages[-2].lines({TEXT}, doc) and not last.facing:
                run = next(r for r in last.runs if r.kind == TEXT and r.doc == doc)
                self.add("widow", last, run, "the document's last line of text is alone on the page")
            with_note = [p for p in pages if p.lines({SOURCE}, doc)]
            for page in with_note:
                note = next(r for r in page.runs if r.kind == SOURCE and r.doc == doc)
                if not page.lines({TEXT, ENDNOTES, HEADNOTE}, doc):
                    self.add("source-note", page, note, "the source note is on a page without its document's text")
            if len(with_note) > 1:
                note = next(r for r in with_note[0].runs if r.kind == SOURCE and r.doc == doc)
                self.add("source-note", with_note[0], note, f"the source note is split across pages {with_note[0].label}–{with_note[-1].label}")


def audit(tex_dir: Path, jobname: str = "reader", tol: Tolerances | None = None) -> list[Finding] | None:
    """The findings of the last build in ``tex_dir``; None when it left no record."""
    layout = read_layout(tex_dir / f"{jobname}.layout")
    if layout is None:
        return None
    return Audit(layout, tol or Tolerances()).run()


def source_map(tex_dir: Path, doc_id: str) -> dict[int, str]:
    """A document's source map (``docs/ID.map.json``: generated line -> "path:line:column"), {} when unreadable."""
    try:
        return {int(k): str(v) for k, v in json.loads((tex_dir / "docs" / f"{doc_id}.map.json").read_text(encoding="utf-8")).items()}
    except (OSError, ValueError, AttributeError):  # missing, not JSON, not a mapping
        return {}


def _position(mapping: dict[int, str], line: int) -> Pos | None:
    """The source position of a generated line: the paragraph it belongs to, else the document's first."""
    if not mapping:
        return None
    before = [k for k in mapping if k <= line]
    path, src_line, column = mapping[max(before) if before else min(mapping)].rsplit(":", 2)
    return Pos(path, int(src_line), int(column)) if before else Pos(path, 1, 1)


def diagnostics(findings: list[Finding], tex_dir: Path) -> list[Diagnostic]:
    """Each finding as a warning at its source position (from the documents' ``docs/ID.map.json``)."""
    ids = {str(escape_label(p.name.removesuffix(".map.json"))): p.name.removesuffix(".map.json")
           for p in (tex_dir / "docs").glob("*.map.json")} if (tex_dir / "docs").is_dir() else {}
    maps: dict[str, dict[int, str]] = {}
    out = []
    for f in findings:
        doc_id = ids.get(f.doc, f.doc)
        if doc_id in ids.values() and doc_id not in maps:  # each map read once, not once per finding
            maps[doc_id] = source_map(tex_dir, doc_id)
        mapping = maps.get(doc_id, {})
        pos = _position(mapping, f.line) or Pos(f"build/{tex_dir.name}/reader.tex", 1, 1)
        where = f" ('{doc_id}')" if doc_id else ""
        out.append(warning(pos, f"layout: {f.kind} on page {f.page}{where}: {f.message}", HINTS[f.kind]))
    return out


HINTS = {
    "overfull": "a word TeX cannot break, or notes that do not fit: rephrase, or allow a break (see docs/source-format.md)",
    "underfull": "too few break points in the line or page; the reader was built",
    "notes-page": "a note longer than a page's share for notes: it is split in latex/edition-page.sty",
    "short-page": "an unbreakable block did not fit at the foot of the page",
    "stranded-heading": "a heading is kept with its headnote and first lines in latex/edition-page.sty",
    "orphan": "club and widow penalties of the numbered text are set in latex/edition-page.sty",
    "widow": "club and widow penalties of the numbered text are set in latex/edition-page.sty",
    "source-note": "the source note is kept with the last lines of its text in latex/edition-page.sty",
    "running-head": "each page of a document carries its short title (short_title:, docs/source-format.md)",
}


def summary(findings: list[Finding]) -> str:
    """'3 overfull, 1 widow' in the order of KINDS, or '' when there is nothing."""
    counts = Counter(f.kind for f in findings)
    return ", ".join(f"{counts[k]} {k}" for k in KINDS if counts[k])
