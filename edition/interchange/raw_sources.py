"""Printed sources as the pages give them after a letter: "Письма И.В. Сталина В.М. Молотову. 1925–1936 гг. С. 238.",
"[Writing of Leon Trotsky, Vol. 4, ...]", a bibliographic reference with "//" or a publisher ("— М.: Наука, 1977."), a
publisher, year and page ("Stanford, California, 1967. Р. 45."), and a source broken over two lines
("Большевистское руководство." / "Переписка. 1912–1927. С. 46.", "Stalin I.V. Works. Volume 2 (XV). 1941–1945." /
"Stanford, California, 1967. Р. 45.")."""

from __future__ import annotations

import re

SOURCE = re.compile(r"(?:\b(?:С|Стр|S|p|pp)\.\s*\d+(?:\s*[–-]\s*\d+)?\.?\]?|\bгг?\.)$|^\[Writing[s]? of .*\]$|^Правда,? \d")


SOURCE_START = re.compile(r"^(?:Письма|Иосиф Сталин в объятиях|Сталин и Каганович|Большевистское руководство|Сочинения|"
                           r"Ленин,? В\.|Полн\. собр\.|Известия ЦК|Исторический архив|Источник\b|\[Writing|Правда)")


_PUBLISHER = re.compile(r"[—–]\s(?:М|Л|СПб|Пг|Киев|Берлин)\.:\s")


# "1967. Р. 45.", "1997. С. 102.": a year, then the page (a Latin or a Cyrillic P, С, S), the end of a printed reference
_YEAR_PAGE = re.compile(r"\b\d{4}\.\s*(?:[PРСS]|pp?|Стр)\.\s*\d+(?:\s*[–-]\s*\d+)?\.?$")


# "Stalin I.V. Works. Volume 2 (XV). 1941–1945.": a volume of a work and its years, the first line of a reference
_VOLUME = re.compile(r"\b(?:Volume|Vol\.|Том|Т\.)\s*\d+\b.*\d{4}")


def printed_source(t: str) -> bool:
    """Whether a paragraph is a printed source: one of the known titles with its page or year, a reference in brackets
    that ends with its page, a bibliographic reference, or a line that ends with a year and a page (one reference or two:
"Красный архив. 1927. № 2 (21). С. 11–12; Скорбный путь ... Пермь, 1996. С. 35–36.")."""
    if len(t) < 200 and (SOURCE_START.match(t) and (SOURCE.search(t) or re.search(r"\d{4}\s*(?:гг?\.)?\s*$", t))
                         or re.match(r"^\[.*\]$", t) and SOURCE.search(t)):
        return True
    if len(t) < 400 and (re.search(r"\s//\s", t) or _PUBLISHER.search(t)) and re.search(r"\d{4}", t):
        return True  # "Чехов А. П. Письмо Суворину ... // Полное собрание ... — М.: Наука, 1977."
    return len(t) <= 300 and "\n" not in t and t[:1].isupper() and bool(_YEAR_PAGE.search(t))


def source_over_two_lines(t: str, following: str, after_source: bool) -> bool:
    """A printed source broken over two lines ("Большевистское руководство." / "Переписка. 1912–1927. С. 46."): its
    title's line (or a volume's) before the line that ends with the page, or that line after it."""
    if len(t) > 120:
        return False
    if (SOURCE_START.match(t) or _VOLUME.search(t)) and not SOURCE.search(t):
        return len(following) <= 120 and bool(SOURCE.search(following) or _YEAR_PAGE.search(following))
    return after_source and bool(SOURCE.search(t)) and bool(re.search(r"\d", t))


# "<РО ИРЛИ, ф. 168, № 16640. Письмо Ф. М. Достоевского к А. Н. Майкову>": the editors' record in angle brackets, the
# archival reference and then the document's title
_RECORD = re.compile(r"^<(?P<ref>[^<>]{4,160}?\b(?:ф|f|фонд)\.?\s*\d[^<>]*?\.)\s+"
                     r"(?P<title>(?:Письмо|Записка|Телеграмма|Letter|Telegram|Note)\s[^<>]{3,160}?)\.?>$")


def record_pieces(text: str) -> list[tuple[int, str]] | None:
    """The archival reference and the title of an editors' record in angle brackets, as two lines with their offsets
    (the brackets left out), or None."""
    m = _RECORD.match(text)
    return [(m.start("ref"), m.group("ref")), (m.start("title"), m.group("title"))] if m else None

