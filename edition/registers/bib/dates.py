"""Dates of works: biblatex's ``date`` (ISO 8601 with ranges), or ``year``, ``month`` and ``day``.

BibTeX's month macros read as "January"...; ``month = "10~" # jan`` gives a day
too, ``jun # "-" # aug`` a range of months. What cannot be read stays as
written (``literal``), so it is printed rather than lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH_NAME = {**{m: n for n, m in enumerate(MONTHS, 1)}, **{m[:3]: n for n, m in enumerate(MONTHS, 1)},
               "sept": 9}


@dataclass(frozen=True)
class Day:
    """A year, perhaps with a month, perhaps with a day."""

    year: int
    month: int | None = None
    day: int | None = None

    def parts(self) -> list[int]:
        return [p for p in (self.year, self.month, self.day) if p is not None]

    def iso(self) -> str:
        return "-".join([f"{self.year:04d}", *(f"{p:02d}" for p in self.parts()[1:])])


@dataclass(frozen=True)
class WorkDate:
    """When a work appeared: a day, a range (``end``; open if ``open_end``), or text as written."""

    start: Day | None = None
    end: Day | None = None
    open_end: bool = False
    uncertain: bool = False  # "1988?" or "1988~"
    literal: str = ""

    def __bool__(self) -> bool:
        return self.start is not None or bool(self.literal)

    @property
    def year(self) -> str:
        """The year or years as Chicago and GOST print them: "1958–1965", "1988–", "1911"."""
        if self.start is None:
            return self.literal
        end = "–" if self.open_end else f"–{self.end.year}" if self.end and self.end.year != self.start.year else ""
        return f"{self.start.year}{end}"

    def iso(self) -> str:
        """As biblatex's ``date`` field writes it."""
        if self.start is None:
            return ""
        return self.start.iso() + ("/" if self.open_end else f"/{self.end.iso()}" if self.end else "")


_ISO_DAY = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?([?~%]?)$")


def _iso_day(text: str) -> tuple[Day | None, bool]:
    m = _ISO_DAY.match(text.strip())
    if not m:
        return None, False
    year, month, day = int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None
    if month is not None and not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
        return None, False
    return Day(year, month, day), bool(m[4])


def parse_iso(text: str) -> WorkDate:
    """biblatex's date: "2000", "2000-12", "2000-12-18", "1958/1965", "1988/" (open), "1988?"."""
    text = text.strip()
    if not text:
        return WorkDate()
    first, slash, second = text.partition("/")
    start, doubt = _iso_day(first)
    if start is None:
        return WorkDate(literal=text)
    if not slash:
        return WorkDate(start, uncertain=doubt)
    if not second.strip() or second.strip() == "..":
        return WorkDate(start, open_end=True, uncertain=doubt)
    end, doubt2 = _iso_day(second)
    return WorkDate(start, end, uncertain=doubt or doubt2) if end else WorkDate(literal=text)


def _month(text: str) -> tuple[int | None, int | None]:
    """A month field: "7", "jul", "July", "10 January" (a day), "January 10"."""
    words = re.findall(r"[^\W\d_]+|\d+", text.casefold())
    month = next((_MONTH_NAME[w] for w in words if w in _MONTH_NAME), None)
    numbers = [int(w) for w in words if w.isdigit()]
    if month is None and len(numbers) == 1 and 1 <= numbers[0] <= 12 and len(words) == 1:
        return numbers[0], None
    if month is not None and len(words) == 2 and len(numbers) == 1 and 1 <= numbers[0] <= 31:
        return month, numbers[0]
    return (month, None) if month is not None and len(words) == 1 else (None, None)


def _year_range(text: str) -> WorkDate:
    """A year field: "1911", "1958--1965", "1968–90" (the century of the first), "1988-"."""
    m = re.fullmatch(r"\s*(\d{3,4})\s*(?:(?:--?|–|/)\s*(\d{2,4})?)?\s*", text)
    if not m:
        return WorkDate(literal=text.strip())
    start = int(m[1])
    if m[2] is None:
        return WorkDate(Day(start), open_end=bool(re.search(r"[-–/]\s*$", text)))
    end = int(m[2]) if len(m[2]) > 2 else start // 100 * 100 + int(m[2])
    return WorkDate(Day(start), Day(end))


def work_date(date: str, year: str, month: str = "", day: str = "") -> WorkDate:
    """The date of a work from its fields, ``date`` first."""
    if date.strip():
        return parse_iso(date)
    if not year.strip():
        return WorkDate()
    found = _year_range(year)
    if found.start is None or found.end is not None or found.open_end:
        return found
    if not month.strip():
        return found
    months = re.split(r"\s*(?:--?|–|/|,)\s*", month.strip())
    first, first_day = _month(months[0])
    if first is None:
        return WorkDate(literal=f"{month.strip()} {year.strip()}")
    if day.strip().isdigit() and first_day is None:
        first_day = int(day)
    if len(months) == 2:
        last, last_day = _month(months[1])
        if last is not None:
            return WorkDate(Day(found.start.year, first, first_day), Day(found.start.year, last, last_day))
    return WorkDate(Day(found.start.year, first, first_day))
