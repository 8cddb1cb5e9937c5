"""Load a project: configuration, registers and sources into the model.

``load(root)`` reads ``edition.yaml``, ``sources/persons.yaml``,
``sources/places.yaml`` and every ``sources/**/*.md`` document, and returns
the corpus with every problem found on the way, as data.
"""

from __future__ import annotations

import gc
import os
import re
from pathlib import Path

from edition.model.corpus import (
    DEFAULT_APPARATUS,
    ArchiveSource,
    Block,
    Config,
    Corpus,
    Document,
    Inline,
    Part,
    Person,
    Place,
    PrintedSource,
    SeriesConfig,
    Translation,
    number_spans,
)
from edition.model.diagnostics import Diagnostic, Pos, did_you_mean, error
from edition.sources import schema
from edition.sources.cache import DocumentCache
from edition.sources.cache import cache_path as cache_path  # where the tests and bench/ find it
from edition.sources.front import date_of, positions, split_front_matter
from edition.sources.markup import PosAt, parse_blocks, parse_inline, text_positions
from edition.sources.parts import excluded, fill_parts, fill_years, item_positions, unreadable_ids
from edition.sources.reading import check_file, read_project_text, walk
from edition.sources.schema import life_dates, string, strings
from edition.sources.versions import VersionFile, attach, in_file_original, notes_of, originals_config, version_file
from edition.sources.yamlpos import YamlError, YNode, load_yaml, scalar_text_pos

MAX_SOURCE_BYTES = 20 * 1024 * 1024
LENGTH = re.compile(r"^\d+(\.\d+)?(mm|cm|in|pt)$")  # a TeX length: the only config value written into LaTeX unescaped

DEFAULT_SERIES = (
    SeriesConfig("author", "Author's notes", "arabic", "normal", "foot"),
    SeriesConfig("translator", "Translator's notes", "symbols", "normal", "foot"),
    SeriesConfig("editor", "Editor's notes", "arabic", "normal", "foot"),
    SeriesConfig("textual", "Textual notes", "line", "paragraph", "foot"),
)


def read_text(path: Path, display: str) -> tuple[str | None, list[Diagnostic]]:
    """A project file's text (``sources/reading.py``: regular files inside the project only,
    UTF-8, byte-order mark and CRLF removed, suspect characters reported where they stand).
    ``display`` is the path from the project folder; an absolute one (a file named on the
    command line) may lie anywhere."""
    parts = Path(display).parts
    inside = bool(parts) and not Path(display).is_absolute() and path.parts[-len(parts):] == parts
    return read_project_text(path, display, Path(*path.parts[: -len(parts)]) if inside else None)


def read_yaml_file(path: Path, display: str) -> tuple[YNode | None, list[Diagnostic]]:
    text, diags = read_text(path, display)
    if text is None:
        return None, diags
    try:
        return load_yaml(text, display), diags
    except YamlError as exc:
        return None, diags + [exc.diagnostic]


def _yaml_pos_at(node: YNode) -> PosAt:
    return lambda offset: scalar_text_pos(node, offset)


def parse_text_field(node: YNode | None, diags: list[Diagnostic]) -> list[Inline]:
    if node is None or node.value is None or not node.is_scalar:
        return []
    nodes, d = parse_inline(str(node.value), _yaml_pos_at(node))
    diags.extend(d)
    return nodes


def parse_blocks_field(node: YNode | None, diags: list[Diagnostic]) -> list[Block]:
    if node is None or node.value is None or not node.is_scalar:
        return []
    blocks, d = parse_blocks(str(node.value), _yaml_pos_at(node))
    diags.extend(d)
    return blocks


def load_document(path: Path, display: str) -> tuple[Document | VersionFile | None, list[Diagnostic]]:  # noqa: C901
    """A document, or (a file whose front matter says ``version_of:``) a document's original."""
    text, diags = read_text(path, display)
    if text is None:
        return None, diags
    split = split_front_matter(text, display)
    if isinstance(split, Diagnostic):
        return None, diags + [split]
    front, body, body_line = split
    try:
        meta = load_yaml(front, display, line_offset=1)
    except YamlError as exc:
        return None, diags + [exc.diagnostic]
    if meta.is_map and meta.get("version_of") is not None:
        return version_file(meta, body, body_line, display, diags, notes_of(meta.get("notes"), diags)), diags
    diags.extend(schema.check_map(meta, schema.DOCUMENT, "document metadata"))
    if not meta.is_map:
        return None, diags
    g = meta.get
    place = g("place")
    if place is not None and place.is_map:
        diags.extend(schema.check_map(place, schema.PLACE_REF, "place"))
    translation = None
    if (t := g("translation")) is not None and t.is_map:
        diags.extend(schema.check_map(t, schema.TRANSLATION, "translation"))
        translation = Translation(string(t.get("from")), string(t.get("by")))
    source = None
    if (s := g("source")) is not None and s.is_map:
        diags.extend(schema.check_map(s, schema.SOURCE, "source"))
        key_node = s.get("key")
        source = PrintedSource(string(key_node), string(s.get("locator")), key_node.pos if key_node else s.pos)
    archives: list[ArchiveSource] = []
    if (a := g("archives")) is not None and isinstance(a.value, list):
        for item in a.value:
            problems = schema.check_map(item, schema.ARCHIVE, "archival source")
            diags.extend(problems)
            if item.is_map and not any(p.is_error for p in problems):  # else its consequences would follow
                f = {k: string(item.get(k)) for k, _ in ((fl.name, 0) for fl in schema.ARCHIVE)}
                cited = item.get("cited")  # what is read from it is reported where it is written
                at = scalar_text_pos(cited, 0) if cited is not None and cited.is_scalar and not item.get("repository") else item.pos
                archives.append(ArchiveSource(f["repository"], f["fond"], f["opis"], f["delo"], f["folios"],
                                              f["vypusk"], f["form"], f["cited"], at))
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
        headnote=parse_blocks_field(g("headnote"), diags),
        body=blocks,
        notes=notes,
        pos=Pos(display, 1, 1),
        status=string(g("status")),
        short_title=string(g("short_title")),
        field_pos=positions(meta),
        original=original,
    )
    number_spans(doc.all_blocks())
    return doc, diags


def register_files(root: Path, name: str) -> list[Path]:
    """``sources/NAME.yaml`` and any ``sources/NAME/*.yaml``: a register may be split."""
    single = root / "sources" / f"{name}.yaml"
    return ([single] if os.path.lexists(single) else []) + walk(root, root / "sources" / name, ".yaml", recursive=False)[0]


def _load_register(root: Path, name: str, fields: tuple[schema.Field, ...], what: str,
                   diags: list[Diagnostic], lost: set[str] | None = None) -> list[tuple[str, YNode, Pos]]:
    """The entries of a register; ``lost`` gets its name when a file of it cannot be read."""
    entries: list[tuple[str, YNode, Pos]] = []
    seen: dict[str, Pos] = {}
    lost = set() if lost is None else lost
    for path in register_files(root, name):
        display = path.relative_to(root).as_posix()
        node, d = read_yaml_file(path, display)
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
                diags.append(error(pos, f"{what} id '{key}' is already defined at {seen[key]}", "merge the two entries"))
                continue
            seen[key] = pos
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


def load_config(root: Path, diags: list[Diagnostic]) -> Config:  # noqa: C901
    display = "edition.yaml"
    node, d = read_yaml_file(root / display, display)
    diags.extend(d)
    readable = node is not None
    if node is None:  # its own error is said: the keys it lacks are not
        node = YNode({}, Pos(display, 1, 1), "map")
    else:
        diags.extend(schema.check_map(node, schema.CONFIG, "edition.yaml", strict=True))
    g = node.get
    series: list[SeriesConfig] = list(DEFAULT_SERIES)
    if (sn := g("series")) is not None and isinstance(sn.value, list):
        series = []
        defaults = {s.id: s for s in DEFAULT_SERIES}
        for item in sn.value:
            diags.extend(schema.check_map(item, schema.SERIES, "series", strict=True))
            if item.is_map:
                sid = string(item.get("id"))
                base = defaults.get(sid, SeriesConfig(sid, sid.capitalize(), "arabic", "normal", "foot"))
                series.append(SeriesConfig(sid, string(item.get("name"), base.name),
                                           string(item.get("numbering"), base.numbering),
                                           string(item.get("layout"), base.layout),
                                           string(item.get("placement"), base.placement)))
    parts: list[Part] = []
    if (pn := g("parts")) is not None and isinstance(pn.value, list):
        for item in pn.value:
            diags.extend(schema.check_map(item, schema.PART, "part", strict=True))
            if item.is_map:
                parts.append(Part(string(item.get("id")), string(item.get("title")),
                                  parse_blocks_field(item.get("headnote"), diags), strings(item.get("documents")),
                                  item.pos, item_positions(item.get("documents"))))
                number_spans(parts[-1].headnote)
    two_sided = g("two_sided")
    apparatus = dict(DEFAULT_APPARATUS)
    if (an := g("apparatus")) is not None and an.is_map:
        for kind, flag in an.items():
            if kind not in schema.APPARATUS_KINDS:
                diags.append(error(an.key_pos[kind], f"unknown intervention '{kind}' in apparatus",
                                   did_you_mean(kind, schema.APPARATUS_KINDS) or "known: " + ", ".join(schema.APPARATUS_KINDS)))
            elif schema.as_bool(flag) is None:
                diags.append(error(flag.pos, f"apparatus: '{kind}' must be true or false"))
            else:
                apparatus[kind] = bool(schema.as_bool(flag))
    offset = string(g("binding_offset"), "0mm")
    if not LENGTH.match(offset):
        diags.append(error(g("binding_offset").pos if g("binding_offset") else node.pos,  # type: ignore[union-attr]
                           f"binding_offset '{offset}' is not a length", "write a number and a unit: 5mm, 0.5cm, 0.2in"))
        offset = "0mm"
    return Config(
        title=string(g("title"), "Reader"),
        subtitle=string(g("subtitle")),
        editor=string(g("editor")),
        institution=string(g("institution")),
        course=string(g("course")),
        year=string(g("year")),
        paper=string(g("paper"), "a4"),
        font_size=string(g("font_size"), "11pt"),
        two_sided=bool(two_sided is not None and schema.as_bool(two_sided)),
        binding_offset=offset,
        parts=parts,
        series=series,
        bibliography=strings(g("bibliography")),  # none named: schema.DEFAULT_BIBLIOGRAPHY, if it exists
        archive_style=string(g("archive_style"), "modern"),
        licence=string(g("licence")),
        path=display,
        note_numbering=string(g("note_numbering"), "document"),
        index_places=_flag(g("index_places"), False), transliteration=string(g("transliteration"), "ala_lc_alt"),
        keywords=strings(g("keywords")), web_address=string(g("web_address")),
        note_on_texts=string(g("note_on_texts")),
        works_cited_groups=_groups(g("works_cited_groups"), diags),
        persons_register=_flag(g("persons_register"), True),
        apparatus=apparatus, exclude=excluded(g("exclude"), diags),
        **originals_config(g("originals"), diags),
        field_pos=node.positions(), readable=readable,
        citation_style=cs.plain() if (cs := g("citation_style")) is not None and cs.is_map else {},  # type: ignore[arg-type]
    )


def _groups(node: YNode | None, diags: list[Diagnostic]) -> list[dict[str, str]]:
    groups: list[dict[str, str]] = []
    for item in (node.value if node is not None and isinstance(node.value, list) else []):
        if not item.is_map or not string(item.get("title")):
            diags.append(error(item.pos, "a works-cited group is {title: ..., keyword: ...}"))
            continue
        groups.append({"title": string(item.get("title")), **({"keyword": string(item.get("keyword"))} if item.get("keyword") else {})})
    return groups


def _flag(node: YNode | None, default: bool) -> bool:
    value = schema.as_bool(node) if node is not None else None
    return default if value is None else value


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
        cache.save()
    finally:
        if collecting:
            gc.enable()
    # Nor need later collections sweep them (a draft among 1,000 documents renders in
    # 0.3 s instead of 1.4 s). Freezing exempts them from the cyclic collector only:
    # being trees, they are still freed by reference counting when dropped.
    gc.freeze()
    attach(documents, versions, diags)
    corpus = Corpus(config, documents, persons, places, str(root), unreadable, lost & {"persons", "places"}, lost)
    fill_parts(corpus)
    fill_years(corpus)
    return corpus, diags
