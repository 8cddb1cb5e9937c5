"""The shape of every YAML block a project holds, declared once.

Each ``Field`` names a key, its type, whether it is required, and a line of
documentation; ``check_map`` reports missing keys, wrong types and unknown
keys (with a did-you-mean hint) against such a declaration. The declarations
below are the reference for docs/source-format.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.model.diagnostics import Diagnostic, Pos, closest, did_you_mean, error, warning
from edition.sources.yamlpos import YNode

# Types: "str" a scalar; "text" a scalar with inline markup; "blocks" a
# scalar with paragraphs and markup; "ids"/"strs" a list of scalars (a single
# scalar is taken as a list of one); "map" / "list" a nested structure;
# "bool" yes/no; "date" a date string or mapping.


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool = False
    doc: str = ""
    choices: tuple[str, ...] = ()
    default: str = ""  # what an absent key means, as YAML or in words (docs/reference.md; tests/test_reference.py)
    example: str = ""  # a value as a user writes it


DOCUMENT_KINDS = ("letter", "telegram", "note", "report", "speech", "article", "excerpt", "resolution", "memoir", "statement")

DOCUMENT = (
    Field("id", "str", True, "unique id of the document, used in cross-references and file names"),
    Field("title", "str", True, "the heading as printed, e.g. 'Stalin to Kamenev'"),
    Field("short_title", "str", False, "the title in the running head when the heading does not fit there"),
    Field("kind", "str", True, "what the document is", DOCUMENT_KINDS),
    Field("authors", "ids", False, "person ids of the author(s)"),
    Field("recipients", "ids", False, "person ids of the recipient(s)"),
    Field("date", "date", False, "date of writing: YYYY[-MM[-DD]], a range A/B, or a mapping (see DATE)"),
    Field("place", "map", False, "places as place ids: from (written at), to (sent to)"),
    Field("language", "str", False, "language of the original (ISO 639-1 code, e.g. ru)"),
    Field("translation", "map", False, "from (language code), by (translator)"),
    Field("source", "map", False, "the printed source: key (bibliography key), locator (pages)"),
    Field("archives", "list", False, "archival sources: each a mapping (see ARCHIVE)"),
    Field("headnote", "blocks", False, "the editor's short introduction, with markup"),
    Field("notes", "map", False, "note texts by series id, then by note key"),
    Field("status", "str", False, "editorial status, for the editor's own use", ("draft", "checked", "final")),
    Field("original", "map", False, "the original beside the translation, its text after a line '@original' (see ORIGINAL)"),
)

PRINT_MODES = ("facing", "columns", "after", "none")

ORIGINAL = (
    Field("language", "str", True, "language of the original's text (ISO 639-1 code, e.g. ru)"),
    Field("source", "map", False, "the printed source of the original's text: key, locator"),
    Field("rights", "str", False, "the copyright status of the original's text, and why (printed in the source note)"),
)

# A sibling file holding a document's original: its front matter.
VERSION_FILE = (
    Field("version_of", "str", True, "id of the document whose original this file holds"),
    *ORIGINAL,
    Field("notes", "map", False, "note texts of the original, by series id, then by note key (one namespace with the document's)"),
    Field("status", "str", False, "editorial status, for the editor's own use", ("draft", "checked", "final")),
)

ORIGINALS = (
    Field("print", "str", False, "how documents with an original print: facing pages, parallel columns, "
          "the original after the translation, or the translation alone", PRINT_MODES, default="facing", example="after"),
    Field("documents", "map", False, "a print mode per document id, overriding 'print'",
          default="{}", example="{1903-10-22-lenin-jewish-nation: columns}"),
)

DATE = (
    Field("when", "str", False, "YYYY, YYYY-MM or YYYY-MM-DD; or a range A/B"),
    Field("not_before", "str", False, "earliest possible date"),
    Field("not_after", "str", False, "latest possible date"),
    Field("calendar", "str", False, "calendar of the dates as written", ("gregorian", "julian")),
    Field("supplied", "bool", False, "the editor established the date: printed in [brackets]"),
    Field("cert", "str", False, "certainty of the date", ("high", "medium", "low")),
)

PLACE_REF = (
    Field("from", "str", False, "place id where the document was written"),
    Field("to", "str", False, "place id where it was sent"),
)

TRANSLATION = (
    Field("from", "str", True, "language of the original"),
    Field("by", "str", False, "the translator, as credited"),
)

SOURCE = (
    Field("key", "str", True, "bibliography key of the printed source"),
    Field("locator", "str", False, "pages or number in it, e.g. 'vol. 35, pp. 232-236'"),
)

ARCHIVE = (
    Field("cited", "str", False, "the citation as the source prints it, parsed into the fields below"),
    Field("repository", "str", False, "archive id from sources/archives.yaml"),
    Field("fond", "str", False, "fond (collection) number"),
    Field("opis", "str", False, "opis (inventory) number"),
    Field("delo", "str", False, "delo (file) number"),
    Field("folios", "str", False, "list (folio) numbers: '3', '75, 76', '2-3 ob.'"),
    Field("vypusk", "str", False, "vypusk (issue)"),
    Field("form", "str", False, "autograph, typescript, copy, coded telegram, printed text..."),
)

PERSON = (
    Field("name", "str", True, "canonical form: 'Surname, Forenames' or 'Surname, I. O.'", example='"Stalin, I. V."'),
    Field("born", "str", False, "year of birth", example='"1878"'),
    Field("died", "str", False, "year of death", example='"1953"'),
    Field("identification", "str", False, "one line saying who the person was", example='"General Secretary of the party from 1922"'),
    Field("aliases", "strs", False, "pseudonyms, party names, spelling variants, forms with patronymic",
          default="[]", example='[Koba, "Dzhugashvili, I. V."]'),
)

# sources/archives.yaml (read by registers/archives.py): a repository, and each of its names.
REPOSITORY = (
    Field("city", "str", True, "the city the repository is in", example="Moscow"),
    Field("names", "list", True, "every name the repository has borne, each a mapping (see ARCHIVE_NAME)",
          example="[{abbr: RGASPI, expansion: Russian State Archive of Socio-Political History, from: 1999, to: null}]"),
)

ARCHIVE_NAME = (
    Field("abbr", "str", True, "the abbreviation, as the edition prints it", example="RTsKhIDNI"),
    Field("expansion", "str", True, "the full name, in English", example="Russian Centre for the Preservation and Study of "
          "Documents of Recent History"),
    Field("from", "year", False, "first year the name was in use; null: unknown, or always", default="null", example="1991"),
    Field("to", "year", False, "last year the name was in use; null: the name in use today", default="null", example="1999"),
    Field("aliases", "strs", False, "other spellings of the same name, Cyrillic ones too", default="[]",
          example="[РЦХИДНИ, RCChIDNI]"),
)

PLACE = (
    Field("name", "str", True, "the name the edition uses", example='"Tiflis"'),
    Field("names", "strs", False, "historical names and variants (Tiflis, Petrograd...)", default="[]", example="[Tbilisi, Тифлис]"),
    Field("modern", "str", False, "the modern name, if different", example='"Tbilisi"'),
)

SERIES = (
    Field("id", "str", True, "series id used in anchors: {n:ID:key}", example="editor"),
    Field("name", "str", False, "name of the series as printed", default="the id, capitalized", example='"Editor\'s notes"'),
    Field("numbering", "str", False, "how notes are numbered", ("arabic", "roman", "symbols", "line"), default="arabic", example="symbols"),
    Field("layout", "str", False, "how notes are set at the foot", ("normal", "paragraph", "twocol"), default="normal", example="paragraph"),
    Field("placement", "str", False, "page foot or end of each document", ("foot", "end-of-document"), default="foot", example="end-of-document"),
)

APPARATUS_KINDS = ("corr", "reg", "del", "add", "sic", "unclear", "gap", "sup", "whitespace")

PART = (
    Field("id", "str", True, "part id", example="letters"),
    Field("title", "str", True, "title of the part as printed", example='"Letters"'),
    Field("headnote", "blocks", False, "introduction to the part", example="|\n  Paragraphs"),
    Field("documents", "ids", False, "document ids, in the order they are printed; "
          "without it, the documents in the folder sources/ID/, by date",
                default="every document in sources/ID/, by date", example="[1926-06-02-stalin-molotov]"),
)

# The transliteration schemes of the iuliia library (ala_lc_alt: Library of Congress without diacritics).
TRANSLITERATION_SCHEMES = (
    "ala_lc_alt", "ala_lc", "bgn_pcgn", "bgn_pcgn_alt", "bs_2979", "bs_2979_alt", "gost_16876", "gost_16876_alt", "gost_52290",
    "gost_52535", "gost_7034", "gost_779", "gost_779_alt", "icao_doc_9303", "iso_9_1954", "iso_9_1968", "iso_9_1968_alt",
    "mosmetro", "mvd_310", "mvd_310_fr", "mvd_782", "scientific", "telegram", "ungegn_1987", "wikipedia", "yandex_maps",
    "yandex_money",
)
DEFAULT_BIBLIOGRAPHY = "bibliography/works.bib"  # read when edition.yaml names no .bib file; may be absent

WORKS_CITED_GROUP = (
    Field("title", "str", True, "the group's heading", example='"Published sources"'),
    Field("keyword", "str", False, "the keyword (in the .bib entries' keywords) of the works it holds; none: all the rest",
          example="primary"),
)

CONFIG = (
    Field("title", "str", True, "title of the reader", example='"Letters from the Summer of 1926"'),
    Field("subtitle", "str", False, "subtitle", example='"A Seminar Reader"'),
    Field("editor", "str", False, "editor(s), as printed on the title page; without it the title page says 'Edited by' and the names of editors",
          example='"Edited by A. Historian"'),
    Field("editors", "strs", False, "who edited the reader, each by name as cited: 'Cite as' names them after 'ed.', "
          "the title page after 'Edited by' (unless editor says otherwise), reader.bib as its editors; "
          "a body rather than a person in braces, as BibTeX writes it: '{Seminar in Soviet History}'",
          default="[]", example='["A. Historian", "B. Scholar"]'),
    Field("institution", "str", False, "institution", example='"University of Somewhere"'),
    Field("course", "str", False, "course the reader is made for", example='"Seminar in Soviet History"'),
    Field("year", "str", False, "year of the reader", example='"2026"'),
    Field("licence", "str", False, "licence of the edition", example='"CC BY 4.0"'),
    Field("keywords", "strs", False, "keywords for the PDF's metadata", default="[]", example="[Stalin, letters]"),
    Field("web_address", "str", False, "where the HTML edition is published (https://...): 'Cite this' gives it", example='"https://example.edu/reader/"'),
    Field("paper", "str", False, "paper size", ("a4", "letter", "a5"), default="a4", example="letter"),
    Field("font_size", "str", False, "base font size", ("10pt", "11pt", "12pt"), default="11pt", example="12pt"),
    Field("two_sided", "bool", False, "set for printing on both sides", default="false", example="true"),
    Field("binding_offset", "str", False, "extra inner margin for binding, e.g. 5mm", default="0mm", example="5mm"),
    Field("bibliography", "strs", False, ".bib files, relative to the project",
          default="bibliography/works.bib, if it exists", example="[bibliography/works.bib, bibliography/sources.bib]"),
    Field("archive_style", "str", False, "how archival citations print", ("modern", "as-cited"), default="modern", example="as-cited"),
    Field("transliteration", "str", False, "the reader's transliteration of Russian names (a scheme of the iuliia library)",
          TRANSLITERATION_SCHEMES, default="ala_lc_alt", example="bgn_pcgn"),
    Field("citation_style", "map", False, "choices of the bibliography style (see bibstyle.StyleConfig)",
          default="{}", example="{style: gost, ibid: true}"),
    Field("series", "list", False, "note series, in the order their blocks print (see SERIES)",
          default="the four series author, translator, editor, textual", example='[{id: editor, name: "Editor\'s notes"}]'),
    Field("works_cited_groups", "list", False, "groups of the works cited: each {title, keyword} (keyword of the .bib entries; none: the rest)",
          default="[]", example="[{title: Sources, keyword: primary}, {title: Literature}]"),
    Field("note_on_texts", "str", False, "Markdown file printed as the note on the texts (editorial principles)", example="docs/note-on-texts.md"),
    Field("index_places", "bool", False, "print an index of places after the index of names", default="false", example="true"),
    Field("persons_register", "bool", False, "print 'Persons mentioned', the identifications of everyone in the index",
          default="true", example="false"),
    Field("note_numbering", "str", False, "notes restart with each document, or run through the volume", ("document", "volume"),
          default="document", example="volume"),
    Field("apparatus", "map", False,
          "which interventions make their own textual note: corr, reg, del, add, sic, unclear, gap, sup; whitespace: space-only corrections",
          default="{corr: true, reg: true, del: true, add: true, sic: false, unclear: false, gap: false, sup: false, whitespace: false}",
          example="{sic: true}"),
    Field("originals", "map", False, "how the documents that hold their original print (see ORIGINALS)",
          default="{print: facing}", example="{print: columns}"),
    Field("abbreviations", "map", False,
          "the reader's own abbreviations and their expansions; the list of abbreviations prints those its editorial matter "
          "uses, with the standard ones (f., op., d., l., p., vol., ed. ...) it uses",
          default="{}", example='{CC: "Central Committee", "U.S. Ed.": "the editors of the American edition"}'),
    Field("parts", "list", True, "parts of the reader, in order (see PART)", example="[{id: letters, title: Letters}]"),
    Field("exclude", "strs", False, "ids of documents in sources/ deliberately left out of the reader", default="[]",
          example="[1926-draft-unsent]"),
)

BOOL_WORDS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}  # YAML 1.1's words for a flag


def as_bool(node: YNode) -> bool | None:
    return BOOL_WORDS.get(str(node.value).lower()) if isinstance(node.value, str) else None


def check_map(node: YNode, fields: tuple[Field, ...], what: str, strict: bool = False,
              at: Pos | None = None) -> list[Diagnostic]:
    """Missing, unknown and mistyped keys of a mapping, all of them. An unknown key is a warning,
    or an error when ``strict`` (edition.yaml: a setting misspelt is a setting lost). A key that
    is a slip for a required key missing is an error, and the missing key is not said again.
    ``at`` is where the mapping is named (a register entry's id), for what it lacks."""
    if not node.is_map:
        return [error(at or node.pos, f"{what} must be a mapping of keys to values", "write each key on a line of its own: 'name: ...'")]
    diags: list[Diagnostic] = []
    known = {f.name: f for f in fields}
    missing = {f.name for f in fields if f.required and _empty(node.get(f.name))}
    slips: set[str] = set()
    for key, value in node.items():
        f = known.get(key)
        if f is None:
            meant = closest(key, known)
            slip = meant in missing
            slips.update([meant] if slip else [])
            hint = did_you_mean(key, known) or "known keys: " + ", ".join(known)
            make = error if strict or slip else warning
            diags.append(make(node.key_pos[key], f"unknown key '{key}' in {what}" + ("" if make is error else " (ignored)"), hint))
            continue
        diags.extend(_check_type(value, f, what))
    for name in sorted(missing - slips, key=list(known).index):
        given = node.get(name)
        where = node.key_pos[name] if given is not None else (at or node.pos)  # given empty: at its key
        diags.append(error(where, f"{what} lacks the required key '{name}'", known[name].doc))
    return diags


def _empty(given: YNode | None) -> bool:
    return given is None or given.value is None or given.value == ""


def _bare(word: str) -> str:
    """A choice without its case, spaces, hyphens and underscores: how a value written otherwise is recognised."""
    return re.sub(r"[\s_-]+", "", word).casefold()


def _check_type(value: YNode, f: Field, what: str) -> list[Diagnostic]:
    where = f"'{f.name}' in {what}"
    if value.value is None:
        return [] if not f.required else [error(value.pos, f"{where} is empty", f.doc)]
    if f.type in ("str", "text", "blocks") and not value.is_scalar:
        return [error(value.pos, f"{where} must be a single value, not a list or mapping", f.doc)]
    if f.type == "bool" and as_bool(value) is None:
        return [error(value.pos, f"{where} must be true or false", f"write true or false, not '{value.value}'")]
    if f.type in ("ids", "strs"):
        items = value.value if isinstance(value.value, list) else [value]
        return [error(i.pos, f"{where} must be a list of plain values") for i in items if not i.is_scalar]
    if f.type == "map" and not value.is_map:
        return [error(value.pos, f"{where} must be a mapping", f.doc)]
    if f.type == "list" and not value.is_seq:
        return [error(value.pos, f"{where} must be a list", f.doc)]
    if f.choices and value.is_scalar and value.value not in f.choices:
        written = str(value.value)
        same = next((c for c in f.choices if _bare(c) == _bare(written)), None)  # "ALA-LC", "A4", "12 PT", "As Cited"
        return [error(value.pos, f"{where} must be one of: {', '.join(f.choices)}",
                      f"did you mean '{same}'?" if same else did_you_mean(written, f.choices)
                      or f"write one of them exactly, in small letters: {f.doc}")]
    return []


def strings(node: YNode | None) -> list[str]:
    """A scalar or list of scalars as a list of strings."""
    if node is None or node.value is None:
        return []
    items = node.value if isinstance(node.value, list) else [node]
    return [str(i.value) for i in items if i.is_scalar and i.value is not None]


def string(node: YNode | None, default: str = "") -> str:
    return str(node.value) if node is not None and node.is_scalar and node.value is not None else default


_YEAR = re.compile(r"(?<!\d)(\d{3,4})(?!\d)")
_LIFE_DATE = re.compile(r"^(c\.\s*|ca\.\s*|after\s+|before\s+)?\d{3,4}(-\d\d(-\d\d)?)?\??$|^\?$", re.I)


def life_dates(entry: YNode, what: str) -> list[Diagnostic]:
    """A person's 'born' and 'died': each a year (1812, 1812-04-06, c. 1812, 1812?, ?; anything
    else a warning, since it prints as written), the death not before the birth (an error)."""
    diags: list[Diagnostic] = []
    years: dict[str, int] = {}
    for key in ("born", "died"):
        node = entry.get(key)
        if node is None or not node.is_scalar or node.value in (None, ""):
            continue
        text = str(node.value).strip()
        if not _LIFE_DATE.match(text):
            diags.append(warning(node.pos, f"'{key}' of {what} is not a year: '{text}' (printed as written)",
                                 "write the year (1812), a date (1812-04-06), 'c. 1812', '1812?' or '?'"))
        elif m := _YEAR.search(text):
            years[key] = int(m.group(1))
    if "born" in years and "died" in years and years["died"] < years["born"]:
        node = entry.get("died")
        assert node is not None
        diags.append(error(node.pos, f"{what} died ({years['died']}) before being born ({years['born']})",
                           "check the two years: one of them is mistyped"))
    return diags
