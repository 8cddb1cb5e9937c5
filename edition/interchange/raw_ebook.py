"""The conventions of plain-text books and the sites that serve them, as the page reader meets them.

A plain-text e-book (Project Gutenberg's and the reading sites that copy it) marks italics with underscores
("_Queen Victoria to Lord Panmure._", "OSBORNE, _22nd March 1855_."), sets each footnote as a bracketed block
after the text it belongs to ("[Footnote 51: As Chancellor ...]") and keeps the printed book's running heads as
"[Pageheading: TERMS OF PEACE]"; the sites around such books add a row of part numbers ("Previous Part 1 2 3 ...
Next Part") and a line of bare navigation words ("Home - Random Browse"). An edition of letters heads each one
"Writer to Addressee." with a full stop, over the letter's dateline.
"""

from __future__ import annotations

import re

from edition.interchange.raw_dates import is_dateline

# "_22nd March 1855_": a span in italics, its underscores not inside a word
ITALIC = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\w_])")

_NAV_WORDS = {"home", "random", "browse", "search", "next", "previous", "prev", "back", "top", "menu", "index", "contents",
              "login", "log", "in", "sign", "register", "about", "help", "главная", "поиск", "назад", "вперёд", "вперед",
              "наверх", "меню", "вход", "регистрация"}

FURNITURE = [
    (re.compile(r"^\[(?:Pageheading|Page\s+heading|Running\s+head)\s*:[^\[\]]*\]$", re.I), "a running head of the printed edition"),
    (re.compile(r"^(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|info|ru|su|ua|by|io|de|fr|uk|us|ca|au|edu)$", re.I),
     "the site's name"),
    (re.compile(r"^(?:©|\(c\)|Copyright\s+(?:©|\(c\))?)\s*(?:\d{4}(?:\s*[-–]\s*\d{2,4})?\s+)?[A-Z][^.]{1,100}$"), "a copyright line of the site"),
    (re.compile(r"^(?:Шрифт|Интервал|Закладка|Размер шрифта|Межстрочный интервал|Font(?: size)?|Line spacing|Bookmark)\s*:?$", re.I),
     "the reading site's controls"),
    (re.compile(r"^(?:(?:Previous|Prev)\b[^\d]{0,12})?\d{1,3}(?:\s+\d{1,3}){2,}(?:\s+Next\b[^\d]{0,12})?$", re.I),
     "the page numbers of the site"),
]


def furniture(text: str) -> str | None:
    """Why a line of a plain-text book's site is furniture, or None."""
    for pattern, why in FURNITURE:
        if pattern.search(text) and (why != "the page numbers of the site" or _counts_up(text)):
            return why
    words = re.findall(r"[^\W\d_]+", text)
    if 2 <= len(words) <= 6 and not re.sub(r"[^\W\d_]+|[\s\-–|•·/>»]", "", text) and all(w.casefold() in _NAV_WORDS for w in words):
        return "site navigation or a banner"  # "Home - Random Browse": navigation words and separators alone
    return None


def _counts_up(text: str) -> bool:
    """Whether the numbers of a row run 1, 2, 3, ... (the site's parts), not a sentence's figures."""
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    return all(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))


# HTML left in a site's text ("<p>", '<"p394">') and a page mark ("[Page 12]")
_INLINE = re.compile(r"<\"[^\"<>]{1,20}\">|</?p>|</?br\s*/?>|\[Page \d+\]")

# "[Footnote 51: As Chancellor ...]": a footnote set as a bracketed block, its label and number
_FOOTNOTE = re.compile(r"^\[(?P<label>Footnote|Note)\s+(?P<n>\d{1,3})\s*:\s*")


def footnote(text: str) -> tuple[str, int, str] | None:
    """A footnote set as a bracketed block ("[Footnote 51: As Chancellor ... appointed.]") as the note list the reader knows
    ("[51] As Chancellor ... appointed."): the new text, how far its first character moved, and the label dropped."""
    m = _FOOTNOTE.match(text)
    if m is None:
        return None
    rest = text[m.end():]
    if rest.endswith("]") and "[" not in rest:
        rest = rest[:-1].rstrip()
    marker = f"[{m.group('n')}] "
    return marker + rest, m.end() - len(marker), m.group().strip()


def unitalic(text: str) -> str:
    """A short line of a plain-text book without its italics' underscores when it is a heading set in italics
    ("_Queen Victoria to Lord Panmure._") or a dateline with its date in italics ("OSBORNE, _22nd March 1855_.");
    any other line as it is (a paragraph keeps its underscores)."""
    if len(text) > 120 or not ITALIC.search(text):
        return text
    plain = ITALIC.sub(r"\1", text)
    whole = ITALIC.fullmatch(text.rstrip(".")) is not None
    return plain if whole or is_dateline(plain) else text


def titled_to(text: str, following: str) -> bool:
    """A heading "Writer to Addressee." with its full stop, over a dateline ("Queen Victoria to Viscount Palmerston." /
    "14th February 1856.", "TELEGRAM TO GENERAL J. M. SCHOFIELD." / "War department, Washington, July 13, 1863."):
    the edition's heading of the letter, not a line of text."""
    t = text.strip()
    to = "TO" if t.isupper() else "to"  # "TELEGRAM TO GENERAL J. M. SCHOFIELD." in capitals
    m = re.fullmatch(rf"(?P<a>[A-Z][\w.’' -]{{1,80}}?)\s+{to}\s+(?P<b>(?:the\s+)?[A-Z][\w.’' -]{{1,80}})\.", t)
    return bool(m) and len(t.split()) <= 16 and all(w[:1].isupper() or w in {"the", "of", "and", "de", "von", "van"}
                                                    for w in t.rstrip(".").split() if w != to) \
        and is_dateline(following.strip().split("\n", 1)[0])


class LineMarks:
    """Takes the marks off each line of a page in turn: the HTML or page marks left in it, and a plain-text book's footnote
    label made a number ("[Footnote 51: ..." -> "[51] ..."), the bracket that closes the footnote dropped too when a later
    line of a hard-wrapped text holds it; the column of a line's first character moves with the label."""

    def __init__(self) -> None:
        self.open_note = False  # a footnote whose closing bracket is still to come

    def __call__(self, no: int, text: str, col: int, dropped: list[tuple[int, str, str]]) -> tuple[str, int]:
        if _INLINE.search(text):
            dropped += [(no, m.group(), "HTML or a page mark left in the text") for m in _INLINE.finditer(text)]
            text = " ".join(_INLINE.sub(" ", text).split())
        if note := footnote(text):
            self.open_note = not text.endswith("]")
            text, moved, label = note
            col += moved
            dropped.append((no, label, "the label of a plain-text book's footnote (the note keeps its number)"))
        elif self.open_note and text.endswith("]") and text.count("]") > text.count("["):
            text, self.open_note = text[:-1].rstrip(), False
        return text, col
