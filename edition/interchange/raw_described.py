"""What a dealer's or a catalogue's description of a letter says about it: "TLS, one page, 8.25 x 10.75, March 31,
1938. Trotsky writes to Mr. Wechsler from his exile in Coyoacan, Mexico. In full: “...”" gives the writer, the
addressee, the date and the place the letter was written, when the letter's own lines do not."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from edition.interchange.raw_dates import read_date

# "TLS, one page, 8.25 x 10.75, March 31, 1938.", "ALS signed “L. Trotsky,” two pages, May 2, 1930": the item and its date
_ITEM = re.compile(r"\b(?:TLS|ALS|LS|TL|AL|ANS|TNS|Typed letter signed|Autograph letter signed|Letter signed)\b"
                   r"(?P<rest>(?:[^.]|\.(?=\d)){0,160}?\d{4})\.")
# "Trotsky writes to Mr. Wechsler", "Lenin writes to his sister Anna"
_WRITES = re.compile(r"\b(?P<a>[A-Z][a-z'’-]{2,}) (?:writes|wrote) to (?:(?:Mr|Mrs|Ms|Dr|Herr|Madame?|Comrade)\.?\s+)?"
                     r"(?P<b>[A-Z][a-z'’-]{2,})\b")
_FROM = re.compile(r"\bfrom (?:his|her|their) (?:exile|home|house|office|residence|villa|estate|cell) (?:in|at) (?P<place>[A-Z][\w-]+)")


# "Копия письма, полученного агентурным путем. Адрес на конверте: ... Члену Государственной Думы Роману Вацлавовичу г-ну
# Малиновскому / От Иосифа Джугашвили.": a copy's description of the letter, its envelope and its writer
_COPY_OF = re.compile(r"\b(?:[Кк]опия|[Вв]ыписка из|[Пп]ерлюстрированное)\s+(?:\w+\s+)?письма\b|\bАдрес на конверте\b")
_FROM_RU = re.compile(r"(?<![\w-])От\s+(?P<a>(?:[А-ЯЁ][а-яё]+\s+){0,2}[А-ЯЁ][а-яё-]+)\s*[.,]")
_ENVELOPE = re.compile(r"Адрес на конверте:[^:]*?(?:г-ну|господину|тов\.|товарищу)\s+(?P<b>[А-ЯЁ][а-яё-]+)")


@dataclass
class Described:
    authors: list[str] = field(default_factory=list)  # names as written
    recipients: list[str] = field(default_factory=list)
    date: dict[str, str] = field(default_factory=dict)
    place_from: str = ""


def described(commentary: str) -> Described:
    """The fields a description of the item gives; empty when it is none (no "TLS", "ALS" or "X writes to Y")."""
    out = Described()
    text = " ".join(commentary.split())
    item = _ITEM.search(text)
    if item is None:
        return _copy_described(text) if _COPY_OF.search(text) else out
    if d := read_date(item.group("rest")):
        out.date = d
    if m := _WRITES.search(text, item.start()):
        out.authors, out.recipients = [m.group("a")], [m.group("b")]
    if m := _FROM.search(text, item.start()):
        out.place_from = m.group("place")
    return out


def _copy_described(text: str) -> Described:
    """A copy's description of the letter: its writer after "От" ("От Иосифа Джугашвили."), its addressee on the envelope."""
    out = Described()
    if m := _FROM_RU.search(text):
        out.authors = [m.group("a")]
    if m := _ENVELOPE.search(text):
        out.recipients = [m.group("b")]
    return out
