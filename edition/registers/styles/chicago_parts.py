"""The pieces of a work in Chicago style, each rich text or None, for the forms of ``chicago``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pybtex.richtext import BaseText, HRef, Tag, Text

from edition.registers.bib.dates import parse_iso, work_date
from edition.registers.bib.model import Name, Work
from edition.registers.styles.config import StyleConfig
from edition.registers.styles.rich import (
    ENDS_SENTENCE,
    Item,
    Quoted,
    edition_number,
    english_date,
    headline_case,
    join,
    ordinal,
)

_ITALIC = {"book", "report", "periodical"}
_THESIS = {"phdthesis": "PhD diss.", "mathesis": "Master’s thesis", "mastersthesis": "Master’s thesis",
           "candthesis": "Candidate’s diss.", "docthesis": "Doctoral diss.", "bathesis": "BA thesis",
           "techreport": "Technical report", "resreport": "Research report", "patent": "Patent",
           "patentus": "US Patent", "patentde": "German Patent", "patenteu": "European Patent",
           "patentuk": "British Patent", "patentfr": "French Patent", "patentru": "Russian Patent",
           "patreq": "Patent request", "patreqde": "German patent request", "patreqeu": "European patent request",
           "patreqfr": "French patent request", "patrequk": "British patent request",
           "patrequs": "US patent request"}
# biblatex's keys for the countries of patents
COUNTRIES = {"countryde": "Germany", "countryeu": "European Union", "countryep": "European Union",
             "countryfr": "France", "countryuk": "United Kingdom", "countryus": "United States",
             "countryru": "Russia", "countryat": "Austria", "countrych": "Switzerland", "countryit": "Italy"}
_ROLES = {"annotator": "annotated by", "commentator": "with commentary by", "introduction": "with an introduction by",
          "foreword": "with a foreword by", "afterword": "with an afterword by"}
_EDITOR_TYPES = {"compiler": "compiled by", "redactor": "revised by", "reviser": "revised by",
                 "collaborator": "in collaboration with", "founder": "founded by", "continuator": "continued by",
                 "organizer": "organized by", "director": "directed by", "editor": "edited by"}
LANGUAGE_NAMES = {"german": "German", "ngerman": "German", "french": "French", "english": "English",
                  "russian": "Russian", "polish": "Polish", "italian": "Italian", "spanish": "Spanish",
                  "latin": "Latin", "greek": "Greek", "ukrainian": "Ukrainian", "czech": "Czech"}
_NUMBER = r"\b(?:\d+[^\W\d_]{0,2}|[ivxlcdm]+|[IVXLCDM]+)\b"  # 12, 12ob (verso), xiv, XIV
_PAGE_WORD = re.compile(r"^\s*pp?\.\s*(?=\d|[ivxlcdm]+\b)", re.IGNORECASE)


def after_colon(locator: str) -> str:
    """The pages of an article after its colon, without the "p."/"pp." the citation may give:
    "Soviet Studies 45, no. 1 (1986): 25", never "): p. 25" (Chicago 14.171)."""
    return _PAGE_WORD.sub("", locator)


RANGE = re.compile(rf"({_NUMBER})\s*(?:--|-|–)\s*({_NUMBER})")


def kind(work: Work) -> str:
    """How a work is written: book, part, article, thesis, report, online, patent or misc."""
    t = work.type
    if t in ("article", "suppperiodical", "review", "periodical"):
        return "article"
    if t in ("thesis", "phdthesis", "mastersthesis"):
        return "thesis"
    if t in ("report", "techreport"):
        return "report"
    if t in ("online", "www", "electronic", "patent"):
        return "online" if t != "patent" else "patent"
    if t.startswith("in") or t in ("bookinbook", "suppbook", "suppcollection"):
        return "part" if "booktitle" in work.fields else "book"
    if t.removeprefix("mv") in ("book", "collection", "proceedings", "reference") or t in (
            "manual", "periodical", "booklet"):
        return "book"
    return "misc"


class Parts:
    """The pieces of one (resolved) work for one form: "note", "short" or "bib"."""

    def __init__(self, work: Work, config: StyleConfig, form: str) -> None:
        self.work, self.cfg, self.form = work, config, form

    # -- names ---------------------------------------------------------------------

    def lead(self) -> tuple[list[Name], str]:
        """Who heads the entry, and the role label after them ("eds.", "comp.") if not authors."""
        w, cfg = self.work, self.cfg
        if w.names.get("author"):
            return w.names["author"], ""
        editors = w.names.get("editor", [])
        if not editors or kind(w) == "part":
            return [], ""
        compiler = w.text("editortype") == "compiler"
        many = len(editors) > 1
        return editors, (cfg.compilers if many else cfg.compiler) if compiler else (cfg.editors if many else cfg.editor)

    def head(self) -> Text | None:
        lead, role = self.lead()
        names = self.names(lead, self.form)
        return Text(names, ", ", role) if names and role else names

    def names(self, people: Sequence[Name], form: str) -> Text:
        """Names as a note ("V. I. Lenin"), the list ("Lenin, V. I.") or a short note ("Lenin") wants them."""
        cfg = self.cfg
        others = any(p.is_others for p in people)
        people = [p for p in people if not p.is_others]
        if not people:
            return Text()
        least, use = (cfg.et_al_min_bib, cfg.et_al_use_bib) if form == "bib" else (cfg.et_al_min_note, cfg.et_al_use_note)
        if len(people) >= least:
            people, others = people[:use], True
        written = [self._name(person, form, n) for n, person in enumerate(people)]
        if others:
            comma = "," if form == "bib" and len(written) > 1 else ""
            return Text(", ".join(written), comma, " ", cfg.et_al)
        if len(written) == 2 and form == "bib" and cfg.bib_name_order == "first-inverted":
            return Text(written[0], f", {cfg.and_word} ", written[1])  # "Ward, Geoffrey C., and Ken Burns"
        if len(written) <= 2:
            return Text(f" {cfg.and_word} ".join(written))
        serial = "," if cfg.serial_comma else ""
        return Text(", ".join(written[:-1]), f"{serial} {cfg.and_word} ", written[-1])

    def _name(self, person: Name, form: str, n: int) -> str:
        cfg = self.cfg
        family = f"{person.particle} {person.family}" if cfg.use_prefix and person.particle else person.family
        if form == "short" or person.corporate:
            return family
        if form == "bib" and (n == 0 or cfg.bib_name_order == "all-inverted"):
            given = person.given if cfg.use_prefix else " ".join(p for p in (person.given, person.particle) if p)
            return ", ".join(p for p in (family, given, person.suffix) if p)
        if cfg.note_name_order == "family-given":
            return " ".join(p for p in (family, person.given, person.suffix) if p)
        return person.display()

    def contributors(self) -> list[Text]:
        """Editors (unless they head the entry), translators and the other roles: "ed. X", "edited by X"."""
        w, cfg, note = self.work, self.cfg, self.form == "note"
        out: list[Text] = []
        lead = self.lead()[0]
        editors = w.names.get("editor", [])
        if editors and editors is not lead:
            compiler = w.text("editortype") == "compiler"
            label = (cfg.compiler if compiler else cfg.editor) if note else \
                _EDITOR_TYPES.get(w.text("editortype"), cfg.edited_by)
            out.append(Text(label, " ", self.names(editors, "note")))
        for role in ("editora", "editorb", "editorc"):
            if w.names.get(role):
                label = _EDITOR_TYPES.get(w.text(role + "type"), cfg.edited_by)
                out.append(Text(label, " ", self.names(w.names[role], "note")))
        translators = w.names.get("translator", [])
        if translators:
            label = cfg.translator if note else cfg.translated_by
            source = LANGUAGE_NAMES.get(w.text("origlanguage").casefold())
            if source and not note and label == cfg.translated_by:
                label = f"translated from the {source} by"
            out.append(Text(label, " ", self.names(translators, "note")))
        for role, label in _ROLES.items():
            if w.names.get(role):
                out.append(Text(label, " ", self.names(w.names[role], "note")))
        return out

    # -- titles ------------------------------------------------------------------------

    def language(self) -> str:
        return (self.work.text("langid") or self.work.text("language") or self.cfg.default_language).casefold()

    def title_cased(self) -> bool:
        return self.cfg.title_case and self.language() in self.cfg.title_case_languages

    def italic(self) -> bool:
        return kind(self.work) in _ITALIC or self.work.type in ("bookinbook", "periodical")

    def title(self, field: str = "title", italic: bool | None = None) -> Item | None:
        """Title and subtitle: italic for books, quoted for parts, articles and the rest."""
        w, prefix = self.work, field[: -len("title")]
        if field == "title" and "title" not in w.fields and "maintitle" in w.fields:
            field, prefix = "maintitle", "main"  # a volume of a multi-volume work, without a title of its own
        title = w.fields.get(field)
        if title is None:
            if field == "title" and "maintitle" not in w.fields and not self.lead()[0] and kind(w) == "book":
                return Tag("em", w.key)
            return None
        subtitle = w.fields.get(prefix + "subtitle")
        if subtitle is not None:
            title = Text(title, " " if str(title).endswith(ENDS_SENTENCE) else ": ", subtitle)
        title = headline_case(title) if self.title_cased() else title
        if italic if italic is not None else self.italic():
            return Tag("em", title)
        return Quoted(title, self.cfg.open_quote, self.cfg.close_quote)

    def titleaddon(self) -> BaseText | None:
        return self.work.fields.get("titleaddon")

    def issue_title(self) -> Item | None:
        return self.title("issuetitle", italic=False)

    def container(self, form: str) -> Text | None:
        """ "in *Booktitle*" of a part; the event of a paper."""
        w = self.work
        if kind(w) != "part":
            return None
        word = self.cfg.in_word if form == "note" else self.cfg.in_word.capitalize()
        book = join([self.title("booktitle", italic=True), w.fields.get("booktitleaddon")], ", ")
        bookauthor = w.names.get("bookauthor") if w.names.get("bookauthor") != w.names.get("author") else None
        by = Text(", by ", self.names(bookauthor, "note")) if bookauthor else Text()
        event = [w.fields.get("eventtitle"), w.fields.get("venue"), english_date(parse_iso(w.text("eventdate"))) or None]
        extra = Text(" (", join(event, ", "), ")") if any(e is not None for e in event) else Text()
        return Text(word, " ", book, by, extra)

    def journal(self) -> Text | None:
        """ "*Journal* 41, no. 7 (July 1986)"; a @periodical's own title is its journal's."""
        w = self.work
        journal = self.title("journaltitle" if w.type != "periodical" else "title", italic=True)
        if journal is None:
            return None
        out: list[BaseText | str] = [journal]
        if w.text("series"):
            out.append(f", {w.text('series')}")
        if w.text("volume"):
            out.append(" " + w.text("volume"))
        number = w.text("number") or w.text("issue") if not (w.text("number") and w.text("issue")) else w.text("number")
        if number:
            out.append(f", {self.cfg.number} {number}")
        date = english_date(w.date)
        if w.text("issue") and w.text("number"):
            date = f"{w.text('issue')} {date}".strip()
        if date:
            out.append(f" ({date})")
        return Text(*out)

    # -- the book's particulars -------------------------------------------------------

    def edition(self) -> Text | None:
        edition = self.work.text("edition")
        if not edition:
            return None
        number = edition_number(edition)
        if number:
            return Text(ordinal(number), " ", self.cfg.edition)
        if re.search(r"\bed\b|\bedn\b|[^\x00-\u024f]|\.$", edition):
            return Text(edition)
        return Text(edition, " ", self.cfg.edition)

    def volume(self) -> Text | None:
        w, cfg = self.work, self.cfg
        volume = w.text("volume")
        main = self.title("maintitle", italic=True) if "title" in w.fields else None
        label = cfg.volume if self.form == "note" else cfg.volume.capitalize()
        if volume and not volume[:1].isalnum():
            label = ""  # "№ 1" has its label
        if volume and main is not None and kind(w) != "article":
            return Text(label, " " if label else "", volume, f" {cfg.of_word} ", main)
        if volume and kind(w) != "article":
            return Text(label, " " if label else "", volume)
        if main is not None:
            return Text(main)
        if w.text("volumes"):
            return Text(w.text("volumes"), " ", cfg.volumes)
        return None

    def part_label(self) -> Text | None:
        return Text("pt. ", self.work.text("part")) if self.work.text("part") else None

    def series(self) -> Text | None:
        w = self.work
        series = w.fields.get("series")
        if series is not None and str(series) == w.text("booktitle"):
            series = None  # the book a part is in, named again as its series
        if series is None:
            return Text(self.cfg.number.capitalize(), " ", w.text("number")) if w.text("number") and \
                kind(w) in ("book", "part") else None
        number = w.text("number")
        return Text(series, " ", number) if number and kind(w) not in ("article", "report", "patent") else Text(series)

    def genre(self) -> Text | None:
        """ "PhD diss.", "Technical report 7", "US Patent 2187888"."""
        w = self.work
        k = kind(w)
        given = w.text("type")
        label = _THESIS.get(given.casefold(), given) if given else {
            "phdthesis": "PhD diss.", "mastersthesis": "Master’s thesis", "techreport": "Technical report",
            "patent": "Patent"}.get(w.type, "")
        if k == "report" or k == "patent":
            label = " ".join(p for p in (label or ("Report" if k == "report" else ""), w.text("number")) if p)
        return Text(label) if label else None

    def imprint(self) -> Text | None:
        """ "Place: Publisher, Date"; for a thesis "PhD diss., University, Date"."""
        w = self.work
        k = kind(w)
        date = english_date(w.date) or None
        if k == "thesis":
            return join([self.genre(), w.fields.get("institution"), w.fields.get("location"), date], ", ") or None
        publisher = self._list(w.fields.get("publisher") or (w.fields.get("institution") if k != "thesis" else None)
                               or w.fields.get("organization") or w.fields.get("howpublished"))
        place = self._list(w.fields.get("location"))
        if place is not None and k == "patent":
            place = Text(re.sub(r"country[a-z]{2}", lambda m: COUNTRIES.get(m[0], m[0]), str(place)))
        where = Text(place, ": ", publisher) if place is not None and publisher is not None else place or publisher
        extra = w.fields.get("organization") if publisher is not None and w.fields.get("publisher") is not None else None
        genre = self.genre() if k in ("report", "patent") else None
        holder = Text("assignee ", self.names(w.names["holder"], "note")) if w.names.get("holder") else None
        found = join([genre, holder, extra, where, date], ", ")
        return found if str(found) else None

    def _list(self, value: Text | None) -> Text | None:
        """A biblatex list field ("Berlin and New York"): its items joined like names."""
        items = value.split(f" {self.cfg.and_word} ") if value is not None else []
        if len(items) < 3:
            return value
        serial = "," if self.cfg.serial_comma else ""
        return Text(Text(", ").join(items[:-1]), f"{serial} {self.cfg.and_word} ", items[-1])

    def chapter(self) -> Text | None:
        """ "Section 1.2, 10–119": where in a book a BibTeX @inbook is."""
        w = self.work
        chapter = w.text("chapter")
        label = w.text("type") if w.text("type") and kind(w) in ("book", "part") else "chap." if chapter else ""
        piece = Text(label, " ", chapter) if chapter else None
        pages = self.pages() if kind(w) == "book" else None
        return join([piece, pages], ", ") if piece is not None or pages is not None else None

    def notes(self) -> Text | None:
        found = join([self.work.fields.get(n) for n in ("note", "addendum")], ". ")
        return found if str(found) else None

    def original(self) -> Text | None:
        """ "First published 1851"."""
        w = self.work
        date = work_date(w.text("origdate"), w.text("origyear"))
        place, publisher = w.fields.get("origlocation"), w.fields.get("origpublisher")
        imprint = Text(place, ": ", publisher) if place is not None and publisher is not None else place or publisher
        found = join([imprint, english_date(date) or None], ", ")
        return Text("First published ", found) if str(found) else None

    def eprint(self) -> Text | None:
        w = self.work
        if not w.text("eprint"):
            return None
        prefix = {"arxiv": "arXiv", "jstor": "JSTOR", "pubmed": "PMID", "hdl": "hdl"}.get(
            w.text("eprinttype").casefold(), w.text("eprinttype"))
        return Text(f"{prefix}:" if prefix else "", w.text("eprint"))

    def links(self, form: str) -> list[Item | None]:
        """A DOI (as a link) or else a URL, and when it was consulted."""
        w = self.work
        out: list[Item | None] = []
        accessed = english_date(parse_iso(w.text("urldate")))
        if accessed:
            out.append(Text("accessed " if form == "note" else "Accessed ", accessed))
        if w.text("doi"):
            url = "https://doi.org/" + w.text("doi").removeprefix("https://doi.org/")
            out.append(HRef(url, url))
        elif w.text("url"):
            out.append(HRef(w.text("url"), w.text("url")))
        return out

    def locator(self, locator: str) -> Text:
        """A pinpoint: hyphens between page numbers become en dashes; "p."/"pp." if configured."""
        text = RANGE.sub(r"\1–\2", locator.strip())
        page = r"(?:\d+|[ivxlcdm]+|[IVXLCDM]+)"
        if self.cfg.page_prefix and re.fullmatch(rf"{page}(?:\s*[–,]\s*{page})*", text):
            label = self.cfg.pages if re.search("[–,]", text) else self.cfg.page
            return Text(label, "\xa0", text)
        return Text(text)

    def pages(self) -> Text | None:
        pages = self.work.fields.get("pages")
        return self.locator(str(pages)) if pages is not None and str(pages) else None
