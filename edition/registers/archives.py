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

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from edition.model.diagnostics import did_you_mean
from edition.registers.archive_forms import Form as Form
from edition.registers.archive_forms import cyrillic_markers, parse_hand
from edition.registers.archive_forms import parse_form as parse_form
from edition.registers.repositories import ArchiveName as ArchiveName
from edition.registers.repositories import ArchivesRegister as ArchivesRegister
from edition.registers.repositories import Repository as Repository
from edition.registers.repositories import spelling_key as spelling_key
from edition.registers.repositories import with_hint

STYLES = ("modern", "as-cited")
LEVELS = ("fond", "opis", "delo", "vypusk")
NaturalKey = tuple[tuple[int, int, str], ...]


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
        problems.append(with_hint(f"unknown archive '{name}'", did_you_mean(name, register.spellings)))
    return repo, name, end


@dataclass
class _Reading:
    """What has been read of one citation so far, as its reader walks along it."""

    s: str
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    form_written: str = ""
    hand: str = ""
    seen: int = -1  # rank of the deepest level read

    def phrase(self, pos: int) -> int:
        """Not a level: the document's form ("Autograph", "Автограф С. Чечулина"), or unreadable."""
        s = self.s
        end = max(min(m.start() for m in (_PHRASE_END.search(s, pos), _MARKER.search(s, pos)) if m), pos + 1)
        phrase = s[pos:end].strip()
        if (handed := parse_hand(phrase)) is not None and not self.form_written:
            self.form_written, self.hand = phrase, handed[1]
        elif parse_form(phrase) is None and (handed := parse_hand(s[end - len(phrase):].strip(" ."))) is not None:
            self.form_written, self.hand, end = s[end - len(phrase):].strip(" ."), handed[1], len(s)
        elif parse_form(phrase) is None:
            self.problems.append(f"could not read '{phrase}'")
        elif self.form_written and parse_form(self.form_written) == Form.ORIGINAL:
            self.form_written = phrase  # "Подлинник. Машинопись.": the original, in typescript
        elif self.form_written:
            self.problems.append(f"a second form '{phrase}' after '{self.form_written}'")
        else:
            self.form_written = phrase
        return end

    def level(self, marker: re.Match[str]) -> int:
        """A level's marker and its value: "f. 558", "ll. 2-3 ob.", "vyp. II"."""
        s, level = self.s, str(marker.lastgroup)
        written = marker.group(level)
        value: Any = None
        pos = marker.end()
        if level == "folios":
            value, pos = _read_folios(s, marker.end())
        elif m := (_ISSUE if level == "vypusk" else _VALUE).match(s, marker.end()):
            value, pos = m.group(), m.end()
        if not value:
            self.problems.append(f"'{written}' is not followed by a number")
            return marker.end()
        if level in self.values:
            self.problems.append(f"'{written}' is given twice")
        elif _RANK[level] < self.seen:
            self.problems.append(f"'{s[marker.start():pos]}' is out of order")
        self.seen = max(self.seen, _RANK[level])
        self.values.setdefault(level, value)
        return pos


def parse_citation(text: str, register: ArchivesRegister) -> tuple[ArchivalCitation | None, list[str]]:
    """Read one archival reference; any problem means "do not print it as it stands".

    The citation is None when no archive (and no "ibid.") could be identified;
    otherwise it holds all that was read, even when there are problems.
    """
    s, notices = cyrillic_markers(" ".join(text.split()))
    if not s:
        return None, ["empty archival citation"]
    if len(s) > MAX_CITATION:
        return None, [f"archival citation of {len(s)} characters, over the limit of {MAX_CITATION}: split it"]
    r = _Reading(s)
    ibid = _IBID.match(s)
    repo, cited_as, pos = (None, "", ibid.end()) if ibid else _read_archive(s, register, r.problems)
    while (pos := _SEPARATORS.match(s, pos).end()) < len(s):  # type: ignore[union-attr]  # [ ,;.:]* always matches
        marker = _MARKER.match(s, pos)
        pos = r.phrase(pos) if marker is None else r.level(marker)
    if ibid is None and repo is None:
        return None, r.problems
    if ibid is None and "fond" not in r.values:
        r.problems.append("no fond (f.) given")
    folios = r.values.pop("folios", ())
    r.problems += _folio_problems(folios)
    form = Form.AUTOGRAPH if r.hand else parse_form(r.form_written)
    return ArchivalCitation(repo.id if repo else None, cited_as, **r.values, folios=folios, form=form,
                            form_as_written=r.form_written, ibid=ibid is not None, hand=r.hand,
                            notices=tuple(notices)), r.problems


def validate_citation(c: ArchivalCitation, register: ArchivesRegister | None = None) -> list[str]:
    """Problems of a citation built from structured data rather than parsed."""
    problems = []
    if not c.ibid and not c.repository:
        problems.append("no archive given")
    if c.repository and register is not None and c.repository not in register:
        hint = did_you_mean(c.repository, [r.id for r in register])
        problems.append(with_hint(f"unknown repository '{c.repository}'", hint))
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
