"""Which cross-references and citations stand inside a parenthesis of the prose around them.

A press never sets parentheses inside parentheses. A reference to a note or a line names its
page, "note 3 (p. 45)" in running prose but "(see no. 21, …, note 1, p. 50)" inside a
parenthesis; a citation's own parentheses, "(Moscow, 1924)", become brackets there,
"(see Stalin, *Works* [Moscow, 1924])", as the Chicago Manual has it (6.101). Decided here
once; the citation forms are changed in the plan, so every output prints the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pybtex.richtext import BaseMultipartText, String

from edition.model.corpus import Block, Corpus, Document, Inline, Span, Text
from edition.passes.reading import SpanKey, part_key

_KINDS = ("ref", "cite")


def bracketed(corpus: Corpus, printed: Iterable[Document]) -> frozenset[SpanKey]:
    """The ``{ref}`` and ``{cite}`` spans that stand inside an open parenthesis of their paragraph."""
    out: set[SpanKey] = set()
    for doc in printed:
        note_texts = [note.content for notes in doc.notes.values() for note in notes.values()]
        for blocks in (doc.headnote, doc.body, *note_texts):
            _blocks(blocks, doc.id, out)
    for part in corpus.config.parts:
        _blocks(part.headnote, part_key(part.id), out)
    return frozenset(out)


def _blocks(blocks: Iterable[Block], owner: str, out: set[SpanKey]) -> None:
    for block in blocks:
        _inline(block.content, owner, out, 0)  # a parenthesis never runs on into the next paragraph
        _blocks(block.blocks, owner, out)


def _inline(nodes: Iterable[Inline], owner: str, out: set[SpanKey], depth: int) -> int:
    for node in nodes:
        if isinstance(node, Text):
            for ch in node.text:
                depth = depth + 1 if ch == "(" else max(depth - 1, 0) if ch == ")" else depth
        elif isinstance(node, Span):
            if node.kind in _KINDS:
                if depth:
                    out.add((owner, node.uid))
            else:
                depth = _inline(node.children, owner, out, depth)
    return depth


_SQUARE = str.maketrans("()", "[]")


def squared(text: Any) -> Any:
    """A citation's rich text (pybtex's, or a plain string) with its parentheses made brackets."""
    if isinstance(text, str):
        return text.translate(_SQUARE)
    if isinstance(text, String):
        return String(text.value.translate(_SQUARE))
    if isinstance(text, BaseMultipartText):
        return text._create_similar([squared(part) for part in text.parts])  # keeps a Tag's name, an HRef's address
    return text
