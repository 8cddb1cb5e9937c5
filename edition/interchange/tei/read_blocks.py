"""Reading TEI: paragraphs, letter parts, quotations and lines as blocks of markup."""

from __future__ import annotations

from typing import Any

from lxml import etree

from edition.interchange.tei.read_base import BLOCK_IN_P, SKIP, Item, MBlock, items, local, normal, normal_lines
from edition.interchange.tei.read_inline import InlineReader


class Reader(InlineReader):
    def blocks_of(self, container: etree._Element) -> list[MBlock]:
        out: list[MBlock] = []
        pending: list[Item] = []

        def flush() -> None:
            text = normal(self.inline(pending))
            if text:
                out.append(MBlock("p", text))
            pending.clear()

        for item in items(container):
            if isinstance(item, str):
                if item.strip() or pending:
                    pending.append(item)
                continue
            name = local(item)
            if name == "note" and not pending and out:
                if item not in self.consumed:
                    out[-1].text += self.inline_note(item)
                continue
            handler = self.block_handler(name)
            if handler is None:
                if name not in SKIP:
                    pending.append(item)
                continue
            flush()
            out.extend(handler(item))
        flush()
        return out

    def block_handler(self, name: str) -> Any:
        return {
            "div": self.blocks_of, "body": self.blocks_of, "floatingText": self.blocks_of, "front": self.blocks_of,
            "group": self.blocks_of, "p": self.paragraph, "ab": self.paragraph,
            "head": lambda e: [MBlock("heading", normal(self.inline(items(e))))],
            "opener": lambda e: self.letter_part(e, "opener"), "closer": lambda e: self.letter_part(e, "closer"),
            "postscript": self.postscript, "dateline": self.role, "salute": self.role, "signed": self.role,
            "byline": self.lines, "docAuthor": self.paragraph, "docDate": self.paragraph,
            "quote": self.quotation, "cit": self.quotation, "lg": self.lines, "list": self.lines,
            "address": self.lines, "table": self.lines, "trailer": self.paragraph, "epigraph": self.quotation,
        }.get(name)

    def role(self, el: etree._Element, place: str = "") -> list[MBlock]:
        kind = local(el)
        if kind == "salute" and (place == "closer" or el.get("type") == "closer"):
            kind = "closer"
        return [MBlock(kind, normal(self.inline(items(el))))]

    def paragraph(self, el: etree._Element) -> list[MBlock]:
        """A paragraph; a signature or other block written inside it becomes a block of its own."""
        out: list[MBlock] = []
        pending: list[Item] = []

        kind = "notgiven" if el.get("type") == "not-given" else "p"  # a passage of a version not given

        def flush() -> None:
            if text := normal(self.inline(pending)):
                out.append(MBlock(kind, text))
            pending.clear()

        for item in items(el):
            handler = None if isinstance(item, str) or local(item) not in BLOCK_IN_P else self.block_handler(local(item))
            if handler is None:
                pending.append(item)
                continue
            flush()
            out.extend(handler(item))
        flush()
        return out

    def letter_part(self, el: etree._Element, place: str) -> list[MBlock]:
        out: list[MBlock] = []
        pending: list[Item] = []

        def flush() -> None:
            if place == "opener":
                text = normal_lines(self.inline(pending, lines=True))
            else:
                text = normal(self.inline(pending))
            if text:
                out.append(MBlock("lines" if place == "opener" else "closer", text))
            pending.clear()

        for item in items(el):
            name = "" if isinstance(item, str) else local(item)
            if name in ("salute", "dateline", "signed"):
                flush()
                out.extend(self.role(item, place))
            elif name == "seg" and not isinstance(item, str) and item.get("type") == "closer":
                flush()
                out.append(MBlock("closer", normal(self.inline(items(item)))))
            elif name in ("address", "byline", "lg", "list", "p", "ab"):
                flush()
                handler = self.block_handler(name)
                out.extend(handler(item) if handler else [])
            elif not isinstance(item, str) or item.strip() or pending:
                pending.append(item)
        flush()
        return out

    def postscript(self, el: etree._Element) -> list[MBlock]:
        return [MBlock("postscript", b.text) if b.kind == "p" else b for b in self.blocks_of(el)]

    def quotation(self, el: etree._Element) -> list[MBlock]:
        inner = self.blocks_of(el)
        return [MBlock("quote", blocks=inner)] if inner else []

    def lines(self, el: etree._Element) -> list[MBlock]:
        text = normal_lines(self.inline(items(el), lines=True))
        return [MBlock("lines", text)] if text else []


