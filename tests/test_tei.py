"""TEI and CMIF: export valid against the schemas, import back to the same model, foreign letters, the commands."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from edition.cli.interchange import cli_export, cli_import_tei
from edition.interchange.cmif import export_cmif, letters, validate_cmif
from edition.interchange.tei.common import compound_id, date_attributes, from_xml_id, split_compound, xml_id
from edition.interchange.tei.export import export_tei
from edition.interchange.tei.read import import_tei, read_tei
from edition.interchange.validate import validate_tei
from edition.model.corpus import Block, Corpus, Document, walk_spans
from edition.model.dates import EditionDate, PartialDate
from edition.pipeline import prepare
from edition.sources.load import load
from edition.sources.markup import plain_text

REPO = Path(__file__).resolve().parent.parent
MINI = REPO / "tests" / "fixtures" / "mini"
GOLDEN = REPO / "tests" / "golden"
REFERENCE = REPO.parent / "shared" / "reference" / "tei"
NS = {"t": "http://www.tei-c.org/ns/1.0"}

TRICKY = r"""---
id: tricky
title: "Tricky {braces} | and: colons"
kind: letter
authors: [stalin, kamenev]
recipients: kamenev
date: {when: 1912-09-16/1912-09-18, calendar: julian, supplied: true, cert: medium}
place: {from: krakow, to: krakow}
language: ru
translation: {from: ru, by: "A. Translator"}
source: {key: lenin-cw-35, locator: "vol. 35, pp. 232–236"}
archives:
  - cited: "RGASPI f. 558, op. 1, d. 5391, l. 3"
  - cited: "Ibid., l. 4"
status: draft
headnote: |
  Intro with {p:stalin} and {pl:krakow} in their register forms, and a {ref:tricky:line:here|line}.

  > A quoted headnote paragraph.
notes:
  editor:
    "1": |
      Note with {cite:lenin-cw-35} and {ref:tricky:editor:2}.
    "2": Second.
  textual:
    "a b": |
      Lemma note with an odd key.
---
@closer Opening with a closer

@heading First

@dateline Cracow

@salute Dear {p:kamenev|friend}

Text with \{braces\}, a bar \| and a backslash \\ and {sic:correct|sick} and {unclear:low|maybe}{n:editor:1}
and {add|plain add}, {corr:tehm|them}, {reg:Zinov'ev|Zinoviev}, {gap:2 words}, {gap}, {del|gone}
and {foreign:de|Partei} {lbl:here}{nx:a hero|Ilya} {arch|RGASPI f. 1} {ref:tricky}.

\@not a role, \> not a quote.

> @salute Quoted salute
>
> Quoted para with {em|emph}.
>
> > Nested quote.

@lines line one {em|spans}
across lines{n:editor:2}
> line with gt

@signed K.

Paragraph after the signature {n:textual:a b|lemma {pl:krakow|here}}.

@salute A second letter begins

@heading Middle heading

More text.

@postscript P.S. one

@closer After the postscript

@lines address line one
address line two
"""

MORE_PERSONS = """stalin:
  name: "Stalin, I. V."
  born: "1878"
  died: "1953"
  identification: "General Secretary"
  aliases: [Koba, Stalin, "Dzhugashvili, I. V."]
kamenev:
  name: "Kamenev, L. B."
  aliases: [Rozenfeld]
"""

ARCHIVES = """rgaspi:
  city: Moscow
  names:
    - abbr: RGASPI
      expansion: Russian State Archive of Socio-Political History
      from: 1999
      to: null
"""


# --- helpers ------------------------------------------------------------------------------------


def mini_copy(root: Path, source: str | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in ("edition.yaml", "sources", "bibliography"):
        src = MINI / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    if source is not None:
        (root / "sources" / "letters" / "letter.md").write_text(source, encoding="utf-8")
    return root


def shape(blocks: list[Block]) -> list[Any]:
    return [("quote", shape(b.blocks)) if b.kind == "quote" else (b.kind, " ".join(plain_text(b.content).split())) for b in blocks]


def spans(blocks: list[Block]) -> list[tuple[str, list[str]]]:
    return [(s.kind, s.args) for s in walk_spans(blocks)]


def summary(doc: Document) -> dict[str, Any]:
    """What a round trip must keep: metadata, blocks and their words, spans with their arguments, notes."""
    return {
        "meta": (doc.id, doc.title, doc.kind, doc.authors, doc.recipients, doc.date, doc.place_from, doc.place_to,
                 doc.language, doc.translation, (doc.source.key, doc.source.locator) if doc.source else None,
                 [a.cited_as for a in doc.archives]),
        "headnote": (shape(doc.headnote), spans(doc.headnote)),
        "body": shape(doc.body),
        "spans": spans(doc.body),
        "notes": {(s, k): (shape(n.content), spans(n.content)) for s, by_key in doc.notes.items() for k, n in by_key.items()},
    }


def round_trip(root: Path, tmp: Path) -> tuple[Corpus, Corpus, list[Path]]:
    """Export the project at ``root``, import every file into a copy of it, and load the copy."""
    project, _ = prepare(root)
    corpus = project.corpus
    written = export_tei(corpus, project.registers, project.plan, tmp / "tei")
    copy = tmp / "copy"
    copy.mkdir()
    for name in ("edition.yaml", "sources", "bibliography"):
        if (root / name).is_dir():
            shutil.copytree(root / name, copy / name, ignore=shutil.ignore_patterns("*.md"))
        elif (root / name).exists():
            shutil.copy(root / name, copy / name)
    for doc in corpus.documents:
        result = read_tei(tmp / "tei" / f"{doc.id}.xml", corpus.persons, corpus.places, corpus.config.series)
        assert result.persons_yaml == "" and result.places_yaml == "", result.problems
        (copy / doc.path).parent.mkdir(parents=True, exist_ok=True)
        (copy / doc.path).write_text(result.text, encoding="utf-8")
    again, diags = load(copy)
    assert not [d for d in diags if d.is_error], [str(d) for d in diags]
    return corpus, again, written


def assert_same(before: Corpus, after: Corpus) -> None:
    assert sorted(d.id for d in before.documents) == sorted(d.id for d in after.documents)
    for doc in before.documents:
        new = after.document(doc.id)
        assert new is not None
        a, b = summary(doc), summary(new)
        for key in a:
            assert a[key] == b[key], (doc.id, key)


# --- ids and dates --------------------------------------------------------------------------------


def test_ids_that_are_no_xml_names_are_encoded_reversibly() -> None:
    for name in ("stalin", "1912-12-x", "a b", "_odd", "ü", "kim_jong.il"):
        encoded = xml_id(name)
        assert encoded[0].isalpha() or encoded[0] == "_"
        assert from_xml_id(encoded) == name
    assert xml_id("stalin") == "stalin"
    prefix, parts = split_compound(compound_id("n", "textual", "a.b c"))
    assert (prefix, parts) == ("n", ["textual", "a.b c"])


def test_julian_dates_carry_gregorian_values_and_the_julian_ones() -> None:
    date = EditionDate(start=PartialDate(1912, 9, 16), calendar="julian", supplied=True, cert="medium")
    attrs = date_attributes(date)
    assert attrs["when"] == "1912-09-29" and attrs["when-custom"] == "1912-09-16"
    assert attrs["datingMethod"] == "#julian" and attrs["cert"] == "medium" and attrs["evidence"] == "conjecture"
    assert date_attributes(EditionDate(not_before=PartialDate(1926, 6, 1), not_after=PartialDate(1926, 6, 15))) == {
        "notBefore": "1926-06-01", "notAfter": "1926-06-15"}


# --- the shipped corpus -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Corpus, list[Path], Path]:
    tmp = tmp_path_factory.mktemp("shipped")
    before, after, written = round_trip(REPO, tmp)
    return before, after, written, tmp / "tei"


def test_shipped_corpus_exports_valid_tei(shipped: tuple[Corpus, Corpus, list[Path], Path]) -> None:
    corpus, _, written, _ = shipped
    assert len(written) == len(corpus.documents) + 3
    problems = [p for path in written for p in validate_tei(path)]
    assert problems == []


def test_shipped_corpus_round_trips(shipped: tuple[Corpus, Corpus, list[Path], Path]) -> None:
    before, after, _, _ = shipped
    assert_same(before, after)


def test_header_of_a_letter(shipped: tuple[Corpus, Corpus, list[Path], Path]) -> None:
    out = shipped[3]
    tree = etree.parse(str(out / "1912-12-stalin-kamenev.xml"))
    ident = tree.find(".//t:msDesc/t:msIdentifier", NS)
    assert ident is not None
    fields = {(e.tag.split("}")[1], e.get("type")): e.text for e in ident if e.tag.split("}")[1] != "altIdentifier"}
    assert fields == {("settlement", None): "Moscow", ("repository", None): "RGASPI", ("collection", "fond"): "558",
                      ("collection", "opis"): "1", ("idno", "delo"): "5391", ("idno", "folios"): "3"}
    assert tree.findtext(".//t:altIdentifier/t:idno", namespaces=NS) == "RTSKHIDNI. F. 558. On. 1. D. 5391. L. 3. Autograph."
    sent = tree.find(".//t:correspAction[@type='sent']", NS)
    assert sent is not None
    assert sent.find("t:persName", NS).get("ref") == "persons.xml#stalin"  # type: ignore[union-attr]
    date = sent.find("t:date", NS)
    assert date is not None and date.get("when") == "1912-12" and date.get("evidence") == "conjecture"
    assert tree.find(".//t:sourceDesc/t:bibl", NS).get("corresp") == "bibliography.xml#kvashonkin1996"  # type: ignore[union-attr]
    notes = tree.findall(".//t:back//t:note", NS)
    lemma = next(n for n in notes if n.get("targetEnd"))
    assert lemma.get("type") == "textual" and lemma.get("target") == "#a.textual.anchor-1"
    assert tree.find(".//t:body//t:anchor[@xml:id='e.textual.anchor-1']", {**NS, "xml": "http://www.w3.org/XML/1998/namespace"}) is not None


def test_registers_list_persons_with_their_names(shipped: tuple[Corpus, Corpus, list[Path], Path]) -> None:
    tree = etree.parse(str(shipped[3] / "persons.xml"))
    zinoviev = tree.find(".//t:person[@xml:id='zinoviev']", {**NS, "xml": "http://www.w3.org/XML/1998/namespace"})
    assert zinoviev is not None
    names = {(n.get("type"), n.text) for n in zinoviev.findall("t:persName", NS)}
    assert ("canonical", "Zinov'ev, G. E.") in names
    assert ("variant", "Zinoviev") in names and ("pseudonym", "Grisha") in names
    assert zinoviev.find("t:birth", NS).get("when") == "1883"  # type: ignore[union-attr]
    assert validate_tei(shipped[3] / "places.xml") == [] and validate_tei(shipped[3] / "bibliography.xml") == []


# --- fixtures and edge cases --------------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(p.name for p in GOLDEN.iterdir() if (p / "source.md").exists()))
def test_golden_sources_round_trip(case: str, tmp_path: Path) -> None:
    root = mini_copy(tmp_path / "project", (GOLDEN / case / "source.md").read_text(encoding="utf-8"))
    before, after, written = round_trip(root, tmp_path)
    assert [p for path in written for p in validate_tei(path)] == []
    assert_same(before, after)


@pytest.mark.parametrize("fixture", ["mini", "specials"])
def test_fixture_projects_round_trip(fixture: str, tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(REPO / "tests" / "fixtures" / fixture, root)
    before, after, written = round_trip(root, tmp_path)
    assert [p for path in written for p in validate_tei(path)] == []
    assert_same(before, after)


def tricky_project(root: Path) -> Path:
    mini_copy(root, TRICKY)
    (root / "sources" / "persons.yaml").write_text(MORE_PERSONS, encoding="utf-8")
    (root / "sources" / "archives.yaml").write_text(ARCHIVES, encoding="utf-8")
    text = (root / "edition.yaml").read_text(encoding="utf-8").replace("documents: [letter]", "documents: [tricky]")
    (root / "edition.yaml").write_text(text, encoding="utf-8")
    return root


def test_unusual_documents_round_trip(tmp_path: Path) -> None:
    root = tricky_project(tmp_path / "project")
    _, diags = prepare(root)
    assert not [d for d in diags if d.is_error], [str(d) for d in diags]
    before, after, written = round_trip(root, tmp_path)
    assert [p for path in written for p in validate_tei(path)] == []
    assert_same(before, after)
    text = (tmp_path / "copy" / "sources" / "letters" / "letter.md").read_text(encoding="utf-8")
    assert "status: draft" in text and r"\@not a role" in text
    tree = etree.parse(str(tmp_path / "tei" / "tricky.xml"))
    assert len(tree.findall(".//t:body/t:div/t:div", NS)) >= 3  # parts that TEI's order puts in divisions of their own
    assert tree.find(".//t:quote/t:floatingText", NS) is not None
    assert tree.find(".//t:msDesc[2]//t:idno[@type='folios']", NS).text == "4"  # type: ignore[union-attr]


def test_a_span_over_a_line_break_is_cut_at_it() -> None:
    from edition.interchange.tei.common import split_lines
    from edition.model.diagnostics import Pos
    from edition.sources.markup import parse_blocks, text_positions

    text = "@lines one {em|two\nthree} four\n\nnext"
    (block, _), _ = parse_blocks(text, text_positions(text, Pos("t.md")))
    lines = split_lines(block.content)
    assert [plain_text(line) for line in lines] == ["one two", "three four"]
    assert [[n.kind for n in line if not hasattr(n, "text")] for line in lines] == [["em"], ["em"]]


def test_validation_reports_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text/></TEI>', encoding="utf-8")
    assert validate_tei(bad) and validate_cmif(bad)
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI", encoding="utf-8")
    assert validate_tei(broken) and validate_cmif(broken)


# --- CMIF ----------------------------------------------------------------------------------------------


def test_cmif_describes_every_letter_and_telegram(tmp_path: Path) -> None:
    project, _ = prepare(REPO)
    corpus = project.corpus
    path = export_cmif(corpus, project.registers, tmp_path / "cmif.xml")
    assert validate_cmif(path) == []
    tree = etree.parse(str(path))
    descs = tree.findall(".//t:correspDesc", NS)
    assert len(descs) == len(letters(corpus)) == sum(1 for d in corpus.documents if d.kind in ("letter", "telegram"))
    source = tree.find(".//t:sourceDesc/t:bibl", NS)
    assert source is not None and all(d.get("source") == "#" + source.get("{http://www.w3.org/XML/1998/namespace}id", "") for d in descs)
    first = next(d for d in descs if d.get("key") == "1")  # the letter's number in the reader (no. 1 is Stalin's of 1912)
    assert first.findtext("t:correspAction[@type='received']/t:persName", namespaces=NS) == "Kamenev, L. B."


def test_cmif_dates_of_the_julian_calendar_are_gregorian(tmp_path: Path) -> None:
    root = tricky_project(tmp_path / "project")
    project, _ = prepare(root)
    corpus = project.corpus
    path = export_cmif(corpus, project.registers, tmp_path / "cmif.xml")
    assert validate_cmif(path) == []
    date = etree.parse(str(path)).find(".//t:date[@from]", NS)
    assert date is not None
    assert (date.get("from"), date.get("to"), date.get("cert"), date.get("evidence")) == ("1912-09-29", "1912-10-01", "low", "conjecture")


# --- foreign TEI -----------------------------------------------------------------------------------------

needs_reference = pytest.mark.skipif(not REFERENCE.is_dir() or not any(REFERENCE.glob("*.xml")),
                                     reason="the reference TEI letters are not available")


@needs_reference
def test_two_senders_and_notes_of_a_schnitzler_letter() -> None:
    path = next(REFERENCE.glob("L03385*.xml"))
    result = read_tei(path)
    assert result.doc_id == "L03385"
    assert "authors: [goldmann-paul, rottenberg-theodore]" in result.text
    assert "date: '1903-08-29'" in result.text and "# received:" in result.text
    assert "{add:above|rechte}" in result.text and "{del|gelauf}" in result.text
    assert "{n:textual:1|Telegrammi:" in result.text  # a textual note keeps its lemma
    assert "Vermählung] " in result.text  # a commentary note names its lemma
    assert "goldmann-paul:" in result.persons_yaml and "gnd: https://d-nb.info/gnd/118609807/" in result.persons_yaml
    assert "lavarone:" in result.places_yaml
    assert "goldmann-paul" in result.unknown_persons
    assert any("Deutsches Literaturarchiv" in p for p in result.problems)
    assert import_tei(path) == result.text


@needs_reference
def test_reference_letters_import_into_a_project_that_checks(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "bibliography").mkdir(parents=True)
    (root / "bibliography" / "works.bib").write_text("", encoding="utf-8")
    (root / "edition.yaml").write_text('title: "Imported"\nparts:\n  - id: imported\n    title: "Imported"\n', encoding="utf-8")
    for path in sorted(REFERENCE.glob("*.xml")):
        assert cli_import_tei(path, Path("sources/imported"), False, root) == 0
    project, diags = prepare(root)
    corpus = project.corpus
    assert [str(d) for d in diags if d.is_error] == []
    assert len(corpus.documents) == 2
    lasker = corpus.document("L02653")
    assert lasker is not None and lasker.authors == ["lasker-schuler-else"] and lasker.recipients == ["schnitzler-arthur"]
    assert any(s.kind == "unclear" for s in walk_spans(lasker.body)) and any(s.kind == "gap" for s in walk_spans(lasker.body))
    assert [b.kind for b in lasker.body][-3:] == ["p", "postscript", "p"]
    assert corpus.persons["schnitzler-arthur"].born == "1862"  # written once, found again by name for the second letter


FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Ein Brief</title></titleStmt>
      <publicationStmt><p>x</p></publicationStmt>
      <sourceDesc><msDesc><msIdentifier><settlement>Wien</settlement><repository>Wienbibliothek</repository>
        <idno>H.I.N. 123</idno></msIdentifier></msDesc></sourceDesc>
    </fileDesc>
    <profileDesc>
      <correspDesc>
        <correspAction type="sent">
          <persName ref="#p1">Bahr, Hermann</persName>
          <persName>Ein Unbekannter</persName>
          <date notBefore="1900-01-01" notAfter="1900-03-31" cert="unknown">Anfang 1900</date>
        </correspAction>
        <correspAction type="received"><persName ref="http://d-nb.info/gnd/118609807">Schnitzler</persName></correspAction>
      </correspDesc>
    </profileDesc>
  </teiHeader>
  <text>
    <body>
      <div>
        <head>Überschrift</head>
        <p>Ein <hi rend="italic">kursives</hi> und <choice><orig>Thür</orig><reg>Tür</reg></choice> Wort
        mit <anchor xml:id="x1"/>Lemma<anchor xml:id="x2"/> und Punkt<anchor xml:id="x3"/>.<anchor xml:id="x4"/>
        Er sagte <quote>Ja</quote>; {Klammer} | @ \\ .</p>
        <lg><l>Erste Zeile</l><l>Zweite <persName ref="#p1">Zeile</persName></l></lg>
        <list><item>eins</item><item>zwei</item></list>
        <quote><p>Ein Zitat.</p></quote>
        <p>&gt; sieht aus wie ein Zitat</p>
        <closer><salute>Gruß</salute><signed>H. B.</signed></closer>
      </div>
    </body>
    <back>
      <note type="textConst" target="#x1" targetEnd="#x2">Textkritik.</note>
      <note type="commentary" target="#x3">Ein Kommentar.</note>
      <note type="textConst" target="#x4">Ohne Lemma.</note>
      <listPerson><person xml:id="p1"><persName><forename>Hermann</forename><surname>Bahr</surname></persName>
        <idno type="gnd">https://d-nb.info/gnd/118505947</idno></person></listPerson>
    </back>
  </text>
</TEI>
"""


def test_another_editions_letter_becomes_a_source_that_checks(tmp_path: Path) -> None:
    tei_file = tmp_path / "brief.xml"
    tei_file.write_text(FOREIGN, encoding="utf-8")
    root = mini_copy(tmp_path / "project")
    assert cli_import_tei(tei_file, Path("sources/letters"), False, root) == 0
    text = (root / "sources" / "letters" / "brief.md").read_text(encoding="utf-8")
    for expected in ("{em|kursives}", "{reg:Thür|Tür}", "{n:textual:1|Lemma}", "Punkt{n:editor:1}", '"Ja"',
                     r"\{Klammer\} \| @ \\", r"\> sieht aus", "@lines Erste Zeile\nZweite {p:bahr-hermann|Zeile}",
                     "@lines eins\nzwei", "> Ein Zitat.", "@closer Gruß", "@signed H. B.", "# manuscript: Wien, Wienbibliothek"):
        assert expected in text
    (root / "edition.yaml").write_text((root / "edition.yaml").read_text().replace("[letter]", "[letter, brief]"))
    project, diags = prepare(root)
    corpus = project.corpus
    assert [str(d) for d in diags if d.is_error] == []
    doc = corpus.document("brief")
    assert doc is not None and doc.authors == ["bahr-hermann"] and doc.recipients == ["schnitzler"]
    assert doc.date == EditionDate(not_before=PartialDate(1900, 1, 1), not_after=PartialDate(1900, 3, 31), cert="low")
    assert set(doc.notes["editor"]) == {"1", "2"}  # the apparatus note without a lemma went to the editor's notes
    assert set(doc.notes["textual"]) == {"1"} and doc.notes["editor"]["2"].content  # with its text, not left empty
    assert corpus.persons["bahr-hermann"].name == "Bahr, Hermann"


# --- the commands -------------------------------------------------------------------------------------------


def test_import_never_overwrites_without_force(tmp_path: Path) -> None:
    root = mini_copy(tmp_path / "project")
    project, _ = prepare(root)
    corpus = project.corpus
    export_tei(corpus, project.registers, project.plan, tmp_path / "tei")
    tei_file = tmp_path / "tei" / "letter.xml"
    target = Path("sources/letters/letter.md")
    original = (root / target).read_text(encoding="utf-8")
    assert cli_import_tei(tei_file, target, False, root) == 1
    assert (root / target).read_text(encoding="utf-8") == original
    assert cli_import_tei(tei_file, target, True, root) == 0
    assert cli_import_tei(tei_file, Path("sources/other"), False, root) == 0
    assert (root / "sources" / "other" / "letter.md").exists()


def test_import_reports_persons_the_register_lacks(tmp_path: Path) -> None:
    root = mini_copy(tmp_path / "project")
    project, _ = prepare(root)
    corpus = project.corpus
    export_tei(corpus, project.registers, project.plan, tmp_path / "tei")
    result = read_tei(tmp_path / "tei" / "letter.xml", {}, {}, corpus.config.series)
    assert result.unknown_persons == [] and result.persons_yaml == ""  # no register given: nothing to compare
    fewer = {k: v for k, v in corpus.persons.items() if k != "kamenev"}
    result = read_tei(tmp_path / "tei" / "letter.xml", fewer, corpus.places, corpus.config.series)
    assert result.unknown_persons == ["kamenev"] and "kamenev:" in result.persons_yaml


def test_export_commands(tmp_path: Path) -> None:
    root = mini_copy(tmp_path / "project")
    assert cli_export("tei", root, tmp_path / "out") == 0
    assert (tmp_path / "out" / "letter.xml").exists() and (tmp_path / "out" / "persons.xml").exists()
    assert cli_export("cmif", root, tmp_path / "out") == 0
    assert validate_cmif(tmp_path / "out" / "cmif.xml") == []
    assert cli_export("pdf", root, tmp_path / "out") == 1
    source = root / "sources" / "letters" / "letter.md"
    source.write_text(source.read_text(encoding="utf-8").replace("{p:kamenev|friend}", "{p:nobody|friend}"), encoding="utf-8")
    assert cli_export("tei", root, tmp_path / "out2") == 1
    assert not (tmp_path / "out2").exists()
