"""The works cited as plain data: names, works, and a bibliography that resolves
``crossref``, ``xdata`` and ``@set`` the way biblatex does, keys compared ignoring
case as BibTeX compares them (``ids`` give a work more keys)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from pybtex.richtext import BaseText, Text

from edition.model.diagnostics import Diagnostic, Pos, did_you_mean, error
from edition.registers.bib.dates import WorkDate, work_date

NOWHERE = Pos("<bibliography>", 0, 0)


def plain(text: BaseText | str | None) -> str:
    return "" if text is None else str(text)


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


@dataclass
class Work:
    """One entry: lower-case field names to rich text, name roles to names.

    ``sortable`` holds, for fields whose printed form differs, the text to sort by
    (``year = {\\noopsort{1973b}}1973`` prints "1973" and sorts as "1973b1973")."""

    key: str
    type: str
    fields: dict[str, Text] = field(default_factory=dict)
    names: dict[str, list[Name]] = field(default_factory=dict)
    pos: Pos = NOWHERE
    sortable: dict[str, str] = field(default_factory=dict)

    def text(self, name: str) -> str:
        return plain(self.fields.get(name))

    def sort_text(self, name: str) -> str:
        return self.sortable.get(name, self.text(name))

    @cached_property
    def date(self) -> WorkDate:
        return work_date(self.text("date"), self.text("year"), self.text("month"), self.text("day"))

    @property
    def year(self) -> str:
        """The year, or a span "1958–1965" from a biblatex ``date = {1958/1965}``."""
        return self.date.year

    @property
    def parents(self) -> list[str]:
        """The keys this work inherits from: its ``xdata`` entries, then its ``crossref``."""
        return [k.strip() for k in [*self.text("xdata").split(","), self.text("crossref")] if k.strip()]

    @property
    def members(self) -> list[str]:
        """The keys of a ``@set``."""
        return [k.strip() for k in self.text("entryset").split(",") if k.strip()]


# Fields a child never takes from its parent (biblatex's defaults).
NOT_INHERITED = {"ids", "crossref", "xref", "xdata", "entryset", "entrysubtype", "execute", "label", "options",
                 "presort", "related", "relatedoptions", "relatedstring", "relatedtype", "shorthand",
                 "shorthandintro", "sortkey", "keywords", "shorttitle", "sorttitle", "indextitle", "indexsorttitle"}
_DATE_FIELDS = {"date": {"year", "month", "day"}, "year": {"date"}, "month": {"date"}, "day": {"date"}}
_PARTS = {"inbook", "bookinbook", "suppbook", "incollection", "suppcollection", "inproceedings", "inreference"}
_TITLE_FIELDS = ("title", "subtitle", "titleaddon")


def _title_target(parent: Work, child: Work, name: str) -> str:
    """Where a parent's ``title``/``subtitle``/``titleaddon`` goes in the child; "" for nowhere."""
    if parent.type == "xdata":
        return name
    if parent.type.startswith("mv") and child.type != parent.type:
        return "main" + name
    if parent.type == "periodical" and child.type in ("article", "suppperiodical"):
        return "journal" + name if name != "title" else "journaltitle"
    if child.type in _PARTS or child.type.startswith("in"):
        return "book" + name
    return "" if "title" in child.fields else name


class Bibliography(dict[str, Work]):
    """The works by key, in the order they were read."""

    def __init__(self, works: Sequence[Work] = ()) -> None:
        super().__init__((work.key, work) for work in works)
        self._resolved: dict[str, Work] = {}
        self._folded: dict[str, str] | None = None

    def __setitem__(self, key: str, work: Work) -> None:
        super().__setitem__(key, work)
        self._resolved.clear()  # what others inherit may have changed
        self._folded = None

    def find(self, key: str) -> str | None:
        """The key of the work that ``key`` names, ignoring case, or through its ``ids``."""
        if key in self:
            return key
        if self._folded is None:
            self._folded = {}
            for k, work in self.items():
                for alias in [k, *work.text("ids").split(",")]:
                    self._folded.setdefault(alias.strip().casefold(), k)
        return self._folded.get(key.strip().casefold())

    def unknown_key(self, key: str, pos: Pos) -> Diagnostic:
        """The diagnostic for citing a key the bibliography does not have."""
        same = self.find(key)
        hint = f"keys are case-sensitive: did you mean '{same}'?" if same else did_you_mean(key, self)
        return error(pos, f"unknown bibliography key '{key}'", hint)

    def resolved(self, key: str) -> Work:
        """The work with what it inherits by ``crossref``/``xdata`` filled in, as biblatex does."""
        if key not in self._resolved:
            self._resolved[key] = self._inherit(self[key], {key.casefold()})
        return self._resolved[key]

    def members(self, key: str) -> list[str]:
        """The keys of the works in a ``@set``, as defined (case as in their entries)."""
        found = (self.find(k) for k in self[key].members)
        return [k for k in found if k is not None and self[k].type != "set"]

    def _inherit(self, work: Work, seen: set[str]) -> Work:
        fields, names = dict(work.fields), {role: list(people) for role, people in work.names.items()}
        sortable = dict(work.sortable)
        part_of = work.type in _PARTS
        for parent_key in (self.find(k) for k in work.parents):
            if parent_key is None or parent_key.casefold() in seen:
                continue
            parent = self._inherit(self[parent_key], seen | {parent_key.casefold()})
            for name, value in parent.fields.items():
                target = "" if name in NOT_INHERITED else _title_target(parent, work, name) if name in _TITLE_FIELDS \
                    else name
                if target in _DATE_FIELDS and _DATE_FIELDS[target] & set(fields):
                    continue  # the child's own year outweighs its parent's date, and the other way round
                if target and target not in fields:
                    fields[target] = value
                    if name in parent.sortable:
                        sortable.setdefault(target, parent.sortable[name])
            for role, people in parent.names.items():
                if role == "author" and part_of and parent.type != "xdata":
                    names.setdefault("bookauthor", people)
                names.setdefault(role, people)
        return Work(work.key, work.type, fields, names, work.pos, sortable)
