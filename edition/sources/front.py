"""A source file's front matter: where it ends, its date, and the markup in its text fields.

``split_front_matter`` cuts a source into its YAML metadata and its text; ``date_of``
reads the ``date:`` key (docs/source-format.md, "Dates") and reports a date that cannot
be: a malformed one, a range or limits that end before they start.
"""

from __future__ import annotations

import re

from edition.model.corpus import Block, Inline
from edition.model.dates import DateError, EditionDate, PartialDate, iso_of, parse_date_string
from edition.model.diagnostics import Diagnostic, Pos, error, warning
from edition.sources import schema
from edition.sources.markup import PosAt, parse_blocks, parse_inline
from edition.sources.schema import Field, string
from edition.sources.yamlpos import YNode, scalar_text_pos


def date_of(node: YNode | None, diags: list[Diagnostic]) -> EditionDate | None:
    """The document's date, or None (with a diagnostic at the date) when it cannot be read."""
    if node is None or node.value is None:
        return None
    try:
        if node.is_scalar:
            return parse_date_string(str(node.value))
        diags.extend(schema.check_map(node, schema.DATE, "date"))
        when = string(node.get("when"))
        base = parse_date_string(when, string(node.get("calendar"), "gregorian")) if when else EditionDate()
        nb, na = string(node.get("not_before")), string(node.get("not_after"))
        supplied_node = node.get("supplied")
        date = EditionDate(
            start=base.start, end=base.end,
            not_before=PartialDate.parse(nb) if nb else None,
            not_after=PartialDate.parse(na) if na else None,
            calendar=string(node.get("calendar"), "gregorian"),
            supplied=base.supplied or bool(supplied_node and schema.as_bool(supplied_node)),
            cert=string(node.get("cert"), "high"),
        )
    except DateError as exc:
        written = iso_of(str(node.value)) if node.is_scalar else None
        hint = ("check the day against the month and the year (and 'calendar: julian' for an Old Style date)" if "out of range" in str(exc)
                else f"write it so: {written}" if written
                else "write YYYY, YYYY-MM, YYYY-MM-DD or a range A/B: 1857-07-01, 1857-07, 1857-06-01/1857-07-15")
        diags.append(error(node.pos, f"malformed date: {exc}", hint))
        return None
    if date.not_before and date.not_after and _last_day(date.not_after) < _first_day(date.not_before):
        diags.append(error(node.pos, f"the date's not_after ({date.not_after.iso()}) is before not_before ({date.not_before.iso()}): "
                           "no day lies between them", "swap the two limits, or correct the year"))
        return None
    return date


def positions(meta: YNode) -> dict[str, Pos]:
    """Where each field of the front matter is written, for the checks: ``KEY`` its value,
    ``key:KEY`` the key, ``KEY[i]`` a list's items, ``place.from``, ``translation.from``, ``notes.SERIES`` a series' key."""
    out = {k: v.pos for k, v in meta.items()} | {f"key:{k}": p for k, p in meta.key_pos.items()}
    for key in ("authors", "recipients"):
        if (node := meta.get(key)) is not None and isinstance(node.value, list):
            out |= {f"{key}[{i}]": item.pos for i, item in enumerate(node.value)}
    for key in ("place", "translation"):
        if (node := meta.get(key)) is not None and node.is_map:
            out |= {f"{key}.{k}": v.pos for k, v in node.items()}
    if (notes := meta.get("notes")) is not None and notes.is_map:
        out |= {f"notes.{k}": p for k, p in notes.key_pos.items()}
    return out


def _first_day(d: PartialDate) -> tuple[int, int, int]:
    return (d.year, d.month or 1, d.day or 1)


def _last_day(d: PartialDate) -> tuple[int, int, int]:
    return (d.year, d.month or 12, d.day or 31)


def split_front_matter(text: str, display: str) -> tuple[str, str, int] | Diagnostic:
    """(front matter, body, line where the body starts) of a source file."""
    if not text.startswith("---\n"):
        return error(Pos(display, 1, 1), "the file does not start with a YAML front matter block",
                     "begin the file with a line '---', the metadata, then another '---'")
    end = text.find("\n---\n", 3)
    if end < 0:
        if text.endswith("\n---"):
            end = len(text) - 4
        else:
            return error(Pos(display, 1, 1), "the front matter block is not closed", "end the metadata with a line '---'")
    front = text[4 : end + 1]
    body_start = end + 5
    body_line = text[:body_start].count("\n") + 1
    return front, text[body_start:], body_line


def _yaml_pos_at(node: YNode) -> PosAt:
    return lambda offset: scalar_text_pos(node, offset)


def parse_text_field(node: YNode | None, diags: list[Diagnostic]) -> list[Inline]:
    if node is None or node.value is None or not node.is_scalar:
        return []
    nodes, d = parse_inline(str(node.value), _yaml_pos_at(node))
    diags.extend(d)
    return nodes


_KEY_LINE = re.compile(r"^[ \t]*(-[ \t]+)?([a-z_]+)[ \t]*:(?:[ \t]|$)", re.M)


def keys_swallowed(node: YNode, siblings: tuple[Field, ...], what: str) -> list[Diagnostic]:
    """A block scalar (``|`` or ``>``) takes every line indented more than its key, so a
    part or a key indented too far becomes words of the text above it: warn at each line
    of the text that reads as a key of the mapping around it."""
    if node.style not in ("|", ">") or not siblings:
        return []
    names = {f.name for f in siblings}
    text = str(node.value)
    m = next((m for m in _KEY_LINE.finditer(text) if m.group(2) in names), None)
    if m is None:
        return []
    line = text[m.start():].split("\n", 1)[0].strip()
    return [warning(scalar_text_pos(node, m.start() + len(m.group()) - len(m.group().lstrip())),
                    f"this line of the {what} reads as the key '{m.group(2)}' ('{line}'), "
                    f"but it is indented as text: it and the lines under it print as words of the {what}",
                    "a new entry or key lines up with the keys above the text (a list item's '-' under the other "
                    "items' '-'); text that must begin so can be put in other words")]


def parse_blocks_field(node: YNode | None, diags: list[Diagnostic], siblings: tuple[Field, ...] = (),
                       what: str = "headnote") -> list[Block]:
    if node is None or node.value is None or not node.is_scalar:
        return []
    diags.extend(keys_swallowed(node, siblings, what))
    blocks, d = parse_blocks(str(node.value), _yaml_pos_at(node))
    diags.extend(d)
    return blocks
