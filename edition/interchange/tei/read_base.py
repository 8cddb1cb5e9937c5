"""Reading TEI: helpers, what a reading returns, and the reader's state and notes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Union

from lxml import etree

from edition.interchange.tei.common import XML_ID, split_compound
from edition.model.corpus import Person, Place, SeriesConfig
from edition.model.diagnostics import Pos
from edition.sources.markup import parse_inline, plain_text, text_positions
from edition.sources.writer import guard_block, quote_lines, wrap, write_arg, write_text

Item = Union[str, etree._Element]

DEFAULT_SERIES = (SeriesConfig("author", "", "arabic", "normal", "foot"), SeriesConfig("translator", "", "symbols", "normal", "foot"),
                  SeriesConfig("editor", "", "arabic", "normal", "foot"), SeriesConfig("textual", "", "line", "paragraph", "foot"))
APPARATUS_TYPES = ("textConst", "textual", "apparatus", "app", "variant", "textcrit")
EMPHASIS = re.compile(r"underline|italic|bold|spaced|emph|sperr", re.I)
NEEDS_WORDS = ("sup", "del", "add", "sic", "unclear", "corr", "reg", "em", "foreign", "arch", "nx")
SKIP = ("pb", "cb", "milestone", "handShift", "fw", "figure", "facsimile", "index")
BLOCK_IN_P = ("signed", "salute", "dateline", "closer", "opener", "postscript", "lg", "list", "floatingText", "table", "address")
CHARACTERS = {"#kaufmannsund": "&"}  # glyphs some editions encode as an empty <c rendition="...">


@dataclass
class MBlock:
    """A block of the source being written: its role, its marked-up text, a quotation's blocks."""

    kind: str
    text: str = ""
    blocks: list[MBlock] = field(default_factory=list)


@dataclass
class ImportResult:
    text: str
    doc_id: str
    persons_yaml: str = ""
    places_yaml: str = ""
    problems: list[str] = field(default_factory=list)
    unknown_persons: list[str] = field(default_factory=list)
    unknown_places: list[str] = field(default_factory=list)


def local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def items(el: etree._Element) -> list[Item]:
    """An element's mixed content in order: text, child, tail, child, tail..."""
    out: list[Item] = [el.text] if el.text else []
    for child in el:
        if isinstance(child.tag, str):
            out.append(child)
        if child.tail:
            out.append(child.tail)
    return out


def words(el: etree._Element | None) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def esc(text: str) -> str:
    return write_text(text)


def esc_arg(text: str) -> str:
    return write_arg(" ".join(text.split()))


def has_words(markup: str) -> bool:
    nodes, _ = parse_inline(markup, text_positions(markup, Pos("<import>")))
    return bool(plain_text(nodes).strip())


def span(kind: str, args: Sequence[str], content: str | None) -> str:
    if content is not None and kind in NEEDS_WORDS and not has_words(content):
        return content  # a wrapper without words would not load: keep what it holds
    return wrap(kind, [" ".join(a.split()) for a in args], content)


_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "þ": "th", "ı": "i"})


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")


def fragment(ref: str) -> str:
    """``#pmb50`` and ``persons.xml#stalin`` name ``pmb50`` and ``stalin``; a URI without ``#`` names itself."""
    return ref.split("#", 1)[1] if "#" in ref else ref


def tei_namespace(root: etree._Element) -> str:
    """The namespace of the file's elements (TEI's, or none)."""
    return etree.QName(root).namespace or ""


def normal(markup: str) -> str:
    return " ".join(markup.split())


def normal_lines(markup: str) -> str:
    return "\n".join(line for line in (" ".join(x.split()) for x in markup.split("\n")) if line)


def gap_extent(el: etree._Element) -> str:
    if el.get("extent"):
        return str(el.get("extent", ""))
    quantity, unit = el.get("quantity", ""), el.get("unit", "")
    if quantity and unit:
        return f"{quantity} {unit.rstrip('s') if quantity == '1' else unit}"
    return ""


def render_blocks(blocks: Sequence[MBlock]) -> str:
    chunks = []
    for b in blocks:
        if b.kind == "quote":
            chunks.append(quote_lines(render_blocks(b.blocks)))
        elif b.kind == "p":
            if b.text:
                chunks.append(guard_block(b.text))
        else:
            chunks.append(f"@{b.kind} {guard_block(b.text)}".rstrip())
    return "\n\n".join(chunks)


class ReaderBase:
    """The state of one TEI file's reading, and its notes; ``Reader`` adds the text."""

    def __init__(self, root: etree._Element, persons: Mapping[str, Person], places: Mapping[str, Place],
                 series: Sequence[SeriesConfig]) -> None:
        self.root = root
        self.known: dict[str, dict[str, Person | Place]] = {"p": dict(persons), "pl": dict(places)}
        self.series = list(series) or list(DEFAULT_SERIES)
        self.problems: list[str] = []
        self.ids: dict[tuple[str, str], str] = {}  # (kind, reference) -> register id
        self.new: dict[str, dict[str, dict[str, Any]]] = {"p": {}, "pl": {}}  # register entries to write
        self.comments: dict[str, dict[str, list[str]]] = {"p": {}, "pl": {}}
        self.missing: dict[str, list[str]] = {"p": [], "pl": []}
        self.notes: dict[str, dict[str, str]] = {}
        self.counters: dict[str, int] = {}
        self.in_note = False
        self.consumed: set[etree._Element] = set()  # notes already placed (the set keeps their proxies alive)
        self.moved: dict[tuple[str, str], tuple[str, str]] = {}  # apparatus notes that found no lemma
        self.persons_info = {el.get(XML_ID): el for el in root.iter(f"{{{tei_namespace(root)}}}person") if el.get(XML_ID)}
        self.places_info = {el.get(XML_ID): el for el in root.iter(f"{{{tei_namespace(root)}}}place") if el.get(XML_ID)}
        self._pending_back: list[tuple[etree._Element, str, str]] = []
        self.back_notes: dict[str, tuple[str, str, str]] = {}  # anchor id -> series, key, id of the lemma's end
        self.inline_notes: dict[str, etree._Element] = {}  # anchor id -> a note in the text that refers to it
        self._scan_notes()

    # ---- finding things
    def find(self, path: str, el: etree._Element | None = None) -> list[etree._Element]:
        return list((self.root if el is None else el).iterfind(path, {"t": tei_namespace(self.root)}))

    def first(self, path: str, el: etree._Element | None = None) -> etree._Element | None:
        found = self.find(path, el)
        return found[0] if found else None

    # ---- notes
    def series_for(self, note_type: str) -> tuple[str, bool]:
        """The series of a note of this TEI type, and whether it is an apparatus keyed to lemmata."""
        by_id = {s.id: s for s in self.series}
        if note_type in by_id:
            return note_type, by_id[note_type].numbering == "line"
        if note_type in APPARATUS_TYPES:
            line = next((s for s in self.series if s.numbering == "line"), None)
            if line is not None:
                return line.id, True
        return self.plain_series(), False

    def plain_series(self) -> str:
        ids = [s.id for s in self.series if s.numbering != "line"]
        return "editor" if "editor" in ids else (ids[0] if ids else "editor")

    def new_key(self, series: str) -> str:
        self.counters[series] = self.counters.get(series, 0) + 1
        while str(self.counters[series]) in self.notes.get(series, {}):
            self.counters[series] += 1
        return str(self.counters[series])

    def _scan_notes(self) -> None:
        for back in self.find(".//t:text/t:back"):
            for note in back.iter(f"{{{tei_namespace(self.root)}}}note"):
                prefix, parts = split_compound(note.get(XML_ID, ""))
                if prefix == "n" and len(parts) >= 2:
                    series, key = parts[0], parts[1]
                else:
                    series, key = self.series_for(note.get("type", ""))[0], ""
                    key = self.new_key(series)
                self.notes.setdefault(series, {})[key] = ""
                self._pending_back.append((note, series, key))
                ends = [fragment(t) for t in note.get("targetEnd", "").split()]
                for i, target in enumerate(fragment(t) for t in note.get("target", "").split()):
                    self.back_notes[target] = (series, key, ends[i] if i < len(ends) else "")
        for body in self.find(".//t:text/t:body") + self.find(".//t:text/t:front"):
            for note in body.iter(f"{{{tei_namespace(self.root)}}}note"):
                for ref in (note.get("corresp", "") + " " + note.get("target", "")).split():
                    self.inline_notes[fragment(ref)] = note

    def back_note_texts(self) -> None:
        for note, series, key in self._pending_back:
            series, key = self.moved.get((series, key), (series, key))
            self.notes[series][key] = self.note_text(note)

    def note_text(self, note: etree._Element, lemma: str = "") -> str:
        saved = self.in_note
        self.in_note = True
        try:
            blocks = self.blocks_of(note)
        finally:
            self.in_note = saved
        if lemma and blocks and blocks[0].kind == "p":
            blocks[0].text = f"{lemma}] {blocks[0].text}"
        return render_blocks(blocks)

    def inline_note(self, note: etree._Element, lemma_markup: str = "") -> str:
        """The anchor for a note written in the text; its text goes to the front matter."""
        self.consumed.add(note)
        if self.in_note:
            return ""
        series, apparatus = self.series_for(note.get("type", ""))
        if apparatus and not lemma_markup:
            series, apparatus = self.plain_series(), False
        key = self.new_key(series)
        self.notes.setdefault(series, {})[key] = ""
        lemma_words = " ".join(plain_text(parse_inline(lemma_markup, text_positions(lemma_markup, Pos("<import>")))[0]).split())
        self.notes[series][key] = self.note_text(note, "" if apparatus else lemma_words)
        return span("n", [series, key], lemma_markup) if apparatus else lemma_markup + span("n", [series, key], None)

    def blocks_of(self, container: etree._Element) -> list[MBlock]:
        raise NotImplementedError  # Reader (read_blocks.py)

    def inline(self, content: Iterable[Item], lines: bool = False) -> str:
        raise NotImplementedError  # InlineReader (read_inline.py)


