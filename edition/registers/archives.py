"""Archival repositories, their changing names, and citations of their files.

The register (``sources/archives.yaml``) knows every name a repository has
borne, so "TsPA IML" (1985) and "RTsKhIDNI" (1995) are the same archive as
"RGASPI". Citations are read from the Russian and English forms of published
editions into plain data and printed back in the house style (no LaTeX here):

* ``f.``, ``op.``, ``d.``, ``vyp.``, then ``l.`` for one leaf or ``ll.`` for
  several or a range; ranges take an en dash; a verso is always ``ob.``;
* the form of the document follows as a sentence of its own:
  ``RGASPI, f. 558, op. 1, d. 5391, l. 3. Autograph``;
* no sentence-final period: the caller ends the note (``as_sentence`` adds one
  unless the text already ends with the period of "ob." or "ibid.");
* "ibid." is lower-case; capitalising it at the head of a note, and deciding
  which citation counts as the previous one, are the caller's business.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from edition.model.diagnostics import UNKNOWN, Diagnostic, Pos, did_you_mean, error
from edition.registers.archive_forms import Form as Form
from edition.registers.archive_forms import cyrillic_markers, parse_hand
from edition.registers.archive_forms import parse_form as parse_form

STYLES = ("modern", "as-cited")
LEVELS = ("fond", "opis", "delo", "vypusk")
NaturalKey = tuple[tuple[int, int, str], ...]


def spelling_key(text: str) -> str:
    """How archive names are compared: ignoring case, spaces and periods."""
    return re.sub(r"[\s.]+", "", text).casefold()


def _with_hint(message: str, hint: str) -> str:
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

Problem = tuple[str, str]  # message, hint


def _unknown_keys(entry: Mapping[Any, Any], allowed: Sequence[str], where: str) -> list[Problem]:
    return [(f"unknown key '{k}' in {where}", did_you_mean(str(k), allowed)) for k in entry if k not in allowed]


def _year(value: Any, what: str, problems: list[Problem]) -> int | None:
    """A year given as a number, or as the digits our YAML loader keeps as text."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    problems.append((f"{what} must be a year or null, not {value!r}", ""))
    return None


def _name_from_data(where: str, entry: Any, problems: list[Problem]) -> ArchiveName | None:
    if not isinstance(entry, Mapping):
        problems.append((f"{where} must be a mapping with abbr, expansion, from, to, aliases", ""))
        return None
    problems += _unknown_keys(entry, ("abbr", "expansion", "from", "to", "aliases"), where)
    before = len(problems)
    abbr, expansion, aliases = entry.get("abbr"), entry.get("expansion"), entry.get("aliases") or []
    for key, value in (("abbr", abbr), ("expansion", expansion)):
        if not isinstance(value, str) or not value.strip():
            problems.append((f"{where} needs a non-empty '{key}'", ""))
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        problems.append((f"the aliases of {where} must be a list of names", ""))
    start = _year(entry.get("from"), f"'from' of {where}", problems)
    end = _year(entry.get("to"), f"'to' of {where}", problems)
    if start is not None and end is not None and start > end:
        problems.append((f"{where} ends ({end}) before it begins ({start})", ""))
    if len(problems) > before:
        return None
    return ArchiveName(str(abbr).strip(), str(expansion).strip(), start, end, tuple(a.strip() for a in aliases))


def _repository_from_data(rid: str, entry: Any) -> tuple[Repository | None, list[Problem]]:
    if not isinstance(entry, Mapping):
        return None, [(f"repository '{rid}' must be a mapping with 'city' and 'names'", "")]
    problems = _unknown_keys(entry, ("city", "names"), f"repository '{rid}'")
    city, raw = entry.get("city"), entry.get("names")
    if not isinstance(city, str) or not city.strip():
        problems.append((f"repository '{rid}' needs a 'city'", ""))
    if not isinstance(raw, list) or not raw:
        return None, [*problems, (f"repository '{rid}' needs a non-empty list of 'names'", "")]
    names = [_name_from_data(f"name {i} of '{rid}'", n, problems) for i, n in enumerate(raw, 1)]
    ordered = sorted((n for n in names if n), key=lambda n: (n.start is not None, n.start or 0))
    if sum(n.end is None for n in ordered) > 1:
        problems.append((f"repository '{rid}' has more than one name without an end year", ""))
    for a, b in itertools.pairwise(ordered):
        if a.end is None or b.start is None or b.start < a.end:
            problems.append((f"the periods of '{a.abbr}' and '{b.abbr}' ({rid}) overlap", ""))
    return (None if problems else Repository(rid, str(city).strip(), tuple(ordered))), problems


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
        """Build the register from the loaded YAML; faulty repositories are left out."""
        register, diagnostics = cls(), []
        if not isinstance(data, Mapping):
            return register, [error(UNKNOWN, "the archives register must map repository ids to repositories")]
        for rid, entry in data.items():
            repo, problems = _repository_from_data(str(rid), entry)
            if repo is not None:
                problems = [(m, "") for m in register._add(repo)]
            diagnostics += [error(pos_of(str(rid)), message, hint) for message, hint in problems]
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


# --- the citation model -------------------------------------------------------


_DIGITS_OR_NOT = re.compile(r"[0-9]+|[^0-9]+")


def natural_key(text: str | None) -> NaturalKey:
    """Sort key that puts "9" before "10" and "71" before "71a"."""
    parts = _DIGITS_OR_NOT.findall(text or "")
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.casefold()) for p in parts)


@dataclass(frozen=True)
class FolioRange:
    """One leaf ("3", "3 ob.") or a run of leaves ("2-3 ob.")."""

    start: str
    end: str | None = None
    verso: bool = False  # the last leaf named (``end``, or ``start`` alone) is cited on its verso
    start_verso: bool = False  # a range that begins on the verso of ``start``

    @property
    def backwards(self) -> bool:
        first, last = (natural_key(self.start), self.start_verso), (natural_key(self.end), self.verso)
        return self.end is not None and first > last

    def __str__(self) -> str:
        """House style: "3", "3 ob.", "2–3 ob." (en dash)."""
        first = self.start + (" ob." if self.start_verso else "")
        last = "" if self.end is None else f"–{self.end}"
        return (first if last else self.start) + last + (" ob." if self.verso else "")


@dataclass(frozen=True)
class ArchivalCitation:
    repository: str | None  # register id; None only while an "ibid." is unresolved
    cited_as: str = ""  # the archive's name as the source wrote it
    fond: str | None = None
    opis: str | None = None
    delo: str | None = None
    vypusk: str | None = None
    folios: tuple[FolioRange, ...] = ()
    form: Form | None = None
    form_as_written: str = ""
    ibid: bool = False  # the source wrote "ibid." / "Там же"
    hand: str = ""  # whose hand an autograph is in, when not the author's: "Автограф С. Чечулина"
    notices: tuple[str, ...] = ()  # what was read in a way worth a warning (a Latin letter in a Cyrillic marker)

    def same_file(self, other: ArchivalCitation) -> bool:
        """Same repository, fond, opis, delo and vypusk (and these are known)."""
        keys = ("repository", *LEVELS)
        return bool(self.repository and self.fond) and all(
            (getattr(self, k) or None) == (getattr(other, k) or None) for k in keys
        )


# --- parsing -------------------------------------------------------------------

_MARKERS = {
    "fond": r"f\.|ф\.|fond(?!\w)|фонд(?!\w)",
    "opis": r"op\.|on\.|оп\.?|opis['ʹ’]?(?!\w)|опись(?!\w)",  # "On." is a frequent OCR slip; "Оп 11" drops the period
    "delo": r"d\.|д\.|delo(?!\w)|дело(?!\w)",
    "vypusk": r"vyp\.|вып\.|vypusk(?!\w)|выпуск(?!\w)",
    "folios": r"ll\.|лл\.|l\.|л\.|listy?(?!\w)|листы?(?!\w)",
}
# A level's marker, only where a number (or a roman issue number) follows it.
_MARKER = re.compile(
    r"(?<!\w)(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _MARKERS.items()) + r")\s*"
    r"(?=\d|[^\W\d_]{1,2}-?\d|[IVXLC]+(?!\w))",
    re.IGNORECASE,
)
_VALUE = re.compile(r"(?:[^\W\d_]{1,2}-?)?\d+(?:[^\W\d_](?![^\W\d_]))?")  # 558, R-5446, 71a
_ISSUE = re.compile(r"\d+|[IVXLC]+(?!\w)", re.IGNORECASE)
_LEAF, _VERSO = r"\d+(?:[abаб](?![^\W\d_]))?", r"\s*(?:ob|об|v)\.?(?![^\W\d_])"
_ITEM = re.compile(rf"(?P<s>{_LEAF})(?P<sv>{_VERSO})?(?:\s*[-–—‐‑]\s*(?P<e>{_LEAF})(?P<ev>{_VERSO})?)?", re.IGNORECASE)
_NEXT_LEAF = re.compile(r"\s*,\s*(?=\d)")
_IBID = re.compile(r"(?:ibid(?:em)?|там\s+же|tam\s+zhe)(?!\w)\.?", re.IGNORECASE)
_PHRASE_END = re.compile(r"[,;]|\.(?=\s|$)|$")
_RANK = {"fond": 0, "opis": 1, "delo": 2, "vypusk": 2, "folios": 3}  # vyp. may stand either side of d.
_SEPARATORS = re.compile(r"[ ,;.:]*")
MAX_CITATION = 1000  # characters: real ones are under 200; the loop's scans ahead then stay under a million steps


def _read_folios(text: str, pos: int) -> tuple[tuple[FolioRange, ...], int]:
    folios: list[FolioRange] = []
    while m := _ITEM.match(text, pos):
        if m["e"] is None:
            folios.append(FolioRange(m["s"], verso=bool(m["sv"])))
        else:
            folios.append(FolioRange(m["s"], m["e"], verso=bool(m["ev"]), start_verso=bool(m["sv"])))
        more = _NEXT_LEAF.match(text, pos := m.end())
        if not more:
            break
        pos = more.end()
    return tuple(folios), pos


def _folio_problems(folios: Iterable[FolioRange]) -> list[str]:
    return [f"folio range '{f}' runs backwards" for f in folios if f.backwards]


def parse_folios(text: str) -> tuple[tuple[FolioRange, ...], list[str]]:
    """Read "75, 76", "2-3 ob.", "ll. 12–14" (the marker is optional)."""
    text = " ".join(text.split())
    marker = re.match(f"(?:{_MARKERS['folios']})\\s*", text, re.IGNORECASE)
    folios, end = _read_folios(text, marker.end() if marker else 0)
    problems = _folio_problems(folios)
    if rest := text[end:].strip(" .,;"):
        problems.append(f"could not read '{rest}' in the folios '{text}'")
    return folios, problems


def _read_archive(text: str, register: ArchivesRegister, problems: list[str]) -> tuple[Repository | None, str, int]:
    """The archive's name: everything before the first level marker."""
    first = _MARKER.search(text)
    end = first.start() if first else len(text)
    name = text[:end].strip(" ,;.:")
    repo = register.lookup(name)
    parts = re.split(r"\s*[,;]\s*", name, maxsplit=1)
    if repo is None and len(parts) == 2 and (repo := register.lookup(parts[0])) is not None:
        problems.append(f"could not read '{parts[1]}' after the archive's name")
        name = parts[0]
    if repo is None:
        problems.append(_with_hint(f"unknown archive '{name}'", did_you_mean(name, register.spellings)))
    return repo, name, end


def parse_citation(text: str, register: ArchivesRegister) -> tuple[ArchivalCitation | None, list[str]]:  # noqa: C901
    """Read one archival reference; any problem means "do not print it as it stands".

    The citation is None when no archive (and no "ibid.") could be identified;
    otherwise it holds all that was read, even when there are problems.
    """
    s, notices = cyrillic_markers(" ".join(text.split()))
    if not s:
        return None, ["empty archival citation"]
    if len(s) > MAX_CITATION:
        return None, [f"archival citation of {len(s)} characters, over the limit of {MAX_CITATION}: split it"]
    problems: list[str] = []
    hand = ""
    ibid = _IBID.match(s)
    repo, cited_as, pos = (None, "", ibid.end()) if ibid else _read_archive(s, register, problems)
    values: dict[str, Any] = {}
    form_written, seen = "", -1
    while (pos := _SEPARATORS.match(s, pos).end()) < len(s):  # type: ignore[union-attr]  # [ ,;.:]* always matches
        marker = _MARKER.match(s, pos)
        if marker is None:  # not a level: the form, or something we cannot place
            end = max(min(m.start() for m in (_PHRASE_END.search(s, pos), _MARKER.search(s, pos)) if m), pos + 1)
            phrase, pos = s[pos:end].strip(), end
            if (handed := parse_hand(phrase)) is not None and not form_written:
                form_written, hand = phrase, handed[1]
            elif parse_form(phrase) is None and (handed := parse_hand(s[pos - len(phrase):].strip(" ."))) is not None:
                form_written, hand, pos = s[pos - len(phrase):].strip(" ."), handed[1], len(s)
            elif parse_form(phrase) is None:
                problems.append(f"could not read '{phrase}'")
            elif form_written and parse_form(form_written) == Form.ORIGINAL:
                form_written = phrase  # "Подлинник. Машинопись.": the original, in typescript
            elif form_written:
                problems.append(f"a second form '{phrase}' after '{form_written}'")
            else:
                form_written = phrase
            continue
        level, written = str(marker.lastgroup), marker.group(marker.lastgroup or 0)
        value: Any = None
        if level == "folios":
            value, pos = _read_folios(s, marker.end())
        elif m := (_ISSUE if level == "vypusk" else _VALUE).match(s, marker.end()):
            value, pos = m.group(), m.end()
        if not value:
            problems.append(f"'{written}' is not followed by a number")
            pos = marker.end()
            continue
        if level in values:
            problems.append(f"'{written}' is given twice")
        elif _RANK[level] < seen:
            problems.append(f"'{s[marker.start():pos]}' is out of order")
        seen = max(seen, _RANK[level])
        values.setdefault(level, value)
    if ibid is None and repo is None:
        return None, problems
    if ibid is None and "fond" not in values:
        problems.append("no fond (f.) given")
    folios = values.pop("folios", ())
    problems += _folio_problems(folios)
    form = Form.AUTOGRAPH if hand else parse_form(form_written)
    return ArchivalCitation(repo.id if repo else None, cited_as, **values, folios=folios, form=form,
                            form_as_written=form_written, ibid=ibid is not None, hand=hand, notices=tuple(notices)), problems


def validate_citation(c: ArchivalCitation, register: ArchivesRegister | None = None) -> list[str]:
    """Problems of a citation built from structured data rather than parsed."""
    problems = []
    if not c.ibid and not c.repository:
        problems.append("no archive given")
    if c.repository and register is not None and c.repository not in register:
        hint = did_you_mean(c.repository, [r.id for r in register])
        problems.append(_with_hint(f"unknown repository '{c.repository}'", hint))
    if not c.ibid and not c.fond:
        problems.append("no fond given")
    problems += [f"folio {i} is empty" for i, f in enumerate(c.folios, 1) if not f.start.strip()]
    if c.form is None and c.form_as_written:
        problems.append(f"unknown form '{c.form_as_written}'")
    return problems + _folio_problems(c.folios)


# --- ibid and formatting --------------------------------------------------------


def resolve_ibid(seq: Sequence[ArchivalCitation]) -> tuple[list[ArchivalCitation], list[str]]:
    """Fill every "ibid." from the citation before it (as resolved).

    An ibid takes the archive from its predecessor and, of fond/opis/delo/vypusk,
    the levels above the first one it states ("ibid., f. 17" keeps only the
    archive; "Там же. Л. 38" keeps the whole file). Only a bare "ibid." takes the
    folios too; the form is never taken. Resolved citations keep ``ibid=True``.
    """
    out: list[ArchivalCitation] = []
    problems: list[str] = []
    for i, c in enumerate(seq, 1):
        prev = out[-1] if out else None
        if c.ibid and c.repository is None:
            if prev is None or prev.repository is None:
                problems.append(f"citation {i}: 'ibid.' has no preceding citation to refer to")
            else:
                given = [bool(getattr(c, level)) for level in LEVELS]
                first = given.index(True) if any(given) else len(LEVELS)
                inherited = {level: getattr(prev, level) for level in LEVELS[:first]}
                folios = prev.folios if first == len(LEVELS) and not c.folios else c.folios
                c = replace(c, repository=prev.repository, cited_as=prev.cited_as, folios=folios, **inherited)
        out.append(c)
    return out, problems


def format_folios(folios: Sequence[FolioRange]) -> str:
    """ "l. 3", "ll. 75, 76", "ll. 2–3 ob."; empty when there are none."""
    if not folios:
        return ""
    several = len(folios) > 1 or folios[0].end is not None
    return ("ll. " if several else "l. ") + ", ".join(str(f) for f in folios)


def _archive_label(c: ArchivalCitation, register: ArchivesRegister, style: str, first_mention: bool) -> str:
    repo = register.get(c.repository) if c.repository else None
    if repo is None:
        return c.cited_as or c.repository or ("ibid." if c.ibid else "")
    modern = repo.modern
    cited = register.name_for(c.cited_as) if c.cited_as else None
    if style == "modern" or cited is None or cited not in repo.names or cited == modern:
        return modern.abbr
    return f"{cited.abbr} [now {modern.abbr}]" if first_mention else cited.abbr


def format_citation(
    c: ArchivalCitation, register: ArchivesRegister, style: str = "modern",
    previous: ArchivalCitation | None = None, first_mention: bool = True,
) -> str:
    """The citation in house style, without a closing period.

    "modern" names the archive by its present name; "as-cited" by the name the
    source used (register spelling), with "[now <present name>]" on its first
    mention. The same file as ``previous`` prints as "ibid., l. 38", or "ibid."
    when the folios match too (the form only if it changed); a whole file after
    some of its leaves is printed in full, since "ibid." would claim those leaves.
    """
    if style not in STYLES:
        raise ValueError(f"unknown citation style '{style}' (known: {', '.join(STYLES)})")
    form = (c.form.value + (f" ({c.hand})" if c.hand else "")) if c.form else c.form_as_written
    if previous is not None and c.same_file(previous) and (c.folios or not previous.folios):
        body = "ibid." if c.folios == previous.folios else "ibid., " + format_folios(c.folios)
        if (c.form, c.form_as_written) == (previous.form, previous.form_as_written):
            form = ""
    else:
        levels = zip(("f.", "op.", "d.", "vyp."), (c.fond, c.opis, c.delo, c.vypusk), strict=True)
        parts = [_archive_label(c, register, style, first_mention), *(f"{abbr} {v}" for abbr, v in levels if v)]
        body = ", ".join(p for p in (*parts, format_folios(c.folios)) if p)
    if not form:
        return body
    return f"{body} {form}" if body.endswith(".") else f"{body}. {form}"


def as_sentence(text: str) -> str:
    """``text`` ending in a period, without doubling one that closes an abbreviation."""
    return text if text.endswith(".") else text + "."


def short_ref(c: ArchivalCitation) -> tuple[str, NaturalKey, NaturalKey, NaturalKey]:
    """Sort key for the list of archival sources: repository, then fond, opis, delo."""
    return (c.repository or "", natural_key(c.fond), natural_key(c.opis), natural_key(c.delo))
