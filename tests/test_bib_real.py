"""The bibliography on real .bib files: BibTeX's own xampl.bib and the biblatex and GOST
example files in ../shared/reference/bib/. Each test is named after a defect it holds."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from edition.registers.bib.bibtex import export_bibtex
from edition.registers.bib.collate import sort_keys
from edition.registers.bib.csl import export_csl_json
from edition.registers.bibliography import Bibliography, load_bibliography
from edition.registers.bibstyle import make_style

REPO = Path(__file__).resolve().parent.parent
REFERENCE = REPO.parent / "shared" / "reference" / "bib"
GOST_FILE = REFERENCE / "01_biblatex-gost-examples_subset.bib"
BIBLATEX_FILE = REFERENCE / "02_biblatex-examples_subset.bib"


def xampl_path() -> Path:
    found = shutil.which("kpsewhich") and subprocess.run(["kpsewhich", "xampl.bib"], capture_output=True, text=True,
                                                          check=False).stdout.strip()
    path = Path(found) if found else Path("/usr/share/texlive/texmf-dist/bibtex/bib/base/xampl.bib")
    if not path.exists():
        pytest.skip("xampl.bib (texlive-base) is not installed")
    return path


def real(path: Path) -> Bibliography:
    if not path.exists():
        pytest.skip(f"{path} is not there")
    return load_bibliography([path])[0]


@pytest.fixture(scope="module")
def xampl() -> Bibliography:
    return real(xampl_path())


@pytest.fixture(scope="module")
def gost() -> Bibliography:
    return real(GOST_FILE)


@pytest.fixture(scope="module")
def biblatex() -> Bibliography:
    return real(BIBLATEX_FILE)


def chicago(bib: Bibliography, key: str, form: str = "list", locator: str = "") -> str:
    return str(make_style(bib).cite(key, locator, form))


def gost_form(bib: Bibliography, key: str, form: str = "list", locator: str = "") -> str:
    return str(make_style(bib, {"style": "gost"}).cite(key, locator, form))


def test_crossref_is_resolved_ignoring_case(xampl: Bibliography) -> None:
    """article-crossref names WHOLE-JOURNAL; the entry is whole-journal: it lost its journal."""
    assert xampl["article-crossref"].text("crossref") == "WHOLE-JOURNAL"
    assert chicago(xampl, "article-crossref") == (
        "Aamport, L[eslie] A. “The Gnats and Gnus Document Preparation System.” G-Animal's Journal 41, no. 7 "
        "(July 1986): 73+. This is a cross-referencing ARTICLE entry.")


def test_an_article_takes_its_journal_from_a_periodical(gost: Bibliography) -> None:
    """@article crossref'd to a @periodical lost journal, year, number and pages."""
    work = gost.resolved("deleuze:4top")
    assert (work.text("journaltitle"), work.year, work.text("number"), work.text("pages")) == ("Логос", "2010", "3 (76)", "5–11")
    assert gost_form(gost, "deleuze:4top") == (
        "Делёз Ж. Четыре тезиса о психоанализе / пер. с фр. Т. Зарубиной // Логос. 2010. № 3 (76). С.\xa05–11.")


def test_noopsort_sorts_and_never_prints(xampl: Bibliography) -> None:
    """{\\noopsort{1973b}}1973 printed "1973b1973" and became year 9019 in CSL-JSON."""
    assert xampl["inbook-full"].year == "1973" and xampl["inbook-full"].sort_text("year") == "1973b1973"
    assert "1973b" not in chicago(xampl, "inbook-full") + gost_form(xampl, "inbook-full")
    assert export_csl_json(xampl, ["inbook-full"])[0]["issued"] == {"date-parts": [[1973, 1, 10]]}
    assert xampl["whole-set"].year == "1968–1990"  # \switchargs{--90}{1968}, as the preamble defines it
    assert "year = {1973}" in export_bibtex(xampl, ["inbook-full"])  # biblatex takes no sort prefix in a year


def test_month_and_day_are_printed_and_exported(xampl: Bibliography, gost: Bibliography) -> None:
    """month was never printed or exported; a biblatex date of a day became a year."""
    assert "Reading, Massachusetts: Addison-Wesley, January 10, 1973" in chicago(xampl, "inbook-full")
    assert "November–December 1988" in chicago(xampl, "unpublished-full")
    items = {i["id"]: i for i in export_csl_json(xampl, ["manual-full", "article-full"])}
    assert items["manual-full"]["issued"] == {"date-parts": [[1986, 4], [1986, 5]]}
    assert items["article-full"]["issued"] == {"date-parts": [[1986, 7]]}
    assert export_csl_json(gost, ["patent1h"])[0]["issued"] == {"date-parts": [[2000, 12, 18]]}
    assert "month = jul," in export_bibtex(xampl, ["article-full"])


def test_theses_reports_and_manuals_keep_their_particulars(xampl: Bibliography) -> None:
    """thesis, report and manual entries lost type, number, organization and institution."""
    assert chicago(xampl, "techreport-full") == (
        "Térrific, Tom. An O(n log n / loglog n) Sorting Algorithm. Wishful Research Result 7, Computer Science "
        "Department, Fanstord, California: Fanstord University, October 1988. This is a full TECHREPORT entry.")
    assert "Master's project, Stanford University" in chicago(xampl, "mastersthesis-full")
    assert "PhD diss., Fanstord University, 1988" in chicago(xampl, "phdthesis-minimal")
    assert "Silicon Valley: Chips-R-Us, April–May 1986" in chicago(xampl, "manual-full")


def test_thesis_patent_and_bookinbook_are_printed_as_such(gost: Bibliography, biblatex: Bibliography) -> None:
    """@thesis, @patent and @bookinbook were printed like something else."""
    assert "дис. … канд. ист. наук : 07.00.02" in gost_form(gost, "belozerov:thesis")
    assert "PhD diss." in chicago(gost, "belozerov:thesis")
    assert gost_form(gost, "patent1h").startswith("Пат. 2187888 Рос. федерация")
    assert "заявл. 18.12.2000 ; опубл. 20.08.2002" in gost_form(gost, "patent1h")
    assert "Patent" in chicago(gost, "patent1h")
    assert gost_form(gost, "husserl:li1994").startswith("Гуссерль Э. Логические исследования. Т. 1 // Философия как")
    full = make_style(biblatex).cite("kant:kpv", "", "list")
    assert "In" in str(full) or "Critik" in str(full)


def test_the_key_field_sorts_works_without_author(xampl: Bibliography) -> None:
    """key was ignored, so entries without an author sorted before "Aamport"."""
    order = sort_keys(xampl, xampl.keys())
    assert set(order[:3]) == {"article-minimal", "article-full", "article-crossref"}  # Aamport first
    # "GAJ", "Manmaker", "Missilany" (the key field) sort among the authors' names
    assert order.index("whole-journal") > order.index("article-minimal")
    assert order.index("manual-minimal") > order.index("article-full")
    assert abs(order.index("manual-minimal") - order.index("manual-full")) == 1


def test_tex_in_field_values_is_decoded(xampl: Bibliography, tmp_path: Path) -> None:
    """{\\={P}}ot printed "=Pot", $O(n \\log n)$ "O(n n)", a % dropped the rest of the field."""
    assert "Paul P̄ot" in chicago(xampl, "unpublished-full")
    assert "An O(n log n / loglog n) Sorting Algorithm" in chicago(xampl, "techreport-full")
    path = tmp_path / "p.bib"
    path.write_text("@book{p, title = {Growth of 50% a year}, year = 1920}\n", encoding="utf-8")
    assert load_bibliography([path])[0]["p"].text("title") == "Growth of 50% a year"


def test_what_cannot_be_decoded_is_a_warning_at_its_place(tmp_path: Path) -> None:
    path = tmp_path / "w.bib"
    path.write_text("@book{w,\n  author = {Doe, Jane},\n  title = {A \\frobnicate{strange} word},\n  year = 1920,\n}\n",
                    encoding="utf-8")
    bib, diags = load_bibliography([path])
    assert [(d.pos.line, d.pos.column) for d in diags] == [(3, 14)]  # at the backslash
    assert "\\frobnicate" in diags[0].message and diags[0].hint
    assert bib["w"].text("title") == "A strange word"  # printed as readable text


def test_set_and_xdata_resolve_ignoring_case(tmp_path: Path) -> None:
    path = tmp_path / "s.bib"
    path.write_text(r"""
@xdata{Common, publisher = {Nauka}, location = {Moscow}}
@set{both, entryset = {One,TWO}}
@book{one, author = {Ivanov, I.}, title = {First}, year = 1990, xdata = {common}}
@book{two, author = {Petrov, P.}, title = {Second}, year = 1991, xdata = {COMMON}}
""", encoding="utf-8")
    bib, diags = load_bibliography([path])
    assert not diags
    assert bib.members("both") == ["one", "two"]
    assert str(make_style(bib).cite("both", "5", "full")) == (
        "I. Ivanov, First (Moscow: Nauka, 1990); P. Petrov, Second (Moscow: Nauka, 1991), 5")


def test_sortkey_presort_and_sortname(tmp_path: Path) -> None:
    path = tmp_path / "k.bib"
    path.write_text(r"""
@book{a, author = {Zhukov, G.}, title = {Memoirs}, year = 1969, sortname = {Adams, A.}}
@book{b, author = {Brown, B.}, title = {Book}, year = 1970}
@book{c, author = {Carr, C.}, title = {Carr}, year = 1970, sortkey = {Aaa}}
@book{d, author = {Dodd, D.}, title = {Dodd}, year = 1970, presort = {zz}}
@book{e, author = {Eden, E.}, title = {Eden}, year = 1970}
""", encoding="utf-8")
    bib, _ = load_bibliography([path])
    assert sort_keys(bib, "abcde") == ["c", "a", "b", "e", "d"]


def test_gost_lists_cyrillic_works_before_latin_ones(tmp_path: Path) -> None:
    path = tmp_path / "g.bib"
    path.write_text(r"""
@book{adams, author = {Adams, A.}, title = {Latin}, year = 1990}
@book{yakovlev, author = {Яковлев, А.}, title = {Кириллица}, year = 1990}
@book{abramov, author = {Абрамов, Ф.}, title = {Книга}, year = 1990}
@book{zhukov, author = {Zhukov, G.}, title = {Memoirs}, year = 1969}
""", encoding="utf-8")
    bib, _ = load_bibliography([path])
    keys = list(bib)
    assert sort_keys(bib, keys) == ["adams", "zhukov", "abramov", "yakovlev"]  # Chicago: one collation
    assert sort_keys(bib, keys, cyrillic_first=True) == ["abramov", "yakovlev", "adams", "zhukov"]
    assert make_style(bib, {"style": "gost"}).config.sorts_cyrillic_first


def test_every_entry_of_the_real_files_formats_in_both_styles(xampl: Bibliography, gost: Bibliography,
                                                               biblatex: Bibliography) -> None:
    for bib in (xampl, gost, biblatex):
        for style in (make_style(bib), make_style(bib, {"style": "gost"})):
            for key in bib:
                for form in ("full", "short", "list"):
                    assert str(style.cite(key, "12", form)).strip(), (key, form)


def test_both_styles_are_pybtex_plugins_and_chosen_in_edition_yaml(tmp_path: Path) -> None:
    from pybtex.plugin import find_plugin

    from edition.registers.styles.chicago import ChicagoStyle
    from edition.registers.styles.gost import GostStyle

    assert find_plugin("pybtex.style.formatting", "edition-chicago") is ChicagoStyle
    assert find_plugin("pybtex.style.formatting", "edition-gost") is GostStyle
    assert type(make_style(Bibliography(), {"style": "gost"})) is GostStyle
    with pytest.raises(ValueError, match="chicago, gost"):
        make_style(Bibliography(), {"style": "apa"})


def test_an_unknown_style_in_edition_yaml_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    from conftest import FIXTURES, copy_project, edition_here

    root = copy_project(FIXTURES / "mini", tmp_path)
    config = root / "edition.yaml"
    line = len(config.read_text().splitlines()) + 1
    config.write_text(config.read_text() + "citation_style: {style: apa}\n")
    run = edition_here(root, "check")
    assert run.code == 1 and "Traceback" not in run.err
    # At the value at fault, with the styles there are.
    assert f"edition.yaml:{line}:25: error: unknown bibliography style 'apa'" in run.err
    assert "chicago, gost" in run.err


def test_a_periodical_prints_as_its_journal_and_a_note_opens_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "p.bib"
    path.write_text("@periodical{izv, title = {Izvestiia TsK KPSS}, note = {no. 12}, location = {Moscow}, year = 1989,\n"
                    "  langid = {russian}}\n", encoding="utf-8")
    bib, _ = load_bibliography([path])
    assert chicago(bib, "izv") == "Izvestiia TsK KPSS (1989). No. 12."
    assert gost_form(bib, "izv") == "Izvestiia TsK KPSS. 1989. No. 12."


def test_gost_reads_a_language_as_a_code_or_a_word(tmp_path: Path) -> None:
    """The work's language and its original's, written as biblatex writes them ("russian", "german")
    or as codes ("bg", "de"): the same labels and the same "пер. с нем." either way (one table of
    languages, edition.model.languages)."""
    path = tmp_path / "l.bib"
    path.write_text(r"""
@book{word, author = {Маркс, К.}, title = {Капитал}, year = 1960, langid = {russian}, origlanguage = {german},
      translator = {Степанов, И.}, location = {М.}, publisher = {Госполитиздат}}
@book{code, author = {Маркс, К.}, title = {Капиталът}, year = 1960, langid = {bg}, origlanguage = {de},
      translator = {Иванов, И.}, location = {София}, publisher = {Партиздат}}
@book{latin, author = {Marx, K.}, title = {Capital}, year = 1960, langid = {english}, location = {London}, publisher = {L. and W.}}
""", encoding="utf-8")
    bib, _ = load_bibliography([path])
    word, code, latin = (gost_form(bib, key, "full", "5") for key in ("word", "code", "latin"))
    assert "пер. с нем." in word and "С.\xa05" in word, word
    assert "пер. с нем." in code and "С.\xa05" in code, code  # Bulgarian, by its code, is labelled in Russian
    assert "P.\xa05" in latin and "пер." not in latin, latin
