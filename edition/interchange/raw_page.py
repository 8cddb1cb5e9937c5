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

from edition.interchange.importer_notes import RawBlock
from edition.interchange.raw_dates import is_dateline
from edition.interchange.raw_headings import DOC_NUMBER, dating_under
from edition.interchange.raw_kinds import second_look
from edition.interchange.raw_leading import leading_regions
from edition.interchange.raw_lines import (
    _COMMENTARY,
    _GENERIC,
    _GREETING,
    _LABEL,
    _NOTE_ITEM,
    _NOTES_START,
    _NUMBER,
    _RULE,
    _SIGNATURE,
    _TRAILER,
    ADDRESSEE_CAPS,
    DATE_AND_PLACE,
    DAY_FIRST,
    GROUP_TITLE,
    _blocks,
    _lines,
    form_line,
    heading_like,
    runs_on,
)
from edition.interchange.raw_regions import (
    Meta,
    Page,
    Region,
    addressee_heading,
    publication_intro,
    quoted_documents,
    tidy,
)
from edition.interchange.raw_roles import signed_name
from edition.interchange.raw_sources import printed_source, source_over_two_lines

__all__ = ["Meta", "Page", "Region", "read_page"]


_CORRESPONDENCE = re.compile(r"^(?:[A-Z][\w-]+\s+){1,3}(?:Correspondence|Letters)(?:\s+\d{4}(?:\s*[-–]\s*\d{2,4})?)?$")
_NUMBERED_NOTE = re.compile(r"^(\d{1,3})\s+(?=[«\"“(А-ЯЁA-Z])")
_EDITORS_DATE = re.compile(r"\[[^\[\]]{4,40}\]\.?|<[^<>]{4,40}\d{4}[^<>]{0,40}>\.?")  # "[1 мая 1921]", "<25 января 1932 года. Сорренто.>"

def _classify(b: RawBlock, is_citation: Callable[[str], bool], is_archive_name: Callable[[str], bool] = lambda t: False) -> str:
    t = b.text
    for kind, pattern in (("generic", _GENERIC), ("notes", _NOTES_START), ("notes", _RULE), ("commentary", _COMMENTARY), ("label", _LABEL),
                          ("number", _NUMBER)):
        if pattern.match(t):
            return kind
    if _TRAILER.match(t) or form_line(t):
        return "trailer"
    if heading_like(t) and len(b.lines) == 1:
        return "heading"
    if _NOTE_ITEM.match(t):
        return "note"
    if len(t) < 300 and is_citation(t):
        return "archive"
    if printed_source(t):
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
        kind = second_look(kind, b, following, same_group, self.last_kind, self.r)
        self.group = group
        if kind == "body" and self.open is not None and self._continues(t, same_group):
            self.open.value += "\n" + t
            self.open.block = RawBlock(self.open.block.lines + b.lines)
            return
        self.open = None
        if kind == "body" and source_over_two_lines(t, following.text if following is not None else "", self.last_kind == "source"):
            kind = "source"
        getattr(self, f"_{kind.replace('-', '_')}")(b)
        self.last_kind = kind

    def _continues(self, t: str, same_group: bool) -> bool:
        assert self.open is not None
        if _GREETING.match(t) or len(t) > 160:
            return False
        if self.open.label == "trailer":
            return len(t) <= 90 and not _SIGNATURE.match(t) and not form_line(self.open.value)
        first = self.open.value.split("\n", 1)[0].strip()
        if first and not re.search(r"[,;:(–-]$", first) and not t[:1].islower():
            return False
        return same_group or not self.open.value.strip() or runs_on(self.open.value, t)

    def _heading(self, b: RawBlock) -> None:
        t = " ".join(b.text.split())
        if _CORRESPONDENCE.match(t) and not self.r.blocks and not self.r.heading:
            self.r.meta.append(Meta("preamble", t, b))  # "Marx-Engels Correspondence 1859": the collection, not the letter
            return
        if self.last_kind == "heading" and not self.r.blocks:
            if self.r.heading and DOC_NUMBER.match(self.r.heading[-1].text) and DOC_NUMBER.match(t):
                h = self.r.heading.pop()  # "245. В. Г. Черткову от 2 сентября." over "* 246. ...": a number with no text here
                self.r.meta.append(Meta("heading", h.text, h))
            self.r.heading.append(b)
            return
        if any(" ".join(h.text.split()).casefold() == t.casefold() for h in self.r.heading) and self.phase != "notes":
            self.phase = "head"  # the heading repeated (a page title, then the document)
            self.r.meta.append(Meta("heading", t, b))
            return
        if self.phase == "notes" and DOC_NUMBER.match(t) and any(" ".join(h.text.split()).casefold() == t.casefold() for h in self.r.heading):
            self.phase = "commentary"  # "Примечания" / "3120. О. Л. КНИППЕР": the edition's notes on this letter, under its heading again
            self.r.meta.append(Meta("heading", t, b))
            return
        if self._dated_number():
            for x in self.r.blocks:  # "No. 28" / "Received on January 5, 1942" / "W. CHURCHILL TO J. V. STALIN": one document
                self.r.meta.append(Meta("date", x.text, x))
            self.r.blocks, self.phase = [], "head"
        if self.r.body_blocks() or self.phase != "head" or self.r.heading:
            self.new()
        self.r.heading.append(b)

    def _dated_number(self) -> bool:
        """Whether the document so far is a number and a line or two of dates: the edition's record over a heading."""
        return not self.r.heading and any(m.label in ("generic", "number") for m in self.r.meta) and 0 < len(self.r.blocks) <= 2 \
            and self.r.blocks == self.r.body_blocks() and not self.r.commentary \
            and all(len(x.lines) == 1 and len(x.text) <= 60 and re.search(r"\b\d{4}\b", x.text) for x in self.r.blocks)

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
        nxt = self.following.text if self.following is not None else ""
        heads = bool(nxt) and (heading_like(nxt) and not _TRAILER.match(nxt)
                               or self.phase in ("tail", "commentary") and ADDRESSEE_CAPS.fullmatch(nxt) is not None)
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
        if run := self._text_after_trailers(b):
            self.r.commentary = [c for c in self.r.commentary if c not in run]
            self.new()  # a text, its signature, then the edition's trailers again: the next document, not commentary
            self.r.blocks, self.phase = run, "body"
        meta = Meta("trailer", b.text, b)
        self.r.meta.append(meta)
        self.open = meta
        if self.phase in ("body", "notes"):
            self.phase = "tail"

    def _text_after_trailers(self, b: RawBlock) -> list[RawBlock]:
        """The paragraphs taken as commentary after the edition's trailers when another set of trailers ("Написано ...",
        "Written on ...") follows them and the last is a short line (a date and a signature): another text."""
        if not re.match(r"Написано|Впервые напечатано|Печатается по|Written\s|First\s+published|Printed from", b.text) \
                or not self.r.body_blocks():
            return []
        trailers = [m.block.line for m in self.r.meta if m.label == "trailer"]
        run = [c for c in self.r.commentary if trailers and c.line > max(trailers)]
        if not run or len(run[-1].text) > 60 or sum(len(c.text) for c in run) <= 60 or any(_NOTE_ITEM.match(c.text) for c in run):
            return []
        return run

    def substantial(self) -> bool:
        body = self.r.body_blocks()
        return sum(len(b.text) for b in body) > 60 or any(_GREETING.match(b.text) for b in body)

    def _printed_from(self) -> bool:
        """Whether the edition has said what the text before is printed from ("Печатается по ...", "Printed from ..."): what
        follows is its commentary, however short the text."""
        body = self.r.body_blocks()
        return (any(re.search(r"\w\s+\w.*[.!?]$", b.text) for b in body) or not self.r.heading and bool(body)) \
            and any(m.label == "trailer" and re.match(r"Печатается по|Printed from", m.value) for m in self.r.meta)

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

    def _next_letter(self, b: RawBlock) -> bool:
        """Whether a short line after a signature opens another letter: a dateline before a salutation, or an address line
        before a dateline ("Kilmainham Gaol" / "May 11th 1916")."""
        nxt = self.following.text if self.following is not None else ""
        if len(b.lines) > 1 or len(b.text) > 40:
            return False
        if re.search(r"\d{4}", b.text) and _GREETING.match(nxt):
            return True
        return not re.search(r"[.,;:!?]$", b.text) and len(nxt) <= 40 and is_dateline(nxt) and bool(re.search(r"\d{4}", nxt))

    def _dateline_again(self, b: RawBlock) -> bool:
        """Whether a short line after the end of a paragraph opens as the letter's dateline did ("MOSCOW, October 16, 1891."
        ... "MOSCOW, Octo"): the next letter of a collection that prints no signatures."""
        body = self.r.body_blocks()
        if self.phase != "body" or len(body) < 2 or len(b.lines) > 1 or len(b.text) > 40 or not re.search(r"[.!?…]$", body[-1].text):
            return False
        if self._dated_extracts() and self._opens_extract(b) and not re.match(r"[PРП]\.\s?S\.", self.following.text if self.following else ""):
            return True  # "15 сентября. Царское Село" ... "17 сентября" over a paragraph: dated extracts, each opening as the first
        place = re.compile(r"^([A-ZА-ЯЁ][\w-]{2,}),\s")
        first, this = place.match(body[0].text), place.match(b.text)
        if self.following is not None and (not re.search(r"\d{4}", b.text) or re.match(r"[PРП]\.\s?S\.", self.following.text)):
            return False  # "MOSCOW, October 17." over "P.S. ...": a dated postscript, not the next letter
        return bool(first and this and first.group(1) == this.group(1) and is_dateline(body[0].text))

    def _opens_extract(self, b: RawBlock) -> bool:  # a dateline of one line that opens with the day, over a paragraph of prose
        nxt = self.following.text if self.following is not None else ""
        return len(b.lines) == 1 and bool(DAY_FIRST.match(b.text)) and is_dateline(b.text) and len(nxt) >= 60 and not _SIGNATURE.match(nxt)

    def _dated_extracts(self) -> bool:
        """Whether this document opened (under a title line at most) with a dateline of one line that opens with the day."""
        return len(body := self.r.body_blocks()) >= 2 and any(len(x.lines) == 1 and DAY_FIRST.match(x.text) and is_dateline(x.text) for x in body[:2])

    def _extracts_heading(self, b: RawBlock) -> bool:
        """A title line between dated extracts ("Дневник Николая II" over "1 октября. Царское Село"): the next group's heading."""
        body = self.r.body_blocks()
        return self.phase == "body" and self._dated_extracts() and re.search(r"[.!?…]$", body[-1].text) is not None \
            and len(b.lines) == 1 and len(b.text) <= 80 and not re.search(r"[.,;:!?]$", b.text) and not is_dateline(b.text) \
            and not _SIGNATURE.match(b.text) and not signed_name(b.text) and self.following is not None \
            and len(self.following.lines) == 1 and bool(DAY_FIRST.match(self.following.text)) and is_dateline(self.following.text)

    def _glued_in_text(self, n: int) -> bool:
        """Whether the text so far carries note number ``n`` glued to a word ("старички.1", "р.,3")."""
        return any(re.search(rf"(?:[^\W\d_]|[.,;:!?»)\]]){n}(?!\d)", x.text) for x in self.r.body_blocks())

    def _heading_in_body(self, b: RawBlock) -> bool:
        """A line taken for text that heads a document: a group of dated extracts' title, an addressee under a number."""
        nxt = self.following.text if self.following is not None and len(self.following.lines) == 1 else ""
        fresh = self.phase == "head" and not self.r.blocks and not self.r.heading
        if fresh and GROUP_TITLE.match(b.text) and len(b.lines) == 1 and len(b.text) <= 100 and not re.search(r"[.,;:!?]$", b.text) \
                and DAY_FIRST.match(nxt) and is_dateline(nxt):
            self.r.heading.append(b)  # "Письма императрицы Александры Федоровны Николаю II" over "15 сентября. Царское Село"
        elif fresh and self.last_kind == "number" and ADDRESSEE_CAPS.fullmatch(b.text) and (is_dateline(nxt) or _GREETING.match(nxt)):
            self.r.heading.append(b)  # "379" / "А. М. КОЛЛОНТАЙ" / "17. III. 1917.": the addressee under the number
        elif self._extracts_heading(b):
            self.new()
            self.r.heading.append(b)  # "Дневник Николая II" after the extracts of letters
        else:
            return False
        return True

    def _body(self, b: RawBlock) -> None:
        if self._heading_in_body(b):
            return
        if self.phase in ("tail", "commentary") and (m := _NUMBERED_NOTE.match(b.text)) and self._glued_in_text(int(m.group(1))):
            self._note(b)  # "1 «Старичками» ...": the notes after an edition's trailer and headnote
            return
        if self.phase == "head" and not self.r.body_blocks() and len(b.lines) == 1 and len(b.text) <= 100 \
                and re.match(r"^\d{4}-\d\d-\d\d\b(?!\s*[.,;:]?\s*[a-zа-яё])", b.text) and self.following is not None:
            self.r.meta.append(Meta("date", b.text, b))  # "1942-12-06 Correspondence V1, No. 93, to Churchill": a site's record
            return
        if self.phase == "head" and self.r.heading and not self.r.body_blocks() and len(b.lines) == 1 \
                and dating_under(b.text, self.r.heading[-1].text, addressee_heading(self.r.heading[-1].text)):
            self.r.meta.append(Meta("date", b.text, b))  # the edition's date and place under "1184. А. С. СУВОРИНУ"
            return
        if self.phase == "head" and self.r.heading and not self.r.body_blocks() and re.fullmatch(r"[A-ZА-ЯЁ][\w-]{2,},", b.text.strip()) \
                and self.following is not None and dating_under(self.following.text, self.r.heading[-1].text, True):
            self.r.meta.append(Meta("date", b.text, b))  # "Каменка," over "1883 г. октября 11 - 19. Каменка.": the place set apart
            return
        if self.phase == "commentary" or (self.phase == "tail" and (self.substantial() or self._printed_from())) and not (
                self.following is not None and re.match(r"^[Bb][Yy]\s+\S", self.following.text)):
            self.r.commentary.append(b)
            return
        if self.phase == "head" and not self.r.body_blocks() and (_EDITORS_DATE.fullmatch(b.text.strip())
                                                                or len(b.text) <= 40 and re.search(r"\[\d{4}\]", b.text)
                                                                and not re.match(r"To\s+[A-Z]", b.text)  # "To Asa Gray 26 November [1860]"
                                                                or self.r.heading and len(b.text) <= 60 and DATE_AND_PLACE.match(b.text)):
            self.r.meta.append(Meta("date", b.text, b))
            return
        if self.phase in ("tail", "commentary") and self.following is not None and re.match(r"^[Bb][Yy]\s+\S", self.following.text) \
                and len(b.text) <= 100 and not re.search(r"[.,;:!]$", b.text):
            self.new()  # a title and a byline after the end of a document: the next one
            self.r.heading.append(b)
            return
        prev = self.r.blocks[-1].text if self.r.blocks else ""
        if self._dateline_again(b):
            heading = self.r.heading
            self.new()  # the next letter of the run under the same heading ("To A. S. Suvorin.")
            self.r.heading, self.r.continued = list(heading), True
        elif self.phase == "body" and (_SIGNATURE.match(prev) or signed_name(prev)) and self._next_letter(b):
            self.new()  # a dateline and a salutation (or an address line and a dateline) after a signature: the next letter
        self.r.blocks.append(b)
        if self.phase != "notes":
            self.phase = "body"

def read_page(text: str, is_citation: Callable[[str], bool], is_archive_name: Callable[[str], bool] = lambda t: False) -> Page:
    """The documents of a raw copy, what was dropped as furniture, and what belongs to no document."""
    noticed: list[tuple[int, int, str]] = []
    lines, dropped = _lines(text, noticed)
    seg = _Segmenter(is_citation, is_archive_name)
    blocks = _blocks(lines)
    for k, (block, group) in enumerate(blocks):
        seg.feed(block, group, blocks[k + 1][0] if k + 1 < len(blocks) else None)
    regions = [r for r in seg.regions if r.heading or r.blocks or r.meta or r.commentary]
    unplaced = leading_regions(regions, dropped)
    publication_intro(regions)
    quoted_documents(regions)
    for r in regions:
        tidy(r)
    hints = [d[1] for d in dropped if re.search(r"Автор книги|running head", d[1] + d[2])]
    title: list[RawBlock] = []
    if len(regions) > 1 and regions[0].heading and not regions[0].blocks and not regions[0].commentary \
            and (any(m.label == "generic" for m in regions[1].meta) or regions[1].heading):
        first = regions.pop(0)
        title = first.heading  # the title of a page of numbered letters ("Stalin to Molotov"), a page's own heading
        regions[0].meta[:0] = first.meta
    return Page(regions, dropped, unplaced, hints, title, noticed)
