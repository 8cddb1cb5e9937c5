"""What a dealer's or a catalogue's description of a letter says about it: "TLS, one page, 8.25 x 10.75, March 31,
1938. Trotsky writes to Mr. Wechsler from his exile in Coyoacan, Mexico. In full: “...”" gives the writer, the
addressee, the date and the place the letter was written, when the letter's own lines do not."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from edition.interchange.raw_dates import day_month, read_date

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


# An editor's introduction to a letter: "War poet Wilfred Owen writes home for the last time", "a letter written by
# Charles Dickens", "Lincoln's letter to ..."; the writer is a name of two or three capitalised words, or one before "'s"
_NAME = r"[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2}"
_INTRO_WRITER = re.compile(rf"(?<![\w.])(?P<a>{_NAME})\s+(?:writes|wrote|penned|sent|addressed)\b"
                           rf"|\bletter\s+(?:was\s+)?(?:written|sent|penned)\s+by\s+(?P<b>{_NAME})")
_NOT_A_NAME = {"The", "This", "That", "These", "Those", "His", "Her", "Their", "Today", "Yesterday", "When", "After", "Before",
               "In", "On", "At", "From", "Dear", "My", "Our", "Letters", "Letter", "Note", "Notes", "War", "President", "General"}
# "written to his mother on October 31st of 1918": the date of the letter in the sentence that speaks of it
_OF_YEAR = re.compile(r"(?P<md>(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+"
                      r"[0-3]?\d(?:st|nd|rd|th)?|[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:January|February|March|April|May|June|July|"
                      r"August|September|October|November|December)),?\s+(?:of\s+)?(?P<year>1[5-9]\d\d|20\d\d)\b")
_ABOUT_THE_LETTER = re.compile(r"\b(?:letter|note|telegram|postcard|written|wrote|writes|sent)\b", re.I)


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


def introduced(introduction: str, dateline: str = "") -> Described:
    """What an editor's introduction over a letter says of it: the writer it names ("Wilfred Owen writes home"), and the
    date the sentence about the letter gives ("written to his mother on October 31st of 1918"); with the letter's own
    dateline ("Oct. 31. Thurs."), only the year of a date of the same month and day."""
    out = Described()
    text = " ".join(introduction.split())
    for m in _INTRO_WRITER.finditer(text):
        name = m.group("a") or m.group("b")
        words = name.split()
        while words and words[0] in _NOT_A_NAME:
            words.pop(0)
        if len(words) >= 2:
            out.authors = [" ".join(words)]
            break
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if not _ABOUT_THE_LETTER.search(sentence):
            continue
        for m in _OF_YEAR.finditer(sentence):
            md = re.sub(r"(?<=\d)(?:st|nd|rd|th)|\bof\s+", "", m.group("md"))
            iso = day_month(md, m.group("year"))
            if iso and (not dateline or day_month(dateline, m.group("year")) == iso):
                out.date = {"when": iso}
                return out
    return out
