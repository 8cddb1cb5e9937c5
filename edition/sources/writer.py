"""The inverse of ``markup``: rich text and blocks written back as source markup.

Whatever writes a source (``edition import`` from a raw copy or from TEI,
``edition new``, ``edition init``) writes its text through these functions, so
that every character prints as it was meant: ``parse_blocks(write_blocks(b))``
gives the blocks ``b`` again (tests/test_writer.py holds it for any text).

* ``write_text(s)``: plain words, with every character that markup would read
  escaped (``\\{ \\} \\| \\\\``, and ``\\@`` or ``\\>`` where a block or line would
  otherwise start a role or a quotation);
* ``write_span(kind, args, children)``: ``{kind:arg|content}``, arguments escaped
  (``wrap`` does the same around content that is markup already);
* ``guard_block`` and ``quote_lines``: a block's start, a quotation's lines;
* ``write_inline(nodes)`` and ``write_blocks(blocks)``: whole trees;
* ``yaml_string(s)``: a value of the metadata in double quotes, in its own script (a title
  in Cyrillic stays readable), with escapes only where YAML needs them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

from edition.model.corpus import Block, Inline, Span, Text
from edition.sources.markup import BLOCK_ROLES, TAGS

_TEXT_SPECIAL = re.compile(r"[\\{}|]")
_ARG_SPECIAL = re.compile(r"[\\{}|:]")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_LINE_START_QUOTE = re.compile(r"(?m)^([ \t]*)>")


def write_text(text: str) -> str:
    """Plain words as markup: nothing in them will be read as a tag."""
    return _TEXT_SPECIAL.sub(lambda m: "\\" + m.group(), text)


def write_arg(arg: str) -> str:
    """A span's argument: also its colons escaped (the last argument of ``cite`` may keep them)."""
    return _ARG_SPECIAL.sub(lambda m: "\\" + m.group(), arg)


def wrap(kind: str, args: Sequence[str], content: str | None) -> str:
    """``{kind:arg:arg|content}`` around ``content``, which is markup already (``None``: no content)."""
    head = "{" + kind + "".join(":" + write_arg(a) for a in args)
    return head + "}" if content is None else head + "|" + content + "}"


def write_span(kind: str, args: Sequence[str], children: Sequence[Inline] = ()) -> str:
    """``{kind:arg:arg|content}``; the content is written when there is any or the tag needs it."""
    spec = TAGS.get(kind)
    content = write_inline(list(children))
    needed = bool(content) or (spec is not None and spec.content == "required")
    return wrap(kind, args, content if needed else None)


def write_inline(nodes: Iterable[Inline]) -> str:
    """Rich text as markup (a paragraph's text never holds a blank line: one is folded away)."""
    out = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(write_text(_BLANK_LINES.sub("\n", node.text)))
        elif isinstance(node, Span):
            out.append(write_span(node.kind, node.args, node.children))
    return "".join(out)


def guard_block(text: str) -> str:
    """Escape what would make a block a role (``@word``) or a quotation (``>`` on every line)."""
    if text.startswith("@"):
        text = "\\" + text
    return _LINE_START_QUOTE.sub(lambda m: m.group(1) + "\\>", text)


def write_block(block: Block) -> str:
    if block.kind == "quote":
        return quote_lines("\n\n".join(write_block(b) for b in block.blocks))
    text = write_inline(block.content).strip(" \t\n")
    if block.kind in BLOCK_ROLES:
        return f"@{block.kind} " + (guard_block(text) if text.startswith(">") else text)
    return guard_block(text)


def write_blocks(blocks: Iterable[Block]) -> str:
    """Blocks as a source's text: separated by blank lines."""
    return "\n\n".join(write_block(b) for b in blocks) + "\n"


def quote_lines(markup: str) -> str:
    """A quotation's blocks (markup already), each line marked with ``> ``."""
    return "\n".join("> " + line if line.strip() else ">" for line in markup.split("\n"))


def yaml_string(text: str) -> str:
    """``text`` as a YAML string in double quotes that reads back as ``text``: its letters as
    they are, whatever the script; a control character or a lone surrogate, which YAML cannot
    hold as it is, makes the whole string escaped."""
    printable = all(c in "\t\n" or (" " <= c <= "~") or ("\xa0" <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd") or c > "\uffff"
                    for c in text)
    return json.dumps(text, ensure_ascii=not printable)
