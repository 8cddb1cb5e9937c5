"""The edition's own pybtex style: notes and bibliography in the manner of Chicago.

Every work can be written three ways: the full note of its first citation in a
document, the short note of later citations, and the entry of the works-cited
list. All three are format-neutral pybtex rich text (``Text``, ``Tag("em")``,
``HRef``); ``to_plain`` here and ``edition.latex.bibtex.to_latex`` turn them into output. The style's
choices (labels, name order, "p."/"pp.", title case...) live in
``StyleConfig``, read from a plain dict such as a section of the project
configuration.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from pybtex.richtext import BaseText, HRef, Protected, String, Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle

from edition.model.diagnostics import did_you_mean
from edition.registers.bibliography import Bibliography, Name, Work


@dataclass(frozen=True)
class StyleConfig:
    """What the style lets an editor choose; ``from_dict`` reads it from plain data."""

    page_prefix: bool = False  # "p. 5", "pp. 5–7" in locators and page ranges
    ibid: bool = False  # "Ibid." for the same work as the citation just before it in the same note
    note_name_order: str = "given-family"  # or "family-given"
    bib_name_order: str = "first-inverted"  # or "all-inverted"
    use_prefix: bool = False  # True: "van Beethoven, Ludwig"; False: "Beethoven, Ludwig van"
    title_case: bool = False  # headline-style capitals for titles in the languages below
    title_case_languages: tuple[str, ...] = ("english", "american", "british", "en")
    default_language: str = "english"  # language of works without langid/language
    american_punctuation: bool = True  # commas and periods inside closing quotation marks
    open_quote: str = "“"
    close_quote: str = "”"
    serial_comma: bool = True
    and_word: str = "and"
    et_al: str = "et al."
    et_al_min_note: int = 4  # this many names or more: the first ones, then "et al."
    et_al_use_note: int = 1
    et_al_min_bib: int = 11
    et_al_use_bib: int = 7
    editor: str = "ed."
    editors: str = "eds."
    compiler: str = "comp."
    compilers: str = "comps."
    translator: str = "trans."
    edited_by: str = "edited by"
    compiled_by: str = "compiled by"
    translated_by: str = "translated by"
    edition: str = "ed."
    volume: str = "vol."
    volumes: str = "vols."
    number: str = "no."
    in_word: str = "in"
    of_word: str = "of"
    page: str = "p."
    pages: str = "pp."
    series_in_notes: bool = False
    volume_in_short_note: bool = False  # "Lenin, Collected Works, 35:232" when True

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> StyleConfig:
        """Defaults overridden by ``data``; an unknown key is a ``ValueError`` with a hint."""
        known = {f.name: f for f in dataclasses.fields(cls)}
        values: dict[str, Any] = {}
        for key, value in (data or {}).items():
            name = key.replace("-", "_")
            if name not in known:
                hint = did_you_mean(name, known)
                raise ValueError(f"unknown bibliography style option '{key}'" + (f" ({hint})" if hint else ""))
            values[name] = tuple(value) if isinstance(value, list) else value
        return cls(**values)


class _Quoted:
    """A title in quotation marks; a comma or period after it may move inside."""

    def __init__(self, text: BaseText) -> None:
        self.text = text


Item: TypeAlias = "BaseText | _Quoted"
_ENDS_SENTENCE = ("?", "!")


def _join(items: Sequence[Item | None], sep: str, cfg: StyleConfig, end: str = "") -> Text:
    """Join the non-empty items with ``sep``, ending with ``end``, punctuating quotations."""
    parts = [i for i in items if i is not None and str(i.text if isinstance(i, _Quoted) else i)]
    out: list[BaseText | str] = []
    for n, item in enumerate(parts):
        after = sep if n + 1 < len(parts) else end
        punct = after.rstrip()
        if isinstance(item, _Quoted):
            inside = cfg.american_punctuation and punct and not str(item.text).endswith(_ENDS_SENTENCE + (".",))
            out += [cfg.open_quote, _inner_quotes(item.text, cfg), punct if inside else "", cfg.close_quote]
            after = after[len(punct):] if inside or str(item.text).endswith(_ENDS_SENTENCE) else after
        else:
            out.append(item)
            if punct and str(item).endswith((punct[0], *_ENDS_SENTENCE)):
                after = after[1:]
        out.append(after)
    return Text(*out)


def _quoted(item: Item | None, cfg: StyleConfig) -> BaseText | None:
    if isinstance(item, _Quoted):
        return Text(cfg.open_quote, _inner_quotes(item.text, cfg), cfg.close_quote)
    return item


def _map_strings(text: BaseText | str, f: Callable[[str], str]) -> Any:
    """``text`` with ``f`` applied to its plain strings, protected parts untouched."""
    if isinstance(text, (str, String)):
        return f(str(text))
    if isinstance(text, Protected):
        return text
    parts = [_map_strings(p, f) for p in getattr(text, "parts", [])]
    return Tag(text.name, *parts) if isinstance(text, Tag) else Text(*parts)


def _inner_quotes(text: BaseText, cfg: StyleConfig) -> BaseText:
    """Quotation marks inside a quoted title become single ones, as Chicago has it."""
    if cfg.open_quote != "“":
        return text
    return _map_strings(text, lambda s: s.replace("“", "‘").replace("”", "’"))


def _ordinal(number: str) -> str:
    n = int(number)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_MINOR_WORDS = set("a an the and but or nor for so yet as at by in of off on per to up via from into with".split())
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def headline_case(text: BaseText) -> BaseText:
    """Chicago headline style: capitalise major words, never touching protected parts."""
    first = [True]

    def word(m: re.Match[str]) -> str:
        w, major = m.group(), first[0] or m.group().casefold() not in _MINOR_WORDS
        first[0] = False
        return w[0].upper() + w[1:] if major else w

    def sentence(s: str) -> str:
        out = []
        for piece in re.split(r"([:?!.—]\s+)", s):
            if re.fullmatch(r"[:?!.—]\s+", piece):
                first[0] = True
                out.append(piece)
            else:
                out.append(_WORD.sub(word, piece))
        return "".join(out)

    return Text(_map_strings(text, sentence))


class HistorianStyle(BaseStyle):
    """Chicago-like notes and bibliography over an ``edition.bibliography.Bibliography``."""

    default_name_style = "plain"
    default_label_style = "number"
    default_sorting_style = "none"

    def __init__(self, bibliography: Bibliography, config: StyleConfig | Mapping[str, Any] | None = None) -> None:
        super().__init__()
        self.bib = bibliography
        self.config = config if isinstance(config, StyleConfig) else StyleConfig.from_dict(config)

    # -- the three forms ------------------------------------------------------------

    def full_note(self, key: str, locator: str = "") -> Text:
        """The note of a work's first citation in a document."""
        work, cfg = self.bib.resolved(key), self.config
        if work.type == "set":
            return self._set(work, self.full_note, locator)
        lead, lead_role = self._lead(work)
        names = self._names(lead, "note")
        head = Text(names, ", ", lead_role) if names and lead_role else names
        kind = _kind(work)
        items: list[Item | None] = [head, self._title(work, kind)]
        if kind == "article":
            items.append(self._journal(work))
        else:
            if kind == "part":
                items.append(Text(cfg.in_word, " ", self._title(work, "book", "booktitle")))
            items += self._contributors(work, lead, "note")
            items += [self._edition(work), self._volume(work, "note")]
            if cfg.series_in_notes:
                items.append(self._series(work))
            publication = self._publication(work)
            filled = [i for i in items if i is not None and str(i.text if isinstance(i, _Quoted) else i)]
            if publication and filled:
                filled[-1] = Text(_quoted(filled[-1], cfg), " (", publication, ")")
            items = filled if publication and filled else [*filled, publication]
        note = work.fields.get("note")  # after the imprint; after the page for an article ("(1995): 45")
        body = _join([*items, note if kind != "article" else None], ", ", cfg)
        if locator:
            body = Text(body, ": " if kind == "article" else ", ", self._locator(locator))
        return _join([body, note if kind == "article" else None, *self._links(work)], ", ", cfg)

    def short_note(self, key: str, locator: str = "") -> Text:
        """The note of a later citation: surname(s), short title, locator."""
        work, cfg = self.bib.resolved(key), self.config
        if work.type == "set":
            return self._set(work, self.short_note, locator)
        lead, _ = self._lead(work)
        title = work.fields.get("shorttitle")
        if title is None:  # Chicago: the main title without subtitle or initial article
            title = (work.fields.get("title") or Text(work.key)).split(": ")[0]
            if self._language(work) in cfg.title_case_languages:
                title = _drop_article(title)
        title = headline_case(title) if self._title_cased(work) else title
        short: Item = Tag("em", title) if _kind(work) in ("book",) else _Quoted(title)
        where: Item | None = self._locator(locator) if locator else None
        if locator and cfg.volume_in_short_note and work.text("volume") and where is not None:
            where = Text(work.text("volume"), ":", where)
        return _join([self._names(lead, "short"), short, where], ", ", cfg)

    def bibliography_entry(self, key: str) -> Text:
        """The work's entry in the list of works cited."""
        work, cfg = self.bib.resolved(key), self.config
        if work.type == "set":
            return self._set(work, lambda k, _: self.bibliography_entry(k), "", " ")
        lead, lead_role = self._lead(work)
        names = self._names(lead, "bib")
        head = Text(names, ", ", lead_role) if names and lead_role else names
        kind = _kind(work)
        sentences: list[Item | None] = [head, self._title(work, kind)]
        if kind == "article":
            journal = self._journal(work)
            pages = work.fields.get("pages")
            sentences.append(Text(journal, ": ", self._pages(pages)) if journal and pages else journal)
        else:
            contributors = self._contributors(work, lead, "bib")
            if kind == "part":
                book = Text(cfg.in_word.capitalize(), " ", self._title(work, "book", "booktitle"))
                pages = work.fields.get("pages")
                sentences.append(_join([book, *contributors, self._pages(pages) if pages else None], ", ", cfg))
            else:
                sentences += [c.capfirst() for c in contributors]
            sentences += [_capfirst(self._edition(work)), _capfirst(self._volume(work, "bib")),
                          self._series(work), self._publication(work)]
        sentences += [work.fields.get("note"), *self._links(work)]
        return _join(sentences, ". ", cfg, end=".")

    def format_entry(self, label: str, entry: Any, bib_data: Any = None) -> FormattedEntry:
        """pybtex's entry point: the works-cited form of ``entry.key``."""
        return FormattedEntry(entry.key, self.bibliography_entry(entry.key), label)

    # -- pieces -----------------------------------------------------------------------

    def _set(self, work: Work, form: Callable[[str, str], Text], locator: str, sep: str = "; ") -> Text:
        """A biblatex set: its members one after another, the locator going with the last."""
        members = [k.strip() for k in work.text("entryset").split(",") if k.strip() in self.bib]
        members = [k for k in members if self.bib[k].type != "set"]
        texts = [form(k, locator if n + 1 == len(members) else "") for n, k in enumerate(members)]
        return Text(sep).join(texts) if texts else Text(work.key)

    def _lead(self, work: Work) -> tuple[list[Name], str]:
        """Who heads the entry, and the role label after them ("eds.", "comp.") if not authors."""
        if work.names.get("author"):
            return work.names["author"], ""
        editors = work.names.get("editor", [])
        if not editors or _kind(work) == "part":
            return [], ""
        return editors, self._role_label(work, editors)

    def _role_label(self, work: Work, editors: list[Name]) -> str:
        cfg = self.config
        many = len(editors) > 1
        if work.text("editortype") == "compiler":
            return cfg.compilers if many else cfg.compiler
        return cfg.editors if many else cfg.editor

    def _contributors(self, work: Work, lead: list[Name], form: str) -> list[Text]:
        """Editors (unless they head the entry) and translators: "ed. X" or "edited by X"."""
        cfg, out = self.config, []
        editors = work.names.get("editor", [])
        if editors and editors is not lead:
            compiler = work.text("editortype") == "compiler"
            if form == "note":
                label = cfg.compiler if compiler else cfg.editor
            else:
                label = cfg.compiled_by if compiler else cfg.edited_by
            out.append(Text(label, " ", self._names(editors, "note")))
        translators = work.names.get("translator", [])
        if translators:
            label = cfg.translator if form == "note" else cfg.translated_by
            out.append(Text(label, " ", self._names(translators, "note")))
        return out

    def _names(self, people: Sequence[Name], form: str) -> Text:
        """A list of names as a note ("V. I. Lenin"), bibliography ("Lenin, V. I.") or short note wants them."""
        cfg = self.config
        others = any(p.is_others for p in people)
        people = [p for p in people if not p.is_others]
        if not people:
            return Text()
        least, use = (cfg.et_al_min_bib, cfg.et_al_use_bib) if form == "bib" else (cfg.et_al_min_note, cfg.et_al_use_note)
        if len(people) >= least:
            people, others = people[:use], True
        written = []
        for n, person in enumerate(people):
            if form == "short":
                written.append(self._family(person))
            elif form == "bib" and (n == 0 or cfg.bib_name_order == "all-inverted"):
                written.append(self._inverted(person))
            elif cfg.note_name_order == "family-given" and not person.corporate:
                written.append(" ".join(p for p in (self._family(person), person.given, person.suffix) if p))
            else:
                written.append(person.family if person.corporate else person.display())
        if others:
            comma = "," if form == "bib" and len(written) > 1 else ""
            return Text(", ".join(written), comma, " ", cfg.et_al)
        if len(written) == 2 and form == "bib" and cfg.bib_name_order == "first-inverted":
            return Text(written[0], f", {cfg.and_word} ", written[1])  # "Ward, Geoffrey C., and Ken Burns"
        if len(written) <= 2:
            return Text(f" {cfg.and_word} ".join(written))
        serial = "," if cfg.serial_comma else ""
        return Text(", ".join(written[:-1]), f"{serial} {cfg.and_word} ", written[-1])

    def _family(self, person: Name) -> str:
        if self.config.use_prefix and person.particle:
            return f"{person.particle} {person.family}"
        return person.family

    def _inverted(self, person: Name) -> str:
        if person.corporate:
            return person.family
        given = person.given if self.config.use_prefix else " ".join(p for p in (person.given, person.particle) if p)
        return ", ".join(p for p in (self._family(person), given, person.suffix) if p)

    def _language(self, work: Work) -> str:
        return (work.text("langid") or work.text("language") or self.config.default_language).casefold()

    def _title_cased(self, work: Work) -> bool:
        return self.config.title_case and self._language(work) in self.config.title_case_languages

    def _title(self, work: Work, kind: str, field: str = "title") -> Item | None:
        """Title and subtitle: italic for books, quoted for parts, articles and the rest."""
        prefix = field[: -len("title")]
        title = work.fields.get(field)
        if title is None:
            return None if field != "title" else Tag("em", work.key) if kind == "book" else None
        subtitle = work.fields.get(prefix + "subtitle")
        if subtitle is not None:
            title = Text(title, " " if str(title).endswith(_ENDS_SENTENCE) else ": ", subtitle)
        title = headline_case(title) if self._title_cased(work) else title
        return Tag("em", title) if kind == "book" else _Quoted(title)

    def _journal(self, work: Work) -> Text | None:
        journal = work.fields.get("journaltitle")
        if journal is None:
            return None
        out: list[BaseText | str] = [Tag("em", journal)]
        if work.text("volume"):
            out.append(" " + work.text("volume"))
        if work.text("number"):
            out.append(f", {self.config.number} {work.text('number')}")
        if work.year:
            out.append(f" ({work.year})")
        return Text(*out)

    def _edition(self, work: Work) -> Text | None:
        edition = work.text("edition")
        if not edition:
            return None
        if edition.isdigit():
            return Text(_ordinal(edition), " ", self.config.edition)
        return Text(edition) if re.search(r"\bed\b|\bedn\b", edition) else Text(edition, " ", self.config.edition)

    def _volume(self, work: Work, form: str) -> Text | None:
        cfg = self.config
        volume, main = work.text("volume"), work.fields.get("maintitle")
        label = cfg.volume if form == "note" else cfg.volume.capitalize()
        if volume and main is not None:
            if work.fields.get("mainsubtitle") is not None:
                main = Text(main, ": ", work.fields["mainsubtitle"])
            return Text(label, " ", volume, f" {cfg.of_word} ", Tag("em", main))
        if volume:
            return Text(label, " ", volume)
        if work.text("volumes"):
            return Text(work.text("volumes"), " ", cfg.volumes)
        return None

    def _series(self, work: Work) -> Text | None:
        series = work.fields.get("series")
        if series is None:
            return None
        number = work.text("number")
        return Text(series, " ", number) if number and _kind(work) != "article" else Text(series)

    def _publication(self, work: Work) -> Text | None:
        """ "Place: Publisher, Year", with whatever of these the work has."""
        publisher = self._list(work.fields.get("publisher") or work.fields.get("institution")
                               or work.fields.get("howpublished"))
        place = self._list(work.fields.get("location"))
        where: list[BaseText | str] = []
        if place is not None and publisher is not None:
            where = [place, ": ", publisher]
        elif place is not None or publisher is not None:
            where = [place if place is not None else publisher]
        if work.year:
            where += [", ", work.year] if where else [work.year]
        return Text(*where) if where else None

    def _list(self, value: Text | None) -> Text | None:
        """A biblatex list field ("Berlin and New York"): its items joined like names."""
        items = value.split(f" {self.config.and_word} ") if value is not None else []
        if len(items) < 3:
            return value
        serial = "," if self.config.serial_comma else ""
        return Text(Text(", ").join(items[:-1]), f"{serial} {self.config.and_word} ", items[-1])

    def _links(self, work: Work) -> list[Item | None]:
        """A DOI (as a link) or else a URL."""
        out: list[Item | None] = []
        if work.text("doi"):
            url = "https://doi.org/" + work.text("doi")
            out.append(HRef(url, url))
        elif work.text("url"):
            out.append(HRef(work.text("url"), work.text("url")))
        return out

    def _locator(self, locator: str) -> Text:
        """A pinpoint: hyphens between page numbers become en dashes; "p."/"pp." if configured."""
        text = _RANGE.sub(r"\1–\2", locator.strip())
        page = r"(?:\d+|[ivxlcdm]+|[IVXLCDM]+)"
        if self.config.page_prefix and re.fullmatch(rf"{page}(?:\s*[–,]\s*{page})*", text):
            label = self.config.pages if re.search("[–,]", text) else self.config.page
            return Text(label, "\xa0", text)
        return Text(text)

    def _pages(self, pages: BaseText | None) -> Text:
        return self._locator(str(pages)) if pages is not None else Text()


_NUMBER = r"\b(?:\d+[^\W\d_]{0,2}|[ivxlcdm]+|[IVXLCDM]+)\b"  # 12, 12ob (verso), xiv, XIV
_RANGE = re.compile(rf"({_NUMBER})\s*(?:--|-|–)\s*({_NUMBER})")


def _kind(work: Work) -> str:
    """How a work is written: "book" (italic title), "part" (in a book), "article" or "misc"."""
    if work.type in ("article", "suppperiodical", "review"):
        return "article"
    if work.type.startswith("in") or work.type in ("bookinbook", "suppbook", "suppcollection"):
        return "part" if "booktitle" in work.fields else "book"
    if work.type.removeprefix("mv") in ("book", "collection", "proceedings", "reference") or work.type in (
            "manual", "periodical", "booklet"):
        return "book"
    return "misc"


def _drop_article(title: Text) -> Text:
    match = re.match(r"(?:The|An?)\s+(?=\S)", str(title))
    return title[match.end():] if match and str(title[: match.end()]) == match.group() else title


def _capfirst(text: Text | None) -> Text | None:
    return text.capfirst() if text is not None else None


class CitationTracker:
    """Notes for one document: the full form at a work's first citation, the short form after."""

    def __init__(self, style: HistorianStyle) -> None:
        self.style = style
        self.cited: list[str] = []

    def cite(self, key: str, locator: str = "") -> Text:
        if key in self.cited:
            return self.style.short_note(key, locator)
        self.cited.append(key)
        return self.style.full_note(key, locator)


def to_plain(rich: BaseText | str) -> str:
    """Rich text as plain Unicode, formatting dropped."""
    return str(rich)
