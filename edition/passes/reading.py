"""The order in which a reader meets the spans of a document, and where each stands.

Several decisions depend on what came before: a work is cited in full the first
time, in short after; an archival citation prints "ibid." after the same file.
They all walk a document the same way, defined here once: the headnote, then the
text, each note read where its anchor stands (after the anchor's lemma).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from edition.model.corpus import Block, Document, Inline, Span

SpanKey = tuple[str, int]  # (owner: a document id or "part:" + a part id, the span's uid)


@dataclass(frozen=True)
class Met:
    """A span as the reader meets it: in which ``stream`` (``headnote``, ``text`` or a note,
    ``note:SERIES:KEY``) it stands."""

    span: Span
    stream: str

    @property
    def in_note(self) -> bool:
        return self.stream.startswith("note:")


def part_key(part_id: str) -> str:
    """The owner of the spans of a part's headnote."""
    return f"part:{part_id}"


def reading(doc: Document) -> Iterator[Met]:
    """Every span of the document in reading order: the headnote, the text, the original's text."""
    yield from _blocks(doc, doc.headnote, "headnote")
    yield from _blocks(doc, doc.body, "text")
    if doc.original is not None:
        yield from _blocks(doc, doc.original.body, "original")


def _blocks(doc: Document | None, blocks: Iterable[Block], stream: str) -> Iterator[Met]:
    for block in blocks:
        yield from _inline(doc, block.content, stream)
        yield from _blocks(doc, block.blocks, stream)


def _inline(doc: Document | None, nodes: list[Inline], stream: str) -> Iterator[Met]:
    for node in nodes:
        if not isinstance(node, Span):
            continue
        yield Met(node, stream)
        yield from _inline(doc, node.children, stream)
        if doc is not None and node.kind == "n" and len(node.args) == 2 and not stream.startswith("note:"):
            # (an anchor inside a note is an error of the checks: not followed, it could lead back to its own note)
            note = doc.notes.get(node.args[0], {}).get(node.args[1])
            if note is not None:
                yield from _blocks(doc, note.content, f"note:{node.args[0]}:{node.args[1]}")


def reading_blocks(blocks: Iterable[Block], stream: str = "headnote") -> Iterator[Met]:
    """The spans of free-standing blocks (a part's headnote), in reading order."""
    yield from _blocks(None, blocks, stream)
