"""Dates of documents: precision, ranges, limits, calendars, editorial supply.

A date is written in a source either as a short string (``1912-12``,
``1926-05-26``, ``1926-05-24/1926-05-26``) or as a mapping with ``when``,
``from``/``to``, ``not_before``/``not_after``, ``calendar`` (``julian`` for Old
Style dates, which Russia used until February 1918), ``supplied`` (the editor
established the date: it prints in square brackets) and ``cert``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateError(ValueError):
    pass


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int = 0
    day: int = 0

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        m = _ISO.match(text.strip())
        if not m:
            raise DateError(f"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
        if year == 0:
            raise DateError(f"year 0 in '{text}' does not exist: 1 BC is followed by AD 1")
        if month and not 1 <= month <= 12:
            raise DateError(f"month {month} out of range in '{text}'")
        if day and not 1 <= day <= _days_in_month(year, month, julian=True):
            raise DateError(f"day {day} out of range in '{text}'")
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
        if self.day:
            out += f"-{self.day:02d}"
        return out

    def julian_to_gregorian(self) -> PartialDate:
        if not self.day:
            return self
        return PartialDate(*_jdn_to_gregorian(_julian_to_jdn(self.year, self.month, self.day)))


def _days_in_month(year: int, month: int, julian: bool) -> int:
    if month == 2:
        leap = year % 4 == 0 if julian else (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _julian_to_jdn(y: int, m: int, d: int) -> int:
    a = (14 - m) // 12
    y2, m2 = y + 4800 - a, m + 12 * a - 3
    return d + (153 * m2 + 2) // 5 + 365 * y2 + y2 // 4 - 32083


def _jdn_to_gregorian(jdn: int) -> tuple[int, int, int]:
    a = jdn + 32044
    b = (4 * a + 3) // 146097
    c = a - 146097 * b // 4
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = 100 * b + d - 4800 + m // 10
    return year, month, day


@dataclass(frozen=True)
class EditionDate:
    """The date of a document as the edition states it."""

    start: PartialDate | None = None
    end: PartialDate | None = None  # for a range start..end
    not_before: PartialDate | None = None
    not_after: PartialDate | None = None
    calendar: str = "gregorian"  # the calendar of the dates as written
    supplied: bool = False
    cert: str = "high"

    def __post_init__(self) -> None:
        """A day that exists in the Julian calendar only (29 February 1900) is refused in a Gregorian date."""
        if self.calendar == "julian":
            return
        for d in (self.start, self.end, self.not_before, self.not_after):
            if d is not None and d.day > _days_in_month(d.year, d.month, julian=False):
                raise DateError(f"day {d.day} out of range in '{d.iso()}': {d.year} is not a leap year in the Gregorian calendar"
                                + (" (write calendar: julian for an Old Style date)" if d.year < 1918 else ""))

    @property
    def sort_key(self) -> str:
        d = self.start or self.not_before or self.not_after
        if d is None:
            return "9999"
        if self.calendar == "julian":
            d = d.julian_to_gregorian()
        return d.iso()

    def text(self) -> str:
        """The date in words, with the New Style date beside an Old Style one."""
        if self.start and self.end:
            body = _range(self.start, self.end, self.calendar)
        elif self.start:
            body = _words(self.start, self.calendar)
        elif self.not_before and self.not_after:
            body = f"between {_words(self.not_before, self.calendar)} and {_words(self.not_after, self.calendar)}"
        elif self.not_before:
            body = f"not before {_words(self.not_before, self.calendar)}"
        elif self.not_after:
            body = f"not after {_words(self.not_after, self.calendar)}"
        else:
            body = "undated"
        if self.cert != "high":
            body += "?"
        return f"[{body}]" if self.supplied else body


def _words(d: PartialDate, calendar: str) -> str:
    if calendar == "julian" and d.day:
        g = d.julian_to_gregorian()
        if g.month == d.month:
            return f"{d.day} ({g.day}) {MONTHS[d.month - 1]} {d.year}"
        if g.year == d.year:
            return f"{d.day} {MONTHS[d.month - 1]} ({g.day} {MONTHS[g.month - 1]}) {d.year}"
        return f"{d.day} {MONTHS[d.month - 1]} {d.year} ({g.day} {MONTHS[g.month - 1]} {g.year})"
    if d.day:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if d.month:
        return f"{MONTHS[d.month - 1]} {d.year}"
    return str(d.year)


def _range(a: PartialDate, b: PartialDate, calendar: str) -> str:
    if calendar != "julian" and a.day and b.day and (a.year, a.month) == (b.year, b.month):
        return f"{a.day}\u2013{b.day} {MONTHS[a.month - 1]} {a.year}"
    return f"{_words(a, calendar)} \u2013 {_words(b, calendar)}"


# Month names as sources write them: English by their first three letters ("Sept.", "Jany."), Russian by their
# stems, in any case ("марта", "сентябрь"), or abbreviated ("сент.", "нояб."). May has the one two-letter stem.
_EN_MONTHS = tuple(m[:3].casefold() for m in MONTHS)
_RU_MONTHS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр")


def month_of(word: str) -> int | None:
    """The number of a month named in English or Russian ("March", "Sept.", "марта", "сент."), or None."""
    low = word.casefold().rstrip(".")
    for table in (_EN_MONTHS, _RU_MONTHS):
        for i, stem in enumerate(table, 1):
            if low.startswith(stem) and not (stem == "ма" and not re.fullmatch(r"ма[йяе]", low)):
                return i
    if len(low) >= 3:
        return next((i for i, stem in enumerate(_RU_MONTHS, 1) if len(stem) > 3 and stem.startswith(low)), None)
    return None


_WRITTEN = (
    (re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"), "dmy"),  # 11.03.1892
    (re.compile(r"(\d{1,2})\s+([^\W\d_]+\.?),?\s+(\d{4})(?:\s*(?:г\.?|года))?"), "d month y"),  # 11 марта 1892 г., 11 March 1892
    (re.compile(r"([^\W\d_]+\.?)\s+(\d{1,2}),?\s+(\d{4})"), "month d y"),  # March 11, 1892
    (re.compile(r"([^\W\d_]+\.?)\s+(\d{4})(?:\s*(?:г\.?|года))?"), "month y"),  # March 1892, март 1892 г.
)


def iso_of(text: str) -> str | None:
    """The ISO form of a date written as people write it ("11.03.1892", "11 марта 1892 г.", "March 11, 1892",
    "March 1892"), for a hint; None when the text is none of these or no such day exists."""
    text = text.strip()
    for pattern, shape in _WRITTEN:
        m = pattern.fullmatch(text)
        if not m:
            continue
        parts = m.groups()
        month: int | None
        if shape == "dmy":
            day, month, year = int(parts[0]), int(parts[1]), int(parts[2])
        elif shape == "d month y":
            day, month, year = int(parts[0]), month_of(parts[1]), int(parts[2])
        elif shape == "month d y":
            day, month, year = int(parts[1]), month_of(parts[0]), int(parts[2])
        else:
            month, year = month_of(parts[0]), int(parts[1])
            return f"{year:04d}-{month:02d}" if month else None
        if month is None or not 1 <= month <= 12 or not 1 <= day <= _days_in_month(year, month, False):
            return None
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def parse_date_string(text: str, calendar: str = "gregorian") -> EditionDate:
    """``1912-12``, ``[1912-12]`` (supplied), ``1926-05-24/1926-05-26``."""
    text = text.strip()
    supplied = text.startswith("[") and text.endswith("]")
    if supplied:
        text = text[1:-1].strip()
    if "/" in text:
        a, b = (PartialDate.parse(t) for t in text.split("/", 1))
        if b < a:
            raise DateError(f"the range '{text}' ends before it starts")
        return EditionDate(start=a, end=b, supplied=supplied, calendar=calendar)
    return EditionDate(start=PartialDate.parse(text), supplied=supplied, calendar=calendar)
