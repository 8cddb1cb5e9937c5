"""PyYAML's and libyaml's parse errors said in a historian's words, at the place of the mistake.

A YAML parser reports where it gave up, which is often a line or two after the mistake,
in the grammar's terms ("expected <block end>, but found '<scalar>'"). ``explain`` looks at
the text for the common mistakes and says what they are where they stand:

* a quotation mark that is never closed, said where it opened;
* an apostrophe that ends a value in single quotes (``'Herzen's letter'``), or a quotation
  mark that ends one in double quotes;
* a colon and a space inside a value that is not quoted;
* a line indented unlike the lines above it ("by 3 spaces, the lines above by 2 or 4");
* the text of a ``|`` block not indented under its key;
* a key without its colon (a sentence without one: text written among the keys);
* a key indented under a key that has its value already, or a first key indented further than those after it;
* a line that begins with '@' or '`', which YAML keeps for itself;
* a list ``[`` or a mapping ``{`` that is never closed, or a ``}`` or ``]`` that closes nothing;
* a ``|`` alone on its line;
* a key indented unlike the keys of its own mapping;
* a tab.

What none of them explains is said with the parser's words in brackets and a hint of what to look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.sources.writer import yaml_string


@dataclass(frozen=True)
class Explained:
    line: int  # 0-based, in the text parsed
    column: int  # 0-based
    message: str
    hint: str


Mark = tuple[int, int]  # (line, column), 0-based

_KEY = re.compile(r"^(\s*)(?:-\s+)?(?:\"[^\"]*\"|'[^']*'|[^\s#'\"\[{][^#]*?):(?:\s|$)")
_BLOCK = re.compile(r":\s*[|>][-+0-9]*\s*(#.*)?$")
_VALUE_START = re.compile(r"(?:^\s*(?:-\s+)?|:\s+|[\[{,]\s*|-\s+)$")


def explain(text: str, problem: str, at: Mark | None, context: str, context_at: Mark | None, line_offset: int = 0) -> Explained | None:
    """The mistake behind a parse error, or None when it is none of the known ones; the lines
    its words name are counted in the file (``line_offset`` lines before the text)."""
    lines = text.split("\n")
    last = at[0] if at else len(lines) - 1
    for rule in (_quotes, _colon, _block_text, _missing_colon, _reserved, _document_start, _flow, _indentation):
        found = rule(lines, problem, at, context, context_at, last)
        if found is not None:
            def lines_named(said: str, found: Explained = found) -> str:
                said = said.replace("{line}", str(found.line + 1 + line_offset))
                return re.sub(r"\{line_of:(\d+)\}", lambda m: str(int(m[1]) + 1 + line_offset), said)

            return Explained(found.line, found.column, lines_named(found.message), lines_named(found.hint))
    return None


def _quotes(lines: list[str], problem: str, at: Mark | None, context: str, context_at: Mark | None, last: int) -> Explained | None:
    if "quoted scalar" in context and context_at is not None and context_at[0] < len(lines) \
            and _closing(lines[context_at[0]], context_at[1]) < 0:
        return _unclosed(lines, *context_at)
    n = 0
    while n <= min(last, len(lines) - 1):
        found = _quote_on_line(lines, n)
        if found is not None and found.message.startswith("the ") and not _closed_before(lines, found, last):
            return found
        if found is not None and not found.message.startswith("the "):
            return found
        n += 1
    return None


def _closed_before(lines: list[str], opened: Explained, last: int) -> bool:
    """True if a quotation left open on its line closes on a later line before the one the
    parser gave up on: a value in quotes over several lines, which YAML allows."""
    q = lines[opened.line][opened.column]
    for m in range(opened.line + 1, min(last, len(lines))):
        text = lines[m]
        if q == '"':
            text = re.sub(r'\\.', "", text)
        else:
            text = text.replace("''", "")
        if q in text:
            return True
    return False


def _quote_on_line(lines: list[str], n: int) -> Explained | None:
    line = lines[n]
    i = 0
    while i < len(line):
        c = line[i]
        if c == "#" and (i == 0 or line[i - 1] in " \t"):
            return None
        if c in "\"'" and _VALUE_START.search(line[:i]):
            end = _closing(line, i)
            if end < 0:
                return _unclosed(lines, n, i)
            rest = line[end + 1 :].split(" #", 1)[0].strip()
            if rest and rest[0] not in ",]}:":
                return _ended_early(line, n, i, end)
            i = end + 1
            continue
        i += 1
    return None


def _closing(line: str, start: int) -> int:
    q = line[start]
    i = start + 1
    while i < len(line):
        if q == '"' and line[i] == "\\":
            i += 2
            continue
        if line[i] == q:
            if q == "'" and line[i + 1 : i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return -1


def _unclosed(lines: list[str], n: int, col: int) -> Explained:
    mark = "quotation mark" if lines[n][col : col + 1] == '"' else "quote (')"
    return Explained(n, col, f"the {mark} opened on line {{line}}, column {col + 1} is never closed",
                     f"end the value with {lines[n][col:col + 1] or 'the same mark'} on the same line")


def _ended_early(line: str, n: int, start: int, end: int) -> Explained:
    if line[start] == "'":
        return Explained(n, end, f"this apostrophe ends the value quoted with ' at column {start + 1}, and the rest of the line is left over",
                         "inside '...' write an apostrophe twice (''), or write the value so: "
                         + yaml_string(line[start + 1:].rstrip().rstrip(chr(39))))
    return Explained(n, end, f"this quotation mark ends the value quoted at column {start + 1}, and the rest of the line is left over",
                     f"inside \"...\" write a quotation mark as \\\", or write the value so: {yaml_string(line[start:].rstrip())}")


def _colon(lines: list[str], problem: str, at: Mark | None, context: str, context_at: Mark | None, last: int) -> Explained | None:
    if "mapping values are not allowed" not in problem or at is None:
        return None
    if (cause := _colon_cause(lines, at[0])) is not None:
        return cause
    line = lines[at[0]]
    key = _KEY.match(line)
    value = re.sub(r"\s+#.*$", "", line[key.end():] if key else line).strip()  # a comment after it stays a comment
    return Explained(at[0], at[1], "a ':' followed by a space inside a value that is not in quotes: YAML takes it for a new key",
                     f"put the value in quotes: {yaml_string(value)}" if value else "put the value in double quotes")


def _colon_cause(lines: list[str], n: int) -> Explained | None:
    """What a key that YAML reads as a colon inside a value stands for: a key indented under a key
    that already has its value, or a line above it with no colon, whose words run on into it."""
    keys = [k for k in _key_lines(lines, n) if k < n]
    if not keys or not _KEY.match(lines[n]):
        return None
    above = keys[-1]
    key = _KEY.match(lines[above])
    if key is not None and _indent(lines[n]) > _indent(lines[above]):
        value = lines[above][key.end():].strip()
        if value and not value.startswith("#") and not _BLOCK.search(lines[above]):
            return Explained(n, _indent(lines[n]), f"this line is indented by {_spaces(_indent(lines[n]))}, under a key that has "
                             f"its value already (line {{line_of:{above}}}, indented by {_spaces(_indent(lines[above]))})",
                             "a key lines up with the other keys of its mapping: indent it like the key it stands beside")
    if key is None and _indent(lines[above]) == _indent(lines[n]) and not lines[above].lstrip().startswith(("- ", "#")):
        return _no_colon(above, _indent(lines[above]), lines[above].strip())
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_lines(lines: list[str], upto: int) -> list[int]:
    """The lines before ``upto`` that hold keys or list items (not the text of a '|' block)."""
    out: list[int] = []
    block_at = -1  # the indentation of the key whose '|' text is being read
    for n in range(upto):
        line = lines[n]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if block_at >= 0 and _indent(line) > block_at:
            continue
        block_at = -1
        out.append(n)
        if _BLOCK.search(line):
            block_at = _indent(line)
    return out


def _block_text(lines: list[str], problem: str, at: Mark | None, context: str, context_at: Mark | None, last: int) -> Explained | None:
    """A line of a '|' text that is not indented under its key (it reads as a key without ':')."""
    start = context_at if context_at is not None and "simple key" in context else at
    if start is None or start[0] >= len(lines):
        return None
    n = start[0]
    if "could not find expected ':'" not in problem and _KEY.match(lines[n]):  # a key out of line: _indentation's
        return None
    keys = _key_lines(lines, n)
    if not keys or not _BLOCK.search(lines[keys[-1]]) or _indent(lines[n]) > _indent(lines[keys[-1]]):
        return None
    key = keys[-1]
    text = [_indent(lines[k]) for k in range(key + 1, n) if lines[k].strip()]
    said = f"the text by {_spaces(text[0])}" if text else f"its key by {_spaces(_indent(lines[key]))}"
    return Explained(n, _indent(lines[n]), f"this line is not indented like the text after '|' on line {{line_of:{key}}}: "
                     f"it is indented by {_spaces(_indent(lines[n]))}, {said}",
                     f"indent every line of the text alike, by more than its key: {text[0] if text else _indent(lines[key]) + 2} spaces")


def _missing_colon(lines: list[str], problem: str, at: Mark | None, context: str, context_at: Mark | None, last: int) -> Explained | None:
    if "could not find expected ':'" not in problem or context_at is None:
        return None
    n, col = context_at
    return _no_colon(n, col, lines[n].strip())


def _no_colon(n: int, col: int, words: str) -> Explained:
    parts = words.split()
    if len(parts) >= 4 and not words.rstrip().endswith(":"):  # a sentence, not a key that lost its colon
        hint = ("a line here is a key, a colon and a space, then the value; words of a text go under a key after '|', "
                "indented by more than it, or, in a source file, below the '---' that ends its metadata")
    else:
        hint = "write the key, a colon and a space, then the value: " + (f"'{parts[0]}: {' '.join(parts[1:])}'" if len(parts) > 1 else "'key: value'")
    return Explained(n, col, f"'{words}' has no ':' after its key", hint)


def _document_start(lines: list[str], problem: str, at: Mark | None, context: str, context_at: Mark | None, last: int) -> Explained | None:
    """Keys at the left margin after a first key indented further, or after a line with no key: YAML
    took the file for one value that ends before them ("expected <document start>")."""
    if not re.search(r"expected '?<document start>", problem) or at is None or at[0] >= len(lines):
        return None
    first = next((k for k in _key_lines(lines, at[0]) if lines[k].strip()), None)
    if first is None:
        return None
    if not _KEY.match(lines[first]):
        return _no_colon(first, _indent(lines[first]), lines[first].strip())
    if _indent(lines[first]) > _indent(lines[at[0]]):
        return Explained(first, 0, f"the first key is indented by {_spaces(_indent(lines[first]))}, the keys after it by "
                         f"{_spaces(_indent(lines[at[0]]))} (line {{line_of:{at[0]}}})",
                         "the keys of the top level begin at the left margin: take away the spaces before this one")
    return None


def _reserved(lines: list[str], problem: str, at: Mark | None, context: str, context_at: Mark | None, last: int) -> Explained | None:
    """A key or a value that begins with '@' or '`', which YAML keeps for itself."""
    if "cannot start any token" not in problem or at is None or at[0] >= len(lines):
        return None
    n, col = at
    char = lines[n][col:col + 1]
    if char not in ("@", "`"):
        return None
    key = _KEY.match(lines[n])
    if key is not None and key.end() <= col:
        return Explained(n, col, f"a value that begins with '{char}' must be in quotes (YAML keeps '{char}' for itself)",
                         f"write the value so: {yaml_string(lines[n][col:].rstrip())}")
    return Explained(n, col, f"a line that begins with '{char}' is no key of the metadata (YAML keeps '{char}' for itself)",
                     "a line of the document's text (such as '@signed' or '@salute') goes below the '---' that ends the "
                     "metadata; a value that begins with it goes in quotes")


def _flow(lines: list[str], problem: str, at: Mark | None, context: str, context_at: Mark | None, last: int) -> Explained | None:
    if "flow" not in context or "expected ',' or" not in problem or context_at is None:
        return None
    n, col = context_at
    opened = lines[n][col : col + 1] if n < len(lines) else ""
    if opened not in ("[", "{"):
        return None
    close = "]" if opened == "[" else "}"
    what = "list" if opened == "[" else "mapping"
    return Explained(n, col, f"the '{opened}' opened on line {{line}}, column {col + 1} is never closed",
                     f"end the {what} with '{close}' (and separate its items with commas)")


# What PyYAML and libyaml say of a line indented unlike the lines above it.
_OUT_OF_LINE = ("expected <block end>", "did not find expected key", "did not find expected '-' indicator")


def _indentation(lines: list[str], problem: str, at: Mark | None, context: str, context_at: Mark | None, last: int) -> Explained | None:
    if at is None or at[0] >= len(lines) or not any(p in problem for p in _OUT_OF_LINE):
        return None
    n, col = at
    line = lines[n]
    if col != _indent(line):
        return None
    if (said := _stray(line, n, col) or _colon_cause(lines, n)) is not None:
        return said
    item = _list_item(lines, context_at) if line[col:col + 2].rstrip() == "-" else None
    if item is not None and item[1] != col:  # an item out of line with the items of its list
        k, indent = item
        return Explained(n, col, f"this line is indented by {_spaces(col)}, the lines above by {indent} (line {{line_of:{k}}})",
                         f"the items of a list line up: indent this '-' by {_spaces(indent)}, like the one on line {{line_of:{k}}}")
    levels: dict[int, int] = {}
    for k in _key_lines(lines, n):
        levels[_indent(lines[k])] = k
    if col in levels or not levels:  # a level of the file, but maybe not of its own mapping
        return _out_of_its_mapping(lines, n, col)
    near = sorted(levels, key=lambda i: (abs(i - col), i))[:2]
    between = " or ".join(f"{i} (line {{line_of:{levels[i]}}})" for i in near)
    return Explained(n, col, f"this line is indented by {_spaces(col)}, the lines above by {between}",
                     "the items of a list line up: indent this '-' like the other items of its list" if line[col:col + 2].rstrip() == "-"
                     else "a key lines up with the other keys of its mapping: indent it like the key it stands beside")


def _stray(line: str, n: int, col: int) -> Explained | None:
    """A line that is only a closing bracket, or only the '|' or '>' that begins a text after a key."""
    mark = line.strip()
    if mark in ("}", "]"):
        opener = "{" if mark == "}" else "["
        return Explained(n, col, f"this '{mark}' closes nothing: no '{opener}' is open before it",
                         f"take it away, or open the {'mapping' if mark == '}' else 'list'} with '{opener}' where it begins")
    if mark in ("|", ">", "|-", ">-"):
        return Explained(n, col, f"a '{mark}' alone on its line: it begins a text only after a key, as in 'text: {mark}'",
                         "write it after the key whose text follows, or take it away")
    return None


def _out_of_its_mapping(lines: list[str], n: int, col: int) -> Explained | None:
    """A key indented unlike the keys above it in its own mapping (those after the key it belongs under),
    whatever other mappings of the file are indented so."""
    block: list[int] = []
    for k in reversed(_key_lines(lines, n)):
        if _indent(lines[k]) < col:
            break
        block.append(k)
    if not block or col in {_indent(lines[k]) for k in block}:
        return None
    first = block[-1]
    return Explained(n, col, f"this line is indented by {_spaces(col)}, the keys above it in its mapping by "
                     f"{_spaces(_indent(lines[first]))} (line {{line_of:{first}}})",
                     "the keys of one mapping line up: indent them alike")

def _list_item(lines: list[str], context_at: Mark | None) -> tuple[int, int] | None:
    """The line and indentation of the '-' of the list item where the parser's context began:
    a list's first item, or the item whose mapping it was reading."""
    if context_at is None or context_at[0] >= len(lines):
        return None
    k, at = context_at
    text = lines[k]
    if text[at:at + 1] == "-" or (text.lstrip().startswith("- ") and _indent(text) < at):
        return k, _indent(text) if text[at:at + 1] != "-" else at
    return None


def _spaces(n: int) -> str:
    return f"{n} space" + ("" if n == 1 else "s")
