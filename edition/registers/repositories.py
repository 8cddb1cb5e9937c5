"""The archives register (``sources/archives.yaml``): repositories and every name they have borne.

A repository keeps its names oldest first, each with the years it was in use, so
"TsPA IML" (1985) and "RTsKhIDNI" (1995) are found as the same archive as "RGASPI".
Citations of the files in them are read and printed in ``archives.py``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from edition.model.diagnostics import UNKNOWN, Diagnostic, Pos, closest, did_you_mean, error
from edition.sources import schema


def spelling_key(text: str) -> str:
    """How archive names are compared: ignoring case, spaces and periods."""
    return re.sub(r"[\s.]+", "", text).casefold()


def with_hint(message: str, hint: str) -> str:
    return f"{message}; {hint}" if hint else message


@dataclass(frozen=True)
class ArchiveName:
    abbr: str
    expansion: str
    start: int | None = None  # first year in use; None: unknown
    end: int | None = None  # last year in use; None: still in use
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.abbr, *self.aliases)


@dataclass(frozen=True)
class Repository:
    id: str
    city: str
    names: tuple[ArchiveName, ...]  # oldest first; never empty

    @property
    def modern(self) -> ArchiveName:
        """The name still in use, or failing that the one used last."""
        current = [n for n in self.names if n.end is None]
        return current[-1] if current else max(self.names, key=lambda n: n.end or 0)

    def name_in(self, year: int) -> ArchiveName | None:
        """The name borne in ``year``; in the year of a renaming, the new one."""
        fitting = [n for n in self.names if (n.start or year) <= year <= (n.end or year)]
        return max(fitting, key=lambda n: n.start or -(10**9)) if fitting else None


# --- reading the register -----------------------------------------------------

Problem = tuple[str, str, str]  # message, hint, where: 'rgali.names[0].from', or 'key:...' for a key


def _unknown_keys(entry: Mapping[Any, Any], allowed: Sequence[str], where: str, path: str) -> list[Problem]:
    return [(f"unknown key '{k}' in {where}", did_you_mean(str(k), allowed) or "known keys: " + ", ".join(allowed), f"key:{path}.{k}")
            for k in entry if k not in allowed]


_REPOSITORY_KEYS = tuple(f.name for f in schema.REPOSITORY)  # city, names
_NAME_KEYS = tuple(f.name for f in schema.ARCHIVE_NAME)  # abbr, expansion, from, to, aliases


def _slips(entry: Mapping[Any, Any], allowed: Sequence[str]) -> set[str]:
    """The known keys that an unknown key of ``entry`` is a slip for ('expanison': 'expansion')."""
    return {m for k in entry if k not in allowed if (m := closest(str(k), allowed))}


def _year(value: Any, what: str, problems: list[Problem], path: str) -> int | None:
    """A year given as a number, or as the digits our YAML loader keeps as text."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    problems.append((f"{what} must be a year or null, not {value!r}", "write the year in digits (1992), or leave it out", path))
    return None




def _name_from_data(where: str, entry: Any, problems: list[Problem], path: str) -> ArchiveName | None:
    if not isinstance(entry, Mapping):
        problems.append((f"{where} must be a mapping with {', '.join(_NAME_KEYS)}", "", path))
        return None
    problems += _unknown_keys(entry, _NAME_KEYS, where, path)
    slips = _slips(entry, _NAME_KEYS)
    before = len(problems)
    abbr, expansion, aliases = entry.get("abbr"), entry.get("expansion"), entry.get("aliases") or []
    for key, value in (("abbr", abbr), ("expansion", expansion)):
        if (not isinstance(value, str) or not value.strip()) and key not in slips:
            problems.append((f"{where} needs a non-empty '{key}'", f"give the name's {key}: '{key}: ...'",
                             f"{path}.{key}" if key in entry else path))
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        problems.append((f"the aliases of {where} must be a list of names", "write aliases: [TsPA IML, RTsKhIDNI]", f"{path}.aliases"))
    start = _year(entry.get("from"), f"'from' of {where}", problems, f"{path}.from")
    end = _year(entry.get("to"), f"'to' of {where}", problems, f"{path}.to")
    if start is not None and end is not None and start > end:
        problems.append((f"{where} ends ({end}) before it begins ({start})", "check the two years", f"{path}.to"))
    if len(problems) > before or slips & {"abbr", "expansion"}:
        return None
    return ArchiveName(str(abbr).strip(), str(expansion).strip(), start, end, tuple(a.strip() for a in aliases))


def _repository_from_data(rid: str, entry: Any) -> tuple[Repository | None, list[Problem]]:
    if not isinstance(entry, Mapping):
        return None, [(f"repository '{rid}' must be a mapping with 'city' and 'names'", "see docs/source-format.md, 'Archives'", rid)]
    problems = _unknown_keys(entry, _REPOSITORY_KEYS, f"repository '{rid}'", rid)
    city, raw = entry.get("city"), entry.get("names")
    if (not isinstance(city, str) or not city.strip()) and "city" not in _slips(entry, _REPOSITORY_KEYS):
        problems.append((f"repository '{rid}' needs a 'city'", "write 'city: Moscow' under the repository's id",
                         f"{rid}.city" if "city" in entry else f"key:{rid}"))
    if not isinstance(raw, list) or not raw:
        return None, [*problems, (f"repository '{rid}' needs a non-empty list of 'names'",
                                  "write 'names:' and below it each name as '- abbr: ...' with 'expansion:', 'from:', 'to:'",
                                  f"{rid}.names" if "names" in entry else f"key:{rid}")]
    names = [_name_from_data(f"name {i} of '{rid}'", n, problems, f"{rid}.names[{i - 1}]") for i, n in enumerate(raw, 1)]
    ordered = sorted(((i, n) for i, n in enumerate(names) if n), key=lambda p: (p[1].start is not None, p[1].start or 0))
    current = [(i, n) for i, n in ordered if n.end is None]
    if len(current) > 1:  # said at the older one: it is the name that lacks its 'to'
        i, n = current[0]
        problems.append((f"repository '{rid}' has more than one name without an end year: '{n.abbr}' and '{current[1][1].abbr}'",
                         f"give every name but the present one a 'to:' year: 'to:' under '{n.abbr}', the last year it was in use",
                         f"{rid}.names[{i}]"))
    for (_, a), (j, b) in itertools.pairwise(ordered):
        if a.end is None and len(current) > 1:
            continue  # the name without its end year, said above
        if a.end is None or b.start is None or b.start < a.end:
            problems.append((f"the periods of '{a.abbr}' and '{b.abbr}' ({rid}) overlap", "one name ends in the year the next begins",
                             f"{rid}.names[{j}].from" if b.start is not None else f"{rid}.names[{j}]"))
    return (None if problems else Repository(rid, str(city).strip(), tuple(n for _, n in ordered))), problems


class ArchivesRegister:
    """Repositories by id, and by every spelling of every name they have borne."""

    def __init__(self, repositories: Iterable[Repository] = ()) -> None:
        self._by_id: dict[str, Repository] = {}
        self._by_key: dict[str, tuple[Repository, ArchiveName]] = {}
        self._spellings: list[str] = []
        for repo in repositories:
            if clashes := self._add(repo):
                raise ValueError("; ".join(clashes))

    @classmethod
    def from_data(cls, data: Any, pos_of: Callable[[str], Pos]) -> tuple[ArchivesRegister, list[Diagnostic]]:
        """Build the register from the loaded YAML; faulty repositories are left out. ``pos_of``
        gives the place of a repository id ('rgali'), of a value below it ('rgali.names[0].from')
        or of a key ('key:rgali.city')."""
        register, diagnostics = cls(), []
        if not isinstance(data, Mapping):
            return register, [error(UNKNOWN, "the archives register must map repository ids to repositories")]
        for rid, entry in data.items():
            repo, problems = _repository_from_data(str(rid), entry)
            if repo is not None:
                problems = [(m, "give each spelling to one name only", f"{rid}.names") for m in register._add(repo)]
            diagnostics += [error(pos_of(where), message, hint) for message, hint, where in problems]
        return register, diagnostics

    def _add(self, repo: Repository) -> list[str]:
        if repo.id in self._by_id:
            return [f"repository '{repo.id}' is defined twice"]
        new: dict[str, tuple[str, ArchiveName]] = {}
        clashes = []
        for name in repo.names:
            for spelling in name.spellings:
                key = spelling_key(spelling)
                if known := self._by_key.get(key):
                    clashes.append(f"'{spelling}' ({repo.id}) already names '{known[1].abbr}' ({known[0].id})")
                elif key in new and new[key][1] != name:
                    clashes.append(f"'{spelling}' spells two names of '{repo.id}'")
                else:
                    new.setdefault(key, (spelling, name))
        if not clashes:
            self._by_id[repo.id] = repo
            self._by_key.update({key: (repo, name) for key, (_, name) in new.items()})
            self._spellings += [s for s, _ in new.values()]
        return clashes

    def __iter__(self) -> Iterator[Repository]:
        return iter(self._by_id.values())

    def __contains__(self, rid: object) -> bool:
        return rid in self._by_id

    def get(self, rid: str) -> Repository | None:
        return self._by_id.get(rid)

    @property
    def spellings(self) -> list[str]:
        """Every abbreviation and alias, as the register writes it."""
        return list(self._spellings)

    def lookup(self, abbr: str) -> Repository | None:
        found = self._by_key.get(spelling_key(abbr))
        return found[0] if found else None

    def name_for(self, abbr: str) -> ArchiveName | None:
        """The particular (perhaps former) name that ``abbr`` spells."""
        found = self._by_key.get(spelling_key(abbr))
        return found[1] if found else None
