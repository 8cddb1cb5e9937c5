"""The letters and telegrams of the edition in the Correspondence Metadata Interchange Format.

CMIF (TEI Correspondence SIG, read by the correspSearch service) is a TEI
file with one ``correspDesc`` per letter: who sent it, from where and when,
who received it and where. The edition is a printed one, so each letter is
identified by ``@key`` (the document id) and ``@source`` (the reader, in
``sourceDesc``). Dates are Gregorian (``@when``, ``@from``/``@to``,
``@notBefore``/``@notAfter``); a Julian date keeps its double form in the
element's text. Dates the editor supplied are ``@evidence="conjecture"``,
uncertain ones ``@cert="low"``. Persons and places carry no ``@ref``: the
registers hold no authority ids (GND, VIAF, GeoNames) yet.

The profile asks for a CC BY 4.0 (or CC0) licence and for the URL where the
file will be published; both are parameters.
"""

from __future__ import annotations

import os
import uuid
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

from edition.interchange.tei.common import date_attributes, sub, tei, write_xml
from edition.interchange.validate import validate_against
from edition.model.corpus import Corpus, Document
from edition.passes.order import document_numbers
from edition.passes.typography import names
from edition.registers.load import Registers
from edition.resources import SCHEMAS_DIR

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"
LICENCE_TEXT = {CC_BY: "This file is licensed under the terms of the Creative Commons License CC-BY 4.0",
                CC0: "This file is dedicated to the public domain under the Creative Commons CC0 1.0 Universal licence"}
KINDS = ("letter", "telegram")
SCHEMA = SCHEMAS_DIR / "cmif.rng"
_NAMESPACE = uuid.UUID("6f1c5a52-0d0e-4f3c-9a7e-edd1e5c0ffee")


def source_id(title: str) -> str:
    """A UUID that stays the same for the same edition and is also an XML name (it starts with a letter)."""
    for n in range(1000):
        candidate = str(uuid.uuid5(_NAMESPACE, f"{title}#{n}"))
        if candidate[0].isalpha():
            return candidate
    raise AssertionError("no UUID starting with a letter")  # pragma: no cover: one in 16^1000 chance


def timestamp() -> str:
    """Now (or ``SOURCE_DATE_EPOCH``, for reproducible builds) as an xsd:dateTime in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def letters(corpus: Corpus) -> list[Document]:
    """The letters and telegrams, in date order."""
    docs = [d for d in corpus.documents if d.kind in KINDS and d.id]
    return sorted(docs, key=lambda d: (d.date.sort_key if d.date else "9999", d.id))


def _action(desc: etree._Element, kind: str, people: list[str], place: str, doc: Document, corpus: Corpus) -> None:
    action = sub(desc, "correspAction", type=kind)
    for pid in people:
        person = corpus.persons.get(pid)
        sub(action, "persName", person.name if person else pid)
    if not people:
        sub(action, "persName", "Unknown")
    if place:
        known = corpus.places.get(place)
        sub(action, "placeName", known.name if known else place)
    if kind == "sent" and doc.date is not None:
        attrs = date_attributes(doc.date, custom=False)
        if "cert" in attrs:
            attrs["cert"] = "low"  # the profile knows only "low"
        if "when" not in attrs and "from" not in attrs:
            attrs.pop("evidence", None)  # limits are the editor's by nature (CMIF 1.1)
        date = sub(action, "date", doc.date.text() if doc.date.calendar == "julian" else None)
        for name, value in attrs.items():
            date.set(name, value)


def cmif_tree(corpus: Corpus, url: str = "", licence: str = CC_BY, when: str = "") -> etree._Element:
    config = corpus.config
    root = etree.Element(tei("TEI"), nsmap={None: "http://www.tei-c.org/ns/1.0"})
    file_desc = sub(sub(root, "teiHeader"), "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", f"{config.title}: letters and telegrams")
    editors = names(config.editors) or config.editor
    sub(title_stmt, "editor", editors or config.institution or f"The editors of {config.title}")
    pub = sub(file_desc, "publicationStmt")
    sub(pub, "publisher", config.institution or editors or config.title)
    sub(pub, "idno", url or "cmif.xml", type="url")
    sub(pub, "date", when=when or timestamp())
    sub(sub(pub, "availability"), "licence", LICENCE_TEXT.get(licence, "Licence"), target=licence)
    bibl_id = source_id(config.title)
    reader = ", ".join(p for p in (editors, ": ".join(t for t in (config.title, config.subtitle) if t), config.year) if p)
    sub(sub(file_desc, "sourceDesc"), "bibl", reader, type="print", xml_id=bibl_id)
    profile = sub(root[0], "profileDesc")
    numbers = document_numbers(corpus)
    for doc in letters(corpus):
        # @key: the letter's number in the printed edition (CMIF), its id where the reader prints it not
        desc = sub(profile, "correspDesc", key=str(numbers.get(doc.id, doc.id)), source=f"#{bibl_id}")
        _action(desc, "sent", doc.authors, doc.place_from, doc, corpus)
        _action(desc, "received", doc.recipients, doc.place_to, doc, corpus)
    sub(sub(sub(root, "text"), "body"), "p")
    return root


def export_cmif(corpus: Corpus, registers: Registers, out: Path, url: str = "", licence: str = CC_BY) -> Path:
    """Write the CMIF file describing every letter and telegram; ``registers`` are not needed yet."""
    del registers  # the authority ids will come from the registers once they hold them
    return write_xml(cmif_tree(corpus, url, licence), out)


def validate_cmif(path: Path) -> list[str]:
    """Problems of a CMIF file against ``schemas/cmif.rng``; empty when it is valid."""
    return validate_against(path, SCHEMA)
