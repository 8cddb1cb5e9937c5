"""A TEI letter read back into a source file: front matter and marked-up text.

Reads what ``export`` writes exactly (see its docstring for the mapping),
and letters of other editions as well as the model allows: several senders,
conjectured dates (``@evidence``, ``@cert``), ``msIdentifier``, notes placed
in the text with an ``anchor`` where their lemma starts, ``add``/``del``/
``gap``/``unclear``, ``rs``/``persName``/``placeName`` with references into a
``listPerson``/``listPlace``. Persons and places that the project's registers
lack get readable ids and register entries (``persons_yaml``,
``places_yaml``); what has no place in the model (a received date, a
manuscript that is not in a Russian archive, a bibliographic record without a
key) is reported in ``problems`` and kept as comments in the front matter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from lxml import etree

from edition.interchange.tei.common import XML_ID, from_xml_id
from edition.interchange.tei.entries import dump_yaml, register_yaml
from edition.interchange.tei.read_base import ImportResult, fragment, local, render_blocks, words
from edition.interchange.tei.read_blocks import Reader
from edition.model.corpus import Person, Place, SeriesConfig
from edition.model.dates import DateError, EditionDate, PartialDate
from edition.sources.schema import DOCUMENT_KINDS

# --- the header ---------------------------------------------------------------------------------


def read_date(el: etree._Element | None, problems: list[str]) -> dict[str, Any] | str | None:
    """A TEI date as the value of ``date:`` in the front matter."""
    if el is None:
        return None
    julian = el.get("datingMethod", "").lstrip("#").casefold() == "julian"

    def get(name: str) -> PartialDate | None:
        value = (el.get(f"{name}-custom") if julian else None) or el.get(name) or ""
        if not value:
            return None
        try:
            return PartialDate.parse(value.split("T")[0])
        except DateError as exc:
            problems.append(f"date: {exc}")
            return None

    start, end = get("when") or get("from"), get("to")
    cert = el.get("cert", "high")
    date = EditionDate(start=start, end=end if start else None, not_before=get("notBefore"), not_after=get("notAfter"),
                       calendar="julian" if julian else "gregorian", supplied=bool(el.get("evidence")),
                       cert=cert if cert in ("high", "medium", "low") else "low")
    when = f"{start.iso()}/{end.iso()}" if start and end else start.iso() if start else ""
    if not (when or date.not_before or date.not_after):
        return None
    if not (date.not_before or date.not_after or julian or date.cert != "high"):
        return f"[{when}]" if date.supplied else when
    return _date_value(date, when)


def _date_value(date: EditionDate, when: str) -> dict[str, Any]:
    """The long form of ``date:``, with only the keys that say something."""
    value: dict[str, Any] = {
        "when": when,
        "not_before": date.not_before.iso() if date.not_before else "",
        "not_after": date.not_after.iso() if date.not_after else "",
        "calendar": "julian" if date.calendar == "julian" else "",
        "supplied": True if date.supplied else "",
        "cert": date.cert if date.cert != "high" else "",
    }
    return {k: v for k, v in value.items() if v}


def _header(r: Reader, path: Path) -> tuple[dict[str, Any], list[str]]:
    """The front matter (without the texts) and the comments for what the model cannot hold."""
    meta: dict[str, Any] = {}
    comments: list[str] = []
    idno = r.first(".//t:publicationStmt/t:idno[@type='document']")
    raw_id = (words(idno) if idno is not None else "") or r.root.get(XML_ID) or path.stem
    meta["id"] = re.sub(r"[^A-Za-z0-9._-]+", "-", raw_id).strip("-") or "imported"
    titles = r.find(".//t:titleStmt/t:title")
    chosen = next((t for t in titles if t.get("level") == "a" or t.get("type") == "main"), None)
    chosen = chosen if chosen is not None else next((t for t in titles if not t.get("level") and not t.get("type")), None)
    meta["title"] = words(chosen if chosen is not None else (titles[0] if titles else None)) or meta["id"]
    kinds = [d.get("type", "") for d in r.find(".//t:text/t:body/t:div")] + [words(t) for t in r.find(".//t:textClass//t:term[@type='kind']")]
    meta["kind"] = next((k for k in kinds if k in DOCUMENT_KINDS), "letter")
    _correspondence(r, meta, comments)
    language = r.first(".//t:profileDesc/t:langUsage/t:language")
    if language is not None and language.get("ident"):
        meta["language"] = language.get("ident", "").split("-")[0]
    trl = r.first(".//t:titleStmt/t:respStmt/t:resp[@key='trl']")
    if trl is not None:
        by = words(r.first("t:name", trl.getparent()))
        meta["translation"] = {"from": trl.get("n") or meta.get("language", "")} | ({"by": by} if by else {})
    _sources(r, meta, comments)
    status = r.first(".//t:revisionDesc")
    if status is not None and status.get("status") in ("draft", "checked", "final"):
        meta["status"] = status.get("status")
    return meta, comments


def _people(r: Reader, action: etree._Element | None, fallback: str = "") -> list[str]:
    """The register ids of the persons of a ``correspAction`` (or of ``fallback``)."""
    found = r.find("t:persName", action) if action is not None else []
    if not found and fallback:
        found = r.find(fallback)
    ids = [r.entity("p", p.get("ref", "").split()[0], words(p)) for p in found if p.get("ref")]
    for p in found:
        if not p.get("ref") and words(p) != "Unknown":
            r.problems.append(f"'{words(p)}' has no reference to a person: left out of the metadata")
    return ids


def _correspondence(r: Reader, meta: dict[str, Any], comments: list[str]) -> None:
    """Authors, recipients, date and places from ``correspDesc`` (or ``creation``)."""
    sent = r.first(".//t:correspDesc/t:correspAction[@type='sent']")
    received = r.first(".//t:correspDesc/t:correspAction[@type='received']")
    creation = r.first(".//t:profileDesc/t:creation")
    if authors := _people(r, sent, ".//t:titleStmt/t:author"):
        meta["authors"] = authors
    if recipients := _people(r, received):
        meta["recipients"] = recipients
    date_el = r.first("t:date", sent) if sent is not None else None
    if date_el is None and creation is not None:
        date_el = r.first("t:date", creation)
    if (date := read_date(date_el, r.problems)) is not None:
        meta["date"] = date
    got = r.first("t:date", received) if received is not None else None
    if got is not None:
        comments.append(f"received: {words(got) or got.get('when', '')}")
    place: dict[str, str] = {}
    for key, action in (("from", sent if sent is not None else creation), ("to", received)):
        name_el = r.first("t:placeName", action) if action is not None else None
        if name_el is not None and name_el.get("ref"):
            place[key] = r.entity("pl", name_el.get("ref", "").split()[0], words(name_el))
    if place:
        meta["place"] = place


def _sources(r: Reader, meta: dict[str, Any], comments: list[str]) -> None:
    bibl = r.first(".//t:sourceDesc/t:bibl[@corresp]")
    if bibl is not None:
        locator = words(r.first("t:citedRange", bibl))
        meta["source"] = {"key": from_xml_id(fragment(bibl.get("corresp", "").split()[0]))} | ({"locator": locator} if locator else {})
    for other in r.find(".//t:sourceDesc//t:biblStruct") + r.find(".//t:sourceDesc/t:listBibl/t:bibl"):
        comments.append(f"printed in: {words(other)}")
        r.problems.append(f"printed source without a bibliography key, kept as a comment: {words(other)}")
    archives: list[dict[str, str]] = []
    for ms in r.find(".//t:sourceDesc//t:msDesc"):
        ident = r.first("t:msIdentifier", ms)
        if ident is None:
            continue
        cited = words(r.first("t:altIdentifier[@type='as-cited']/t:idno", ident))
        fields = {c.get("type", ""): words(c) for c in r.find("t:collection", ident) + r.find("t:idno", ident)}
        repository = r.first("t:repository", ident)
        if cited:
            archives.append({"cited": cited})
        elif fields.get("fond"):
            entry = {"repository": repository.get("key") or words(repository)} if repository is not None else {}
            entry |= {k: fields[k] for k in ("fond", "opis", "delo", "folios", "vypusk") if fields.get(k)}
            if form := words(r.first("t:physDesc/t:p", ms)):
                entry["form"] = form
            archives.append(entry)
        else:
            parts = [words(e) for e in ident if isinstance(e.tag, str) and local(e) != "altIdentifier" and words(e)]
            text = ", ".join(p for p in parts if p.casefold() != "unbekannt")
            if text:
                comments.append(f"manuscript: {text}")
                r.problems.append(f"manuscript outside the archives register, kept as a comment: {text}")
    if archives:
        meta["archives"] = archives


# --- the whole file ------------------------------------------------------------------------------


def read_tei(path: Path, persons: Mapping[str, Person] | None = None, places: Mapping[str, Place] | None = None,
             series: Sequence[SeriesConfig] = ()) -> ImportResult:
    """Read a TEI letter into a source file; ``persons``/``places`` are the project's registers."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    root = etree.parse(str(path), parser).getroot()
    r = Reader(root, persons or {}, places or {}, series)
    meta, comments = _header(r, path)
    front = r.first(".//t:text/t:front/t:div[@type='headnote']")
    body = r.first(".//t:text/t:body")
    translation = r.first(".//t:text/t:body/t:div[@type='translation']")
    original = r.first(".//t:text/t:body/t:div[@type='original']")
    if translation is not None and original is not None:  # a document and its original
        body = translation
        meta["original"] = {"language": original.get("{http://www.w3.org/XML/1998/namespace}lang", "")}
    blocks = r.blocks_of(body) if body is not None else []
    original_text = render_blocks(r.blocks_of(original)) if translation is not None and original is not None else ""
    if front is not None:
        meta["headnote"] = render_blocks(r.blocks_of(front)) + "\n"
    r.back_note_texts()
    notes = {s: {k: v + "\n" for k, v in by_key.items()} for s, by_key in r.notes.items() if by_key}
    if notes:
        meta["notes"] = notes
    head = dump_yaml(meta)
    if comments:
        head += "".join(f"# {' '.join(c.split())}\n" for c in comments)
    text = f"---\n{head}---\n{render_blocks(blocks) or '(no text)'}\n"
    if original_text:
        text += f"\n@original\n\n{original_text}\n"
    for kind, what in (("p", "person"), ("pl", "place")):
        for rid in r.missing[kind]:
            r.problems.append(f"unknown {what} '{rid}': add it to the register (entry written)")
    return ImportResult(text, meta["id"], register_yaml(r.new["p"], r.comments["p"], "Persons"),
                        register_yaml(r.new["pl"], r.comments["pl"], "Places"), r.problems,
                        list(r.missing["p"]), list(r.missing["pl"]))


def import_tei(path: Path) -> str:
    """The source-file text for a TEI letter (see ``read_tei`` for the registers and the report)."""
    return read_tei(path).text


__all__ = ["ImportResult", "import_tei", "read_tei"]
