"""The importer's reading of a whole page: furniture, headings, metadata, and where each document starts.

``read_page`` goes through the lines of a raw copy once. Site furniture
(menus, licence banners, page numbers with their running heads, shop banners,
HTML left in the text) is dropped and recorded with the reason. Headings
("TO MAXIM GORKY", "Сталин — Кагановичу 19 августа 1932 г.", "ТЕЛЕГРАММА
ЯНСОНУ"), document numbers ("116", "№277", "No. 5"), labelled metadata
("Written:", "Источник:", a "Реквизиты" block, values broken over several
lines) and an edition's trailers ("Printed from the original", "Написано ...",
"Печатается по рукописи", a printed source, an archival line) are taken off
the text; what is left are the paragraphs of each document, its notes
included. Text before the first heading of a page with headings is the end of
a document whose beginning is not in the copy (``partial``), or, when it reads
as notes, material that belongs to no document here (``unplaced``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from edition.interchange.importer_notes import RawBlock

Line = tuple[int, int, str]  # line number, column, text (stripped)

# --- furniture ----------------------------------------------------------------------

_LICENCE = re.compile(r"freely copy|distribute,|display and perform|derivative and|commercial works|Please credit|as your source\.?|"
                      r"GNU Free Documentation|Permission is granted|^Archive[”\"]? as your source|Marxists Internet$", re.I)
_FURNITURE = [
    (re.compile(r"\S\s*\|\s*\S[^|]*\|\s*\S|^\s*\|(?:\s*\|)+\s*$|^[-|\s]*\|[-|\s]*$|^[^|]*\|[^|]*\|\s*$"), "a row of links or a table of the site"),
    (re.compile(r"^\s*<\s*backward|forward\s*>\s*$|^Jump to navigation|^From Marxists-\w+$|^Kommentare$|^Special pages\s*:|"
                r"^Template:|^Other Formats:|^•?\s*README$|^Text$|^TextREADME$|^Шрифт:$|^Содержание\s*$|^[AА]$|^Выбрать главу$|"
                r"^сообщить о нарушении$|^Download [\d.]+ ?[KMG]b|^Pdf ko'rish$|^bet\d+/\d+$|^Sana[\d.]+$|^Hajmi|^#\d+$|"
                r"^Подобный материал:?$|^Вид материала|^Текущая страница:|^Текст книги|^Автор книги:|^Жанры?:$|"
                r"^•?\s*Текст добавлен:|^Электронная библиотека|^[\d\s]+произведений, [\d\s]+авторов|^Литмир|"
                r"^Более [\d\s]+ книг|^Получи \d+ месяц|^ПОЛУЧИТЬ ПОДАРОК$|^Скачать$|Home Page\s*$|^Public Domain:|^Copyleft:|"
                r"^Prepared ©|^Join us\s*$|^If you want more information about joining"), "site navigation or a banner"),
    (re.compile(r"^\d+(?:\s+\.\.\.)?(?:\s+\d+)+\s+\.\.\.\s+\d+$"), "the page numbers of the site"),
    (re.compile(r"^page \d+$|^\[Page \d+\]$", re.I), "a page number of the printed edition"),
    (re.compile(r"^[^<>]+\s(?:>|»)\s+[^<>]*(?:\s(?:>|»)(?:\s[^<>]*)?)+$"), "a breadcrumb of the site"),
    (re.compile(r"^Политика$|^Лента$|^Главная$"), "site navigation or a banner"),
]
_SIGNATURE = re.compile(r"^(?:[A-ZА-Я]\.\s*){1,3}[A-ZА-Я][\w-]+\.?$|^[A-ZА-Я][A-ZА-Я-]{2,}\.?$")
_HEADING_WORD = re.compile(r"^(?:TELEGRAM|LETTER|NOTE|MEMORANDUM|ТЕЛЕГРАММА|ПИСЬМО|ЗАПИСКА|ШИФРОТЕЛЕГРАММА|ТЕЛЕФОНОГРАММА)$")
_INLINE = re.compile(r"<\"[^\"<>]{1,20}\">|</?p>|</?br\s*/?>|\[Page \d+\]")

# --- metadata -----------------------------------------------------------------------

_LABEL = re.compile(r"^(?P<label>Written|First Published|Published|Source|Translated|Transcription\s*[\\/]\s*(?:HTML\s+)?Markup|"
                    r"HTML(?:\s+Markup)?|Online Version|Proofread|Wired|Sent|Delivered|Dictated|Courtesy|Compiled by|"
                    r"Available at|Retrieved from|Реквизиты|Тип документа|Направление|Государство|Датировка|Метки|Источник|"
                    r"Архив|Дата|Место|Публикация)\s*(?::|$)\s*(?P<value>.*)$", re.I)
_TRAILER = re.compile(r"^(?:Written\s+(?:in|on|at|after|before|not|between|later)|First\s+published|Printed\s+from|Sent\s+from|"
                      r"Translated\s+from|Edited\s+by|From\s+V\.\s*I\.|Vol\.\s*\d|Published\s+according|"
                      r"Написано|Впервые напечатано|Напечатано|Печатается по|На русском языке впервые|Перевод с)\b", re.I)
_SOURCE = re.compile(r"(?:\b(?:С|Стр|S|p|pp)\.\s*\d+(?:\s*[–-]\s*\d+)?\.?\]?|\bгг?\.)$|^\[Writing[s]? of .*\]$|^Правда,? \d")
_SOURCE_START = re.compile(r"^(?:Письма|Иосиф Сталин в объятиях|Сталин и Каганович|Большевистское руководство|Сочинения|"
                           r"Ленин,? В\.|Полн\. собр\.|Известия ЦК|Исторический архив|Источник\b|\[Writing|Правда)")
_NUMBER = re.compile(r"^(?:№\s*\d+[а-я]?|No\.\s*\d+|\d{1,4})\.?$")
_NOTES_START = re.compile(r"^(?:Notes|NOTES|Footnotes|Endnotes|Примечания|ПРИМЕЧАНИЯ)\s*:?\s*$")
_COMMENTARY = re.compile(r"^(?:ПРИМЕЧАНИЕ|Примечание)\.?\s*(?P<rest>.*)$")
_RULE = re.compile(r"^[_\-=]{5,}$")
_NOTE_ITEM = re.compile(r"^(?:\[\d{1,3}\]|\(\d{1,3}\)|\*{1,3}(?=\s)|-\s*↑|\d{1,3}\s*\.\s*↑|\d{1,3}\s?\.\s+[A-ZА-Я]|-\s+\S.*↩)")


@dataclass
class Meta:
    label: str  # lower-case label ("written", "источник"), or "trailer", "source", "archive", "number", "heading"
    value: str
    block: RawBlock


@dataclass
class Region:
    """One document of the page."""

    heading: list[RawBlock] = field(default_factory=list)
    meta: list[Meta] = field(default_factory=list)
    blocks: list[RawBlock] = field(default_factory=list)  # the text, then the notes
    commentary: list[RawBlock] = field(default_factory=list)  # an edition's note without an anchor: the headnote
    partial: bool = False

    def body_blocks(self) -> list[RawBlock]:
        """The paragraphs of the text, before the notes."""
        out = []
        for b in self.blocks:
            if _NOTES_START.match(b.text) or _NOTE_ITEM.match(b.text) or _RULE.match(b.text):
                break
            out.append(b)
        return out

    def first_line(self) -> int:
        lines = [b.line for b in self.heading] + [m.block.line for m in self.meta] + [b.line for b in self.blocks]
        return min(lines) if lines else 0

    @property
    def has_body(self) -> bool:
        return any(len(b.text) >= 40 or not _NUMBER.match(b.text) for b in self.blocks)


@dataclass
class Page:
    regions: list[Region]
    dropped: list[tuple[int, str, str]]  # line, text, why
    unplaced: list[RawBlock]
    author_hints: list[str]
    title: list[RawBlock] = field(default_factory=list)  # the heading of a collection of numbered documents
    noticed: list[tuple[int, int, str]] = field(default_factory=list)  # line, column, what the reader did


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


def heading_like(text: str) -> bool:
    """A short line that reads as a document's heading."""
    t = text.strip()
    if not t or len(t) > 220 or "\n" in t or re.match(r"^[A-ZА-Я][\w.’' -]{1,40}\(\d{4}\)$", t):
        return False
    if re.match(r"^To:\s+[A-ZА-Я]", t):
        return True
    words = [w for w in re.findall(r"[^\W\d_]{3,}", t) if not re.fullmatch(r"[IVXLC]+", w)]
    if not words or _SIGNATURE.match(t) and not re.search(r"(?:У|Ю|ОЙ|ЕЙ|ЫМ|ИМ|ОМУ|ЕМУ)\.?$", t) and not _HEADING_WORD.match(t):
        return False
    letters = re.sub(r"[^\w]|[\d_]", "", re.sub(r"\s(?:г|гг)\.$", "", t))
    if len(letters) >= 4 and letters.isupper() and not re.search(r"[.!?]\s*$", re.sub(r"\b(?:г|гг|[A-ZА-Я])\.$", "", t)):
        return True
    if re.match(r"^(?:Письмо|Телеграмма|Записка|Надпись на|Шифротелеграмма|Шифровка|Letter [Tt]o|Telegram [Tt]o|Note [Tt]o|Cipher telegram)\b", t):
        return not re.search(r"[.!?:]$", t) or bool(re.search(r"\d{4}\s*(?:г\.|года)?$", t))
    if re.match(r"^[^—–\n]{3,80}\s[—–]\s[^—–\n]{3,80}(?:\s\[?\d.*)?$", t) and not re.search(r"[.!?]$", re.sub(r"г\.$", "", t)):
        return bool(re.search(r"(?:у|ю|ым|им|ам|ям|ой|ей)\b", t)) or bool(re.search(r"\d{4}", t))
    if re.match(r"^(?:[A-Z]\.\s*){1,2}[A-Z][\w'-]+(?:,\s*(?:[A-Z]\.\s*){1,2}[A-Z][\w'-]+)*\s+-\s+(?:[A-Z]\.\s*){1,2}[A-Z][\w'-]+$", t):
        return True  # "S. Spandaryan, I. V. Stalin - V. I. Lenin"
    if (m := re.match(r"^(?P<a>[A-Z][\w.’' ()-]{1,120})\s(?:to|TO)\s(?P<b>(?:the\s|THE\s)?[A-Z][\w.’' ()-]{1,120})$", t)) \
            and not re.search(r"[.!?]$", t) and len(t.split()) <= 24 and title_words(m.group("a")) and title_words(m.group("b")):
        return True  # "President Roosevelt to Marshal Stalin 1", "ENGELS TO MARX", but not "Loyal to the old line"
    return bool(re.match(r"^[A-Z][\w ]{2,40}:\s*Letter to\b", t))  # "Leon Trotsky: Letter to an Unknown Comrade"


# --- lines ------------------------------------------------------------------------


_GENERIC = re.compile(r"^(?:Letter|Document|No\.)\s*(\d+)\.?$")
_GLUED_GENERIC = re.compile(r"(?<=[.!?”\"')\]])\s+((?:Letter|Document)\s+(\d+))\s*$")


def _lines(text: str, noticed: list[tuple[int, int, str]]) -> tuple[list[Line | None], list[tuple[int, str, str]]]:
    """The page's lines, furniture replaced by None (blank lines too), and what was dropped."""
    out: list[Line | None] = []
    dropped: list[tuple[int, str, str]] = []
    licence = False
    raw = text.split("\n")
    numbered = {int(m.group(1)) for line in raw if (m := _GENERIC.match(line.strip()))}
    for no, line in enumerate(raw, 1):
        m = _GLUED_GENERIC.search(line.rstrip())
        if m and {int(m.group(2)) - 1, int(m.group(2)) + 1} & numbered:
            col = len(line) - len(line.lstrip()) + 1
            out.append((no, col, line[:m.start()].strip()))
            out.append(None)
            out.append((no, m.start(1) + 1, m.group(1)))
            noticed.append((no, m.start(1) + 1, f"heading '{m.group(1)}' split off the end of a line"))
            continue
        stripped = line.strip()
        if not stripped:
            out.append(None)
            licence = False
            continue
        if (why := furniture(stripped)) is not None:
            dropped.append((no, stripped, why))
            out.append(None)
            licence = why == "site navigation or a banner" and bool(re.match(r"^(?:Public Domain|Copyleft):", stripped))
            continue
        if licence or _LICENCE.search(stripped) and len(stripped) < 120:
            dropped.append((no, stripped, "the site's licence"))
            out.append(None)
            licence = licence and not re.search(r"as your source\.?$", stripped)
            continue
        if _INLINE.search(stripped):
            dropped += [(no, m.group(), "HTML or a page mark left in the text") for m in _INLINE.finditer(stripped)]
            stripped = " ".join(_INLINE.sub(" ", stripped).split())
            if not stripped:
                out.append(None)
                continue
        col = len(line) - len(line.lstrip()) + 1
        out.append((no, col, stripped))
    _contents(out, dropped)
    _page_numbers(out, dropped)
    return out, dropped


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


def _next(lines: list[Line | None], i: int) -> int:
    while i < len(lines) and lines[i] is None:
        i += 1
    return i


def _page_numbers(lines: list[Line | None], dropped: list[tuple[int, str, str]]) -> None:
    """A bare number with the running head after it, inside a document: the printed page's furniture."""
    for i, item in enumerate(lines):
        if item is None or not re.fullmatch(r"\d{1,4}", item[2]):
            continue
        j = _next(lines, i + 1)
        k = _next(lines, j + 1)
        head = lines[j] if j < len(lines) else None
        after = lines[k] if k < len(lines) else None
        if head is None:
            continue
        before = next((x for x in reversed(lines[:i]) if x is not None), None)
        k2 = _next(lines, k + 1)
        after2 = lines[k2] if k2 < len(lines) else None
        runs_on = after is not None and after[2][:1].islower() and before is not None and not re.search(r"[.!?]$", before[2]) \
            and not _GREETING.match(after[2])
        numbered_next = after is not None and re.fullmatch(r"\d{1,4}", after[2]) is not None and after2 is not None and heading_like(after2[2])
        explicit = re.fullmatch(r"ПРИЛОЖЕНИЯ|(?:[А-ЯA-Z]\.\s*){1,2}[А-ЯA-Z-]+", head[2]) is not None \
            and not re.search(r"(?:У|Ю|ОЙ|ЕЙ|ЫМ|ИМ|ОМУ|ЕМУ)$", head[2])
        running = heading_like(head[2]) and (runs_on or numbered_next) or explicit
        if not running and not heading_like(head[2]) and not re.fullmatch(r"\d{1,4}", head[2]) and (before is None or not heading_like(before[2])):
            dropped.append((item[0], item[2], "a page number of the printed edition"))
            lines[i] = None
        elif running:
            dropped += [(item[0], item[2], "a page number of the printed edition"), (head[0], head[2], "a running head of the printed edition")]
            lines[i] = lines[j] = None
        elif re.fullmatch(r"\d{1,4}", head[2]):
            dropped.append((item[0], item[2], "a page number of the printed edition"))
            lines[i] = None


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
        alone = bool(_LABEL.match(text) or _NUMBER.match(text) or _GENERIC.match(text) or _NOTES_START.match(text) or _RULE.match(text)
                     or heading_like(text) and not _TRAILER.match(text))
        starts = alone or bool(_NOTE_ITEM.match(text) or _TRAILER.match(text) or _COMMENTARY.match(text)
                               or re.match(r"^[-•]\s+\S", text) and cur and _NOTE_ITEM.match(cur[0][2]))
        if cur and (starts or alone_before(cur) or not _joins(cur[-1][2], text)):
            out.append((RawBlock(cur), group))
            cur = []
        cur.append(item)
    return out


def alone_before(cur: list[Line]) -> bool:
    t = cur[-1][2]
    return len(cur) == 1 and bool(_LABEL.match(t) or _NUMBER.match(t) or heading_like(t) and not _TRAILER.match(t) or _NOTES_START.match(t))


def _joins(prev: str, text: str) -> bool:
    """Whether a line break runs on inside a sentence (a hard-wrapped paragraph) rather than ending a paragraph."""
    if prev.endswith("-") and text[:1].islower():
        return True
    if re.search(r"[.!?:;»”\"')\]]$", prev):
        return False
    return text[:1].islower() or len(prev) >= 55


# --- documents ----------------------------------------------------------------------

_GREETING = re.compile(r"^(?:Dear|My dear|Comrade|Esteemed|Hello|Greetings|Respected|Дорог|Здравствуй|Уважаем|Глубокоуважаем|Товарищ|т\.\s)", re.I)
_NOTES_LIKE = re.compile(r"\((?:РГАСПИ|Там же|RGASPI|Ibid)|См\. также|^\d{1,3}\s+[А-ЯA-Z]")


def _classify(b: RawBlock, is_citation: Callable[[str], bool], is_archive_name: Callable[[str], bool] = lambda t: False) -> str:
    t = b.text
    for kind, pattern in (("generic", _GENERIC), ("notes", _NOTES_START), ("notes", _RULE), ("commentary", _COMMENTARY), ("label", _LABEL),
                          ("number", _NUMBER)):
        if pattern.match(t):
            return kind
    if _TRAILER.match(t):
        return "trailer"
    if heading_like(t) and len(b.lines) == 1:
        return "heading"
    if _NOTE_ITEM.match(t):
        return "note"
    if len(t) < 300 and is_citation(t):
        return "archive"
    if len(t) < 200 and (_SOURCE_START.match(t) and (_SOURCE.search(t) or re.search(r"\d{4}\s*(?:гг?\.)?\s*$", t))
                         or re.match(r"^\[.*\]$", t) and _SOURCE.search(t)):
        return "source"
    if is_archive_name(t):
        return "archive-name"
    return "body"


class _Segmenter:
    def __init__(self, is_citation: Callable[[str], bool], is_archive_name: Callable[[str], bool]) -> None:
        self.is_citation = is_citation
        self.is_archive_name = is_archive_name
        self.regions = [Region()]
        self.phase = "head"
        self.open: Meta | None = None  # a label or trailer whose value may run on
        self.group = -1
        self.last_kind = ""

    @property
    def r(self) -> Region:
        return self.regions[-1]

    def new(self) -> None:
        if self.r.heading or self.r.meta or self.r.blocks or self.r.commentary:
            self.regions.append(Region())
        self.phase, self.open = "head", None

    def started(self) -> bool:
        return self.phase != "head" or any(m.label not in ("number",) for m in self.r.meta) and bool(self.r.blocks)

    def feed(self, b: RawBlock, group: int, following: RawBlock | None) -> None:
        kind = _classify(b, self.is_citation, self.is_archive_name)
        self.following = following
        t = b.text
        same_group = group == self.group
        self.group = group
        if kind == "body" and self.open is not None and self._continues(t, same_group):
            self.open.value += "\n" + t
            self.open.block = RawBlock(self.open.block.lines + b.lines)
            return
        self.open = None
        getattr(self, f"_{kind}")(b)
        self.last_kind = kind

    def _continues(self, t: str, same_group: bool) -> bool:
        assert self.open is not None
        if _GREETING.match(t) or len(t) > 160:
            return False
        if self.open.label == "trailer":
            return len(t) <= 90 and not _SIGNATURE.match(t)
        first = self.open.value.split("\n", 1)[0].strip()
        if first and not re.search(r"[,;:(–-]$", first) and not t[:1].islower():
            return False
        return same_group or not self.open.value.strip()

    def _heading(self, b: RawBlock) -> None:
        t = " ".join(b.text.split())
        if self.last_kind == "heading" and not self.r.blocks:
            self.r.heading.append(b)
            return
        if any(" ".join(h.text.split()).casefold() == t.casefold() for h in self.r.heading) and self.phase != "notes":
            self.phase = "head"  # the heading repeated (a page title, then the document)
            self.r.meta.append(Meta("heading", t, b))
            return
        if self.r.body_blocks() or self.phase != "head" or self.r.heading:
            self.new()
        self.r.heading.append(b)

    def _generic(self, b: RawBlock) -> None:
        """ "Letter 12", "Document 3": a document starts here, whatever follows."""
        if self.r.blocks or self.r.meta or self.r.heading and self.r.body_blocks():
            self.new()
        self.r.meta.append(Meta("generic", b.text.strip(), b))

    def _number(self, b: RawBlock) -> None:
        t = b.text.strip()
        if self.last_kind == "heading" and not self.r.blocks and re.fullmatch(r"\d{1,4}", t):
            self.r.meta.append(Meta("heading-note", t, b))  # the edition's note on the heading, not in the copy
            return
        if any(m.label == "number" and m.value == t for m in self.r.meta):
            self.phase = "head"
            self.r.meta.append(Meta("number", t, b))
            return
        heads = self.following is not None and heading_like(self.following.text) and not _TRAILER.match(self.following.text)
        if (self.r.body_blocks() or self.phase != "head" or self.r.heading) and heads:
            self.new()
        self.r.meta.append(Meta("number", t, b))

    def _label(self, b: RawBlock) -> None:
        m = _LABEL.match(b.text)
        assert m is not None
        self._header_date()
        meta = Meta(m.group("label").casefold(), m.group("value").strip(), b)
        self.r.meta.append(meta)
        self.open = meta
        if self.phase == "body":
            self.phase = "tail"

    def _trailer(self, b: RawBlock) -> None:
        meta = Meta("trailer", b.text, b)
        self.r.meta.append(meta)
        self.open = meta
        if self.phase in ("body", "notes"):
            self.phase = "tail"

    def substantial(self) -> bool:
        body = self.r.body_blocks()
        return sum(len(b.text) for b in body) > 60 or any(_GREETING.match(b.text) for b in body)

    def _source(self, b: RawBlock) -> None:
        self._header_date()
        self.r.meta.append(Meta("source", b.text, b))
        self.phase = "tail" if self.phase != "head" and self.substantial() else self.phase

    def _archive(self, b: RawBlock) -> None:
        self.r.meta.append(Meta("archive", b.text, b))
        self.phase = "tail" if self.phase != "head" and self.substantial() else self.phase

    def _archive_name(self, b: RawBlock) -> None:
        self._header_date()
        self.r.meta.append(Meta("archive-name", b.text, b))

    def _header_date(self) -> None:
        """Short lines before labelled metadata, a source or an archive line (a date, an author's name under the
        heading): the page's metadata, not the text."""
        body = self.r.body_blocks()
        if 0 < len(body) <= 2 and all(len(b.text) <= 40 and not _GREETING.match(b.text) for b in body) and len(self.r.blocks) == len(body):
            for b in body:
                self.r.blocks.remove(b)
                self.r.meta.append(Meta("date" if re.search(r"\d{4}", b.text) else "preamble", b.text, b))
            self.phase = "head"

    def _notes(self, b: RawBlock) -> None:
        self.r.blocks.append(b)
        self.phase = "notes"

    def _note(self, b: RawBlock) -> None:
        self.r.blocks.append(b)
        self.phase = "notes"

    def _commentary(self, b: RawBlock) -> None:
        m = _COMMENTARY.match(b.text)
        rest = m.group("rest") if m else ""
        self.r.meta.append(Meta("commentary-label", b.text[:len(b.text) - len(rest)].strip(), b))
        if rest:
            self.r.commentary.append(b.after(len(b.text) - len(rest)))
        self.phase = "commentary"

    def _body(self, b: RawBlock) -> None:
        if self.phase == "commentary" or (self.phase == "tail" and self.substantial()) and not (
                self.following is not None and re.match(r"^[Bb][Yy]\s+\S", self.following.text)):
            self.r.commentary.append(b)
            return
        if self.phase == "head" and not self.r.body_blocks() and (re.fullmatch(r"\[[^\[\]]{4,40}\]\.?", b.text.strip())
                                                                or len(b.text) <= 40 and re.search(r"\[\d{4}\]", b.text)):
            self.r.meta.append(Meta("date", b.text, b))
            return
        if self.phase in ("tail", "commentary") and self.following is not None and re.match(r"^[Bb][Yy]\s+\S", self.following.text) \
                and len(b.text) <= 100 and not re.search(r"[.,;:!]$", b.text):
            self.new()  # a title and a byline after the end of a document: the next one
            self.r.heading.append(b)
            return
        prev = self.r.blocks[-1].text if self.r.blocks else ""
        if self.phase == "body" and _SIGNATURE.match(prev) and len(b.text) <= 30 and re.search(r"\d{4}", b.text) \
                and self.following is not None and _GREETING.match(self.following.text):
            self.new()  # a dateline and a salutation after a signature: the next letter
        self.r.blocks.append(b)
        if self.phase != "notes":
            self.phase = "body"




def _title_case_line(text: str) -> bool:
    """A short English line in title case without final punctuation: "Lenin on the Press"."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return (len(text) <= 80 and "\n" not in text and len(words) >= 2 and words[0][0].isupper() and words[-1][0].isupper()
            and not re.search(r"[.,;:!?]$|[.!?]\s", text) and not _GREETING.match(text) and not _SIGNATURE.match(text))


def _commentary_before_opening(r: Region) -> None:
    """An editor's paragraph before a letter's opening ("These two letters are part of ...") is commentary."""
    opening = next((k for k, b in enumerate(r.blocks[:5]) if _GREETING.match(b.text)), None)
    if not opening:
        return
    prose = [b for b in r.blocks[:opening] if len(b.text) >= 80 and re.search(r"[.!?]$", b.text)]
    for b in prose:
        r.blocks.remove(b)
        r.commentary.append(b)


def read_page(text: str, is_citation: Callable[[str], bool], is_archive_name: Callable[[str], bool] = lambda t: False) -> Page:
    """The documents of a raw copy, what was dropped as furniture, and what belongs to no document."""
    noticed: list[tuple[int, int, str]] = []
    lines, dropped = _lines(text, noticed)
    seg = _Segmenter(is_citation, is_archive_name)
    blocks = _blocks(lines)
    for k, (block, group) in enumerate(blocks):
        seg.feed(block, group, blocks[k + 1][0] if k + 1 < len(blocks) else None)
    regions = [r for r in seg.regions if r.heading or r.blocks or r.meta or r.commentary]
    unplaced: list[RawBlock] = []
    # short lines before the first heading (a page title, an author line): metadata of the document after them
    while len(regions) > 1 and not regions[0].heading and all(len(b.text) < 80 for b in regions[0].blocks) \
            and len(regions[0].blocks) <= 3 and not regions[0].commentary \
            and not any(m.label in ("trailer", "source", "archive") for m in regions[0].meta):
        first = regions.pop(0)
        regions[0].meta[:0] = [*first.meta, *(Meta("preamble", b.text, b) for b in first.blocks)]
    if regions and not regions[0].heading and len(regions[0].blocks) > 1 and _title_case_line(regions[0].blocks[0].text):
        regions[0].heading.append(regions[0].blocks.pop(0))  # "Lenin on the Press": an article's title
    if len(regions) > 1 and not regions[0].heading and regions[0].body_blocks():
        first = regions[0]
        if any(_NOTES_LIKE.search(b.text) for b in first.blocks) and not any(m.label in ("trailer", "archive", "source") for m in first.meta):
            notes = [b for b in first.blocks if len(b.text) >= 80 or _NOTES_LIKE.search(b.text)]
            unplaced += notes
            regions.pop(0)
            regions[0].meta[:0] = [*first.meta, *(Meta("preamble", b.text, b) for b in first.blocks if b not in notes)]
        else:
            first.partial = True
    for r in regions:
        _commentary_before_opening(r)
    hints = [d[1] for d in dropped if re.search(r"Автор книги|running head", d[1] + d[2])]
    title: list[RawBlock] = []
    if len(regions) > 1 and regions[0].heading and not regions[0].blocks and any(m.label == "generic" for m in regions[1].meta):
        title = regions.pop(0).heading  # the title of a page of numbered letters: "Stalin to Molotov"
    return Page(regions, dropped, unplaced, hints, title, noticed)
