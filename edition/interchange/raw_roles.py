"""The roles of a document's paragraphs in a raw copy, and the kind of document they make.

The opening lines (datelines, salutations, address lines), the closing ones
(postscripts, signatures, closings, a dateline after the signature), the short
lines inside that are headings of an article, and from all of them the kind:
a telegram, a letter, an article or an excerpt.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from edition.interchange.importer_notes import ATTRIBUTION, BYLINE, RawBlock, title_like
from edition.interchange.raw_dates import is_dateline

# the Russian words are stems ("Дорогой", "Дорогая", "Здравствуйте"): no word boundary after them
GREETING = re.compile(r"^(?:(?:To|Dear|My\s+[Dd]ear|Comrade|Com\.|Hello|Greetings|Respected|Esteemed|Товарищ)\b|Дорог|Уважаем|Глубокоуважаем|"
                      r"Многоуважаем|Милостивый|Милый|Милая|Здравствуй)")
_CLOSING = re.compile(r"(?:all the best|regards|greetings|yours|goodbye|bye|shake|respect|salut)", re.IGNORECASE)
_TELEGRAM = re.compile(r"\bdecipher|\btelegram\b", re.IGNORECASE)


_NAME = r"(?:(?:[A-ZА-ЯЁ]\.\s?){1,3}\s*[A-ZА-ЯЁ][\w'’-]+|[A-ZА-ЯЁ][a-zа-яёáéíóú]+\s+(?:[A-ZА-ЯЁ]\.\s?)?[A-ZА-ЯЁ][\w'’-]+)"
_SIGNED = re.compile(rf"^(?:.{{0,50}}\b(?:[Yy]ours|Ваш|Твой|Ваша|Твоя|[Пп]реданный|[Уу]важающий|[Лл]юбящий|[Цц]елую)\b[\w ,|]{{0,20}}?\s+)?"
                     rf"(?P<name>{_NAME})\.?\s*[\"”»]?$")


_NOT_SIGNATURES = {"NOTES", "NOTE", "END", "FINIS", "CONTENTS", "INDEX", "ПРИМЕЧАНИЯ", "КОНЕЦ", "ОГЛАВЛЕНИЕ", "СОДЕРЖАНИЕ",
                   "ПРИЛОЖЕНИЕ", "APPENDIX", "POSTSCRIPT", "TELEGRAM", "ТЕЛЕГРАММА", "ПИСЬМО", "LETTER", "СЕКРЕТНО", "SECRET"}
_OPEN_QUOTES, _CLOSE_QUOTES = "„“«\"", "“”»\""


def unquoted(text: str) -> str:
    """A line of a letter quoted whole, without the quotation marks that open or close the quotation: each paragraph of
    a quotation reopens it ("“Dear Comrade De Reijger,—", "“PETER KROPOTKIN."), its last closes it ("Орджоникидзе“",
    "“P.S.—... Basis.’”"); a line with quotations of its own inside is left as it is."""
    t = text.strip()
    quotes = set(_OPEN_QUOTES + _CLOSE_QUOTES)
    if t[:1] in _OPEN_QUOTES and not quotes & set(t[1:]):
        return t[1:].lstrip()
    if t[:1] in _OPEN_QUOTES and t[-1:] in _CLOSE_QUOTES and len(t) > 2 and not quotes & set(t[1:-1]):
        return t[1:-1].strip()
    if t[-1:] in _CLOSE_QUOTES and not quotes & set(t[:-1]):
        return t[:-1].rstrip()
    return t


def signed_name(text: str) -> str:
    """The name a signature line gives ("А. Чехов.", "Лев Толстой.", "Sincerely Yours Seán MacDiarmada."), or ""."""
    t = unquoted(" ".join(text.split()))
    capitals = t.isupper() and len(t) <= 40  # "PETER KROPOTKIN.": a signature as an edition prints it
    if capitals:
        t = re.sub(r"\b([A-ZА-ЯЁ])([A-ZА-ЯЁ'’-]+)", lambda m: m.group(1) + m.group(2).lower(), t)
    m = _SIGNED.match(t) if len(t) <= 90 and "\n" not in text.strip() else None
    if not m:
        one = re.fullmatch(r"(?:[-—–]+\s*)?([A-ZА-ЯЁ][a-zа-яё'’-]{3,})\.?", t) if capitals else None
        # "NAPOLEON.", "ЕКАТЕРИНА": one name in capitals, as an edition prints a signature; not a word of the page's own
        return one.group(1) if one and one.group(1).upper() not in _NOT_SIGNATURES else ""
    name = m.group("name")
    closing = m.start("name") > 0
    # a bare "Jane Doe" under an English text may be its compiler's byline; "Лев Толстой." and "А. Чехов." sign a letter
    return name if closing or capitals or "." in name or re.search(r"[А-ЯЁ]", name) else ""


def opening_roles(body: list[RawBlock], cores: list[str], roles: list[str]) -> int:
    """Mark the short lines that open the text (dateline, salutation, address lines); return how many there are."""
    opening = 0
    while opening < len(body) and len(body[opening].lines) == 1 and len(cores[opening]) <= 80:
        c = cores[opening]
        if is_dateline(c):
            roles[opening] = "dateline"
        elif re.search(r"[,!]$", c) or c.endswith((":", ".")) and GREETING.match(c) and len(c) <= 60:
            roles[opening] = "salute"
        elif title_like(c) or BYLINE.match(c):
            roles[opening] = "lines"
        else:
            break
        opening += 1
    if "salute" not in roles and (greet := [j for j in range(opening) if roles[j] == "lines" and GREETING.match(cores[j])]):
        roles[greet[-1]] = "salute"
    return opening


def closing_roles(body: list[RawBlock], cores: list[str], roles: list[str], opening: int,
                  signature: Callable[[str], bool]) -> tuple[int, bool, bool]:
    """Mark the lines that close the text, from the end up; return where the text proper ends, and whether
    it is signed and has a closing formula."""
    j, signed, closer = len(body) - 1, False, False
    while j >= opening:
        c, single = cores[j], len(body[j].lines) == 1
        if c.startswith(("P.S.", "PS.", "P. S.")) or j == len(body) - 1 and j > opening + 1 and single and len(c) <= 80 \
                and len(re.findall(r"\b[a-zа-яё]{3,}\b", c)) >= 2 and re.search(r"[.!]$", c) and not is_dateline(c) \
                and signature(body[j - 1].text) and not signature(body[j].text):
            roles[j] = "postscript"  # a line after the signature: "Огарев благодарит за память."
        elif j == len(body) - 1 and re.match(r"^\[.*\]\.?$", c, re.S):
            pass  # an editor's remark in brackets after the signature
        elif (not signed or roles[j + 1] == "signed" and len(cores[j]) <= 60) and not closer and signature(body[j].text):
            roles[j], signed = "signed", True
        elif single and is_dateline(c):
            roles[j] = "dateline"
        elif single and not closer and len(c) <= 60 and c.endswith(",") and _CLOSING.search(c):
            roles[j], closer = "closer", True
        else:
            break
        j -= 1
    return j, signed, closer


def signature_above_the_tail(cores: list[str], roles: list[str], signature: Callable[[str], bool],
                             resolve: Callable[[str], list[str]]) -> list[str]:
    """A signature with lines the page left after it ("Привет! И. Сталин." / "2/ VII -32" / "Сталин и Каганович.
    Переписка."): among the last short lines, the one that signs with one register person's name, marked signed."""
    for k in range(len(cores) - 1, max(len(cores) - 6, 0) - 1, -1):
        if len(cores[k]) > 120:
            break
        if roles[k] == "p" and len(cores[k]) <= 40 and signature(cores[k]) and len(found := resolve(cores[k])) == 1:
            roles[k] = "signed"
            return found
    return []


def middle_headings(body: list[RawBlock], cores: list[str], roles: list[str], opening: int, end: int) -> list[int]:
    """Short title-like lines between long paragraphs: the headings of an article's sections."""
    return [k for k in range(opening, end) if roles[k] == "p" and title_like(cores[k]) and len(cores[k]) <= 80 and " " in cores[k]
            and len(body[k - 1].text) >= 100 and k + 1 < len(body) and len(body[k + 1].text) >= 100]


def kind_of(first_text: str, heading: str, cores: list[str], roles: list[str], opening: int, middle: list[int],
            signed: bool, closer: bool) -> str | None:
    """The kind the roles make of the document, or None when they say nothing."""
    if _TELEGRAM.search(first_text):
        return "telegram"
    if "salute" in roles or closer or heading.startswith("Letter"):
        return "letter"
    if any(BYLINE.match(c) for c in cores[:opening]) or len(middle) >= 2:
        return "article"
    if signed and ATTRIBUTION.match(cores[roles.index("signed")]):
        return "excerpt"
    return None if signed else "article"


def article_headings(roles: list[str], cores: list[str], opening: int, middle: list[int]) -> None:
    """In an article, the opening lines (but a byline) and the short lines between sections are headings."""
    for k in range(opening):
        if roles[k] == "lines" and not BYLINE.match(cores[k]):
            roles[k] = "heading"
    for k in middle:
        roles[k] = "heading"
