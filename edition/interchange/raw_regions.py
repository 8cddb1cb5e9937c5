"""The documents of a page as the importer's page reader finds them, and the rules it applies to them once the
whole page is read: a book's front matter, a heading cut off at the page's end, an editor's paragraph before a
letter's opening."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from edition.interchange.importer_notes import RawBlock
from edition.interchange.raw_dates import is_dateline
from edition.interchange.raw_headings import COLLECTION_OF, DOC_NUMBER, VOLUME_TITLE
from edition.interchange.raw_lines import _GREETING, _NOTE_ITEM, _NOTES_START, _NUMBER, _RULE, _SIGNATURE


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
    continued: bool = False  # under the heading of the document before, which it shares ("To A. S. Suvorin." over a run of letters)

    def body_blocks(self) -> list[RawBlock]:
        """The paragraphs of the text, before the notes."""
        out = []
        for b in self.blocks:
            if _NOTES_START.match(b.text) or _NOTE_ITEM.match(b.text) or _RULE.match(b.text):
                break
            out.append(b)
        return out

    def first_line(self) -> int:
        lines = [b.line for b in self.heading if not self.continued] + [m.block.line for m in self.meta] + [b.line for b in self.blocks]
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


def addressee_heading(text: str) -> bool:
    """A heading of a complete works' letter: its number and addressee ("1184. А. С. СУВОРИНУ"), or the addressee in capitals."""
    return bool(DOC_NUMBER.match(text.strip())) or re.sub(r"[^\w]|[\d_]", "", text).isupper()


def title_case_line(text: str) -> bool:
    """A short English line in title case without final punctuation: "Lenin on the Press"."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return (len(text) <= 80 and "\n" not in text and len(words) >= 2 and words[0][0].isupper() and words[-1][0].isupper()
            and not re.search(r"[.,;:!?]$|[.!?]\s", text) and not _GREETING.match(text) and not _SIGNATURE.match(text))

def commentary_before_opening(r: Region) -> None:
    """An editor's paragraph before a letter's opening ("These two letters are part of ...") is commentary, and so
    are the paragraphs of a post's introduction before the letter's dateline and salutation, under the post's title
    lines (a page with no heading: "'There is no danger down here'" / "War poet Wilfred Owen writes home ..." / two
    paragraphs / "Oct. 31. Thurs." / "Dearest Mother,")."""
    opening = next((k for k, b in enumerate(r.blocks[:10]) if _GREETING.match(b.text)), None)
    if not opening or any(_SIGNATURE.match(b.text) for b in r.blocks[:opening]):
        return  # a letter signed before that salutation: two letters, not an introduction
    if opening >= 5 and not all(len(b.lines) == 1 for b in r.blocks[:opening]):
        return  # far down, only over paragraphs of one line each (a web copy's): else it may be a letter's own text
    prose = [b for b in r.blocks[:opening] if len(b.text) >= 80 and re.search(r"[.!?]$", b.text)]
    if prose:  # and a title over that paragraph ("А. В. Луначарский: «Не забудьте меня...»"): the page's, not the letter's
        titles = [b for b in r.blocks[:r.blocks.index(prose[0])] if len(b.lines) == 1 and len(b.text) <= 100 and not _GREETING.match(b.text)]
        for b in titles:
            r.blocks.remove(b)
            r.meta.append(Meta("preamble", b.text, b))
    for b in prose:
        r.blocks.remove(b)
        r.commentary.append(b)

def front_matter(regions: list[Region]) -> None:
    """A book's title and blurb before the first heading ("Том 23. Письма 1892-1894", "Letters of Fyodor Dostoevsky to
    His Family"): the page's metadata, not a document."""
    first = regions[0] if regions else None
    if first is None or first.heading or not first.blocks:
        return
    letterlike = any(_GREETING.match(b.text) or _SIGNATURE.match(b.text) or is_dateline(b.text) for b in first.blocks[1:])
    if len(regions) > 1 and VOLUME_TITLE.match(first.blocks[0].text) and not letterlike \
            and not any(m.label in ("trailer", "source", "archive") for m in first.meta):
        regions.pop(0)
        regions[0].meta[:0] = [*first.meta, *(Meta("preamble", b.text, b) for b in first.blocks)]
    elif (COLLECTION_OF.match(" ".join(first.blocks[0].text.split()))
          or re.fullmatch(r"(?:Том|Volume|Vol\.)\s+\d+\.?", first.blocks[0].text.strip())) and len(first.blocks) > 1:
        b = first.blocks.pop(0)
        first.meta.append(Meta("preamble", b.text, b))
        if len(first.blocks) > 1 and re.match(r"^[Bb]y\s+[A-ZА-ЯЁ]", first.blocks[0].text) and len(first.blocks[0].text) <= 80:
            b = first.blocks.pop(0)  # "by Queen of Great Britain Victoria": the collection's byline
            first.meta.append(Meta("preamble", b.text, b))


# "Телеграмма императора Николая II председателю Совета министров ...": a title that opens with the document's kind
_KIND_TITLE = re.compile(r"^(?:Письмо|Телеграмма|Записка|Шифротелеграмма|Letter|Telegram|Note|Memorandum)\s+(?:\S+\s+){3,}")


def stub_at_end(regions: list[Region], dropped: list[tuple[int, str, str]]) -> None:
    """A heading at the page's end with at most a word after it is no document: a running head with its page number is furniture,
    a numbered or capitals heading ("* 2. В. Н. Ф") metadata, another the text's last words ("Я пишу повесть — маленькую лю")."""
    last = regions[-1] if len(regions) > 1 else None
    if last is None or not last.heading or last.meta or last.commentary or len(last.blocks) > 1 \
            or any(len(b.text) > 20 or not b.text[:1].islower() for b in last.blocks) or not regions[-2].body_blocks() \
            or not last.blocks and all(h.text.isupper() and not DOC_NUMBER.match(h.text) for h in last.heading):
        return
    regions.pop()
    prev = regions[-1]
    for h in last.heading:
        if re.search(r"\s\d{1,4}$", h.text) and last.blocks:
            dropped.append((h.line, h.text, "a running head of the printed edition"))
        elif DOC_NUMBER.match(h.text) or addressee_heading(h.text) or _KIND_TITLE.match(h.text):
            prev.meta.append(Meta("heading", h.text, h))  # "Телеграмма императора Николая II ...": the next one's heading
        else:
            prev.blocks.append(h)
    prev.blocks += last.blocks


def _no_sentence(b: RawBlock) -> bool:
    """A block of short lines none of which ends a sentence: a site's or a book's title lines, a menu, a page count."""
    return all(len(t) <= 200 and not re.search(r"[.!?…:;][\"”»’)\]]*\s*$", t) for _, _, t in b.lines) and not _GREETING.match(b.text)


def begun_before(first: Region) -> list[RawBlock]:
    """The first paragraph of a page when it is a sentence begun on the page before, in lower case and of four words or more,
    and the numbered notes of a document before ("1 Эта мысль Ж. Ж. Руссо помещена Толстым в «Круге чтения» 17 сентября.",
    "[Footnote 12: Afterwards Lord Raglan.]")."""
    return [b for k, b in enumerate(first.blocks) if not k and b.text[:1].islower() and len(b.text.split()) >= 4
            or re.match(r"\d{1,3}\s+[А-ЯЁA-Z]", b.text) and len(b.text.split()) >= 5 and re.search(r"[.!?]$", b.text)
            or re.match(r"\[\d{1,3}\]\s+\S", b.text)]  # "[12] Afterwards Lord Raglan.": a bracketed note of the letter before


def site_front(regions: list[Region]) -> list[RawBlock]:
    """Title lines before the first heading or number of a page ("J. V. Stalin" / "Correspondence with Winston S. Churchill",
    "Страница 3 из 18" / "Глава 2", "Горький М. - Чехову А.П. (26 или 28 августа 1899, Н. Новгород)"), none of them ending
    a sentence and the last no signature: the page's metadata, not the end of a letter. A sentence cut at both ends before
    them ("населения по вопросу о принадлежности к той или иной области") belongs to no document here: returned, unplaced."""
    if len(regions) < 2 or regions[0].heading or not regions[0].blocks:
        return []
    first, nxt = regions[0], regions[1]
    if not (nxt.heading or any(m.label in ("generic", "number") for m in nxt.meta)):
        return []
    rest = first.blocks + first.commentary
    if not all(_no_sentence(b) for b in rest) or _SIGNATURE.match(first.blocks[-1].text.split("\n")[-1].strip()) \
            or any(m.label in ("trailer", "archive") for m in first.meta):
        return []
    regions.pop(0)
    cut = begun_before(first)
    nxt.meta[:0] = [*first.meta, *(Meta("preamble", b.text, b) for b in sorted(rest, key=lambda b: b.line) if b not in cut)]
    return cut


_NAME = re.compile(r"^(?:[A-ZА-ЯЁ][\w'’-]+\.?\s+){1,3}[A-ZА-ЯЁ][\w'’-]+$")  # "Jane Doe" under an introduction: its author's
_ABOUT_LETTERS = re.compile(r"\b(?:[Пп]ереписк\w*|[Пп]убликац\w*|опубликова\w*|напечата\w*|publish\w*|publication|correspondence|"
                            r"[Vv]olume \d+|[Тт]ом\w* \d+)", re.I)


def publication_intro(regions: list[Region]) -> None:
    """A publication's introduction before its first numbered letter ("Предлагаем вниманию читателей продолжение переписки
    ..."): its title and short lines are the first letter's metadata, its prose that letter's headnote; no letter itself."""
    if len(regions) < 2 or not regions[0].blocks:
        return
    first, nxt = regions[0], regions[1]
    if not nxt.heading or first.partial:
        return
    prose = [b for b in first.blocks if not _no_sentence(b)]
    if not prose or not any(_ABOUT_LETTERS.search(b.text) for b in prose) or any(_GREETING.match(b.text) for b in first.blocks) \
            or _SIGNATURE.match(first.blocks[-1].text) or _NAME.match(first.blocks[-1].text) or is_dateline(first.blocks[0].text) \
            or any(m.label in ("trailer", "archive", "source") for m in first.meta):
        return
    short = [b for b in first.blocks if b not in prose]
    nxt.meta[:0] = [*(Meta("preamble", b.text, b) for b in short)]
    nxt.commentary[:0] = [*prose, *first.commentary]
    first.blocks, first.commentary = [], []
    if not first.heading:
        regions.pop(0)
        nxt.meta[:0] = first.meta


_INTRODUCES = re.compile(r"(?:\b(?:document|text|dokument|документ\w*|текст\w*)|დოკუმენტ|დეპეშ|წერილ)"
                         r"|\b(?:telegram|letter|note|message|wrote|writes|sent|in full|телеграмм\w*|письм\w*|записк\w*|писал\w*|послал\w*)\b",
                         re.I)
_OPENS_QUOTE = re.compile(r"^[“«„\"]")
_CLOSES_QUOTE = re.compile(r"[”»\"“]\s*$")


def _introduces(b: RawBlock, nxt: RawBlock) -> bool:
    """An editor's line that ends in a colon and speaks of the document quoted after it ("Approximately one week later,
    Lenin sent this follow up telegram:" / "“I am extremely indignant ...")."""
    return b.text.rstrip().endswith(":") and len(b.text) >= 20 and not _GREETING.match(b.text) and bool(_INTRODUCES.search(b.text)) \
        and bool(_OPENS_QUOTE.match(nxt.text))


def _quoted_length(blocks: list[RawBlock]) -> int:
    """How long the quotation at the head of these paragraphs is (to the paragraph that closes it): a document, or a phrase."""
    total = 0
    for b in blocks:
        total += len(b.text)
        if _CLOSES_QUOTE.search(b.text):
            break
    return total


def quoted_documents(regions: list[Region]) -> None:
    """Documents an article quotes, each after a line that introduces it: that line is the document's headnote, and a
    quotation closed before the next such line is a document of its own."""
    out: list[Region] = []
    for r in regions:
        body = r.body_blocks()
        cuts = [k for k in range(len(body) - 1) if _introduces(body[k], body[k + 1])]
        if not cuts or r.heading and cuts[0] > 0 and not _CLOSES_QUOTE.search(body[cuts[0] - 1].text):
            out.append(r)
            continue
        before = body[:cuts[0]]
        editorial = not r.heading and not any(_GREETING.match(b.text) or _SIGNATURE.match(b.text) for b in before) \
            and any(len(b.text) >= 80 for b in before) and not r.partial
        start = cuts[0] if all(_no_sentence(b) for b in before) or editorial else None
        # after the first, a cut needs the document before it to be a quotation closed just before the next introduction
        cited = bool(cuts[0]) and _archive_between(r, body[cuts[0] - 1], body[cuts[0]])
        cuts = [k for k in cuts if k == start or k and (start is not None and _CLOSES_QUOTE.search(body[k - 1].text)
                                                        or cited and re.search(r"[”»\"][.,]?\s*$", body[k - 1].text))]
        cuts = [k for n, k in enumerate(cuts) if _quoted_length(body[k + 1:cuts[n + 1] if n + 1 < len(cuts) else len(body)]) >= 80]
        if not cuts:
            out.append(r)
            continue
        rest = r.blocks[len(body):]
        if cuts[0] == start:  # the page's title lines, the introduction, the quotation: the first document
            r.commentary.append(body[start])
            r.meta.append(Meta("preamble", body[start].text, body[start]))  # "... sent this telegram:": the kind, the writer
            r.meta += _dated_introduction(body[start])
            titles = [b for b in body[:start] if _no_sentence(b)]
            r.commentary += [b for b in body[:start] if b not in titles]  # the editor's paragraphs before the introduction
            if not r.heading and len(titles) == 1:
                r.heading, titles = titles, []  # "Lenin’s hanging order for the kulaks (1918)": the article's title over it all
            r.meta += [Meta("preamble", b.text, b) for b in titles]
            titles = []
            r.commentary.sort(key=lambda b: b.line)
            r.blocks = titles + body[start + 1:cuts[1] if len(cuts) > 1 else len(body)]
            cuts = cuts[1:]
        else:
            r.blocks = body[:cuts[0]]
        out.append(r)
        for n, k in enumerate(cuts):
            out.append(Region(commentary=[body[k]], blocks=body[k + 1:cuts[n + 1] if n + 1 < len(cuts) else len(body)],
                              meta=[Meta("preamble", body[k].text, body[k]), *_dated_introduction(body[k])]))
        out[-1].blocks += rest
        for q in out[len(out) - len(cuts) - 1:]:
            _after_the_quotation(q)
    regions[:] = out


_DAY_MONTH_YEAR = re.compile(r"\b\d{1,2}\s+[а-яё]{3,}\s+\d{4}\b|\b\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4}\b|\b[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\b")


def _dated_introduction(b: RawBlock) -> list[Meta]:
    """The sentence that introduces a quoted letter, when it dates it to a day ("3 февраля 1933 года он ответил Горькому:",
    "On March 5, 1940, Beria wrote to Stalin:"): the letter's dating."""
    last = re.split(r"(?<=[.!?»\"”])\s+(?=[А-ЯЁA-Z\d])", b.text.strip())[-1]
    return [Meta("date", last, b)] if len(last) <= 160 and len(_DAY_MONTH_YEAR.findall(last)) == 1 else []


def _archive_between(r: Region, before: RawBlock, after: RawBlock) -> bool:
    """Whether an archival line stands between two paragraphs ("... А. П."." / "АПРФ. Ф. 45. ..." / "Письмо Горького ...
    он ответил Горькому:"): the quotation before it is a document the book cites, closed."""
    def at(b: RawBlock) -> tuple[int, int]:
        return b.lines[0][0], b.lines[0][1]
    return any(m.label == "archive" and at(before) < at(m.block) < at(after) for m in r.meta)


def _after_the_quotation(r: Region) -> None:
    """What follows a quoted document's closing quotation mark, unquoted, is the quoting page's again: commentary."""
    body = r.body_blocks()
    text = [b for b in body if b not in r.heading]
    if not text or not _OPENS_QUOTE.match(text[0].text):
        return
    # the last paragraph that closes a quotation without opening another in its middle ("თარგმანი: „...“": a translation)
    last = max((k for k, b in enumerate(body) if _CLOSES_QUOTE.search(b.text) and not re.search(r"[«„]|“(?=\w)", b.text[1:])),
               default=None)
    if last is None:
        return
    after = [b for b in body[last + 1:] if not _OPENS_QUOTE.match(b.text)]
    if len(after) == len(body) - last - 1:
        r.blocks = [b for b in r.blocks if b not in after]
        r.commentary += after


def title_lines_before_dateline(r: Region) -> None:
    """Three or more short lines over a letter's dateline and salutation ("Ogareff" / "1861-1863" / "The Anarchist Library" /
    "1861, from San Francisco" over "October 3, 1861" / "My dear friends,"): a book's title page, not the letter (whose
    address is a line or two)."""
    dated = next((k for k, b in enumerate(r.blocks[:7]) if len(b.lines) == 1 and is_dateline(b.text)
                  and any(_GREETING.match(x.text) for x in r.blocks[k + 1:k + 3])), None)
    if dated is None or dated < 3:
        return
    lines = r.blocks[:dated]
    if len(lines[-1].text.split()) <= 3 and not re.search(r"\d", lines[-1].text):
        lines = lines[:-1]  # "Kilmainham Prison" right over the date: the letter's address line, its text
    if all(len(b.lines) == 1 and len(b.text) <= 80 and _no_sentence(b) for b in lines):
        r.blocks = [b for b in r.blocks if b not in lines]
        r.meta += [Meta("preamble", b.text, b) for b in lines]


def footnote_at_page_break(r: Region) -> None:
    """A note printed at the foot of a page the text runs over ("... ничего" / "* Центральный исполнительный комитет ..." /
    "не имею. ..."), perhaps under the page's rule ("________"): the note goes after the text, which goes on."""
    k = 1
    while k + 1 < len(r.blocks):
        rule = int(bool(_RULE.match(r.blocks[k].text)) and k + 2 < len(r.blocks))
        before, note, after = r.blocks[k - 1], r.blocks[k + rule], r.blocks[k + rule + 1]
        if _NOTE_ITEM.match(note.text) and after.text[:1].islower() and not re.search(r"[.!?:;…»”\"]$", before.text) \
                and not (_NOTE_ITEM.match(before.text) or _NOTES_START.match(before.text) or _RULE.match(before.text)):
            moved = r.blocks[k:k + rule + 1]
            r.blocks = [b for b in r.blocks if b not in moved] + moved
        k += 1


def byline_under_heading(r: Region) -> None:
    """A byline broken over short lines under an editor's heading ("From James R. Gilmore" / "to governor Vance of north" /
    "Carolina," / "with the president’s indorsement."): the heading's, as one line, up to the line that ends it."""
    if not r.heading or not r.blocks or not re.match(r"^From\s+[A-Z]", r.blocks[0].text):
        return
    run: list[RawBlock] = []
    for b in r.blocks[:3]:
        if any(len(t) > 60 for _, _, t in b.lines) or is_dateline(b.text) or _GREETING.match(b.text):
            return
        run.append(b)
        if re.search(r"\.$", b.text):
            break
    else:
        return
    r.blocks = r.blocks[len(run):]
    r.heading.append(RawBlock([line for b in run for line in b.lines]))


def tidy(r: Region) -> None:
    """The rules over one document once the page is read: commentary, title lines and a page's footnote out of its text."""
    byline_under_heading(r)
    commentary_before_opening(r)
    title_lines_before_dateline(r)
    footnote_at_page_break(r)
