"""Small writers of the importer's drafts: ids, YAML scalars, and where a note's anchor goes when the copy lost it."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from edition.interchange.importer_notes import Anchor, RawBlock, RawNote
from edition.interchange.raw_addressee import english_addressee
from edition.interchange.raw_dates import day_month, is_dateline, read_date
from edition.interchange.raw_finish import Fields
from edition.interchange.raw_headings import COLLECTION_OF, LETTERS_OF, letter_heading
from edition.interchange.raw_markup import Edit, paragraph, person_edits, render
from edition.interchange.raw_meta import Heading, MetaFields, read_heading
from edition.interchange.raw_names import PersonMatcher
from edition.interchange.raw_page import Page, Region
from edition.interchange.raw_people import Registry
from edition.registers import archives as arch
from edition.registers.names import is_cyrillic, name_cases, spelling_key
from edition.sources.writer import yaml_string as quote

_ARCHIVE_START = re.compile(r"(?:РГАСПИ|RGASPI|РЦХИДНИ|RTs?KhIDNI|ЦПА|TsPA|ГАРФ|GARF|АП РФ|AP RF|ЦА ФСБ|Там же|Ibid)", re.I)
_STOP = {"to", "the", "of", "a", "an", "and", "on", "in", "by", "for", "with", "from", "s"}


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = [w for w in re.findall(r"[a-z0-9]+", ascii_text) if w not in _STOP]
    return "-".join(words[:4]) or "document"


def block_scalar(text: str, indent: int) -> str:
    if any(not (c in "\t\n" or c >= " ") or "\x7f" <= c <= "\x9f" or c in "\u2028\u2029\x85" for c in text):
        return " " + quote(text)
    pad = " " * indent
    return " |\n" + "\n".join(pad + line if line.strip() else "" for line in text.split("\n"))


def star_anchor(texts: list[str], stars: int) -> Anchor | None:
    """Where a note marked by asterisks ("*", "**") is anchored: the same asterisks after a word."""
    for i, text in enumerate(texts):
        if m := re.search(rf"(?<=[^\s*])(\*{{{stars}}})(?!\*)", text):
            return Anchor(stars, i, m.start(), m.end(), "bracket")
    return None


def heading_mark(region: Region) -> str:
    """The note marker a document's heading ends with ("СОВЕТА**", "Stalin 1", "(Henderson)98"), if any."""
    last = region.heading[-1].text.strip() if region.heading else ""
    m = re.search(r"(?<=[\w.)])(\*{1,3})$|(?<=[a-zа-яё)\]])\s?(\d{1,3})$|\[(\d{1,3})\]$", last)
    return (m.group(1) or m.group(2) or m.group(3)) if m else ""


def start_anchor(number: int, text: str) -> Anchor:
    """An anchor for a note on the heading: after the first line of the text, or its first word when that is long."""
    end = len(text.split("\n")[0])
    if end > 80:
        end = len(text.split()[0]) if text.split() else 0
    return Anchor(number, 0, end, end, "bracket")


@dataclass
class DocState:
    """One document of the page while it is read: its paragraphs, what was found and what was consumed."""

    blocks: list[RawBlock]
    heading: RawBlock | None = None
    title: str = ""
    title_made: bool = False
    kind: str = "letter"
    authors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    date: dict[str, str | bool] = field(default_factory=dict)
    translation: str = ""
    archives: list[str] = field(default_factory=list)
    forms: list[tuple[str, str]] = field(default_factory=list)  # a witness described without its archive: the line, the form
    consumed: list[tuple[int, str]] = field(default_factory=list)
    meta: list[RawBlock] = field(default_factory=list)
    leftovers: list[RawBlock] = field(default_factory=list)
    notes: list[RawNote] = field(default_factory=list)
    anchored: dict[int, str] = field(default_factory=dict)  # note number -> the word before its anchor
    region: Region = field(default_factory=Region)
    head: Heading = field(default_factory=Heading)
    meta_fields: MetaFields = field(default_factory=MetaFields)
    fields: Fields = field(default_factory=Fields)
    texts: list[str] = field(default_factory=list)  # the body's paragraphs, plain
    roles: list[str] = field(default_factory=list)
    unplaced: list[RawBlock] = field(default_factory=list)
    above: list[RawBlock] = field(default_factory=list)  # the page's title and unplaced lines above the first document
    dropped: list[tuple[int, str, str]] = field(default_factory=list)
    body: str = ""
    marked: Counter[str] = field(default_factory=Counter)  # editorial signs read in the text: "sup", "del"


def comments(doc: DocState) -> list[str]:
    lines = []
    if doc.consumed:
        lines.append("# Lines of the copy read into the fields below, as the copy has them:")
        lines += [f"#   {no}: {quote(' '.join(t.split()))[1:-1]}" for no, t in sorted(set(doc.consumed))]
    if doc.dropped:
        lines.append("# Lines of the copy dropped as site furniture:")
        lines += [f"#   {no}: {quote(' '.join(t.split()))[1:-1]}  ({why})" for no, t, why in doc.dropped]
    return lines


def fields_yaml(doc: DocState) -> list[str]:
    f, date, lines = doc.fields, doc.date, []
    if doc.authors:
        lines.append(f"authors: [{', '.join(doc.authors)}]")
    if doc.recipients:
        lines.append(f"recipients: [{', '.join(doc.recipients)}]")
    if date:
        lines.append("date: " + (str(date["when"]) if list(date) == ["when"] else
                                 "{" + ", ".join(f"{k}: {str(v).lower()}" for k, v in date.items()) + "}"))
    if f.place:
        lines.append("place: {" + ", ".join(f"{k}: {v}" for k, v in f.place.items()) + "}")
    if f.language:
        lines.append(f"language: {f.language}")
    if doc.translation or f.translated:
        by = f", by: {quote(doc.translation)}" if doc.translation else ""
        lines.append(f"translation: {{from: {f.language or 'ru'}{by}}}")
    if doc.archives or doc.forms:
        lines.append("archives:")
        lines += [f"  - cited: {quote(c)}" for c in doc.archives]
        for c, form in doc.forms:  # "Автограф (л. 144).": the leaves in brackets after the form
            leaves = f", folios: {quote(m.group(1))}" if (m := re.search(r"\((?:л|лл|l|ll|f|ff)\.\s*([\d\s,–-]+(?:об\.)?)\)", c)) else ""
            lines.append(f"  - {{cited: {quote(c)}, form: {form}{leaves}}}")
    return lines


def one_author(docs: list[DocState]) -> None:
    """One author signs the documents of the page: the others, cut or unsigned, are his too."""
    authors = Counter(a for doc in docs for a in doc.authors)
    if len(authors) == 1:
        for doc in docs:
            if not doc.authors and doc.kind in ("letter", "telegram", "note"):
                doc.authors = [next(iter(authors))]
                doc.fields.why["authors"] = "the other documents of the page"


# "Woodrow Wilson Papers: Telegram": a site's heading naming the kind of the one document of its page
_A_TELEGRAM = re.compile(r":\s*(?:Telegram|Cable|Телеграмма|Шифротелеграмма)\.?$", re.I)
_TELEGRAMS = re.compile(r"\b(?:Telegrams|Cables|Телеграммы|Шифротелеграммы)\b", re.I)


def kind_of_the_run(docs: list[DocState], page: Page) -> None:
    """Documents whose kind nothing of their own says take the kind of the page: a page called "War Telegrams" holds
    telegrams, the one document of a page headed "... Papers: Telegram" is one; in a run of documents two or more of
    which say they are telegrams (or notes), and none another kind, the others are too (not the end of a document whose
    beginning is on the page before, nor a letter that opens "My dear sir:" as no telegram does)."""
    said = [d.kind for d in docs if d.fields.kind_cued]
    titles = [b.text for b in page.title] + [m.value for r in page.regions[:1] for m in r.meta if m.label == "preamble"]
    heads = titles + [b.text for r in page.regions[:1] for b in r.heading] if len(docs) == 1 else []
    kind = "telegram" if (any(len(t) <= 80 and _TELEGRAMS.search(t) for t in titles)
                          or any(len(t) <= 80 and _A_TELEGRAM.search(t) for t in heads)) and set(said) <= {"telegram"} else ""
    if not kind and len(said) >= 2 and len(set(said)) == 1 and said[0] in ("telegram", "note"):
        kind = said[0]
    for doc in docs if kind else []:
        if not doc.fields.kind_cued and doc.kind in ("letter", "article") and not doc.region.partial \
                and not any(re.match(r"(?:My\s+)?[Dd]ear\s+\w+[,:!]", t) for t in doc.texts[:4]):
            doc.kind = doc.fields.kind = kind
            doc.fields.why["kind"] = "the other documents of the page" if said else "the page's title"


def collection(matcher: PersonMatcher, page: Page) -> list[str]:
    """Author and recipient named by the title of a page of numbered letters: "Stalin to Molotov"."""
    head = " ".join(page.title[0].text.split()) if page.title else ""
    if len(parts := re.split(r" to | [-–—] ", head)) == 2:
        found = [matcher.resolve(p) for p in parts]
        return [found[0][0], found[1][0]] if all(len(f) == 1 for f in found) else []
    return []


_VOLUME_OF = re.compile(r"^(?P<name>(?:[A-ZА-ЯЁ][\w.-]*\s+)?[A-ZА-ЯЁ][\w-]+)(?:\s+[-—–]\s+|\.\s+)(?:Том|Volume|Vol\.)\s+\d+\b")


def page_author(registry: Registry, page: Page) -> str:
    """The author a page names once for all its documents: "V. I. Lenin" above the title, a running head."""
    lines = [m.value for r in page.regions for m in r.meta if m.label in ("preamble", "source")] + page.author_hints
    lines += [d[1] for d in page.dropped if d[2].startswith("a running head")]
    titles = [b.text for b in page.title] + [b.text for r in page.regions[:1] for b in [*r.heading, *r.blocks[:2]]]
    for line in titles + lines:
        # "Letters of Anton Chekhov, by Anton Chekhov", "Письма А. П. Чехова": a collection of one writer's letters
        m = COLLECTION_OF.match(" ".join(line.split())) or LETTERS_OF.search(line) if len(line) < 400 else None
        if m and (pid := registry.person(m.group("name") or m.group("ru"))):
            return pid
        if (m := _VOLUME_OF.match(line.strip())) and (pid := registry.person(m.group("name"))):
            return pid  # "Антон Чехов - Том 26. Письма 1899": a volume of one writer's works
    for t in page.title:
        if (m := re.match(r"^Letters\s+(?P<name>[A-Z][\w-]+)\s+to\s", t.text.strip())) and (pid := registry.person(m.group("name"))):
            return pid  # "Letters Lenin to Trotsky": the writer of the page's letters
    collection = any(re.match(r"^(?:Letters|Correspondence)\s+(?:to|of|from)\s|^(?:Письма|Переписка)\s", t) for t in titles)
    for line in lines if collection else []:
        if re.fullmatch(r"[A-ZА-ЯЁ][a-zа-яё]+(?:\s+[A-ZА-ЯЁ][a-zа-яё]+){1,2}", line.strip()) and (pid := registry.person(line.strip())):
            return pid  # "Rosa Luxemburg" over "Letters to Sophie Liebknecht": the writer of the collection
    for line in lines:
        m = re.match(r"^(?:Автор книги:\s*|From\s+|Source:\s*)?((?:[A-ZА-ЯЁ]\.\s*){1,3}[A-ZА-ЯЁ][\w-]+|[A-ZА-ЯЁ][\w-]+)(?:['’]s)?\b", line.strip())
        if m and len(line) < 200 and not (is_cyrillic(m.group(1)) and "nomn" not in name_cases(m.group(1).split()[-1].title())) \
                and (pid := registry.person(m.group(1), propose=False)):
            return pid
    return ""


def note_paragraph(text: str, matcher: PersonMatcher, register: arch.ArchivesRegister, has_archives: bool) -> str:
    """A note's paragraph as markup: person tags, and its archival references in parentheses as {arch|...}
    ("(РГАСПИ. Ф. 17. Оп. 3. Д. 898. Л. 4)", "(Там же. Л. 38)": ibid., the citation before)."""
    edits: list[Edit] = []
    for m in re.finditer(r"\((?P<c>[^()]{5,160})\)", text):
        inner = m.group("c").strip().rstrip(".")
        parsed, problems = arch.parse_citation(inner, register) if _ARCHIVE_START.match(inner) else (None, ["-"])
        if parsed is not None and not problems and (not parsed.ibid or has_archives or edits):
            edits.append(Edit.around(m.start("c"), m.end("c"), "arch"))
    return paragraph("p", render(text, edits + person_edits(matcher.find(text), edits)))


def title_names(registry: Registry, ids: list[str], others: tuple[str, ...] = ()) -> str:
    """Persons for a title by surname; one surname for two persons ("N. A. and O. A. Herzen", "Chekhov to I. P.
    Chekhov") with their initials."""
    sur = [registry.reader_surname(i) for i in ids]
    if len(set(sur)) < len(sur) or set(sur) & {registry.reader_surname(i) for i in others}:
        inits = [registry.initials(i) for i in ids]
        if len(set(sur)) == 1 and all(inits):
            return (" and " if len(sur) == 2 else ", ").join(inits) + " " + sur[0]
        sur = [f"{n} {x}".strip() for n, x in zip(inits, sur, strict=True)]
    return sur[0] if len(sur) == 1 else ", ".join(sur[:-1]) + " and " + sur[-1]


def make_title(doc: DocState, matcher: PersonMatcher, registry: Registry, collected: list[str]) -> None:
    """The reader's title: "Author to Recipient", with the register's surnames."""
    def names(ids: list[str], others: tuple[str, ...] = ()) -> str:
        return title_names(registry, ids, others)

    parts = re.match(r"^(.+?) (to|on) (.+)$", doc.title)
    if not doc.authors and parts and not re.search(r"['’]s\b", parts.group(1)):
        doc.authors = matcher.resolve(parts.group(1))[:1]
        if doc.authors and parts.group(2) == "to" and not doc.recipients:
            doc.recipients = matcher.resolve(parts.group(3))[:1]
    if doc.authors and not doc.recipients and collected and collected[0] == doc.authors[0]:
        doc.recipients = collected[1:]
        doc.fields.why["recipients"] = "the page's title"
    if doc.title and not doc.region.heading:
        return
    doc.title_made = True
    to = names(doc.recipients, tuple(doc.authors)) if doc.recipients \
        else english_addressee(doc.fields.addressee, registry.place_name, registry.scheme)
    heading = " ".join(" ".join(b.text.split()) for b in doc.region.heading)
    if heading and doc.kind in ("article", "excerpt", "report", "speech", "statement", "resolution", "memoir"):
        doc.title = heading
    elif doc.authors and to:
        doc.title = f"{names(doc.authors)} to {to}"
    elif to:
        doc.title = f"{doc.kind.capitalize()} to {to}"
    elif doc.authors:
        doc.title = f"{names(doc.authors)}, {doc.kind}" + (" (the end)" if doc.region.partial else "")
    elif heading or doc.heading is not None:
        doc.title = heading or " ".join(doc.heading.text.split()) if doc.heading else heading
    else:
        doc.title = "Untitled"


def _edition_heading(text: str) -> bool:
    """An edition's heading of one letter, in capitals or not ("TO A. S. SUVORIN.", "1184. А. С. СУВОРИНУ")."""
    return letter_heading(text) or text.isupper() and letter_heading(text.title())


def _short_line(b: RawBlock) -> bool:
    """A line short enough for a heading; a longer one when it says what it heads ("15 августа 1910 г. — Письмо М. К.
    Ганди Л. Н. Толстому с благодарностью за ...")."""
    if len(b.lines) == 1 and _edition_heading(b.text):
        return True  # "TO A. S. SUVORIN."
    if len(b.lines) == 1 and len(b.text) <= 400 and re.search(r"^(?:[\d\s\w.]{0,25}[—–-]\s+)?(?:Письмо|Телеграмма|Letter|Telegram)\s", b.text):
        return True
    return len(b.lines) <= 2 and all(len(t) <= 100 for _, _, t in b.lines) and not re.search(r"[.,;:!?]$", b.text.strip())


def _writer_from_above(doc: DocState) -> None:
    """A heading that names the addressee alone ("1184. А. С. СУВОРИНУ") under a page title that names writer and the same
    addressee ("Чехов — Суворину А. С., 4 июня 1892 г."): the writer is the title's."""
    to = {spelling_key(n.split()[-1])[:5] for n in doc.head.recipients}
    for b in doc.above:
        h = read_heading([t for _, _, t in b.lines]) if len(b.lines) <= 2 and len(b.text) <= 160 else None
        if h and h.authors and to & {spelling_key(n.split()[-1])[:5] for n in h.recipients}:
            doc.head.authors = h.authors
            return


def page_heading(doc: DocState, body: list[RawBlock]) -> list[RawBlock]:
    """A page title, a line above the first document or a short block among the body's first that names writer and
    addressee ("Горький М. - Чехову А. П., конец апреля 1899 г.", "Marx To Engels / In Manchester", "Letter from Bakunin
    to Herzen and Ogareff" under a site's menu): the document's heading, and the reader's title is made from it. What the
    body has before that block is the page's, not the letter's: it is kept @unplaced. The line just after a dateline that
    opens the text ("Personal Message from Premier J. V. Stalin to the Prime Minister") gives the fields, and stays in the
    text. Returns the body without what was taken."""
    if doc.head.authors:
        return body
    if doc.head.recipients:
        _writer_from_above(doc)
        return body
    title = [b for b in doc.blocks if (b.line, b.text.strip()) in doc.consumed and b.text.strip() == doc.title]
    preamble = [m.block for m in doc.region.meta if m.label == "preamble"]
    opened = next((k for k, b in enumerate(body[:4]) if is_dateline(b.text.strip())), 4)
    first = [b for b in body[:opened + 1] if _short_line(b)]
    for b in [*doc.above, *preamble, *title, *doc.leftovers, *first, *(body[opened + 1:opened + 2] if opened < 4 else [])]:
        h = read_heading([t for _, _, t in b.lines]) if len(b.lines) <= 2 and (len(b.text) <= 160 or b in first) else None
        if h and (h.authors and (h.recipients or h.addressee) or b in first and h.recipients and _edition_heading(b.text)):
            doc.head, doc.title = h, ""
            if b not in first and b in body:
                return body  # after a dateline the text has begun: the line is the text's own, and gives the fields
            for kept in (doc.unplaced, doc.leftovers):
                if b in kept:
                    kept.remove(b)
                    doc.consumed.append((b.line, b.text))
            if b in body:
                doc.consumed.append((b.line, b.text))
                doc.leftovers += body[:body.index(b)]
                return body[body.index(b) + 1:]
            return body
    return body


def repeated(body: list[RawBlock]) -> tuple[RawBlock, int, str] | None:
    """The first sentence of 80 characters or more that the copy prints twice: its paragraph, offset and words."""
    seen: set[str] = set()
    for b in body:
        for m in re.finditer(r"[^.!?]{80,}[.!?]", b.text):
            sentence = " ".join(m.group().split())
            if sentence in seen:
                return b, m.start(), sentence
            seen.add(sentence)
    return None


def _date_from_running_heads(docs: list[DocState]) -> None:
    """A printed edition's running head that names a document's addressee and date ("Л. А. ФОТИЕВОЙ. 3 ИЮЛЯ 1920 г. 229",
    dropped as furniture) dates the document under that heading ("Л. А. ФОТИЕВОЙ") when nothing else does."""
    heads = [t for d in docs for _, t, why in d.dropped if why.startswith("a running head")]
    for doc in docs:
        name = " ".join(doc.region.heading[-1].text.split()).rstrip(". ") if doc.region.heading and not doc.date else ""
        for t in heads if name else []:
            if t.startswith(name + ".") and (d := read_date(t[len(name) + 1:].lower())) and "when" in d:
                doc.date, doc.fields.date = dict(d), dict(d)
                doc.fields.why["date"] = f"the running head '{t}'"
                break


def year_from_the_document_before(docs: list[DocState]) -> None:
    """A dateline without its year ("21 апреля.") in a run of documents takes the year of the one before it; the end of
    a letter among letters is a letter; a running head may date a document."""
    _date_from_running_heads(docs)
    year = ""
    for doc in docs:
        when = str(doc.date.get("when") or doc.date.get("not_before") or "")
        if when[:4].isdigit():
            year = when[:4]
            continue
        lines = [t for t, r in zip(doc.texts, doc.roles, strict=False) if r == "dateline"] + doc.texts[:2]
        if not doc.date and year and (iso := next((d for t in lines if len(t) <= 80 and (d := day_month(t, year))), None)):
            doc.date = {"when": iso}
            doc.fields.date = {"when": iso}
            doc.fields.why["date"] = f"the dateline, with the year of the document before ({year})"
    for doc in docs:  # the end of a letter whose beginning is on the page before, among letters: a letter
        if doc.region.partial and doc.kind == "article" and any(d.kind == "letter" for d in docs if d is not doc):
            doc.kind = doc.fields.kind = "letter"
