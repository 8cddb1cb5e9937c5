"""Dates as raw copies write them, in English and Russian, read into the source format's date mapping.

``read_date`` takes a phrase ("Written later than October 3, 1916", "Написано 20
апреля 1918 г.", "Between February 19 and 27, 1917", "November 19 (December 2),
1917", "19/VIII. 32", "1932.08.19") and returns ``{"when": "1932-08-19"}``,
``{"not_before": ..., "not_after": ...}``, ``{"when": ..., "calendar": "julian"}``
and the like, or None. ``find_date`` finds the first date inside longer text.
A two-digit year is taken as 19YY.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from edition.model.dates import month_of
from edition.registers.names import OLD_LETTERS

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12}

# with the abbreviations of the eighteenth century too: "Jany.", "Septr.", "Novr."
_EN_MONTH = (r"(?P<mon>Jan(?:uary|y)?|Feb(?:ruary|y)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust|t)?|Sept?(?:ember|r)?|Oct(?:ober|r)?"
             r"|Nov(?:ember|r)?|Dec(?:ember|r)?)\.?")
_RU_MONTH = (r"(?P<mon>январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|"
             r"октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]|янв\.|февр?\.|мар\.|апр\.|авг\.|сент?\.|окт\.|нояб?\.|дек\.)")
_ROMAN_RE = r"(?:XII|XI|X|IX|VIII|VII|VI|IV|V|III|II|I)\b"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
_DAY = r"(?P<day>[0-3]?\d)"
_OS = (r"(?:\s*\((?P<ns>(?:(?P<ns_mon1>[A-Za-zА-Яа-яё]+)\.?\s+)?(?P<ns_day>[0-3]?\d)(?:\s+(?P<ns_mon2>[A-Za-zА-Яа-яё]+))?)\s*\))?")
# the other calendar's day in brackets: "8 (21)", "19 (December 2)", "20 (7) марта"
_YEAR_WORD = r"(?:\s*(?:г\.|гг\.|года|год))?"

_PATTERNS = [
    # 19 августа 1932 г., 31 дня августа 1918 г., 20 (7) марта 1918 г.
    ("dmy", re.compile(rf"(?<!\d){_DAY}{_OS}(?:\s+дня)?\s+{_RU_MONTH}\s*,?\s+{_YEAR}{_YEAR_WORD}", re.I)),
    # 1904 г. Января 2. (the Tolstoy edition's dating: year, month, day)
    ("ymd", re.compile(rf"(?<!\d){_YEAR}\s*г\.\s+{_RU_MONTH}\s+{_DAY}(?!\d)", re.I)),
    # November 11, 1917; Nov. 19 (December 2), 1917
    ("mdy", re.compile(rf"\b{_EN_MONTH},?\s+{_DAY}(?:st|nd|rd|th|d\.?)?{_OS},?\s+{_YEAR}\b")),  # also "December, 23rd, 1920"
    # February 27 [1915]: the year supplied by the editor
    ("mdy", re.compile(rf"\b{_EN_MONTH}\s+{_DAY}(?:st|nd|rd|th)?\s*\[{_YEAR}\]")),
    # 11 November 1917, 16 February, 1920
    ("dmy", re.compile(rf"(?<!\d){_DAY}(?:st|nd|rd|th|d\.?)?{_OS}\s+{_EN_MONTH},?\s+{_YEAR}\b")),  # "3d. Novr. 1796"
    # 29. IV(11. V) 1855 г., 2(14). IX 1855 г.: an Old Style date with the New Style in brackets, the month in Roman numerals
    ("roman", re.compile(rf"(?<![\d/])(?P<day>[0-3]?\d)\.\s*(?P<mon>{_ROMAN_RE})\s*\((?P<ns>(?P<ns_day>[0-3]?\d)\.\s*(?P<ns_mon1>{_ROMAN_RE}))\)"
                         rf"\.?\s*(?P<year>1[6-9]\d\d)(?!\d)")),
    ("roman", re.compile(rf"(?<![\d/])(?P<day>[0-3]?\d)\s*\((?P<ns>(?P<ns_day>[0-3]?\d))\)\s*\.?\s*(?P<mon>{_ROMAN_RE})\.?"
                         rf"\s+(?P<year>1[6-9]\d\d)(?!\d)")),
    # 9/VIII.1921, 19/VIII. 32, 11. IX. 35 г., 2/ VII -32, 7. XII. 1922
    ("roman", re.compile(r"(?<![\d/])(?P<day>[0-3]?\d)\s*[/.]\s*(?P<mon>XII|XI|X|IX|VIII|VII|VI|IV|V|III|II|I)\s*"
                         r"(?:[.\-–—/]\s*|\s+)(?P<year>1[89]\d\d|\d\d)(?!\d)")),
    # 1932.08.19
    ("iso", re.compile(r"(?<!\d)(?P<year>1[6-9]\d\d|20\d\d)[.-](?P<mon>[01]\d)[.-](?P<day>[0-3]\d)(?!\d)")),
    # November 1932, ноябрь 1922 г., в июле 1923 г.
    ("my", re.compile(rf"\b{_EN_MONTH},?\s+{_YEAR}\b")),
    ("my", re.compile(rf"(?<![\w]){_RU_MONTH}\s+{_YEAR}{_YEAR_WORD}", re.I)),
    # 6/25/26 (month/day/year, as the Yale edition's copies write it)
    ("mdy_num", re.compile(r"(?<![\d/])(?P<mon>1[0-2]|0?[1-9])/(?P<day>[0-3]?\d)/(?P<year>\d\d|1[89]\d\d)(?![\d/])")),
]
# Day and month without a year: "20/XI.", "27/II", "21. IV."
_DAY_MONTH = re.compile(r"(?<![\d/])(?P<day>[0-3]?\d)\s*[/.]\s*(?P<mon>XII|XI|X|IX|VIII|VII|VI|IV|V|III|II|I)\b")


_RU_DAY_MONTH = re.compile(rf"(?<!\d){_DAY}\s+{_RU_MONTH}(?![\w])(?!\s*,?\s*\d)", re.I)
_EN_MONTH_DAY = re.compile(rf"\b{_EN_MONTH}\s+{_DAY}(?:st|nd|rd|th)?\b(?!,?\s*\d)")


@dataclass(frozen=True)
class Found:
    iso: str  # YYYY, YYYY-MM or YYYY-MM-DD
    start: int
    end: int
    julian: bool = False  # an Old Style date with the New Style beside it


def _month(name: str) -> int:
    """A month by its number in Roman figures or digits, or by its name (edition.model.dates.month_of); 0 if none."""
    if name.upper() in _ROMAN and name.isupper():
        return _ROMAN[name.upper()]
    if name.isdigit():
        return int(name)
    return month_of(name) or 0


def _iso(year: str, month: int = 0, day: int = 0) -> str | None:
    y = int(year) + (1900 if len(year) == 2 else 0)
    try:
        datetime.date(y, month or 1, day or 1)
    except ValueError:
        return None
    return f"{y:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day and month else "")


def _old_style(g: dict[str, str | None], month: int, day: int) -> bool:
    """Whether the date is the Old Style one, the bracket giving the New Style 12 or 13 days later."""
    if not g.get("ns") or not day or not g.get("ns_day"):
        return False
    other_month = _month(g.get("ns_mon1") or g.get("ns_mon2") or "") or month
    try:
        first = datetime.date(2001, month, min(day, 28))
        ns = datetime.date(2001 + (other_month < month), other_month, min(int(g["ns_day"] or 0), 28))
    except ValueError:
        return False
    return 10 <= (ns - first).days + (day - min(day, 28)) * 0 <= 14


def find_dates(text: str) -> list[Found]:
    """Every date in ``text``, in order, none overlapping (a month in the spelling before 1918 too: "Іюня")."""
    text = text.translate(OLD_LETTERS)  # one letter for one: the offsets stay the copy's
    found: list[Found] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            g = m.groupdict()
            month = _month(g["mon"])
            day = int(g["day"]) if g.get("day") else 0
            if not month or (kind == "roman" and not g["mon"].isupper()):
                continue
            iso = _iso(g["year"], month, day)
            if iso is not None:
                found.append(Found(iso, m.start(), m.end(), julian=_old_style(g, month, day)))
    return sorted(found, key=lambda f: f.start)


def find_date(text: str) -> str | None:
    """The first date in ``text`` as YYYY-MM-DD, YYYY-MM or YYYY."""
    dates = find_dates(text)
    return dates[0].iso if dates else None


def day_month(text: str, year: str) -> str | None:
    """A date written without its year ("20/XI.", "21 апреля.", "April 21"), completed with ``year``."""
    if not year:
        return None
    if m := _DAY_MONTH.search(text):
        return _iso(year, _ROMAN[m.group("mon")], int(m.group("day")))
    m = _RU_DAY_MONTH.search(text) or _EN_MONTH_DAY.search(text)
    return _iso(year, _month(m.group("mon")), int(m.group("day"))) if m and _month(m.group("mon")) else None


_NOT_BEFORE = re.compile(r"\b(?:later than|not earlier than|not before|after|no earlier than)\b|не ранее|после\b", re.I)
_NOT_AFTER = re.compile(r"\b(?:not later than|prior to|before|no later than|by)\b|не позднее|не позже|до\b", re.I)
_BETWEEN = re.compile(r"\bbetween\b|\bмежду\b|(?<=\d)\s*[–—-]\s*(?=\d)", re.I)
_VAGUE = re.compile(r"\b(?:middle|end|beginning|early|late|first half|second half)\b|середин|конец|конца|начал", re.I)


def _span(text: str) -> re.Match[str] | None:
    """ "end of August–beginning of September 1916": two months and one year."""
    for month, flags in ((_EN_MONTH, 0), (_RU_MONTH, re.I)):
        first, second = month.replace("?P<mon>", "?P<m1>"), month.replace("?P<mon>", "?P<m2>")
        if m := re.search(rf"{first}\s*[–—-]\s*(?:\w+\s+){{0,3}}{second}\s+{_YEAR}", text, flags):
            return m
    return None


_WORD_MONTH = r"[A-Za-zА-Яа-яё]{3,}\.?"
# "8 марта (24 февраля) 1863", "26 или 28 августа [7 или 9 сентября] 1899": a date and, in brackets, the same in the other style
_DUAL = re.compile(rf"(?<!\d)(?P<a>[0-3]?\d)(?:\s+(?:или|or)\s+(?P<b>[0-3]?\d))?\s+(?P<m>{_WORD_MONTH})\s*[\[(]\s*(?P<c>[0-3]?\d)"
                   rf"(?:\s+(?:или|or)\s+[0-3]?\d)?(?:\s+(?P<m2>{_WORD_MONTH}))?\s*[\])]\s*,?\s*{_YEAR}")
_OR = re.compile(rf"(?<!\d)(?P<a>[0-3]?\d)\s+(?:или|or|и|and)\s+(?P<b>[0-3]?\d)\s+(?P<m>{_WORD_MONTH}),?\s+{_YEAR}")


def _two_styles(text: str) -> dict[str, str] | None:
    """A date given in both styles, or as one of two days: the first as the document gives it, Old Style said."""
    m = _DUAL.search(text) or _OR.search(text)
    if not m or not (month := _month(m.group("m"))):
        return None
    a = _iso(m.group("year"), month, int(m.group("a")))
    b = _iso(m.group("year"), month, int(m.group("b"))) if m.group("b") else None
    if a is None:
        return None
    out = {"not_before": a, "not_after": b} if b else {"when": a}
    other = m.groupdict().get("c")
    if other:
        month2 = _month(m.group("m2")) if m.group("m2") else month
        c = _iso(m.group("year"), month2, int(other)) if month2 else None
        if c is None:
            return out
        lag = (datetime.date.fromisoformat(c) - datetime.date.fromisoformat(a)).days
        if 10 <= lag <= 14:
            out["calendar"] = "julian"  # the bracket holds the New Style: the document's date is Old Style
    return out


# "18 Февр./1 Марта/68": the day in both styles, slashes between, the year perhaps in two figures
_SLASHED = re.compile(r"(?<!\d)(?P<a>[0-3]?\d)\s+(?P<m>[^\W\d_]{3,9})\.?\s*/\s*(?P<c>[0-3]?\d)\s+(?P<m2>[^\W\d_]{3,9})\.?\s*/\s*"
                      r"(?P<year>\d{4}|\d{2})(?!\d)")
_LEAD = {17: 11, 18: 12, 19: 13}  # the New Style's lead over the Old in each century the two were in use


def _lag(year: int, a: tuple[int, int], c: tuple[int, int]) -> int:
    """Days from day ``a`` (day, month) to day ``c`` in the year (or the next), -1 when one is no date."""
    try:
        return (datetime.date(year + (c[1] < a[1]), c[1], c[0]) - datetime.date(year, a[1], a[0])).days
    except ValueError:
        return -1


def _slashed_styles(text: str) -> dict[str, str] | None:
    """ "18 Февр./1 Марта/68": an Old Style date with the New Style after a slash; a year in two figures takes the
    century whose lead of the New Style over the Old the two days show (12 days in 1868: the nineteenth)."""
    if not (m := _SLASHED.search(text)) or not (month := _month(m.group("m")) or _month(m.group("m") + ".")) or not (month2 := _month(m.group("m2"))):
        return None
    a, c, y = (int(m.group("a")), month), (int(m.group("c")), month2), m.group("year")
    years = [int(y)] if len(y) == 4 else [100 * k + int(y) for k, lead in _LEAD.items() if _lag(100 * k + int(y), a, c) == lead]
    if len(years) != 1 or not 10 <= _lag(years[0], a, c) <= 14 or not (when := _iso(str(years[0]), a[1], a[0])):
        return None
    return {"when": when, "calendar": "julian"}


_YMD_RANGE = re.compile(rf"(?<!\d){_YEAR}\s*г\.\s+{_RU_MONTH}\s+(?P<a>[0-3]?\d)\s*[—–-]\s*(?:(?P<mon2>[а-яё]+)\s+)?(?P<b>[0-3]?\d)(?!\d)",
                        re.I)


def _ymd_range(text: str) -> dict[str, str] | None:
    """ "1908 г. Сентября 2—3?", "1910 г. Августа 31 — сентября 1.": the edition dates it to one of two days."""
    if not (m := _YMD_RANGE.search(text)):
        return None
    year, month = m.group("year"), _month(m.group("mon"))
    month2 = _month(m.group("mon2")) if m.group("mon2") else month
    a, b = _iso(year, month, int(m.group("a"))), _iso(year, month2, int(m.group("b"))) if month2 else None
    return {"not_before": a, "not_after": b} if a and b else None


def read_date(text: str) -> dict[str, str] | None:
    """A date phrase with its qualifiers, as the source format writes it; None when it names no date."""
    text = re.sub(r"\s+", " ", text).translate(OLD_LETTERS)
    text = re.sub(r"(?<=[A-Za-zА-Яа-яё.] )\[(\d{1,2})\??\](?= ?,? ?\d{4})", r"\1", text)  # "July [15?] 1864": the editors' day
    text = re.sub(r"(?<=[A-Za-zА-Яа-яё.,] )\[(\d{4})\??\]", r"\1", text)  # "26 November [1860]": the editors' year
    text = re.sub(r"(\b[A-Z][a-z]+\.?\s+\d{1,2}\s*\([A-Z][a-z]+\.?\s+\d{1,2}),\s*(\d{4})\)", r"\1), \2", text)  # "(February 6, 1918)"
    if two := _two_styles(text) or _ymd_range(text) or _slashed_styles(text):
        return two
    text = re.sub(r"(?<!\d)(\d) (\d) (\d) (\d)(?!\d)", r"\1\2\3\4", text)  # "1 9 1 7" of a PDF's text
    text = re.sub(r"(?<=\d) (?=,)", "", text)  # "July 3 , 1 9 1 8": the PDF's space before the comma
    text = re.sub(r"(?<=[A-Za-z]) (\d) (\d)(?= |,|\))", r" \1\2", text).replace(" )", ")")
    dates = find_dates(text)
    if not dates:
        m = re.search(r"\b(?:Between|Между)\s+(?P<mon>[A-Za-zА-Яа-яё]+)\s+(?P<a>\d{1,2})\s+(?:and|и)\s+(?P<b>\d{1,2}),?\s+(?P<year>\d{4})",
                      text, re.I)
        if m and (month := _month(m.group("mon"))):
            a, b = _iso(m.group("year"), month, int(m.group("a"))), _iso(m.group("year"), month, int(m.group("b")))
            return {"not_before": a, "not_after": b} if a and b else None
        if m := re.search(r"(?<!\d)(1[6-9]\d\d)(?!\d)", text):
            return {"when": m.group(1)} if re.fullmatch(r"\W*(?:\w+\W+){0,3}1[6-9]\d\d\W*", text) else None
        return None
    first = dates[0]
    before_first = text[:first.start]
    span = _span(text)
    if span and len(dates) == 1 and (a := _iso(span.group("year"), _month(span.group("m1")))) and \
            (b := _iso(span.group("year"), _month(span.group("m2")))):
        return {"not_before": a, "not_after": b}
    if len(dates) >= 2 and (_BETWEEN.search(text[first.end:dates[1].start]) or re.search(r"\bbetween\b|между", before_first, re.I)):
        return {"not_before": first.iso, "not_after": dates[1].iso}
    m = re.search(r"\b(?:Between|Между)\s+(?P<mon>[A-Za-zА-Яа-яё]+)\s+(?P<a>\d{1,2})\s+(?:and|и)\s+", text, re.I)
    if m and len(first.iso) == 10 and (month := _month(m.group("mon"))):
        a = _iso(first.iso[:4], month, int(m.group("a")))
        if a:
            return {"not_before": a, "not_after": first.iso}
    if _NOT_AFTER.search(before_first) and not re.search(r"\blater than\b", before_first, re.I) or \
            re.search(r"not later than|не позднее|не позже", before_first, re.I):
        return {"not_after": first.iso}
    if _NOT_BEFORE.search(before_first):
        return {"not_before": first.iso}
    out = {"when": first.iso}
    if first.julian:
        out["calendar"] = "julian"
    return out


_PAREN_YEAR = re.compile(r"\((\d{4})\)")
_MONTH_EN = (r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?"
             r"|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATEISH = re.compile(rf"\b(?:{_MONTH_EN}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\w)|\b\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b"
                      r"|(?<!\d)\d{1,2}\s+(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]*(?![\w])", re.I)


def date_or_year(text: str) -> str | None:
    """The first date in ``text`` as YYYY-MM-DD, YYYY-MM or, for "(1903)", YYYY."""
    return find_date(text) or (m.group(1) if (m := _PAREN_YEAR.search(text)) else None)


# an hour of the day alone: "6.15 p.m.", "10 P.M.", "в 7 ч. вечера", "11 час. утра"
_TIME_OF_DAY = re.compile(r"(?:[Вв]\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:[AaPp]\.?\s?[Mm]\.?|ч(?:ас)?\.?(?:\s*\d{1,2}\s*м(?:ин)?\.?)?"
                          r"(?:\s+(?:утра|дня|вечера|ночи))?)")


def is_dateline(text: str) -> bool:
    """A short line that is mostly a date, perhaps with a place: "Sochi, 6/25/26", "Sent June 3", "19/VIII. 32"."""
    if len(text) > 60 or "\n" in text:
        return False
    if (found := find_dates(text)) and len(re.findall(r"[^\W\d_]{3,}", text.replace(text[found[0].start:found[0].end], ""))) <= 3:
        return True
    if re.fullmatch(r"\W*\d{1,2}\s*[/.]\s*(?:XII|XI|X|IX|VIII|VII|VI|IV|V|III|II|I)\b.{0,20}", text):
        return True
    if _TIME_OF_DAY.fullmatch(text.strip()):
        return True  # "6.15 p.m." on a line of its own under the date
    if not _DATEISH.search(text):
        return False
    rest = _DATEISH.sub("", text)
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 4 and not re.search(r"\b(?:I|you|we|he|she|your|my)\b", rest)
