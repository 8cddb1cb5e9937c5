"""Rich text and blocks as LaTeX: the macros of ``latex/edition.sty`` and reledmac's.

A ``TextWriter`` turns the typeset corpus of a plan into LaTeX. It decides
nothing: note numbers, citation forms, archival "ibid.", apparatus entries all
come from the plan. Source text reaches LaTeX only through ``escape``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from edition.latex.bibtex import to_latex
from edition.latex.escape import Latex, escape_label, escape_text
from edition.latex.languages import babel_name
from edition.model.corpus import ADD_PLACES, Block, Document, Inline, Note, SeriesConfig, Span, Text, walk_spans
from edition.model.diagnostics import Diagnostic, Pos, warning
from edition.model.queries import RefTarget, ref_target
from edition.passes.languages import passage_language
from edition.passes.plan import Plan
from edition.passes.reading import part_key
from edition.sources.markup import plain_text

_NUMBER_STYLE = {"arabic": "Arabic", "roman": "Roman", "symbols": "Symbols"}

# Each intervention: the macro showing it in the text, the macro of its apparatus entry.
INTERVENTIONS = {
    "sup": ("edSupplied", "edAppSupplied"),
    "del": ("edDeleted", "edAppDeleted"),
    "add": ("edAdded", "edAppAdded"),
    "sic": ("edSic", "edAppSic"),
    "gap": ("edGap", "edAppGap"),
    "unclear": ("edUnclear", "edAppUnclear"),
    "corr": ("edCorrected", "edAppCorrected"),
    "reg": ("edRegularized", "edAppRegularized"),
}
LETTERS = "ABCDEFGHIJ"
_ROLES = {"salute": "edSalute", "dateline": "edDateline", "closer": "edCloser", "signed": "edSigned",
          "postscript": "edPostscript", "heading": "edInnerHeading", "lines": "edLines", "notgiven": "edNotGiven"}
_SIMPLE = {"em": "edEmph", "nx": "edUntagged", "strong": "textbf", "code": "texttt"}


@dataclass(frozen=True)
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
            slots.append(SeriesSlot(s, LETTERS[critical], True))
            critical += 1
        else:
            slots.append(SeriesSlot(s, LETTERS[familiar], False))
            familiar += 1
    return slots


def macro(name: str, *args: str) -> Latex:
    """``\\name{arg}...``; with no arguments ``\\name{}``, safe before a letter."""
    return Latex("\\" + name + ("".join("{" + a + "}" for a in args) if args else "{}"))


def join(parts: Iterable[str]) -> Latex:
    return Latex("".join(parts))


@dataclass(frozen=True)
class Where:
    """What is being written: whose spans (a document, or a part's headnote) and whether in a note."""

    owner: str
    doc: Document | None = None
    in_note: bool = False


class TextWriter:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.slots = {s.config.id: s for s in series_slots(plan.corpus.config.series)}
        self.apparatus = next((s for s in self.slots.values() if s.critical), None)
        self.diags: list[Diagnostic] = []
        self._writers: dict[str, Callable[[Span, Latex, Where], str]] = {
            "p": self.mention, "pl": self.mention, "n": self.note_anchor, "arch": self.archive,
            "lbl": self.line_label, "foreign": self.foreign, "cite": self.citation, "ref": self.ref,
            "align": lambda span, kids, where: Latex("")}  # alignment points: the plan's units

    # ---------------------------------------------------------- inline
    def inline(self, nodes: list[Inline], where: Where) -> Latex:
        return join(escape_text(n.text) if isinstance(n, Text) else self.span(n, where) for n in nodes)

    def span(self, span: Span, where: Where) -> str:
        kids = self.inline(span.children, where)
        if span.kind in _SIMPLE:
            return macro(_SIMPLE[span.kind], kids)
        if span.kind in INTERVENTIONS:
            return self.intervention(span, kids, (where.owner, span.uid) in self.plan.apparatus)
        write = self._writers.get(span.kind)
        if write is None:
            self.diags.append(warning(span.pos, f"markup '{span.kind}' is not rendered"))
            return kids
        return write(span, kids, where)

    def mention(self, span: Span, kids: Latex, where: Where) -> str:
        register = self.plan.corpus.persons if span.kind == "p" else self.plan.corpus.places
        arg0 = span.args[0] if span.args else ""
        entry = register.get(arg0)
        shown = kids or escape_text(entry.name if entry else arg0)
        where_mark = macro("edInNote") if where.in_note else ""
        return where_mark + macro("edPerson" if span.kind == "p" else "edPlace", escape_label(arg0), shown)

    def archive(self, span: Span, kids: Latex, where: Where) -> str:
        text = self.plan.archival.get((where.owner, span.uid))
        return macro("edArchive", escape_text(text) if text else kids)

    def line_label(self, span: Span, kids: Latex, where: Where) -> str:
        if where.doc is None or not span.args:
            return Latex("")
        return macro("edLineLabel", escape_label(f"l:{where.doc.id}:{span.args[0]}"))

    def foreign(self, span: Span, kids: Latex, where: Where) -> str:
        code = self.plan.language.passages.get((where.owner, span.uid), passage_language(span))
        return macro("edForeign", escape_text(babel_name(code)), kids)

    def citation(self, span: Span, kids: Latex, where: Where) -> str:
        citation = self.plan.citations.get((where.owner, span.uid))
        return macro("edCitation", to_latex(citation.text) if citation else escape_text(span.args[0] if span.args else ""))

    def note_anchor(self, span: Span, lemma: Latex, where: Where) -> str:
        sid, key = span.args[0], span.args[1]
        doc = where.doc
        note = doc.notes.get(sid, {}).get(key) if doc is not None else None
        if doc is None or note is None or sid not in self.slots:
            return lemma
        slot = self.slots[sid]
        # A label only where a {ref} points: a familiar note's is LaTeX's own (its page is
        # right in the next pass); an apparatus entry's is a line label (edition.sty).
        label = Latex("")
        if (doc.id, sid, key) in self.plan.referenced_notes:
            label = macro("edLineLabel" if slot.critical else "label", escape_label(f"n:{doc.id}:{sid}:{key}"))
        number = str(self.plan.note_number(doc.id, sid, key))
        entries = self.note_entries(note, doc, Latex("textual note") if slot.critical else
                                    Latex("note~") + macro("edNumberAs", slot.number_style, number))
        if slot.critical:
            return macro("edtext", label + lemma, macro(f"{slot.letter}footnote", self.note_text(note, doc))) + entries
        if slot.config.placement == "end-of-document":
            return label + macro("edEndnoteMark", slot.number_style, number) + entries
        return label + macro("edFootnote", slot.letter, number, self.note_text(note, doc)) + entries

    def note_entries(self, note: Note, doc: Document, name: Latex) -> Latex:
        """The apparatus entries of a note's interventions (the plan's), keyed to the line of its anchor:
        "12 note 3: left—U.S.] leftU.S. copy"."""
        uids = set(self.plan.note_apparatus.get((doc.id, note.series, note.key), ()))
        if not uids or self.apparatus is None:
            return Latex("")
        out = []
        for span in walk_spans(note.content):
            if span.uid in uids:
                lemma = Latex(r"\lemma{" + name + ": " + escape_text(plain_text(span.children)) + "}")
                out.append(macro("edtext", Latex(""), lemma + macro(f"{self.apparatus.letter}footnote", self._entry(span))))
        return join(out)

    def _entry(self, span: Span) -> Latex:
        """An intervention's apparatus entry: "leftU.S. copy", "added above"."""
        entry_macro = INTERVENTIONS[span.kind][1]
        arg0 = escape_text(ADD_PLACES.get(span.args[0], span.args[0]) if span.kind == "add" else span.args[0]) if span.args else Latex("")
        return macro(entry_macro, arg0) if span.kind in ("corr", "reg", "add", "gap") else macro(entry_macro)

    def intervention(self, span: Span, kids: Latex, own_entry: bool) -> str:
        """An intervention's siglum, and its own apparatus entry where the plan says so."""
        shown_macro = INTERVENTIONS[span.kind][0]
        arg0 = escape_text(ADD_PLACES.get(span.args[0], span.args[0]) if span.kind == "add" else span.args[0]) if span.args else Latex("")
        shown = macro(shown_macro, kids) if span.kind in ("sup", "del", "sic", "unclear") else \
            macro(shown_macro, arg0) if span.kind == "gap" else macro(shown_macro, arg0, kids)
        if not own_entry or self.apparatus is None:
            return shown
        return macro("edtext", shown, macro(f"{self.apparatus.letter}footnote", self._entry(span)))

    def ref(self, span: Span, kids: Latex, where: Where) -> str:
        target = ref_target(span.args)
        if target is None or target.document not in self.plan.titles:
            return kids
        same = where.doc is not None and target.document == where.doc.id
        title = kids or (Latex("") if same else escape_text(self.plan.titles[target.document]))
        if target.document not in self.plan.documents:  # a draft or a handout without the target: no page to give
            return self._ref_elsewhere(target, kids or escape_text(self.plan.titles[target.document]))
        if target.kind == "document":
            return macro("edRefDocument", escape_label(target.document), title)
        # inside a parenthesis the page follows a comma (passes/brackets.py): \edRefLineIn, \edRefNoteIn
        inside = "In" if (where.owner, span.uid) in self.plan.bracketed_refs else ""
        if target.kind == "line":
            return macro(f"edRefLine{inside}", escape_label(f"l:{target.document}:{target.key}"), title)
        label = escape_label(f"n:{target.document}:{target.series}:{target.key}")
        slot = self.slots.get(target.series)
        if slot is None or slot.critical:
            return macro(f"edRefLine{inside}", label, title)
        number = self.plan.note_number(target.document, target.series, target.key)
        return macro(f"edRefNote{inside}", label, title, slot.number_style, str(number))

    def _ref_elsewhere(self, target: RefTarget, title: Latex) -> str:
        """A reference to a document this PDF does not set: its title (with its number in the
        reader), and a note's number, but no page or line, which only the whole reader has."""
        slot = self.slots.get(target.series) if target.kind == "note" else None
        if slot is None or slot.critical:
            return macro("edRefElsewhere", title)
        number = self.plan.note_number(target.document, target.series, target.key)
        return macro("edRefNoteElsewhere", title, slot.number_style, str(number))

    # ---------------------------------------------------------- notes and blocks
    def note_text(self, note: Note, doc: Document) -> Latex:
        """A note's paragraphs; interventions in notes make no apparatus entries (the plan)."""
        paragraph = self.slots[note.series].arrangement == "paragraph"
        where = Where(doc.id, doc, in_note=True)
        sep = " " if paragraph else macro("edNoteParagraph")
        parts: list[str] = []
        for i, block in enumerate(note.content):
            if i:
                parts.append(sep)
            if block.kind == "quote":
                parts.append(macro("edNoteQuote", Latex(sep.join(self.block_inline(b, where) for b in block.blocks))))
            else:
                parts.append(self.inline(block.content, where))
        # In a document that sets another language, each note is set in its own (the plan's): an
        # editor's note to a Russian text is English, an author's note to a Russian original Russian.
        language = babel_name(self.plan.note_language(doc.id, note.series, note.key))
        if language and (self.plan.text_language(doc.id) != "en" or doc.original is not None):
            return macro("edInLanguage", language, join(parts))
        return join(parts)

    def block_inline(self, block: Block, where: Where) -> Latex:
        return self.lines(block.content, where) if block.kind == "lines" else self.inline(block.content, where)

    def prose(self, blocks: Iterable[Block], where: Where) -> Latex:
        """Unnumbered paragraphs (headnotes), separated by blank lines."""
        out = []
        for b in blocks:
            if b.kind == "quote":
                out.append(macro("edNoteQuote", Latex(" ".join(self.block_inline(x, where) for x in b.blocks))))
            else:
                out.append(self.block_inline(b, where))
        return Latex("\n\n".join(out))

    def part_headnote(self, part_id: str, blocks: Iterable[Block]) -> Latex:
        return self.prose(blocks, Where(part_key(part_id)))

    def numbered(self, block: Block, where: Where, quoted: bool = False) -> list[tuple[Latex, Pos]]:
        """A block of the text as reledmac paragraphs (``\\pstart ... \\pend``), each with its source position."""
        if block.kind == "quote":
            return [p for inner in block.blocks for p in self.numbered(inner, where, quoted=True)]
        setup = macro("edQuote") if quoted else ""
        content = self.block_inline(block, where)
        if block.kind in _ROLES:
            content = macro(_ROLES[block.kind], content)
        return [(Latex(r"\pstart" + setup + " " + content + r"\pend"), block.pos)]

    def lines(self, nodes: list[Inline], where: Where) -> Latex:
        """Inline content with its line breaks kept (the first line break and the last dropped)."""
        out: list[str] = []
        for n in nodes:
            if isinstance(n, Text):
                pieces = n.text.strip("\n").split("\n") if n is nodes[-1] or n is nodes[0] else n.text.split("\n")
                out.append(macro("edLineBreak").join(escape_text(p) for p in pieces) if len(pieces) > 1 else escape_text(n.text))
            else:
                out.append(self.span(n, where))
        return join(out)

    def editorial(self, blocks: Iterable[Block]) -> Latex:
        """Editorial prose (the note on the texts): sections, paragraphs and lists."""
        out: list[str] = []
        where = Where("prose")
        for block in blocks:
            if block.kind == "heading":
                out.append(r"\edProseSection{" + self.inline(block.content, where) + "}")
            elif block.kind in ("bullets", "numbers"):
                env = "itemize" if block.kind == "bullets" else "enumerate"
                items = "".join(r"\item " + self.inline(item.content, where) for item in block.blocks)
                out.append(rf"\begin{{{env}}}" + items + rf"\end{{{env}}}")
            else:
                out.append(self.inline(block.content, where))
        return Latex("\n\n".join(out))
