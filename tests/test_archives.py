"""Tests of the archives register, and of archival citations: parsing, ibid, printing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from edition.model.diagnostics import Pos
from edition.registers.archives import (
    ArchivalCitation,
    ArchiveName,
    ArchivesRegister,
    FolioRange,
    Form,
    Repository,
    as_sentence,
    format_citation,
    format_folios,
    parse_citation,
    parse_folios,
    parse_form,
    resolve_ibid,
    short_ref,
    validate_citation,
)

ARCHIVES_YAML = Path(__file__).resolve().parent.parent / "sources" / "archives.yaml"


def _pos_of(where: str) -> Pos:
    """The line of the repository that ``where`` ('garf', 'key:garf.city', 'garf.names[0].from') is in."""
    rid = where.removeprefix("key:").split(".")[0].split("[")[0]
    return Pos("archives.yaml", {"rgaspi": 3, "garf": 10}.get(rid, 1), 1)


@pytest.fixture(scope="module")
def register() -> ArchivesRegister:
    data = yaml.safe_load(ARCHIVES_YAML.read_text(encoding="utf-8"))
    reg, diagnostics = ArchivesRegister.from_data(data, _pos_of)
    assert diagnostics == []
    return reg


def parsed(text: str, register: ArchivesRegister) -> ArchivalCitation:
    citation, problems = parse_citation(text, register)
    assert problems == []
    assert citation is not None
    return citation


def leaves(*specs: tuple[str, str | None, bool]) -> tuple[FolioRange, ...]:
    return tuple(FolioRange(start, end, verso) for start, end, verso in specs)


# --- the register ------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    ["TsPA IML", "Ts PA IML", "ts pa iml", "ЦПА ИМЛ", "ЦПА ИМЛ при ЦК КПСС", "RTsKhIDNI", "RTSKHIDNI",
     "R Ts Kh IDNI", "РЦХИДНИ", "RGASPI", "rgaspi", "РГАСПИ", "R.G.A.S.P.I."],
)
def test_every_name_of_the_party_archive_is_one_repository(register: ArchivesRegister, spelling: str) -> None:
    repo = register.lookup(spelling)
    assert repo is not None
    assert repo.id == "rgaspi"
    assert repo.city == "Moscow"


def test_other_archives_and_unknown_names(register: ArchivesRegister) -> None:
    assert register.lookup("GARF").id == "garf"  # type: ignore[union-attr]
    assert register.lookup("ГАРФ").id == "garf"  # type: ignore[union-attr]
    assert register.lookup("APRF").id == "aprf"  # type: ignore[union-attr]
    assert register.lookup("АП РФ").id == "aprf"  # type: ignore[union-attr]
    assert register.lookup("RGASP") is None
    assert register.lookup("") is None
    assert {r.id for r in register} == {"rgaspi", "garf", "aprf"}


def test_modern_name_and_name_in_a_year(register: ArchivesRegister) -> None:
    repo = register.get("rgaspi")
    assert repo is not None
    assert repo.modern.abbr == "RGASPI"
    assert repo.modern.expansion == "Russian State Archive of Socio-Political History"
    assert [n.abbr for n in repo.names] == ["TsPA IML", "RTsKhIDNI", "RGASPI"]
    assert repo.name_in(1925).abbr == "TsPA IML"  # type: ignore[union-attr]
    assert repo.name_in(1990).abbr == "TsPA IML"  # type: ignore[union-attr]
    assert repo.name_in(1991).abbr == "RTsKhIDNI"  # type: ignore[union-attr]  # renamed that year
    assert repo.name_in(1995).abbr == "RTsKhIDNI"  # type: ignore[union-attr]
    assert repo.name_in(1999).abbr == "RGASPI"  # type: ignore[union-attr]
    assert repo.name_in(2024).abbr == "RGASPI"  # type: ignore[union-attr]
    garf = register.get("garf")
    assert garf is not None and garf.name_in(1950) is None
    assert register.name_for("РЦХИДНИ") == repo.names[1]


def test_modern_falls_back_to_the_latest_closed_name() -> None:
    old = Repository("x", "Moscow", (ArchiveName("A", "First", None, 1950), ArchiveName("B", "Second", 1950, 1970)))
    assert old.modern.abbr == "B"


def test_register_accepts_years_written_as_text() -> None:
    # the project's YAML loader keeps scalars as the text written
    data = {"p": {"city": "Moscow", "names": [
        {"abbr": "OLD", "expansion": "Old", "from": None, "to": "1991", "aliases": []},
        {"abbr": "NEW", "expansion": "New", "from": "1991", "to": None},
    ]}}
    reg, diagnostics = ArchivesRegister.from_data(data, _pos_of)
    assert diagnostics == []
    repo = reg.get("p")
    assert repo is not None and repo.name_in(1980).abbr == "OLD"  # type: ignore[union-attr]


def _name(abbr: str, start: Any = None, end: Any = None, **more: Any) -> dict[str, Any]:
    return {"abbr": abbr, "expansion": f"The {abbr}", "from": start, "to": end, **more}


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ({"names": [_name("A")]}, "needs a 'city'"),
        ({"city": "Moscow", "names": []}, "non-empty list of 'names'"),
        ({"city": "Moscow", "names": [{"abbr": "A"}]}, "needs a non-empty 'expansion'"),
        ({"city": "Moscow", "names": [_name("A", 1999, 1991)]}, "ends (1991) before it begins (1999)"),
        ({"city": "Moscow", "names": [_name("A", "soon")]}, "must be a year or null"),
        ({"city": "Moscow", "names": [_name("A", None, 1995), _name("B", 1991)]}, "overlap"),
        ({"city": "Moscow", "names": [_name("A", 1950), _name("B", 1991)]}, "more than one name without an end"),
        ({"city": "Moscow", "names": [_name("A", aliases="B")]}, "aliases"),
        ({"city": "Moscow", "names": [_name("A", None, 1950), _name("B", 1950, aliases=["a"])]}, "spells two names"),
    ],
)
def test_register_errors(entry: dict[str, Any], expected: str) -> None:
    reg, diagnostics = ArchivesRegister.from_data({"garf": entry}, _pos_of)
    assert "garf" not in reg
    assert diagnostics, "expected an error"
    assert any(expected in d.message for d in diagnostics), [d.message for d in diagnostics]
    assert all(d.is_error and d.pos == Pos("archives.yaml", 10, 1) for d in diagnostics)


def test_register_unknown_key_gets_a_hint() -> None:
    _, diagnostics = ArchivesRegister.from_data({"x": {"city": "Moscow", "nmes": [], "names": [_name("A")]}}, _pos_of)
    assert [d.message for d in diagnostics] == ["unknown key 'nmes' in repository 'x'"]
    assert diagnostics[0].hint == "did you mean 'names'?"


def test_register_refuses_a_spelling_shared_by_two_repositories() -> None:
    data = {"a": {"city": "Moscow", "names": [_name("GARF")]}, "b": {"city": "Moscow", "names": [_name("G A R F")]}}
    reg, diagnostics = ArchivesRegister.from_data(data, _pos_of)
    assert "a" in reg and "b" not in reg
    assert len(diagnostics) == 1 and "already names 'GARF' (a)" in diagnostics[0].message


def test_register_must_be_a_mapping() -> None:
    reg, diagnostics = ArchivesRegister.from_data(["rgaspi"], _pos_of)
    assert "rgaspi" not in reg and len(diagnostics) == 1


def test_register_constructor_refuses_clashes() -> None:
    repo = Repository("a", "Moscow", (ArchiveName("X", "Ex"),))
    with pytest.raises(ValueError, match="already names"):
        ArchivesRegister([repo, Repository("b", "Moscow", (ArchiveName("x", "Ex again"),))])


# --- parsing --------------------------------------------------------------------------


def test_parse_plain_latin(register: ArchivesRegister) -> None:
    c = parsed("RTsKhIDNI f. 558, op. 1, d. 3263, l. 1", register)
    assert (c.repository, c.cited_as, c.fond, c.opis, c.delo, c.vypusk) == ("rgaspi", "RTsKhIDNI", "558", "1", "3263", None)
    assert c.folios == leaves(("1", None, False))
    assert (c.form, c.ibid) == (None, False)


def test_parse_capitals_ocr_slip_and_form(register: ArchivesRegister) -> None:
    c = parsed("RTSKHIDNI. F. 558. On. 1. D. 5391. L. 3. Autograph.", register)
    assert (c.repository, c.cited_as, c.fond, c.opis, c.delo) == ("rgaspi", "RTSKHIDNI", "558", "1", "5391")
    assert c.folios == leaves(("3", None, False))
    assert c.form is Form.AUTOGRAPH and c.form_as_written == "Autograph"


def test_parse_issue_in_roman_and_printed_text(register: ArchivesRegister) -> None:
    c = parsed("Ts PA IML, F. 17, Op. 2, D. 246, Vyp. IV; Tipografskii tekst", register)
    assert (c.repository, c.cited_as, c.fond, c.opis, c.delo, c.vypusk) == ("rgaspi", "Ts PA IML", "17", "2", "246", "IV")
    assert c.folios == ()
    assert c.form is Form.PRINTED and c.form_as_written == "Tipografskii tekst"


def test_parse_issue_and_several_leaves(register: ArchivesRegister) -> None:
    c = parsed("RTsKhIDNI f. 17, op. 2, d. 246, vyp. 1, ll. 75, 76", register)
    assert (c.fond, c.opis, c.delo, c.vypusk) == ("17", "2", "246", "1")
    assert c.folios == leaves(("75", None, False), ("76", None, False))


def test_parse_ibid_with_a_new_file(register: ArchivesRegister) -> None:
    c = parsed("ibid., f. 17, op. 3, d. 586, ll. 4, 5", register)
    assert c.ibid and c.repository is None and c.cited_as == ""
    assert (c.fond, c.opis, c.delo) == ("17", "3", "586")
    assert c.folios == leaves(("4", None, False), ("5", None, False))


def test_parse_cyrillic(register: ArchivesRegister) -> None:
    c = parsed("РГАСПИ. Ф. 558. Оп. 1. Д. 5411. Л. 4.", register)
    assert (c.repository, c.cited_as, c.fond, c.opis, c.delo) == ("rgaspi", "РГАСПИ", "558", "1", "5411")
    assert c.folios == leaves(("4", None, False))


def test_parse_russian_ibid_with_only_a_leaf(register: ArchivesRegister) -> None:
    c = parsed("Там же. Л. 38", register)
    assert c.ibid and c.repository is None
    assert (c.fond, c.opis, c.delo) == (None, None, None)
    assert c.folios == leaves(("38", None, False))


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("ll. 2-3 ob.", (FolioRange("2", "3", verso=True),)),
        ("ll. 12–14", (FolioRange("12", "14"),)),
        ("ll. 12 — 14", (FolioRange("12", "14"),)),
        ("l. 3 ob.", (FolioRange("3", verso=True),)),
        ("l. 3v", (FolioRange("3", verso=True),)),
        ("л. 3 об.", (FolioRange("3", verso=True),)),
        ("ll. 3 ob.-4", (FolioRange("3", "4", start_verso=True),)),
        ("ll. 1, 4-6, 9 ob.", (FolioRange("1"), FolioRange("4", "6"), FolioRange("9", verso=True))),
        ("ll. 12a, 12б", (FolioRange("12a"), FolioRange("12б"))),
    ],
)
def test_parse_folios_in_a_citation(register: ArchivesRegister, written: str, expected: tuple[FolioRange, ...]) -> None:
    c = parsed(f"RGASPI f. 558, op. 11, d. 71, {written}", register)
    assert (c.fond, c.opis, c.delo) == ("558", "11", "71")
    assert c.folios == expected


def test_parse_lettered_fond_and_file(register: ArchivesRegister) -> None:
    c = parsed("GARF f. R-5446, op. 1a, d. 71a, l. 2", register)
    assert (c.repository, c.fond, c.opis, c.delo) == ("garf", "R-5446", "1a", "71a")


def test_parse_other_forms(register: ArchivesRegister) -> None:
    assert parsed("RGASPI f. 558, op. 1, d. 1, l. 1. Шифротелеграмма.", register).form is Form.CODED_TELEGRAM
    assert parse_form("Mashinopis'") is Form.TYPESCRIPT
    assert parse_form("typescript  copy") is Form.TYPESCRIPT_COPY
    assert parse_form("Копия") is Form.COPY
    assert parse_form("pencil") is None


def test_parse_error_missing_fond(register: ArchivesRegister) -> None:
    c, problems = parse_citation("RGASPI, op. 1, d. 5, l. 3", register)
    assert problems == ["no fond (f.) given"]
    assert c is not None and c.opis == "1"


def test_parse_error_backwards_range(register: ArchivesRegister) -> None:
    c, problems = parse_citation("RGASPI f. 558, op. 1, d. 5, ll. 9-4", register)
    assert problems == ["folio range '9–4' runs backwards"]
    _, problems = parse_citation("RGASPI f. 558, op. 1, d. 5, ll. 4 ob.-4", register)
    assert problems == ["folio range '4 ob.–4' runs backwards"]
    _, problems = parse_citation("RGASPI f. 558, op. 1, d. 5, ll. 4-4 ob., 9-10", register)
    assert problems == []


def test_parse_error_unknown_archive_with_hint(register: ArchivesRegister) -> None:
    c, problems = parse_citation("RGASP f. 558, op. 1, d. 5, l. 3", register)
    assert c is None
    assert problems == ["unknown archive 'RGASP'; did you mean 'RGASPI'?"]
    c, problems = parse_citation("Bundesarchiv f. 1", register)
    assert c is None and problems == ["unknown archive 'Bundesarchiv'"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("RGASPI f. 558, op. 1, d. 5, l. 3, signed in pencil", "could not read 'signed in pencil'"),
        ("RGASPI f. 558, 1, d. 5", "could not read '1'"),
        ("RGASPI, collection, f. 558", "could not read 'collection' after the archive's name"),
        ("RGASPI f. 558, op. 1, op. 2", "'op.' is given twice"),
        ("RGASPI f. 558, d. 5, op. 1", "'op. 1' is out of order"),
        ("RGASPI f. 558, op. 1, d. 5. Autograph. Copy.", "a second form 'Copy' after 'Autograph'"),
        ("RGASPI f. IV", "'f.' is not followed by a number"),
        ("", "empty archival citation"),
    ],
)
def test_parse_errors_for_leftovers(register: ArchivesRegister, text: str, problem: str) -> None:
    _, problems = parse_citation(text, register)
    assert problem in problems, problems


def test_parse_folios_alone() -> None:
    assert parse_folios("2-3 ob.") == ((FolioRange("2", "3", verso=True),), [])
    assert parse_folios("ll. 75, 76")[0] == (FolioRange("75"), FolioRange("76"))
    assert parse_folios("9-4")[1] == ["folio range '9–4' runs backwards"]
    assert parse_folios("5, passim")[1] == ["could not read 'passim' in the folios '5, passim'"]


# --- structured data -------------------------------------------------------------------


def test_validate_citation() -> None:
    good = ArchivalCitation("rgaspi", fond="558", opis="1", delo="5", folios=(FolioRange("2", "3"),))
    assert validate_citation(good) == []
    assert validate_citation(ArchivalCitation("rgaspi", opis="1")) == ["no fond given"]
    assert validate_citation(ArchivalCitation(None, fond="1")) == ["no archive given"]
    assert validate_citation(ArchivalCitation(None, folios=(FolioRange("3"),), ibid=True)) == []
    backwards = ArchivalCitation("rgaspi", fond="558", folios=(FolioRange("9", "4"),))
    assert validate_citation(backwards) == ["folio range '9–4' runs backwards"]
    assert validate_citation(ArchivalCitation("rgaspi", fond="1", folios=(FolioRange(" "),))) == ["folio 1 is empty"]
    assert validate_citation(ArchivalCitation("rgaspi", fond="1", form_as_written="pencil")) == ["unknown form 'pencil'"]


def test_validate_checks_the_repository_id(register: ArchivesRegister) -> None:
    problems = validate_citation(ArchivalCitation("rgaspl", fond="1"), register)
    assert problems == ["unknown repository 'rgaspl'; did you mean 'rgaspi'?"]


def test_validate_treats_empty_fields_as_absent(register: ArchivesRegister) -> None:
    # the source loader gives "" for a field that is not there
    c = ArchivalCitation("rgaspi", fond="558", opis="", delo="5", vypusk="", folios=parse_folios("2-3 ob.")[0])
    assert validate_citation(c, register) == []
    assert format_citation(c, register) == "RGASPI, f. 558, d. 5, ll. 2–3 ob."
    assert validate_citation(ArchivalCitation("", fond=""), register) == ["no archive given", "no fond given"]


# --- ibid -----------------------------------------------------------------------------


def test_resolve_ibid(register: ArchivesRegister) -> None:
    texts = [
        "RTsKhIDNI f. 17, op. 2, d. 246, vyp. 1, ll. 75, 76",
        "Там же. Л. 38",
        "ibid., f. 17, op. 3, d. 586, ll. 4, 5",
        "ibid., d. 590",
        "ibid.",
    ]
    resolved, problems = resolve_ibid([parsed(t, register) for t in texts])
    assert problems == []
    assert all(c.repository == "rgaspi" and c.cited_as == "RTsKhIDNI" for c in resolved)
    second, third, fourth, fifth = resolved[1:]
    assert (second.fond, second.opis, second.delo, second.vypusk) == ("17", "2", "246", "1")
    assert second.folios == (FolioRange("38"),) and second.ibid
    assert (third.fond, third.opis, third.delo, third.vypusk) == ("17", "3", "586", None)
    assert (fourth.fond, fourth.opis, fourth.delo, fourth.folios) == ("17", "3", "590", ())
    assert fifth.delo == "590" and fifth.folios == ()


def test_bare_ibid_takes_the_folios_but_not_the_form(register: ArchivesRegister) -> None:
    first = parsed("RGASPI f. 558, op. 1, d. 5, l. 3. Autograph", register)
    resolved, _ = resolve_ibid([first, parsed("Ibid.", register)])
    assert resolved[1].folios == first.folios and resolved[1].form is None


def test_ibid_without_a_previous_citation(register: ArchivesRegister) -> None:
    ibid = parsed("Там же. Л. 38", register)
    resolved, problems = resolve_ibid([ibid, parsed("ibid., l. 2", register)])
    assert problems == ["citation 1: 'ibid.' has no preceding citation to refer to",
                        "citation 2: 'ibid.' has no preceding citation to refer to"]
    assert resolved[0] == ibid


# --- formatting -------------------------------------------------------------------------


def test_format_modern(register: ArchivesRegister) -> None:
    c = parsed("RTSKHIDNI. F. 558. On. 1. D. 5391. L. 3.", register)
    assert format_citation(c, register) == "RGASPI, f. 558, op. 1, d. 5391, l. 3"
    c = parsed("RTsKhIDNI f. 17, op. 2, d. 246, vyp. 1, ll. 75, 76", register)
    assert format_citation(c, register, "modern") == "RGASPI, f. 17, op. 2, d. 246, vyp. 1, ll. 75, 76"
    c = parsed("RGASPI f. 558, op. 11, d. 71, ll. 2-3 ob.", register)
    assert format_citation(c, register) == "RGASPI, f. 558, op. 11, d. 71, ll. 2–3 ob."
    c = parsed("РГАСПИ. Ф. 558. Оп. 1. Д. 5411. Л. 4 об.", register)
    assert format_citation(c, register) == "RGASPI, f. 558, op. 1, d. 5411, l. 4 ob."


def test_format_form(register: ArchivesRegister) -> None:
    c = parsed("RTSKHIDNI. F. 558. On. 1. D. 5391. L. 3. Autograph.", register)
    assert format_citation(c, register) == "RGASPI, f. 558, op. 1, d. 5391, l. 3. Autograph"
    assert as_sentence(format_citation(c, register)) == "RGASPI, f. 558, op. 1, d. 5391, l. 3. Autograph."
    c = parsed("Ts PA IML, F. 17, Op. 2, D. 246, Vyp. IV; Tipografskii tekst", register)
    assert format_citation(c, register) == "RGASPI, f. 17, op. 2, d. 246, vyp. IV. Printed text"
    c = parsed("RGASPI f. 558, op. 11, d. 71, l. 5 ob. Машинописная копия", register)
    assert format_citation(c, register) == "RGASPI, f. 558, op. 11, d. 71, l. 5 ob. Typescript copy"
    assert as_sentence("ibid., l. 5 ob.") == "ibid., l. 5 ob."


def test_format_as_cited(register: ArchivesRegister) -> None:
    c = parsed("RTSKHIDNI. F. 558. On. 1. D. 5391. L. 3.", register)
    assert format_citation(c, register, "as-cited") == "RTsKhIDNI [now RGASPI], f. 558, op. 1, d. 5391, l. 3"
    assert format_citation(c, register, "as-cited", first_mention=False) == "RTsKhIDNI, f. 558, op. 1, d. 5391, l. 3"
    c = parsed("Ts PA IML, F. 17, Op. 2, D. 246", register)
    assert format_citation(c, register, "as-cited") == "TsPA IML [now RGASPI], f. 17, op. 2, d. 246"
    c = parsed("РГАСПИ. Ф. 558. Оп. 1. Д. 5411. Л. 4.", register)
    assert format_citation(c, register, "as-cited") == "RGASPI, f. 558, op. 1, d. 5411, l. 4"
    structured = ArchivalCitation("rgaspi", fond="558")
    assert format_citation(structured, register, "as-cited") == "RGASPI, f. 558"


def test_format_unknown_style(register: ArchivesRegister) -> None:
    with pytest.raises(ValueError, match="unknown citation style"):
        format_citation(ArchivalCitation("rgaspi", fond="1"), register, "chicago")


def test_format_ibid(register: ArchivesRegister) -> None:
    texts = ["RGASPI f. 558, op. 1, d. 5, l. 3", "Там же. Л. 38", "Там же. Л. 38", "ibid., d. 6, l. 1", "ibid., d. 6"]
    cs, _ = resolve_ibid([parsed(t, register) for t in texts])
    printed = [format_citation(c, register, previous=p) for c, p in zip(cs, [None, *cs[:-1]], strict=True)]
    assert printed == [
        "RGASPI, f. 558, op. 1, d. 5, l. 3",
        "ibid., l. 38",
        "ibid.",
        "RGASPI, f. 558, op. 1, d. 6, l. 1",
        "RGASPI, f. 558, op. 1, d. 6",  # the whole file after one leaf of it: no "ibid."
    ]
    # the caller decides the scope: without a previous citation it prints in full
    assert format_citation(cs[1], register, "as-cited") == "RGASPI, f. 558, op. 1, d. 5, l. 38"


def test_format_ibid_is_computed_not_copied(register: ArchivesRegister) -> None:
    first = parsed("TsPA IML f. 17, op. 2, d. 246, l. 1", register)
    same = parsed("RTsKhIDNI f. 17, op. 2, d. 246, l. 1. Autograph", register)
    assert format_citation(same, register, "as-cited", previous=first) == "ibid. Autograph"
    assert format_citation(same, register, previous=same) == "ibid."
    other = parsed("RGASPI f. 17, op. 2, d. 247, l. 1", register)
    assert format_citation(other, register, previous=first) == "RGASPI, f. 17, op. 2, d. 247, l. 1"


def test_format_unresolved_ibid(register: ArchivesRegister) -> None:
    c = parsed("ibid., f. 17, op. 3, d. 586, ll. 4, 5", register)
    assert format_citation(c, register) == "ibid., f. 17, op. 3, d. 586, ll. 4, 5"


def test_format_folios() -> None:
    assert format_folios(()) == ""
    assert format_folios((FolioRange("3"),)) == "l. 3"
    assert format_folios((FolioRange("3", verso=True),)) == "l. 3 ob."
    assert format_folios((FolioRange("75"), FolioRange("76"))) == "ll. 75, 76"
    assert format_folios((FolioRange("2", "3", verso=True),)) == "ll. 2–3 ob."
    assert format_folios((FolioRange("2", "3", start_verso=True),)) == "ll. 2 ob.–3"


# --- sorting --------------------------------------------------------------------------


def test_short_ref_sorts_naturally(register: ArchivesRegister) -> None:
    texts = ["RGASPI f. 558, op. 11, d. 71a", "RGASPI f. 558, op. 11, d. 71", "RGASPI f. 17, op. 3, d. 586",
             "GARF f. R-5446, op. 1, d. 2", "RGASPI f. 558, op. 2, d. 10", "RGASPI f. 558, op. 2, d. 9"]
    cs = [parsed(t, register) for t in texts]
    ordered = [format_citation(c, register) for c in sorted(cs, key=short_ref)]
    assert ordered == [
        "GARF, f. R-5446, op. 1, d. 2",
        "RGASPI, f. 17, op. 3, d. 586",
        "RGASPI, f. 558, op. 2, d. 9",
        "RGASPI, f. 558, op. 2, d. 10",
        "RGASPI, f. 558, op. 11, d. 71",
        "RGASPI, f. 558, op. 11, d. 71a",
    ]
    assert short_ref(ArchivalCitation("rgaspi", fond="558")) < short_ref(ArchivalCitation("rgaspi", fond="558", opis="1"))


# --- fields given beside 'cited' --------------------------------------------------------


def _source(cited: str, **fields: str) -> Any:
    from edition.model.corpus import ArchiveSource

    given = {name: fields.get(name, "") for name in ("repository", "fond", "opis", "delo", "folios", "vypusk", "form")}
    return ArchiveSource(**given, cited_as=cited, pos=Pos("letter.md", 14, 5))


CITED = "RTsKhIDNI f. 558, op. 1, d. 3263, l. 1. Autograph"


@pytest.mark.parametrize(("fields", "printed"), [
    ({}, "RGASPI, f. 558, op. 1, d. 3263, l. 1. Autograph"),
    ({"folios": "2 ob."}, "RGASPI, f. 558, op. 1, d. 3263, l. 2 ob. Autograph"),  # the folios win, the rest is the text's
    ({"form": "typescript"}, "RGASPI, f. 558, op. 1, d. 3263, l. 1. Typescript"),  # a form alone is printed too
    ({"delo": "3264", "form": "copy"}, "RGASPI, f. 558, op. 1, d. 3264, l. 1. Copy"),
    ({"vypusk": "IV"}, "RGASPI, f. 558, op. 1, d. 3263, vyp. IV, l. 1. Autograph"),
])
def test_explicit_fields_win_field_by_field_over_the_cited_text(register: ArchivesRegister, fields: dict[str, str],
                                                                 printed: str) -> None:
    from edition.passes.archives import citation_of

    citation, problems = citation_of(_source(CITED, **fields), register)
    assert problems == [] and citation is not None
    assert format_citation(citation, register) == printed


def test_an_explicit_field_that_differs_from_the_cited_text_is_a_warning_and_is_printed(register: ArchivesRegister) -> None:
    from edition.model.corpus import Document
    from edition.passes.archives import document_citations

    doc = Document.__new__(Document)
    doc.archives = [_source(CITED, delo="3264")]
    doc.field_pos, doc.pos = {}, Pos("letter.md", 1, 1)
    diags: list[Any] = []
    [citation] = document_citations(doc, register, diags)
    assert [(d.severity.value, d.message) for d in diags] == [
        ("warning", "archival source: delo '3264' is given beside the cited text, which reads '3263': '3264' is printed")]
    assert format_citation(citation, register).startswith("RGASPI, f. 558, op. 1, d. 3264, l. 1")


@pytest.mark.latex
def test_merged_fields_and_an_explicit_form_print_in_the_pdf_and_the_html_source_note(tmp_path: Path) -> None:
    import subprocess
    import sys

    from conftest import pdf_text, require_latex
    from lxml import html

    require_latex()
    root = tmp_path / "reader"
    assert subprocess.run([sys.executable, "-m", "edition", "init", str(root)], capture_output=True, check=False).returncode == 0
    letter = root / "sources" / "letters" / "1926-06-02-stalin-molotov.md"
    text = letter.read_text(encoding="utf-8")
    cited = '  - cited: "RTsKhIDNI f. 558, op. 1, d. 3263, l. 1"\n'
    assert cited in text
    letter.write_text(text.replace(cited, cited + '    folios: "2 ob."\n    form: typescript\n'), encoding="utf-8")
    for args in (["build"], ["build", "--html"]):
        done = subprocess.run([sys.executable, "-m", "edition", "-C", str(root), *args], capture_output=True, text=True, check=False)
        assert done.returncode == 0 and "warning" not in done.stderr, done.stderr
    expected = "RGASPI, f. 558, op. 1, d. 3263, l. 2 ob. Typescript."
    assert expected in " ".join(pdf_text(root / "build" / "reader.pdf").split())
    page = html.parse(str(root / "build" / "html" / "documents" / "1926-06-02-stalin-molotov.html"))
    archive = page.xpath("//section[h2[@id='source-h']]//dt[.='Archive']/following-sibling::dd[1]")
    assert [" ".join(a.text_content().split()) for a in archive] == [expected]
