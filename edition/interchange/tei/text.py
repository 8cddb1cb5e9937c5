"""A document's text and notes as TEI: blocks, spans, note anchors and lemmas."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from edition.interchange.tei.common import CERTAINTY, LANG_TAG, add_text, compound_id, doc_file, split_lines, sub, tei, xml_id
from edition.model.corpus import Block, Corpus, Document, Inline, Person, Place, Span, Text
from edition.model.queries import ref_target

# --- the text ------------------------------------------------------------------------------

TOP, MAIN, BOTTOM = range(3)


def sections(blocks: list[Block]) -> list[list[tuple[str, Block]]]:
    """Blocks grouped into TEI divisions, each block with its place: head, opener, main, closer, postscript."""
    out: list[list[tuple[str, Block]]] = [[]]
    state = TOP
    for block in blocks:
        k = block.kind
        if k in ("p", "quote", "notgiven") or (k == "lines" and state == MAIN):
            if state == BOTTOM:
                out.append([])
            state, place = MAIN, "main"
        elif k == "heading" or (k == "salute" and state != TOP):
            if state != TOP:
                out.append([])
                state = TOP
            place = "head" if k == "heading" else "opener"
        elif state == TOP and k != "postscript":
            place = "opener"
        else:
            state, place = BOTTOM, "postscript" if k == "postscript" else "closer"
        out[-1].append((place, block))
    return [s for s in out if s]


@dataclass
class DocWriter:
    """Writes one document's rich text and blocks into a TEI tree."""

    corpus: Corpus
    doc: Document
    anchors: dict[str, int] = field(default_factory=dict)

    # ---- inline
    def inline(self, parent: etree._Element, nodes: Iterable[Inline]) -> None:
        for node in nodes:
            if isinstance(node, Text):
                add_text(parent, node.text)
            else:
                self.span(parent, node)

    def span(self, parent: etree._Element, s: Span) -> None:
        if s.kind in _SIMPLE:
            tag, attrs = _SIMPLE[s.kind]
            arg = s.args[0] if s.args else ""
            values = {name: (arg if value == "$" else value) for name, value in attrs.items()}
            self.inline(sub(parent, tag, **values), s.children)
            return
        write = {"p": self._mention, "pl": self._mention, "n": self._anchor, "sic": self._choice, "corr": self._choice,
                 "reg": self._choice, "gap": self._gap, "unclear": self._unclear, "foreign": self._foreign,
                 "cite": self._cite, "ref": self._ref, "lbl": self._label, "align": self._align}.get(s.kind)
        if write is None:  # malformed markup: keep the words
            self.inline(parent, s.children)
        else:
            write(parent, s)

    def _mention(self, parent: etree._Element, s: Span) -> None:
        arg = s.args[0] if s.args else ""
        register: dict[str, Person] | dict[str, Place] = self.corpus.persons if s.kind == "p" else self.corpus.places
        el = sub(parent, "persName" if s.kind == "p" else "placeName",
                 ref=f"{'persons' if s.kind == 'p' else 'places'}.xml#{xml_id(arg)}")
        if s.children:
            self.inline(el, s.children)
        else:
            entry = register.get(arg)
            el.text = entry.name if entry else arg
            el.set("type", "register")

    def _anchor(self, parent: etree._Element, s: Span) -> None:
        a = s.args
        if len(a) != 2:
            self.inline(parent, s.children)
            return
        occurrence = self.anchors[f"{a[0]}:{a[1]}"] = self.anchors.get(f"{a[0]}:{a[1]}", 0) + 1
        extra = [str(occurrence)] if occurrence > 1 else []
        sub(parent, "anchor", xml_id=compound_id("a", *a, *extra))
        if s.children:
            self.inline(parent, s.children)
            sub(parent, "anchor", xml_id=compound_id("e", *a, *extra))

    def _align(self, parent: etree._Element, s: Span) -> None:
        """The start of a unit of alignment (made by the export: this side, the other, the unit's key:
        the source's {align:KEY}, or the unit's number where the versions align paragraph by paragraph)."""
        if len(s.args) == 3:
            side, other, key = s.args
            sub(parent, "anchor", xml_id=compound_id("al", side, key), type="alignment",
                corresp=f"#{compound_id('al', other, key)}")

    def _gap(self, parent: etree._Element, s: Span) -> None:
        sub(parent, "gap", extent=s.args[0] if s.args else "")

    def _unclear(self, parent: etree._Element, s: Span) -> None:
        arg = s.args[0] if s.args else ""
        el = sub(parent, "unclear", cert=arg if arg in CERTAINTY else "", reason="" if arg in CERTAINTY else arg)
        self.inline(el, s.children)

    def _foreign(self, parent: etree._Element, s: Span) -> None:
        arg = s.args[0] if s.args else ""
        lang = arg if LANG_TAG.match(arg) else ""
        self.inline(sub(parent, "foreign", xml_lang=lang, n="" if lang else arg), s.children)

    def _cite(self, parent: etree._Element, s: Span) -> None:
        el = sub(parent, "bibl", corresp=f"bibliography.xml#{xml_id(s.args[0] if s.args else '')}")
        if s.children:
            self.inline(sub(el, "citedRange"), s.children)

    def _ref(self, parent: etree._Element, s: Span) -> None:
        self.inline(sub(parent, "ref", target=ref_uri(s.args)), s.children)

    def _label(self, parent: etree._Element, s: Span) -> None:
        sub(parent, "anchor", xml_id=compound_id("l", s.args[0] if s.args else ""), type="label")

    def _choice(self, parent: etree._Element, s: Span) -> None:
        """``{sic|X}`` alone is ``sic``; the others are a ``choice`` whose first form prints."""
        arg = s.args[0] if s.args else ""
        if s.kind == "sic" and not arg:
            self.inline(sub(parent, "sic"), s.children)
            return
        shown, other = {"sic": ("sic", "corr"), "corr": ("corr", "sic"), "reg": ("reg", "orig")}[s.kind]
        choice = sub(parent, "choice")
        self.inline(sub(choice, shown), s.children)
        sub(choice, other, arg)

    # ---- blocks
    def divisions(self, parent: etree._Element, blocks: list[Block]) -> None:
        """The blocks as the content of ``parent`` (a div), in sub-divisions where TEI's order needs them."""
        groups = sections(blocks)
        if len(groups) == 1:
            self._section(parent, groups[0])
            return
        for group in groups:
            self._section(sub(parent, "div", type="section"), group)

    def _section(self, div: etree._Element, items: list[tuple[str, Block]]) -> None:
        wrapper: etree._Element | None = None
        for place, block in items:
            if place in ("opener", "closer"):
                if wrapper is None or wrapper.tag != tei(place):
                    wrapper = sub(div, place)
                self._letter_part(wrapper, block, place)
                continue
            wrapper = None
            if place == "head":
                self.inline(sub(div, "head"), block.content)
            elif place == "postscript":
                self.inline(sub(sub(div, "postscript"), "p"), block.content)
            else:
                self.flow(div, block)

    def _letter_part(self, wrapper: etree._Element, block: Block, place: str) -> None:
        k = block.kind
        if k == "lines":
            address = sub(wrapper, "address")
            for line in split_lines(block.content) or [[]]:
                self.inline(sub(address, "addrLine"), line)
        elif k == "closer" and place == "opener":  # a closing phrase before the text: TEI's salute has no @type
            self.inline(sub(wrapper, "seg", type="closer"), block.content)
        elif k in ("salute", "closer"):
            self.inline(sub(wrapper, "salute"), block.content)
        else:  # dateline, signed
            self.inline(sub(wrapper, k), block.content)

    def flow(self, parent: etree._Element, block: Block) -> None:
        """A paragraph, quotation or set of lines where TEI allows paragraphs."""
        if block.kind == "quote":
            self.quoted(sub(parent, "quote"), block.blocks)
        elif block.kind == "lines":
            lg = sub(parent, "lg", type="lines")
            for line in split_lines(block.content) or [[]]:
                self.inline(sub(lg, "l"), line)
        else:  # a paragraph; a passage of a version not given is the editor's word in its place
            self.inline(sub(parent, "p", type="not-given" if block.kind == "notgiven" else ""), block.content)

    def quoted(self, parent: etree._Element, blocks: list[Block]) -> None:
        """Blocks inside a quotation or a note: letter parts need a text of their own (``floatingText``)."""
        if all(b.kind in ("p", "quote", "lines") for b in blocks):
            for b in blocks:
                self.flow(parent, b)
            return
        body = sub(sub(parent, "floatingText"), "body")
        self.divisions(sub(body, "div"), blocks)


_SIMPLE: dict[str, tuple[str, dict[str, str]]] = {  # "$" stands for the span's first argument
    "sup": ("supplied", {}), "del": ("del", {}), "add": ("add", {"place": "$"}), "em": ("emph", {}),
    "arch": ("bibl", {"type": "archival"}), "nx": ("name", {"type": "not-indexed", "n": "$"}),
}


def ref_uri(args: list[str]) -> str:
    target = ref_target(args)
    if target is None:
        return doc_file(args[0]) if args else ""
    if target.kind == "note":
        return f"{doc_file(target.document)}#{compound_id('n', target.series, target.key)}"
    if target.kind == "line":
        return f"{doc_file(target.document)}#{compound_id('l', target.key)}"
    return doc_file(target.document)


