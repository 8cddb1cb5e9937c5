"""Mistakes in edition.yaml, the registers (persons, places, archives) and the .bib files:
each a change a historian could make by accident in tests/broken/reader/, with the place and
the words of the error it gets. The positions are found in the text as the case writes it."""

from __future__ import annotations

from pathlib import Path

from broken_case import Case, change, remove, write

READER = Path(__file__).resolve().parent / "reader"
Y = "edition.yaml"
P = "sources/persons.yaml"
PL = "sources/places.yaml"
A = "sources/archives.yaml"
W = "bibliography/works.bib"


def where(path: str, old: str, new: str, needle: str, nth: int = 1) -> str:
    """``path:line:column`` of the ``nth`` ``needle`` in the file once ``old`` is replaced by ``new``."""
    text = (READER / path).read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    text = text.replace(old, new)
    at = -1
    for _ in range(nth):
        at = text.index(needle, at + 1)
    line = text.count("\n", 0, at) + 1
    return f"{path}:{line}:{at - (text.rfind(chr(10), 0, at) + 1) + 1}"


def case(id: str, path: str, old: str, new: str, needle: str, says: str, code: int = 1, severity: str = "error",
         nth: int = 1) -> Case:
    """``old`` replaced by ``new`` in ``path``; the error at the ``nth`` ``needle`` of the result."""
    return Case(id, (change(path, old, new),), where(path, old, new, needle, nth), says, code, severity)


SERIES_A = '  - {id: author, name: "Author\'s notes", numbering: arabic}\n'
SERIES_E = '  - {id: editor, name: "Editor\'s notes", numbering: arabic}\n'
KOLOKOL = '  - id: kolokol\n    title: "The Bell"\n'

CONFIG = [
    case("config-key-misspelt", Y, "subtitle:", "subtile:", "subtile", r"unknown key 'subtile'.*"),
    case("config-key-unknown", Y, 'year: "2026"\n', 'year: "2026"\nprinter: "Lulu"\n', "printer", r"unknown key 'printer'"),
    case("config-title-quote-unclosed", Y, 'title: "Herzen and the Free Russian Press"', 'title: "Herzen and the Free Russian Press',
         '"', r"quotation mark opened on line 2, column 8 is never closed"),
    case("config-title-missing", Y, 'title: "Herzen and the Free Russian Press"\n', "", "subtitle", r"required key 'title'"),
    case("config-key-misspelt-required", Y, 'title: "Herzen', 'titel: "Herzen', "titel", r"unknown key 'titel'"),
    case("config-missing-colon", Y, 'year: "2026"', 'year "2026"', 'year', r"':'|colon"),
    case("config-tab-indent", Y, KOLOKOL, '\t- id: kolokol\n    title: "The Bell"\n', "\t", r"tab"),
    case("config-series-list-unclosed", Y, "numbering: line, layout: paragraph}", "numbering: line, layout: paragraph",
         "{id: textual", r"opened on line 10, column 5 is never closed"),
    case("config-bib-misspelt", Y, "[bibliography/works.bib]", "[bibliography/work.bib]", "bibliography/work.bib", r"does not exist"),
    case("config-bib-windows-path", Y, "[bibliography/works.bib]", "['bibliography\\works.bib']", "'bib", r"does not exist"),
    case("config-bib-absolute", Y, "[bibliography/works.bib]", "[/home/historian/works.bib]", "/home", r"outside the project"),
    case("config-bib-dotdot", Y, "[bibliography/works.bib]", "[../works.bib]", "../", r"outside the project"),
    case("config-bib-scalar", Y, "[bibliography/works.bib]", "bibliography/wroks.bib", "bibliography/wroks", r"does not exist"),
    case("config-bib-second", Y, "[bibliography/works.bib]", "[bibliography/works.bib, bibliography/more.bib]", "bibliography/more",
         r"does not exist"),
    case("config-note-missing", Y, 'year: "2026"\n', 'year: "2026"\nnote_on_texts: docs/note.md\n', "docs/", r"does not exist"),
    case("config-series-twice", Y, SERIES_E, SERIES_E.replace("editor", "author", 1), "{id: author", r"configured twice", nth=2),
    case("config-series-numbering", Y, SERIES_A, SERIES_A.replace("arabic", "arabik"), "arabik", r"must be one of"),
    case("config-series-key-misspelt", Y, SERIES_A, SERIES_A.replace("name:", "nmae:"), "nmae", r"unknown key 'nmae'"),
    case("config-part-indented-3", Y, "  - id: kolokol", "   - id: kolokol", "- id: kolokol",
         r"^this line is indented by 3 spaces, the lines above by 2 \(line 12\)$"),
    case("config-part-indented-4", Y, "  - id: kolokol", "    - id: kolokol", "- id: kolokol",
         r"^this line is indented by 4 spaces, the lines above by 2 \(line 12\)$"),
    case("config-document-indented-7", Y, "      - 1862-bakunin-herzen", "       - 1862-bakunin-herzen", "- 1862-bakunin",
         r"^this line is indented by 7 spaces, the lines above by 6 \(line 17\): YAML reads it as more words of the item above$"),
    case("config-part-under-a-headnote", Y,
         '    headnote: |\n      Letters written in London between the friends of the Free Russian Press.\n    documents:\n'
         '      - 1857-07-01-herzen-ogarev\n      - 1862-bakunin-herzen\n  - id: kolokol\n    title: "The Bell"\n',
         '    documents:\n      - 1857-07-01-herzen-ogarev\n      - 1862-bakunin-herzen\n    headnote: |\n'
         '      Letters written in London between the friends of the Free Russian Press.\n      - id: kolokol\n        title: "The Bell"\n',
         "- id: kolokol", r"^this line of the part's headnote reads as the key 'id' \('- id: kolokol'\), but it is indented as text",
         severity="warning"),
    case("config-part-id-twice", Y, "  - id: kolokol", "  - id: exile", "id: exile", r"part.*'exile'.*(twice|already)", nth=2),
    case("config-part-title-missing", Y, KOLOKOL, "  - id: kolokol\n", "id: kolokol", r"required key 'title'"),
    case("config-part-title-misspelt", Y, KOLOKOL, '  - id: kolokol\n    titel: "The Bell"\n', "titel", r"unknown key 'titel'"),
    case("config-paper-capital", Y, 'year: "2026"\n', 'year: "2026"\npaper: A4\n', "A4", r"must be one of"),
    case("config-two-sided-word", Y, 'year: "2026"\n', 'year: "2026"\ntwo_sided: sometimes\n', "sometimes", r"true or false"),
    case("config-binding-offset", Y, 'year: "2026"\n', 'year: "2026"\nbinding_offset: 5 mm\n', "5 mm", r"not a length"),
    case("config-style-option-misspelt", Y, 'year: "2026"\n', 'year: "2026"\ncitation_style: {style: chicago, ibidem: true}\n',
         "ibidem", r"unknown citation_style option 'ibidem'"),
    case("config-style-unknown", Y, 'year: "2026"\n', 'year: "2026"\ncitation_style: {style: mla}\n', "mla", r"unknown bibliography style"),
    case("config-style-not-a-flag", Y, 'year: "2026"\n', 'year: "2026"\ncitation_style: {ibid: sometimes}\n', "sometimes",
         r"'ibid' must be true or false"),
    case("config-apparatus-misspelt", Y, 'year: "2026"\n', 'year: "2026"\napparatus: {dell: false}\n', "dell", r"unknown intervention 'dell'"),
]

PERSONS = [
    case("person-name-quote-unclosed", P, 'name: "Ogarev, N. P."', 'name: "Ogarev, N. P.', '"Ogarev',
         r"quotation mark opened on line 8, column 9 is never closed"),
    case("person-id-reused", P, "bakunin:\n", "herzen:\n", "herzen", r"^the person id 'herzen' is given twice: first on line 1$", nth=2),
    Case("person-id-in-two-files", (write("sources/persons/emigres.yaml", 'herzen:\n  name: "Herzen, A. I."\n'),),
         "sources/persons/emigres.yaml:1:1", r"^the person id 'herzen' is given twice: first in sources/persons\.yaml, line 1$"),
    case("person-name-missing", P, '  name: "Bakunin, M. A."\n', "", "bakunin", r"required key 'name'"),
    case("person-name-empty", P, '  name: "Bakunin, M. A."', '  name: ""', 'name: ""', r"required key 'name'|name.*empty"),
    case("person-name-misspelt", P, '  name: "Bakunin, M. A."', '  nmae: "Bakunin, M. A."', "nmae", r"unknown key 'nmae'"),
    case("person-born-list", P, 'born: "1814"', "born: [1814]", "[1814]", r"'born'.*single value"),
    case("person-born-not-a-year", P, 'born: "1812"', 'born: "18l2"', '"18l2"', r"'born'.*year", 0, "warning"),
    case("person-died-before-born", P, 'died: "1870"', 'died: "1807"', '"1807"', r"died.*before.*born|before"),
    case("person-indented-3", P, '  born: "1812"', '   born: "1812"', "born", r"indented"),
    case("person-tab", P, '  died: "1870"', '\tdied: "1870"', "\t", r"tab"),
    case("person-aliases-unclosed", P, "aliases: [Ogarëv]", "aliases: [Ogarëv", "[Ogar", r"'\[' opened on line 12, column 12 is never closed"),
    case("person-identification-misspelt", P, "  identification: \"poet", "  identifcation: \"poet", "identifcation",
         r"unknown key 'identifcation'", 0, "warning"),
]

PLACES = [
    case("place-name-missing", PL, '  name: "Geneva"\n', "", "geneva", r"required key 'name'"),
    case("place-id-reused", PL, "geneva:\n", "london:\n", "london", r"^the place id 'london' is given twice: first on line 1$", nth=2),
    case("place-names-unclosed", PL, "names: [Лондон]", "names: [Лондон", "[", r"opened on line 3, column 10 is never closed"),
    case("place-entry-not-a-map", PL, 'geneva:\n  name: "Geneva"\n  names: [Женева]\n', 'geneva: "Geneva"\n', '"Geneva',
         r"must be a mapping"),
    case("place-name-list", PL, 'name: "London"', "name: [London, Londres]", "[London", r"'name'.*single value"),
]

ARCHIVES = [
    case("archive-city-missing", A, "  city: Moscow\n", "", "rgali", r"needs a 'city'"),
    case("archive-from-not-a-year", A, "from: 1992", 'from: "c. 1992"', '"c. 1992"', r"'from'.*year"),
    case("archive-expansion-misspelt", A, "      expansion:", "      expanison:", "expanison", r"unknown key 'expanison'"),
    case("archive-abbr-missing", A, "    - abbr: RGALI\n      expansion:", "    - expansion:", "expansion", r"non-empty 'abbr'"),
    case("archive-ends-before-it-begins", A, "from: 1992\n", "from: 1992\n      to: 1980\n", "1980", r"ends \(1980\) before it begins"),
    case("archive-expansion-quote-unclosed", A, "expansion: Russian", 'expansion: "Russian', '"', r"quotation mark opened"),
    case("archive-old-name-without-to", A, "  names:\n", "  names:\n    - abbr: TsGALI\n      expansion: Central State Archive of Literature"
         " and Art\n      from: 1941\n", "abbr: TsGALI", r"^repository 'rgali' has more than one name without an end year: 'TsGALI' and 'RGALI'$"),
    case("archive-names-overlap", A, "  names:\n", "  names:\n    - abbr: TsGALI\n      expansion: Central State Archive of Literature"
         " and Art\n      from: 1941\n      to: 1995\n", "1992", r"^the periods of 'TsGALI' and 'RGALI' \(rgali\) overlap$"),
    case("archive-id-twice", A, "      from: 1992\n", "      from: 1992\nrgali:\n  city: Moscow\n", "rgali",
         r"^the archive id 'rgali' is given twice: first on line 1$", nth=2),
    case("archive-names-not-a-list", A, "  names:\n    - abbr: RGALI\n      expansion: Russian State Archive of Literature and Art\n      from: 1992\n",
         "  names: RGALI\n", "RGALI", r"list of 'names'"),
]

BIB = [
    case("bib-brace-unclosed", W, "{Roots of Revolution}", "{Roots of {Revolution}", "{Roots", r"brace opened on line 12, column 11 is never closed"),
    case("bib-comma-missing", W, "{Roots of Revolution},", "{Roots of Revolution}", "publisher = {Weid", r"comma is missing"),
    case("bib-entry-not-closed", W, "  year = {1962},\n}\n", "  year = {1962},\n", "@book{venturi", r"not closed before this '@'"),
    case("bib-string-unbraced", W, "{Moscow}", "Moscow", "Moscow", r"undefined macro"),
    case("bib-key-twice", W, "@book{venturi1960,", "@book{herzen-ss-26,", "@book{herzen-ss-26", r"duplicate key", nth=2),
    case("bib-two-names-with-commas", W, "{Herzen, A. I.}", "{Herzen, A. I., Ogarev, N. P.}", "author", r"more than two commas"),
    case("bib-value-in-single-quotes", W, "year = {1960}", "year = '1960'", "'1960'", r"braces"),
    case("bib-key-with-brace", W, "@book{venturi1960,", "@book{venturi}1960,", "}1960", r"ends right after its key"),
    Case("bib-file-missing", (remove(W),), "edition.yaml:6:16", r"does not exist"),
]

CASES = CONFIG + PERSONS + PLACES + ARCHIVES + BIB
