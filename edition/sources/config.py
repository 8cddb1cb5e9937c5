"""The reader's settings: ``edition.yaml`` read into the model's Config.

Each key is declared once, in ``schema.CONFIG`` (type, documentation, the default as the
reference states it; tests/test_reference.py holds the defaults applied here to it). Here
the values are read, with the defaults that depend on other values (a note series takes
the settings of the default series of its id) and the checks a type cannot say (a length).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from edition.model.corpus import DEFAULT_APPARATUS, Config, Part, SeriesConfig, number_spans
from edition.model.diagnostics import Diagnostic, Pos, did_you_mean, error
from edition.sources import schema
from edition.sources.front import parse_blocks_field
from edition.sources.parts import excluded, item_positions
from edition.sources.reading import read_yaml_file
from edition.sources.schema import string, strings
from edition.sources.versions import originals_config
from edition.sources.yamlpos import YNode

LENGTH = re.compile(r"^\d+(\.\d+)?(mm|cm|in|pt)$")  # a TeX length: the only config value written into LaTeX unescaped

DEFAULT_SERIES = (
    SeriesConfig("author", "Author's notes", "arabic", "normal", "foot"),
    SeriesConfig("translator", "Translator's notes", "symbols", "normal", "foot"),
    SeriesConfig("editor", "Editor's notes", "arabic", "normal", "foot"),
    SeriesConfig("textual", "Textual notes", "line", "paragraph", "foot"),
)


def _choice(g: Callable[[str], YNode | None], name: str, default: str) -> str:
    """A setting with a list of values: the one written if it is one of them, else the default (the schema has
    said the mistake at its place), so that what follows is read as the editor will mend it, and nothing
    downstream meets a value it cannot use (an unknown transliteration stopped the check with a traceback)."""
    value = string(g(name), default)
    choices = next(f.choices for f in schema.CONFIG if f.name == name)
    return value if value in choices else default


def load_config(root: Path, diags: list[Diagnostic]) -> Config:
    """The reader's settings, from ``edition.yaml``; an unreadable file gives the defaults
    (its own error is said: the keys it lacks are not)."""
    display = "edition.yaml"
    node, d = read_yaml_file(root / display, display)
    diags.extend(d)
    readable = node is not None
    if node is None:
        node = YNode({}, Pos(display, 1, 1), "map")
    else:
        diags.extend(schema.check_map(node, schema.CONFIG, "edition.yaml", strict=True))
    g = node.get
    series = _series(g("series"), diags)
    parts = _parts(g("parts"), diags)
    two_sided = g("two_sided")
    apparatus = _apparatus(g("apparatus"), diags)
    offset = _binding_offset(g("binding_offset"), node, diags)
    return Config(
        title=string(g("title"), "Reader"),
        subtitle=string(g("subtitle")),
        editor=string(g("editor")),
        institution=string(g("institution")),
        course=string(g("course")),
        year=string(g("year")),
        paper=_choice(g, "paper", "a4"),
        font_size=_choice(g, "font_size", "11pt"),
        two_sided=bool(two_sided is not None and schema.as_bool(two_sided)),
        binding_offset=offset,
        parts=parts,
        series=series,
        bibliography=strings(g("bibliography")),  # none named: schema.DEFAULT_BIBLIOGRAPHY, if it exists
        archive_style=_choice(g, "archive_style", "modern"),
        licence=string(g("licence")),
        path=display,
        note_numbering=_choice(g, "note_numbering", "document"),
        index_places=_flag(g("index_places"), False), transliteration=_choice(g, "transliteration", "ala_lc_alt"),
        keywords=strings(g("keywords")), editors=strings(g("editors")), web_address=string(g("web_address")),
        note_on_texts=string(g("note_on_texts")), abbreviations=_abbreviations(g("abbreviations"), diags),
        works_cited_groups=_groups(g("works_cited_groups"), diags),
        persons_register=_flag(g("persons_register"), True),
        apparatus=apparatus, exclude=excluded(g("exclude"), diags),
        **originals_config(g("originals"), diags),
        field_pos=node.positions(), readable=readable,
        citation_style=cs.plain() if (cs := g("citation_style")) is not None and cs.is_map else {},  # type: ignore[arg-type]
    )


def _series(node: YNode | None, diags: list[Diagnostic]) -> list[SeriesConfig]:
    """The note series of ``series:``, each with the defaults of the series of that id
    (DEFAULT_SERIES when the key is absent)."""
    if node is None or not isinstance(node.value, list):
        return list(DEFAULT_SERIES)
    series: list[SeriesConfig] = []
    defaults = {s.id: s for s in DEFAULT_SERIES}
    for item in node.value:
        diags.extend(schema.check_map(item, schema.SERIES, "series", strict=True))
        if item.is_map:
            sid = string(item.get("id"))
            base = defaults.get(sid, SeriesConfig(sid, sid.capitalize(), "arabic", "normal", "foot"))
            series.append(SeriesConfig(sid, string(item.get("name"), base.name),
                                       string(item.get("numbering"), base.numbering),
                                       string(item.get("layout"), base.layout),
                                       string(item.get("placement"), base.placement)))
    return series


def _parts(node: YNode | None, diags: list[Diagnostic]) -> list[Part]:
    parts: list[Part] = []
    for item in (node.value if node is not None and isinstance(node.value, list) else []):
        diags.extend(schema.check_map(item, schema.PART, "part", strict=True))
        if item.is_map:
            parts.append(Part(string(item.get("id")), string(item.get("title")),
                              parse_blocks_field(item.get("headnote"), diags, schema.PART, "part's headnote"), strings(item.get("documents")),
                              item.pos, item_positions(item.get("documents"))))
            number_spans(parts[-1].headnote)
    return parts


def _apparatus(node: YNode | None, diags: list[Diagnostic]) -> dict[str, bool]:
    """Which interventions the apparatus reports: DEFAULT_APPARATUS, changed by ``apparatus:``."""
    apparatus = dict(DEFAULT_APPARATUS)
    if node is None or not node.is_map:
        return apparatus
    for kind, flag in node.items():
        if kind not in schema.APPARATUS_KINDS:
            diags.append(error(node.key_pos[kind], f"unknown intervention '{kind}' in apparatus",
                               did_you_mean(kind, schema.APPARATUS_KINDS) or "known: " + ", ".join(schema.APPARATUS_KINDS)))
        elif schema.as_bool(flag) is None:
            diags.append(error(flag.pos, f"apparatus: '{kind}' must be true or false"))
        else:
            apparatus[kind] = bool(schema.as_bool(flag))
    return apparatus


def _abbreviations(node: YNode | None, diags: list[Diagnostic]) -> dict[str, str]:
    """``abbreviations:``, each abbreviation with its expansion."""
    out: dict[str, str] = {}
    if node is None or not node.is_map:
        return out
    for abbr, expansion in node.items():
        if not expansion.is_scalar or not string(expansion):
            diags.append(error(expansion.pos, f"abbreviations: '{abbr}' needs its expansion, as text",
                               'write it after the colon: CC: "Central Committee"'))
        else:
            out[abbr] = string(expansion)
    return out


def _binding_offset(value: YNode | None, config: YNode, diags: list[Diagnostic]) -> str:
    """``binding_offset``, a TeX length (the only value written into LaTeX unescaped), else 0mm."""
    offset = string(value, "0mm")
    if not LENGTH.match(offset):
        diags.append(error(value.pos if value else config.pos,
                           f"binding_offset '{offset}' is not a length", "write a number and a unit: 5mm, 0.5cm, 0.2in"))
        offset = "0mm"
    return offset


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
