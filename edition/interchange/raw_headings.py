"""Headings of letters as complete works, editions of correspondence and their sites print them.

A letter's number before its addressee ("1184. А. С. СУВОРИНУ", "* 1. О. Ф. Новокшонову, А. А. Фофанову",
"XII. To his Brother Michael"), an addressee alone ("To A. S. Suvorin."), a site's catalogue line
("Оболонскому Н. Н., 1 марта 1892"), a writer and an addressee with a typewriter's hyphen ("И. С. Тургенев -
Н. А. Некрасову"), an incipit in parentheses after a heading ("(«Вы не заехали ко мне...»)"); and the edition's
dating under such a heading ("4 июня 1892 г. Мелихово.", "1904 г. Января 2. Я. П."), which is not the text.
"""

from __future__ import annotations

import re

DOC_NUMBER = re.compile(r"^(?:\*\s*)?(?:\d{1,4}|[IVXLC]{1,7})\.\s+(?=\S)")
INCIPIT = re.compile(r"\s*\(«[^»]{1,80}»\)\s*\.?$")
_DATIVE = r"[А-ЯЁ][а-яё-]+(?:у|ю|ой|ей|ым|им|ам|ям|ву|ну)"
_INITIALS = r"(?:[А-ЯЁ]\.\s?){1,3}"
_DATIVE_NAMES = re.compile(rf"^(?:{_INITIALS}\s*{_DATIVE}(?:\s*\([^()]{{2,40}}\))?(?:,\s*|\s+и\s+|\.?$))+$")
_SEE_DATE = re.compile(r"\s+от\s+\d{1,2}\s+[а-яё]+\.?$")  # "245. В. Г. Черткову от 2 сентября.": a letter printed elsewhere in the edition
_TO_PERSON = re.compile(r"^To\s+(?:(?:[A-Z]\.\s?){1,3}\s*[A-Z][\w'’-]+|(?:his|her|my)\s+[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){0,3})\.?$")
# "TO THE EMPRESS, AT PARIS.": an edition's addressee line in capitals, with where the letter went
# (a person's name alone in capitals, "TO A. S. SUVORIN.", is read where the collection's headings are)
_TO_CAPS = re.compile(r"^TO\s+(?:THE\s+[A-Z][A-Z.'’ -]{2,40}?(?:,\s+(?:AT|IN)\s+[A-Z][A-Z.'’ -]{2,30})?"
                      r"|[A-Z][A-Z.'’ -]{2,40}?,\s+(?:AT|IN)\s+[A-Z][A-Z.'’ -]{2,30})\.?$")
_CATALOGUE = re.compile(rf"^{_DATIVE}\s+{_INITIALS}(?:,\s*[^,]{{0,60}}\d{{4}}\s*(?:г\.)?)?\*?$")
_HYPHEN_PAIR = re.compile(rf"^(?:{_INITIALS}\s*)?[А-ЯЁ][а-яё-]+(?:\s+{_INITIALS})?\s+--?\s+(?:{_INITIALS}\s*(?:и\s+{_INITIALS}\s*)?)?{_DATIVE}"
                          rf"(?:\s+{_INITIALS})?(?:\s+и\s+.{{3,40}})?(?:,\s*[^,]{{0,60}}\d{{4}}\s*(?:г\.)?)?$")
# "163. Чайковский - Мекк": under a correspondence's number, writer and addressee both in the nominative
# ("12. Москва - Петербург" in a list is no such heading: the writer's side must end as a Russian surname does)
_NUMBERED_PAIR = re.compile(r"^(?:[А-ЯЁ]\.\s?){0,3}[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын|ой|ий|ый|ая|ова|ева|ина)\s+[-–—]\s+"
                            r"(?:[А-ЯЁ]\.\s?){0,3}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$")
EDITION_DATING = re.compile(r"^(?:(?:[Кк]онец|[Нн]ачало|[Сс]ередина|[Нн]е ранее|[Нн]е позднее)\s+)?(?:\d{1,2}(?:\s*\([^()]{1,30}\))?"
                            r"(?:\s+(?:или|и)\s+\d{1,2})?\s+)?[а-яё]+(?:\s*\([^()]{1,30}\))?\s+\d{4}\s*(?:г\.|года)(?:\s+[А-ЯЁ][\w.\- ]{0,30})?\.?$"
                            r"|^\d{4}\s*г\.\s+[А-ЯЁа-яё]+\s+\d{1,2}(?:\s*[—–-]\s*(?:[а-яё]+\s+)?\d{1,2})?\??\.?(?:\s+[А-ЯЁ][\w.\- ]{0,30})?\.?$")


def bare(text: str) -> str:
    """A heading without a letter's number before it and an incipit after it."""
    return DOC_NUMBER.sub("", INCIPIT.sub("", text.strip())).strip()


def letter_heading(text: str) -> bool:
    """Whether a line is one of the headings of an edition of letters this module knows."""
    t = INCIPIT.sub("", text.strip())
    numbered = DOC_NUMBER.match(t)
    rest = t[numbered.end():] if numbered else t
    letters = re.sub(r"[^\w]|[\d_]", "", re.sub(r"\sи\s|\b[А-ЯЁ][а-яё]\.", " ", rest))  # "Ал. П. ЧЕХОВУ": a given name cut to two letters
    if numbered and t.startswith("*") and re.match(r"[А-ЯЁ]\.", rest):
        return True  # "* 2. В. Н. Ф...": a letter's number and its addressee's initials, as a reading site marks them
    if numbered and len(letters) >= 4 and letters.isupper() and re.search(r"[А-ЯЁ]", letters):
        return True  # "1184. А. С. СУВОРИНУ"
    if _DATIVE_NAMES.match(_SEE_DATE.sub("", rest) if numbered else rest) and (numbered or "," in rest):
        return True
    if numbered and (_HYPHEN_PAIR.match(rest.rstrip(".")) or _NUMBERED_PAIR.match(rest.rstrip("."))):
        return True  # "03. М. Горький - И.В. Сталину.": a publication's number over writer and addressee
    return bool(_TO_PERSON.match(rest) or _TO_CAPS.match(rest) or not numbered and (_CATALOGUE.match(rest) or _HYPHEN_PAIR.match(rest)))


# "29. IV(11. V) 1855 г.", "2(14). IX 1855 г.": an edition's dating in both styles with the month in Roman numerals
_ROMAN_DATING = re.compile(r"^\d{1,2}(?:\s*\(\d{1,2}\))?\.\s*[IVX]{1,4}(?:\s*\(\d{1,2}\.\s*[IVX]{1,4}\))?\s+\d{4}\s*г\.$")


def edition_dating(text: str) -> bool:
    """The edition's date (and place) of a letter, printed under its heading: "1 марта 1892 г. Москва."."""
    return bool(EDITION_DATING.match(text.strip()))


def dating_under(text: str, heading: str, addressee: bool) -> bool:
    """Whether ``text`` is the edition's dating under ``heading``: "1 марта 1892 г. Москва." under an ``addressee``
    heading ("1184. А. С. СУВОРИНУ"; under "Горький - Чехову" a letter's own dateline may look so), "2(14). IX 1855 г."
    under any heading of a letter."""
    t = text.strip()
    return bool(addressee and EDITION_DATING.match(t) or _ROMAN_DATING.match(t) and (addressee or letter_heading(heading)))


# "Letters of Anton Chekhov, by Anton Chekhov", "Letters of Fyodor Michailovitch Dostoevsky to His Family and friends",
# "Письма А. П. Чехова": the title of a collection of one writer's letters
COLLECTION_OF = re.compile(r"^(?:The\s+)?(?:(?:Selected\s+)?Letters|Correspondence)\s+of\s+(?P<name>(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w-]+)"
                           r"(?:\s+to\s+[^,]+)?(?:,\s*(?:Volume|Vol\.)\s+[IVXLC\d]+(?:\s+\(of\s+[IVXLC\d]+\))?(?:,\s*\d{4}(?:\s*[-–]\s*\d{2,4})?)?)?"
                           r"(?:,\s*by\s+[\w. ]+)?$"
                           r"|^(?:Письма|Переписка)\s+(?P<ru>(?:[А-ЯЁ]\.\s?){0,3}[А-ЯЁ][а-яё-]+)(?:\s*[.,(].*)?$")
# "В пятом томе печатаются письма Чехова ...": a volume's blurb naming the writer of its letters
LETTERS_OF = re.compile(r"\b[Пп]исьма\s+(?P<ru>(?:[А-ЯЁ]\.\s?){0,3}[А-ЯЁ][а-яё]+(?:а|я))\b"
                        r"|\bletters of\s+(?P<name>(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w-]+)")
VOLUME_TITLE = re.compile(r"^(?:Том|Volume|Vol\.)\s+\d+\b")


# "Vincent van Gogh, letter to Paul Gauguin, Arles, 17 October 1888, page 1": a museum's or an archive's catalogue
# title of an item, the writer, the kind and the addressee, then where and when it was written (and the page shown)
_NAME_EN = r"(?:[A-Z][\w.’'-]*\s+){0,3}(?:(?:van|von|de|da|di|du|la|le|der|den|ten)\s+){0,2}[A-Z][\w’'-]+"
CATALOGUE_TITLE = re.compile(rf"^(?P<a>{_NAME_EN}),\s+(?P<kind>letter|telegram|postcard|note|card)\s+to\s+(?P<b>{_NAME_EN}),\s+"
                             r"(?P<dated>(?:[A-Z][\w’' -]{1,40},\s+)?(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},\s+\d{4}|"
                             r"[A-Z][a-z]+\s+\d{4}|\d{4}))(?:,\s+(?:page|p\.|folio|sheet)\s+\d+)?\.?$")

