"""Print and web agree: the same documents in the same order with the same "Cite as" and pages,
every note of the web page with its mark and words on the printed pages of its document, every citation of a work in
the printed form (full, short, ibid.). The PDF is read with pdftotext, the pages with lxml."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from conftest import pdf_pages

pytestmark = pytest.mark.latex


def _squeeze(text: str) -> str:
    """Text with line breaks, hyphenation and spacing out of the way: what both outputs must share."""
    return re.sub(r"[\s\u00ad\-]+", "", text)


def _page_index(pdf: Path) -> dict[str, int]:
    """Printed page label -> index in the PDF (the front matter has roman numbers)."""
    from pypdf import PdfReader

    return {label: i for i, label in enumerate(PdfReader(str(pdf)).page_labels)}


@pytest.fixture(scope="module")
def both(reader_build: Path, reader_site: Path) -> tuple[Path, Path]:
    return reader_build / "build" / "reader.pdf", reader_site


def _documents(site: Path) -> list[tuple[int, Path, lxml.html.HtmlElement]]:
    found = []
    for page in sorted((site / "documents").glob("*.html")):
        tree = lxml.html.parse(str(page)).getroot()
        number = int(tree.find_class("doc-number")[0].text_content())
        found.append((number, page, tree))
    return sorted(found, key=lambda t: t[0])


def test_documents_cite_as_and_pages_agree(both: tuple[Path, Path]) -> None:
    pdf, site = both
    # "Cite as" ends with its pages, wherever the page's notes follow it
    printed = [_squeeze(m) for m in re.findall(r"Cite as: (.*?pp?\.\s[0-9ivxlc]+(?:\u2013[0-9ivxlc]+)?\.)", "\n".join(pdf_pages(pdf, layout=False)), re.S)]
    web = [_squeeze(tree.get_element_by_id("cite-text").text_content()) for _n, _p, tree in _documents(site)]
    assert len(web) == 36 and web == printed  # same order (the web's numbers), same words, same pages
    assert all(re.search(r"pp?\.\d", w) for w in web)


def test_notes_and_citations_agree(both: tuple[Path, Path]) -> None:
    pdf, site = both
    pages = pdf_pages(pdf, layout=False)
    index = _page_index(pdf)
    checked_notes = checked_cites = 0
    for _number, _page, tree in _documents(site):
        printed = tree.find_class("cite-pages")[0].text_content()
        first, _, last = re.search(r"pp?\.\s([^.]+)\.", printed).group(1).partition("\u2013")
        text = "\n".join(pages[index[first]:index[last or first] + 1])
        lines = [line.strip() for line in text.split("\n")]
        squeezed = _squeeze(text)
        for li in tree.find_class("note"):
            if li.getparent().getparent().get("class", "").endswith("note-series-textual"):
                continue  # the apparatus is keyed to line numbers in print, to letters on the web
            mark, words = li.get("data-mark"), _squeeze(li.find_class("note-body")[0].text_content())[:25]
            # pdftotext sets a footnote's mark just before the note's words, or on a line of its own
            assert mark + words in squeezed or (mark in lines and words in squeezed), (li.get("id"), mark, words)
            checked_notes += 1
        for cite in tree.find_class("citation"):
            # its beginning and its end as printed (an apparatus line may stand between them in pdftotext's text)
            words = _squeeze(cite.text_content())
            assert words[:30] in squeezed and words[-30:] in squeezed, (cite.get("data-form"), cite.text_content())
            checked_cites += 1
    assert checked_notes > 100 and checked_cites > 10, (checked_notes, checked_cites)


@pytest.mark.browser
def test_the_printed_pages_are_marked_where_they_begin_and_listed_in_the_epub(both: tuple[Path, Path]) -> None:
    """Each page of the reader that begins with a document's heading, headnote or text is marked
    (role doc-pagebreak, the page's number) before that heading or the paragraph its first line is
    in, and the EPUB lists them (its page-list, epub:type pagebreak) and names its page source."""
    import zipfile

    from tests.web.harness import browse, epubcheck, serve, validate_html

    pdf, site = both
    pages = pdf_pages(pdf, layout=False)
    index = _page_index(pdf)
    marked: list[str] = []
    for _number, _page, tree in _documents(site):
        labels = []
        for marker in tree.xpath("//*[@role='doc-pagebreak']"):
            label = marker.text_content()
            printed = _squeeze(pages[index[label]])
            after = marker.getnext()
            while after is not None and after.get("role") == "doc-pagebreak":  # two pages begin with the same element
                after = after.getnext()
            if after is None or after.tag == "header":  # the page begins with the document's heading
                heading = tree.find_class("document-head")[0].find("h1")
                assert _squeeze(heading.text_content())[-20:] in printed, (label, heading.text_content())
            else:  # with a line of this paragraph: some of its words are on the page
                words = _squeeze(after.text_content())
                assert any(words[i:i + 16] in printed for i in range(0, max(1, len(words) - 15), 8)), (label, words[:60])
            labels.append(int(label))
        assert labels == sorted(labels)
        marked += [str(n) for n in labels]
    assert len(marked) == len(set(marked)) and len(marked) > 100, marked
    with zipfile.ZipFile(site / "edition.epub") as book:
        nav = next(book.read(n).decode() for n in book.namelist() if n.endswith("nav.xhtml"))
        opf = next(book.read(n).decode() for n in book.namelist() if n.endswith(".opf"))
        chapters = "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml"))
    listed = re.search(r'<nav[^>]*epub:type="page-list".*?</nav>', nav, re.S)
    assert listed is not None and re.findall(r">([^<>]+)</a>", listed.group(0)) == marked
    assert chapters.count('epub:type="pagebreak"') == len(marked)
    assert re.search(r'<dc:source id="print-source">[^<]*A Reader \(2026\), PDF</dc:source>', opf) and "pageNavigation" in opf
    assert '<meta refines="#print-source" property="source-of">pagination</meta>' in opf
    documents = [p for _n, p, _t in _documents(site)]
    errors = validate_html(documents[:12])  # the pages with their markers are valid HTML, and axe finds nothing
    assert not errors, errors[:10]
    with serve(site) as base:
        report = browse({"base": base, "pages": [p.relative_to(site).as_posix() for p in documents[:6]]})
    problems = {p: r["violations"] for p, r in report["pages"].items() if r["violations"]}
    assert not problems, str(problems)[:3000]
    code, out = epubcheck(site / "edition.epub")
    assert code == 0 and ("No errors or warnings" in out or "0 fatals / 0 errors" in out), out[-3000:]
