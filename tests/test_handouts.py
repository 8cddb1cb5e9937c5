"""``edition handouts``: each document as a PDF of its own, linked from its web page."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from tests.conftest import FIXTURES, copy_project, edition, pdf_text, require_latex


@pytest.mark.latex
def test_each_document_gets_its_own_pdf_and_its_page_links_it(tmp_path: Path) -> None:
    require_latex()
    root = copy_project(FIXTURES / "web", tmp_path)
    run = edition(root, "handouts")
    assert run.code == 0, run.err
    handouts = sorted(p.name for p in (root / "build" / "documents").glob("*.pdf"))
    assert handouts == ["hostile.pdf", "letter-ru.pdf"], run.err
    assert "(2 of 2)" in run.err
    russian, hostile = (" ".join(pdf_text(root / "build" / "documents" / f"{name}.pdf").split())
                        for name in ("letter-ru", "hostile"))
    assert "Дорогой товарищ" in russian and "Дорогой товарищ" not in hostile  # each holds its own document only
    assert 'Title <script>alert(“doc”)</script>' in hostile  # the quotes set by the typography pass
    # A reference to a document the handout does not set gives its number and title, and no
    # page: the printed reader's pages are not this PDF's.
    assert "no. 2, Письмо товарищу, 26 May 1926" in hostile
    assert "⁇" not in hostile and "⁇" not in russian

    assert edition(root, "build", "--html").code == 0
    site = root / "build" / "html"
    page = lxml.html.parse(str(site / "documents" / "letter-ru.html")).getroot()
    links = [a.get("href") for a in page.iter("a") if (a.get("href") or "").endswith(".pdf")]
    assert "../downloads/documents/letter-ru.pdf" in links
    assert (site / "downloads" / "documents" / "letter-ru.pdf").read_bytes() == \
        (root / "build" / "documents" / "letter-ru.pdf").read_bytes()


def test_a_broken_source_stops_the_handouts_before_any_build(tmp_path: Path) -> None:
    root = copy_project(FIXTURES / "web", tmp_path)
    letter = root / "sources" / "docs" / "letter-ru.md"
    letter.write_text(letter.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    run = edition(root, "handouts")
    assert run.code == 1
    assert "sources/docs/letter-ru.md:" in run.err and "Traceback" not in run.err
    assert not (root / "build" / "documents").exists()
