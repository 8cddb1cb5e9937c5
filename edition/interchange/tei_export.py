"""The corpus as TEI P5: one file per document, and the registers beside them.

Each document becomes ``{id}.xml``: a header (title, responsibility, the
printed source and every archival source, the correspondence description or
the circumstances of creation, languages, status), the headnote in ``front``,
the text in ``body`` and the notes in ``back``. The registers become
``persons.xml``, ``places.xml`` and ``bibliography.xml``, which the documents
point into (``persons.xml#zinoviev``).

How the model maps, so that ``tei_import`` can read it back:

* blocks: a letter's opening parts go into ``opener``, its closing parts into
  ``closer``; a block that cannot follow what came before in TEI's order (a
  paragraph after the signature, a heading within the text) opens a new
  ``div``. ``@closer`` is ``salute`` inside ``closer`` (``seg type="closer"``
  inside ``opener``); ``@lines`` is ``lg``/``l`` among paragraphs and
  ``address``/``addrLine`` inside ``opener`` and ``closer`` (a span that runs
  over a line break is cut in two there); letter parts inside a quotation or
  a note are a ``floatingText``;
* a note anchor is ``<anchor xml:id="a.SERIES.KEY"/>``; a lemma runs to
  ``<anchor xml:id="e.SERIES.KEY"/>``; the note is ``<note xml:id="n.SERIES.KEY"
  type="SERIES" target="#a..." targetEnd="#e..."/>`` in ``back``;
* of the two forms in a ``choice``, the first is the one the edition prints;
* a person or place mention without words of its own prints the register's
  name, and is marked ``type="register"``;
* the editorial status of the front matter is ``revisionDesc/@status``.

In ``persons.xml`` an alias is a ``variant`` when it spells the surname
(roughly), else a ``pseudonym``: a guess, since the register does not say.

Ids that are not XML names are encoded (see ``xml_id``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from edition.model.corpus import Block, Corpus, Document, Inline, Person, Place, Span, Text, surname_of, walk_spans
from edition.model.dates import EditionDate, PartialDate
from edition.model.queries import ref_target
from edition.passes.archives import citation_of
from edition.passes.plan import Plan
from edition.registers import archives as arch
from edition.registers.bibliography import Bibliography
from edition.registers.bibstyle import HistorianStyle
from edition.registers.load import Registers
from edition.sources.markup import plain_text

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
CORRESPONDENCE = ("letter", "telegram", "note")
LANGUAGES = {"ru": "Russian", "de": "German", "fr": "French", "ka": "Georgian", "uk": "Ukrainian",
             "pl": "Polish", "en": "English", "ko": "Korean", "it": "Italian", "yi": "Yiddish"}
CERTAINTY = ("high", "medium", "low", "unknown")
_PLAIN_ID = re.compile(r"[A-Za-z][A-Za-z0-9._-]*\Z")
_LANG_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*\Z")


# --- ids ------------------------------------------------------------------------


def id_part(text: str) -> str:
    """One component of a compound id: letters, digits and '-' kept, the rest as ``_HEX_``."""
    return "".join(c if c.isascii() and (c.isalnum() or c == "-") else f"_{ord(c):x}_" for c in text)


def decode_part(text: str) -> str:
    return re.sub(r"_([0-9a-f]+)_", lambda m: chr(int(m.group(1), 16)), text)


def xml_id(name: str) -> str:
    """A register id as an XML name: itself when it is one, else ``_`` and its encoding."""
    return name if _PLAIN_ID.match(name) else "_" + id_part(name)


def from_xml_id(name: str) -> str:
    return decode_part(name[1:]) if name.startswith("_") else name


def compound_id(prefix: str, *parts: str) -> str:
    """``a.editor.1``: the prefix says what the id names, the parts which one."""
    return ".".join([prefix, *(id_part(p) for p in parts)])


def split_compound(name: str) -> tuple[str, list[str]]:
    prefix, *parts = name.split(".")
    return prefix, [decode_part(p) for p in parts]


def doc_file(doc_id: str) -> str:
    return f"{doc_id}.xml"


# --- small tree helpers -----------------------------------------------------------


def tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` without the control characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """A child element; attributes with empty values are left out, ``xml_*`` names go to the XML namespace."""
    el = etree.SubElement(parent, tei(tag))
    for name, value in attrs.items():
        if value:
            el.set(f"{{{XML_NS}}}{name[4:]}" if name.startswith("xml_") else name, clean(value))
    if text:
        el.text = clean(text)
    return el


def add_text(parent: etree._Element, text: str) -> None:
    """Append character data after whatever ``parent`` already holds."""
    text = clean(text)
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def new_tei(title: str) -> tuple[etree._Element, etree._Element]:
    """A TEI root whose header holds a title; returns the root and its ``fileDesc``."""
    root = etree.Element(tei("TEI"), nsmap={None: TEI_NS})
    file_desc = sub(sub(root, "teiHeader"), "fileDesc")
    sub(sub(file_desc, "titleStmt"), "title", title)
    return root, file_desc


def write_xml(root: etree._Element, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    etree.ElementTree(root).write(str(path), encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return path


def split_lines(nodes: list[Inline]) -> list[list[Inline]]:
    """Rich text cut at its line breaks; a span that runs over a break is cut with it. Blank lines are left out."""
    return [line for line in _cut(nodes) if plain_text(line).strip() or any(isinstance(n, Span) for n in line)]


def _cut(nodes: list[Inline]) -> list[list[Inline]]:
    lines: list[list[Inline]] = [[]]
    for node in nodes:
        if isinstance(node, Text):
            for i, piece in enumerate(node.text.split("\n")):
                if i:
                    lines.append([])
                if piece:
                    lines[-1].append(Text(piece, node.pos))
            continue
        for i, part in enumerate(_cut(node.children)):
            if i:
                lines.append([])
            if part or not node.children:
                lines[-1].append(Span(node.kind, node.args, part, node.pos))
    return lines


# --- dates ----------------------------------------------------------------------------


def date_attributes(date: EditionDate, custom: bool = True) -> dict[str, str]:
    """The TEI attributes of a date: ISO (Gregorian) values, the Julian ones in ``*-custom``."""
    julian = date.calendar == "julian"
    attrs: dict[str, str] = {}
    for name, value in (("when", None if date.end else date.start), ("from", date.start if date.end else None),
                        ("to", date.end), ("notBefore", date.not_before), ("notAfter", date.not_after)):
        if value is None:
            continue
        attrs[name] = _gregorian(value, julian).iso()
        if julian and custom:
            attrs[f"{name}-custom"] = value.iso()
    if julian and custom:
        attrs["datingMethod"] = "#julian"
    if date.cert != "high":
        attrs["cert"] = date.cert if date.cert in CERTAINTY else "low"
    if date.supplied:
        attrs["evidence"] = "conjecture"
    return attrs


def _gregorian(d: PartialDate, julian: bool) -> PartialDate:
    return d.julian_to_gregorian() if julian else d


def date_element(parent: etree._Element, date: EditionDate, custom: bool = True) -> etree._Element:
    el = sub(parent, "date", date.text())
    for name, value in date_attributes(date, custom).items():
        el.set(name, value)
    return el


# --- the text ------------------------------------------------------------------------------

TOP, MAIN, BOTTOM = range(3)


def sections(blocks: list[Block]) -> list[list[tuple[str, Block]]]:
    """Blocks grouped into TEI divisions, each block with its place: head, opener, main, closer, postscript."""
    out: list[list[tuple[str, Block]]] = [[]]
    state = TOP
    for block in blocks:
        k = block.kind
        if k in ("p", "quote") or (k == "lines" and state == MAIN):
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

    def span(self, parent: etree._Element, s: Span) -> None:  # noqa: C901
        k, a = s.kind, s.args
        arg = a[0] if a else ""
        if k in ("p", "pl"):
            register: dict[str, Person] | dict[str, Place] = self.corpus.persons if k == "p" else self.corpus.places
            el = sub(parent, "persName" if k == "p" else "placeName",
                     ref=f"{'persons' if k == 'p' else 'places'}.xml#{xml_id(arg)}")
            if s.children:
                self.inline(el, s.children)
            else:
                entry = register.get(arg)
                el.text = entry.name if entry else arg
                el.set("type", "register")
        elif k == "n" and len(a) == 2:
            occurrence = self.anchors[f"{a[0]}:{a[1]}"] = self.anchors.get(f"{a[0]}:{a[1]}", 0) + 1
            extra = [str(occurrence)] if occurrence > 1 else []
            sub(parent, "anchor", xml_id=compound_id("a", *a, *extra))
            if s.children:
                self.inline(parent, s.children)
                sub(parent, "anchor", xml_id=compound_id("e", *a, *extra))
        elif k in ("sic", "corr", "reg"):
            self._choice(parent, s)
        elif k == "gap":
            sub(parent, "gap", extent=arg)
        elif k == "unclear":
            el = sub(parent, "unclear", cert=arg if arg in CERTAINTY else "", reason="" if arg in CERTAINTY else arg)
            self.inline(el, s.children)
        elif k == "foreign":
            lang = arg if _LANG_TAG.match(arg) else ""
            self.inline(sub(parent, "foreign", xml_lang=lang, n="" if lang else arg), s.children)
        elif k == "cite":
            el = sub(parent, "bibl", corresp=f"bibliography.xml#{xml_id(arg)}")
            if s.children:
                self.inline(sub(el, "citedRange"), s.children)
        elif k == "ref":
            self.inline(sub(parent, "ref", target=ref_uri(a)), s.children)
        elif k == "lbl":
            sub(parent, "anchor", xml_id=compound_id("l", arg), type="label")
        elif k in _SIMPLE:
            tag, attrs = _SIMPLE[k]
            values = {name: (arg if value == "$" else value) for name, value in attrs.items()}
            self.inline(sub(parent, tag, **values), s.children)
        else:  # malformed markup: keep the words
            self.inline(parent, s.children)

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
        else:
            self.inline(sub(parent, "p"), block.content)

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


# --- the header ---------------------------------------------------------------------------


def _person_ref(parent: etree._Element, tag: str, pid: str, corpus: Corpus) -> None:
    person = corpus.persons.get(pid)
    sub(parent, tag, person.name if person else pid, ref=f"persons.xml#{xml_id(pid)}")


def _place_ref(parent: etree._Element, pid: str, corpus: Corpus) -> None:
    place = corpus.places.get(pid)
    sub(parent, "placeName", place.name if place else pid, ref=f"places.xml#{xml_id(pid)}")


def archival_sources(doc: Document, register: arch.ArchivesRegister) -> list[tuple[str, arch.ArchivalCitation | None]]:
    """Each archival source as cited, with its structured citation ("ibid." resolved) when it can be read."""
    read = [citation_of(source, register)[0] for source in doc.archives]
    resolved, _ = arch.resolve_ibid([c for c in read if c is not None])
    it = iter(resolved)
    return [(source.cited_as, next(it) if c is not None else None) for source, c in zip(doc.archives, read, strict=True)]


def _ms_desc(parent: etree._Element, cited: str, c: arch.ArchivalCitation | None, register: arch.ArchivesRegister) -> None:
    ms = sub(parent, "msDesc")
    ident = sub(ms, "msIdentifier")
    if c is not None:
        repo = register.get(c.repository) if c.repository else None
        if repo is not None:
            sub(ident, "settlement", repo.city)
            sub(ident, "repository", repo.modern.abbr, key=repo.id)
        elif c.repository:
            sub(ident, "repository", c.repository, key=c.repository)
        for level in ("fond", "opis", "vypusk"):
            if getattr(c, level):
                sub(ident, "collection", getattr(c, level), type=level)
        if c.delo:
            sub(ident, "idno", c.delo, type="delo")
        if c.folios:
            sub(ident, "idno", ", ".join(str(f) for f in c.folios), type="folios")
    if cited:
        sub(sub(ident, "altIdentifier", type="as-cited"), "idno", cited)
    if len(ident) == 0:
        sub(ident, "idno")
    form = (c.form.value if c.form else c.form_as_written) if c is not None else ""
    if form:
        sub(sub(ms, "physDesc"), "p", form)


def header(root: etree._Element, file_desc: etree._Element, corpus: Corpus, doc: Document, registers: Registers,
           style: HistorianStyle) -> None:
    config = corpus.config
    title_stmt = file_desc[0]
    for pid in doc.authors:
        _person_ref(title_stmt, "author", pid, corpus)
    if config.editor:
        resp = sub(title_stmt, "respStmt")
        sub(resp, "resp", "editorial responsibility")
        sub(resp, "name", config.editor)
    if doc.translation is not None:
        resp = sub(title_stmt, "respStmt")
        language = LANGUAGES.get(doc.translation.language, doc.translation.language)
        sub(resp, "resp", f"translated from {language}" if language else "translated", key="trl", n=doc.translation.language)
        sub(resp, "name", doc.translation.by)
    pub = sub(file_desc, "publicationStmt")
    sub(pub, "publisher", config.institution or config.course or config.title)
    sub(pub, "idno", doc.id, type="document")
    if re.fullmatch(r"\d{4}", config.year):
        sub(pub, "date", config.year, when=config.year)
    if config.licence:
        sub(sub(sub(pub, "availability"), "licence"), "p", " ".join(config.licence.split()))
    series = sub(file_desc, "seriesStmt")
    sub(series, "title", ": ".join(t for t in (config.title, config.subtitle) if t))
    source_desc = sub(file_desc, "sourceDesc")
    if doc.source is not None:
        key = doc.source.key
        bibl = sub(source_desc, "bibl", type="printed-source", corresp=f"bibliography.xml#{xml_id(key)}")
        bibl.text = str(style.full_note(key)) if key in registers.bibliography else key
        if doc.source.locator:
            sub(bibl, "citedRange", doc.source.locator)
    for cited, citation in archival_sources(doc, registers.archives):
        _ms_desc(source_desc, cited, citation, registers.archives)
    if len(source_desc) == 0:
        sub(source_desc, "p", "Born digital: no printed or archival source is recorded.")
    _profile(root[0], corpus, doc)


def _profile(tei_header: etree._Element, corpus: Corpus, doc: Document) -> None:  # noqa: C901
    profile = sub(tei_header, "profileDesc")
    if doc.kind in CORRESPONDENCE or doc.recipients:
        desc = sub(profile, "correspDesc")
        sent = sub(desc, "correspAction", type="sent")
        for pid in doc.authors:
            _person_ref(sent, "persName", pid, corpus)
        if doc.place_from:
            _place_ref(sent, doc.place_from, corpus)
        if doc.date is not None:
            date_element(sent, doc.date)
        if len(sent) == 0:
            sub(sent, "persName", "Unknown")
        received = sub(desc, "correspAction", type="received")
        for pid in doc.recipients:
            _person_ref(received, "persName", pid, corpus)
        if doc.place_to:
            _place_ref(received, doc.place_to, corpus)
        if len(received) == 0:
            sub(received, "persName", "Unknown")
    elif doc.date is not None or doc.place_from:
        creation = sub(profile, "creation")
        if doc.date is not None:
            date_element(creation, doc.date)
        if doc.place_from:
            add_text(creation, " ")
            _place_ref(creation, doc.place_from, corpus)
    if doc.language:
        usage = sub(profile, "langUsage")
        sub(usage, "language", LANGUAGES.get(doc.language, doc.language), ident=doc.language)
    if doc.date is not None and doc.date.calendar == "julian":
        calendar = sub(sub(profile, "calendarDesc"), "calendar", xml_id="julian")
        sub(calendar, "p", "Julian calendar (Old Style), used in Russia until February 1918")
    text_class = sub(profile, "textClass")
    sub(sub(text_class, "keywords"), "term", doc.kind, type="kind")
    if len(profile) == 0:
        tei_header.remove(profile)


# --- documents and registers -----------------------------------------------------------------


def document_tree(corpus: Corpus, doc: Document, registers: Registers, numbers: dict[tuple[str, str, str], int],
                  style: HistorianStyle) -> etree._Element:
    root, file_desc = new_tei(doc.title)
    header(root, file_desc, corpus, doc, registers, style)
    if doc.status:
        revision = sub(root[0], "revisionDesc", status=doc.status)
        sub(revision, "change", f"editorial status: {doc.status}", status=doc.status)
    text = sub(root, "text")
    writer = DocWriter(corpus, doc)
    if doc.headnote:
        writer.divisions(sub(sub(text, "front"), "div", type="headnote"), doc.headnote)
    writer.divisions(sub(sub(text, "body"), "div", type=doc.kind or "document"), doc.body or [Block("p", [], doc.pos)])
    notes = [note for by_key in doc.notes.values() for note in by_key.values()]
    if notes:
        back = sub(sub(text, "back"), "div", type="notes")
        for note in notes:
            targets = [f"#{compound_id('a', note.series, note.key)}"]
            ends = [f"#{compound_id('e', note.series, note.key)}"] if _has_lemma(doc, note.series, note.key) else []
            number = numbers.get((doc.id, note.series, note.key))
            el = sub(back, "note", type=note.series, n=str(number) if number else "",
                     xml_id=compound_id("n", note.series, note.key),
                     target=" ".join(targets) if writer.anchors.get(f"{note.series}:{note.key}") else "",
                     targetEnd=" ".join(ends))
            writer.quoted(el, note.content)
    return root


def _has_lemma(doc: Document, series: str, key: str) -> bool:
    return any(s.kind == "n" and s.args == [series, key] and s.children for s in walk_spans(doc.body))


def persons_tree(persons: Iterable[Person]) -> etree._Element:
    root, _ = new_tei("Persons")
    _register_header(root)
    persons = list(persons)
    listing = _listing(root, "listPerson", bool(persons))
    for person in persons:
        el = sub(listing, "person", xml_id=xml_id(person.id))
        sub(el, "persName", person.name, type="canonical")
        for alias in person.aliases:
            sub(el, "persName", alias, type=alias_type(person.name, alias))
        for tag, year in (("birth", person.born), ("death", person.died)):
            if year:
                sub(el, tag, year, when=year if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", year) else "")
        if person.identification:
            sub(el, "note", person.identification, type="identification")
    return root


def alias_type(canonical: str, alias: str) -> str:
    """``variant`` when the alias shares the surname's spelling (roughly), else ``pseudonym``: the register does not say."""
    def words(text: str) -> list[str]:
        return [w for w in re.split(r"[^\w]+", text.replace("'", "").replace("ʹ", "").casefold()) if len(w) > 2]

    surname = words(surname_of(canonical))
    close = any(difflib.SequenceMatcher(None, s, w).ratio() >= 0.75 for s in surname for w in words(alias))
    return "variant" if close else "pseudonym"


def places_tree(places: Iterable[Place]) -> etree._Element:
    root, _ = new_tei("Places")
    _register_header(root)
    places = list(places)
    listing = _listing(root, "listPlace", bool(places))
    for place in places:
        el = sub(listing, "place", xml_id=xml_id(place.id))
        sub(el, "placeName", place.name, type="canonical")
        for name in place.names:
            sub(el, "placeName", name, type="variant")
        if place.modern:
            sub(el, "placeName", place.modern, type="modern")
    return root


def bibliography_tree(bib: Bibliography, keys: Iterable[str], style: HistorianStyle) -> etree._Element:
    root, _ = new_tei("Works cited")
    _register_header(root)
    keys = list(keys)
    listing = _listing(root, "listBibl", bool(keys))
    for key in keys:
        sub(listing, "bibl", str(style.bibliography_entry(key)), xml_id=xml_id(key))
    return root


def _listing(root: etree._Element, tag: str, entries: bool) -> etree._Element:
    """The list of a register; TEI wants at least one entry in a list, so an empty register is a paragraph."""
    body = sub(sub(root, "text"), "body")
    if not entries:
        sub(body, "p", "The register has no entries.")
        return body
    return sub(body, tag)


def _register_header(root: etree._Element) -> None:
    file_desc = root[0][0]
    sub(sub(file_desc, "publicationStmt"), "p", "A register of the edition, generated from its sources.")
    sub(sub(file_desc, "sourceDesc"), "p", "Born digital.")


def cited_keys(corpus: Corpus) -> list[str]:
    keys: dict[str, None] = {}
    for doc in corpus.documents:
        if doc.source is not None:
            keys[doc.source.key] = None
        keys.update((s.args[0], None) for s in walk_spans(doc.all_blocks()) if s.kind == "cite" and s.args)
    return list(keys)


def export_tei(corpus: Corpus, registers: Registers, plan: Plan, out_dir: Path) -> list[Path]:
    """Write ``{id}.xml`` for every document, and ``persons.xml``, ``places.xml``, ``bibliography.xml``.
    The text is the sources' own; the numbers of the notes are the plan's, as printed."""
    style = HistorianStyle(registers.bibliography, corpus.config.citation_style)
    numbers = dict(plan.note_numbers)
    written = [write_xml(document_tree(corpus, doc, registers, numbers, style), out_dir / doc_file(doc.id))
               for doc in corpus.documents if doc.id]
    written.append(write_xml(persons_tree(corpus.persons.values()), out_dir / "persons.xml"))
    written.append(write_xml(places_tree(corpus.places.values()), out_dir / "places.xml"))
    keys = [k for k in cited_keys(corpus) if k in registers.bibliography]
    written.append(write_xml(bibliography_tree(registers.bibliography, keys, style), out_dir / "bibliography.xml"))
    return written
