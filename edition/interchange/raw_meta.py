"""What a page's headings and metadata say about a document: who wrote to whom, when, from where, what it is.

``read_heading`` parses a heading in the forms editions and sites give it
("TO MAXIM GORKY", "ENGELS TO MARX", "Letter to Inessa Armand, Prior to
November 26, 1916", "Сталин — Кагановичу 19 августа 1932 г.", "Телеграмма
Л.М. Кагановичу 30 сентября 1931 года", "ТЕЛЕГРАММА ЯНСОНУ", "S. Spandaryan,
I. V. Stalin - V. I. Lenin") into names as written, an addressee that is not a
person, a date and a kind. ``read_meta`` reads the labelled lines and an
edition's trailers of the same document. Names are resolved to register ids by
the importer, which also proposes register entries for the persons it does not
know.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from edition.interchange.raw_dates import read_date
from edition.interchange.raw_headings import CATALOGUE_TITLE, bare
from edition.interchange.raw_lines import form_line, title_words
from edition.interchange.raw_page import Meta
from edition.model.languages import code_for
from edition.registers.archive_forms import parse_form
from edition.registers.names import name_cases

_KIND_WORDS = [
    ("telegram", re.compile(r"\b(?:cipher telegram|telegram|telephone message|wired|by direct line|priority)\b|телеграмм|шифр|телефонограмм"
                            r"|\bmessage (?:to|from) (?:[A-Z]\.|Mr\.|Premier|President|Marshal|(?:the )?Prime Minister)", re.I)),
    ("note", re.compile(r"\b(?:note to|notes? on|inscription|written (?:on|under) the text|memorandum)\b|надпись на|записк", re.I)),
    ("letter", re.compile(r"\bletters?\b|письм", re.I)),
]
_TITLES = re.compile(r"\b(?:President|Marshal|Premier|Comrade|Cde\.|Com\.|Mr\.|Mrs\.|Tov\.|Тов\.|(?-i:т\.)|товарищу?|Dear)\s+", re.I)
_RU_HEAD = re.compile(r"^(?P<kind>Письма(?=\s+[А-ЯЁ]+[УЮ]\b)|"
                      r"Письмо|Телеграмма|Записка|Надпись на телеграмме|Надпись на письме|Шифротелеграмма|Шифровка)?\s*(?P<rest>.*)$", re.I)
_NAME = re.compile(r"(?:[A-ZА-ЯЁ][\w'’ʹ-]+\s+(?=(?:[A-ZА-ЯЁ]\.\s?)+\s*[A-ZА-ЯЁ]))?"  # a given name before initials: "Чарлзу П. Штейнмецу"
                   r"(?:(?:[A-ZА-ЯЁ]\.\s?){1,3}\s*)?[A-ZА-ЯЁ][\w'’ʹ-]+(?:\s+[A-ZА-ЯЁ][\w'’ʹ-]+)?")
_DATE_TAIL = re.compile(r"[\s,]*\[?(?:(?:Prior to|Between|After|Before|Not later than|Not earlier than)\s+)?"
                        r"(?:\d{1,2}\s+[а-яё]+\s+\d{4}\s*(?:г\.|года)?|[A-Z][a-z]+\.?\s+\d{1,2}(?:\s+and\s+\d{1,2})?,\s*\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\[?\d{4}\]?)\]?\s*$")

# a date and the place it was written after the names: "... Чехову. 13 декабря 1899 г. Нижний Новгород"
_DATE_PLACE_TAIL = re.compile(r"(?<=[.,])\s+\d{1,2}\s+[а-яё]+\s+\d{4}\s*(?:г\.|года)?,?\s+[А-ЯЁ][а-яё-]+(?:[\s-]+[А-ЯЁ][а-яё-]+)?\.?$")
_POSSESSIVE_KIND = re.compile(r"['’]s\s+(?:Last\s+|Open\s+|Secret\s+)?(?:Letter|Telegram|Note|Message|Cable)$", re.I)  # "Bukharin's Letter"
_DATE_FIRST = re.compile(r"^(?P<d>\d{1,2}\s+[а-яё]+\s+\d{4}\s*(?:г\.|года)?)\s+[—–-]\s+(?=\S)")
_KIND_FIRST = re.compile(r"^(?:Письмо|Телеграмма|Записка|Letter|Telegram|Note)[.:]?\s+(?=\S+.*\s--?\s|\S+.*\s[—–]\s)", re.I)


# "S. Spandaryan, I. V. Stalin - V. I. Lenin", "ТРОЦКИЙ -- И. СМИЛГЕ" (a typewriter's dash)
_HYPHENATED = re.compile(r"^(?P<a>(?:[A-ZА-ЯЁ]\.\s*){0,2}[A-ZА-ЯЁ][\w'-]+(?:\s+(?:[A-ZА-ЯЁ]\.\s*){1,3})?(?:,\s*.+?)?)\s+--?\s+"
                         r"(?P<b>(?:[A-ZА-ЯЁ]\.\s*){0,2}[A-ZА-ЯЁ].*)$")
_INITIALS_AFTER = re.compile(r"(?P<name>[A-ZА-ЯЁ][\w'’ʹ-]+)\s+(?P<init>(?:[A-ZА-ЯЁ]\.\s?)*[A-ZА-ЯЁ](?:\.|$))")  # "Чехову А. П."


def _initials_first(text: str) -> str:
    """ "Чехову А. П." -> "А. П. Чехову" (a catalogue's order, the surname first)."""
    m = _INITIALS_AFTER.fullmatch(text.strip())
    return f"{' '.join(re.findall(r'[A-ZА-ЯЁ]', m.group('init'))).replace(' ', '. ')}. {m.group('name')}" if m else text
_COLLECTION = re.compile(r"^(?:Letters|Correspondence|Письма|Переписка)$", re.I)
_TO = re.compile(r"^(?:(?:Personal|Secret|Top\s+Secret)(?:\s+and\s+(?:Personal|Secret))?\s+)?"
                 r"(?:(?:Cipher\s+|Coded\s+)?(?:Letter|Telegram|Note|Telephone Message|Message)\s+)?"
                 r"(?:from\s+(?P<a>.+?)\s+)?To:?\s+(?P<b>.+)$", re.I)

# a writer and an addressee each by given name, patronymic and surname, nothing between them (a number before them)
_FULL_NAME = r"[A-ZА-ЯЁ][\w'’-]+\s+[A-ZА-ЯЁ][\w'’-]+(?:OVNA|EVNA|ICHNA|OVICH|EVICH|ICH|ОВНА|ЕВНА|ИЧНА|ОВИЧ|ЕВИЧ|ИЧ)\s+[A-ZА-ЯЁ][\w'’-]+"
_TWO_FULL_NAMES = re.compile(rf"(?:(?:N[º°o]\.?|№)\s*\d+\s*[–—-]\s*)?(?P<a>{_FULL_NAME})\s+(?P<b>{_FULL_NAME})")
_TO_FROM = re.compile(r"^To\s+(?P<b>.+?)\s+from\s+(?P<a>.+)$")  # "To Alexander Hamilton from George Washington"


@dataclass
class Heading:
    authors: list[str] = field(default_factory=list)  # names as written
    recipients: list[str] = field(default_factory=list)
    addressee: str = ""  # an addressee that is not a person: "the Finnish Comrades"
    date: dict[str, str] | None = None
    kind: str = ""
    place_to: str = ""
    writer_case: str = "nomn"  # "gent" when the writer is named in the genitive ("Письмо Сталина Молотову")
    dated: str = ""  # the heading's date as written, with a place after it: "13 декабря 1899 г. Нижний Новгород"


def kind_of(text: str) -> str:
    for kind, pattern in _KIND_WORDS:
        if pattern.search(text):
            return kind
    return ""


_SHARED_SURNAME = re.compile(r"((?:[A-ZА-ЯЁ]\.\s?){1,3})\s*(?:и|and)\s+((?:[A-ZА-ЯЁ]\.\s?){1,3})\s*([A-ZА-ЯЁ][\w'’ʹ-]{2,})")


def names_in(text: str) -> list[str]:
    """The names a list such as "Л.М. Кагановичу, В.М. Молотову" or "Manner, Sirola and Viiku" holds."""
    text = re.sub(r"\b([A-ZА-ЯЁ])([A-ZА-ЯЁ])\.(?=\s)", r"\1. \2.", _TITLES.sub("", text))  # "JD. Hooker"
    parts = [p.strip(" .,;:") for p in re.split(r",\s*|\s+(?:and|и)\s+|\s*&\s*", text) if p.strip(" .,;:")]
    if m := _SHARED_SURNAME.fullmatch(text.strip(" .")):  # "Н. А. и О. А. ГЕРЦЕН": two of one family
        parts = [f"{m.group(1).strip()} {m.group(3)}", f"{m.group(2).strip()} {m.group(3)}"]
    out = []
    for part in parts:
        part = _initials_first(part)
        m = _NAME.fullmatch(part) or _NAME.fullmatch(re.sub(r"\s*\([^)]*\)\s*$", "", part))
        if m:
            out.append(" ".join(m.group().split()))
    return out


def _split_date(text: str) -> tuple[str, dict[str, str] | None]:
    m = _DATE_TAIL.search(text) or _DATE_PLACE_TAIL.search(text)
    if m and (date := read_date(m.group())):
        return text[:m.start()].strip(" ,."), date
    # a date in parentheses or after the last comma: "(26 или 28 августа [7 или 9 сентября] 1899, Н. Новгород)", ", конец апреля 1899 г."
    if (m := re.search(r"\s*\(([^()]*\d{4}[^()]*)\)\s*$", text)) or (m := re.search(r",\s*([^,]*\d{4}[^,]*)$", text)):
        return text[:m.start()].strip(" ,"), read_date(m.group(1))
    return text, None


def read_heading(lines: Sequence[str]) -> Heading:
    """What the heading lines of a document say: read together, or else the one line that names writer and addressee
    ("ИЗ ПЕРЕПИСКИ" / "И. С. Тургенев - Н. А. Некрасову")."""
    h = _read_heading(lines)
    if not (h.authors or h.recipients) and len(lines) > 1:
        for line in lines:
            one = _read_heading([line])
            if one.authors and one.recipients:
                one.kind = one.kind or h.kind
                return one
    return h


def _read_heading(lines: Sequence[str]) -> Heading:
    h = Heading()
    # "( House )": the copy's spaces inside parentheses are dropped before the names are read
    lines = [re.sub(r"\(\s+|\s+\)", lambda m: m.group().strip(), " ".join(bare(line).split())) for line in lines if line.strip()]
    if len(lines) > 1 and (m := re.fullmatch(r"(?:In|В)\s+([A-ZА-ЯЁ][\w-]+)", lines[-1])):
        h.place_to, lines = m.group(1), lines[:-1]  # "Marx To Engels / In Manchester"
    if m := CATALOGUE_TITLE.match(" ".join(lines)):  # "Vincent van Gogh, letter to Paul Gauguin, Arles, 17 October 1888, page 1"
        h.authors, h.kind, h.date, h.dated = [m.group("a")], m.group("kind"), read_date(m.group("dated")), m.group("dated")
        _recipients(h, m.group("b"))
        return h
    text = _names_part(h, " ".join(lines))
    if not text:
        return h
    if m := _TWO_FULL_NAMES.fullmatch(text):  # "Nº 181 – SOFIA ANDREEVNA TOLSTAYA LEV NIKOLAEVICH TOLSTOY"
        h.authors, h.recipients = [_titlecase_caps(m.group("a"))], [_titlecase_caps(m.group("b"))]
        return h
    if m := re.match(r"^(?P<a>[^:]{3,60}):\s*(?:Letter|Telegram|Note)\s+to\s+(?P<b>.+)$", text, re.I):
        h.authors = names_in(m.group("a"))
        _recipients(h, m.group("b"))
    elif m := re.match(r"^(?P<a>.+?)\s+[—–]\s+(?P<b>.+)$", text) or _HYPHENATED.match(text):
        h.authors = names_in(m.group("a"))
        _recipients(h, m.group("b"))
    elif m := _TO_FROM.match(text) or _TO.match(text):
        if m.group("a"):
            h.authors = names_in(_paren_name(m.group("a")))
        _recipients(h, re.split(r"\s+with\s+|\s+on\s+", m.group("b"))[0])
    elif (m := re.match(r"^(?P<a>.+?)\s+to\s+(?P<b>.+)$", text, re.I)) and title_words(m.group("a")) \
            and title_words(b := _lost_capitals(m.group("b"))):
        if not _COLLECTION.match(m.group("a")):  # "Letters to Sophie Liebknecht": a collection, its writer not named
            h.authors = names_in(_paren_name(_POSSESSIVE_KIND.sub("", m.group("a"))))
        _recipients(h, b)
    elif (m := _RU_HEAD.match(text)) and re.search(r"[А-ЯЁа-яё]", text):
        _russian_heading(h, m.group("kind") or "", m.group("rest"))
    return h


def _russian_heading(h: Heading, kind: str, rest: str) -> None:
    if kind.casefold() == "письма":  # "ПИСЬМА СТАЛИНУ. ИЗ ЕГО ЛИЧНОГО АРХИВА": letters to him, then the book's subtitle
        rest = re.split(r"(?<=[А-ЯЁа-яё]{3})\.\s+", rest)[0]
    if kind.casefold().startswith("надпись"):
        h.recipients = names_in(rest)  # an inscription on someone's telegram answers its sender
    elif kind and (pair := _writer_then_addressee(rest)):
        (h.authors, h.recipients), h.writer_case = pair, "gent"
    else:
        _recipients(h, rest)


def _names_part(h: Heading, text: str) -> str:
    """The heading without its note marker, kind word, place sent to and date (read into ``h``): the names."""
    text = re.sub(r"(?<=[\w.)])\*+$|(?<=[a-zа-яё)\]])\d{1,3}$|\s\d{1,3}$|(?<=\w)\[\d{1,3}\]$", "", text).strip()  # a note marker on the heading
    if not text:
        return ""
    if (m := _DATE_FIRST.match(text)) and (date := read_date(m.group("d"))):
        h.date, text = date, text[m.end():]  # "15 августа 1910 г. — Письмо М. К. Ганди Л. Н. Толстому"
    h.kind = kind_of(text)
    if m := re.search(r"\bIN\s+([A-Z][A-Z -]+)$", text):
        h.place_to = m.group(1).title()
        text = text[:m.start()].strip()
    whole = text
    text, date = _split_date(text)
    if date:
        h.date, h.dated = date, whole[len(text):].strip(" ,.")
    return _KIND_FIRST.sub("", text)  # "Письмо A. М. Горький - А. П. Чехову": the kind, then writer and addressee


_RU_PERSON = r"(?:(?:[А-ЯЁ]\.\s?){1,3}\s*)?[А-ЯЁ][а-яё-]+"


def _writer_then_addressee(rest: str) -> tuple[list[str], list[str]] | None:
    """ "Письмо М. К. Ганди Л. Н. Толстому с благодарностью ...", "Письмо Сталина Молотову", "Письмо Ф. М. Достоевского к
    А. Н. Майкову": a name in the genitive, then one in the dative, nothing between them but "к" (a comma or "и" would make
    both addressees)."""
    names = re.split(r"\s+(?=[а-яё])(?!къ?\s)", rest.strip(" ."))[0]  # "к" before the addressee stays: "Достоевского к А. Н. Майкову"
    m = re.fullmatch(rf"(?P<a>{_RU_PERSON})\s+(?:къ?\s+)?(?P<b>{_RU_PERSON})", names)
    if not m:
        return None
    a, b = m.group("a"), m.group("b")
    if "gent" in name_cases(a.split()[-1].split(".")[-1]) and "datv" in name_cases(b.split()[-1].split(".")[-1]):
        return [" ".join(a.split())], [" ".join(b.split())]
    return None


def _lost_capitals(text: str) -> str:
    """ "Leon trotsky" -> "Leon Trotsky": a name whose later words the copy wrote in lower case (two or three words, the
    first capitalized, none a small word); anything else as it is."""
    words = text.split()
    if 2 <= len(words) <= 3 and re.fullmatch(r"[A-ZА-ЯЁ][a-zа-яё'’-]+", words[0]) \
            and all(re.fullmatch(r"[a-zа-яё][a-zа-яё'’-]{2,}", w) and w not in _SMALL for w in words[1:]):
        return " ".join([words[0], *(w[:1].upper() + w[1:] for w in words[1:])])
    return text


def _paren_name(text: str) -> str:
    """ "The People's Commissar for Foreign Affairs (Molotov)" -> "Molotov", "А. М. ПЕШКОВУ (М. ГОРЬКОМУ)" -> "М. ГОРЬКОМУ"
    (the name the reader knows, in parentheses after the civil one)."""
    m = re.search(r"\(((?:[A-ZА-ЯЁ]\.\s?){0,3}[A-ZА-ЯЁ][\w'’ -]+)\)\s*$", text)
    return m.group(1) if m else text


_OFFICE_THEN_NAME = re.compile(r"(?:the\s+)?[A-Z][\w ]{2,40},\s+(?:Mr\.?|Mrs\.?|Marshal|Generalissimo)\s+"
                               r"(?P<n>(?:[A-Z]\.\s?){0,3}[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")


# "the Earl of Clarendon", "the Duke of Wellington": a peer, named by the title (Clarendon)
_PEER = re.compile(r"(?:the\s+)?(?:Earl|Duke|Marquis|Marquess|Viscount|Baron|Count|Countess|Duchess)\s+of\s+(?P<n>[A-Z][a-z]+)")
# "governor Vance of north Carolina": an office in lower case, the surname, the place of the office
_LOWER_OFFICE = re.compile(r"(?:the\s+)?(?:governor|general|president|senator|colonel|judge|secretary|mayor|minister|admiral|captain)\s+"
                           r"(?P<n>(?:[A-Z]\.\s?){0,3}[A-Z][a-z]+)(?:\s+of\s+[\w ]+)?")


def _recipients(h: Heading, text: str) -> None:
    named = _paren_name(text.strip())
    if named == text.strip():  # "W. Churchill (Correspondence Vol. 1, No. 93)": a parenthesis that names nobody
        named = re.sub(r"\s*\([^()]*\)\s*$", "", named)
    if m := _OFFICE_THEN_NAME.fullmatch(named) or _LOWER_OFFICE.fullmatch(named.strip(" ,.")) or _PEER.fullmatch(named.strip(" ,.")):
        named = m.group("n")  # "the Prime Minister, Mr Winston Churchill", "governor Vance of north Carolina": the person
    text = _titlecase_caps(_initials_first(named))
    # "V. N. ANDRONNIKOV, REGIONAL BOARD OF ...": the person, then his office
    first = re.split(r",\s*(?=[A-ZА-Я][A-Za-zа-яё]+\s+[A-Za-zа-яё]+\s+(?:[a-zа-яё]|(?:Of|The|And|For|In)\b))", text)[0]
    names = names_in(_titlecase_caps(first))
    if names and not re.match(r"^(?:the|a|an|all|в|во)\s", first, re.I) and _person_like(first) \
            and not re.search(r"\b(?:Friends|Comrades|Workers|Members|Editors|Committee|Council|Board|Bureau|Soviet)\b", first, re.I):
        h.recipients = names
    else:
        h.addressee = _sentence_case(first)
        if m := re.search(r"\bin\s+([A-Z][a-z]+)$", h.addressee):
            h.place_to = m.group(1)


def _person_like(text: str) -> bool:
    t = _titlecase_caps(_TITLES.sub("", text))
    if _SHARED_SURNAME.fullmatch(t.strip(" .")):
        return True  # "Е. К. и А. В. Станкевичам"
    return bool(re.fullmatch(r"(?:[A-ZА-ЯЁ][\w-]+\s+(?=[A-ZА-ЯЁ]\.))?(?:(?:[A-ZА-ЯЁ]\.\s?){1,3}\s*)?[A-ZА-ЯЁ][\w'’ʹ-]+(?:\s+[A-ZА-ЯЁ][\w'’ʹ-]+)?"
                             r"(?:(?:,\s*|\s+(?:and|и)\s+)(?:(?:[A-ZА-ЯЁ]\.\s?){1,3}\s*)?[A-ZА-ЯЁ][\w'’ʹ-]+)*", t.strip(" .")))


def _titlecase_caps(text: str) -> str:
    """ "MAXIM GORKY" -> "Maxim Gorky"; initials and mixed case are kept."""
    return re.sub(r"\b([A-ZА-ЯЁ])([A-ZА-ЯЁ'’-]+)\b", lambda m: m.group(1) + m.group(2).lower(), text)


_SMALL = {"of", "the", "and", "to", "in", "a", "an", "for", "on", "at", "by"}


def _sentence_case(text: str) -> str:
    """An addressee for a title: "THE FINNISH COMRADES" -> "the Finnish Comrades"."""
    words = " ".join(text.split()).split(" ")
    if any(w.isupper() and len(w) > 2 for w in words):
        words = [w[:1] + w[1:].lower() for w in words]
    words = [w.lower() if w.lower() in _SMALL else w for w in words]
    if words and words[0].lower() in _SMALL:
        words[0] = words[0].lower()
    return " ".join(words)


# --- labelled metadata and trailers -----------------------------------------------------


@dataclass
class MetaFields:
    date: dict[str, str] | None = None
    date_from: str = ""  # which line gave the date
    translator: str = ""
    sent_from: str = ""
    sent_to: str = ""
    language: str = ""  # the original's, when a line says so
    kind: str = ""
    sources: list[str] = field(default_factory=list)
    archives: list[str] = field(default_factory=list)
    forms: list[tuple[str, str]] = field(default_factory=list)  # a line describing the witness, and the form it names
    supplied: bool = False  # the date stands in square brackets: the editor's
    published: str = ""  # a date of publication (for an article, its date)
    author: str = ""  # an "Author:" line's name
    dated: str = ""  # the edition's dating line under the heading ("4 июня 1892 г. Мелихово."): its place is where it was written


_DATE_LABELS = ("written", "wired", "датировка", "дата", "sent", "delivered", "dictated")


def read_meta(metas: Sequence[Meta]) -> MetaFields:
    out = MetaFields()
    for m in metas:
        value = " ".join(m.value.split())
        _meta_date(out, m.label, value)
        _meta_origin(out, m.label, value)
        if m.label in ("preamble", "trailer") and kind_of(value) == "telegram" or re.search(r"телеграфн|telegraph form", value):
            out.kind = "telegram"
        if m.label in ("source", "источник") and value:
            out.sources.append(value)
        if m.label == "preamble" and (to := re.fullmatch(r"In\s+([A-Z][\w-]+)", value)) and not out.sent_to:
            out.sent_to = to.group(1)  # "Engels To Marx" / "In London": the place it was sent to, under the heading
        if m.label in ("archive", "архив") and value:
            out.archives.append(value)
        if m.label == "trailer" and (form := form_line(value)) and (parsed := parse_form(form)) is not None:
            out.forms.append((value, parsed.name.lower().replace("_", " ")))
    return out


def _meta_date(out: MetaFields, label: str, value: str) -> None:
    written = label == "trailer" and re.match(r"^(?:Written\s+(?:on|in|at|after|before|not|between|later)|Написано)", value)
    if (label in _DATE_LABELS or written) and not re.match(r"^Written\s+in\s+[A-Z][a-z]+$", value):
        if (d := read_date(value)) and (out.date is None or label != "trailer"):
            out.date, out.date_from = d, value
    if label == "date" and (not out.dated or not read_date(out.dated) and read_date(value)):
        out.dated = value  # the first dating line, or the first with a date ("[LSA 319]" / "12 October 1895. [Yasnaya Polyana]")
    if label == "date" and out.date is None and (d := read_date(value)):
        if re.match(r"^(?:Received|Получено)\b", value) and set(d) == {"when"}:
            d = {"not_after": d["when"]}  # the edition gives only the day it came: sent then or before
        out.date, out.date_from, out.supplied = d, value, bool(re.fullmatch(r"\[.*\]\.?", value))
    if label in ("source", "published", "first published", "trailer") and not out.published and (d := read_date(value)):
        out.published = d.get("when", "")


def _meta_origin(out: MetaFields, label: str, value: str) -> None:
    """Where it was sent from and to, who translated it, the language it was written in."""
    if m := re.search(r"\bSent from\s+(.+?)\s+to\s+(?:the\s+)?(.+?)(?:\.|$|\s+Printed)", value):
        out.sent_from, out.sent_to = m.group(1), re.sub(r"^Isle of\s+|\s*\(.*$", "", m.group(2))
    elif m := re.search(r"\bSent to\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+(?=\s*(?:\.|$)))?)(?=\s*(?:\.|$)|\s+[A-Z])", value):
        out.sent_to = m.group(1)  # "Sent to Vienna."
    elif m := re.search(r"\bSent from\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s*(?:\.|$)", value, re.M):
        out.sent_from = m.group(1)  # "Sent from Geneva."
    if label in ("author", "автор") and value and not out.author:
        out.author = value
    if label == "translated" and (m := re.match(r"\(?from the ([A-Z][a-z]+)\)?\s*(?:by\s+)?(.*)$", value)) \
            and (code := code_for(m.group(1))):
        out.language, out.translator = code, m.group(2).rstrip(". ")  # "(from the German) by Eden and Cedar Paul"
    elif label == "translated" and value:
        out.translator = value.rstrip(". ")
    elif m := re.search(r"Translated from the \w+\s+by\s+(.+?)(?:\s+Edited by|$)", value):
        out.translator = m.group(1).rstrip(". ")
    elif label in ("notes", "source", "trailer") and not out.translator \
            and (m := re.search(r"\btranslated by\s+((?:[A-Z][\w’'-]*\.?\s?){2,4})", value)):
        out.translator = m.group(1).rstrip(". ")  # "Notes: From Selected Writings ..., edited and translated by Martin A. Miller."
    if (m := re.search(r"Written\s+in\s+([A-Z][a-z]+)", value)) and (code := code_for(m.group(1))):
        out.language = code
    elif m := re.search(r"Перевод с (английского|немецкого|французского)", value):
        out.language = {"английского": "en", "немецкого": "de", "французского": "fr"}[m.group(1)]
