"""What becomes of each field of a .bib entry: printed by which style, or kept only in the
exports (every field is written to the BibTeX export; CSL-JSON takes those CSL has), and why.

tests/test_bib_fields.py holds every field of every entry of the real .bib files to this
table, so that a field is never lost silently: a field printed must show in the output,
a field not printed must be named here with the reason.
"""

from __future__ import annotations

BOTH = ("chicago", "gost")
PRINTED: dict[str, tuple[str, ...]] = {
    **{f: BOTH for f in ("author", "editor", "translator", "title", "subtitle", "titleaddon", "booktitle",
                         "booksubtitle", "maintitle", "journaltitle", "journal", "location", "address", "publisher",
                         "institution", "school", "organization", "year", "date", "edition", "volume", "number",
                         "series", "pages", "url", "doi", "urldate", "note", "addendum", "type", "editortype",
                         "introduction", "foreword", "afterword", "annotator", "commentator", "origlanguage",
                         "shorttitle", "shorthand", "holder", "issue")},
    **{f: ("chicago",) for f in ("month", "day", "howpublished", "chapter", "eprint", "eprinttype", "origdate",
                                 "origyear", "editora", "editoratype", "editorb", "editorbtype", "bookauthor",
                                 "booktitleaddon", "mainsubtitle", "issuetitle", "eventtitle", "venue", "eventdate",
                                 "part", "volumes", "key", "origpublisher", "origlocation")},
    **{f: ("gost",) for f in ("pagetotal", "heading", "science", "major", "majorcode", "specialitycode",
                              "reqnumber", "publication", "publdate", "journalsubtitle")},
}
NOT_PRINTED: dict[str, str] = {
    "crossref": "resolved: the fields it brings are printed and exported in the entry",
    "xdata": "resolved: the fields it brings are printed and exported in the entry",
    "entryset": "resolved: a @set prints its members",
    "ids": "other keys of the entry: {cite:...} finds the entry by them",
    "langid": "chooses the labels (GOST) and title case (Chicago); CSL-JSON language",
    "language": "chooses the labels (GOST) and title case (Chicago); CSL-JSON language",
    "langidopts": "options for babel's hyphenation: nothing to print",
    "isbn": "neither Chicago nor GOST notes print it; exported (CSL ISBN)",
    "issn": "neither Chicago nor GOST notes print it; exported (CSL ISSN)",
    "sorttitle": "sorting only", "sortkey": "sorting only", "sortname": "sorting only", "presort": "sorting only",
    "sortyear": "sorting only", "indextitle": "biblatex's index of titles: edition has none",
    "indexsorttitle": "biblatex's index of titles: edition has none",
    "keywords": "groups of the works cited (works_cited_groups in edition.yaml)",
    "annotation": "the compiler's annotation of an annotated bibliography: exported (CSL annote)",
    "abstract": "exported (CSL abstract)", "file": "a local file of the compiler's",
    "options": "biblatex's per-entry options", "label": "biblatex's label for alphabetic styles",
    "related": "biblatex's related entries: each is cited on its own",
    "relatedtype": "biblatex's related entries", "relatedstring": "biblatex's related entries",
    "credits": "biblatex-gost's free-text credits, printed by neither style: exported",
    "media": "biblatex-gost's general material designation ([Текст]), dropped by GOST R 7.0.5-2008 notes",
    "specdata": "biblatex-gost's data of a standard: exported", "version": "exported (CSL version)",
    "books": "biblatex-gost's number of books: exported",
    "absent": "the fields known to be missing, which the check does not ask for (docs/source-format.md)",
}


_WHOLES = ("book", "collection", "proceedings", "reference", "mvbook", "mvcollection", "mvproceedings", "periodical")


def printed_by(field: str, entry_type: str) -> tuple[str, ...]:
    """The styles that print ``field`` of an entry of ``entry_type``."""
    if field == "booktitle" and entry_type in _WHOLES or field == "publisher" and entry_type == "article":
        return ()
    return PRINTED.get(field, ())


def accounted(field: str, entry_type: str = "") -> str:
    """Why a field is not printed, or "" when nothing says so."""
    if field == "booktitle" and entry_type in _WHOLES:
        return "the title of a whole book again (BibTeX files write it for the parts that crossref it)"
    if field == "publisher" and entry_type == "article":
        return "the publisher of a journal: neither Chicago nor GOST names it in an article's reference; exported"
    if field.startswith("_"):
        return "switched off by its leading underscore (as biblatex files do), exported as it is"
    return NOT_PRINTED.get(field, "")
