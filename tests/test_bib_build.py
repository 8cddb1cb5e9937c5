"""The bibliography in a real LuaLaTeX build: whatever a field holds prints literally."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project, edition, pdf_text, require_latex
from pypdf import PdfReader

URL = r"https://example.org/~user/a^b\c%d#e{f}g_h&i$j"


def _link_targets(pdf: Path) -> list[str]:
    found = []
    for page in PdfReader(str(pdf)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                found.append(str(action["/URI"]))
    return found


@pytest.mark.latex
def test_a_url_with_tex_specials_prints_and_links_regression(tmp_path: Path) -> None:
    """A cited entry whose url held '~', '^' or '\\' stopped the build ("File ended while
    scanning use of \\edCitation"): escape_url wrote '%7E' into a TeX argument."""
    require_latex()
    root = copy_project(FIXTURES / "mini", tmp_path)
    bib = root / "bibliography" / "works.bib"
    bib.write_text(bib.read_text() + "@online{web, author = {Doe, Jane}, title = {A Page}, year = 2001,\n"
                   f"  url = {{{URL}}}}}\n", encoding="utf-8")
    doc = root / "sources" / "letters" / "letter.md"
    doc.write_text(doc.read_text().replace("A note citing {cite:lenin-cw-35|p. 232}.",
                                           "A note citing {cite:lenin-cw-35|p. 232} and {cite:web}."))
    run = edition(root, "build")
    assert run.code == 0, run.err
    pdf = root / "build" / "reader.pdf"
    flat = re.sub(r"\s", "", pdf_text(pdf))
    assert URL in flat
    assert "https://example.org/~user/a%5Eb%5Cc%25d#e%7Bf%7Dg_h&i$j" in _link_targets(pdf)
