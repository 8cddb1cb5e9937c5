"""``edition import``: a raw copy (a web page saved as text) into draft sources (docs/import.md).

``import_raw`` reads the page (``raw_page``: furniture, headings, metadata, one region per document),
then each document's notes, anchors, roles and fields; it never drops a word silently: lines read into
fields and furniture dropped are kept verbatim as comments, what it cannot place is kept as an
``@unplaced`` paragraph (an error of ``edition check``). The summary says what it decided per draft.
"""

from __future__ import annotations

__all__ = ["ImportRefused", "ImportResult", "ImportedDocument", "import_raw", "write_imported"]

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from edition.interchange.importer_notes import (
    ATTRIBUTION,
    BYLINE,
    GENERIC_HEADING,
    RawBlock,
    attribute,
    core,
    find_anchors,
    find_note_list,
    inline_notes,
    marker,
    parse_notes,
    title_like,
)
from edition.interchange.raw_anchoring import anchored_texts
from edition.interchange.raw_dates import date_or_year as find_date
from edition.interchange.raw_draft import (
    DocState,
    block_scalar,
    collection,
    comments,
    fields_yaml,
    kind_of_the_run,
    make_title,
    note_paragraph,
    one_author,
    page_author,
    page_heading,
    repeated,
    slug,
    year_from_the_document_before,
)
from edition.interchange.raw_finish import decide
from edition.interchange.raw_front import front
from edition.interchange.raw_headings import COLLECTION_OF
from edition.interchange.raw_markup import paragraph, person_edits, render
from edition.interchange.raw_meta import Heading, read_heading, read_meta
from edition.interchange.raw_names import PersonMatcher
from edition.interchange.raw_page import read_page
from edition.interchange.raw_people import Registry
from edition.interchange.raw_report import DraftReport, PageReport, draft_report, page_report
from edition.interchange.raw_roles import (
    article_headings,
    closing_roles,
    kind_of,
    middle_headings,
    opening_roles,
    signature_above_the_tail,
    signed_name,
    unquoted,
)
from edition.model.corpus import Person
from edition.model.diagnostics import Diagnostic, Pos, sort_key, warning
from edition.registers import archives as arch
from edition.registers.names import DEFAULT_SCHEME
from edition.sources.markup import UNPLACED
from edition.sources.writer import write_text
from edition.sources.writer import yaml_string as quote

_MID_SENTENCE = re.compile(r"(?:[,;–-]|\b(?:the|of|and|a|an|to|in|for|with|from|by|at|or|that|which|who|Com\.|Comrade|Mr\.)|['’]s)$")
SERIES_ORDER = ("author", "translator", "editor", "textual")


@dataclass
class ImportedDocument:
    id: str
    filename: str
    text: str


@dataclass
class ImportResult:
    documents: list[ImportedDocument] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)  # every line of ``report``, each draft's prefixed with its file name
    report: PageReport = field(default_factory=PageReport)
    persons_yaml: str = ""  # register entries proposed for the persons the register did not know
    places_yaml: str = ""


class ImportRefused(Exception):
    """Writing would overwrite an existing file."""


# --- one document ---------------------------------------------------------------------


class _Importer:
    def __init__(self, source_name: str, persons: dict[str, Person], register: arch.ArchivesRegister,
                 places: dict[str, Any] | None = None, scheme: str = DEFAULT_SCHEME) -> None:
        self.name = source_name
        self.persons = persons
        self.register = register
        self.registry = Registry(persons, places or {}, scheme)
        self.matcher = PersonMatcher(persons, self.registry.person_index)
        self.page_author = ""
        self.diags: list[Diagnostic] = []
        self.ids: Counter[str] = Counter()
        self.reports: list[DraftReport] = []
        self.collection: list[str] = []  # author and recipient named by the title of a copy of letters: "Stalin to Molotov"

    def warn(self, block: RawBlock, offset: int, message: str, hint: str = "") -> None:
        line, col = block.where(offset)
        self.diags.append(warning(Pos(self.name, line, col), message, hint))

    def citation(self, text: str, block: RawBlock | None, report: bool = True) -> str | None:
        """``text`` as an archival citation if it is one (its problems reported), else None."""
        inner = re.sub(r"^\((.*)\)\.?$", r"\1", text.strip(), flags=re.S).strip()
        inner = re.split(r"\.\s+(?=[\"«“„])", inner)[0]  # a printed source after the archival line: "Proletarian Revolution". 1936
        if len(inner) > 250 or not re.search(r"(?i)\b(?:f|op|on|d|l|ll|ф|оп|д|л)\.\s*\d", inner):
            return None
        parsed, problems = arch.parse_citation(inner, self.register)
        if parsed is None or not parsed.fond:
            return None
        for p in problems if report else []:
            assert block is not None
            self.warn(block, 0, f"archival reference: {p}", "correct it in 'archives:' (see docs/source-format.md)")
        return " ".join(inner.split())

    def apply_region(self, doc: DocState) -> None:
        """The heading and metadata the page reader took off the text: fields, and lines kept as comments."""
        r = doc.region
        collection_title = bool(r.heading) and all(COLLECTION_OF.match(" ".join(b.text.split())) for b in r.heading)
        doc.head = read_heading([b.text for b in r.heading]) if not collection_title else Heading()  # the page's writer only
        doc.meta_fields = read_meta(r.meta)
        for b in r.heading:
            doc.consumed.append((b.line, b.text))
        for m in r.meta:
            doc.consumed.append((m.block.line, m.block.text))
        generic = next((m for m in r.meta if m.label == "generic"), None)
        if generic is not None:
            doc.heading = generic.block
            nxt = " ".join(doc.blocks[0].text.split()).rstrip(":") if doc.blocks and not r.heading else ""
            if title_like(nxt) and len(nxt.split()) >= 4 and re.search(r"\b[a-z]+\b", nxt):
                doc.title = nxt  # "No. 2." and then the document's title
                doc.consumed.append((doc.blocks[0].line, doc.blocks.pop(0).text))
        for text in doc.meta_fields.archives:
            if (cited := self.citation(text, None, report=False)) is not None and cited not in doc.archives:
                doc.archives.append(cited)
        doc.forms = [f for f in doc.meta_fields.forms if not doc.archives]
        if doc.meta_fields.translator:
            doc.translation = doc.meta_fields.translator

    def document(self, doc: DocState) -> None:
        """Read one document's text, notes and fields (``emit`` writes it once the page is read)."""
        self.apply_region(doc)
        blocks = doc.blocks
        if blocks and GENERIC_HEADING.match(blocks[0].text.strip()):
            doc.heading = blocks.pop(0)
            doc.consumed.append((doc.heading.line, doc.heading.text))
            nxt = " ".join(blocks[0].text.split()).rstrip(":") if blocks else ""
            if title_like(nxt) and len(nxt.split()) >= 4 and re.search(r"\b[a-z]+\b", nxt):
                doc.title = " ".join(nxt.split())
                doc.consumed.append((blocks[0].line, blocks.pop(0).text))
        start, heading_at, how = find_note_list(blocks)
        note_blocks = blocks[start:]
        if heading_at is not None:
            doc.consumed.append((blocks[heading_at].line, blocks[heading_at].text))
        body_end = heading_at if heading_at is not None else start
        notes, loose = parse_notes(note_blocks, heading_at is not None)
        doc.leftovers += loose
        text_blocks, inline = inline_notes(blocks[:body_end], max((n.number for n in notes), default=0) + 1)
        body = front(doc, text_blocks, self.matcher, self.citation)
        body = page_heading(doc, body)
        cited = {n.number: self.citation(n.text, n.first, report=False) if not n.more else None for n in notes}
        for note in notes:
            attribute(note, self.matcher.forms)
        if how == "run" and notes and notes[0].style not in ("u", "a", "b"):
            anchors, _ = find_anchors([b.text for b in body], [n.number for n in notes])
            if not (any(a.strength != "lone" for a in anchors.values()) or any(cited.values()) or any(n.attributed for n in notes)):
                body += note_blocks  # numbered paragraphs of the text: nothing marks them as notes
                notes = []
        notes += inline
        cited.update((n.number, None) for n in inline)
        for note in notes:
            if cited[note.number]:
                doc.archives.append(self.citation(note.text, note.first) or "")
                doc.consumed.append((note.first.line, f"note {note.number}: {note.text}"))
            else:
                note.first, *note.more = self.join_split([note.first, *note.more])
                doc.notes.append(note)
        doc.body = self.build_body(doc, self.join_split(body))
        self.finish(doc)

    def finish(self, doc: DocState) -> None:
        notes_text = " ".join(n.text for n in doc.notes) + " ".join(b.text for b in doc.region.commentary)
        f = decide(self.registry, doc.head, doc.meta_fields, doc.texts, doc.roles, doc.authors, doc.recipients,
                   {k: str(v) for k, v in doc.date.items()}, self.page_author, notes_text, doc.kind,
                   introduction=" ".join([*(m.value for m in doc.region.meta if m.label == "preamble"),
                                          *(b.text for b in doc.region.commentary)]))
        doc.fields = f
        doc.authors, doc.recipients = f.authors, f.recipients
        supplied = bool(doc.date.get("supplied")) and not doc.meta_fields.date and not doc.head.date or doc.meta_fields.supplied
        doc.date = dict(f.date)
        if f.kind in ("article", "excerpt") and doc.meta_fields.published and len(doc.meta_fields.published) > len(str(doc.date.get("when", ""))):
            doc.date = {"when": doc.meta_fields.published}
            f.why["date"] = "the article's publication"
        if supplied and doc.date:
            doc.date["supplied"] = True
        doc.kind = f.kind
        if f.translator:
            doc.translation = f.translator

    def join_split(self, blocks: list[RawBlock]) -> list[RawBlock]:
        """Join paragraphs that the copy breaks in the middle of a sentence."""
        out: list[RawBlock] = []
        for b in blocks:
            prev = out[-1] if out else None
            mid = prev is not None and (_MID_SENTENCE.search(prev.text) or re.search(r"(?i)\b(?:on|of|to|by|in|from|until) \d{1,2}$", prev.text)
                                        or re.search(r"\w$", prev.text) and b.text[:1].islower())
            if (prev is not None and mid and len(prev.text) >= 50 and not title_like(b.text) and not marker(b.text)
                    and not re.match(r"[-–•*]\s", b.text)
                    and not (len(b.lines) == 1 and len(b.text) <= 80 and b.text.endswith((",", "!", ":"))) and not re.match(r"\d+\)", b.text)
                    and not GENERIC_HEADING.match(b.text)):
                self.warn(b, 0, "joined to the paragraph before: the copy breaks the sentence here")
                out[-1] = RawBlock(prev.lines + b.lines)
            else:
                out.append(b)
        return out

    def split_closer(self, blocks: list[RawBlock]) -> list[RawBlock]:
        """A closing and a signature on one line ("Well, all the best, J. Stalin") become two blocks."""
        out: list[RawBlock] = []
        for b in blocks:
            m = re.match(r"^(.*?(?:best|regards|greetings|yours)[^,]*,)\s+(\S.{1,40})$", b.text) if len(b.lines) == 1 else None
            if m and self.signature(m.group(2)):
                no, col, text = b.lines[0]
                out += [RawBlock([(no, col, m.group(1))]), RawBlock([(no, col + m.start(2), m.group(2))])]
            else:
                out.append(b)
        return out

    def signature(self, text: str) -> bool:
        c = unquoted(core(text))
        if ATTRIBUTION.match(c) and "\n" not in c or re.search(r"(?i)\byours\b", c) and signed_name(c):
            return True  # "Most truly yours | C. Darwin": a closing formula and the name on one line
        if len(c) > 60 or "\n" in c or len(re.findall(r"\b[a-z]{2,}\b", c)) > 1:
            return False
        if (last := re.search(r"[.!?]\s+([A-ZА-ЯЁ][a-zа-яё]{3,})\.?$", c)) and not self.matcher.resolve(last.group(1)) \
                and not re.search(r"(?:^|\s)(?:[A-ZА-ЯЁ]\.\s?){1,3}$", c[:last.start(1)].strip()):  # "Твой А. Чехов." signs
            return False  # "Сталин и Каганович. Переписка.": a book's title after the names, no signature
        return bool(self.matcher.resolve(c) or re.match(r"^(?:[A-Z]\.\s?){1,3}[A-Z][a-z]+\.?$", c)) or bool(signed_name(text)) \
            or self.matcher.by_given_name(c) is not None

    def build_body(self, doc: DocState, body: list[RawBlock]) -> str:
        """Roles of the paragraphs, note anchors and person tags: the text of the source."""
        body = self.split_closer(body)
        if not body:
            where = RawBlock([(doc.blocks[-1].line if doc.blocks else 1, 1, "")])
            self.warn(where, 0, "no text left for the body of this document: an @unplaced paragraph stands in for it",
                      "check the split of the copy")
            return f"@{UNPLACED} " + write_text("[no text of this document was found in the copy: add it, or delete this draft]")
        cores = [unquoted(core(b.text)) for b in body]
        roles = ["p"] * len(body)
        opening = opening_roles(body, cores, roles)
        j, signed, closer = closing_roles(body, cores, roles, opening, self.signature)
        middle = middle_headings(body, cores, roles, opening, j)
        first_text = " ".join(b.text for b in body[:opening]) + " ".join(n.first.text[:100] for n in doc.notes[:1])
        doc.kind = kind_of(first_text, doc.heading.text if doc.heading is not None else "", cores, roles, opening, middle,
                           signed, closer) or doc.kind
        if doc.kind in ("article", "excerpt"):
            article_headings(roles, cores, opening, middle)
        self.people_of_roles(doc, cores, roles)
        if not doc.date:
            doc.date = self.date_of_lines(doc, cores, roles)
        if (rep := repeated(body)) is not None:
            self.warn(rep[0], rep[1], "the copy repeats a passage here", f"'{rep[2][:60]}...'; print it once and record it in a textual note")
        doc.texts, doc.roles = cores, roles
        return "\n\n".join(paragraph(r, t) for r, t in zip(roles, anchored_texts(doc, body, roles, self.matcher, self.warn), strict=True))

    def people_of_roles(self, doc: DocState, cores: list[str], roles: list[str]) -> None:
        """The authors a signature or byline names, the recipients a salutation names."""
        for k, role in enumerate(roles):
            if role == "signed":
                found = self.matcher.resolve(cores[k])
                if not found and (pid := self.matcher.by_given_name(cores[k])):
                    found = [pid]  # "Твой Иосиф.": the writer signs with his given name
                if not found and (name := signed_name(cores[k])) and (pid := self.registry.person(name, context=cores[k])):
                    found = [pid]  # a writer the register does not know: a proposed entry
                doc.authors += [a for a in found if a not in doc.authors]
            elif role == "salute":
                named = self.matcher.resolve(cores[k]) or [p for p in [self.matcher.by_given_name(cores[k])] if p]  # "Dear L. B.,"
                doc.recipients += [r for r in named if r not in doc.recipients and r not in doc.authors]
            elif BYLINE.match(cores[k]) and len(cores[k]) <= 80 and not doc.authors:
                doc.authors = self.matcher.resolve(cores[k])[:1]
        if "signed" not in roles and not doc.authors:
            doc.authors = signature_above_the_tail(cores, roles, self.signature, self.matcher.resolve)

    def date_of_lines(self, doc: DocState, cores: list[str], roles: list[str]) -> dict[str, Any]:
        """The date of a dateline, a metadata line or a signature line."""
        lines = [cores[k] for k, r in enumerate(roles) if r == "dateline"] + [b.text for b in doc.meta]
        lines += [cores[k] for k, r in enumerate(roles) if r == "signed"]
        for text in lines:
            if iso := find_date(text):
                return {"when": iso}
        return {}

    def emit(self, doc: DocState, body: str) -> ImportedDocument:
        date = doc.date
        when = str(date.get("when") or date.get("not_before") or date.get("not_after") or "")
        base = f"{when}-{slug(doc.title)}" if when else slug(doc.title)
        self.ids[base] += 1
        doc_id = base if self.ids[base] == 1 else f"{base}-{self.ids[base]}"
        lines = [f"# Imported from {self.name} by 'edition import': a draft, check every field.", *comments(doc)]
        lines += [f"id: {doc_id}", f"title: {quote(doc.title)}", f"kind: {doc.kind}", *fields_yaml(doc)]
        lines.append("status: draft")
        if doc.region.commentary:
            paras = [paragraph("p", render(b.text, person_edits(self.matcher.find(b.text), [])))
                     for b in self.join_split(doc.region.commentary)]
            lines.append("headnote:" + block_scalar("\n\n".join(paras), 2))
        if doc.notes:
            lines.append("notes:")
            for series in SERIES_ORDER:
                mine = [n for n in doc.notes if n.series == series]
                if mine:
                    lines.append(f"  {series}:")
                for n in mine:
                    paras = [note_paragraph(b.text, self.matcher, self.register, bool(doc.archives)) for b in n.blocks]
                    lines.append(f'    "{n.number}":' + block_scalar("\n\n".join(paras), 6))
        unplaced = [*doc.unplaced, *doc.leftovers]
        for b in unplaced:
            self.warn(b, 0, "not placed: kept as an @unplaced paragraph, which 'edition check' reports", "move it where it belongs, or delete it")
        marked = "".join(paragraph(UNPLACED, render(" ".join(b.text.split()), [])) + "\n\n" for b in unplaced)
        text = "---\n" + "\n".join(lines) + "\n---\n" + marked + body.rstrip("\n") + "\n"
        self.reports.append(draft_report(doc, doc_id, len(unplaced), self.registry))
        return ImportedDocument(doc_id, f"{doc_id}.md", text)



# --- the public surface -------------------------------------------------------------------


def import_raw(text: str, source_name: str, persons: dict[str, Person], register: arch.ArchivesRegister,
               places: dict[str, Any] | None = None, scheme: str = DEFAULT_SCHEME) -> ImportResult:
    """Split a raw copy into draft sources; warnings and what is left to decide come with them."""
    imp = _Importer(source_name, persons, register, places, scheme)
    expansions = {n.expansion.casefold() for repo in register for n in repo.names if n.expansion}
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    page = read_page(text, lambda t: imp.citation(t, None, report=False) is not None,
                     lambda t: len(t) <= 90 and (register.lookup(t.strip(" .")) is not None or t.strip(" .").casefold() in expansions))
    imp.page_author = page_author(imp.registry, page)
    for no, col, message in page.noticed:
        imp.diags.append(warning(Pos(source_name, no, col), message))
    imp.collection = collection(imp.matcher, page)
    result = ImportResult()
    docs = [DocState(list(r.blocks), region=r) for r in page.regions]
    for k, doc in enumerate(docs):
        first = doc.region.first_line()
        last = docs[k + 1].region.first_line() if k + 1 < len(docs) else 10**9
        doc.dropped = [d for d in page.dropped if (k == 0 or d[0] >= first) and d[0] < last]
        if k == 0:
            doc.unplaced = list(page.unplaced)
            doc.consumed += [(b.line, b.text) for b in page.title]
            doc.above = page.title + page.unplaced
        imp.document(doc)
    one_author(docs)
    kind_of_the_run(docs, page)
    year_from_the_document_before(docs)
    for doc in docs:
        doc.recipients = [r for r in doc.recipients if r not in doc.authors] or doc.recipients
        make_title(doc, imp.matcher, imp.registry, imp.collection)
        result.documents.append(imp.emit(doc, doc.body))
    result.diagnostics = sorted(imp.diags, key=sort_key)
    result.persons_yaml = imp.registry.register_yaml("persons", source_name)
    result.places_yaml = imp.registry.register_yaml("places", source_name)
    result.report = page_report(imp.reports, imp.matcher, imp.registry, page)
    result.summary = result.report.all_lines()
    return result


def write_imported(result: ImportResult, into: Path, force: bool) -> list[Path]:
    """Write the documents into ``into``; refuse (ImportRefused) to overwrite a file unless ``force``."""
    targets = [into / d.filename for d in result.documents]
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise ImportRefused(f"{existing[0]} exists" + (f" (and {len(existing) - 1} more)" if len(existing) > 1 else "")
                            + "; use --force to overwrite")
    into.mkdir(parents=True, exist_ok=True)
    for doc, path in zip(result.documents, targets, strict=True):
        path.write_text(doc.text, encoding="utf-8")
    return targets
