"""The bibliography layer: loading .bib files, the style's three forms, collation, exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pybtex.database.input.bibtex import Parser
from pybtex.richtext import Protected, Tag, Text

from edition.interchange.exports import write_exports
from edition.latex.bibtex import to_latex
from edition.registers.bib.bibtex import export_bibtex
from edition.registers.bib.csl import export_csl_json
from edition.registers.bib.decode import Decoder
from edition.registers.bib.reader import DocumentCitation, ReaderInfo, reader_entries
from edition.registers.bibliography import Bibliography, grouped, load_bibliography, sort_keys
from edition.registers.bibstyle import CitationTracker, HistorianStyle, StyleConfig, to_plain


def latex_to_text(latex: str) -> Text:
    return Decoder().decode(latex)[0]

REPO = Path(__file__).resolve().parent.parent
WORKS = REPO / "bibliography" / "works.bib"
REFERENCE = REPO.parent / "shared" / "reference" / "bib"


def load(tmp_path: Path, text: str, name: str = "test.bib") -> tuple[Bibliography, list]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_bibliography([path])


LENIN = r"""
@book{lenin35,
  author     = {Lenin, V. I.},
  title      = {Collected Works},
  volume     = {35},
  location   = {Moscow},
  publisher  = {Progress Publishers},
  year       = {1976},
}
"""


@pytest.fixture(scope="module")
def works() -> Bibliography:
    bib, diags = load_bibliography([WORKS])
    assert not [d for d in diags if d.is_error], [str(d) for d in diags]
    return bib


# --- the three forms ---------------------------------------------------------------


def test_full_short_and_bibliography_forms(tmp_path: Path) -> None:
    bib, diags = load(tmp_path, LENIN)
    assert diags == []
    style = HistorianStyle(bib)
    assert to_plain(style.full_note("lenin35", "232-236")) == (
        "V. I. Lenin, Collected Works, vol. 35 (Moscow: Progress Publishers, 1976), 232–236")
    assert to_plain(style.short_note("lenin35", "232--236")) == "Lenin, Collected Works, 232–236"
    assert to_plain(style.bibliography_entry("lenin35")) == (
        "Lenin, V. I. Collected Works. Vol. 35. Moscow: Progress Publishers, 1976.")
    assert to_latex(style.full_note("lenin35")) == (
        r"V. I. Lenin, \emph{Collected Works}, vol. 35 (Moscow: Progress Publishers, 1976)")


def test_the_tracker_gives_the_full_form_first_then_the_short_one(works: Bibliography) -> None:
    notes = CitationTracker(HistorianStyle(works))
    first, again = to_plain(notes.cite("trotsky1937", "12")), to_plain(notes.cite("trotsky1937", "13"))
    assert first == ("Leon Trotsky, The Stalin School of Falsification, trans. John G. Wright "
                     "(New York: Pioneer Publishers, 1937), 12")
    assert again == "Trotsky, Stalin School, 13"


def test_the_project_works(works: Bibliography) -> None:
    style = HistorianStyle(works)
    assert to_plain(style.full_note("kvashonkin1996", "45")) == (
        "A. V. Kvashonkin et al., comps., Bolʹshevistskoe rukovodstvo: Perepiska, 1912–1927 "
        "(Moscow: ROSSPEN, 1996), 45")
    assert to_plain(style.bibliography_entry("kvashonkin1996")).startswith(
        "Kvashonkin, A. V., L. P. Kosheleva, L. A. Rogovaia, and O. V. Khlevniuk, comps. Bolʹshevistskoe")
    assert to_plain(style.short_note("lih1995", "7")) == "Lih, Naumov, and Khlevniuk, Stalin’s Letters, 7"
    # A volume inherits author, title, edition and imprint from the set by crossref.
    assert to_plain(style.full_note("lenin-pss-22", "208")) == (
        "V. I. Lenin, Polnoe sobranie sochinenii, 5th ed., vol. 22 (Moscow: Politizdat, 1958–1965), 208")
    assert to_plain(style.short_note("lenin-pss-22", "208")) == "Lenin, PSS, 208"


def test_chapters_and_articles(tmp_path: Path) -> None:
    bib, _ = load(tmp_path, r"""
@collection{book, editor = {Fitzpatrick, Sheila}, title = {Stalinism}, subtitle = {New Directions},
  location = {London}, publisher = {Routledge}, year = 2000}
@incollection{chap, author = {Kotkin, Stephen}, title = {Coercion and Identity}, pages = {120--150},
  crossref = {book}}
@article{art, author = {Lih, Lars T. and Naumov, Oleg V.}, title = {A {Bolshevik} Letter}, journal = {Kritika},
  volume = 3, number = 2, year = 2002, pages = {1--20}}
""")
    style = HistorianStyle(bib)
    assert to_plain(style.full_note("chap", "125")) == (
        "Stephen Kotkin, “Coercion and Identity,” in Stalinism: New Directions, ed. Sheila Fitzpatrick "
        "(London: Routledge, 2000), 125")
    assert to_plain(style.bibliography_entry("chap")) == (
        "Kotkin, Stephen. “Coercion and Identity.” In Stalinism: New Directions, edited by Sheila Fitzpatrick, "
        "120–150. London: Routledge, 2000.")
    assert to_plain(style.full_note("art", "5")) == (
        "Lars T. Lih and Oleg V. Naumov, “A Bolshevik Letter,” Kritika 3, no. 2 (2002): 5")
    assert to_plain(style.short_note("art", "5")) == "Lih and Naumov, “Bolshevik Letter,” 5"
    for written in ("p. 5", "pp. 5-7"):  # a locator written as for a book: no "p." after the colon
        assert to_plain(style.full_note("art", written)).endswith("(2002): " + written.split(" ", 1)[1].replace("-", "–"))
    assert to_plain(style.bibliography_entry("art")) == (
        "Lih, Lars T., and Oleg V. Naumov. “A Bolshevik Letter.” Kritika 3, no. 2 (2002): 1–20.")
    assert to_latex(style.short_note("chap")) == r"Kotkin, “Coercion and Identity”"


def test_a_range_of_years_in_a_title_takes_an_en_dash(tmp_path: Path) -> None:
    """Zotero writes "1878-1928" with a hyphen; a reference prints a range with an en dash. Other hyphens stay."""
    bib, _ = load(tmp_path, "@book{k, author = {Kotkin, Stephen}, title = {Stalin: {Paradoxes} of {Power}, 1878-1928},"
                            " subtitle = {The Years 1917-18 and {Self-Rule}}, isbn = {978-1-59420-379-4}, year = {2014}}\n")
    assert str(bib["k"].fields["title"]) == "Stalin: Paradoxes of Power, 1878–1928"
    assert str(bib["k"].fields["subtitle"]) == "The Years 1917–18 and Self-Rule"
    assert str(bib["k"].fields["isbn"]) == "978-1-59420-379-4"


def test_config_choices(tmp_path: Path) -> None:
    bib, _ = load(tmp_path, LENIN + r"""
@book{eng, author = {Carr, E. H.}, title = {the {Bolshevik} revolution of the {USSR}}, year = 1950,
  publisher = {Macmillan}, langid = {english}}
@book{rus, author = {Trotsky, Leon}, title = {Moia zhiznʹ}, year = 1930, publisher = {Granit}, langid = {russian}}
""")
    style = HistorianStyle(bib, {"page_prefix": True, "title_case": True, "note_name_order": "family-given"})
    assert to_plain(style.short_note("lenin35", "232-236")) == "Lenin, Collected Works, pp.\xa0232–236"
    assert to_latex(style.short_note("lenin35", "232")) == r"Lenin, \emph{Collected Works}, p.~232"
    assert to_plain(style.full_note("lenin35")).startswith("Lenin V. I., Collected Works")
    # Title case only where asked, only for English, never inside braces.
    assert "The Bolshevik Revolution of the USSR" in to_plain(style.full_note("eng"))
    assert "Moia zhiznʹ" in to_plain(style.full_note("rus"))
    assert "the Bolshevik revolution of the USSR" in to_plain(HistorianStyle(bib).full_note("eng"))
    assert StyleConfig.from_dict({"editor": "Hrsg."}).editor == "Hrsg."
    with pytest.raises(ValueError, match="page_prefix"):
        StyleConfig.from_dict({"page_prefx": True})


# --- LaTeX in, LaTeX out ----------------------------------------------------------


def test_field_values_are_decoded_to_unicode_keeping_protection() -> None:
    assert str(latex_to_text(r"G{\"o}ttingen -- Caf\'e \& Co.\ 50\%")) == "Göttingen – Café & Co. 50%"
    assert latex_to_text(r"The {USSR} and \emph{Pravda}") == Text("The ", Protected("USSR"), " and ", Tag("em", "Pravda"))
    assert str(latex_to_text(r"Bol{\cprime}shevik s\cdprime ezd")) == "Bolʹshevik sʺezd"
    assert str(latex_to_text(r"{\em Iskra} \textbackslash{} \{x\}")) == r"Iskra \ {x}"


def test_latex_output_escapes_specials_once(tmp_path: Path) -> None:
    bib, diags = load(tmp_path, r"""
@book{special,
  author    = {G{\"o}del, Kurt and Ёлкин, Пётр},
  title     = {Sets \& Classes: 100\% of {Dialectics} in 1917--1921},
  location  = {Wien},
  publisher = {Verlag \#1 {\&} Söhne},
  year      = {1931},
}
""")
    assert not diags
    rich = HistorianStyle(bib).full_note("special", "3--5")
    assert to_plain(rich) == ("Kurt Gödel and Пётр Ёлкин, Sets & Classes: 100% of Dialectics in 1917–1921 "
                              "(Wien: Verlag #1 & Söhne, 1931), 3–5")
    latex = to_latex(rich)
    assert latex == (r"Kurt Gödel and Пётр Ёлкин, \emph{Sets \& Classes: 100\% of Dialectics in 1917–1921} "
                     r"(Wien: Verlag \#1 \& Söhne, 1931), 3–5")
    assert r"\\" not in latex and "{\\\"" not in latex and "--" not in latex


# --- diagnostics ------------------------------------------------------------------


def test_incomplete_entry_formats_with_a_warning(tmp_path: Path) -> None:
    bib, diags = load(tmp_path, "@book{bare,\n  title = {Untitled Notes},\n}\n")
    assert [(d.severity.value, d.pos.line) for d in diags] == [("warning", 1)]
    assert "bare" in diags[0].message and "year" in diags[0].message and "author" in diags[0].message
    style = HistorianStyle(bib)
    assert to_plain(style.full_note("bare", "4")) == "Untitled Notes, 4"
    assert to_plain(style.short_note("bare")) == "Untitled Notes"
    assert to_plain(style.bibliography_entry("bare")) == "Untitled Notes."


def test_absent_quiets_the_check_for_its_own_entry_only(tmp_path: Path) -> None:
    """``absent = {year}``: the year is known to be missing; the entry beside it, and a child
    that crossrefs it, still get their warning; a name the check never asks for, or one the
    entry gives, is a warning of its own; nothing of it is printed."""
    text = ("@mvbook{cw, author = {Lenin, V. I.}, title = {Collected Works}, absent = {year}}\n"
            "@book{cw-21, crossref = {cw}, volume = {21}}\n"
            "@book{cw-22, crossref = {cw}, volume = {22}, absent = {year}}\n"
            "@book{other, author = {Bukharin, N. I.}, title = {The ABC of Communism}}\n"
            "@book{slip, author = {X}, title = {Y}, absent = {yaer}}\n"
            "@book{given, author = {X}, title = {Z}, year = {1920}, absent = {year}}\n")
    bib, diags = load(tmp_path, text)
    said = sorted((d.pos.line, d.message) for d in diags)
    assert [line for line, _ in said] == [2, 4, 5, 5, 6], said
    assert "cw-21: @book lacks year" in said[0][1] and "other: @book lacks year" in said[1][1]
    assert any("absent names 'yaer', which the check never asks for" in m for _, m in said)
    assert "did you mean 'year'" in next(d.hint for d in diags if "'yaer'" in d.message)
    assert "absent names 'year', which the entry gives" in said[4][1]
    assert "absent = {year}" in next(d.hint for d in diags if "other: @book lacks" in d.message)
    assert "absent" not in to_plain(HistorianStyle(bib).bibliography_entry("cw-22")).casefold()


def test_duplicate_key_and_syntax_error_have_places(tmp_path: Path) -> None:
    text = LENIN + "\n@book{lenin35,\n  title = {Again},\n}\n\n@book{broken,\n  author = {X}\n  title = {Y},\n}\n" \
        + "@book{after, title = {Still read}, year = 1920}\n"
    bib, diags = load(tmp_path, text, "dup.bib")
    errors = [d for d in diags if d.is_error]
    assert [str(d).split(": error")[0] for d in errors] == [f"{tmp_path / 'dup.bib'}:11:1", f"{tmp_path / 'dup.bib'}:17:3"]
    assert "duplicate key 'lenin35'" in errors[0].message and ":2" in errors[0].hint
    assert "a comma is missing before this field" in errors[1].message
    assert str(bib["lenin35"].fields["title"]) == "Collected Works"  # the first one stays
    assert "after" in bib  # one bad entry does not stop the rest


def test_keys_differing_only_in_case_are_an_error(tmp_path: Path) -> None:
    _, diags = load(tmp_path, LENIN + "\n@book{Lenin35, title = {Other}, year = 1}\n")
    assert [d.pos.line for d in diags if d.is_error] == [11]
    assert "only in case" in diags[0].message
    bib, _ = load(tmp_path, LENIN, "again.bib")
    assert "did you mean 'lenin35'" in bib.unknown_key("Lenin35", diags[0].pos).hint


def test_undefined_macro_is_an_error_with_a_place(tmp_path: Path) -> None:
    _, diags = load(tmp_path, "@string{progress = {Progress Publishers}}\n@book{a, title = {T},\n"
                              "  publisher = progres, year = 1976}\n")
    assert [(d.pos.line, d.message) for d in diags if d.is_error] == [(3, "undefined macro: progres")]
    assert "progress" in diags[0].hint


# --- collation and groups -----------------------------------------------------------


def test_sorting_collates_cyrillic_latin_particles_and_bodies(tmp_path: Path) -> None:
    entries = {
        "yakovlev": "Яковлев, А. Н.", "yolkin": "Ёлкин, Пётр", "eltsin": "Ельцин, Б. Н.", "abramov": "Абрамов, Ф.",
        "zinoviev": "Zinoviev, G. E.", "ilin": "Ilʹin, I. A.", "ilich": "Ilich, A.", "beethoven": "Ludwig van Beethoven",
        "gaulle": "de Gaulle, Charles", "iml": "{Institut Marksizma-Leninizma}", "carr": "Carr, E. H.",
    }
    bib, _ = load(tmp_path, "".join(f"@book{{{k}, author = {{{a}}}, title = {{T}}, year = 1}}\n"
                                    for k, a in entries.items()))
    assert sort_keys(bib, list(entries)) == [
        "beethoven", "carr", "gaulle", "ilich", "ilin", "iml", "zinoviev", "abramov", "yolkin", "eltsin", "yakovlev"]
    assert sort_keys(bib, ["gaulle", "carr"], use_prefix=True) == ["carr", "gaulle"]
    assert sort_keys(bib, ["eltsin", "nonesuch", "yolkin"]) == ["yolkin", "eltsin"]


def test_works_without_author_sort_by_title_then_years(tmp_path: Path) -> None:
    bib, _ = load(tmp_path, r"""
@book{b2, author = {Lenin, V. I.}, title = {State and Revolution}, year = 1932}
@book{b1, author = {Lenin, V. I.}, title = {State and Revolution}, year = 1918}
@book{t, title = {The Kronstadt Tragedy}, year = 1938}
@book{a, author = {Lenin, V. I. and Zinoviev, G. E.}, title = {Against the Stream}, year = 1918}
@book{c, author = {Lenin, V. I.}, title = {A Great Beginning}, year = 1919}
""")
    assert sort_keys(bib, ["a", "b2", "t", "c", "b1"]) == ["t", "c", "b1", "b2", "a"]


def test_groups_by_keywords(works: Bibliography, tmp_path: Path) -> None:
    bib, _ = load(tmp_path, LENIN.replace("year", "keywords = {primary},\n  year") + r"""
@book{carr, author = {Carr, E. H.}, title = {The Bolshevik Revolution}, keywords = {secondary, soviet}, year = 1950}
@book{odd, author = {Aaron, A.}, title = {Unsorted}, year = 1}
""")
    groups = {"Published sources": "primary", "Studies": "secondary"}
    assert grouped(bib, ["odd", "carr", "lenin35"], groups) == [
        ("Published sources", ["lenin35"]), ("Studies", ["carr"]), ("", ["odd"])]
    assert grouped(bib, ["odd", "carr", "lenin35"], [("Sources", "primary"), ("Other", None)]) == [
        ("Sources", ["lenin35"]), ("Other", ["odd", "carr"])]
    # By editor where there is no author: Institut (corporate), Kamenev, Kvashonkin.
    assert grouped(works, works.keys(), {"Sources": "primary"})[0][1][:3] == ["kpss-rez", "leninskii-sbornik-2",
                                                                             "kvashonkin1996"]


# --- exports -------------------------------------------------------------------------


# Fields the BibTeX export adds so that both BibTeX and biblatex read it.
EXPORT_ADDS = {"address", "journal", "school", "date", "year", "month", "sortyear", "sorttitle"}


def assert_round_trip(bib: Bibliography, again: Bibliography, keys) -> None:
    """Each work read back from the export holds what it held, inherited fields included."""
    for key in keys:
        if bib[key].type in ("set", "xdata"):  # a set lists its members; xdata is resolved into each
            continue
        before, after = bib.resolved(key), again[key]
        assert after.type in (before.type, "phdthesis", "mastersthesis", "techreport"), key
        lost = {k: v for k, v in before.fields.items() if k not in ("crossref", "xdata", "type", "month", "year", "date")
                and after.fields.get(k) != v}
        assert not lost, (key, lost)
        assert set(after.fields) - set(before.fields) <= EXPORT_ADDS | {"type"}, key
        assert after.names == before.names, key
        assert after.date == before.date or not before.date.start, key


def test_exported_bibtex_reparses_and_round_trips(works: Bibliography, tmp_path: Path) -> None:
    text = export_bibtex(works, ["lenin-pss-22", "kvashonkin1996", "lih1995"])
    data = Parser().parse_string(text)  # pybtex itself reads it
    assert list(data.entries) == ["lenin-pss-22", "kvashonkin1996", "lih1995"]  # each whole: no parent needed
    assert data.entries["lih1995"].fields["title"] == "Stalin’s Letters to Molotov, 1925–1936"
    assert data.entries["lenin-pss-22"].fields["maintitle"] == "Polnoe sobranie sochinenii"
    assert (data.entries["lenin-pss-22"].fields["date"], data.entries["lenin-pss-22"].fields["year"]) == (
        "1958/1965", "1958--1965")
    again, diags = load(tmp_path, text)
    assert not diags
    assert_round_trip(works, again, again.keys())


def test_round_trip_keeps_specials_protection_and_bodies(tmp_path: Path) -> None:
    bib, _ = load(tmp_path, r"""
@article{x, author = {{Institut Marksizma-Leninizma} and Vázques de Parga, Luis and van Beethoven, Ludwig},
  title = {50\% \& {USSR} \emph{Pravda} a--b $\backslash$ \$~x}, journal = {J}, pages = {3--9},
  url = {https://example.org/a_b%20c}, year = 1990}
""")
    again, _ = load(tmp_path, export_bibtex(bib, ["x"]), "again.bib")
    assert_round_trip(bib, again, ["x"])
    assert again["x"].names["author"][0].corporate and not again["x"].names["author"][1].corporate
    assert str(again["x"].fields["pages"]) == "3–9"


def test_csl_json_shape(works: Bibliography) -> None:
    items = export_csl_json(works, ["lenin-cw-35", "kvashonkin1996", "lih1995", "lenin-pss-22", "missing"])
    assert [i["id"] for i in items] == ["lenin-cw-35", "kvashonkin1996", "lih1995", "lenin-pss-22"]
    cw = items[0]
    assert cw["type"] == "book" and cw["title"] == "Collected Works"
    assert cw["author"] == [{"family": "Lenin", "given": "V. I."}]
    assert cw["translator"] == [{"family": "Rothstein", "given": "Andrew"}]
    assert cw["issued"] == {"date-parts": [[1976]]}
    assert (cw["publisher"], cw["publisher-place"], cw["volume"], cw["language"]) == (
        "Progress Publishers", "Moscow", "35", "en")
    assert items[1]["compiler"][0] == {"family": "Kvashonkin", "given": "A. V."} and "editor" not in items[1]
    assert items[1]["title"] == "Bolʹshevistskoe rukovodstvo: Perepiska, 1912–1927"
    assert items[2]["collection-title"] == "Annals of Communism" and len(items[2]["editor"]) == 3
    assert items[3]["issued"] == {"date-parts": [[1958], [1965]]} and items[3]["edition"] == "5"
    json.dumps(items)


def test_reader_entries(tmp_path: Path) -> None:
    reader = ReaderInfo(key="reader", title="Bolshevik Correspondence", subtitle="A Reader", year="2025",
                        editor=["Doe, Jane"], publisher="Seminar Press", location="Berlin")
    docs = [DocumentCitation("doc1", "Letter to L. B. Kamenev", 3, 5, authors=["Stalin, I. V."],
                             recipients=["Kamenev, L. B."], date="12 December 1912"),
            DocumentCitation("doc2", "Telegram", 7, 7, authors=["V. I. Lenin"])]
    bibtex, csl = reader_entries(reader, docs)
    data = Parser().parse_string(bibtex)
    assert [(k, e.type) for k, e in data.entries.items()] == [
        ("doc1", "incollection"), ("doc2", "incollection"), ("reader", "book")]
    assert data.entries["doc1"].fields["pages"] == "3--5" and data.entries["doc2"].fields["pages"] == "7"
    assert data.entries["doc1"].fields["booktitle"] == "Bolshevik Correspondence"  # each entry whole
    assert data.entries["doc1"].fields["note"] == "To L. B. Kamenev, 12 December 1912"
    assert str(data.entries["reader"].persons["editor"][0]) == "Doe, Jane"
    doc1 = csl[0]
    assert (doc1["type"], doc1["page"]) == ("chapter", "3-5")
    assert doc1["container-title"] == "Bolshevik Correspondence: A Reader"
    assert doc1["recipient"] == [{"family": "Kamenev", "given": "L. B."}]
    assert doc1["editor"] == [{"family": "Doe", "given": "Jane"}]
    assert csl[2]["type"] == "book" and csl[2]["issued"] == {"date-parts": [[2025]]}
    # The reader's own entries go through the style like any others.
    path = tmp_path / "reader.bib"
    path.write_text(bibtex, encoding="utf-8")
    bib, _ = load_bibliography([path])
    assert to_plain(HistorianStyle(bib).full_note("doc1", "4")) == (
        "I. V. Stalin, “Letter to L. B. Kamenev,” in Bolshevik Correspondence: A Reader, ed. Jane Doe "
        "(Berlin: Seminar Press, 2025), To L. B. Kamenev, 12 December 1912, 4")


def test_write_exports(works: Bibliography, tmp_path: Path) -> None:
    bib_path, json_path = write_exports(works, ["trotsky1930"], tmp_path / "out")
    assert "@book{trotsky1930" in bib_path.read_text(encoding="utf-8")
    assert json.loads(json_path.read_text(encoding="utf-8"))[0]["title"] == "Moia zhiznʹ: Opyt avtobiografii"


# --- real-world files -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["01_biblatex-gost-examples_subset.bib", "02_biblatex-examples_subset.bib"])
def test_reference_files_load_and_every_entry_formats(name: str, tmp_path: Path) -> None:
    path = REFERENCE / name
    if not path.exists():
        pytest.skip(f"{path} is not there")
    bib, diags = load_bibliography([path])
    assert len(bib) > 50
    assert all(d.pos.path == str(path) and d.pos.line > 0 for d in diags)
    if name.startswith("01"):  # its known defects: fields given twice
        duplicated = [d for d in diags if "duplicate" in d.message]
        assert {(d.message.split()[3], d.pos.line) for d in duplicated} == {("durkheim:s", 190), ("kristeva:su", 271)}
    style = HistorianStyle(bib)
    for key in bib.keys():
        for rich in (style.full_note(key, "12--14"), style.short_note(key, "12"), style.bibliography_entry(key)):
            assert to_plain(rich).strip(), key
            to_latex(rich)
    again, _ = load(tmp_path, export_bibtex(bib, bib.keys()))
    assert_round_trip(bib, again, bib.keys())


def _walked(decoder: Decoder, latex: str) -> tuple[Text, list[object]]:
    """The value decoded by walking it, as every value was before plain ones took the short way."""
    problems: list[object] = []
    return Text(*decoder._nodes(decoder._walk(latex), problems, 0, sortable=False)), problems  # type: ignore[arg-type]


def _bib_values() -> list[str]:
    """Every field value and name part of every .bib file the tests and the reader have."""
    repo = Path(__file__).resolve().parent.parent
    values: list[str] = []
    for path in sorted([*repo.glob("tests/**/*.bib"), *repo.glob("bibliography/*.bib"), *(repo.parent / "shared").glob("**/*.bib")]):
        try:
            data = Parser().parse_string(path.read_text(encoding="utf-8"))
        except Exception:  # the deliberately broken files
            continue
        for entry in data.entries.values():
            values += list(entry.fields.values())
            values += [n for people in entry.persons.values() for p in people for n in p.first_names + p.middle_names + p.last_names]
    return values


def test_plain_values_decode_as_the_walk_decodes_them() -> None:
    """A value with no macro, group, math or special is given back without the walk: over every value of
    every .bib here, and over strings of the characters that matter, the result is the walk's. Control: a
    value with a special the short way would get wrong is still walked."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    decoder = Decoder()
    values = _bib_values()
    assert len(values) > 300  # the repository's own .bib files alone give about 350
    for value in values:
        assert decoder.decode(value) == _walked(decoder, value), value

    @settings(max_examples=400, deadline=None)
    @given(st.text(alphabet="ab -'`!?\"\n\t\\{}$%&~.,’«»–", max_size=12))
    def same(value: str) -> None:
        assert Decoder().decode(value) == _walked(Decoder(), value), repr(value)

    same()
    assert str(decoder.decode("1878--1928")[0]) == "1878–1928"
    assert str(decoder.decode("``Kolokol''")[0]) == "“Kolokol”"
