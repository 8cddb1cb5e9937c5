"""Rich-text helpers the styles share: joining with punctuation, quotation, case, dates."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, TypeAlias

from pybtex.richtext import BaseText, Protected, String, Tag, Text

from edition.registers.bib.dates import MONTHS, Day, WorkDate


class Quoted:
    """A title in quotation marks; a comma or period after it may move inside."""

    def __init__(self, text: BaseText, open_quote: str = "“", close_quote: str = "”") -> None:
        self.text, self.open, self.close = text, open_quote, close_quote

    def __str__(self) -> str:
        return str(self.text)


Item: TypeAlias = "BaseText | Quoted"
ENDS_SENTENCE = ("?", "!")


def present(items: Sequence[Item | None]) -> list[Item]:
    return [i for i in items if i is not None and str(i)]


def join(items: Sequence[Item | None], sep: str, end: str = "", american: bool = True) -> Text:
    """Join the non-empty items with ``sep``, ending with ``end``, punctuating quotations
    (American style moves a comma or full stop inside the closing quotation mark)."""
    parts = present(items)
    out: list[BaseText | str] = []
    for n, item in enumerate(parts):
        after = sep if n + 1 < len(parts) else end
        punct = after.rstrip()
        if isinstance(item, Quoted):
            ends = str(item)[-1:]
            inside = american and punct in (",", ".") and ends not in ENDS_SENTENCE and not (ends == "." == punct)
            out += [item.open, inner_quotes(item.text, item.open), punct if inside else "", item.close]
            dropped = inside or (punct and ends in ENDS_SENTENCE) or (american and ends == "." == punct)
            after = after[len(punct):] if dropped else after
        else:
            out.append(item)
            if punct and str(item).endswith((punct[0], *ENDS_SENTENCE, "…")):
                after = after[1:]
        out.append(after)
    return Text(*out)


def quoted(item: Item | None) -> BaseText | None:
    if isinstance(item, Quoted):
        return Text(item.open, inner_quotes(item.text, item.open), item.close)
    return item


def map_strings(text: BaseText | str, f: Callable[[str], str]) -> Any:
    """``text`` with ``f`` applied to its plain strings, protected parts untouched."""
    if isinstance(text, (str, String)):
        return f(str(text))
    if isinstance(text, Protected):
        return text
    parts = [map_strings(p, f) for p in getattr(text, "parts", [])]
    return Tag(text.name, *parts) if isinstance(text, Tag) else Text(*parts)


def inner_quotes(text: BaseText, open_quote: str) -> BaseText:
    """Quotation marks inside a quoted title become single ones, as Chicago has it."""
    if open_quote != "“":
        return text
    return map_strings(text, lambda s: s.replace("“", "‘").replace("”", "’"))


def ordinal(number: str) -> str:
    n = int(number)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_ORDINAL_WORDS = {w: str(n) for n, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 1)}


def edition_number(edition: str) -> str | None:
    """ "2", "Second", "2nd" as a number, or None."""
    e = edition.strip().rstrip(".").casefold()
    if e.isdigit():
        return e
    if e in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[e]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", e)
    return m[1] if m else None


_MINOR_WORDS = set("a an the and but or nor for so yet as at by in of off on per to up via from into with".split())
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def headline_case(text: BaseText) -> BaseText:
    """Chicago headline style: capitalise major words, never touching protected parts."""
    first = [True]

    def word(m: re.Match[str]) -> str:
        w, major = m.group(), first[0] or m.group().casefold() not in _MINOR_WORDS
        first[0] = False
        return w[0].upper() + w[1:] if major else w

    def sentence(s: str) -> str:
        out = []
        for piece in re.split(r"([:?!.—]\s+)", s):
            if re.fullmatch(r"[:?!.—]\s+", piece):
                first[0] = True
                out.append(piece)
            else:
                out.append(_WORD.sub(word, piece))
        return "".join(out)

    return Text(map_strings(text, sentence))


def drop_article(title: Text) -> Text:
    match = re.match(r"(?:The|An?)\s+(?=\S)", str(title))
    return title[match.end():] if match and str(title[: match.end()]) == match.group() else title


def capfirst(text: Text | None) -> Text | None:
    return text.capfirst() if text is not None else None


def english_day(day: Day, with_day: bool = True) -> str:
    """ "1986", "July 1986", "January 10, 1973"."""
    if day.month is None:
        return str(day.year)
    month = MONTHS[day.month - 1].capitalize()
    return f"{month} {day.day}, {day.year}" if day.day and with_day else f"{month} {day.year}"


def english_date(date: WorkDate) -> str:
    """A work's date as Chicago prints it: "July 1986", "June–August 1988", "1958–1965"."""
    if date.start is None:
        return date.literal
    start, end = date.start, date.end
    if end is None:
        return english_day(start) + ("–" if date.open_end else "")
    if start.month and end.month and start.year == end.year and not (start.day or end.day):
        return f"{MONTHS[start.month - 1].capitalize()}–{MONTHS[end.month - 1].capitalize()} {start.year}"
    if start.month or end.month:
        return f"{english_day(start)}–{english_day(end)}"
    return date.year


def numeric_day(day: Day) -> str:
    """ "18.12.2000", "12.2000", "2000" (GOST)."""
    return ".".join([*(f"{p:02d}" for p in (day.day, day.month) if p), str(day.year)])
