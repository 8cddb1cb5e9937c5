"""The fonts: every character of the sources is one a font of the reader has, said in
'edition check' at its place; the marks the documentation promises print (⸌ ⸍ of {add})."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, built_copy, copy_project, edition, edition_here, pdf_text

from edition.build.fonts import FAMILIES, coverage, parse_charset
from edition.latex.scripts import MACRO_MARKS

STY = (REPO / "latex" / "edition-fonts.sty").read_text(encoding="utf-8")
TEXT_STY = (REPO / "latex" / "edition-text.sty").read_text(encoding="utf-8")


def test_the_families_checked_are_those_the_style_uses() -> None:
    for family in FAMILIES:
        assert f"{family}" in STY, family
    used = set(re.findall(r'"([A-Z][A-Za-z ]+?):mode=harf;', STY)) | set(re.findall(r"\\setmainfont\{([^}]+)\}", STY))
    assert used <= set(FAMILIES), used - set(FAMILIES)


def test_the_marks_macros_print_are_declared() -> None:
    for macro, marks in MACRO_MARKS.items():
        definition = next(line for line in TEXT_STY.splitlines() if line.startswith(f"\\newcommand*{{{macro}}}"))
        assert all(m in definition for m in marks), definition


def test_fontconfig_charsets_are_read() -> None:
    assert parse_charset("20-22 2e0c zz") == {0x20, 0x21, 0x22, 0x2E0C}


needs_fonts = pytest.mark.skipif(coverage() is None, reason="fontconfig cannot be asked")


@needs_fonts
def test_a_character_no_font_has_is_an_error_at_its_place(tmp_path: Path) -> None:
    root = copy_project(FIXTURES / "mini", tmp_path)
    letter = root / "sources" / "letters" / "letter.md"
    letter.write_text(letter.read_text(encoding="utf-8").replace("I {sup|was} alone", "I {sup|was} \u0b85lone \u0b85"), encoding="utf-8")
    run = edition_here(root, "check")
    assert run.code == 1
    said = [line for line in run.err.splitlines() if "U+0B85" in line]
    assert said == ["sources/letters/letter.md:19:13: error: no font of the reader has the character U+0B85 (TAMIL LETTER A): "
                    "it would print as nothing"], run.err  # once per file, at its first place


@needs_fonts
def test_the_shipped_reader_has_no_character_without_a_font(tmp_path: Path) -> None:
    run = edition(copy_project(REPO, tmp_path), "check")
    assert "no font of the reader has" not in run.err


@pytest.mark.latex
@pytest.mark.skipif(shutil.which("lualatex") is None or coverage() is None or 0x2E0C not in (coverage() or ()),
                    reason="LuaLaTeX, or a font with the marks of an addition (fonts-junicode)")
def test_the_marks_of_an_addition_print(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    root = built_copy(tmp_path_factory, "mini", tmp_path)
    letter = root / "sources" / "letters" / "letter.md"
    letter.write_text(letter.read_text(encoding="utf-8").replace("I {sup|was} alone", "I {sup|was} {add:above|quite} alone"), encoding="utf-8")
    run = edition(root, "build")
    assert run.code == 0, run.err
    pdf = root / "build" / "reader.pdf"
    text = pdf_text(pdf)
    assert "\u2e0cquite\u2e0d" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Junicode" in fonts
    assert "Missing character" not in (root / "build" / "tex" / "reader.log").read_text(encoding="utf-8", errors="replace")


@pytest.mark.latex
def test_question_and_exclamation_marks_print_as_written(reader_build: Path) -> None:
    """Libertine joins "??", "!!" and "?!" into one glyph (⁇ ‼ ⁈); the reader prints them as the
    source writes them, two characters that copy from the PDF as two (latex/edition-fonts.sty)."""
    text = " ".join(pdf_text(reader_build / "build" / "reader.pdf").split())
    assert "не всерьез писали??" in text
    assert not re.search("[\u2047\u203c\u2048\u2049]", text)
