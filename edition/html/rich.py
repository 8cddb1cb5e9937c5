"""A document's rich text as HTML: blocks, inline spans, note anchors and the notes.

One ``DocumentRenderer`` per document walks its text in reading order, as the print
does, and collects on its way the notes of each series (to list after the text), the
apparatus entries and the mentions of persons and places (for the index, which links
to each mention's place).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup

from edition.html.marks import letters, mark
from edition.html.markup import el, join, slug, text, void
from edition.html.richtext import to_html
from edition.model.corpus import ADD_PLACES, Block, Document, Inline, Note, SeriesConfig, Span, Text, walk_spans
from edition.model.queries import ref_target
from edition.passes.languages import passage_language
from edition.passes.plan import Plan
from edition.sources.markup import plain_text

# What each intervention shows around its text, and the words a screen reader says.
SIGLA = {
    "sup": ("[", "]", "supplied by the editors"),
    "del": ("\u27e6", "\u27e7", "deleted in the original"),
    "add": ("\u2e0c", "\u2e0d", "added in the original"),
    "unclear": ("", "[?]", "uncertain reading"),
}
# The entry an intervention makes in the textual apparatus (edition.sty's \edApp...).
APPARATUS_WORDS = {"sup": "supplied by the editors", "del": "deleted in the original", "add": "added",
                   "sic": "so in the original", "gap": "illegible", "unclear": "uncertain reading",
                   "corr": "copy", "reg": "original"}


@dataclass
class NoteEntry:
    """A note as listed after the text: its series, mark, anchor id and content."""

    series: SeriesConfig
    key: str
    mark: str
    id: str
    content: Markup
    lemma: Markup = Markup("")
    lang: str = "en"  # the note's language (the plan's)


@dataclass
class Mention:
    kind: str  # "p" | "pl"
    target: str
    anchor: str  # the element id on the document's page
    in_note: bool


@dataclass
class _State:
    notes: dict[str, list[NoteEntry]] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    in_text: bool = False
    in_note: bool = False
    apparatus_count: int = 0


def page_break(label: str) -> Markup:
    """Where a page of the printed reader begins, its number in the margin (the EPUB makes its page
    list of these, each named by its text)."""
    return el("span", label, class_="pagebreak", role="doc-pagebreak", id=f"page-{label}", title=f"Page {label} of the printed reader")


class DocumentRenderer:
    """Renders the rich text of ``doc`` (a document of the plan's typeset corpus); ``owner`` is
    the plan's owner of its spans (the document's id, or ``part:ID`` for a part's headnote)."""

    def __init__(self, plan: Plan, doc: Document, owner: str, document_link: Callable[[str], str],
                 page_breaks: dict[str, list[str]] | None = None) -> None:
        self.plan, self.corpus, self.doc, self.owner, self.document_link = plan, plan.corpus, doc, owner, document_link
        # the printed pages that begin in a paragraph of the text, by the paragraph's "path:line" (build/pages.py)
        self.page_breaks = page_breaks if page_breaks is not None else {}
        self.series = {s.id: s for s in self.corpus.config.series}
        self.apparatus = next((s for s in self.corpus.config.series if s.numbering == "line"), None)
        self.state = _State()
        self.prefix = ""  # before every id this renderer makes: the original's text gets its own ("original-")
        self._original: DocumentRenderer | None = None
        self.heading = "h3"  # a heading inside the text; "h2" in editorial prose that has a page of its own

    # ------------------------------------------------------------------ blocks
    def body(self) -> Markup:
        self.state.in_text = True
        try:
            return join(self.block(b) for b in self.doc.body)
        finally:
            self.state.in_text = False

    def blocks(self, blocks: list[Block], in_text: bool = False) -> Markup:
        """Some blocks of a text (a unit of alignment), with apparatus entries as in the text."""
        self.state.in_text = in_text
        try:
            return join(self.block(b) for b in blocks)
        finally:
            self.state.in_text = False

    @property
    def original(self) -> DocumentRenderer | None:
        """The renderer of the original's text: the same document, ids of its own."""
        if self.doc.original is None:
            return None
        if self._original is None:
            self._original = DocumentRenderer(self.plan, self.doc, self.owner, self.document_link, self.page_breaks)
            self._original.prefix = "original-"
        return self._original

    def prose(self, blocks: list[Block]) -> Markup:
        return join(self.block(b) for b in blocks)

    def block(self, block: Block) -> Markup:
        labels = [] if self.state.in_note else self.page_breaks.pop(f"{block.pos.path}:{block.pos.line}", [])
        return join([*(page_break(label) for label in labels), self._block(block)]) if labels else self._block(block)

    def _block(self, block: Block) -> Markup:
        if block.kind == "quote":
            return el("blockquote", [self.block(b) for b in block.blocks])
        if block.kind == "heading":
            return el(self.heading, self.inline(block.content), class_="inner-heading")
        if block.kind == "lines":
            return el("p", self._lines(block.content), class_="lines")
        role = None if block.kind == "p" else block.kind
        if block.kind == "notgiven":  # a passage of a version not given: the editor's words, in English
            return el("p", ["[", el("i", self.inline(block.content)), "]"], class_=role, lang="en")
        return el("p", self.inline(block.content), class_=role)

    def _lines(self, nodes: list[Inline]) -> Markup:
        out: list[Markup] = []
        for i, node in enumerate(nodes):
            if isinstance(node, Text):
                raw = node.text.strip("\n") if i in (0, len(nodes) - 1) else node.text
                pieces = raw.split("\n")
                out.append(join((self._text(p) for p in pieces), sep="") if len(pieces) == 1 else
                           Markup(void("br")).join(self._text(p.strip()) for p in pieces))
            else:
                out.append(self.span(node))
        return join(out)

    # ------------------------------------------------------------------ inline
    def inline(self, nodes: list[Inline]) -> Markup:
        out = []
        for node in nodes:
            out.append(self._text(node.text) if isinstance(node, Text) else self.span(node))
        return join(out)

    def _text(self, value: str) -> Markup:
        return text(value)  # the plan's corpus is typeset: quotes, dashes and spaces are decided

    def _kids(self, span: Span) -> Markup:
        return self.inline(span.children)

    def span(self, span: Span) -> Markup:
        """One span, by its kind (``markup.TAGS``); an unknown kind shows its content."""
        k = span.kind
        if k in APPARATUS_WORDS:
            return self._intervention(span)
        handler = {"p": self._mention, "pl": self._mention, "n": self._anchor, "em": self._emphasis,
                   "foreign": self._emphasis, "lbl": self._label, "cite": self._cite, "arch": self._archive,
                   "ref": self._ref}.get(k)
        return handler(span) if handler else self._kids(span)

    def _emphasis(self, span: Span) -> Markup:
        lang = self.plan.language.passages.get((self.owner, span.uid), passage_language(span)) if span.kind == "foreign" else None
        return el("em" if span.kind == "em" else "i", self._kids(span), lang=lang)

    def _label(self, span: Span) -> Markup:
        return el("span", "", id=f"line-{slug(span.args[0] if span.args else '')}", class_="line-label")

    def _cite(self, span: Span) -> Markup:
        citation = self.plan.citations.get((self.owner, span.uid))
        shown = to_html(citation.text) if citation is not None else text(span.args[0] if span.args else "")
        return el("span", shown, class_="citation", data_form=citation.form if citation is not None else None)

    def _archive(self, span: Span) -> Markup:
        shown = self.plan.archival.get((self.owner, span.uid))
        return el("span", text(shown) if shown else self._kids(span), class_="archive")

    def _mention(self, span: Span) -> Markup:
        target = span.args[0] if span.args else ""
        kids = self._kids(span)
        if not kids:
            if span.kind == "p":
                person = self.corpus.persons.get(target)
                kids = self._text(person.name if person else target)
            else:
                place = self.corpus.places.get(target)
                kids = self._text(place.name if place else target)
        anchor = f"{self.prefix}m{len(self.state.mentions) + 1}"
        self.state.mentions.append(Mention(span.kind, target, anchor, self.state.in_note))
        # A mention is a place the indexes link to, not a link itself: the text stays calm to read.
        return el("span", kids, id=anchor, class_="person" if span.kind == "p" else "place")

    def _intervention(self, span: Span) -> Markup:
        k = span.kind
        arg0 = span.args[0] if span.args else ""
        kids = self._kids(span) if k != "gap" else Markup("")
        if k in SIGLA:
            before, after, words = SIGLA[k]
            if k == "add" and arg0:
                words = f"added {ADD_PLACES.get(arg0, arg0)} in the original"
            shown = el("span", [el("span", before, aria_hidden="true") if before else "", kids,
                                el("span", after, aria_hidden="true"), el("span", f" ({words})", class_="sr-only")],
                       class_=f"iv iv-{k}")
            shown = el("del" if k == "del" else "ins" if k == "add" else "span", shown, class_="iv-wrap")
        elif k == "sic":
            shown = el("span", [kids, " [", el("i", "sic"), "]"], class_="iv iv-sic")
        elif k == "gap":
            label = f"{arg0} illegible" if arg0 else "\u2026"
            words = f"gap in the text: {arg0} illegible" if arg0 else "gap in the text"
            shown = el("span", [el("span", ["[", el("i", label) if arg0 else label, "]"], aria_hidden="true"),
                                el("span", f"({words})", class_="sr-only")], class_="iv iv-gap")
        else:  # corr, reg: the text as corrected; the original goes to the apparatus
            shown = el("span", kids, class_=f"iv iv-{k}")
        if (self.owner, span.uid) not in self.plan.apparatus or self.apparatus is None or not self.state.in_text:
            return shown
        return self._apparatus_entry(span, shown, _entry_words(span))

    def _note_entries(self, note: Note, name: str) -> Markup:
        """The apparatus entries of a note's interventions (the plan's), after its anchor: "note 3: left—U.S.] ..."."""
        uids = set(self.plan.note_apparatus.get((self.doc.id, note.series, note.key), ()))
        if not uids or self.apparatus is None:
            return Markup("")
        return join(self._apparatus_entry(s, Markup(""), _entry_words(s), shown_lemma=text(f"{name}: {plain_text(s.children)}"))
                    for s in walk_spans(note.content) if s.uid in uids)

    def _apparatus_entry(self, span: Span, lemma: Markup, entry: Markup, key: str = "", lang: str = "en",
                         shown_lemma: Markup | None = None) -> Markup:
        assert self.apparatus is not None
        self.state.apparatus_count += 1
        n = self.state.apparatus_count
        mark = letters(n)
        # a keyed entry's id comes from its key (unique in both versions of a document), so that
        # cross-references from other pages find it; an intervention's, from its count in its version
        note_id = f"{self.apparatus.id}-{slug(key)}" if key else f"{self.prefix}{self.apparatus.id}-iv{n}"
        self.state.notes.setdefault(self.apparatus.id, []).append(
            NoteEntry(self.apparatus, key, mark, note_id, entry, lemma=shown_lemma or text(plain_text(span.children)) or lemma,
                      lang=lang))
        ref = el("a", el("span", mark, class_="mark"), href=f"#{note_id}", id=f"ref-{note_id}",
                 class_=f"noteref noteref-{self.apparatus.id}", role="doc-noteref",
                 aria_label=f"{self.apparatus.name}, {mark}")
        return el("span", [lemma, ref], class_="lemma")

    def _anchor(self, span: Span) -> Markup:
        sid, key = span.args[0], span.args[1]
        series = self.series.get(sid)
        note = self.doc.notes.get(sid, {}).get(key)
        if series is None or note is None:
            return self._kids(span)
        if series.numbering == "line":
            lemma = self._kids(span)
            content = self.note_content(note)
            return join([self._apparatus_entry(span, lemma, content, key, lang=self.plan.note_language(self.doc.id, sid, key)),
                         self._note_entries(note, "textual note")])
        number = self.plan.note_number(self.doc.id, sid, key)
        shown = mark(series.numbering, number)
        note_id = f"{self.prefix}{sid}-{number}"
        content = self.note_content(note)
        self.state.notes.setdefault(sid, []).append(NoteEntry(series, key, shown, note_id, content,
                                                              lang=self.plan.note_language(self.doc.id, sid, key)))
        return join([el("a", el("span", shown, class_="mark"), href=f"#{note_id}", id=f"ref-{note_id}",
                        class_=f"noteref noteref-{sid}", role="doc-noteref", aria_label=f"{series.name}, {shown}"),
                     self._note_entries(note, f"note {shown}")])

    def note_content(self, note: Note) -> Markup:
        saved = (self.state.in_text, self.state.in_note)
        self.state.in_text, self.state.in_note = False, True  # interventions in notes make no apparatus entries
        try:
            return join(self.block(b) for b in note.content)
        finally:
            self.state.in_text, self.state.in_note = saved

    def _ref(self, span: Span) -> Markup:
        target = ref_target(span.args)
        kids = self._kids(span)
        if target is None or target.document not in self.plan.titles:
            return kids
        same = target.document == self.doc.id
        base = "" if same else self.document_link(target.document)
        title = kids or (Markup("") if same else text(self.plan.titles[target.document]))
        if target.kind == "document":
            return el("a", title or "this document", href=base or "#top", class_="xref")
        if target.kind == "line":
            return el("a", title or "this line", href=f"{base}#line-{slug(target.key)}", class_="xref")
        series = self.series.get(target.series)
        if series is None:
            return kids
        if series.numbering == "line":
            return el("a", title or "the textual note", href=f"{base}#ref-{target.series}-{slug(target.key)}", class_="xref")
        number = self.plan.note_number(target.document, target.series, target.key)
        label = f"note {mark(series.numbering, number)}"
        words = join([title, ", ", label]) if title else text(label)
        side = self.plan.parallel.get(target.document)
        prefix = "original-" if side is not None and (target.series, target.key) in side.original_notes else ""
        return el("a", words, href=f"{base}#{prefix}{target.series}-{number}", class_="xref")


def _entry_words(span: Span) -> Markup:
    """An intervention's apparatus entry: "leftU.S. <em>copy</em>", "<em>added above</em>"."""
    k, arg0 = span.kind, span.args[0] if span.args else ""
    if k in ("corr", "reg"):
        return join([text(arg0), " ", el("em", APPARATUS_WORDS[k])])
    if k == "add" and arg0:
        return el("em", f"added {ADD_PLACES.get(arg0, arg0)}")
    if k == "gap" and arg0:
        return el("em", f"illegible: {arg0}")
    return el("em", APPARATUS_WORDS[k])
