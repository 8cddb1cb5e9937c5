"""YAML with source positions, and nothing but plain data.

PyYAML's *composer* gives a tree of nodes that carry ``start_mark`` (line and
column); we turn it into ``YNode`` values that keep those positions, without
ever running PyYAML's object constructors. Anchors and aliases are refused
(sources never need them, and they are how "billion laughs" documents blow
up), as are tags outside YAML's core schema (``!!python/object``...) and
duplicate keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Union

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from edition.model.diagnostics import Diagnostic, Pos, error
from edition.sources.yamlwords import Explained, explain

_CORE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:timestamp",
}

Value = Union[str, list["YNode"], dict[str, "YNode"], None]
# What a string may not hold, however it is written: C0 and C1 controls (but tab and newline), surrogates.
_UNWRITABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(frozen=True)
class Entries:
    """A register's file maps ids to entries: an id given twice is said in these words
    ("the person id 'herzen' is given twice"), into ``problems``, and the first entry is kept,
    so that the rest of the file is still read."""

    what: str  # "person id"
    problems: list[Diagnostic]


@dataclass
class YNode:
    """A YAML value with the position where it starts.

    Scalars are kept as the string written (``1912-12`` stays a string);
    ``tag`` says what YAML's core schema would make of it (``int``, ``bool``...).
    """

    value: Value
    pos: Pos
    tag: str = "str"
    style: str | None = None
    indent: int = 0
    key_pos: dict[str, Pos] = field(default_factory=dict)

    @property
    def is_map(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_seq(self) -> bool:
        return isinstance(self.value, list)

    @property
    def is_scalar(self) -> bool:
        return not (self.is_map or self.is_seq)

    def items(self) -> Iterator[tuple[str, YNode]]:
        assert isinstance(self.value, dict)
        return iter(self.value.items())

    def get(self, key: str) -> YNode | None:
        return self.value.get(key) if isinstance(self.value, dict) else None

    def positions(self, prefix: str = "", depth: int = 3) -> dict[str, Pos]:
        """Where every value (``a.b[2]``) and key (``key:a.b``) below this node stands, ``depth`` levels down."""
        out: dict[str, Pos] = {}
        if depth == 0:
            return out
        if isinstance(self.value, dict):
            for k, v in self.value.items():
                path = f"{prefix}.{k}" if prefix else k
                out[path], out[f"key:{path}"] = v.pos, self.key_pos[k]
                out.update(v.positions(path, depth - 1))
        elif isinstance(self.value, list):
            for i, v in enumerate(self.value):
                out[f"{prefix}[{i}]"] = v.pos
                out.update(v.positions(f"{prefix}[{i}]", depth - 1))
        return out

    def plain(self) -> object:
        """The value as ordinary Python data (positions dropped)."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


class YamlError(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


class _Loader(yaml.SafeLoader):
    """A safe composer that refuses anchors and aliases at parse time."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        event = self.peek_event()  # type: ignore[no-untyped-call]
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.AliasEvent) or anchor is not None:
            mark = event.start_mark
            raise yaml.MarkedYAMLError(
                problem="anchors and aliases (&name, *name) are not allowed in sources",
                problem_mark=mark,
            )
        return super().compose_node(parent, index)


# libyaml's composer (C) when PyYAML has it: three times faster. It cannot refuse
# aliases while parsing, so a text with an '&' (a possible anchor) takes the
# Python composer, and the conversion below refuses any node met twice.
_FastLoader = getattr(yaml, "CSafeLoader", None)


def _pos(path: str, node: Node, line_offset: int) -> Pos:
    return Pos(path, node.start_mark.line + 1 + line_offset, node.start_mark.column + 1)


def _short_tag(tag: str) -> str:
    return tag.rsplit(":", 1)[-1]


def _block_indent(lines: list[str], node: Node) -> int:
    for line in lines[node.start_mark.line + 1 :]:
        if line.strip():
            return len(line) - len(line.lstrip(" "))
    return 0


def _convert(node: Node, path: str, line_offset: int, lines: list[str], depth: int = 0,
             seen: set[int] | None = None, entries: Entries | None = None) -> YNode:
    pos = _pos(path, node, line_offset)
    seen = set() if seen is None else seen
    if isinstance(node, (SequenceNode, MappingNode)) or node.value:
        if id(node) in seen:  # the same node twice: an alias (libyaml's composer shares aliased nodes)
            raise YamlError(error(pos, "YAML: anchors and aliases (&name, *name) are not allowed in sources"))
        seen.add(id(node))
    if depth > 50:
        raise YamlError(error(pos, "YAML nested too deeply (more than 50 levels)"))
    if node.tag not in _CORE_TAGS:
        raise YamlError(error(pos, f"YAML tag '{node.tag}' is not allowed", "sources hold plain data: strings, numbers, lists and mappings"))
    if isinstance(node, ScalarNode):
        return _scalar(node, pos, lines)
    if isinstance(node, SequenceNode):
        for item in node.value:
            _item_run_on(item, path, line_offset, lines)
        return YNode([_convert(n, path, line_offset, lines, depth + 1, seen) for n in node.value], pos, "seq")
    assert isinstance(node, MappingNode)
    mapping: dict[str, YNode] = {}
    key_pos: dict[str, Pos] = {}
    for key_node, value_node in node.value:
        kpos = _pos(path, key_node, line_offset)
        if not isinstance(key_node, ScalarNode):
            raise YamlError(error(kpos, "a mapping key must be a plain word or number"))
        key = str(key_node.value)
        if key in mapping and entries is not None and depth == 0:
            entries.problems.append(error(kpos, f"the {entries.what} '{key}' is given twice: first on line {key_pos[key].line}",
                                          "merge the two entries, or give the second an id of its own"))
            continue
        if key in mapping:
            raise YamlError(error(kpos, f"duplicate key '{key}'", f"first given at line {key_pos[key].line}"))
        key_pos[key] = kpos
        mapping[key] = _convert(value_node, path, line_offset, lines, depth + 1, seen)
    return YNode(mapping, pos, "map", key_pos=key_pos)


def _item_run_on(item: Node, path: str, line_offset: int, lines: list[str]) -> None:
    """A list item in plain words whose next line is an item indented further ("- a" over
    " - b"): YAML reads the second as more words of the first, which is never meant."""
    if not isinstance(item, ScalarNode) or item.style or item.end_mark.line <= item.start_mark.line:
        return
    first = item.start_mark.line
    dash = lines[first].rfind("- ", 0, item.start_mark.column + 1)
    for n in range(first + 1, min(item.end_mark.line, len(lines) - 1) + 1):
        text = lines[n]
        if text.lstrip().startswith("- ") and dash >= 0:
            col = len(text) - len(text.lstrip())
            raise YamlError(error(Pos(path, n + 1 + line_offset, col + 1),
                                  f"this line is indented by {col} spaces, the lines above by {dash} (line {first + 1 + line_offset}): "
                                  "YAML reads it as more words of the item above",
                                  f"the items of a list line up: indent this '-' by {dash} spaces, like the one on line {first + 1 + line_offset}"))


def _scalar(node: ScalarNode, pos: Pos, lines: list[str]) -> YNode:
    tag = _short_tag(node.tag)
    value: Value = None if tag == "null" else str(node.value)
    indent = _block_indent(lines, node) if node.style in ("|", ">") else 0
    scalar = YNode(value, pos, tag, node.style, indent)
    if isinstance(value, str) and (bad := _UNWRITABLE.search(value)):  # written as an escape: "\ud800", "\e", "\0"
        char = bad.group()
        what = "a lone surrogate" if "\ud800" <= char <= "\udfff" else "control character"
        raise YamlError(error(scalar_text_pos(scalar, bad.start()), f"YAML: {what} U+{ord(char):04X} in a string",
                              "write the character itself, or leave it out"))
    return scalar


def load_yaml(text: str, path: str, line_offset: int = 0, entries: Entries | None = None) -> YNode:
    """Parse one YAML document into positioned plain data; raise ``YamlError``.

    ``line_offset`` is added to every line (for front matter inside a file).
    An empty document gives an empty mapping.
    """
    try:
        loader = _FastLoader(text) if _FastLoader is not None and "&" not in text else _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        said = _explained(text, exc, line_offset)
        if said is not None:
            raise YamlError(error(Pos(path, said.line + 1 + line_offset, said.column + 1), said.message, said.hint)) from None
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        column = (mark.column + 1) if mark else 1
        problem = exc.problem or "malformed YAML"
        hint = ""
        at = text.split("\n")[mark.line][mark.column : mark.column + 1] if mark and mark.line < text.count("\n") + 1 else ""
        if at == "\t":
            problem = "a tab, which YAML does not allow for indentation" if "cannot start any token" in problem else problem
        if "\\t" in problem or "tab" in problem:
            hint = "YAML does not allow tabs for indentation: use spaces"
        else:  # the parser's own context ("while parsing a block mapping") helps nobody: say what to look at
            hint = ("look at this line and the one above it: keys of one mapping and the '-' of one list line up, "
                    "brackets close on the line they open, and a value holding ': ', ' #', or beginning with one of "
                    "- [ ] { } | > @ ` ' \" goes in quotes")
            problem = f"this line cannot be read as YAML ({problem})"
        raise YamlError(error(Pos(path, line, column), problem if problem.startswith("this line") else f"YAML: {problem}", hint)) from None
    except yaml.YAMLError as exc:
        raise YamlError(error(Pos(path, 1 + line_offset, 1), f"YAML: {exc}")) from None
    except RecursionError:  # PyYAML's own composer, on flow collections nested hundreds deep
        line, column = getattr(loader, "line", 0), getattr(loader, "column", 0)
        raise YamlError(error(Pos(path, line + 1 + line_offset, column + 1), "YAML nested too deeply",
                              "a source holds a few levels of lists and mappings")) from None
    if node is None:
        return YNode({}, Pos(path, 1 + line_offset, 1), "map")
    return _convert(node, path, line_offset, text.split("\n"), entries=entries)


def _explained(text: str, exc: yaml.MarkedYAMLError, line_offset: int) -> Explained | None:
    def mark(m: object) -> tuple[int, int] | None:
        return (m.line, m.column) if m is not None else None  # type: ignore[attr-defined]

    pm = exc.problem_mark
    lines = text.split("\n")
    if "\\t" in str(exc.problem) or (pm is not None and pm.line < len(lines) and lines[pm.line][pm.column : pm.column + 1] == "\t"):
        return None  # a tab: said below, in the tab's own words
    return explain(text, str(exc.problem or ""), mark(exc.problem_mark), str(exc.context or ""), mark(exc.context_mark), line_offset)


def scalar_text_pos(node: YNode, offset: int) -> Pos:
    """Best position of character ``offset`` inside a string scalar.

    Exact for block scalars (``|``, ``>``) and single-line plain scalars;
    otherwise the start of the scalar.
    """
    if not isinstance(node.value, str):
        return node.pos
    before = node.value[:offset]
    line = before.count("\n")
    if node.style == "|":
        col = len(before) - (before.rfind("\n") + 1)
        return Pos(node.pos.path, node.pos.line + 1 + line, node.indent + col + 1)
    if line == 0 and node.style is None:
        return Pos(node.pos.path, node.pos.line, node.pos.column + offset)
    if line == 0 and node.style in ("'", '"'):
        return Pos(node.pos.path, node.pos.line, node.pos.column + 1 + offset)
    return node.pos
