"""The works cited as CSL-JSON (the Citation Style Language's input), by the CSL 1.0.2 specification:
types and variables mapped from biblatex's, dates as full date parts, names split."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pybtex.richtext import BaseText, Protected, Text

from edition.model.languages import code_for
from edition.registers.bib.dates import WorkDate, parse_iso, work_date
from edition.registers.bib.model import Bibliography, Name, Work

CSL_TYPE = {"book": "book", "mvbook": "book", "collection": "book", "mvcollection": "book", "proceedings": "book",
            "mvproceedings": "book", "reference": "book", "mvreference": "book", "manual": "book",
            "booklet": "pamphlet", "periodical": "periodical", "incollection": "chapter", "inbook": "chapter",
            "bookinbook": "chapter", "suppbook": "chapter", "suppcollection": "chapter",
            "inproceedings": "paper-conference", "conference": "paper-conference",
            "inreference": "entry-encyclopedia", "article": "article-journal", "suppperiodical": "article-journal",
            "review": "review", "thesis": "thesis", "phdthesis": "thesis", "mastersthesis": "thesis",
            "online": "webpage", "www": "webpage", "electronic": "webpage", "patent": "patent", "report": "report",
            "techreport": "report", "unpublished": "manuscript", "letter": "personal_communication",
            "dataset": "dataset", "software": "software", "audio": "song", "video": "motion_picture",
            "movie": "motion_picture", "music": "song", "image": "graphic", "artwork": "graphic",
            "standard": "standard", "legislation": "legislation", "jurisdiction": "legal_case"}
_FIELD = {"shorttitle": "title-short", "series": "collection-title", "publisher": "publisher",
          "location": "publisher-place", "volume": "volume", "volumes": "number-of-volumes", "edition": "edition",
          "pages": "page", "url": "URL", "doi": "DOI", "isbn": "ISBN", "issn": "ISSN", "abstract": "abstract",
          "pagetotal": "number-of-pages", "chapter": "chapter-number", "eventtitle": "event-title", "venue": "event-place",
          "version": "version", "issue": "issue", "keywords": "keyword", "part": "part-number", "langid": "language",
          "language": "language",
          "shorthand": "citation-label", "annotation": "annote", "pmid": "PMID", "pmcid": "PMCID"}
_ROLE = {"author": "author", "editor": "editor", "translator": "translator", "bookauthor": "container-author",
         "holder": "", "introduction": "", "foreword": "", "afterword": "", "annotator": "", "commentator": ""}
# biblatex's langid words with a region CSL can say; every other word by the project's table.
_REGIONS = {"american": "en-US", "british": "en-GB", "usenglish": "en-US", "ukenglish": "en-GB"}
_THESIS = {"phdthesis": "PhD thesis", "mathesis": "Master’s thesis", "mastersthesis": "Master’s thesis",
           "thesis": "Thesis", "techreport": "Technical report", "report": "Report", "patent": "Patent",
           "candthesis": "Candidate’s dissertation", "docthesis": "Doctoral dissertation"}


def _text(text: BaseText) -> str:
    """Plain text; protected capitals marked so that CSL processors leave their case alone."""
    return "".join(f'<span class="nocase">{p}</span>' if isinstance(p, Protected) and str(p) != str(p).lower()
                   else str(p) for p in getattr(text, "parts", [text]))


def _title(work: Work, prefix: str) -> str:
    title, subtitle = work.fields.get(prefix + "title", Text()), work.fields.get(prefix + "subtitle")
    return _text(title) + (": " + _text(subtitle) if subtitle is not None else "")


def csl_name(name: Name) -> dict[str, str]:
    if name.corporate:
        return {"literal": name.family}
    parts = {"family": name.family, "given": name.given, "non-dropping-particle": name.particle, "suffix": name.suffix}
    return {k: v for k, v in parts.items() if v}


def csl_date(date: WorkDate) -> dict[str, Any] | None:
    """``{"date-parts": [[y, m, d]]}``, two parts for a range; an open range or text as ``raw``."""
    if date.start is None:
        return {"literal": date.literal} if date.literal else None
    parts = [date.start.parts(), *([date.end.parts()] if date.end else [])]
    out: dict[str, Any] = {"date-parts": parts}
    if date.open_end:
        out["raw"] = date.iso()
    if date.uncertain:
        out["circa"] = True
    return out


def _type(work: Work) -> str:
    subtype = work.text("entrysubtype").casefold()
    if work.type == "article" and subtype in ("newspaper", "magazine"):
        return f"article-{subtype}"
    return CSL_TYPE.get(work.type, "document")


def _names(work: Work, item: dict[str, Any]) -> None:
    for role, people in work.names.items():
        target = "compiler" if role == "editor" and work.text("editortype") == "compiler" else _ROLE.get(role, "")
        if target and people:
            item[target] = [csl_name(n) for n in people if not n.is_others]


def _dates(work: Work, item: dict[str, Any]) -> None:
    for target, date in (("issued", work.date), ("original-date", work_date(work.text("origdate"), work.text("origyear"))),
                         ("accessed", parse_iso(work.text("urldate"))), ("event-date", parse_iso(work.text("eventdate")))):
        found = csl_date(date)
        if found:
            item[target] = found


def _number(work: Work, item: dict[str, Any]) -> None:
    number = work.text("number")
    if not number:
        return
    if work.type in ("article", "periodical", "suppperiodical"):
        item.setdefault("issue", number)
    elif "series" in work.fields:
        item["collection-number"] = number
    else:
        item["number"] = number


def _publisher(work: Work, item: dict[str, Any]) -> None:
    """Publisher (or institution, organization), genre ("PhD thesis"), notes."""
    publisher = work.fields.get("publisher") or work.fields.get("institution") or work.fields.get("organization")
    if publisher is not None:
        item["publisher"] = str(publisher)
    if work.type in ("thesis", "phdthesis", "mastersthesis", "report", "techreport", "patent") or "type" in work.fields:
        kind = work.text("type") or work.type
        item["genre"] = _THESIS.get(kind.casefold(), kind)
    notes = [work.text(n) for n in ("note", "addendum", "howpublished") if work.text(n)]
    if notes:
        item["note"] = ". ".join(notes)


def csl_item(work: Work) -> dict[str, Any]:
    """One (resolved) work as a CSL-JSON item."""
    item: dict[str, Any] = {"id": work.key, "type": _type(work)}
    _names(work, item)
    title = _title(work, "")
    if "maintitle" in work.fields:  # a volume with a title of its own, in a multi-volume work
        item["volume-title"], title = title, _title(work, "main")
    if title:
        item["title"] = title
    for container in ("book", "journal"):
        if container + "title" in work.fields:
            item["container-title"] = _title(work, container)
    for name, value in work.fields.items():
        target = _FIELD.get(name, "")
        if target and target not in item:
            item[target] = _text(value) if target.endswith("title") else str(value)
    _publisher(work, item)
    _number(work, item)
    if work.text("eprint"):
        prefix = work.text("eprinttype") or "eprint"
        item["number" if "number" not in item else "archive_location"] = f"{prefix}:{work.text('eprint')}"
    if "language" in item:
        word = item["language"].casefold()
        item["language"] = _REGIONS.get(word) or code_for(word) or item["language"]
    if "page" in item:
        item["page"] = item["page"].replace("–", "-")
    _dates(work, item)
    return item


def export_csl_json(bib: Bibliography, keys: Iterable[str]) -> list[dict[str, Any]]:
    """The works, with what they inherit filled in, as CSL-JSON items (a ``@set`` as its members)."""
    wanted: list[str] = []
    for key in dict.fromkeys(keys):
        if key in bib and bib[key].type != "xdata":
            wanted += bib.members(key) if bib[key].type == "set" else [key]
    return [csl_item(bib.resolved(k)) for k in dict.fromkeys(wanted)]
