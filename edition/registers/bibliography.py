"""The works cited: .bib files read with pybtex, checked, collated and exported.

Field values in .bib files are LaTeX; loaded, they are pybtex rich text of plain
Unicode (accents decoded, ``\\emph`` an ``em`` tag, brace groups ``Protected``
so that case changes spare them), and names are ``Name`` records. Field names
follow biblatex (``address``, ``journal``, ``school`` are read as ``location``,
``journaltitle``, ``institution``). Works-cited groups come from ``keywords``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pybtex.errors
from pybtex.bibtex.utils import split_name_list
from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.input.bibtex import DuplicateField, LowLevelParser, Parser
from pybtex.database.output.bibtex import Writer
from pybtex.exceptions import PybtexError
from pybtex.richtext import BaseText, Protected, String, Tag, Text
from pybtex.scanner import PybtexSyntaxError

from edition.model.collation import collator
from edition.model.diagnostics import Diagnostic, Pos, did_you_mean, error, warning
from edition.registers.texdecode import ulatex

NOWHERE = Pos("<bibliography>", 0, 0)

# --- LaTeX field values into rich Unicode text ----------------------------------

_VERBATIM = {"url", "doi", "eprint", "file", "verba", "verbb", "verbc"}
_ALIASES = {"address": "location", "journal": "journaltitle", "school": "institution"}
_NAME_ROLES = {"author", "editor", "translator", "bookauthor", "editora", "editorb", "annotator",
               "commentator", "introduction", "foreword", "afterword", "holder"}
# Commands latexcodec leaves alone; \cprime and \cdprime are the soft and hard signs of transliteration.
_SYMBOL = {"cprime": "ʹ", "cdprime": "ʺ", "textquotesingle": "'", "slash": "/", "ldots": "…", "dots": "…",
           "textellipsis": "…", "nobreakspace": "\xa0", "S": "§", "P": "¶", "TeX": "TeX", "LaTeX": "LaTeX",
           "textasciicircum": "^", "backslash": "\\", "textasciitilde": "~", "protect": "", "isdot": "",
           "midsentence": "", "xspace": ""}
_CONTROL = {"\\": " ", " ": " ", ",": "\u202f", "-": "", "/": "", "@": "", ";": " ", ":": " "}
# \cmd{text}: the text kept, as a tag, in quotation marks or as it is ("").
_TAGGED = {"emph": "em", "textit": "em", "mkbibemph": "em", "textsl": "em", "textbf": "strong",
           "mkbibbold": "strong", "mkbibquote": "quote", "enquote": "quote", "textsc": "", "textup": "",
           "textrm": "", "textnormal": "", "textsf": "", "texttt": "", "mbox": "", "hbox": "", "url": "",
           "nolinkurl": "", "ensuremath": "", "arabic": "", "autocap": "", "hyphenation": ""}
_DROP_FIRST = {"foreignlanguage", "href", "hyphenrules"}  # \cmd{setting}{text}: the text kept
_SWITCH = {"em": "em", "it": "em", "itshape": "em", "sl": "em", "bf": "strong", "bfseries": "strong",
           "sc": "", "scshape": "", "rm": "", "normalfont": "", "upshape": "", "relax": ""}
_TOKEN = re.compile(r"\\([A-Za-z]+)\s*|\\(.)|([{}])|(\$)|([^\\{}$]+)|(\\)$", re.S)
_BACKSLASH = "\ue000"  # stands for a literal backslash while latexcodec runs


def latex_to_text(latex: str, unknown: set[str] | None = None) -> Text:
    """A BibTeX field value as rich text; commands not understood are added to ``unknown``."""
    protected = re.sub(r"\\textbackslash(?:\{\}|\s*)|\$\\backslash\$", _BACKSLASH, latex)
    decoded = ulatex(protected)
    tokens = [m.groups() for m in _TOKEN.finditer(decoded)]
    return Text(*_parse_group(tokens, 0, unknown if unknown is not None else set())[0])


def _parse_group(tokens: list[Any], i: int, unknown: set[str]) -> tuple[list[BaseText | str], int]:
    """The parts up to the end of the current brace group, and the index after it."""
    out: list[BaseText | str] = []
    while i < len(tokens):
        command, symbol, brace, _dollar, text, _trailing = tokens[i]
        i += 1
        if text:
            out.append(text.replace(_BACKSLASH, "\\"))
        elif symbol:
            out.append(_CONTROL.get(symbol, symbol))
        elif brace == "}":
            break
        elif brace == "{":
            inner, i = _parse_group(tokens, i, unknown)
            out += [Protected(*inner)] if inner else []
        elif command in _SYMBOL:
            out.append(_SYMBOL[command])
        elif command in _SWITCH:  # {\em text}: the rest of the group is what it applies to
            rest, i = _parse_group(tokens, i, unknown)
            return [*out, Tag(_SWITCH[command], *rest) if _SWITCH[command] else Text(*rest)], i
        elif command:
            if command not in _TAGGED and command not in _DROP_FIRST:
                unknown.add(command)
            if command in _DROP_FIRST and i < len(tokens) and tokens[i][2] == "{":
                i = _parse_group(tokens, i + 1, unknown)[1]
            if i < len(tokens) and tokens[i][2] == "{":
                arg, i = _parse_group(tokens, i + 1, unknown)
                tag = _TAGGED.get(command, "")
                out.append(Text("“", *arg, "”") if tag == "quote" else Tag(tag, *arg) if tag else Text(*arg))
    return out, i


@lru_cache(maxsize=4096)
def _parse_name(name: str) -> Name:
    """Names are frozen, so one parse serves every document by the same author."""
    return Name.from_person(Person(name))


def plain(text: BaseText | str | None) -> str:
    return "" if text is None else str(text)


# --- The model ----------------------------------------------------------------------


@dataclass(frozen=True)
class Name:
    """A person or a body (``corporate``); ``particle`` is the "von" part, ``suffix`` the "Jr."."""

    family: str
    given: str = ""
    particle: str = ""
    suffix: str = ""
    corporate: bool = False

    @property
    def is_others(self) -> bool:
        return self.family == "others" and not self.given

    def display(self) -> str:
        """Given name first: "V. I. Lenin", "Ludwig van Beethoven"."""
        return " ".join(p for p in (self.given, self.particle, self.family, self.suffix) if p)

    @classmethod
    def from_person(cls, person: Person) -> Name:
        def part(names: list[str]) -> str:
            return " ".join(plain(latex_to_text(n)) for n in names)

        given, last = person.first_names + person.middle_names, person.last_names
        corporate = not given and not person.prelast_names and len(last) == 1 and last[0][:1] + last[0][-1:] == "{}"
        return cls(part(last), part(given), part(person.prelast_names), part(person.lineage_names), corporate)

    @classmethod
    def parse(cls, name: str) -> Name:
        """A name written the BibTeX way: "Lenin, V. I.", "V. I. Lenin", "{Comintern}"."""
        return _parse_name(name)


@dataclass
class Work:
    """One entry: lower-case field names to rich text, name roles to names."""

    key: str
    type: str
    fields: dict[str, Text] = field(default_factory=dict)
    names: dict[str, list[Name]] = field(default_factory=dict)
    pos: Pos = NOWHERE

    def text(self, name: str) -> str:
        return plain(self.fields.get(name))

    @property
    def year(self) -> str:
        """The year, or a span "1958–1965" from a biblatex ``date = {1958/1965}``."""
        return self.text("year") or "–".join(dict.fromkeys(re.findall(r"\d{4}", self.text("date"))[:2]))

    @property
    def parents(self) -> list[str]:
        """The keys this work inherits from: its ``xdata`` entries, then its ``crossref``."""
        return [k.strip() for k in [*self.text("xdata").split(","), self.text("crossref")] if k.strip()]


_NOT_INHERITED = {"ids", "crossref", "xdata", "shorttitle", "sorttitle", "sortkey", "keywords", "pages", "entryset"}
_PART_TYPES = ("bookinbook", "suppbook", "suppcollection")


class Bibliography(dict[str, Work]):
    """The works by key, in the order they were read."""

    def __init__(self, works: Sequence[Work] = ()) -> None:
        super().__init__((work.key, work) for work in works)
        self._resolved: dict[str, Work] = {}

    def __setitem__(self, key: str, work: Work) -> None:
        super().__setitem__(key, work)
        self._resolved.clear()  # what others inherit may have changed

    def unknown_key(self, key: str, pos: Pos) -> Diagnostic:
        """The diagnostic for citing a key the bibliography does not have."""
        same = [k for k in self if k.casefold() == key.casefold()]
        hint = f"keys are case-sensitive: did you mean '{same[0]}'?" if same else did_you_mean(key, self)
        return error(pos, f"unknown bibliography key '{key}'", hint)

    def resolved(self, key: str) -> Work:
        """The work with what it inherits by ``crossref``/``xdata`` filled in, as biblatex does."""
        if key not in self._resolved:
            self._resolved[key] = self._inherit(self[key], {key})
        return self._resolved[key]

    def _inherit(self, work: Work, seen: set[str]) -> Work:
        fields, names = dict(work.fields), {role: list(people) for role, people in work.names.items()}
        part_of = work.type.startswith("in") or work.type in _PART_TYPES
        for parent_key in (k for k in work.parents if k in self and k not in seen):
            parent = self._inherit(self[parent_key], seen | {parent_key})
            for name, value in parent.fields.items():
                target = "" if name in _NOT_INHERITED else name
                if name in ("title", "subtitle") and parent.type != "xdata":
                    if part_of:  # the parent's title is the title of the book this is in
                        target = "book" + name
                    elif "title" in work.fields:  # a volume with a title of its own
                        target = "main" + name if parent.type.startswith("mv") else ""
                if target:
                    fields.setdefault(target, value)
            for role, people in parent.names.items():
                if role == "author" and part_of:
                    names.setdefault("bookauthor", people)
                names.setdefault(role, people)
        return Work(work.key, work.type, fields, names, work.pos)


# --- Loading --------------------------------------------------------------------------


class _Parser(Parser):
    """pybtex's parser, remembering where each entry starts and turning complaints into diagnostics."""

    def __init__(self, captured: list[PybtexError]) -> None:
        super().__init__()
        self.captured, self.problems, self.positions = captured, list[Diagnostic](), dict[str, Pos]()
        self.text, self.scanner, self.entry_pos = "", LowLevelParser(""), NOWHERE

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

    def _pos(self, offset: int, column: bool = False) -> Pos:
        line_start = self.text.rfind("\n", 0, offset) + 1
        return Pos(self.filename, self.text.count("\n", 0, offset) + 1, offset - line_start + 1 if column else 0)

    def process_entry(self, entry_type: str, key: str | None, fields: list[Any]) -> None:
        self.entry_pos = pos = self._pos(self.scanner.command_start or 0)
        if key is None:  # the key itself was unreadable: reported already
            return
        if key in self.data.entries:  # pybtex compares keys ignoring case
            first = self.data.entries[key].key
            where = self.positions[first]
            hint = f"'{first}' is defined at {where.path}:{where.line}"
            message = f"duplicate key '{key}'" if first == key else f"key '{key}' differs from '{first}' only in case"
            self.problems.append(error(pos, message, hint))
            return
        self.positions[key] = pos
        super().process_entry(entry_type, key, fields)
        while self.captured:  # e.g. a name with too many commas, reported without a place
            self.handle_error(self.captured.pop(0))

    def handle_error(self, err: Exception) -> None:
        if isinstance(err, PybtexSyntaxError) and err.error_context_info:
            kind = "undefined macro" if err.error_type == "undefined string" else err.error_type
            hint = did_you_mean(str(err.args[0]), self.macros) if kind == "undefined macro" else ""
            self.problems.append(error(self._pos(err.error_context_info[-1], True), f"{kind}: {err.args[0]}", hint))
        elif isinstance(err, DuplicateField):  # point at the second assignment to the field
            name = re.sub(r".* duplicate (\S+) field$", r"\1", str(err))
            start = self.scanner.command_start or 0
            found = [m.start() for m in re.finditer(rf"\b{re.escape(name)}\s*=", self.text[: self.scanner.pos], re.I)
                     if m.start() > start]
            pos = self._pos(found[1], True) if len(found) > 1 else self.entry_pos
            self.problems.append(warning(pos, str(err), "the first value is used"))
        else:
            self.problems.append(error(self.entry_pos, str(err)))


def load_bibliography(paths: Sequence[Path]) -> tuple[Bibliography, list[Diagnostic]]:
    """Read .bib files into one bibliography; every problem comes back as a diagnostic."""
    diagnostics: list[Diagnostic] = []
    with pybtex.errors.capture() as captured:  # pybtex reports instead of raising
        parser = _Parser(captured)
        for path in paths:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                diagnostics.append(error(Pos(str(path), 0, 0), f"cannot read bibliography: {exc}"))
                continue
            parser.filename = str(path)
            parser.parse_string(text)
        diagnostics += parser.problems + [error(NOWHERE, str(e)) for e in captured]
    works = []
    for key, entry in parser.data.entries.items():
        work = Work(key, entry.type.lower(), pos=parser.positions.get(key, NOWHERE))
        unknown: set[str] = set()
        for name, value in entry.fields.items():
            name = _ALIASES.get(name.lower(), name.lower())
            if name in _NAME_ROLES:
                work.names[name] = [Name.parse(n) for n in split_name_list(value)]
            else:
                work.fields[name] = Text(value) if name in _VERBATIM else latex_to_text(value, unknown)
        for role, people in entry.persons.items():
            work.names[role.lower()] = [Name.from_person(p) for p in people]
        diagnostics += [warning(work.pos, f"{key}: LaTeX command \\{c} is not understood; its text is kept")
                        for c in sorted(unknown)]
        works.append(work)
    bib = Bibliography(works)
    return bib, diagnostics + [d for work in works for d in _check(bib, work)]


_REQUIRED = {"book": ("title", "publisher"), "collection": ("title", "publisher"), "misc": ("title",),
             "incollection": ("title", "booktitle", "publisher"), "inbook": ("title", "publisher"),
             "article": ("title", "journaltitle")}
_EDITED = ("collection", "mvcollection", "proceedings", "periodical", "reference")


def _check(bib: Bibliography, work: Work) -> list[Diagnostic]:
    """Warnings for what a work lacks: it is still printed, without it."""
    if work.type in ("xdata", "set"):
        return []
    found = [warning(work.pos, f"{work.key}: crossref/xdata target '{k}' is not defined", did_you_mean(k, bib.keys()))
             for k in work.parents if k not in bib]
    resolved = bib.resolved(work.key)
    missing = [f for f in _REQUIRED.get(work.type, ("title",)) if f not in resolved.fields]
    missing += [] if resolved.year else ["year"]
    if not (resolved.names.get("author") or resolved.names.get("editor") or work.type == "periodical"):
        missing.append("editor" if work.type in _EDITED else "author")
    if missing:
        found.append(warning(work.pos, f"{work.key}: @{work.type} lacks {', '.join(missing)}",
                             "the entry is printed without it"))
    return found


# --- Collation and groups ------------------------------------------------------------


_collator = collator  # the Unicode Collation Algorithm with its default table (DUCET), shared


_IGNORED_MARKS = re.compile(r"[ʹʺʼ'’‘\"«»“”„]")
_PUNCTUATION = re.compile(r"[\s\-‐–—.,;:!?()\[\]/]+")
_ARTICLE = re.compile(r"^(the|an?)\s+", re.I)


def collation_key(s: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """UCA order, first ignoring case, transliterated soft/hard signs, apostrophes and punctuation."""
    bare = _PUNCTUATION.sub(" ", _IGNORED_MARKS.sub("", s)).strip()
    return _collator().sort_key(bare.casefold()), _collator().sort_key(s)


def sort_keys(bib: Bibliography, keys: Iterable[str], use_prefix: bool = False) -> list[str]:
    """Known keys in works-cited order: author (else editor, else title), then title, then year.

    Names sort by family name without its particle ("Beethoven, Ludwig van")
    unless ``use_prefix``; a corporate name sorts as written, by its first word.
    """

    def key_of(key: str) -> tuple[Any, ...]:
        work = bib.resolved(key)
        title = _ARTICLE.sub("", work.text("sorttitle") or work.text("title"))
        heading = [work.text("sortkey")] if work.text("sortkey") else []
        for person in [] if heading else work.names.get("author") or work.names.get("editor") or []:
            if not person.is_others:
                heading += [f"{person.particle} {person.family}" if use_prefix and person.particle
                            else person.family, person.given]
        # () closes the heading, so that "Lenin" comes before "Lenin and Zinoviev"
        return (*(collation_key(s) for s in heading or [title]), (), collation_key(title), work.year, key)

    return sorted((k for k in dict.fromkeys(keys) if k in bib), key=key_of)


def grouped(bib: Bibliography, keys: Iterable[str],
            groups_config: Mapping[str, str | None] | Sequence[tuple[str, str | None]],
            use_prefix: bool = False) -> list[tuple[str, list[str]]]:
    """Sorted keys split into (heading, keys) groups by their ``keywords`` field.

    ``groups_config`` maps each heading to a keyword, in order; a keyword of
    ``None`` takes every work. A work goes to the first group it matches; works
    that match none come last, under the heading "". Empty groups are left out.
    """
    items = list(groups_config.items()) if isinstance(groups_config, Mapping) else list(groups_config)
    buckets: dict[str, list[str]] = {heading: [] for heading, _ in [*items, ("", None)]}
    for key in sort_keys(bib, keys, use_prefix):
        words = [k.strip().casefold() for k in bib[key].text("keywords").split(",")]
        buckets[next((h for h, kw in items if kw is None or kw.casefold() in words), "")].append(key)
    return [(heading, found) for heading, found in buckets.items() if found]


# --- Exports ------------------------------------------------------------------------------

_BIB_SPECIAL = re.compile(r"[\\{}&%$#_^~\xa0\u202f]")
_BIB_ESCAPE = {"\\": r"\textbackslash{}", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}", "\xa0": "~",
               "\u202f": r"\,"}
_LIGATURE = re.compile(r"(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')|(?<=,)(?=,)|(?<=[!?])(?=`)")


def text_to_latex(text: BaseText | str) -> str:
    """Rich text as a BibTeX field value: Unicode kept, specials escaped, protected parts braced."""
    if isinstance(text, (str, String)):
        escaped = _BIB_SPECIAL.sub(lambda m: _BIB_ESCAPE.get(m[0], "\\" + m[0]), str(text))
        return _LIGATURE.sub("{}", escaped)  # "--" would come back as an en dash
    inner = "".join(text_to_latex(p) for p in getattr(text, "parts", []))
    if isinstance(text, Tag):
        return {"em": r"\emph{", "strong": r"\textbf{"}.get(text.name, "{") + inner + "}"
    return "{" + inner + "}" if isinstance(text, Protected) else inner


class _RawWriter(Writer):
    """pybtex's BibTeX writer, given values that are LaTeX already."""

    def _encode(self, text: str) -> str:
        return text


def _person(name: Name) -> Person:
    family = text_to_latex(name.family)
    family = "{" + family + "}" if name.corporate or " " in family else family
    return Person(first=text_to_latex(name.given), prelast=text_to_latex(name.particle), last=family,
                  lineage=text_to_latex(name.suffix))


def export_bibtex(bib: Bibliography, keys: Iterable[str]) -> str:
    """The works, followed by the entries they inherit from, as a UTF-8 .bib file."""
    wanted, data = [k for k in dict.fromkeys(keys) if k in bib], BibliographyData()
    wanted += [p for k in wanted for p in bib[k].parents if p in bib and p not in wanted]  # grows as it goes
    for key in dict.fromkeys(wanted):
        work, entry = bib[key], Entry(bib[key].type)
        for name, value in work.fields.items():
            latex = str(value) if name in _VERBATIM else text_to_latex(value)
            entry.fields[name] = latex.replace("–", "--") if name == "pages" else latex
        for role, people in work.names.items():
            entry.persons[role] = [_person(n) for n in people]
        data.entries[key] = entry
    return str(_RawWriter().to_string(data))


_CSL_TYPE = {"book": "book", "mvbook": "book", "collection": "book", "mvcollection": "book", "proceedings": "book",
             "manual": "book", "reference": "book", "periodical": "periodical", "incollection": "chapter",
             "inbook": "chapter", "bookinbook": "chapter", "suppbook": "chapter", "inproceedings": "paper-conference",
             "inreference": "entry-encyclopedia", "article": "article-journal", "thesis": "thesis",
             "phdthesis": "thesis", "mastersthesis": "thesis", "online": "webpage", "patent": "patent",
             "report": "report", "techreport": "report", "unpublished": "manuscript", "letter": "personal_communication"}
_CSL_FIELD = {"shorttitle": "title-short", "booktitle": "container-title", "journaltitle": "container-title",
              "series": "collection-title", "publisher": "publisher", "location": "publisher-place", "volume": "volume",
              "volumes": "number-of-volumes", "edition": "edition", "pages": "page", "note": "note", "url": "URL",
              "doi": "DOI", "isbn": "ISBN", "issn": "ISSN", "langid": "language", "abstract": "abstract",
              "pagetotal": "number-of-pages", "chapter": "chapter-number", "eventtitle": "event"}
_CSL_ROLE = {"author": "author", "editor": "editor", "translator": "translator", "bookauthor": "container-author"}
_LANGUAGES = {"russian": "ru", "english": "en", "american": "en-US", "british": "en-GB", "german": "de",
              "ngerman": "de", "french": "fr", "ukrainian": "uk", "polish": "pl", "italian": "it", "spanish": "es"}


def _csl_text(text: BaseText) -> str:
    """Plain text; protected capitals marked so that CSL processors leave their case alone."""
    return "".join(f'<span class="nocase">{p}</span>' if isinstance(p, Protected) and str(p) != str(p).lower()
                   else str(p) for p in getattr(text, "parts", [text]))


def _csl_title(work: Work, prefix: str) -> str:
    title, subtitle = work.fields.get(prefix + "title", Text()), work.fields.get(prefix + "subtitle")
    return _csl_text(title) + (": " + _csl_text(subtitle) if subtitle is not None else "")


def _csl_name(name: Name) -> dict[str, str]:
    if name.corporate:
        return {"literal": name.family}
    parts = {"family": name.family, "given": name.given, "non-dropping-particle": name.particle, "suffix": name.suffix}
    return {k: v for k, v in parts.items() if v}


def csl_item(work: Work) -> dict[str, Any]:  # noqa: C901
    """One (resolved) work as a CSL-JSON item."""
    item: dict[str, Any] = {"id": work.key, "type": _CSL_TYPE.get(work.type, "document")}
    if work.text("entrysubtype") == "newspaper":
        item["type"] = "article-newspaper"
    for role, people in work.names.items():
        role = "compiler" if role == "editor" and work.text("editortype") == "compiler" else _CSL_ROLE.get(role, "")
        if role and people:
            item[role] = [_csl_name(n) for n in people if not n.is_others]
    title = _csl_title(work, "")
    if "maintitle" in work.fields:  # a volume with a title of its own, in a multi-volume work
        item["volume-title"], title = title, _csl_title(work, "main")
    if title:
        item["title"] = title
    if "booktitle" in work.fields:
        item["container-title"] = _csl_title(work, "book")
    for name, value in work.fields.items():
        target = _CSL_FIELD.get(name) or ("language" if name == "language" else "")
        if name == "number":
            target = "issue" if work.type == "article" else "collection-number" if "series" in work.fields else "number"
        elif name == "institution" and "publisher" not in work.fields:
            target = "publisher"
        if target and target not in item:
            item[target] = _csl_text(value) if target.endswith("title") else str(value)
    if "language" in item:
        item["language"] = _LANGUAGES.get(item["language"].casefold(), item["language"])
    if "page" in item:
        item["page"] = item["page"].replace("–", "-")
    if work.year:
        item["issued"] = {"date-parts": [[int(y)] for y in re.findall(r"\d{4}", work.year)]}
    return item


def export_csl_json(bib: Bibliography, keys: Iterable[str]) -> list[dict[str, Any]]:
    """The works, with what they inherit filled in, as CSL-JSON items."""
    return [csl_item(bib.resolved(k)) for k in dict.fromkeys(keys) if k in bib]


def write_exports(bib: Bibliography, keys: Iterable[str], directory: Path, stem: str = "works-cited") -> list[Path]:
    """Write ``stem.bib`` and ``stem.json`` into ``directory``; return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    bib_path, json_path = directory / f"{stem}.bib", directory / f"{stem}.json"
    bib_path.write_text(export_bibtex(bib, keys), encoding="utf-8")
    csl = json.dumps(export_csl_json(bib, keys), ensure_ascii=False, indent=2)
    json_path.write_text(csl + "\n", encoding="utf-8")
    return [bib_path, json_path]


@dataclass(frozen=True)
class ReaderInfo:
    """The edition itself, as a book. Names are written the BibTeX way ("Smith, Jane")."""

    key: str
    title: str
    year: str
    subtitle: str = ""
    editor: Sequence[str] = ()
    publisher: str = ""
    institution: str = ""
    location: str = ""


@dataclass(frozen=True)
class DocumentCitation:
    """One document of the edition, cited as a part of the reader."""

    key: str
    title: str
    first_page: int | str
    last_page: int | str
    authors: Sequence[str] = ()
    recipients: Sequence[str] = ()
    date: str = ""


def reader_entries(reader: ReaderInfo, documents: Sequence[DocumentCitation]) -> tuple[str, list[dict[str, Any]]]:
    """BibTeX and CSL-JSON for the reader (@book) and for each of its documents (@incollection)."""
    fields = {"title": reader.title, "subtitle": reader.subtitle, "year": reader.year, "publisher": reader.publisher,
              "institution": reader.institution, "location": reader.location}
    works = [Work(reader.key, "book", {k: Text(v) for k, v in fields.items() if v},
                  {"editor": [Name.parse(n) for n in reader.editor]} if reader.editor else {})]
    for doc in documents:
        pages = str(doc.first_page) if str(doc.first_page) == str(doc.last_page) else f"{doc.first_page}–{doc.last_page}"
        to = " and ".join(Name.parse(r).display() for r in doc.recipients)
        note = ", ".join(x for x in (f"To {to}" if to else "", doc.date) if x)
        part = {"title": doc.title, "pages": pages, "note": note, "crossref": reader.key}
        works.append(Work(doc.key, "incollection", {k: Text(v) for k, v in part.items() if v},
                          {"author": [Name.parse(a) for a in doc.authors]} if doc.authors else {}))
    bib, keys = Bibliography(works), [doc.key for doc in documents] + [reader.key]
    csl = export_csl_json(bib, keys)
    for item, doc in zip(csl[: len(documents)], documents, strict=True):
        if doc.recipients:
            item["recipient"] = [_csl_name(Name.parse(r)) for r in doc.recipients]
    return export_bibtex(bib, keys), csl
