"""Reading .bib files with pybtex into the model, every problem a positioned diagnostic.

Field names follow biblatex (``address``, ``journal``, ``school`` are read as
``location``, ``journaltitle``, ``institution``); values are decoded from LaTeX
(``decode``) with the macros that the files' ``@preamble`` define.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pybtex.errors
from pybtex.bibtex.utils import split_name_list
from pybtex.database import BibliographyData, InvalidNameString, Person
from pybtex.database.input.bibtex import DuplicateField, LowLevelParser, Parser
from pybtex.exceptions import PybtexError
from pybtex.richtext import Text
from pybtex.scanner import PybtexSyntaxError

from edition.model.diagnostics import Diagnostic, Pos, did_you_mean, error, warning
from edition.registers.bib.decode import Decoder, Problem, preamble_macros
from edition.registers.bib.model import NOWHERE, Bibliography, Name, Work, plain
from edition.sources.reading import MAX_BIB_BYTES, read_project_text

VERBATIM = {"url", "doi", "eprint", "file", "verba", "verbb", "verbc", "pdf", "urlraw"}
ALIASES = {"address": "location", "journal": "journaltitle", "school": "institution", "annote": "annotation",
           "archiveprefix": "eprinttype", "primaryclass": "eprintclass", "key": "key"}
NAME_ROLES = {"author", "editor", "translator", "bookauthor", "editora", "editorb", "editorc", "annotator",
              "commentator", "introduction", "foreword", "afterword", "holder", "shortauthor", "shorteditor",
              "sortname"}


_TITLES = {"title", "subtitle", "booktitle", "booksubtitle", "maintitle", "mainsubtitle", "shorttitle", "issuetitle"}
_YEARS = re.compile(r"(?<![\d-])(1\d{3}|20\d\d)-(1\d{3}|20\d\d|\d\d)(?![\d-])")


@lru_cache(maxsize=4096)
def parse_name(name: str) -> Name:
    """A name written the BibTeX way: "Lenin, V. I.", "V. I. Lenin", "{Comintern}"."""
    return name_from_person(Person(name))


def name_from_person(person: Person, decoder: Decoder | None = None) -> Name:
    decode = (decoder or Decoder()).decode

    def part(names: list[str]) -> str:
        return " ".join(plain(decode(n)[0]) for n in names)

    given, last = person.first_names + person.middle_names, person.last_names
    corporate = not given and not person.prelast_names and len(last) == 1 and last[0][:1] + last[0][-1:] == "{}"
    return Name(part(last), part(given), part(person.prelast_names), part(person.lineage_names), corporate)


@dataclass
class _Source:
    """Where an entry is: its file's text and the entry's offsets in it."""

    path: str
    text: str
    start: int
    end: int


class _Parser(Parser):
    """pybtex's parser, remembering where each entry is and turning complaints into diagnostics."""

    def __init__(self, captured: list[PybtexError]) -> None:
        super().__init__()
        self.captured, self.problems, self.sources = captured, list[Diagnostic](), dict[str, _Source]()
        self.text, self.scanner, self.entry_pos = "", LowLevelParser(""), NOWHERE
        self.broken: set[str] = set()  # entries with a syntax error: what they lack is its consequence

    def parse_string(self, text: str) -> BibliographyData:
        self.text, self.unnamed_entry_counter = text, 1
        self.scanner = LowLevelParser(text, handle_error=self.handle_error, filename=self.filename,
                                      want_entry=self.data.want_entry, macros=self.macros)
        for command, body in self.scanner:
            if command.lower() == "preamble":
                self.process_preamble(*body)
            elif command.lower() != "string":
                self.process_entry(command, *body)
        return self.data

    def pos(self, offset: int, column: bool = True, text: str | None = None, path: str | None = None) -> Pos:
        text = self.text if text is None else text
        line_start = text.rfind("\n", 0, offset) + 1
        return Pos(path or self.filename, text.count("\n", 0, offset) + 1, offset - line_start + 1 if column else 0)

    def process_entry(self, entry_type: str, key: str | None, fields: list[Any]) -> None:
        start = self.scanner.command_start or 0
        self.entry_pos = pos = self.pos(start)
        if key is None:  # the key itself was unreadable: reported already
            return
        if bad := re.search(r"[@{}\s\"#%'()=,\\]", key):
            shown = key if len(key) <= 40 else key[:40] + "..."
            self.problems.append(error(pos, f"the key '{shown}' holds '{bad.group()}', which a key cannot hold",
                                       "a key is letters, digits and - _ : . only; close the entry before with '}'"))
            return
        if not fields and (brace := _closed_after_key(self.text, start, self.scanner.pos, key)) is not None:
            self.problems.append(error(self.pos(brace), f"the entry '{key}' ends right after its key, at this '}}'",
                                       "a key is letters, digits and - _ : . only, followed by a comma and the fields"))
            return
        if key in self.data.entries:  # pybtex compares keys ignoring case
            first = self.data.entries[key].key
            where = self.sources[first]
            hint = f"the first '{first}' is at {Path(where.path).name}:{self.pos(where.start, False, where.text).line}"
            message = f"duplicate key '{key}'" if first == key else f"key '{key}' differs from '{first}' only in case"
            self.problems.append(error(pos, message, hint))
            return
        self.sources[key] = _Source(self.filename, self.text, start, self.scanner.pos)
        super().process_entry(entry_type, key, fields)
        while self.captured:  # e.g. a name with too many commas, reported without a place
            self.handle_error(self.captured.pop(0), key, fields)

    def handle_error(self, err: Exception, key: str = "", fields: Sequence[Any] = ()) -> None:
        if isinstance(err, PybtexSyntaxError) and err.error_context_info:
            self.problems.append(self.syntax_error(err))
            self.broken.add(str(getattr(self.scanner, "current_entry_key", "") or ""))
        elif isinstance(err, InvalidNameString):  # pybtex's 'Too many commas in ...'
            name = re.sub(r"^[^']*'(.*)'$", r"\1", str(err.args[0]) if err.args else "")
            role = next((str(f) for f, v in fields if name and name in str(v)), "")
            m = re.compile(rf"[\s,{{(]({re.escape(role)})\s*=", re.I).search(self.text, self.scanner.command_start or 0) if role else None
            self.problems.append(error(self.pos(m.start(1)) if m else self.entry_pos,
                                       f"{key}: {role or 'a name'}: '{name}' has more than two commas",
                                       "write each name as 'Last, First' or 'Last, Jr, First', and join several names with ' and '"))
        elif isinstance(err, DuplicateField):  # point at the second assignment to the field
            name = re.sub(r".* duplicate (\S+) field$", r"\1", str(err))
            start = self.scanner.command_start or 0
            found = [m.start() for m in re.finditer(rf"\b{re.escape(name)}\s*=", self.text[: self.scanner.pos], re.I)
                     if m.start() > start]
            pos = self.pos(found[1]) if len(found) > 1 else self.entry_pos
            self.problems.append(warning(pos, str(err), "the first value is used"))
        else:
            self.problems.append(error(self.entry_pos, str(err)))

    def syntax_error(self, err: PybtexSyntaxError) -> Diagnostic:
        """pybtex's syntax error in words, at the place of the mistake."""
        at = err.error_context_info[-1]
        name = str(err.args[0]) if err.args else ""
        if err.error_type == "undefined string":
            hint = did_you_mean(name, self.macros) or f"write the value in braces, {{{name}}}, or define it with @string"
            return error(self.pos(max(at - len(name), 0)), f"undefined macro: {name}", hint)
        start = self.scanner.command_start or 0
        opened = _unclosed_braces(self.text, start, len(self.text) if "end of file" in name else at)
        if len(opened) > 1 or ("end of file" in name and opened):
            where = self.pos(start if len(opened) == 1 else opened[1])
            what = "entry begun" if len(opened) == 1 else "brace opened"
            return error(where, f"the {what} on line {where.line}, column {where.column} is never closed",
                         "close it with '}'" + ("" if len(opened) == 1 else ", or remove it (what follows was read as its text)"))
        if "'}' expected" in name or "',' expected" in name:
            return error(self.pos(at), "a comma is missing before this field", "end each field with a comma: title = {...},")
        if "'=' expected" in name and self.text.rfind("@", start + 1, at) > start:
            return error(self.pos(self.text.rfind("@", start + 1, at)), f"the entry begun on line {self.pos(start).line} is not "
                         "closed before this '@'", "end each entry with '}' on a line of its own")
        if "field value expected" in name:
            return error(self.pos(at), "a field's value must be in braces {...} or double quotes \"...\", or be a number",
                         "write title = {The Title}")
        return error(self.pos(at), f"{err.error_type}: {name}", "see the entry that starts on line " + str(self.pos(start).line))

    def field_pos(self, key: str, name: str, needle: str = "") -> Pos:
        """Where field ``name`` of entry ``key`` is, or ``needle`` in its value if found there."""
        src = self.sources.get(key)
        if src is None:
            return NOWHERE
        m = re.compile(rf"[\s,{{(]{re.escape(name)}\s*=\s*", re.I).search(src.text, src.start, src.end)
        if m is None:
            return self.pos(src.start, True, src.text, src.path)
        at = src.text.find(needle, m.end(), src.end) if needle else -1
        return self.pos(at if at >= 0 else m.end(), True, src.text, src.path)


def _closed_after_key(text: str, start: int, end: int, key: str) -> int | None:
    """The offset of a '}' that closes an entry right after its key (``@book{len}in,``), if it does."""
    opening = text.find(key, start, end)
    at = opening + len(key) if opening >= 0 else -1
    while 0 <= at < end and text[at] in " \t\n":
        at += 1
    return at if 0 <= at < end and text[at] in "})" else None


_SCAN = 20_000


def _unclosed_braces(text: str, start: int, end: int) -> list[int]:
    """The offsets of the '{' between ``start`` and ``end`` that are not closed there, outermost
    first; a field's brace still open where a line begins with the next field (``year =``) is the
    one at fault, whatever closes later."""
    opened: list[int] = []
    end = min(end, start + _SCAN)  # an entry is a few hundred characters: a whole file of open ones stays linear
    for m in re.finditer(r"\\.|[{}]|\n[ \t]*[A-Za-z][\w-]*[ \t]*=", text[start:end], re.S):
        if m.group() == "{":
            opened.append(start + m.start())
        elif m.group() == "}" and opened:
            opened.pop()
        elif m.group().startswith("\n") and len(opened) > 1:
            return opened[:2]
    return opened[:1]


@dataclass
class _Reader:
    parser: _Parser
    decoder: Decoder
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def work(self, key: str, entry: Any) -> Work:
        work = Work(key, entry.type.lower(), pos=self._entry_pos(key))
        for raw_name, value in entry.fields.items():
            name = ALIASES.get(raw_name.lower(), raw_name.lower())
            if name in work.fields or name in work.names:  # "journal" and "journaltitle" both given
                if name in work.names or str(self.decoder.decode(value)[0]) != work.text(name):
                    self.diagnostics.append(warning(self.parser.field_pos(key, raw_name),
                                                    f"{key}: '{raw_name}' differs from '{name}'", "the first value is used"))
            elif name in NAME_ROLES:
                work.names[name] = [self.name(key, raw_name, n) for n in split_name_list(value)]
            elif name in VERBATIM:
                work.fields[name] = Text(value)
            else:
                if name in _TITLES:  # "1878-1928" as Zotero writes it: a range of years, with an en dash
                    value = _YEARS.sub(r"\1--\2", value)
                work.fields[name] = self.decode(key, raw_name, value)
                if "\\" in value:
                    sortable = self.decoder.sortable(value)
                    if sortable != work.text(name):
                        work.sortable[name] = sortable
        for role, people in entry.persons.items():
            work.names[role.lower()] = [name_from_person(p, self.decoder) for p in people]
        return work

    def _entry_pos(self, key: str) -> Pos:
        src = self.parser.sources.get(key)
        return self.parser.pos(src.start, True, src.text, src.path) if src else NOWHERE

    def decode(self, key: str, field_name: str, value: str) -> Text:
        text, problems = self.decoder.decode(value)
        self.report(key, field_name, value, problems)
        return text

    def name(self, key: str, field_name: str, name: str) -> Name:
        person = Person(name)
        problems: list[Problem] = []
        for part in person.first_names + person.middle_names + person.prelast_names + person.last_names:
            problems += self.decoder.decode(part)[1]
        self.report(key, field_name, name, problems)
        return name_from_person(person, self.decoder)

    def report(self, key: str, field_name: str, value: str, problems: list[Problem]) -> None:
        for problem in problems:
            needle = re.match(r"LaTeX command (\\\S+)", problem.message)
            pos = self.parser.field_pos(key, field_name, needle[1] if needle else "")
            self.diagnostics.append(warning(pos, f"{key}: {field_name}: {problem.message}",
                                            "write the text in Unicode, or define the command in @preamble"))


def load_bibliography(paths: Sequence[Path], unread: list[Path] | None = None) -> tuple[Bibliography, list[Diagnostic]]:
    """Read .bib files into one bibliography; every problem comes back as a diagnostic.
    ``unread`` gets each file that could not be read at all (its works are missing, not undefined)."""
    diagnostics: list[Diagnostic] = []
    with pybtex.errors.capture() as captured:  # pybtex reports instead of raising
        parser = _Parser(captured)
        for path in paths:
            text, problems = read_project_text(Path(path), str(path), None, what="the bibliography", limit=MAX_BIB_BYTES)
            diagnostics += problems  # a size over the limit, bytes not UTF-8, control characters: each where it stands
            if text is None:
                if unread is not None:
                    unread.append(Path(path))
                continue
            parser.filename = str(path)
            parser.parse_string(text)
        diagnostics += parser.problems + [error(NOWHERE, str(e)) for e in captured]
    reader = _Reader(parser, Decoder(preamble_macros(" ".join(parser.data.preamble_list))))
    works = [reader.work(key, entry) for key, entry in parser.data.entries.items()]
    bib = Bibliography(works)
    return bib, diagnostics + reader.diagnostics + [d for work in works if work.key not in parser.broken for d in _check(bib, work)]


_REQUIRED = {"book": ("title",), "collection": ("title",), "misc": (), "incollection": ("title", "booktitle"),
             "inbook": ("title",), "article": ("title", "journaltitle"), "inproceedings": ("title", "booktitle"),
             "thesis": ("title", "institution"), "phdthesis": ("title", "institution"),
             "mastersthesis": ("title", "institution"), "techreport": ("title", "institution"),
             "report": ("title", "institution"), "online": ("title",), "patent": ("title", "number"),
             "periodical": ("title",), "unpublished": ("title",)}
_EDITED = ("collection", "mvcollection", "proceedings", "mvproceedings", "periodical", "reference", "mvreference")
_ANONYMOUS = ("periodical", "misc", "manual", "proceedings", "booklet", "online", "xdata", "set")


def _check(bib: Bibliography, work: Work) -> list[Diagnostic]:
    """Warnings for what a work lacks: it is still printed, without it."""
    if work.type in ("xdata", "set"):
        missing_members = [k for k in work.members if bib.find(k) is None]
        return [warning(work.pos, f"{work.key}: set member '{k}' is not defined", did_you_mean(k, bib.keys()))
                for k in missing_members]
    found = [warning(work.pos, f"{work.key}: crossref/xdata target '{k}' is not defined", did_you_mean(k, bib.keys()))
             for k in work.parents if bib.find(k) is None]
    resolved = bib.resolved(work.key)
    have = set(resolved.fields) | ({"title"} if "maintitle" in resolved.fields else set())
    missing = [f for f in _REQUIRED.get(work.type, ("title",)) if f not in have]
    missing += [] if resolved.date or work.type in ("misc", "online", "manual", "booklet", "unpublished") else ["year"]
    heads = ("author", "editor", "sortname", "bookauthor")
    if not (any(resolved.names.get(r) for r in heads) or work.type in _ANONYMOUS or resolved.text("key")
            or resolved.text("organization")):
        missing.append("editor" if work.type in _EDITED else "author")
    absent, problems = _absent(work, resolved.fields.keys() | resolved.names.keys() | ({"year"} if resolved.date else set()))
    found += problems
    missing = [f for f in missing if f not in absent]
    if missing:
        found.append(warning(work.pos, f"{work.key}: @{work.type} lacks {', '.join(missing)}",
                             "the entry is printed without it; if no source gives it, say so with "
                             f"absent = {{{', '.join(missing)}}} (docs/source-format.md, 'The bibliography')"))
    return found


# The fields the check above can ask for: what ``absent`` may name.
ASKED = frozenset({"year", "author", "editor"} | {f for fields in _REQUIRED.values() for f in fields})


def _absent(work: Work, given: set[str]) -> tuple[set[str], list[Diagnostic]]:
    """The fields the entry's own ``absent`` names: known to be missing, which the check does
    not ask for; a name the check never asks for, or one the entry gives, is a warning."""
    text = work.text("absent")
    if not text:
        return set(), []
    names = [n.lower() for n in re.split(r"[\s,;]+", text) if n]
    problems = []
    for name in names:
        if name not in ASKED:
            hint = did_you_mean(name, sorted(ASKED)) or f"absent names fields the check asks for: {', '.join(sorted(ASKED))}"
            problems.append(warning(work.pos, f"{work.key}: absent names '{name}', which the check never asks for", hint))
        elif name in given:
            problems.append(warning(work.pos, f"{work.key}: absent names '{name}', which the entry gives",
                                    f"remove '{name}' from absent"))
    return set(names), problems
