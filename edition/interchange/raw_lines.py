"""The importer's reading of a page's lines: site furniture, headings, metadata lines, paragraphs.

``_lines`` drops site furniture (menus, licence banners, page numbers with
their running heads, shop banners, HTML left in the text) and records why;
``heading_like`` and the patterns here say which lines are headings, labelled
metadata ("Written:", "Источник:"), an edition's trailers ("Printed from the
original", "Печатается по рукописи"), document numbers and note items;
``_blocks`` makes paragraphs of the rest. ``raw_page`` puts them together
into documents.
"""

from __future__ import annotations

import re

from edition.interchange.importer_notes import RawBlock
from edition.interchange.raw_ebook import LineMarks, unitalic
from edition.interchange.raw_ebook import furniture as ebook_furniture
from edition.interchange.raw_folios import page_numbers
from edition.interchange.raw_headings import CATALOGUE_TITLE, COLLECTION_OF, INCIPIT, letter_heading
from edition.interchange.raw_runon import BOOK_BANNER, NUMBER_LIST, run_on_pieces
from edition.interchange.raw_sources import record_pieces

Line = tuple[int, int, str]  # line number, column, text (stripped)


_LICENCE = re.compile(r"freely copy|distribute,|display and perform|derivative and|commercial works|Please credit|as your source\.?|"
                      r"GNU Free Documentation|Permission is granted|^Archive[”\"]? as your source|Marxists Internet$", re.I)


_LICENCE_END = re.compile(r"(?:as your source|completely free|free of charge)\.?$", re.I)  # the last words of a licence


_FURNITURE = [
    (re.compile(r"\S\s*\|\s*\S[^|]*\|\s*\S|^\s*\|(?:\s*\|)+\s*$|^[-|\s]*\|[-|\s]*$|^[^|]*\|[^|]*\|\s*$"), "a row of links or a table of the site"),
    (re.compile(r"^\s*<\s*backward|forward\s*>\s*$|^Jump to navigation|^From Marxists-\w+$|^Kommentare$|^Special pages\s*:|"
                r"^Template:|^Other Formats:|^•?\s*README$|^Text$|^TextREADME$|^Шрифт:$|^Содержание\s*$|^[AА]$|^Выбрать главу$|"
                r"^сообщить о нарушении$|^Download [\d.]+ ?[KMG]b|^Pdf ko'rish$|^bet\d+/\d+$|^Sana[\d.]+$|^Hajmi|^#\d+$|"
                r"^Подобный материал:?$|^Вид материала|^Текущая страница:|^Текст книги|^Автор книги:|^Жанры?:$|"
                r"^•?\s*Текст добавлен:|^Электронная библиотека|^[\d\s]+произведений, [\d\s]+авторов|^Литмир|"
                r"^Более [\d\s]+ книг|^Получи \d+ месяц|^ПОЛУЧИТЬ ПОДАРОК$|^Скачать$|Home Page\s*$|^Public Domain\s*:|^Copyleft\s*:|"
                r"^Prepared ©|^Join us\s*$|^If you want more information about joining|^Skip to (?:main )?content$|"
                r"^Permanent link for this document:?$|^Documents filtered by:|^sorted by:|^https?://\S+$|"
                r"^All books are sourced from Project Gutenberg|^This eBook is for the use of anyone"), "site navigation or a banner"),
    (re.compile(r"^\d+(?:\s+\.\.\.)?(?:\s+\d+)+\s+\.\.\.\s+\d+$"), "the page numbers of the site"),
    # the controls every kind of site prints as lines of text: its search box, a wiki's skip links, a blog's comment
    # form, a list's "read on" link, the pager ("Страницы: 1 2")
    (re.compile(r"^(?:Search(?:\s+form)?|Collection\s+Search|Site\s+search|Поиск(?:\s+по\s+сайту)?|Jump\s+to:\s*navigation,?\s*search|"
                r"No\s+comments?:?|\d+\s+comments?:?|Post\s+a\s+Comment|Leave\s+a\s+(?:Reply|Comment)|Комментариев\s+нет|"
                r"Нет\s+комментариев|(?:Оставить|Добавить)\s+комментарий|Read\s+(?:letter|more|the\s+letter|full\s+letter)|"
                r"Читать\s+(?:далее|дальше|полностью)|Share(?:\s+this)?:?|Поделиться:?)\s*[.:]?$", re.I), "a control of the site"),
    (re.compile(r"^Страница\s\d+$|^(?:Страница|Page)\s+\d+\s+(?:из|of)\s+\d+$|^(?:Страницы|Pages):\s*(?:\d+\s*)+$"),
     "the page numbers of the site"),
    (re.compile(r"^page \d+$|^\[Page \d+\]$", re.I), "a page number of the printed edition"),
    (re.compile(r"^[^<>]+\s(?:>|»)\s+[^<>]*(?:\s(?:>|»)(?:\s[^<>]*)?)+$"), "a breadcrumb of the site"),
    (re.compile(r"^Политика$|^Лента$|^Главная$"), "site navigation or a banner"),
    (re.compile(r"^(?:[←→↑⬅➡]\S*\s*)?(?:Back to (?:index|top|contents|the index)|View Raw|More Information|List of authors|"
                r"Previous Document\b.*\bNext Document|Continued\s*[. ]*|Download:?\s*(?:TXT|DOCX?|PDF|EPUB|FB2|MOBI|RTF|\s|,)+)$", re.I),
     "site navigation or a banner"),
    (re.compile(r"^[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]"), "a line of the site that begins with a pictograph"),
    (re.compile(r"\s[\U0001F300-\U0001FAFF]$"), "a line of the site that ends in a pictograph"),
    (re.compile(r"^\*{1,3}$"), "a mark of the site's commentary standing alone"),
    (re.compile(r"^(?:-=){3,}-?$"), "a rule of the site"),
    (re.compile(r"^(?:Loading|Загрузка)\s*(?:\.{3}|…)?$"), "a placeholder of the site's script"),
    (re.compile(r"^(?:This (?:web)?site uses cookies|We use cookies|Мы используем (?:файлы )?cookies?|Этот сайт использует (?:файлы )?cookies?)\b",
                re.I), "the site's cookie banner"),
    (re.compile(rf"^(?:{NUMBER_LIST.pattern})$"), "the site's list of its other pages"),
    (re.compile(rf"{BOOK_BANNER.pattern}$"), "an e-book site's banner"),
]


_SIGNATURE = re.compile(r"^(?:[A-ZА-Я]\.\s*){1,3}[A-ZА-Я][\w-]+\.?$|^[A-ZА-Я][A-ZА-Я-]{2,}\.?$")


_HEADING_WORD = re.compile(r"^(?:TELEGRAM|LETTER|NOTE|MEMORANDUM|ТЕЛЕГРАММА|ПИСЬМО|ЗАПИСКА|ШИФРОТЕЛЕГРАММА|ТЕЛЕФОНОГРАММА)$")


_LABEL = re.compile(r"^(?P<label>Written|First Published|Published|Source|Translated|Transcription(?:\s*[\\/]\s*(?:HTML\s+)?Markup)?|"
                    r"HTML(?:\s+Markup)?|Online Version|Proofread|Wired|Sent|Delivered|Dictated|Courtesy|Compiled by|"
                    r"Available at|Retrieved from|Реквизиты|Тип документа|Направление|Государство|Датировка|Метки|Источник|"
                    r"Архив|Дата|Место|Публикация|Title|Author|Topics|Language|Автор|Date|Notes(?=\s*:\s*\S))(?:\(s\))?\s*(?::|$)"
                    r"\s*(?P<value>.*)$", re.I)


_TRAILER = re.compile(r"^(?:Written\s+(?:in|on|at|after|before|not|between|later)|First\s+published|Printed\s+(?:from|according\s+to)|Sent\s+from|"
                      r"Translated\s+from|Edited\s+by|From\s+V\.\s*I\.|Vol\.\s*\d|Published\s+according|"
                      r"Написано|Впервые напечатано|Напечатано|Печатается (?:впервые,?\s+)?по|На русском языке впервые|Перевод с|"
                      r"Послано\s+(?:из|в)\s+(?=[А-ЯЁ]))\b", re.I)


# an edition's description of the witness, without the archive: "Подлинник. Рукописный текст", "Автограф (л. 144).",
# "ALS, Hamilton Papers, Library of Congress." (autograph letter signed)
FORM_LINE = re.compile(r"^(?P<form>Подлинник|Автограф|Машинописная копия|Машинопись|Заверенная копия|Копия|Черновик|"
                       r"ALS|AL|ADS|AD|ADfS|ADf|Df|Copy)(?=\s*[.,(])")
_FORM_ABBREVIATIONS = {"ALS": "Autograph", "AL": "Autograph", "ADS": "Autograph", "AD": "Autograph", "ADfS": "Draft", "ADf": "Draft",
                       "Df": "Draft"}


def form_line(text: str) -> str:
    """The form a line describing the witness names ("Подлинник" -> "Подлинник", "ALS" -> "Autograph"), or ""."""
    t = " ".join(text.split())
    m = FORM_LINE.match(t) if len(t) <= 160 and "\n" not in text.strip() else None
    return _FORM_ABBREVIATIONS.get(m.group("form"), m.group("form")) if m else ""


_NUMBER = re.compile(r"^(?:№\s*\d+[а-я]?|No\.\s*\d+|\d{1,4})\.?$")


_NOTES_START = re.compile(r"^(?:Notes|NOTES|Footnotes|Endnotes|Примечания|ПРИМЕЧАНИЯ)\s*:?\s*$")


_COMMENTARY = re.compile(r"^(?:ПРИМЕЧАНИЕ|Примечание)\.?\s*(?P<rest>.*)$")


_RULE = re.compile(r"^[_\-=]{5,}$")


_NOTE_ITEM = re.compile(r"^(?:\[\d{1,3}\]|\(\d{1,3}\)|\*{1,3}(?=\s)|-\s*↑|\d{1,3}\s*\.\s*↑|\d{1,3}\s?\.\s+[A-ZА-Я]|-\s+\S.*↩)")


def runs_on(value: str, t: str) -> bool:
    """Whether line ``t`` goes on with a label's value broken over a blank line ("... – Тверь: Научно-издательская" /
    "компания ..."): it begins in lower case after a line without final punctuation, or after a line that ends with a dash
    ("Сталин И.В. Cочинения. – Т. 15. –" / "М.: Издательство ..., 1997. С. 102.")."""
    last = value.rstrip().rsplit("\n", 1)[-1]
    return (t[:1].islower() or bool(re.search(r"\s[–—-]$", last))) and bool(last) and not re.search(r"[.!?]$", last)


def title_words(text: str) -> bool:
    """Whether every word is capitalized, a number or a small word: the names of a heading "X to Y"."""
    small = {"the", "of", "and", "in", "for", "on", "a", "an", "de", "von", "van"}
    return all(w[:1].isupper() or w[:1].isdigit() or w.strip("()").lower() in small or w.startswith("(")
               for w in text.split())


def furniture(text: str) -> str | None:
    for pattern, why in _FURNITURE:
        if pattern.search(text):
            return why
    return None


# "To JD. Hooker   [23 October 1857]1", "To Alexander Hamilton from George Washington, 3 November 1796": an edition's
# heading of a letter, the addressee (and the writer) and the date, a note marker after it
_PERSON = r"(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]+"
_TO_DATED = re.compile(rf"^To\s+{_PERSON}(?:\s+from\s+{_PERSON})?,?\s+\[?(?:\d{{1,2}}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{{1,2}},)\s*\d{{4}}\]?"
                       r"\d{0,3}$")


# "Записка И.В. Сталина членам Политбюро ... о необходимости ...": an archive's title of a document, its kind, its writer
# in the genitive, then its addressee and subject (a full stop after it)
_ARCHIVE_TITLE = re.compile(r"^(?:Письмо|Записка|Телеграмма|Шифротелеграмма|Докладная записка)\s+(?:[А-ЯЁ]\.\s?){1,3}\s*[А-ЯЁ][а-яё-]+(?:а|я)\s+"
                            r"[а-яёА-ЯЁ]")


def heading_like(text: str) -> bool:
    """A short line that reads as a document's heading."""
    t = INCIPIT.sub("", text.strip())
    if letter_heading(t) and "\n" not in t:
        return True
    if not t or len(t) > 220 or "\n" in t or re.match(r"^[A-ZА-Я][\w.’' -]{1,40}\(\d{4}\)$", t):
        return False
    if re.match(r"^To:\s+[A-ZА-Я]", t) or _TO_DATED.match(t) or _ARCHIVE_TITLE.match(t) or CATALOGUE_TITLE.match(t):
        return True
    words = [w for w in re.findall(r"[^\W\d_]{3,}", t) if not re.fullmatch(r"[IVXLC]+", w)]
    if not words or _SIGNATURE.match(t) and not re.search(r"(?:У|Ю|ОЙ|ЕЙ|ЫМ|ИМ|ОМУ|ЕМУ)\.?$", t) and not _HEADING_WORD.match(t):
        return False
    # "В. П. МИЛЮТИНУ и В. А. АВАНЕСОВУ", "ДЛЯ ЧЛЕНОВ ПОЛИТБЮРО ЦК РКП(б)": capitals, a lower-case "и" or party's "(б)" aside
    letters = re.sub(r"[^\w]|[\d_]", "", re.sub(r"\s(?:г|гг)\.$|^N[º°o]\.?(?=\s*\d)|(?<=[А-ЯЁ.])\s+и\s+(?=[А-ЯЁ])|(?<=[А-ЯЁ])\(б\)", " ", t))
    if len(letters) >= 4 and letters.isupper() and not re.search(r"[.!?]\s*$", re.sub(r"\b(?:г|гг|[A-ZА-Я])\.$", "", t)):
        return True
    if re.match(r"^(?:Письмо|Телеграмма|Записка|Надпись на|Шифротелеграмма|Шифровка|Letter [Tt]o|Telegram [Tt]o|Note [Tt]o|"
                r"Message [Tt]o|Cipher telegram)\b", t):
        return not re.search(r"[.!?:]$", t) or bool(re.search(r"\d{4}\s*(?:г\.|года)?$", t))
    if re.match(r"^[^—–\n]{3,80}\s[—–]\s[^—–\n]{3,80}(?:\s\[?\d.*)?$", t) and not re.search(r"[.!?]$", re.sub(r"г\.$", "", t)):
        return bool(re.search(r"(?:у|ю|ым|им|ам|ям|ой|ей)\b", t)) or bool(re.search(r"\d{4}", t))
    if re.match(r"^(?:[A-Z]\.\s*){1,2}[A-Z][\w'-]+(?:,\s*(?:[A-Z]\.\s*){1,2}[A-Z][\w'-]+)*\s+-\s+(?:[A-Z]\.\s*){1,2}[A-Z][\w'-]+$", t):
        return True  # "S. Spandaryan, I. V. Stalin - V. I. Lenin"
    if (m := re.match(r"^(?P<a>[A-Z][\w.’' ()-]{1,120})\s(?:to|To|TO)\s(?P<b>(?:the\s|THE\s)?[A-Z][\w.’' ()-]{1,120})$", t)) \
            and not re.search(r"[.!?]$", t) and len(t.split()) <= 24 and title_words(m.group("a")) and title_words(m.group("b")):
        return True  # "President Roosevelt to Marshal Stalin 1", "ENGELS TO MARX", but not "Loyal to the old line"
    return bool(re.match(r"^[A-Z][\w ]{2,40}:\s*Letter to\b", t))  # "Leon Trotsky: Letter to an Unknown Comrade"


_GENERIC = re.compile(r"^(?:Letter|Document|No\.)\s*(\d+)\.?$")


_GLUED_GENERIC = re.compile(r"(?<=[.!?”\"')\]])\s+((?:Letter|Document)\s+(\d+))\s*$")


# "| Written | 10 April 1868 |", "| Author(s) | Friedrich Engels |": a row of a wiki's infobox, a label and its value
_INFOBOX_ROW = re.compile(r"^\|\s*(?P<label>[A-ZА-ЯЁ][\w ]{1,30}?(?:\(s\))?)\s*\|\s*(?P<value>[^|]*[^|\s])\s*\|$")


def _infobox_row(text: str) -> str:
    """An infobox row whose label is one of the metadata labels, as the labelled line it stands for ("Written: ...")."""
    m = _INFOBOX_ROW.match(text)
    label = f"{m.group('label')}: {m.group('value')}" if m else ""
    return label if label and _LABEL.match(label) else text


def _lines(text: str, noticed: list[tuple[int, int, str]]) -> tuple[list[Line | None], list[tuple[int, str, str]]]:
    """The page's lines, furniture replaced by None (blank lines too), and what was dropped."""
    out: list[Line | None] = []
    dropped: list[tuple[int, str, str]] = []
    licence = False
    raw = text.split("\n")
    numbered = {int(m.group(1)) for line in raw if (m := _GENERIC.match(line.strip()))}
    marks = LineMarks()
    for no, line in enumerate(raw, 1):
        m = _GLUED_GENERIC.search(line.rstrip())
        if m and {int(m.group(2)) - 1, int(m.group(2)) + 1} & numbered:
            col = len(line) - len(line.lstrip()) + 1
            out.append((no, col, line[:m.start()].strip()))
            out.append(None)
            out.append((no, m.start(1) + 1, m.group(1)))
            noticed.append((no, m.start(1) + 1, f"heading '{m.group(1)}' split off the end of a line"))
            continue
        # "Печатается по рукописи |": the border of a table's cell, flattened with it, is no part of the line
        stripped = _infobox_row(unitalic(line.strip()))
        if not stripped.startswith("|"):
            stripped = re.sub(r"(?<=\S)\s+\|$", "", stripped)
        if not stripped:
            out.append(None)
            licence = False
            continue
        if (why := furniture(stripped) or ebook_furniture(stripped)) is not None:
            dropped.append((no, stripped, why))
            out.append(None)
            licence = why == "site navigation or a banner" and bool(re.match(r"^(?:Public Domain|Copyleft)\s*:", stripped)) \
                and not _LICENCE_END.search(stripped)
            continue
        if licence and len(stripped) >= 120 and not _LICENCE.search(stripped):
            licence = False  # a paragraph of the page after a licence that never said "as your source"
        if licence or _LICENCE.search(stripped) and len(stripped) < 120:
            dropped.append((no, stripped, "the site's licence"))
            out.append(None)
            licence = licence and not _LICENCE_END.search(stripped)
            continue
        stripped, col = marks(no, stripped, len(line) - len(line.lstrip()) + 1, dropped)
        if not stripped:
            out.append(None)
            continue
        pieces = record_pieces(stripped) or run_on_pieces(stripped)
        for k, (offset, piece) in enumerate(pieces):
            if len(pieces) > 1 and (why := furniture(piece)) is not None:
                dropped.append((no, piece, why))
                out.append(None)
                continue
            if k:
                out.append(None)
                noticed.append((no, col + offset, f"'{piece[:30]}' cut off a line that runs on"))
            out.append((no, col + offset, piece))
    _contents(out, dropped)
    _table_of_contents(raw, out, dropped)
    _menu(out, dropped)
    page_numbers(out, dropped, heading_like, _GREETING)
    return out, dropped


_MENU_ITEM = re.compile(r"[A-ZА-ЯЁ][\w'’-]*(?:\s+[\w'’.&-]+){0,3}")


def _menu(lines: list[Line | None], dropped: list[tuple[int, str, str]]) -> None:
    """Six or more lines of one to four words, without a digit or punctuation, in a row before the first paragraph
    ("Home", "About Us", "Michael Bakunin", "Paris Commune"): a site's menu."""
    first = next((i for i, item in enumerate(lines) if item is not None and len(item[2]) >= 120), len(lines))
    run: list[int] = []
    for i in range(first + 1):
        item = lines[i] if i < first else None
        if item is not None and _MENU_ITEM.fullmatch(item[2]) and not re.search(r"\d", item[2]):
            run.append(i)
            continue
        if item is None and i < first:
            continue
        if len(run) >= 6:
            for k in run:
                no, _, text = lines[k]  # type: ignore[misc]
                dropped.append((no, text, "site navigation or a banner"))
                lines[k] = None
        run = []


def _contents(lines: list[Line | None], dropped: list[tuple[int, str, str]]) -> None:
    """Two or more lines "290 Каганович — Сталину [22 августа 1933 г.]" in a row: the site's list of other pages."""
    def entry(item: Line | None) -> bool:
        m = re.match(r"^\d{1,4}\s+(\S.*)$", item[2]) if item else None
        return bool(m and heading_like(m.group(1)))

    for i, item in enumerate(lines):
        if item is not None and entry(item) and (entry(lines[i - 1] if i else None) or entry(lines[i + 1] if i + 1 < len(lines) else None)):
            dropped.append((item[0], item[2], "the site's list of other documents"))
    for no in {d[0] for d in dropped if d[2] == "the site's list of other documents"}:
        for i, item in enumerate(lines):
            if item is not None and item[0] == no:
                lines[i] = None


_TOC_HEAD = re.compile(r"^(?:(?:Table of )?Contents|CONTENTS|Содержание|СОДЕРЖАНИЕ|Оглавление|ОГЛАВЛЕНИЕ)\s*:?$")


def _table_of_contents(raw: list[str], lines: list[Line | None], dropped: list[tuple[int, str, str]]) -> None:
    """"Contents" and two or more lines after it that end in a page number ("1861, Fragment I 4"): a book's table of
    contents, not its text."""
    for no in (k + 1 for k, line in enumerate(raw) if _TOC_HEAD.match(line.strip())):
        head = [i for i, item in enumerate(lines) if item is not None and item[0] == no]
        entries = []
        for k in (i for i, item in enumerate(lines) if item is not None and item[0] > no):
            text = lines[k][2]  # type: ignore[index]
            if len(text) > 100 or not re.search(r"\S\s+\d{1,4}$", text):
                break
            entries.append(k)
        if len(entries) >= 2:
            for k in head + entries:
                line_no, _, text = lines[k]  # type: ignore[misc]
                dropped.append((line_no, text, "a table of contents"))
                lines[k] = None


def _blocks(lines: list[Line | None]) -> list[tuple[RawBlock, int]]:
    """Paragraphs with the number of their blank-line group: metadata, headings, numbers and note items start
    a paragraph of their own, and a line break ends a paragraph unless the sentence runs on."""
    out: list[tuple[RawBlock, int]] = []
    group, cur = 0, list[Line]()
    for item in [*lines, None]:
        if item is None:
            if cur:
                out.append((RawBlock(cur), group))
                cur = []
            group += 1
            continue
        text = item[2]
        if not cur and out and re.match(r"^[,.;:!?)»]", text):
            cur = list(out.pop()[0].lines)  # "Гнедича / * / , полученное": the sentence runs on after a mark standing alone
            no, col, last = cur.pop()
            cur.append((no, col, last + text))
            continue
        alone = bool(_LABEL.match(text) or _NUMBER.match(text) or COLLECTION_OF.match(text) or _GENERIC.match(text)
                     or _NOTES_START.match(text) or _RULE.match(text)
                     or heading_like(text) and not _TRAILER.match(text))
        starts = alone or bool(_NOTE_ITEM.match(text) or _TRAILER.match(text) or _COMMENTARY.match(text)
                               or re.match(r"^[-•]\s+\S", text) and cur and _NOTE_ITEM.match(cur[0][2])
                               or _salutation(text))
        if cur and (starts or alone_before(cur) or not _joins(cur[-1][2], text)):
            out.append((RawBlock(cur), group))
            cur = []
        cur.append(item)
    return out


def alone_before(cur: list[Line]) -> bool:
    t = cur[-1][2]
    return len(cur) == 1 and bool(_LABEL.match(t) or _NUMBER.match(t) or COLLECTION_OF.match(t)
                                  or heading_like(t) and not _TRAILER.match(t) or _NOTES_START.match(t))


def _salutation(text: str) -> bool:
    """A salutation on its own line ("My dear Gauguin,"): it begins a paragraph, whatever the line before it."""
    return len(text) <= 60 and text[:1].isupper() and bool(_GREETING.match(text)) and bool(re.search(r"[,:!]$", text))


def _joins(prev: str, text: str) -> bool:
    """Whether a line break runs on inside a sentence (a hard-wrapped paragraph) rather than ending a paragraph."""
    if prev.endswith("-") and text[:1].islower():
        return True
    if re.search(r"[.!?:;»”\"')\]]$", prev):
        return False
    return text[:1].islower() or len(prev) >= 55


_GREETING = re.compile(r"^(?:Dear|My dear|Comrade|Esteemed|Hello|Greetings|Respected|Дорог|Здравствуй|Уважаем|Глубокоуважаем|Товарищ|т\.\s)", re.I)


# "15 сентября.", "2 октября. Режица", "October 3, 1915": a dateline that opens with the day and its month
DAY_FIRST = re.compile(r"^(?:\d{1,2}\s+[а-яё]{3,}|\d{1,2}\s+[A-Z][a-z]{2,}|[A-Z][a-z]{2,}\.?\s+\d{1,2})\b(?![.,]?\s+[a-zа-яё])")
# "Письма императрицы ...", "Дневник Николая II", "Letters to his wife": the title of a group of dated extracts
GROUP_TITLE = re.compile(r"^(?:Из\s+)?(?:Письма|Писем|Дневник\w*|Записки|Телеграммы|Выдержки|Letters|Diary|Journal|Extracts|From the)\b")
# "А. М. КОЛЛОНТАЙ": an addressee in capitals under a document's number (a name that does not decline reads as a signature)
ADDRESSEE_CAPS = re.compile(r"(?:[А-ЯЁA-Z]\.\s*){1,3}[А-ЯЁA-Z-]{3,}")
DATE_AND_PLACE = re.compile(r"^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\.?\s+\[[^\[\]]{3,30}\]\.?$")  # "12 October 1895. [Yasnaya Polyana]"
