"""How the versions of a document line up: the alignment units of a translation and its original.

A unit is a run of blocks (paragraphs, the parts of a letter, quotations) of one version
that stands beside a run of the other. With no alignment points, block i of one version
stands beside block i of the other, and both must have as many blocks. An alignment
point ``{align:KEY}`` in a block starts a new unit there; the units of the two versions
are matched by their keys, which must come in the same order in both. The blocks before
the first point of each version form one unit more, matched with each other. A unit
that has as many blocks in both versions is split block by block, so that points are
needed only where the paragraphs differ.

``align(first, second)`` returns the units, or the places where the versions part.
A pure function of the model: ``edition check`` reports its problems, the plan
(``edition.passes.parallel``) keeps its units.
"""

from __future__ import annotations

from dataclasses import dataclass

from edition.model.corpus import Block, Span, walk_spans
from edition.model.diagnostics import Pos


@dataclass(frozen=True)
class Unit:
    """Blocks ``first[a:b]`` stand beside ``second[c:d]``; ``key`` the alignment point, or ""."""

    key: str
    first: tuple[int, int]
    second: tuple[int, int]


@dataclass(frozen=True)
class Parting:
    """Where two versions stop lining up: a message, and the place in each version."""

    message: str
    first: Pos
    second: Pos
    hint: str = ""


def points(block: Block) -> list[Span]:
    """The alignment points ``{align:KEY}`` of a block."""
    return [s for s in walk_spans([block]) if s.kind == "align" and s.args]


def _groups(blocks: list[Block]) -> list[tuple[str, int, int, Pos]]:
    """The runs of blocks that alignment points start: (key, start, end, position)."""
    starts: list[tuple[str, int, Pos]] = []
    for i, block in enumerate(blocks):
        found = points(block)
        if found:
            starts.append((found[0].args[0], i, found[0].pos))
    if not starts or starts[0][1] > 0:
        starts.insert(0, ("", 0, blocks[0].pos if blocks else Pos("", 1, 1)))
    ends = [s[1] for s in starts[1:]] + [len(blocks)]
    return [(key, start, end, pos) for (key, start, pos), end in zip(starts, ends, strict=True)]


def _where(blocks: list[Block], i: int, fallback: Pos) -> Pos:
    return blocks[i].pos if i < len(blocks) else (blocks[-1].pos if blocks else fallback)


def align(first: list[Block], second: list[Block], names: tuple[str, str] = ("translation", "original"),
          origin: tuple[Pos, Pos] = (Pos("", 1, 1), Pos("", 1, 1))) -> tuple[list[Unit], list[Parting]]:
    """The units of two versions, and every place where they do not line up."""
    g1, g2 = _groups(first), _groups(second)
    keyed = len(g1) > 1 or len(g2) > 1 or any(k for k, *_ in g1 + g2)
    if not keyed:
        return _one_to_one(first, second, names, origin)
    units: list[Unit] = []
    problems: list[Parting] = []
    keys1, keys2 = [k for k, *_ in g1], [k for k, *_ in g2]
    for key, pos in [(k, p) for k, _, _, p in g1 if k not in keys2]:
        problems.append(Parting(_unmatched(key, names), pos, _where(second, 0, origin[1]), _hint(key, names[1])))
    for key, pos in [(k, p) for k, _, _, p in g2 if k not in keys1]:
        problems.append(Parting(_unmatched(key, names[::-1]), _where(first, 0, origin[0]), pos, _hint(key, names[0])))
    common1 = [g for g in g1 if g[0] in keys2]
    common2 = [g for g in g2 if g[0] in keys1]
    for a, b in zip(common1, common2, strict=False):
        if a[0] != b[0]:
            problems.append(Parting(f"alignment points in another order: '{a[0]}' in the {names[0]}, '{b[0]}' in the {names[1]}",
                                    a[3], b[3], "the points must come in the same order in both versions"))
            break
        if (a[2] > a[1]) != (b[2] > b[1]):
            problems.append(Parting(f"the unit '{a[0] or 'before the first point'}' is empty in one version", a[3], b[3]))
        units += _pairs(Unit(a[0], (a[1], a[2]), (b[1], b[2])))
    return units, problems


def _pairs(unit: Unit) -> list[Unit]:
    """A unit whose runs have as many blocks in both versions, split block by block (the
    first keeps the point's key): points are needed only where the paragraphs differ."""
    (a, b), (c, d) = unit.first, unit.second
    if b - a != d - c or b - a < 2:
        return [unit]
    return [Unit(unit.key if i == 0 else "", (a + i, a + i + 1), (c + i, c + i + 1)) for i in range(b - a)]


def _unmatched(key: str, names: tuple[str, str]) -> str:
    if not key:
        return f"the {names[0]} has paragraphs before its first alignment point and the {names[1]} none"
    return f"alignment point '{key}' of the {names[0]} has none in the {names[1]}"


def _hint(key: str, other: str) -> str:
    if not key:
        return f"begin the {other}'s first paragraph too without a point, or put a point before these paragraphs"
    return f"write {{align:{key}}} where the {other} reaches that place"


def _one_to_one(first: list[Block], second: list[Block], names: tuple[str, str],
                origin: tuple[Pos, Pos]) -> tuple[list[Unit], list[Parting]]:
    units = [Unit("", (i, i + 1), (i, i + 1)) for i in range(min(len(first), len(second)))]
    if len(first) == len(second):
        return units, []
    # Where they part: the first pair of blocks of different kinds (a salutation beside a
    # paragraph), else the first block the shorter version lacks.
    at = next((i for i in range(min(len(first), len(second))) if first[i].kind != second[i].kind), min(len(first), len(second)))
    message = (f"the {names[0]} has {len(first)} paragraphs and the {names[1]} {len(second)}: "
               f"they part at paragraph {at + 1}")
    return units, [Parting(message, _where(first, at, origin[0]), _where(second, at, origin[1]),
                           "join or split paragraphs so that they correspond, or write alignment points {align:KEY} "
                           "at the start of the paragraphs that correspond")]
