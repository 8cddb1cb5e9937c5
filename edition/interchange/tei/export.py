"""``export_tei``: one TEI file per document, and the registers beside them."""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from edition.interchange.tei.common import compound_id, doc_file, new_tei, sub, write_xml, xml_id
from edition.interchange.tei.header import header
from edition.interchange.tei.text import DocWriter
from edition.model.alignment import align
from edition.model.corpus import Block, Corpus, Document, Person, Place, Span, surname_of, walk_spans
from edition.passes.order import document_numbers
from edition.passes.plan import Plan
from edition.registers.bibliography import Bibliography
from edition.registers.bibstyle import EditionStyle, make_style
from edition.registers.load import Registers

# --- documents and registers -----------------------------------------------------------------


def document_tree(corpus: Corpus, doc: Document, registers: Registers, numbers: dict[tuple[str, str, str], int],
                  style: EditionStyle, doc_number: int = 0) -> etree._Element:
    root, file_desc = new_tei(doc.title)
    header(root, file_desc, corpus, doc, registers, style, doc_number)
    if doc.status:
        revision = sub(root[0], "revisionDesc", status=doc.status)
        sub(revision, "change", f"editorial status: {doc.status}", status=doc.status)
    text = sub(root, "text")
    writer = DocWriter(corpus, doc)
    if doc.headnote:
        writer.divisions(sub(sub(text, "front"), "div", type="headnote"), doc.headnote)
    body = sub(text, "body")
    if doc.original is None:
        writer.divisions(sub(body, "div", type=doc.kind or "document"), doc.body or [Block("p", [], doc.pos)])
    else:
        versions(writer, body, doc)
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
    return any(s.kind == "n" and s.args == [series, key] and s.children for text in doc.texts() for s in walk_spans(text))


def versions(writer: DocWriter, body: etree._Element, doc: Document) -> None:
    """A document and its original: ``<div type="translation">`` and ``<div type="original">``, each
    with its language, and at the start of each unit of alignment an ``<anchor type="alignment">``
    whose ``@corresp`` points at the same unit's anchor in the other version."""
    assert doc.original is not None
    units, _ = align(doc.body, doc.original.body)
    keys = [u.key or str(n) for n, u in enumerate(units, start=1)]
    for role, lang, blocks, starts, other in (
            ("translation", "en", doc.body, [u.first[0] for u in units], "o"),
            ("original", doc.original.language, doc.original.body, [u.second[0] for u in units], "t")):
        side = role[0]
        marked = _with_points(blocks, dict(zip(starts, keys, strict=True)), side, other)
        div = sub(body, "div", type=role, xml_lang=lang)
        writer.divisions(sub(div, "div", type=doc.kind or "document"), marked or [Block("p", [], doc.pos)])


def _with_points(blocks: list[Block], starts: dict[int, str], side: str, other: str) -> list[Block]:
    """The blocks with the anchor of its unit before the first of each unit; ``starts``: block -> unit key."""
    out = []
    for i, block in enumerate(blocks):
        if i in starts:
            point = Span("align", [side, other, starts[i]], [], block.pos)
            block = _prepend(block, point)
        out.append(block)
    return out


def _prepend(block: Block, point: Span) -> Block:
    if block.kind == "quote" and block.blocks:
        return dataclasses.replace(block, blocks=[_prepend(block.blocks[0], point), *block.blocks[1:]])
    return dataclasses.replace(block, content=[point, *block.content])


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


def bibliography_tree(bib: Bibliography, keys: Iterable[str], style: EditionStyle) -> etree._Element:
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
        for source in (doc.source, doc.original.source if doc.original else None):
            if source is not None:
                keys[source.key] = None
        keys.update((s.args[0], None) for s in walk_spans(doc.all_blocks()) if s.kind == "cite" and s.args)
    return list(keys)


def export_tei(corpus: Corpus, registers: Registers, plan: Plan, out_dir: Path) -> list[Path]:
    """Write ``{id}.xml`` for every document, and ``persons.xml``, ``places.xml``, ``bibliography.xml``.
    The text is the sources' own; the numbers of the notes are the plan's, as printed."""
    style = make_style(registers.bibliography, corpus.config.citation_style)
    numbers = dict(plan.note_numbers)
    doc_numbers = document_numbers(corpus)
    written = [write_xml(document_tree(corpus, doc, registers, numbers, style, doc_numbers.get(doc.id, 0)),
                         out_dir / doc_file(doc.id)) for doc in corpus.documents if doc.id]
    written.append(write_xml(persons_tree(corpus.persons.values()), out_dir / "persons.xml"))
    written.append(write_xml(places_tree(corpus.places.values()), out_dir / "places.xml"))
    keys = [k for k in cited_keys(corpus) if k in registers.bibliography]
    written.append(write_xml(bibliography_tree(registers.bibliography, keys, style), out_dir / "bibliography.xml"))
    return written
