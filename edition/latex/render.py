"""Render the model into LaTeX files: the reader and one file per document.

``render(corpus, services) -> (files, diagnostics)``. Source text reaches
LaTeX only through ``texescape``; the renderer itself writes nothing but the
macros of ``latex/edition.sty`` and reledmac's, each marked as ``Latex``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from edition.latex.bibtex import to_latex
from edition.latex.escape import Latex, escape_label, escape_text
from edition.latex.index import indexes
from edition.latex.prose import markdown
from edition.latex.scripts import needs_shaping
from edition.model.corpus import Block, Corpus, Document, Inline, Note, SeriesConfig, Span, Text
from edition.model.diagnostics import Diagnostic, Pos, warning
from edition.model.queries import ref_target
from edition.passes.backmatter import BackMatter
from edition.passes.core import NoteKey, mentioned_ids, number_notes, referenced_notes
from edition.resources import LATEX_DIR
from edition.sources.markup import plain_text

_NUMBER_STYLE = {"arabic": "Arabic", "roman": "Roman", "symbols": "Symbols"}

# Each intervention: the macro showing it in the text, the macro of its apparatus entry.
_INTERVENTIONS = {
    "sup": ("edSupplied", "edAppSupplied"),
    "del": ("edDeleted", "edAppDeleted"),
    "add": ("edAdded", "edAppAdded"),
    "sic": ("edSic", "edAppSic"),
    "gap": ("edGap", "edAppGap"),
    "unclear": ("edUnclear", "edAppUnclear"),
    "corr": ("edCorrected", "edAppCorrected"),
    "reg": ("edRegularized", "edAppRegularized"),
}
_LETTERS = "ABCDEFGHIJ"


def _finalize(value: Any) -> str:
    """Autoescape: a plain string from a source is escaped, ``Latex`` is kept."""
    if isinstance(value, Latex):
        return value
    if value is None:
        return ""
    return escape_text(str(value))


def environment(latex_dir: Path = LATEX_DIR) -> jinja2.Environment:
    """The one Jinja environment for LaTeX templates (``*.tex.jinja``). A value is
    escaped as text unless it is ``Latex``; ``|label`` makes an id a label name."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(latex_dir)),
        block_start_string="<%", block_end_string="%>",
        variable_start_string="<%=", variable_end_string="%>",
        comment_start_string="<#", comment_end_string="#>",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
        finalize=_finalize,
        autoescape=False,
        keep_trailing_newline=True,
    )
    env.filters["label"] = escape_label
    env.filters["rich"] = to_latex  # the bibliography style's rich text
    return env


@dataclass
class SeriesSlot:
    """Where a configured series goes in reledmac: a familiar or critical letter."""

    config: SeriesConfig
    letter: str
    critical: bool

    @property
    def arrangement(self) -> str:
        return self.config.layout

    @property
    def number_style(self) -> str:
        return _NUMBER_STYLE.get(self.config.numbering, "Arabic")


def series_slots(series: Iterable[SeriesConfig]) -> list[SeriesSlot]:
    slots: list[SeriesSlot] = []
    familiar = critical = 0
    for s in series:
        if s.numbering == "line":
            slots.append(SeriesSlot(s, _LETTERS[critical], True))
            critical += 1
        else:
            slots.append(SeriesSlot(s, _LETTERS[familiar], False))
            familiar += 1
    return slots


@dataclass
class Services:
    """What the renderer asks other stages for: formatted citations and archives."""

    cite: Callable[[str, str, bool], Latex] = lambda key, locator, first: escape_text(f"{key}, {locator}".strip(", "))
    archive_lines: Callable[[Document], list[Latex]] = lambda doc: [escape_text(a.cited_as) for a in doc.archives]
    source_line: Callable[[Document], Latex | None] = lambda doc: None
    back_matter: Callable[[list[Document]], BackMatter | None] = lambda docs: None
    inline_archive: Callable[[Span, Any], tuple[Latex, Any]] = lambda span, previous: (Latex(""), None)
    exports: Callable[[Path, Path], list[Path]] = lambda aux, out: []


@dataclass
class _DocState:
    doc: Document
    cited: set[str] = field(default_factory=set)
    endnotes: dict[str, list[tuple[int, Latex]]] = field(default_factory=dict)
    in_text: bool = False  # rendering the numbered text (not a note, not a headnote)


def _join(parts: Iterable[str]) -> Latex:
    return Latex("".join(parts))


def _macro(name: str, *args: str) -> Latex:
    """``\\name{arg}...``; with no arguments ``\\name{}``, safe before a letter."""
    return Latex("\\" + name + ("".join("{" + a + "}" for a in args) if args else "{}"))


class LatexRenderer:
    def __init__(self, corpus: Corpus, services: Services, numbers: dict[NoteKey, int]) -> None:
        self.corpus = corpus
        self.services = services
        self.slots = {s.config.id: s for s in series_slots(corpus.config.series)}
        self.numbers = numbers
        self.referenced = referenced_notes(corpus)
        self.apparatus = next((s for s in self.slots.values() if s.critical), None)
        self.diags: list[Diagnostic] = []
        self.state: _DocState | None = None
        self._last_char = " "  # the last character printed: it decides whether a quote opens or closes
        self._in_note = False
        self._previous_archive: Any = None  # for "ibid.": the last archival citation in the same note
        self.source_map: dict[str, dict[int, str]] = {}  # document -> generated line -> "path:line:column"

    # ---------------------------------------------------------- inline
    def inline(self, nodes: list[Inline]) -> Latex:
        out = []
        for node in nodes:
            out.append(self._node(node))
            printed = node.text if isinstance(node, Text) else plain_text(node.children)
            if printed:
                self._last_char = printed[-1]
        return _join(out)

    def _node(self, node: Inline) -> str:
        if isinstance(node, Text):
            return escape_text(node.text, self._last_char)
        return self._span(node)

    def _span(self, span: Span) -> str:
        a, kids = span.args, self.inline(span.children)
        arg0 = a[0] if a else ""
        k = span.kind
        if k == "p":
            return self._where() + _macro("edPerson", escape_label(arg0), kids or escape_text(self._person_name(arg0)))
        if k == "pl":
            place = self.corpus.places.get(arg0)
            return self._where() + _macro("edPlace", escape_label(arg0), kids or escape_text(place.name if place else arg0))
        if k == "n":
            return self._note_anchor(span, kids)
        if k == "arch":
            text, self._previous_archive = self.services.inline_archive(span, self._previous_archive)
            return _macro("edArchive", text or kids)
        simple = {"em": "edEmph", "nx": "edUntagged"}
        if k in simple:
            return _macro(simple[k], kids)
        if k in _INTERVENTIONS:
            return self._intervention(span, kids)
        if k == "lbl":
            assert self.state is not None
            return _macro("edLineLabel", escape_label(f"l:{self.state.doc.id}:{arg0}"))
        if k == "foreign":
            return _macro("edForeign", escape_text(arg0), kids)
        if k == "cite":
            first = self.state is not None and arg0 not in self.state.cited
            if self.state is not None:
                self.state.cited.add(arg0)
            locator = "".join(n.text if isinstance(n, Text) else "" for n in span.children)
            return _macro("edCitation", self.services.cite(arg0, locator, first))
        if k == "ref":
            return self._ref(span, kids)
        self.diags.append(warning(span.pos, f"markup '{k}' is not rendered"))
        return kids

    def _where(self) -> str:
        """``\\edInNote`` before a mention in a note: the index marks its page "n"."""
        return _macro("edInNote") if self._in_note else ""

    def _person_name(self, pid: str) -> str:
        person = self.corpus.persons.get(pid)
        return person.name if person else pid

    def _note_anchor(self, span: Span, lemma: Latex) -> str:
        sid, key = span.args[0], span.args[1]
        slot = self.slots[sid]
        assert self.state is not None
        doc = self.state.doc
        note = doc.notes[sid][key]
        # A label only where a {ref} points: a familiar note's is LaTeX's own (its page is
        # right in the next pass); an apparatus entry's is a line label (edition.sty).
        referenced = (doc.id, sid, key) in self.referenced
        label = Latex("")
        if referenced:
            label = _macro("edLineLabel" if slot.critical else "label", escape_label(f"n:{doc.id}:{sid}:{key}"))
        text = self.note_text(note, paragraph=slot.arrangement == "paragraph")
        if slot.critical:
            return _macro("edtext", label + lemma, _macro(f"{slot.letter}footnote", text))
        number = str(self.numbers[(doc.id, sid, key)])
        if slot.config.placement == "end-of-document":
            self.state.endnotes.setdefault(sid, []).append((int(number), text))
            return label + _macro("edEndnoteMark", slot.number_style, number)
        return label + _macro("edFootnote", slot.letter, number, text)

    def _intervention(self, span: Span, kids: Latex) -> str:
        """An intervention's siglum, and its own apparatus entry where the policy asks."""
        macro, note = _INTERVENTIONS[span.kind]
        arg0 = escape_text(span.args[0]) if span.args else Latex("")
        shown = _macro(macro, kids) if span.kind in ("sup", "del", "sic", "unclear") else \
            _macro(macro, arg0) if span.kind == "gap" else _macro(macro, arg0, kids)
        wanted = self.corpus.config.apparatus.get(span.kind, False)
        if not wanted or self.apparatus is None or self.state is None or not self.state.in_text:
            return shown
        entry = _macro(note, arg0) if span.kind in ("corr", "reg", "add", "gap") else _macro(note)
        return _macro("edtext", shown, _macro(f"{self.apparatus.letter}footnote", entry))

    def _ref(self, span: Span, kids: Latex) -> str:
        target = ref_target(span.args)
        doc = self.corpus.document(target.document) if target else None
        if target is None or doc is None or self.state is None:
            return kids
        same = doc.id == self.state.doc.id
        title = kids or (Latex("") if same else escape_text(self._doc_title(doc)))
        if target.kind == "document":
            return _macro("edRefDocument", escape_label(doc.id), title)
        if target.kind == "line":
            label = escape_label(f"l:{doc.id}:{target.key}")
            return _macro("edRefLine", label, title)
        label = escape_label(f"n:{doc.id}:{target.series}:{target.key}")
        slot = self.slots[target.series]
        number = self.numbers.get((doc.id, target.series, target.key), 0)
        if slot.critical:
            return _macro("edRefLine", label, title)
        return _macro("edRefNote", label, title, slot.number_style, str(number))

    def _cite_as(self, doc: Document) -> str:
        """The suggested citation of the document, without its pages (LaTeX adds them)."""
        cfg = self.corpus.config
        title = f"{cfg.title}: {cfg.subtitle}" if cfg.subtitle else cfg.title
        return f"{self._doc_title(doc)}, in {title}" + (f" ({cfg.year})" if cfg.year else "")

    def _doc_title(self, doc: Document) -> str:
        return f"{doc.title}, {doc.date.text()}" if doc.date else doc.title

    def note_text(self, note: Note, paragraph: bool) -> Latex:
        in_text, in_note = (self.state.in_text if self.state else False), self._in_note
        if self.state:
            self.state.in_text = False  # interventions in notes make no apparatus entries
        self._in_note = True
        try:
            return self._note_blocks(note, paragraph)
        finally:
            self._in_note = in_note
            if self.state:
                self.state.in_text = in_text

    def _note_blocks(self, note: Note, paragraph: bool) -> Latex:
        saved, self._last_char = self._last_char, " "
        self._previous_archive = None
        parts: list[str] = []
        for i, block in enumerate(note.content):
            if i:
                parts.append(" " if paragraph else _macro("edNoteParagraph"))
            self._last_char = " "
            if block.kind == "quote":
                sep = " " if paragraph else _macro("edNoteParagraph")
                parts.append(_macro("edNoteQuote", Latex(sep.join(self._block_inline(b) for b in block.blocks))))
            else:
                parts.append(self.inline(block.content))
        self._last_char = saved
        return _join(parts)

    def _block_inline(self, block: Block) -> Latex:
        self._last_char = " "
        return self._lines(block.content) if block.kind == "lines" else self.inline(block.content)

    # ---------------------------------------------------------- blocks
    def prose(self, blocks: list[Block]) -> Latex:
        """Unnumbered paragraphs (headnotes), separated by blank lines."""
        out = []
        for b in blocks:
            inner = Latex(" ".join(self._block_inline(x) for x in b.blocks)) if b.kind == "quote" else self._block_inline(b)
            out.append(_macro("edNoteQuote", inner) if b.kind == "quote" else inner)
        return Latex("\n\n".join(out))

    def numbered(self, block: Block, quoted: bool = False) -> list[tuple[Latex, Pos]]:
        """A block of the text as reledmac paragraphs (``\\pstart ... \\pend``), each with its source position."""
        if block.kind == "quote":
            return [p for inner in block.blocks for p in self.numbered(inner, quoted=True)]
        setup = _macro("edQuote") if quoted else ""
        roles = {"salute": "edSalute", "dateline": "edDateline", "closer": "edCloser", "signed": "edSigned",
                 "postscript": "edPostscript", "heading": "edInnerHeading", "lines": "edLines"}
        content = self._block_inline(block)
        if block.kind in roles:
            content = _macro(roles[block.kind], content)
        return [(Latex(r"\pstart" + setup + " " + content + r"\pend"), block.pos)]

    def _lines(self, nodes: list[Inline]) -> Latex:
        """Inline content with its line breaks kept."""
        out: list[str] = []
        for n in nodes:
            if isinstance(n, Text):
                pieces = n.text.strip("\n").split("\n") if n is nodes[-1] or n is nodes[0] else n.text.split("\n")
                out.append(_macro("edLineBreak").join(escape_text(p, self._last_char) for p in pieces)
                           if len(pieces) > 1 else escape_text(n.text, self._last_char))
                if n.text:
                    self._last_char = n.text[-1]
            else:
                out.append(self._node(n))
        return _join(out)

    # ---------------------------------------------------------- documents
    def document(self, env: jinja2.Environment, doc: Document) -> str:
        self.state = _DocState(doc)
        places = [self.corpus.places[p].name for p in (doc.place_from, doc.place_to) if p in self.corpus.places]
        self.state.in_text = True
        paragraphs = [p for b in doc.body for p in self.numbered(b)]
        body = [latex for latex, _ in paragraphs]
        self.state.in_text = False
        endnotes = [(self.slots[sid].config.name, self.slots[sid].number_style, notes)
                    for sid, notes in self.state.endnotes.items()]
        source_lines: list[tuple[str, Latex]] = []
        printed = self.services.source_line(doc)
        if printed:
            source_lines.append(("Printed source", printed))
        for line in self.services.archive_lines(doc):
            source_lines.append(("Archive", line))
        if doc.translation:
            by = f", by {doc.translation.by}" if doc.translation.by else ""
            source_lines.append(("Translation", escape_text(f"from {_language(doc.translation.language)}{by}")))
        out = env.get_template("document.tex.jinja").render(
            label_id=escape_label(doc.id),
            cite_as=self._cite_as(doc),
            title=doc.title,
            date=doc.date.text() if doc.date else "undated",
            places=" \u2192 ".join(places) if len(places) == 2 else "".join(places),
            endnotes=endnotes,
            headnote=self.prose(doc.headnote) if doc.headnote else "",
            body=body,
            source_lines=source_lines,
        )
        self.state = None
        self.source_map[doc.id] = _line_map(out, paragraphs)
        return out


_LANGUAGES = {"ru": "Russian", "de": "German", "fr": "French", "ka": "Georgian", "uk": "Ukrainian", "pl": "Polish", "en": "English"}


def _language(code: str) -> str:
    return _LANGUAGES.get(code, code)


def _document_order(corpus: Corpus, only: set[str] | None) -> list[tuple[str, str, list[Block], list[Document]]]:
    parts = []
    by_id = corpus.by_id()
    for part in corpus.config.parts:
        docs = [by_id[i] for i in part.documents if i in by_id and (only is None or i in only)]
        parts.append((part.id, part.title, part.headnote, docs))
    return parts


def _line_map(tex: str, paragraphs: list[tuple[Latex, Pos]]) -> dict[int, str]:
    """Which source position each generated line of a document's .tex comes from."""
    lines = tex.split("\n")
    mapping: dict[int, str] = {}
    i = 0
    for latex, pos in paragraphs:
        first = latex.split("\n", 1)[0]
        while i < len(lines) and lines[i] != first:
            i += 1
        if i < len(lines):
            mapping[i + 1] = str(pos)
    return mapping


def _surname(corpus: Corpus, pid: str) -> str:
    person = corpus.persons.get(pid)
    return person.name.split(",", 1)[0] if person else pid


def _chronology(corpus: Corpus, documents: list[Document]) -> list[dict[str, object]]:
    """The chronological list of documents: date, from -> to, place, and the label for its page."""
    rows: list[dict[str, object]] = []
    for doc in sorted(documents, key=lambda d: (d.date.sort_key if d.date else "9999", d.id)):
        who = ", ".join(_surname(corpus, a) for a in doc.authors)
        to = ", ".join(_surname(corpus, r) for r in doc.recipients)
        place = corpus.places[doc.place_from].name if doc.place_from in corpus.places else ""
        rows.append({"date": doc.date.text() if doc.date else "undated",
                     "parties": (f"{who} \u2192 {to}" if to else who).strip() or doc.title,
                     "place": place, "label": escape_label(doc.id)})
    return rows


# The headings of the front and back matter, printed by the templates and listed in
# the seeded contents from this one table.
HEADINGS = {"abbreviations": "Abbreviations", "chronology": "Chronological List of Documents",
            "persons": "Persons Mentioned", "archives": "Archival Sources", "works": "Works Cited",
            "names": "Index of Names", "places": "Index of Places"}


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _contents(corpus: Corpus, parts: list[dict[str, Any]], order: list[Any], abbreviations: bool,
              note_title: str, back: Any) -> list[tuple[str, Latex]]:
    """Every line of the contents, as the headings of edition.sty add them."""
    lines: list[tuple[str, Latex]] = []
    front = [(abbreviations, HEADINGS["abbreviations"]), (any(docs for *_, docs in order), HEADINGS["chronology"]),
             (bool(note_title), note_title)]
    lines += [("chapter", escape_text(title)) for present, title in front if present]
    docs_by_part = [docs for _p, _t, _h, docs in order if docs]
    for number, (part, docs) in enumerate(zip(parts, docs_by_part, strict=True), start=1):
        lines.append(("part", Latex(f"\\numberline {{{_roman(number)}}}") + escape_text(part["title"])))
        for doc in docs:
            date = doc.date.text() if doc.date else "undated"
            lines.append(("section", escape_text(doc.title) + Latex(", ") + escape_text(date)))
    register = bool(back and corpus.config.persons_register and back.persons)
    tail = [(register, HEADINGS["persons"]), (bool(back and back.archives), HEADINGS["archives"]),
            (bool(back and back.works), HEADINGS["works"]), (True, HEADINGS["names"]),
            (corpus.config.index_places, HEADINGS["places"])]
    lines += [("chapter", escape_text(title)) for present, title in tail if present]
    return lines


def render(corpus: Corpus, services: Services | None = None, only: set[str] | None = None) -> tuple[dict[str, str], list[Diagnostic]]:
    """The LaTeX files of the reader, by path relative to the build directory."""
    services = services or Services()
    env = environment()
    order = _document_order(corpus, only)
    numbers = number_notes(corpus, [d for _p, _t, _h, docs in order for d in docs], corpus.config.note_numbering)
    renderer = LatexRenderer(corpus, services, numbers)
    files: dict[str, str] = {}
    parts_ctx = []
    for _pid, title, headnote, docs in order:
        if not docs:
            continue
        for doc in docs:
            files[f"docs/{doc.id}.tex"] = renderer.document(env, doc)
            files[f"docs/{doc.id}.map.json"] = json.dumps(renderer.source_map[doc.id], indent=0)
        parts_ctx.append({"title": title, "headnote": renderer.prose(headnote) if headnote else "",
                          "documents": [escape_label(d.id) for d in docs]})
    cfg = corpus.config
    docs_in_order = [d for _p, _t, _h, docs in order for d in docs]
    back = services.back_matter(docs_in_order)
    slots = list(renderer.slots.values())
    n_letters = max(sum(1 for s in slots if s.critical), sum(1 for s in slots if not s.critical), 1)
    options = [f"{cfg.font_size}", f"paper={cfg.paper}", "twoside" if cfg.two_sided else "oneside",
               f"BCOR={cfg.binding_offset}", "DIV=calc", "headings=normal", "open=any"]
    note_title, note_body = "", Latex("")
    if cfg.note_on_texts:
        note_path = Path(corpus.root) / cfg.note_on_texts
        if note_path.exists():
            note_title, note_body = markdown(note_path.read_text(encoding="utf-8"))
    files["reader.tex"] = env.get_template("reader.tex.jinja").render(
        options=Latex(",".join(options)),
        reledmac_series=Latex(",".join(_LETTERS[:n_letters])),
        series=slots,
        title=cfg.title, subtitle=cfg.subtitle, editor=cfg.editor, course=cfg.course, year=cfg.year,
        keywords=", ".join(cfg.keywords),
        licence=cfg.licence,
        parts=parts_ctx,
        abbreviations=back.abbreviations if back else [],
        note_title=note_title or "Note on the Texts", note_body=note_body,
        chronology=_chronology(corpus, docs_in_order),
        draft=only is not None,
        headings=HEADINGS,
    )
    files["backmatter.tex"] = env.get_template("backmatter.tex.jinja").render(
        back=back, persons_register=cfg.persons_register, headings=HEADINGS)
    for name in ("edition.sty", "edition-marks.lua", "edition-notes.lua", "edition-index.lua", "edition-url.lua"):
        files[name] = (LATEX_DIR / name).read_text(encoding="utf-8")
    files["reader.toc.seed"] = env.get_template("reader.toc.jinja").render(contents=_contents(
        corpus, parts_ctx, order, abbreviations=bool(back and back.abbreviations),
        note_title=(note_title or "Note on the Texts") if note_body else "", back=back))
    files["indexes.tex"] = indexes(corpus, mentioned_ids(corpus, only), cfg.index_places,
                                   (HEADINGS["names"], HEADINGS["places"]))
    # Every character beyond ASCII the LaTeX files hold: edition.sty sets up the
    # fallback fonts only if Libertine lacks one of them, and OpenType shaping only
    # if one of them needs it (edition/scripts.py).
    used = sorted(c for c in set().union(*(content for name, content in files.items() if name.endswith(".tex"))) if c > "~")
    files["characters.tex"] = ("\\newcommand*{\\edCharactersInText}{" + ",".join(f"{ord(c):X}" for c in used) + "}\n"
                               f"\\newcommand*{{\\edNeedsShaping}}{{{int(needs_shaping(used))}}}\n")
    files["latexmkrc"] = env.get_template("latexmkrc.jinja").render()
    return files, renderer.diags
