"""The light inline markup of sources, parsed into the model's rich text.

Grammar (see docs/source-format.md for examples)::

    span    := "{" TAG (":" ARG)* ("|" CONTENT)? "}"
    TAG     := [a-z]+           one of the keys of TAGS
    escape  := "\\" one of  { } | : \\ @ >

A ``{`` that is not followed by a tag name and one of ``: | }`` is an ordinary
character, and so is a lone ``}`` or ``|`` outside a span: TeX-like input such
as ``\\input{/etc/passwd}`` stays literal text. ``{word}`` with a word that is
no tag is kept literally too, with a warning (it may be a misspelt ``{gap}``). Blocks are separated by blank lines; a
block whose lines start with ``>`` is a quotation, one that starts with
``@dateline``, ``@salute``, ``@closer``, ``@signed``, ``@postscript``,
``@lines`` or ``@heading`` is that part of a letter.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from edition.model.corpus import ADD_PLACES, Block, Inline, Span, Text
from edition.model.diagnostics import Diagnostic, Pos, did_you_mean, error, warning


@dataclass(frozen=True)
class TagSpec:
    """What a span kind takes: argument names (``?`` marks optional ones) and content."""

    args: tuple[str, ...]
    content: str  # "required" | "optional" | "none"
    doc: str
    colons_in_last: bool = False  # the last argument runs to "|" or "}", colons and all


    @property
    def min_args(self) -> int:
        return sum(1 for a in self.args if not a.endswith("?"))


TAGS: dict[str, TagSpec] = {
    "p": TagSpec(("person",), "optional", "a person mention: {p:zinoviev|Grisha}"),
    "pl": TagSpec(("place",), "optional", "a place mention: {pl:tbilisi|Tiflis}"),
    "n": TagSpec(("series", "key"), "optional", "a note anchor; with content, the content is the lemma: {n:editor:1}"),
    "sup": TagSpec((), "required", "text supplied by the editor: {sup|was}"),
    "del": TagSpec((), "required", "text deleted in the original: {del|firm}"),
    "add": TagSpec(("place?",), "required", "text added in the original: {add:above|not}"),
    "sic": TagSpec(("correct?",), "required", "so in the original: {sic|Anglo-Soviet}"),
    "gap": TagSpec(("extent?",), "none", "a gap or illegible passage: {gap:2 words}"),
    "unclear": TagSpec(("cert?",), "required", "an uncertain reading: {unclear|Stavsky}"),
    "corr": TagSpec(("original",), "required", "an error corrected, with the original form: {corr:formedical|for medical}"),
    "reg": TagSpec(("original",), "required", "a form regularized, with the original: {reg:Zinov'ev|Zinoviev}"),
    "em": TagSpec((), "required", "emphasis: {em|firm policy}"),
    "foreign": TagSpec(("language",), "required", "words in another language: {foreign:de|Parteitag}"),
    "cite": TagSpec(("key",), "optional", "a bibliography citation, content the locator: {cite:lenin-pss-22|vol. 22, p. 208}",
                    colons_in_last=True),  # keys such as bolzano:pb, as biblatex files write them
    "arch": TagSpec((), "required", "an archival citation: {arch|RGASPI f. 558, op. 1, d. 3263, l. 1}"),
    "ref": TagSpec(("document", "series-or-line?", "key?"), "optional",
                   "a cross-reference: {ref:DOC}, {ref:DOC:editor:3} (a note), {ref:DOC:line:KEY} (a line marked {lbl:KEY})"),
    "lbl": TagSpec(("key",), "none", "marks a line that cross-references can name: {lbl:firm-policy}"),
    "nx": TagSpec(("reason?",), "required", "a name deliberately left out of the index: {nx|Ilya Muromets}"),
    "align": TagSpec(("key",), "none", "an alignment point of the versions of a text, at the start of a paragraph: {align:3}"),
}

# A paragraph that 'edition import' could not place: kept, and reported by 'edition check' as an error.
UNPLACED = "unplaced"
BLOCK_ROLES = ("dateline", "salute", "closer", "signed", "postscript", "lines", "heading", "notgiven")
MAX_DEPTH = 16
_TAG = re.compile(r"\{([a-z]+)(?=[:|}])")
_ESCAPABLE = set("{}|:\\@>")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_ROLE = re.compile(r"@([a-z]+)(?:[ \t]+|\n|$)")

PosAt = Callable[[int], Pos]


def text_positions(text: str, origin: Pos) -> PosAt:
    """Positions of offsets in ``text``, which starts at ``origin`` in its file."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def pos_at(offset: int) -> Pos:
        line = bisect.bisect_right(starts, offset) - 1
        col = offset - starts[line] + 1
        return Pos(origin.path, origin.line + line, (origin.column - 1 if line == 0 else 0) + col)

    return pos_at


_PLAIN = re.compile(r"[^\\{}]+")


class _Run:
    """The plain text read since the last span: its pieces and where it began."""

    __slots__ = ("parser", "out", "buf", "start")

    def __init__(self, parser: _InlineParser, start: int) -> None:
        self.parser = parser
        self.out: list[Inline] = []
        self.buf: list[str] = []
        self.start = start

    def add(self, at: int, text: str) -> None:
        if not self.buf:
            self.start = at
        self.buf.append(text)

    def flush(self, at: int) -> None:
        """End the run at ``at``: its text becomes one Text node, with the indent of its continuation lines."""
        if self.buf:
            s, pos_at = self.parser.s, self.parser.pos_at
            newline = s.find("\n", self.start, at)
            indent = pos_at(newline + 1).column - 1 if 0 <= newline < at - 1 else 0
            self.out.append(Text("".join(self.buf), pos_at(self.start), indent))
        self.buf = []
        self.start = at


class _InlineParser:
    def __init__(self, text: str, pos_at: PosAt) -> None:
        self.s = text
        self.pos_at = pos_at
        self.diags: list[Diagnostic] = []

    def parse(self, i: int, end: int, depth: int = 0, closing: bool = False) -> tuple[list[Inline], int]:
        """Parse from ``i``; stop at ``end``, or at an unescaped ``}`` when ``closing``."""
        run = _Run(self, i)
        s = self.s
        literal = 0  # '{' printed as written and not yet matched by a '}'
        while i < end:
            plain = _PLAIN.match(s, i, end)
            if plain:  # a run of characters that are never markup, taken at once
                run.add(i, plain.group())
                i = plain.end()
                continue
            c = s[i]
            if c == "\\" and i + 1 < end and s[i + 1] in _ESCAPABLE:
                run.add(i, s[i + 1])
                i += 2
                continue
            if c == "}":
                if literal:  # the end of a '{' that is no markup ('{\\"o}'): printed as written
                    literal -= 1
                elif closing:
                    run.flush(i)
                    return run.out, i
                else:
                    self.diags.append(error(self.pos_at(i), "this '}' closes nothing: no markup is open here",
                                            "remove it, or write \\} for a brace that prints"))
            elif c == "{":
                m = self._tag_at(i, end)
                if m:
                    run.flush(i)
                    span, i = self._span(m, end, depth)
                    run.out.append(span)
                    continue
                literal += 1
            run.add(i, c)
            i += 1
        run.flush(i)
        return run.out, i

    def _tag_at(self, i: int, end: int) -> re.Match[str] | None:
        """The tag of the span that opens at the ``{`` at ``i``, or None for a brace that prints as written.
        "{word}" of an unknown word is TeX-like text, kept literally, with a warning."""
        m = _TAG.match(self.s, i, end)
        if m and m.group(1) not in TAGS and self.s[m.end()] == "}":
            self.diags.append(warning(self.pos_at(i), f"'{{{m.group(1)}}}' is not markup and prints as written",
                                      "write \\{ to mark a literal brace, or use a known tag: "
                                      + (_tag_hint(m.group(1)) or _TAG_LIST)))
            return None
        return m

    def _span(self, m: re.Match[str], end: int, depth: int) -> tuple[Span, int]:
        """The span whose tag ``m`` matched, and the offset after its closing ``}``."""
        start, tag = m.start(), m.group(1)
        pos = self.pos_at(start)
        if depth >= MAX_DEPTH:
            self.diags.append(error(pos, f"markup nested more than {MAX_DEPTH} levels deep"))
        spec = TAGS.get(tag)
        args, i = self._args(m.end(), end, spec)
        children: list[Inline] = []
        has_content = i < end and self.s[i] == "|"
        if has_content:
            if depth < MAX_DEPTH:
                children, i = self.parse(i + 1, end, depth + 1, closing=True)
            else:
                i = self._skip_to_close(i + 1, end)
        if i >= end or self.s[i] != "}":
            opened = "{" + ":".join([tag, *args])
            self.diags.append(error(pos, f"'{opened}' is not closed: the markup opened here runs on to the end of the paragraph",
                                    "close it with '}' where it ends (a blank line ends a paragraph), or write \\{ for a brace that prints"))
            return Span(tag, args, children, pos), end
        if spec is None:
            hint = _tag_hint(tag) or "known tags: " + ", ".join(sorted(TAGS))
            self.diags.append(error(pos, f"unknown markup tag '{tag}'", hint))
        else:
            self._check_usage(tag, spec, args, children if has_content else None, pos)
        return Span(tag, args, children, pos), i + 1

    def _args(self, i: int, end: int, spec: TagSpec | None) -> tuple[list[str], int]:
        """The ``:``-separated arguments of a span from ``i`` (after its tag), and the offset after them."""
        s = self.s
        args: list[str] = []
        while i < end and s[i] == ":":
            i += 1
            arg: list[str] = []
            last = spec is not None and spec.colons_in_last and len(args) + 1 == len(spec.args)
            while i < end and (s[i] not in ":|}" or (last and s[i] == ":")):
                if s[i] == "\\" and i + 1 < end and s[i + 1] in _ESCAPABLE:
                    i += 1
                elif s[i] == "{":
                    break
                arg.append(s[i])
                i += 1
            args.append("".join(arg).strip())
        return args, i

    def _check_usage(self, tag: str, spec: TagSpec, args: list[str], content: list[Inline] | None, pos: Pos) -> None:
        """The arguments and content of a closed span of a known tag, against what the tag takes
        (``content`` is None for a span without '|')."""
        usage = f"usage: {spec.doc.split(': ', 1)[-1]}"
        if tag == "add" and args and args[0] and args[0] not in ADD_PLACES:
            self.diags.append(error(pos, f"'{args[0]}' is not a place of an addition",
                                    did_you_mean(args[0], ADD_PLACES) or "the places: " + ", ".join(ADD_PLACES)))
        if len(args) < spec.min_args or len(args) > len(spec.args):
            want = spec.min_args if spec.min_args == len(spec.args) else f"{spec.min_args} to {len(spec.args)}"
            self.diags.append(error(pos, f"'{tag}' takes {want} argument(s), got {len(args)}", usage))
        elif any(not a for a in args[: spec.min_args]):
            self.diags.append(error(pos, f"'{tag}' has an empty argument", usage))
        if spec.content == "required" and not (content is not None and _text_of(content).strip()):
            self.diags.append(error(pos, f"'{tag}' needs content after '|'", usage))
        if spec.content == "none" and content is not None:
            self.diags.append(error(pos, f"'{tag}' takes no content", usage))
        if spec.content == "optional" and content is not None and args and all(isinstance(n, Text) and not n.text.strip() for n in content):
            plain = "{" + ":".join([tag, *args]) + "}"
            what = {"p": "it prints no words", "pl": "it prints no words", "cite": "an empty locator"}.get(tag, "an empty content")
            self.diags.append(warning(pos, f"nothing follows the '|' of '{tag}': {what}",
                                      f"write the words after the '|', or leave the '|' out: {plain}"))

    def _skip_to_close(self, i: int, end: int) -> int:
        level = 1
        while i < end:
            if self.s[i] == "\\":
                i += 2
                continue
            if self.s[i] == "{":
                level += 1
            elif self.s[i] == "}":
                level -= 1
                if level == 0:
                    return i
            i += 1
        return end


def _text_of(nodes: list[Inline]) -> str:
    return "".join(n.text if isinstance(n, Text) else _text_of(n.children) for n in nodes)


def plain_text(nodes: list[Inline]) -> str:
    """The words of a rich-text tree as they would print, markup removed."""
    return _text_of(nodes)


def parse_inline(text: str, pos_at: PosAt) -> tuple[list[Inline], list[Diagnostic]]:
    parser = _InlineParser(text, pos_at)
    nodes, _ = parser.parse(0, len(text))
    return nodes, _capped(parser.diags)


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 60 else flat[:57] + "..."


def parse_blocks(text: str, pos_at: PosAt) -> tuple[list[Block], list[Diagnostic]]:
    """Split ``text`` into blocks at blank lines and parse each one's inline markup."""
    diags: list[Diagnostic] = []
    blocks = _blocks(text, 0, len(text), pos_at, diags, depth=0)
    return blocks, _capped(diags)


MAX_QUOTE_DEPTH = 16
MAX_BLOCKS = 20_000  # paragraphs in one text: a book's worth; more is a source to split (and parses in seconds)


_TAG_LIST = ", ".join(sorted(TAGS))
MAX_PROBLEMS = 200  # of one text: then a line saying how many more


def _capped(diags: list[Diagnostic]) -> list[Diagnostic]:
    """The first ``MAX_PROBLEMS`` diagnostics of a text, and one more that counts the rest."""
    if len(diags) <= MAX_PROBLEMS:
        return diags
    rest = diags[MAX_PROBLEMS:]
    return diags[:MAX_PROBLEMS] + [(error if any(d.is_error for d in rest) else warning)(
        rest[0].pos, f"{len(rest)} more problems in this text after these {MAX_PROBLEMS}", "fix these first")]


# Words a writer may use for a tag: the hint names the tag they mean.
_TAG_WORDS = {"note": "n", "footnote": "n", "person": "p", "pers": "p", "name": "p", "place": "pl", "label": "lbl",
              "emph": "em", "i": "em", "it": "em", "italic": "em", "b": "em", "bold": "em", "supplied": "sup", "supply": "sup",
              "deleted": "del", "delete": "del", "strike": "del", "added": "add", "ins": "add", "insert": "add",
              "reference": "ref", "link": "ref", "xref": "ref", "citation": "cite", "archive": "arch", "noindex": "nx",
              "correction": "corr", "choice": "corr", "regularized": "reg", "illegible": "gap", "lang": "foreign"}


@functools.lru_cache(maxsize=1024)
def _tag_hint(word: str) -> str:
    meant = _TAG_WORDS.get(word)
    if meant:
        return f"did you mean '{meant}'? ({TAGS[meant].doc})"
    return did_you_mean(word, TAGS)


def _shifted(pos_at: PosAt, start: int) -> PosAt:
    """Positions in a piece of a text that begins at ``start`` of it."""
    return lambda offset: pos_at(start + offset)


def _blocks(text: str, start: int, end: int, pos_at: PosAt, diags: list[Diagnostic], depth: int) -> list[Block]:
    blocks: list[Block] = []
    cuts = [(m.start(), m.end()) for m in _BLANK_LINE.finditer(text, start, end)]
    bounds = [start] + [e for _, e in cuts]
    stops = [s for s, _ in cuts] + [end]
    if len(bounds) > MAX_BLOCKS:
        diags.append(error(pos_at(bounds[MAX_BLOCKS]), f"more than {MAX_BLOCKS} paragraphs in one text; the rest is not read",
                           "split the document into several sources"))
        bounds, stops = bounds[:MAX_BLOCKS], stops[:MAX_BLOCKS]
    for b, e in zip(bounds, stops, strict=True):
        while b < e and text[b] in " \t\n":
            b += 1
        while e > b and text[e - 1] in " \t\n":
            e -= 1
        if b >= e:
            continue
        lines = [line for line in text[b:e].split("\n") if line.strip()]
        if lines and all(line.lstrip(" \t").startswith(">") for line in lines):
            if depth >= MAX_QUOTE_DEPTH:
                diags.append(error(pos_at(b), f"quotations nested more than {MAX_QUOTE_DEPTH} levels deep",
                                   "a quotation in a quotation is set as one level; remove the extra '>'"))
                continue
            # Blank out the quote markers: columns, and so positions, stay exact.
            masked = re.sub(r"(?m)^([ \t]*)>[ \t]?", lambda m: " " * len(m.group()), text[b:e])
            blocks.append(Block("quote", [], pos_at(b), _blocks(masked, 0, len(masked), _shifted(pos_at, b), diags, depth + 1)))
            continue
        kind = "p"
        role = _ROLE.match(text, b, e)
        if role:
            if role.group(1) == UNPLACED:  # marked by 'edition import': never printable as it stands
                b = role.end()
                diags.append(error(pos_at(b), f"unplaced material left by 'edition import': '{_preview(text[b:e])}'",
                                   "move it where it belongs (the text, a note, the metadata) or delete the paragraph; "
                                   "see docs/import.md"))
            elif role.group(1) in BLOCK_ROLES:
                kind = role.group(1)
                b = role.end()
            else:
                diags.append(error(pos_at(b), f"unknown block role '@{role.group(1)}'",
                                   did_you_mean(role.group(1), BLOCK_ROLES) or "roles: " + ", ".join(BLOCK_ROLES)))
        parser = _InlineParser(text, pos_at)
        nodes, _ = parser.parse(b, e)
        diags.extend(parser.diags)
        blocks.append(Block(kind, nodes, pos_at(b)))
    return blocks
