"""Positions of offsets in a text node, found in logarithmic time.

A check that reports many places in one long text (every long word, every untagged
name) must not count the lines before each place afresh: on a megabyte that is
quadratic. ``positions(text)`` counts them once."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from edition.model.corpus import Text
from edition.model.diagnostics import Pos


def positions(text: Text) -> Callable[[int], Pos]:
    """The source position of each offset of ``text`` (continuation lines start at its indent)."""
    starts: list[int] = []

    def pos_at(offset: int) -> Pos:
        if not starts:
            starts.append(0)
            starts.extend(i + 1 for i, c in enumerate(text.text) if c == "\n")
        line = bisect.bisect_right(starts, offset) - 1
        if line == 0:
            return Pos(text.pos.path, text.pos.line, text.pos.column + offset)
        return Pos(text.pos.path, text.pos.line + line, text.indent + offset - starts[line] + 1)

    return pos_at
