"""No parentheses inside parentheses (passes/brackets.py): inside a parenthesis of the prose a
reference's page follows a comma and a citation's own parentheses are brackets, in the PDF and
the web edition alike; in running prose the forms are the usual ones."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from conftest import pdf_pages

from edition.passes.brackets import squared
from edition.pipeline import prepare

REPO = Path(__file__).resolve().parent.parent


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_a_citations_parentheses_become_brackets_and_its_tags_stay() -> None:
    from pybtex.richtext import HRef, Tag, Text

    cited = Text("Kamenev, ed., ", Tag("em", "Leninskii sbornik (II)"), " (Moscow, 1924), ", HRef("https://x.org/(a)", "here"))
    assert squared(cited).render_as("text") == "Kamenev, ed., Leninskii sbornik [II] [Moscow, 1924], here"
    assert "https://x.org/(a)" in squared(cited).render_as("html")  # an address is not text to set
    assert squared("Works (1924)") == "Works [1924]"


def test_the_plan_marks_only_what_stands_inside_a_parenthesis() -> None:
    plan = prepare(REPO)[0].plan
    inside = {owner for owner, _uid in plan.bracketed_refs}
    assert "1926-08-27-stalin-molotov" in inside  # "(see {ref:...:editor:2})"
    assert all(owner in plan.documents or owner.startswith("part:") for owner in inside)


@pytest.mark.latex
def test_the_reader_sets_no_parenthesis_inside_a_parenthesis(reader_build: Path, reader_site: Path) -> None:
    text = _flat(" ".join(pdf_pages(reader_build / "build" / "reader.pdf")))
    assert not re.search(r"\(p\. \d+\)\)", text), "a page in parentheses inside a parenthesis"
    assert re.search(r"Anglo-Russian Committee \(see no\. \d+, Stalin to Molotov, \[8 September 1926\], note \d+, p\. \d+\)", text)
    assert "[Moscow and Leningrad: Gosudarstvennoe izdatelʹstvo, 1924])" in text
    assert "[London: Daily Worker Co-operative Society, March 6, 1953])" in text
    # in running prose a reference's page stays in parentheses
    assert re.search(r"In the copy, note \d+ \(p\. \d+\) repeats", text)
    page = lxml.html.parse(str(reader_site / "documents" / "1916-10-lenin-stockholm.html")).getroot()
    assert "vol. 2 [Moscow and Leningrad: Gosudarstvennoe izdatelʹstvo, 1924]" in _flat(page.text_content())
