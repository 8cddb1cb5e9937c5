"""The printed edition's pages in a copy of it: page numbers and running heads, which may stand anywhere, even in
the middle of a sentence that runs over the page ("статью или" / "Л. А. ФОТИЕВОЙ. 3 ИЮЛЯ 1920 г. 229" / "рецензию
о новой книге ...")."""

from __future__ import annotations

import re
from collections.abc import Callable

from edition.interchange.raw_dates import is_dateline

Line = tuple[int, int, str]  # line number, column, text (stripped)


def _next(lines: list[Line | None], i: int) -> int:
    while i < len(lines) and lines[i] is None:
        i += 1
    return i


# "тов. Милютину тов. Аванесову В интересах ...": a note opens with its addressees, lower case but no sentence running on
_ADDRESS_FORM = re.compile(r"^(?:т|тов|гр|г-ну)\.\s*[А-ЯЁ]")


# "А. М. КОЛЛОНТАЙ. 17 МАРТА 1917 г.": a complete works' running head, the addressee and date of the letter on the page in
# capitals (a document's own heading dates it on a line of its own, in lower case: "379" / "А. М. КОЛЛОНТАЙ" / "17. III. 1917.")
_DATED_HEAD = re.compile(r"(?:[А-ЯЁ]\.\s*){1,3}[А-ЯЁ-]{3,}\.\s+\d{1,2}(?:\s*[—–-]\s*\d{1,2})?\s+[А-ЯЁ]{3,}\s+\d{4}\s*г\.")


_SIGNED = re.compile(r"(?:[А-ЯЁA-Z]\.\s*){1,3}[А-ЯЁA-Z-]{3,}")


def page_numbers(lines: list[Line | None], dropped: list[tuple[int, str, str]], heading_like: Callable[[str], bool],
                 greeting: re.Pattern[str]) -> None:
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
            and not greeting.match(after[2]) and not _ADDRESS_FORM.match(after[2])
        numbered_next = after is not None and re.fullmatch(r"\d{1,4}", after[2]) is not None and after2 is not None and heading_like(after2[2])
        opens = after is not None and (greeting.match(after[2]) is not None or is_dateline(after[2]))
        explicit = (re.fullmatch(r"ПРИЛОЖЕНИЯ|(?:[А-ЯA-Z]\.\s*){1,2}[А-ЯA-Z-]+", head[2]) is not None
                    and not re.search(r"(?:У|Ю|ОЙ|ЕЙ|ЫМ|ИМ|ОМУ|ЕМУ)$", head[2]) and not opens
                    or _DATED_HEAD.fullmatch(head[2]) is not None)
        running = heading_like(head[2]) and (runs_on or numbered_next) or explicit
        if opens and _SIGNED.fullmatch(head[2]):
            continue  # "379" / "А. М. КОЛЛОНТАЙ" / "17. III. 1917.": a document's number and its addressee, not the page's
        if not running and not heading_like(head[2]) and not re.fullmatch(r"\d{1,4}", head[2]) and (before is None or not heading_like(before[2])):
            dropped.append((item[0], item[2], "a page number of the printed edition"))
            lines[i] = None
        elif running:
            dropped += [(item[0], item[2], "a page number of the printed edition"), (head[0], head[2], "a running head of the printed edition")]
            lines[i] = lines[j] = None
        elif re.fullmatch(r"\d{1,4}", head[2]):
            dropped.append((item[0], item[2], "a page number of the printed edition"))
            lines[i] = None
    _heads_with_their_number(lines, dropped, heading_like)


# "Л. А. ФОТИЕВОЙ. 3 ИЮЛЯ 1920 г. 229": a running head that dates the letter on the page, and the page's number after it
_HEAD_AND_NUMBER = re.compile(r"^(?P<head>[^a-zа-яё]{3,80}\d{4}\s*г\.)\s+\d{1,4}$")


def _heads_with_their_number(lines: list[Line | None], dropped: list[tuple[int, str, str]], heading_like: Callable[[str], bool]) -> None:
    """A running head and its page number on one line, the sentence going on in lower case after it: furniture."""
    for i, item in enumerate(lines):
        if item is None or not (m := _HEAD_AND_NUMBER.match(item[2])) or not heading_like(m.group("head")):
            continue
        k = _next(lines, i + 1)
        if k < len(lines) and (after := lines[k]) is not None and after[2][:1].islower():
            dropped.append((item[0], item[2], "a running head of the printed edition with its page number"))
            lines[i] = None
