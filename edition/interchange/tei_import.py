"""A TEI letter read back into a source file: front matter and marked-up text.

Reads what ``tei_export`` writes exactly (see its docstring for the mapping),
and letters of other editions as well as the model allows: several senders,
conjectured dates (``@evidence``, ``@cert``), ``msIdentifier``, notes placed
in the text with an ``anchor`` where their lemma starts, ``add``/``del``/
``gap``/``unclear``, ``rs``/``persName``/``placeName`` with references into a
``listPerson``/``listPlace``. Persons and places that the project's registers
lack get readable ids and register entries (``persons_yaml``,
``places_yaml``); what has no place in the model (a received date, a
manuscript that is not in a Russian archive, a bibliographic record without a
key) is reported in ``problems`` and kept as comments in the front matter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

import yaml
from lxml import etree

from edition.interchange.tei_export import XML_ID, XML_LANG, from_xml_id, split_compound
from edition.model.corpus import Person, Place, SeriesConfig
from edition.model.dates import DateError, EditionDate, PartialDate
from edition.model.diagnostics import Pos
from edition.sources.markup import parse_inline, plain_text, text_positions
from edition.sources.schema import DOCUMENT_KINDS

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
    return re.sub(r"([\\{}|])", r"\\\1", text)


def esc_arg(text: str) -> str:
    return re.sub(r"([\\{}|:])", r"\\\1", " ".join(text.split()))


def has_words(markup: str) -> bool:
    nodes, _ = parse_inline(markup, text_positions(markup, Pos("<import>")))
    return bool(plain_text(nodes).strip())


def span(kind: str, args: Sequence[str], content: str | None) -> str:
    head = "{" + kind + "".join(":" + esc_arg(a) for a in args)
    if content is None:
        return head + "}"
    if kind in NEEDS_WORDS and not has_words(content):
        return content  # a wrapper without words would not load: keep what it holds
    return f"{head}|{content}}}"


_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "þ": "th", "ı": "i"})


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")


def fragment(ref: str) -> str:
    """``#pmb50`` and ``persons.xml#stalin`` name ``pmb50`` and ``stalin``; a URI without ``#`` names itself."""
    return ref.split("#", 1)[1] if "#" in ref else ref


class _Reader:
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
        self.persons_info = {el.get(XML_ID): el for el in root.iter(f"{{{_ns(root)}}}person") if el.get(XML_ID)}
        self.places_info = {el.get(XML_ID): el for el in root.iter(f"{{{_ns(root)}}}place") if el.get(XML_ID)}
        self._pending_back: list[tuple[etree._Element, str, str]] = []
        self.back_notes: dict[str, tuple[str, str, str]] = {}  # anchor id -> series, key, id of the lemma's end
        self.inline_notes: dict[str, etree._Element] = {}  # anchor id -> a note in the text that refers to it
        self._scan_notes()

    # ---- finding things
    def find(self, path: str, el: etree._Element | None = None) -> list[etree._Element]:
        return list((self.root if el is None else el).iterfind(path, {"t": _ns(self.root)}))

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
            for note in back.iter(f"{{{_ns(self.root)}}}note"):
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
            for note in body.iter(f"{{{_ns(self.root)}}}note"):
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

    # ---- persons and places
    def entity(self, kind: str, ref: str, shown: str) -> str:
        """The register id for a reference; new ids for entities the project does not know."""
        if (kind, ref) in self.ids:
            return self.ids[(kind, ref)]
        register = self.known[kind]
        own = ("persons.xml#" if kind == "p" else "places.xml#") in ref
        name = fragment(ref)
        if own:
            rid = from_xml_id(name)
            if register and rid not in register:
                self.missing[kind].append(rid)
                self.new[kind][rid] = {"name": shown or rid}
            self.ids[(kind, ref)] = rid
            return rid
        info = (self.persons_info if kind == "p" else self.places_info).get(name)
        entry, comment = (person_entry if kind == "p" else place_entry)(info, shown)
        known = next((rid for rid, e in register.items()
                      if e.name.casefold() == str(entry["name"]).casefold()), None)
        if known:
            self.ids[(kind, ref)] = known
            return known
        base = slug(str(entry["name"]).replace(",", " ")) or slug(name) or "unknown"
        rid, n = base, 1
        while rid in register or rid in self.new[kind]:
            n += 1
            rid = f"{base}-{n}"
        self.new[kind][rid] = entry
        self.comments[kind][rid] = [name, *comment]
        self.missing[kind].append(rid)
        self.ids[(kind, ref)] = rid
        return rid

    # ---- inline content
    def inline(self, content: Iterable[Item], lines: bool = False) -> str:
        seq = list(content)
        out: list[str] = []
        i = 0
        while i < len(seq):
            item = seq[i]
            i += 1
            if isinstance(item, str):
                out.append(esc(re.sub(r"\s+", " ", item)))
            elif item in self.consumed:
                continue
            elif local(item) == "anchor":
                text, i = self.anchor(item, seq, i, lines)
                out.append(text)
            else:
                out.append(self.element(item, lines))
        return "".join(out)

    def anchor(self, el: etree._Element, seq: list[Item], i: int, lines: bool) -> tuple[str, int]:
        """A note anchor, with its lemma when the lemma's end lies among the following siblings."""
        aid = el.get(XML_ID, "")
        prefix, parts = split_compound(aid)
        if prefix == "l" and parts:
            return span("lbl", [parts[0]], None), i
        if aid in self.back_notes or (prefix == "a" and len(parts) >= 2):
            series, key, end = self.back_notes.get(aid, ("", "", ""))
            if not series:
                series, key = parts[0], parts[1]
            if self.in_note:
                return "", i
            end = end or "e." + aid.split(".", 1)[-1]
            j = next((k for k, x in enumerate(seq) if k >= i and not isinstance(x, str) and x.get(XML_ID) == end), -1)
            if j < 0:
                if self.series_for(series)[1] and prefix != "a":  # an apparatus note of another edition, without a lemma
                    del self.notes[series][key]
                    series, key = self.moved[(series, key)] = (self.plain_series(), self.new_key(self.plain_series()))
                    self.notes.setdefault(series, {})[key] = ""
                return span("n", [series, key], None), i
            return span("n", [series, key], self.inline(seq[i:j], lines)), j + 1
        note = self.inline_notes.get(aid)
        if note is not None:
            j = next((k for k in range(i, len(seq)) if seq[k] is note), -1)
            if j >= 0:
                return self.inline_note(note, self.inline(seq[i:j], lines)), j + 1
        return "", i

    def element(self, el: etree._Element, lines: bool) -> str:  # noqa: C901
        name = local(el)
        def inner() -> str:
            return self.inline(items(el), lines)

        typ = el.get("type", "")
        if name in SKIP or name in ("listPerson", "listPlace", "listBibl", "listWit"):
            return ""
        if name == "note":
            return self.inline_note(el)
        if name in ("persName", "placeName", "rs", "name", "orgName", "settlement"):
            return self.name(el, name, typ, inner)
        if name in ("supplied", "del", "emph"):
            return span({"supplied": "sup", "del": "del", "emph": "em"}[name], [], inner())
        if name == "add":
            return span("add", [el.get("place", "")] if el.get("place") else [], inner())
        if name == "hi":
            return span("em", [], inner()) if EMPHASIS.search(el.get("rend", "")) else inner()
        if name == "unclear":
            arg = el.get("cert") or el.get("reason") or ""
            return span("unclear", [arg] if arg else [], inner())
        if name == "foreign":
            lang = el.get(XML_LANG) or el.get("n") or ""
            return span("foreign", [lang], inner()) if lang else inner()
        if name == "choice":
            return self.choice(el, lines)
        if name == "sic":
            return span("sic", [], inner())
        if name == "gap":
            return span("gap", [extent] if (extent := gap_extent(el)) else [], None)
        if name == "bibl":
            return self.bibl(el, lines)
        if name == "ref":
            return self.ref(el, inner)
        if name == "lb":
            return "\n" if lines else " "
        if name == "space":
            return " "
        if name == "c" and not len(el) and not el.text:
            return CHARACTERS.get(el.get("rendition", ""), "")
        if name in ("quote", "q", "said", "soCalled"):
            return f'"{inner()}"'
        if name in ("l", "item", "addrLine", "seg", "ab") and lines:
            return inner() + "\n"
        return inner()

    def name(self, el: etree._Element, name: str, typ: str, inner: Callable[[], str]) -> str:
        kind = {"persName": "p", "placeName": "pl", "settlement": "pl"}.get(name, {"person": "p", "place": "pl"}.get(typ, ""))
        if name == "name" and typ == "not-indexed":
            return span("nx", [el.get("n", "")] if el.get("n") else [], inner())
        refs = el.get("ref", "").split()
        if not kind or not refs:
            return inner()
        content = None if typ == "register" else inner()
        shown = words(el)
        for ref in reversed(refs):  # several references: nested mentions, the first outermost
            content = span(kind, [self.entity(kind, ref, shown)], content)
        return content or ""

    def choice(self, el: etree._Element, lines: bool) -> str:
        forms = [c for c in el if isinstance(c.tag, str)]
        by_name = {local(c): c for c in forms}
        text = {n: self.inline(items(c), lines) for n, c in by_name.items()}
        if "reg" in by_name:
            return span("reg", [words(by_name["orig"])], text["reg"]) if "orig" in by_name else text["reg"]
        if "sic" in by_name and "corr" in by_name:
            if local(forms[0]) == "sic":
                return span("sic", [words(by_name["corr"])], text["sic"])
            return span("corr", [words(by_name["sic"])], text["corr"])
        return self.inline(items(forms[0]), lines) if forms else ""

    def bibl(self, el: etree._Element, lines: bool) -> str:
        if el.get("type") == "archival":
            return span("arch", [], self.inline(items(el), lines))
        corresp = el.get("corresp", "")
        if corresp:
            cited = self.first("t:citedRange", el)
            locator = self.inline(items(cited), lines) if cited is not None else None
            return span("cite", [from_xml_id(fragment(corresp.split()[0]))], locator)
        return self.inline(items(el), lines)

    def ref(self, el: etree._Element, inner: Callable[[], str]) -> str:
        target = el.get("target", "").split()
        content = inner()
        m = re.fullmatch(r"([A-Za-z0-9._-]+)\.xml(?:#(.+))?", target[0]) if target else None
        if m is None:  # a link to something outside the edition: keep its words, or its target
            return content or esc(target[0] if target else "")
        doc, frag = m.group(1), m.group(2) or ""
        prefix, parts = split_compound(frag)
        args = [doc, *parts[:2]] if prefix == "n" and len(parts) >= 2 else [doc, "line", parts[0]] if prefix == "l" and parts else [doc]
        return span("ref", args, content or None)

    # ---- blocks
    def blocks_of(self, container: etree._Element) -> list[MBlock]:
        out: list[MBlock] = []
        pending: list[Item] = []

        def flush() -> None:
            text = normal(self.inline(pending))
            if text:
                out.append(MBlock("p", text))
            pending.clear()

        for item in items(container):
            if isinstance(item, str):
                if item.strip() or pending:
                    pending.append(item)
                continue
            name = local(item)
            if name == "note" and not pending and out:
                if item not in self.consumed:
                    out[-1].text += self.inline_note(item)
                continue
            handler = self.block_handler(name)
            if handler is None:
                if name not in SKIP:
                    pending.append(item)
                continue
            flush()
            out.extend(handler(item))
        flush()
        return out

    def block_handler(self, name: str) -> Any:
        return {
            "div": self.blocks_of, "body": self.blocks_of, "floatingText": self.blocks_of, "front": self.blocks_of,
            "group": self.blocks_of, "p": self.paragraph, "ab": self.paragraph,
            "head": lambda e: [MBlock("heading", normal(self.inline(items(e))))],
            "opener": lambda e: self.letter_part(e, "opener"), "closer": lambda e: self.letter_part(e, "closer"),
            "postscript": self.postscript, "dateline": self.role, "salute": self.role, "signed": self.role,
            "byline": self.lines, "docAuthor": self.paragraph, "docDate": self.paragraph,
            "quote": self.quotation, "cit": self.quotation, "lg": self.lines, "list": self.lines,
            "address": self.lines, "table": self.lines, "trailer": self.paragraph, "epigraph": self.quotation,
        }.get(name)

    def role(self, el: etree._Element, place: str = "") -> list[MBlock]:
        kind = local(el)
        if kind == "salute" and (place == "closer" or el.get("type") == "closer"):
            kind = "closer"
        return [MBlock(kind, normal(self.inline(items(el))))]

    def paragraph(self, el: etree._Element) -> list[MBlock]:
        """A paragraph; a signature or other block written inside it becomes a block of its own."""
        out: list[MBlock] = []
        pending: list[Item] = []

        def flush() -> None:
            if text := normal(self.inline(pending)):
                out.append(MBlock("p", text))
            pending.clear()

        for item in items(el):
            handler = None if isinstance(item, str) or local(item) not in BLOCK_IN_P else self.block_handler(local(item))
            if handler is None:
                pending.append(item)
                continue
            flush()
            out.extend(handler(item))
        flush()
        return out

    def letter_part(self, el: etree._Element, place: str) -> list[MBlock]:
        out: list[MBlock] = []
        pending: list[Item] = []

        def flush() -> None:
            if place == "opener":
                text = normal_lines(self.inline(pending, lines=True))
            else:
                text = normal(self.inline(pending))
            if text:
                out.append(MBlock("lines" if place == "opener" else "closer", text))
            pending.clear()

        for item in items(el):
            name = "" if isinstance(item, str) else local(item)
            if name in ("salute", "dateline", "signed"):
                flush()
                out.extend(self.role(item, place))
            elif name == "seg" and not isinstance(item, str) and item.get("type") == "closer":
                flush()
                out.append(MBlock("closer", normal(self.inline(items(item)))))
            elif name in ("address", "byline", "lg", "list", "p", "ab"):
                flush()
                handler = self.block_handler(name)
                out.extend(handler(item) if handler else [])
            elif not isinstance(item, str) or item.strip() or pending:
                pending.append(item)
        flush()
        return out

    def postscript(self, el: etree._Element) -> list[MBlock]:
        return [MBlock("postscript", b.text) if b.kind == "p" else b for b in self.blocks_of(el)]

    def quotation(self, el: etree._Element) -> list[MBlock]:
        inner = self.blocks_of(el)
        return [MBlock("quote", blocks=inner)] if inner else []

    def lines(self, el: etree._Element) -> list[MBlock]:
        text = normal_lines(self.inline(items(el), lines=True))
        return [MBlock("lines", text)] if text else []


def _ns(root: etree._Element) -> str:
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


def guard(text: str) -> str:
    """Escape a leading ``@`` or ``>``, which would make a line a role or a quotation."""
    return "\n".join(("\\" + line) if line[:1] in "@>" and line else line for line in text.split("\n"))


def render_blocks(blocks: Sequence[MBlock]) -> str:
    chunks = []
    for b in blocks:
        if b.kind == "quote":
            inner = render_blocks(b.blocks)
            chunks.append("\n".join(f"> {line}" if line else ">" for line in inner.split("\n")))
        elif b.kind == "p":
            if b.text:
                chunks.append(guard(b.text))
        else:
            chunks.append(f"@{b.kind} {guard(b.text)}".rstrip())
    return "\n\n".join(chunks)


# --- register entries ------------------------------------------------------------------------


def person_entry(el: etree._Element | None, shown: str) -> tuple[dict[str, Any], list[str]]:
    """A persons-register entry from a TEI ``person``, and the authority ids for a comment."""
    if el is None:
        return {"name": shown or "Unknown"}, []
    ns = {"t": _ns(el)}
    names = el.findall("t:persName", ns)
    forms = [_person_name(n) for n in names if _person_name(n)]
    entry: dict[str, Any] = {"name": forms[0] if forms else shown or "Unknown"}
    for key, tag in (("born", "birth"), ("died", "death")):
        event, when = el.find(f"t:{tag}", ns), ""
        if event is not None:
            date_el = event.find("t:date", ns)
            when = event.get("when") or (date_el.get("when", "") if date_el is not None else "") or words(event)
        year = re.match(r"-?\d{4}", when)
        if year:
            entry[key] = year.group()
    about = [words(o) for o in el.findall("t:occupation", ns)] + [words(n) for n in el.findall("t:note", ns)]
    if about := [a for a in about if a]:
        entry["identification"] = "; ".join(about)
    if aliases := [f for f in dict.fromkeys(forms[1:]) if f != entry["name"]]:
        entry["aliases"] = aliases
    return entry, [f"{i.get('type', 'id')}: {words(i)}" for i in el.findall("t:idno", ns) if words(i)]


def _person_name(el: etree._Element) -> str:
    ns = {"t": _ns(el)}
    surname, forename = words(el.find("t:surname", ns)), " ".join(words(f) for f in el.findall("t:forename", ns))
    if surname or forename:
        return ", ".join(p for p in (surname, forename) if p)
    return words(el)


def place_entry(el: etree._Element | None, shown: str) -> tuple[dict[str, Any], list[str]]:
    if el is None:
        return {"name": shown or "Unknown"}, []
    ns = {"t": _ns(el)}
    forms = [words(n) for n in el.findall("t:placeName", ns) if words(n)]
    entry: dict[str, Any] = {"name": forms[0] if forms else shown or "Unknown"}
    if names := [f for f in dict.fromkeys(forms[1:]) if f != entry["name"]]:
        entry["names"] = names
    return entry, [f"{i.get('type', 'id')}: {words(i)}" for i in el.findall("t:idno", ns) if words(i)]


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _str)


def dump_yaml(data: Mapping[str, Any], flow: bool | None = None) -> str:
    return yaml.dump(dict(data), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=flow)


def register_yaml(entries: Mapping[str, Mapping[str, Any]], comments: Mapping[str, list[str]], what: str) -> str:
    if not entries:
        return ""
    out = [f"# {what} named in an imported TEI file; check each entry, then keep it in the register."]
    for rid, entry in entries.items():
        out += [f"# from {c}" if i == 0 else f"#   {c}" for i, c in enumerate(comments.get(rid, []))]
        out.append(dump_yaml({rid: dict(entry)}, flow=False).rstrip())
    return "\n".join(out) + "\n"


# --- the header ---------------------------------------------------------------------------------


def read_date(el: etree._Element | None, problems: list[str]) -> dict[str, Any] | str | None:  # noqa: C901
    """A TEI date as the value of ``date:`` in the front matter."""
    if el is None:
        return None
    julian = el.get("datingMethod", "").lstrip("#").casefold() == "julian"

    def get(name: str) -> PartialDate | None:
        value = (el.get(f"{name}-custom") if julian else None) or el.get(name) or ""
        if not value:
            return None
        try:
            return PartialDate.parse(value.split("T")[0])
        except DateError as exc:
            problems.append(f"date: {exc}")
            return None

    start, end = get("when") or get("from"), get("to")
    cert = el.get("cert", "high")
    date = EditionDate(start=start, end=end if start else None, not_before=get("notBefore"), not_after=get("notAfter"),
                       calendar="julian" if julian else "gregorian", supplied=bool(el.get("evidence")),
                       cert=cert if cert in ("high", "medium", "low") else "low")
    when = f"{start.iso()}/{end.iso()}" if start and end else start.iso() if start else ""
    if not (when or date.not_before or date.not_after):
        return None
    if not (date.not_before or date.not_after or julian or date.cert != "high"):
        return f"[{when}]" if date.supplied else when
    value: dict[str, Any] = {}
    if when:
        value["when"] = when
    if date.not_before:
        value["not_before"] = date.not_before.iso()
    if date.not_after:
        value["not_after"] = date.not_after.iso()
    if julian:
        value["calendar"] = "julian"
    if date.supplied:
        value["supplied"] = True
    if date.cert != "high":
        value["cert"] = date.cert
    return value


def _header(r: _Reader, path: Path) -> tuple[dict[str, Any], list[str]]:  # noqa: C901
    """The front matter (without the texts) and the comments for what the model cannot hold."""
    meta: dict[str, Any] = {}
    comments: list[str] = []
    idno = r.first(".//t:publicationStmt/t:idno[@type='document']")
    raw_id = (words(idno) if idno is not None else "") or r.root.get(XML_ID) or path.stem
    meta["id"] = re.sub(r"[^A-Za-z0-9._-]+", "-", raw_id).strip("-") or "imported"
    titles = r.find(".//t:titleStmt/t:title")
    chosen = next((t for t in titles if t.get("level") == "a" or t.get("type") == "main"), None)
    chosen = chosen if chosen is not None else next((t for t in titles if not t.get("level") and not t.get("type")), None)
    meta["title"] = words(chosen if chosen is not None else (titles[0] if titles else None)) or meta["id"]
    kinds = [d.get("type", "") for d in r.find(".//t:text/t:body/t:div")] + [words(t) for t in r.find(".//t:textClass//t:term[@type='kind']")]
    meta["kind"] = next((k for k in kinds if k in DOCUMENT_KINDS), "letter")
    sent = r.first(".//t:correspDesc/t:correspAction[@type='sent']")
    received = r.first(".//t:correspDesc/t:correspAction[@type='received']")
    creation = r.first(".//t:profileDesc/t:creation")

    def people(action: etree._Element | None, fallback: str = "") -> list[str]:
        found = r.find("t:persName", action) if action is not None else []
        if not found and fallback:
            found = r.find(fallback)
        ids = [r.entity("p", p.get("ref", "").split()[0], words(p)) for p in found if p.get("ref")]
        for p in found:
            if not p.get("ref") and words(p) != "Unknown":
                r.problems.append(f"'{words(p)}' has no reference to a person: left out of the metadata")
        return ids

    if authors := people(sent, ".//t:titleStmt/t:author"):
        meta["authors"] = authors
    if recipients := people(received):
        meta["recipients"] = recipients
    date_el = r.first("t:date", sent) if sent is not None else None
    if date_el is None and creation is not None:
        date_el = r.first("t:date", creation)
    if (date := read_date(date_el, r.problems)) is not None:
        meta["date"] = date
    got = r.first("t:date", received) if received is not None else None
    if got is not None:
        comments.append(f"received: {words(got) or got.get('when', '')}")
    place: dict[str, str] = {}
    for key, action in (("from", sent if sent is not None else creation), ("to", received)):
        name_el = r.first("t:placeName", action) if action is not None else None
        if name_el is not None and name_el.get("ref"):
            place[key] = r.entity("pl", name_el.get("ref", "").split()[0], words(name_el))
    if place:
        meta["place"] = place
    language = r.first(".//t:profileDesc/t:langUsage/t:language")
    if language is not None and language.get("ident"):
        meta["language"] = language.get("ident", "").split("-")[0]
    trl = r.first(".//t:titleStmt/t:respStmt/t:resp[@key='trl']")
    if trl is not None:
        by = words(r.first("t:name", trl.getparent()))
        meta["translation"] = {"from": trl.get("n") or meta.get("language", "")} | ({"by": by} if by else {})
    _sources(r, meta, comments)
    status = r.first(".//t:revisionDesc")
    if status is not None and status.get("status") in ("draft", "checked", "final"):
        meta["status"] = status.get("status")
    return meta, comments


def _sources(r: _Reader, meta: dict[str, Any], comments: list[str]) -> None:
    bibl = r.first(".//t:sourceDesc/t:bibl[@corresp]")
    if bibl is not None:
        locator = words(r.first("t:citedRange", bibl))
        meta["source"] = {"key": from_xml_id(fragment(bibl.get("corresp", "").split()[0]))} | ({"locator": locator} if locator else {})
    for other in r.find(".//t:sourceDesc//t:biblStruct") + r.find(".//t:sourceDesc/t:listBibl/t:bibl"):
        comments.append(f"printed in: {words(other)}")
        r.problems.append(f"printed source without a bibliography key, kept as a comment: {words(other)}")
    archives: list[dict[str, str]] = []
    for ms in r.find(".//t:sourceDesc//t:msDesc"):
        ident = r.first("t:msIdentifier", ms)
        if ident is None:
            continue
        cited = words(r.first("t:altIdentifier[@type='as-cited']/t:idno", ident))
        fields = {c.get("type", ""): words(c) for c in r.find("t:collection", ident) + r.find("t:idno", ident)}
        repository = r.first("t:repository", ident)
        if cited:
            archives.append({"cited": cited})
        elif fields.get("fond"):
            entry = {"repository": repository.get("key") or words(repository)} if repository is not None else {}
            entry |= {k: fields[k] for k in ("fond", "opis", "delo", "folios", "vypusk") if fields.get(k)}
            if form := words(r.first("t:physDesc/t:p", ms)):
                entry["form"] = form
            archives.append(entry)
        else:
            parts = [words(e) for e in ident if isinstance(e.tag, str) and local(e) != "altIdentifier" and words(e)]
            text = ", ".join(p for p in parts if p.casefold() != "unbekannt")
            if text:
                comments.append(f"manuscript: {text}")
                r.problems.append(f"manuscript outside the archives register, kept as a comment: {text}")
    if archives:
        meta["archives"] = archives


# --- the whole file ------------------------------------------------------------------------------


def read_tei(path: Path, persons: Mapping[str, Person] | None = None, places: Mapping[str, Place] | None = None,
             series: Sequence[SeriesConfig] = ()) -> ImportResult:
    """Read a TEI letter into a source file; ``persons``/``places`` are the project's registers."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    root = etree.parse(str(path), parser).getroot()
    r = _Reader(root, persons or {}, places or {}, series)
    meta, comments = _header(r, path)
    front = r.first(".//t:text/t:front/t:div[@type='headnote']")
    body = r.first(".//t:text/t:body")
    blocks = r.blocks_of(body) if body is not None else []
    if front is not None:
        meta["headnote"] = render_blocks(r.blocks_of(front)) + "\n"
    r.back_note_texts()
    notes = {s: {k: v + "\n" for k, v in by_key.items()} for s, by_key in r.notes.items() if by_key}
    if notes:
        meta["notes"] = notes
    head = dump_yaml(meta)
    if comments:
        head += "".join(f"# {' '.join(c.split())}\n" for c in comments)
    text = f"---\n{head}---\n{render_blocks(blocks) or '(no text)'}\n"
    for kind, what in (("p", "person"), ("pl", "place")):
        for rid in r.missing[kind]:
            r.problems.append(f"unknown {what} '{rid}': add it to the register (entry written)")
    return ImportResult(text, meta["id"], register_yaml(r.new["p"], r.comments["p"], "Persons"),
                        register_yaml(r.new["pl"], r.comments["pl"], "Places"), r.problems,
                        list(r.missing["p"]), list(r.missing["pl"]))


def import_tei(path: Path) -> str:
    """The source-file text for a TEI letter (see ``read_tei`` for the registers and the report)."""
    return read_tei(path).text


__all__ = ["ImportResult", "import_tei", "read_tei"]
