"""A document's TEI header: title, responsibility, sources, correspondence, profile."""

from __future__ import annotations

import re

from lxml import etree

from edition.interchange.tei.common import CORRESPONDENCE, LANGUAGES, add_text, date_element, sub, xml_id
from edition.model.corpus import Corpus, Document
from edition.passes.archives import citation_of
from edition.passes.typography import plain_name
from edition.registers import archives as arch
from edition.registers.bibstyle import EditionStyle
from edition.registers.load import Registers

# --- the header ---------------------------------------------------------------------------


def _person_ref(parent: etree._Element, tag: str, pid: str, corpus: Corpus) -> None:
    person = corpus.persons.get(pid)
    sub(parent, tag, person.name if person else pid, ref=f"persons.xml#{xml_id(pid)}")


def _place_ref(parent: etree._Element, pid: str, corpus: Corpus) -> None:
    place = corpus.places.get(pid)
    sub(parent, "placeName", place.name if place else pid, ref=f"places.xml#{xml_id(pid)}")


def archival_sources(doc: Document, register: arch.ArchivesRegister) -> list[tuple[str, arch.ArchivalCitation | None]]:
    """Each archival source as cited, with its structured citation ("ibid." resolved) when it can be read."""
    read = [citation_of(source, register)[0] for source in doc.archives]
    resolved, _ = arch.resolve_ibid([c for c in read if c is not None])
    it = iter(resolved)
    return [(source.cited_as, next(it) if c is not None else None) for source, c in zip(doc.archives, read, strict=True)]


def _ms_desc(parent: etree._Element, cited: str, c: arch.ArchivalCitation | None, register: arch.ArchivesRegister) -> None:
    ms = sub(parent, "msDesc")
    ident = sub(ms, "msIdentifier")
    if c is not None:
        repo = register.get(c.repository) if c.repository else None
        if repo is not None:
            sub(ident, "settlement", repo.city)
            sub(ident, "repository", repo.modern.abbr, key=repo.id)
        elif c.repository:
            sub(ident, "repository", c.repository, key=c.repository)
        for level in ("fond", "opis", "vypusk"):
            if getattr(c, level):
                sub(ident, "collection", getattr(c, level), type=level)
        if c.delo:
            sub(ident, "idno", c.delo, type="delo")
        if c.folios:
            sub(ident, "idno", ", ".join(str(f) for f in c.folios), type="folios")
    if cited:
        sub(sub(ident, "altIdentifier", type="as-cited"), "idno", cited)
    if len(ident) == 0:
        sub(ident, "idno")
    form = (c.form.value if c.form else c.form_as_written) if c is not None else ""
    if form:
        sub(sub(ms, "physDesc"), "p", form)


def header(root: etree._Element, file_desc: etree._Element, corpus: Corpus, doc: Document, registers: Registers,
           style: EditionStyle, number: int = 0) -> None:
    """The teiHeader of one document; ``number`` is its number in the reader (0: it prints in no part)."""
    config = corpus.config
    title_stmt = file_desc[0]
    for pid in doc.authors:
        _person_ref(title_stmt, "author", pid, corpus)
    if config.editors or config.editor:  # the editors by name, else the title page's line
        resp = sub(title_stmt, "respStmt")
        sub(resp, "resp", "editorial responsibility")
        for name in config.editors or [config.editor]:
            sub(resp, "name", plain_name(name))
    if doc.translation is not None:
        resp = sub(title_stmt, "respStmt")
        language = LANGUAGES.get(doc.translation.language, doc.translation.language)
        sub(resp, "resp", f"translated from {language}" if language else "translated", key="trl", n=doc.translation.language)
        sub(resp, "name", doc.translation.by)
    pub = sub(file_desc, "publicationStmt")
    sub(pub, "publisher", config.institution or config.course or config.title)
    sub(pub, "idno", doc.id, type="document")
    if number:
        sub(pub, "idno", str(number), type="number")
    if re.fullmatch(r"\d{4}", config.year):
        sub(pub, "date", config.year, when=config.year)
    if config.licence:
        sub(sub(sub(pub, "availability"), "licence"), "p", " ".join(config.licence.split()))
    series = sub(file_desc, "seriesStmt")
    sub(series, "title", ": ".join(t for t in (config.title, config.subtitle) if t))
    source_desc = sub(file_desc, "sourceDesc")
    if doc.source is not None:
        key = doc.source.key
        bibl = sub(source_desc, "bibl", type="printed-source", corresp=f"bibliography.xml#{xml_id(key)}")
        bibl.text = str(style.full_note(key)) if key in registers.bibliography else key
        if doc.source.locator:
            sub(bibl, "citedRange", doc.source.locator)
    for cited, citation in archival_sources(doc, registers.archives):
        _ms_desc(source_desc, cited, citation, registers.archives)
    if len(source_desc) == 0:
        sub(source_desc, "p", "Born digital: no printed or archival source is recorded.")
    _profile(root[0], corpus, doc)


def _correspondence(profile: etree._Element, corpus: Corpus, doc: Document) -> None:
    """``correspDesc``: who sent it, from where and when; who received it, where."""
    desc = sub(profile, "correspDesc")
    sent = sub(desc, "correspAction", type="sent")
    for pid in doc.authors:
        _person_ref(sent, "persName", pid, corpus)
    if doc.place_from:
        _place_ref(sent, doc.place_from, corpus)
    if doc.date is not None:
        date_element(sent, doc.date)
    if len(sent) == 0:
        sub(sent, "persName", "Unknown")
    received = sub(desc, "correspAction", type="received")
    for pid in doc.recipients:
        _person_ref(received, "persName", pid, corpus)
    if doc.place_to:
        _place_ref(received, doc.place_to, corpus)
    if len(received) == 0:
        sub(received, "persName", "Unknown")


def _profile(tei_header: etree._Element, corpus: Corpus, doc: Document) -> None:
    profile = sub(tei_header, "profileDesc")
    if doc.kind in CORRESPONDENCE or doc.recipients:
        _correspondence(profile, corpus, doc)
    elif doc.date is not None or doc.place_from:
        creation = sub(profile, "creation")
        if doc.date is not None:
            date_element(creation, doc.date)
        if doc.place_from:
            add_text(creation, " ")
            _place_ref(creation, doc.place_from, corpus)
    if doc.language:
        usage = sub(profile, "langUsage")
        sub(usage, "language", LANGUAGES.get(doc.language, doc.language), ident=doc.language)
    if doc.date is not None and doc.date.calendar == "julian":
        calendar = sub(sub(profile, "calendarDesc"), "calendar", xml_id="julian")
        sub(calendar, "p", "Julian calendar (Old Style), used in Russia until February 1918")
    text_class = sub(profile, "textClass")
    sub(sub(text_class, "keywords"), "term", doc.kind, type="kind")
    if len(profile) == 0:
        tei_header.remove(profile)


