"""The importer's reading of raw text: paragraphs, note lists, note anchors.

A raw copy is handled here as ``RawBlock`` values (a paragraph of the copy
with the position of every character in the raw file). This module finds the
note list at the end of a document, the series of each note, and the numbers
in the text that anchor its notes. ``raw_page`` splits a copy into documents,
``raw_markup`` writes a block back as source markup, and ``importer``
assembles the documents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

SERIES_MARKS = (
    ("editor", re.compile(r"(?:[—–-]\s*(?:Ed\.|[Ee]ditors?\.?)|U\.\s?S\.\s?Ed\.|\bEd\.|\bРед\.)\s*[\])]?\s*$")),
    ("translator", re.compile(r"(?:[—–-]\s*|(?<=[a-z])|\b)Trans(?:\.|lator)\s*[\])]?\s*$")),
)
_AUTHOR_MARK = re.compile(r"[—–]\s*([A-Z][\w'’.-]+?)\.?\s*$")
_TEXTUAL = re.compile(r"\bnotation\b|crossed out|upper (?:left|right)[- ]hand corner|in the upper part|written on the|"
                      r"printed on a form|in the margin", re.IGNORECASE)
FURNITURE = re.compile(r"\S\s*\|\s*\S[^|]*\|\s*\S|^\s*<\s*backward|forward\s*>\s*$|^\s*Public Domain:|^\s*Join us\s*$|"
                       r"^\s*If you want more information about joining|Home Page\s*$")
GENERIC_HEADING = re.compile(r"^(?:Letter|Document|No\.)\s*(\d+)\.?$")
META = re.compile(r"^(Written|Published|Source|Translated|Transcription\s*[\\/]\s*Markup|Courtesy|Compiled by|Available at|"
                  r"Retrieved from|Translated from the \w+ by|First published)\b\s*:?", re.IGNORECASE)
ATTRIBUTION = re.compile(r"^[A-Z][\w.’' -]{1,40}\(\d{4}\)")
BYLINE = re.compile(r"^[Bb][Yy]\s+\S")
NOTES_HEADING = re.compile(r"^(?:Notes|NOTES|Footnotes|Endnotes|Notes and references|Примечания|ПРИМЕЧАНИЯ)\s*:?\s*$|^[_\-=]{5,}$")
_MARKER = re.compile(r"^(?:\[(?P<b>\d{1,3})\]|\((?P<p>\d{1,3})\)|(?P<d>\d{1,3})\s?\.(?:\s*↑)?"
                     r"|(?P<s>\d{1,3})(?=\s+[A-ZА-ЯЁ«\"“(]|\s+\d{1,2}\s+[а-яё]+\s+\d{4}))(?:\s+|$)")
_BRACKET = re.compile(r"\[(\d{1,3})\]")
_GLUED = re.compile(r"(?<=[^\W\d_]|[.,;:!?)\]\"'”’])(\d{1,3})(?![\d/:%]|st\b|nd\b|rd\b|th\b|\.\d)")
_PAREN_GLUED = re.compile(r"(?<=[^\W\d_]|[.,;:!?\"'”’])\((\d{1,3})\)")  # "Dear Comrade Lenin,(1)": no space before the bracket
_LONE = re.compile(r"(?<= )(\d{1,2})(?=[\s.,;:(]|$)")
_ABBREVIATIONS = {"no", "nos", "p", "pp", "l", "ll", "f", "op", "d", "vol", "vols", "t", "s", "ch", "art", "vyp", "on", "ibid"}
_NOT_BEFORE_NUMBER = _ABBREVIATIONS | {
    "point", "points", "part",
    "section", "chapter", "letter", "letters", "order", "paragraph", "article", "issue", "number", "note", "notes",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "page", "item",
    "vyp", "on", "fond", "delo", "list", "room", "group", "department", "volume", "book", "table", "figure",
}
_SPELLED = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


@dataclass
class RawBlock:
    """A paragraph of the raw copy: its lines, stripped, with their places in the file."""

    lines: list[tuple[int, int, str]]  # (line number, column of the first character, text)

    @property
    def text(self) -> str:
        return "\n".join(t for _, _, t in self.lines)

    @property
    def line(self) -> int:
        return self.lines[0][0]

    def where(self, offset: int) -> tuple[int, int]:
        """Line and column in the raw file of an offset into ``text``."""
        for no, col, text in self.lines:
            if offset <= len(text):
                return no, col + offset
            offset -= len(text) + 1
        no, col, text = self.lines[-1]
        return no, col + len(text)

    def after(self, offset: int) -> RawBlock:
        """The block from ``offset`` on (a note's text after its number)."""
        out: list[tuple[int, int, str]] = []
        for no, col, text in self.lines:
            if offset >= len(text) + 1:
                offset -= len(text) + 1
                continue
            cut = max(offset, 0)
            out.append((no, col + cut, text[cut:]))
            offset = 0
        return RawBlock(out or [(self.lines[-1][0], self.lines[-1][1], "")])


@dataclass
class RawNote:
    number: int
    style: str  # "b" [1], "p" (1), "d" 1.
    first: RawBlock  # the first paragraph, without its number
    more: list[RawBlock] = field(default_factory=list)
    series: str = "editor"
    attributed: bool = False

    @property
    def blocks(self) -> list[RawBlock]:
        return [self.first, *self.more]

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


@dataclass
class Anchor:
    number: int
    block: int  # index among the body blocks
    start: int  # where the anchor's characters start (a space before a lone number included)
    end: int
    strength: str  # "bracket", "glued" or "lone"


_UNNUMBERED = re.compile(r"^-\s*↑\s*|^-\s+(?=[^\n]*↩)|^↑\s*")
_STARS = re.compile(r"^(\*{1,3})\s+")


def marker(text: str) -> tuple[int, str, int] | None:
    """The note number a paragraph starts with, its style and where its text begins.

    Styles: "b" [1], "p" (1), "d" 1. (or "1. ↑"), "s" 1 followed by a capital, "a" * or ** (numbered by
    the stars), "u" an unnumbered item of a list ("- ↑ ...", "- ... ↩"), numbered 0 here and in order later.
    """
    if m := _UNNUMBERED.match(text):
        return 0, "u", m.end()
    if m := _STARS.match(text):
        return len(m.group(1)), "a", m.end()
    m = _MARKER.match(text)
    if not m or not m.lastgroup:
        return None
    return int(m.group(m.lastgroup)), m.lastgroup, m.end()


def _numbered(blocks: Sequence[RawBlock]) -> list[tuple[int, tuple[int, str, int]]]:
    """The numbered paragraphs of ``blocks``; unnumbered list items get the numbers of their order."""
    out: list[tuple[int, tuple[int, str, int]]] = []
    count = 0
    for i, b in enumerate(blocks):
        m = marker(b.text)
        if m is None and count and out and out[-1][0] == i - 1 and re.match(r"^[-•]\s+\S", b.text):
            m = (0, "u", 2)  # an item of the same list whose mark was cut off with the end of the copy
        if m:
            if m[1] == "u":
                count += 1
                m = (count, "u", m[2])
            out.append((i, m))
    return out


def core(text: str) -> str:
    """A short block without a trailing note number, for deciding what it is."""
    return re.sub(r"(?:\s*\[\d{1,3}\]|(?<=[^\W\d_]|[.,;:!?)”’\"'])\d{1,2}|(?<=[,;:)?!.]) \d{1,2})$", "", text.strip()).strip()


def title_like(text: str) -> bool:
    """One short line without a sentence's final punctuation: a title, a heading, an address line."""
    t = core(text)
    return (0 < len(t) <= 150 and "\n" not in text.strip() and not re.search(r"[.,;:!][\"'’”)\]]*$", t)
            and (t[0].isupper() or t[0] in "[(‘“\"'"))


# --- the note list ----------------------------------------------------------------


def find_note_list(blocks: Sequence[RawBlock]) -> tuple[int, int | None, str]:
    """Where the note list starts among ``blocks`` (len(blocks) if none), the heading's index, and how it was found.

    A heading ("Notes:") settles it. Without one, the list is a run of numbered
    paragraphs that reaches the end of the document, numbered in sequence and
    in the style of the last numbered paragraph; paragraphs between them are
    continuations. Of the possible runs, the one with the fewest out-of-sequence
    numbers wins, then the earliest.
    """
    for i, b in enumerate(blocks):
        if NOTES_HEADING.match(b.text.strip()):
            return i + 1, i, "heading"
    numbered = _numbered(blocks)
    if not numbered:
        return len(blocks), None, ""
    style = numbered[-1][1][1]
    best: tuple[int, int] | None = None
    for i, (num, st, _) in numbered:
        if st != style:
            continue
        expected, misses, last_item = num + 1, 0, i
        for j, (n2, st2, _) in numbered:
            if j <= i or st2 != style:
                continue
            if n2 == expected:
                expected, last_item = expected + 1, j
            else:
                misses += 1
        if last_item != numbered[-1][0] or (best is not None and misses >= best[1]):
            continue
        best = (i, misses)
    if best is None:
        return len(blocks), None, ""
    return best[0], None, "run"


def parse_notes(blocks: Sequence[RawBlock], headed: bool = False) -> tuple[list[RawNote], list[RawBlock]]:
    """The notes of a note list, and the paragraphs before its first number (kept as leftovers). Under a heading
    (``headed``: "Footnotes") a list none of whose paragraphs has a number is numbered in order, a note a paragraph."""
    notes: list[RawNote] = []
    loose: list[RawBlock] = []
    numbers = dict(_numbered(blocks))
    if headed and not numbers:
        numbers = {k: (k + 1, "u", 0) for k in range(len(blocks))}  # the site lost the numbers, the text kept its markers
    for k, b in enumerate(blocks):
        m = numbers.get(k)
        if m and (not notes or m[0] == notes[-1].number + 1 or m[1] == "a" and m[0] > notes[-1].number):
            notes.append(RawNote(m[0], m[1], b.after(m[2])))
        elif notes:
            notes[-1].more.append(b)
        else:
            loose.append(b)
    return notes, loose


def attribute(note: RawNote, person_forms: dict[str, set[str]]) -> None:
    """Choose the series of a note from the mark at its end, or from what it says."""
    text = note.text.rstrip()
    for series, pattern in SERIES_MARKS:
        if pattern.search(text):
            note.series, note.attributed = series, True
            return
    m = _AUTHOR_MARK.search(text)
    if m and person_forms.get(m.group(1)):
        note.series, note.attributed = "author", True
        return
    if _TEXTUAL.search(note.first.text[:200]):
        note.series, note.attributed = "textual", True


# --- anchors ----------------------------------------------------------------------


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([\w.]+)\W*$", text[:pos])
    return m.group(1).rstrip(".").lower() if m else ""


def _candidates(i: int, text: str, wanted: set[int]) -> list[Anchor]:
    found: list[Anchor] = []
    for m in _GLUED.finditer(text):
        n = int(m.group(1))
        word = _word_before(text, m.start())
        excluded = _ABBREVIATIONS if text[m.start() - 1] in ".,;:!?)]\"'”’" else _NOT_BEFORE_NUMBER
        if n in wanted and text[m.start() - 1] != "[" and word not in excluded:
            found.append(Anchor(n, i, m.start(), m.end(), "glued"))
    for m in _PAREN_GLUED.finditer(text):
        if int(m.group(1)) in wanted:
            found.append(Anchor(int(m.group(1)), i, m.start(), m.end(), "glued"))
    for m in _LONE.finditer(text):
        n = int(m.group(1))
        if n not in wanted or text[m.end():m.end() + 1] == ")":
            continue
        before = text[:m.start() - 1]
        last = re.search(r"(\S+)$", before)
        if not last:
            continue
        w = last.group(1)
        bare = w.strip("\"'“”‘’()[],;:.!?").lower()
        if bare in _NOT_BEFORE_NUMBER or bare.isdigit():
            continue
        if w[-1] in ",;:)?!\"”’." or (w[0].isupper() and w[1:].islower() and len(w) > 2):
            found.append(Anchor(n, i, m.start() - 1, m.end(), "lone"))
    return found


def _bracketed(blocks: Sequence[str], wanted: set[int]) -> dict[int, Anchor]:
    """Bracketed numbers ("[4]"): each names its note outright, the first one found wins."""
    anchors: dict[int, Anchor] = {}
    for i, text in enumerate(blocks):
        for m in _BRACKET.finditer(text):
            n = int(m.group(1))
            if n in wanted and n not in anchors:
                start = m.start() - 1 if m.start() > 0 and text[m.start() - 1].isspace() else m.start()
                anchors[n] = Anchor(n, i, start, m.end(), "bracket")
    return anchors


def _rising_chain(cands: list[Anchor]) -> list[Anchor]:
    """The longest chain of candidates whose numbers rise with the text, glued numbers counting double."""
    score: list[int] = []
    back: list[int] = []
    for k, c in enumerate(cands):
        weight = 2 if c.strength == "glued" else 1
        best, prev = weight, -1
        for j in range(k):
            if cands[j].number < c.number and (cands[j].block, cands[j].end) <= (c.block, c.start) and score[j] + weight > best:
                best, prev = score[j] + weight, j
        score.append(best)
        back.append(prev)
    chain: list[Anchor] = []
    k = max(range(len(cands)), key=lambda x: (score[x], -x)) if cands else -1
    while k >= 0:
        chain.append(cands[k])
        k = back[k]
    return chain


def _spelled_out(blocks: Sequence[str], missing: set[int]) -> list[tuple[int, int, int, str]]:
    """(note, block, offset, word) for each number spelt out ("one", "two") where an unanchored note may belong."""
    spelled: list[tuple[int, int, int, str]] = []
    for n in sorted(m for m in missing if m <= len(_SPELLED)):
        word = _SPELLED[n - 1]
        for i, text in enumerate(blocks):
            spelled += [(n, i, m.start(), word) for m in re.finditer(rf"(?<=[?.!,;:)] ){word}(?=\s*$|\s+[A-Z(])", text)]
    return spelled


def find_anchors(blocks: Sequence[str], numbers: Sequence[int]) -> tuple[dict[int, Anchor], list[tuple[int, int, int, str]]]:
    """The anchor of each note number that can be found, and spelt-out numbers that may be anchors.

    Bracketed numbers ("[4]") name their note outright. Other numbers (glued
    to a word, "Zinoviev,2", or standing alone after a name or punctuation,
    "Luch 3(") are taken in the longest chain that rises with the text, glued
    ones counting double. The second result lists (note, block, offset, word)
    for numbers spelt out where an unanchored note might belong.
    """
    wanted = set(numbers)
    anchors = _bracketed(blocks, wanted)
    rest = wanted - set(anchors)
    cands = sorted((c for i, t in enumerate(blocks) for c in _candidates(i, t, rest)), key=lambda c: (c.block, c.start))
    anchors.update((c.number, c) for c in _rising_chain(cands))
    return anchors, _spelled_out(blocks, wanted - set(anchors))


_INLINE_SIGN_OFF = re.compile(r"\s*[–—-]\s*(?:Ред|Ed)\.\s*\)")


def inline_notes(blocks: Sequence[RawBlock], first: int) -> tuple[list[RawBlock], list[RawNote]]:
    """Editors' notes printed in the text in round brackets and signed ("(отдельное издание ... – Ред.)"): each becomes
    a note numbered from ``first``, its place in the text a bracketed number after the word before it."""
    out: list[RawBlock] = []
    notes: list[RawNote] = []
    for b in blocks:
        lines = list(b.lines)
        for k, (no, col, text) in enumerate(lines):
            while m := _INLINE_SIGN_OFF.search(text):
                depth, i = 1, m.end() - 2
                while i >= 0 and depth:
                    i -= 1
                    depth += {")": 1, "(": -1}.get(text[i], 0) if i >= 0 else 0
                if i < 0 or m.end() - i > 600:
                    break
                number = first + len(notes)
                inner = text[i + 1:m.end() - 1].strip()
                notes.append(RawNote(number, "b", RawBlock([(no, col + i + 1, inner)]), series="editor", attributed=True))
                before, rest = text[:i].rstrip(), text[m.end():]
                if before.endswith((".", "!", "?")) and rest.startswith("."):
                    rest = rest[1:]  # "о Вас. (... – Ред.). Недоволен": one full stop
                text = f"{before}[{number}]{rest}"
            lines[k] = (no, col, text)
        out.append(RawBlock(lines))
    return out, notes
