"""GOST R 7.0.5-2008 as Russian historians cite: notes (подстрочные ссылки), later notes
(повторные), "Там же" and the list of works (затекстовый список), areas separated by ". ".

    Кожев А. Атеизм и другие работы. М. : Праксис, 2006. С. 12–14.
    Делёз Ж. Четыре тезиса о психоанализе / пер. Т. Зарубиной // Логос. 2010. № 3 (76). С. 5–11.

Labels follow the language of the work (``langid``): Russian ones for works in
Russian, Ukrainian and Belarusian, English ones ("P.", "Vol.", "ed. by") for the rest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pybtex.richtext import BaseText, HRef, Text

from edition.model.languages import code_for
from edition.registers.bib.dates import parse_iso
from edition.registers.bib.model import Name, Work
from edition.registers.styles.base import EditionStyle
from edition.registers.styles.chicago_parts import COUNTRIES, RANGE, kind
from edition.registers.styles.rich import capfirst, edition_number, join, numeric_day, ordinal

RU = {"loc": "С.", "total": "с.", "vol": "Т.", "no": "№", "ed": "изд.", "ibid": "Там же", "others": "и др.",
      "online": "[Электронный ресурс]", "accessed": "дата обращения", "editor": "под ред.", "compiler": "сост.",
      "translator": "пер.", "introduction": "вступ. ст.", "foreword": "предисл.", "afterword": "послесл.",
      "annotator": "примеч.", "commentator": "коммент.", "phdthesis": "дис. … канд.", "candthesis": "дис. … канд.",
      "docthesis": "дис. … д-ра", "mathesis": "магист. дис.", "patent": "Пат.", "from": "с"}
EN = {"loc": "P.", "total": "p.", "vol": "Vol.", "no": "No.", "ed": "ed.", "ibid": "Ibid.", "others": "et al.",
      "online": "[Electronic resource]", "accessed": "accessed", "editor": "ed. by", "compiler": "comp. by",
      "translator": "transl. by", "introduction": "introd. by", "foreword": "foreword by", "afterword": "afterword by",
      "annotator": "notes by", "commentator": "comm. by", "phdthesis": "PhD thesis", "candthesis": "Cand. thesis",
      "docthesis": "Doct. thesis", "mathesis": "Master’s thesis", "patent": "Pat.", "from": "from"}
_CYRILLIC = ("ru", "uk", "be", "bg", "sr", "mk")  # the languages whose works GOST labels in Russian
_ORIGINAL = {"de": "нем.", "fr": "фр.", "en": "англ.", "pl": "пол.", "it": "ит.", "es": "исп.", "la": "лат.", "el": "греч."}
_ROLES = ("editor", "translator", "introduction", "foreword", "afterword", "annotator", "commentator")


def initials(given: str) -> str:
    """ "Бернард" -> "Б.", "Жан-Поль" -> "Ж.-П.", "V. I." stays."""
    out = []
    for word in given.split():
        parts = word.split("-")
        out.append("-".join(p if p.endswith(".") or len(p) < 2 and not p.isalpha() else p[0] + "." for p in parts if p))
    return " ".join(out)


class GostStyle(EditionStyle):
    """GOST R 7.0.5-2008 notes and list of works."""

    def labels(self, work: Work) -> dict[str, str]:
        language = work.text("langid") or work.text("language") or self.config.default_language
        return RU if (code_for(language) or language.casefold()) in _CYRILLIC else EN

    # -- the forms -------------------------------------------------------------------

    def full_note(self, key: str, locator: str = "") -> Text:
        work = self.work(key)
        if work.type == "set":
            return self.members(work, self.full_note, locator)
        return self._description(work, self._locator(work, locator) if locator else None)

    def bibliography_entry(self, key: str) -> Text:
        work = self.work(key)
        if work.type == "set":
            return self.members(work, lambda k, _: self.bibliography_entry(k), "", " ")
        return self._description(work, None, listing=True)

    def short_note(self, key: str, locator: str = "") -> Text:
        work = self.work(key)
        if work.type == "set":
            return self.members(work, self.short_note, locator)
        title = work.fields.get("shorthand") or work.fields.get("shorttitle") or work.fields.get("title") \
            or work.fields.get("maintitle") or Text(work.key)
        head = self._head(work)
        return self._areas([Text(head, " ", title) if head else title,
                            self._locator(work, locator) if locator else None])

    def ibid(self, locator: str = "") -> Text:
        return self._areas([Text(RU["ibid"]), Text(RU["loc"], "\xa0", self._range(locator)) if locator else None])

    # -- areas -------------------------------------------------------------------------

    def _areas(self, areas: Sequence[BaseText | None]) -> Text:
        return join(list(areas), ". ", end=".", american=False)

    def _description(self, work: Work, locator: Text | None, listing: bool = False) -> Text:
        labels, k = self.labels(work), kind(work)
        title = self._title_area(work)
        if k in ("article", "part"):
            host = self._host(work)
            head = Text(title, " // ", host) if host is not None else title
            place = self._numbering(work) if k == "article" else None
            if work.type == "periodical":  # the issue: "Semantic 3D Media and Content // Computers and Graphics"
                head = Text(work.fields["issuetitle"], " // ", title) if work.fields.get("issuetitle") else title
            pages = locator or self._pages(work, labels)
            return self._areas([head, self._date_area(work) if k == "article" else None, place, pages,
                                self._series(work, labels) if listing else None, *self._notes(work),
                                *self._links(work, labels)])
        volume = self._volume_area(work, labels)
        main = work.fields.get("maintitle") is not None  # "Title. Vol. 2 : Own title. Place : Publisher, Year"
        areas: list[BaseText | None] = [title, self._edition(work, labels), volume if main else None,
                                        self._imprint(work), None if main else volume]
        where = self._pages(work, labels) if work.type.startswith("in") else None  # a part without its book's title
        areas.append(locator if locator is not None else where or self._extent(work, labels) or self._pages(work, labels)
                     if listing else None)
        areas += [self._series(work, labels) if listing else None, *self._notes(work), *self._links(work, labels)]
        return self._areas(areas)

    def _series(self, work: Work, labels: dict[str, str]) -> Text | None:
        """ "(Series ; № 7)"."""
        series = work.fields.get("series")
        if series is None or str(series) == work.text("booktitle"):
            return None
        number = work.text("number") if kind(work) not in ("report", "article") else ""
        return Text("(", series, f" ; {labels['no']} {number}" if number else "", ")")

    def _notes(self, work: Work) -> list[BaseText | None]:
        return [capfirst(work.fields.get(f)) for f in ("note", "addendum")]  # each opens an area

    def _head(self, work: Work) -> str:
        """The heading: the first author "Фамилия И. О.", if there are at most three."""
        authors = [a for a in work.names.get("author", []) if not a.is_others]
        if not authors or len(authors) > 3 or any(a.is_others for a in work.names.get("author", [])):
            return ""
        return self._inverted(authors[0])

    def _inverted(self, name: Name) -> str:
        if name.corporate:
            return name.family
        return " ".join(p for p in (name.particle, name.family, name.suffix, initials(name.given)) if p)

    def _direct(self, name: Name) -> str:
        if name.corporate:
            return name.family
        return " ".join(p for p in (initials(name.given), name.particle, name.family) if p)

    def _names(self, people: Sequence[Name], labels: dict[str, str], most: int = 3) -> str:
        others = any(p.is_others for p in people)
        people = [p for p in people if not p.is_others]
        if len(people) > most:
            people, others = people[:1], True
        text = ", ".join(self._direct(p) for p in people)
        return f"{text} [{labels['others']}]" if others and text else text

    def _title_area(self, work: Work) -> Text:
        """ "Head Title : subtitle / responsibility"."""
        labels = self.labels(work)
        head = self._head(work)
        title = work.fields.get("title")
        if work.fields.get("maintitle") is not None:  # a volume: its own title follows "Т. 2 :"
            title = work.fields["maintitle"]
        heading = work.fields.get("heading")
        if heading is None and work.type == "patent" and work.text("number"):
            heading = Text(labels["patent"], " ", work.fields["number"])
        if heading is not None and work.type in ("patent", "reference", "standard"):
            head, title = "", Text(heading, ". ", title) if title is not None else heading
        parts: list[BaseText | str] = [Text(head, " ") if head else "", title if title is not None else Text(work.key)]
        for extra in ("subtitle", "titleaddon"):
            if work.fields.get(extra) is not None:
                parts += [" : ", work.fields[extra]]
        if work.type in ("thesis", "phdthesis", "mastersthesis"):
            parts.append(self._thesis(work, labels))
        elif kind(work) == "report" and (work.text("type") or work.text("number")):
            label = work.text("type") or ("tech. rep." if labels is EN else "техн. отчет")
            parts.append(Text(" : ", " ".join(p for p in (label, work.text("number")) if p)))
        if kind(work) == "online":
            parts += [" ", labels["online"]]
        responsibility = self._responsibility(work, labels, with_authors=not head)
        if responsibility:
            parts += [" / ", responsibility]
        if work.type == "patent":
            parts.append(self._patent(work, labels))
        return Text(*parts)

    def _patent(self, work: Work, labels: dict[str, str]) -> Text:
        """ " ; holder. № 2000131736/09 ; заявл. 18.12.2000 ; опубл. 20.08.2002, Бюл. № 23"."""
        holder = [f" ; {self._names(work.names['holder'], labels, most=99)}"] if work.names.get("holder") else []
        filed = f"{'заявл.' if labels is RU else 'appl.'} {numeric_day(work.date.start)}" if work.date.start else ""
        published = parse_iso(work.text("publdate"))
        issued = " ".join(p for p in (f"{'опубл.' if labels is RU else 'publ.'} {numeric_day(published.start)}"
                                      if published.start else "", work.text("publication")) if p)
        numbers = " ; ".join(p for p in (f"{labels['no']} {work.text('reqnumber')}" if work.text("reqnumber") else "",
                                          filed, issued) if p)
        return Text(*holder, f". {numbers}" if numbers else "")

    def _thesis(self, work: Work, labels: dict[str, str]) -> Text:
        kind_ = work.text("type").casefold() or ("phdthesis" if work.type == "phdthesis" else "mathesis")
        science = work.text("science") or work.text("major")
        code = work.text("specialitycode") or work.text("majorcode") or (work.text("number") if science else "")
        label = " ".join(p for p in (labels.get(kind_, work.text("type")), science) if p)
        return Text(" : ", label, f" : {code}" if code else "")

    def _responsibility(self, work: Work, labels: dict[str, str], with_authors: bool) -> str:
        authors = [a for a in work.names.get("author", []) if not a.is_others]
        pieces = [self._names(work.names["author"], labels)] if authors and (with_authors or len(authors) > 1) else []
        for role in _ROLES:
            people = work.names.get(role, [])
            if not people or (role == "editor" and kind(work) == "part"):
                continue
            label = labels["compiler"] if role == "editor" and work.text("editortype") == "compiler" else labels[role]
            original = work.text("origlanguage")
            source = _ORIGINAL.get(code_for(original) or original.casefold()) if labels is RU else None
            if role == "translator" and source:
                label = f"{label} {labels['from']} {source}"
            pieces.append(f"{label} {self._names(people, labels)}")
        if work.text("organization") and work.fields.get("publisher") is not None:
            pieces.append(work.text("organization"))  # the body behind proceedings or a manual
        return " ; ".join(p for p in pieces if p)

    def _host(self, work: Work) -> Text | None:
        """The book or journal a part or an article is in."""
        labels = self.labels(work)
        if work.type == "periodical":
            return None
        if kind(work) == "article":
            journal = work.fields.get("journaltitle")
            if journal is None:
                return None
            sub = work.fields.get("journalsubtitle")
            return Text(journal, " : ", sub) if sub is not None else Text(journal)
        book = work.fields.get("booktitle")
        if book is None:
            return None
        parts: list[BaseText | str] = [book]
        if work.fields.get("booksubtitle") is not None:
            parts += [" : ", work.fields["booksubtitle"]]
        editors = work.names.get("editor", [])
        if editors:
            role = labels["compiler"] if work.text("editortype") == "compiler" else labels["editor"]
            parts += [" / ", f"{role} {self._names(editors, labels)}"]
        return self._areas_inline([Text(*parts), self._edition(work, labels), self._imprint(work),
                                   self._volume_area(work, labels)])

    def _areas_inline(self, areas: Sequence[BaseText | None]) -> Text:
        return join(list(areas), ". ", american=False)

    def _edition(self, work: Work, labels: dict[str, str]) -> Text | None:
        edition = work.text("edition")
        if not edition:
            return None
        number = edition_number(edition)
        if number:
            return Text(f"{number}-е {labels['ed']}" if labels is RU else f"{ordinal(number)} {labels['ed']}")
        m = re.match(r"(\d+-е)(.*)", edition)
        if m and "изд" not in edition:
            return Text(f"{m[1]} {labels['ed']}{m[2]}")
        return Text(edition)

    def _imprint(self, work: Work) -> Text | None:
        """ "М. : Праксис, 2006"."""
        place = work.fields.get("location")
        if place is not None and work.type == "patent":
            place = Text(re.sub(r"country[a-z]{2}", lambda m: COUNTRIES.get(m[0], m[0]), str(place)))
        publisher = next((work.fields[f] for f in ("publisher", "institution", "organization") if work.text(f)), None)
        date = self._year(work) if kind(work) != "article" else ""
        if publisher is not None and place is not None:
            where: Text | None = Text(place, " : ", publisher)
        else:
            where = place if place is not None else publisher
        if where is None and not date:
            return None
        return Text(where, ", ", date) if where is not None and date else Text(where if where is not None else date)

    def _year(self, work: Work) -> str:
        return "" if work.type == "patent" else work.date.year

    def _date_area(self, work: Work) -> Text | None:
        return Text(work.date.year) if work.date else None

    def _numbering(self, work: Work) -> Text | None:
        labels = self.labels(work)
        pieces = [f"{labels['vol']} {work.text('volume')}" if work.text("volume") else "",
                  f"{labels['no']} {work.text('number') or work.text('issue')}" if work.text("number") or work.text("issue")
                  else ""]
        found = ", ".join(p for p in pieces if p)
        return Text(found) if found else None

    def _volume_area(self, work: Work, labels: dict[str, str]) -> Text | None:
        volume = work.text("volume")
        if not volume or kind(work) == "article":
            return None
        label = "" if re.match(r"^\W", volume) or not volume[:1].isdigit() and not volume[:1].isalpha() else labels["vol"]
        own = work.fields.get("title") if work.fields.get("maintitle") is not None else None
        text = f"{label} {volume}".strip() if not volume.startswith(("№", "Т.", "Vol")) else volume
        return Text(text, " : ", own) if own is not None else Text(text)

    def _extent(self, work: Work, labels: dict[str, str]) -> Text | None:
        total = work.text("pagetotal")
        if not total:
            return None
        return Text(total) if re.search(r"[^\d\s,\[\]]", total) else Text(total, "\xa0", labels["total"])

    def _pages(self, work: Work, labels: dict[str, str]) -> Text | None:
        pages = work.text("pages")
        return Text(labels["loc"], "\xa0", self._range(pages)) if pages else None

    def _range(self, text: str) -> str:
        return RANGE.sub(r"\1–\2", text.strip())

    def _locator(self, work: Work, locator: str) -> Text:
        """ "С. 12–14" for pages; another locator ("no. 1") as written."""
        text = self._range(locator)
        if re.fullmatch(r"(?:\d+|[ivxlcdm]+|[IVXLCDM]+)(?:\s*[–,]\s*\d+)*", text):
            return Text(self.labels(work)["loc"], "\xa0", text)
        return Text(text)

    def _links(self, work: Work, labels: dict[str, str]) -> list[BaseText | None]:
        url = "https://doi.org/" + work.text("doi") if work.text("doi") else work.text("url")
        if not url:
            return []
        accessed = parse_iso(work.text("urldate"))
        when = f" ({labels['accessed']}: {numeric_day(accessed.start)})" if accessed.start else ""
        return [Text("URL: ", HRef(url, url), when)]
