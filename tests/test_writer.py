"""The markup writer is the parser's inverse: what it writes parses back to the same tree."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from edition.model.corpus import Block, Inline, Span, Text
from edition.model.diagnostics import Pos
from edition.sources.markup import parse_blocks, text_positions
from edition.sources.writer import write_blocks, write_span, write_text

ORIGIN = Pos("x.md", 1, 1)


def parse(text: str) -> list[Block]:
    blocks, _diags = parse_blocks(text, text_positions(text, ORIGIN))
    return blocks


def shape(nodes: list[Inline]) -> list[Any]:
    """The tree without positions, adjacent texts joined."""
    out: list[Any] = []
    for n in nodes:
        if isinstance(n, Text):
            if out and isinstance(out[-1], str):
                out[-1] += n.text
            else:
                out.append(n.text)
        elif isinstance(n, Span):
            out.append((n.kind, tuple(n.args), tuple(shape(n.children))))
    return out


def block_shape(blocks: list[Block]) -> list[Any]:
    return [(b.kind, tuple(shape(b.content)), tuple(block_shape(b.blocks))) for b in blocks]


def test_specials_in_words_are_written_so_they_print() -> None:
    words = r"a {p:lenin|x} b | c } \ d {"
    [block] = parse(write_text(words))
    assert shape(block.content) == [words]


def test_a_span_keeps_its_arguments_with_colons_and_bars() -> None:
    written = write_span("corr", ["form:ed|x"], [Text("for medical", ORIGIN)])
    [block] = parse(written)
    assert shape(block.content) == [("corr", ("form:ed|x",), ("for medical",))]


def test_a_line_that_would_start_a_role_or_a_quotation_stays_text() -> None:
    blocks = [Block("p", [Text("@signed is not a role", ORIGIN)], ORIGIN),
              Block("p", [Text("> not a quotation\n> either", ORIGIN)], ORIGIN)]
    assert block_shape(parse(write_blocks(blocks))) == block_shape(blocks)


# Source text made of the characters markup cares about, and words.
_PIECES = st.sampled_from(["{", "}", "|", ":", "\\", "@", ">", "\n", "\n\n", " ", "a", "word", "{p:lenin|",
                           "{n:editor:1}", "{em|", "{sup|x}", "@signed ", "> ", "{cite:a:b|p. 3}", "{gap}", "é"])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_writing_what_was_parsed_gives_the_same_tree(source: str) -> None:
    first = parse(source)
    again = parse(write_blocks(first))
    assert block_shape(again) == block_shape(first)
