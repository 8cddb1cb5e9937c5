"""Load a project: configuration, registers and sources into the model.

``load(root)`` reads ``edition.yaml``, ``sources/persons.yaml``,
``sources/places.yaml`` and every ``sources/**/*.md`` document, and returns
the corpus with every problem found on the way, as data.
"""

from __future__ import annotations

import gc
import os
import re
import unicodedata
from pathlib import Path

from edition.model.corpus import ArchiveSource, Corpus, Document, Person, Place, PrintedSource, Translation, number_spans
from edition.model.diagnostics import Diagnostic, Pos, error
from edition.sources import schema
from edition.sources.cache import DocumentCache
from edition.sources.cache import cache_path as cache_path  # where the tests and bench/ find it
from edition.sources.config import load_config
from edition.sources.front import date_of, parse_blocks_field, positions, split_front_matter
from edition.sources.markup import parse_blocks, text_positions
from edition.sources.parts import fill_parts, fill_years, unreadable_ids
from edition.sources.reading import check_file, read_text, read_yaml_file, walk
from edition.sources.schema import life_dates, string, strings
from edition.sources.versions import VersionFile, attach, in_file_original, notes_of, version_file
from edition.sources.yamlpos import YamlError, YNode, load_yaml, scalar_text_pos


def load_document(path: Path, display: str) -> tuple[Document | VersionFile | None, list[Diagnostic]]:
    """A document, or (a file whose front matter says ``version_of:``) a document's original."""
    text, diags = read_text(path, display)
    if text is None:
        return None, diags
    read = _front_matter(text, display, diags)
    if read is None:
        return None, diags
    meta, body, body_line = read
    if meta.is_map and meta.get("version_of") is not None:
        return version_file(meta, body, body_line, display, diags, notes_of(meta.get("notes"), diags)), diags
    diags.extend(schema.check_map(meta, schema.DOCUMENT, "document metadata"))
    if not meta.is_map:
        return None, diags
    return _document(meta, body, body_line, display, diags), diags


def _front_matter(text: str, display: str, diags: list[Diagnostic]) -> tuple[YNode, str, int] | None:
    """The front matter of a source read as YAML, its body and the body's first line; None
    (the problem added to ``diags``) when there is no front matter or it is no YAML."""
    split = split_front_matter(text, display)
    if isinstance(split, Diagnostic):
        diags.append(split)
        return None
    front, body, body_line = split
    try:
        return load_yaml(front, display, line_offset=1), body, body_line
    except YamlError as exc:
        diags.append(exc.diagnostic)
        return None


def _translation(node: YNode | None, diags: list[Diagnostic]) -> Translation | None:
    if node is None or not node.is_map:
        return None
    diags.extend(schema.check_map(node, schema.TRANSLATION, "translation"))
    return Translation(string(node.get("from")), string(node.get("by")))


def _printed_source(node: YNode | None, diags: list[Diagnostic]) -> PrintedSource | None:
    if node is None or not node.is_map:
        return None
    diags.extend(schema.check_map(node, schema.SOURCE, "source"))
    key_node = node.get("key")
    return PrintedSource(string(key_node), string(node.get("locator")), key_node.pos if key_node else node.pos)


def _archives(node: YNode | None, diags: list[Diagnostic]) -> list[ArchiveSource]:
    """The archival sources of ``archives:``; one with an error is left out, lest its consequences follow."""
    archives: list[ArchiveSource] = []
    for item in (node.value if node is not None and isinstance(node.value, list) else []):
        problems = schema.check_map(item, schema.ARCHIVE, "archival source")
        diags.extend(problems)
        if item.is_map and not any(p.is_error for p in problems):
            f = {fl.name: string(item.get(fl.name)) for fl in schema.ARCHIVE}
            cited = item.get("cited")  # what is read from it is reported where it is written
            at = scalar_text_pos(cited, 0) if cited is not None and cited.is_scalar and not item.get("repository") else item.pos
            archives.append(ArchiveSource(f["repository"], f["fond"], f["opis"], f["delo"], f["folios"],
                                          f["vypusk"], f["form"], f["cited"], at))
    return archives


def _document(meta: YNode, body: str, body_line: int, display: str, diags: list[Diagnostic]) -> Document:
    """The document of a source whose front matter ``meta`` is a map."""
    g = meta.get
    place = g("place")
    if place is not None and place.is_map:
        diags.extend(schema.check_map(place, schema.PLACE_REF, "place"))
    translation = _translation(g("translation"), diags)
    source = _printed_source(g("source"), diags)
    archives = _archives(g("archives"), diags)
    notes = notes_of(g("notes"), diags)
    body, original = in_file_original(meta, body, body_line, display, diags)
    blocks, d = parse_blocks(body, text_positions(body, Pos(display, body_line, 1)))
    diags.extend(d)
    if not blocks:
        diags.append(error(Pos(display, body_line, 1), "the document has no text", "write the text after the closing '---'"))
    doc = Document(
        id=string(g("id")),
        path=display,
        title=string(g("title")),
        kind=string(g("kind")),
        authors=strings(g("authors")),
        recipients=strings(g("recipients")),
        date=date_of(g("date"), diags),
        place_from=string(place.get("from")) if place is not None and place.is_map else "",
        place_to=string(place.get("to")) if place is not None and place.is_map else "",
        language=string(g("language")),
        translation=translation,
        source=source,
        archives=archives,
        headnote=parse_blocks_field(g("headnote"), diags, schema.DOCUMENT),
        body=blocks,
        notes=notes,
        pos=Pos(display, 1, 1),
        status=string(g("status")),
        short_title=string(g("short_title")),
        field_pos=positions(meta),
        original=original,
    )
    number_spans(doc.all_blocks())
    return doc


def register_files(root: Path, name: str) -> list[Path]:
    """``sources/NAME.yaml`` and any ``sources/NAME/*.yaml``: a register may be split."""
    single = root / "sources" / f"{name}.yaml"
    return ([single] if os.path.lexists(single) else []) + walk(root, root / "sources" / name, ".yaml", recursive=False)[0]


_REGISTER_ID = re.compile(r"[^\W_][\w.-]*")  # letters of any script, digits, '.', '_', '-'
_TAGS = {"persons": "p", "places": "pl"}  # the mention that names an entry of the register


def _odd_characters(key: str) -> str:
    odd = sorted({c for c in key if not re.fullmatch(r"[\w.-]", c)} | ({key[0]} if key[:1] in "_.-" else set()))
    return ", ".join(f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'a control character')})" for c in odd)


def _id_like(key: str) -> str:
    """A space between words becomes '-'; any other character an id cannot hold is taken out."""
    return re.sub(r"[^\w.-]", "", re.sub(r" +", "-", key.strip())).strip("-._") or "id"


def _load_register(root: Path, name: str, fields: tuple[schema.Field, ...], what: str,
                   diags: list[Diagnostic], lost: set[str] | None = None) -> list[tuple[str, YNode, Pos]]:
    """The entries of a register; ``lost`` gets its name when a file of it cannot be read."""
    entries: list[tuple[str, YNode, Pos]] = []
    seen: dict[str, Pos] = {}
    lost = set() if lost is None else lost
    for path in register_files(root, name):
        display = path.relative_to(root).as_posix()
        node, d = read_yaml_file(path, display, f"{what} id")
        diags.extend(d)
        if node is None:
            lost.add(name)
            continue
        if not node.is_map:
            diags.append(error(node.pos, f"the {what} register must map ids to entries",
                               f"write each {what} as an id at the start of a line, a colon, then its keys indented below"))
            lost.add(name)
            continue
        for key, entry in node.items():
            pos = node.key_pos[key]
            if key in seen:
                diags.append(error(pos, f"the {what} id '{key}' is given twice: first in {seen[key].path}, line {seen[key].line}",
                                   "merge the two entries, or give the second an id of its own"))
                continue
            seen[key] = pos
            if not _REGISTER_ID.fullmatch(key):
                mention = f", and the same in the text's {{{_TAGS[name]}:...}}" if name in _TAGS else ""
                diags.append(error(pos, f"the {what} id '{key}' holds {_odd_characters(key)}: an id is one word of letters, digits, '.', '_' and '-'",
                                   f"write it so: '{_id_like(key)}'{mention}"))
            diags.extend(schema.check_map(entry, fields, f"{what} '{key}'", at=pos if entry.is_map else entry.pos))
            if entry.is_map and name == "persons":
                diags.extend(life_dates(entry, f"{what} '{key}'"))
            if entry.is_map:
                entries.append((key, entry, pos))
    return entries


def load_persons(root: Path, diags: list[Diagnostic], lost: set[str] | None = None) -> dict[str, Person]:
    return {
        key: Person(key, string(e.get("name")), string(e.get("born")), string(e.get("died")),
                    string(e.get("identification")), strings(e.get("aliases")), pos)
        for key, e, pos in _load_register(root, "persons", schema.PERSON, "person", diags, lost)
    }


def load_places(root: Path, diags: list[Diagnostic], lost: set[str] | None = None) -> dict[str, Place]:
    return {
        key: Place(key, string(e.get("name")), strings(e.get("names")), string(e.get("modern")), pos)
        for key, e, pos in _load_register(root, "places", schema.PLACE, "place", diags, lost)
    }


def source_files(root: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Every ``sources/**/*.md``, whatever it is (the reader refuses what is not a regular file
    inside the project), with the problems of the walk (a link to a folder, a name not in UTF-8)."""
    return walk(root, root / "sources", ".md")


def document_paths(root: Path) -> list[Path]:
    """The sources that can be read."""
    return [p for p in source_files(root)[0] if check_file(p, root)[0] is not None]


def load(root: Path) -> tuple[Corpus, list[Diagnostic]]:
    """Read the whole project under ``root``; never raises for bad input."""
    diags: list[Diagnostic] = []
    config = load_config(root, diags)
    lost = set() if config.readable else {"edition.yaml"}
    persons = load_persons(root, diags, lost)
    places = load_places(root, diags, lost)
    documents: list[Document] = []
    versions: list[VersionFile] = []
    unreadable: set[str] = set()
    folders: set[str] = set()
    # The documents are trees, without cycles: while they are made (or unpickled) the
    # cyclic garbage collector can free nothing, yet it would sweep the growing heap
    # again and again, which took 1.3 s of 1.7 s to unpickle 1,000 documents.
    collecting = gc.isenabled()
    gc.disable()
    try:
        cache = DocumentCache(root, load_document)
        paths, walked = source_files(root)
        diags.extend(walked)
        for path in paths:
            doc, d = cache.load(path, path.relative_to(root).as_posix())
            diags.extend(d)
            if isinstance(doc, VersionFile):
                versions.append(doc)
            elif doc is not None:
                doc.part = path.parent.relative_to(root / "sources").as_posix()
                documents.append(doc)
            elif any(x.is_error for x in d):
                unreadable |= unreadable_ids(path, root)
                folders.add(path.parent.relative_to(root / "sources").as_posix())
        cache.save()
    finally:
        if collecting:
            gc.enable()
    # Nor need later collections sweep them (a draft among 1,000 documents renders in
    # 0.3 s instead of 1.4 s). Freezing exempts them from the cyclic collector only:
    # being trees, they are still freed by reference counting when dropped.
    gc.freeze()
    attach(documents, versions, diags)
    corpus = Corpus(config, documents, persons, places, str(root), unreadable, lost & {"persons", "places"}, folders, lost)
    fill_parts(corpus)
    fill_years(corpus)
    return corpus, diags
