"""A document with its original: the source format, the check, the plan, and the print."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project, edition, pdf_pages, require_latex
from parallel_pair import check_spreads, make_pair

from edition.pipeline import prepare

VERSIONS = FIXTURES / "versions"


def _project(tmp_path: Path) -> Path:
    (tmp_path / "p").mkdir()
    return copy_project(VERSIONS, tmp_path / "p")


def test_original_in_the_same_file_and_in_a_sibling_file() -> None:
    project, diags = prepare(VERSIONS)
    assert [str(d) for d in diags if d.is_error] == []
    by_id = project.corpus.by_id()
    same, sibling = by_id["same-file"], by_id["sibling"]
    assert same.original is not None and same.original.language == "ru"
    assert [b.kind for b in same.original.body] == ["salute", "p", "p", "signed"]
    assert sibling.original is not None and sibling.original.path.endswith("sibling.ru.md")
    assert "sibling.ru" not in by_id  # a version file is no document
    assert "a1" in sibling.notes["author"]  # the sibling's notes join the document's


def test_plan_keeps_modes_units_and_each_versions_note_numbers() -> None:
    project, _ = prepare(VERSIONS)
    plan = project.plan
    assert plan.parallel["same-file"].mode == "facing"
    assert plan.parallel["sibling"].mode == "columns"  # edition.yaml: originals: documents:
    units = plan.parallel["sibling"].units
    assert [(u.key, u.first, u.second) for u in units] == [("", (0, 1), (0, 1)), ("two", (1, 4), (1, 5))]
    # each version numbers its notes from 1
    assert plan.note_number("same-file", "editor", "1") == 1
    assert plan.note_number("same-file", "editor", "ru-1") == 1
    assert plan.parallel["same-file"].original_notes == {("editor", "ru-1"), ("textual", "o")}
    labels = [line.label for line in plan.documents["same-file"].source_lines]
    assert labels == ["Translation", "Russian text", "Status"]


def test_a_unit_with_as_many_blocks_in_both_versions_is_split_block_by_block() -> None:
    from edition.model.alignment import align
    from edition.model.corpus import Block, Span, Text
    from edition.model.diagnostics import Pos

    def block(point: str = "") -> Block:
        span = [Span("align", [point], [], Pos("x.md", 1, 1))] if point else []
        return Block("p", [*span, Text("words", Pos("x.md", 1, 1))], Pos("x.md", 1, 1))

    # three and three paragraphs before the point, one beside two after it
    units, problems = align([block(), block(), block(), block("end")],
                            [block(), block(), block(), block("end"), block()])
    assert problems == []
    assert [(u.key, u.first, u.second) for u in units] == [
        ("", (0, 1), (0, 1)), ("", (1, 2), (1, 2)), ("", (2, 3), (2, 3)), ("end", (3, 4), (3, 5))]


def test_index_finds_a_person_named_only_in_the_original(tmp_path: Path) -> None:
    root = _project(tmp_path)
    doc = root / "sources" / "letters" / "same-file.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("Уезжайте,", "Уезжайте, {p:stalin|Коба},"), encoding="utf-8")
    project, _ = prepare(root)
    assert "stalin" in project.plan.mentioned["p"]


def _errors(root: Path) -> list[str]:
    _, diags = prepare(root)
    return [str(d) for d in diags if d.is_error]


def test_paragraphs_that_do_not_align_are_an_error_at_both_places(tmp_path: Path) -> None:
    root = _project(tmp_path)
    doc = root / "sources" / "letters" / "same-file.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("Уезжайте, {n:textual:o|вылечитесь}.",
                                                           "Уезжайте.\n\nВылечитесь{n:textual:o|!}"), encoding="utf-8")
    errors = _errors(root)
    assert len(errors) == 1, errors
    # the translation's place, and the original's, where they part: paragraph 4 is a
    # signature in the translation and a paragraph in the original
    assert re.match(r"sources/letters/same-file.md:\d+:\d+: error: the translation has 4 paragraphs and the original 5: "
                    r"they part at paragraph 4 \(the original: sources/letters/same-file.md:\d+:\d+\)", errors[0]), errors


def test_alignment_points_out_of_order_or_missing(tmp_path: Path) -> None:
    root = _project(tmp_path)
    ru = root / "sources" / "letters" / "sibling.ru.md"
    ru.write_text(ru.read_text(encoding="utf-8").replace("{align:two}", "{align:three}"), encoding="utf-8")
    errors = _errors(root)
    assert any("alignment point 'two' of the translation has none in the original" in e for e in errors), errors
    assert any(e.startswith("sources/letters/sibling.md:") and "sibling.ru.md:" in e for e in errors), errors


def test_version_file_for_an_unknown_document(tmp_path: Path) -> None:
    root = _project(tmp_path)
    ru = root / "sources" / "letters" / "sibling.ru.md"
    ru.write_text(ru.read_text(encoding="utf-8").replace("version_of: sibling", "version_of: sibbling"), encoding="utf-8")
    assert any("sibling.ru.md:1:1: error: version_of: no document has the id 'sibbling'" in e for e in _errors(root))


def test_original_line_without_metadata_and_unknown_mode(tmp_path: Path) -> None:
    root = _project(tmp_path)
    doc = root / "sources" / "letters" / "same-file.md"
    text = doc.read_text(encoding="utf-8")
    doc.write_text(re.sub(r"original:\n(  .*\n)+", "", text), encoding="utf-8")
    cfg = root / "edition.yaml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("sibling: columns", "sibling: colums"), encoding="utf-8")
    errors = _errors(root)
    assert any("a line '@original' but no 'original:' in the front matter" in e for e in errors), errors
    assert any("the print mode of 'sibling' must be one of" in e and "columns" in e for e in errors), errors


@pytest.mark.latex
def test_versions_fixture_prints_each_mode(tmp_path: Path) -> None:
    require_latex()
    root = _project(tmp_path)
    run = edition(root, "build")
    assert run.code == 0, run.err
    assert "2 LuaLaTeX pass" in run.out + run.err
    pages = pdf_pages(root / "build" / "reader.pdf")
    left = next(i for i, p in enumerate(pages) if "Алексей Максимыч" in p)
    assert left % 2 == 1  # 0-based: an even page number, a left page
    assert "Alexei Maximovich" in pages[left + 1] and "Alexei" not in pages[left]
    assert "The note on the Russian text" in pages[left] and "The English note" in pages[left + 1]
    columns = next(p for p in pages if "Напишем в Питер" in p)
    assert re.search(r"Напишем в Питер\.\s+We shall write to St\. Petersburg\.", columns)  # one row, two columns


@pytest.mark.latex
def test_forty_page_pair_stays_in_sync_spread_by_spread(tmp_path: Path) -> None:
    """140 aligned paragraphs with long notes on both sides (about 40 pages a version): from
    cold, two LuaLaTeX passes, and every spread shows the same paragraphs on both pages."""
    require_latex()
    root = make_pair(tmp_path / "pair", pairs=140)
    started = time.monotonic()
    run = edition(root, "build")
    elapsed = time.monotonic() - started
    assert run.code == 0, run.err
    assert "2 LuaLaTeX pass" in run.out + run.err
    report = check_spreads(root / "build" / "reader.pdf", 140)
    print(f"facing pages: {report.pages} pages, {report.spreads} spreads, {elapsed:.1f} s")  # noqa: T201
    assert report.spreads >= 40
    assert report.out_of_sync == []
    assert report.wrong_side == []
    assert report.notes_off_page == []
    assert report.lost == []
    shutil.rmtree(root / "build" / "tex", ignore_errors=True)


def test_original_after_the_translation_and_columns_as_latex(tmp_path: Path) -> None:
    from edition.latex.render import render

    root = _project(tmp_path)
    cfg = root / "edition.yaml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("sibling: columns", "sibling: after"), encoding="utf-8")
    project, _ = prepare(root)
    files, _ = render(project.plan)
    after = files["docs/sibling.tex"]
    assert after.index("I entreat you") < after.index(r"\edOriginalAfter{Russian}") < after.index("Очень прошу")
    assert r"\begin{otherlanguage}{russian}" in after and r"\edFacingPages" not in after
    facing = files["docs/same-file.tex"]
    assert facing.index(r"\begin{edVersion}{L}{russian}") < facing.index(r"\begin{edVersion}{R}{english}")
    assert facing.count(r"\edParBoundary") == 8  # four units, in each version
    assert r"\usepackage{edition-parallel}" in files["reader.tex"]
    assert "edition-parallel.lua" in files and "edition-parallel.sty" in files


@pytest.mark.latex
def test_a_translation_a_page_longer_than_its_original_keeps_the_spreads(tmp_path: Path) -> None:
    """A paragraph of the translation runs two pages beyond its original's: the original's
    last page holds nothing but the line list's writes, and is still a page (it was no page
    to TeX's page builder, and the build stopped with 'a page overflowed')."""
    require_latex()
    root = _project(tmp_path)
    doc = root / "sources" / "letters" / "same-file.md"
    long = " ".join(["Go away and rest, the doctors of the south will see to it that you recover."] * 70)
    doc.write_text(doc.read_text().replace("@signed Yours, {p:lenin|Lenin}", f"{long} EndOfLong. Yours, {{p:lenin|Lenin}}"))
    run = edition(root, "build", "--paper", "a5")
    assert run.code == 0, run.err
    pages = pdf_pages(root / "build" / "reader.pdf")
    end = next(i for i, p in enumerate(pages) if "EndOfLong" in p)
    assert end % 2 == 0 and "Ваш Ленин" in pages[end - 3]  # a right page; the left page facing it is empty
    assert not re.sub(r"Letters|[\d\s]", "", pages[end - 1]), pages[end - 1]
