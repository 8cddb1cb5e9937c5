"""The reader as a book: contents, running heads, print options, booklet, and a build
that does no LaTeX run when nothing changed; the small commands list and new."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project, edition, edition_here, pdf_pages, pdf_text, require_latex
from pypdf import PdfReader


def test_contents_lists_every_document_with_the_page_it_starts_on(reader_build: Path):
    pdf = reader_build / "build" / "reader.pdf"
    pages = pdf_pages(pdf)
    labels = PdfReader(str(pdf)).page_labels
    contents = " ".join(" ".join(p.split()) for p in pages[:8] if "Contents" in p or "Stalin to Molotov" in p)
    contents = contents.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
    from pybtex.database import parse_file

    entries = [e for e in parse_file(str(reader_build / "build" / "reader.bib")).entries.values() if e.type == "incollection"]
    for entry in entries:
        title, first = entry.fields["title"], entry.fields["pages"].split("--")[0]
        flat_title = " ".join(title.split()).translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
        assert re.search(re.escape(flat_title) + r"[ .]*" + first + r"\b", contents), (title, first)
        assert first in labels, (title, first)


def test_a_cold_build_of_the_reader_takes_two_passes(reader_build: Path):
    """Notes, apparatus line numbers and index pages are right from the first pass on
    (edition-notes.lua, edition-index.lua), the contents are seeded: the second pass only
    prints the page references the first one found, and changes nothing they depend on."""
    passes = (reader_build / "build" / "tex" / "passes.tsv").read_text().splitlines()
    assert [line.split("\t")[0] for line in passes] == ["lualatex", "lualatex"]
    # The first only gathers page numbers: draft mode, no PDF written (latex/latexmkrc.jinja).
    assert [line.split("\t")[3] for line in passes] == ["draft", "full"]
    log = (reader_build / "build" / "tex" / "reader.log").read_text(errors="replace")
    assert "Rerun to get" not in log and "may have changed" not in log
    assert not re.search(r"Reference .* undefined", log)


def test_running_head_of_a_page_names_its_document(reader_build: Path):
    pages = pdf_pages(reader_build / "build" / "reader.pdf")
    # A right-hand page inside the long Trotsky letter carries its title and date in the head.
    inside = [p for p in pages if "paragraph" in p.lower() or "Martinov" in p]
    heads = [p.strip().split("\n")[0] for p in pages]
    assert any("Trotsky to the Bureau of Party History" in h for h in heads)
    assert any("Stalin to Molotov, [26 May 1926]" in h for h in heads)
    assert any("Before the Revolution" in h for h in heads)  # left pages: the part
    assert inside
    # A title too long for the head gives its short form (passes/heads.py, or short_title:), never
    # cut with an ellipsis; the head stays on one line with its date whole.
    long_heads = [h for h in heads if re.match(r"\d+\. Stalin: Story of a Great Servant", h)]
    assert long_heads and all(re.search(r"Servant, 6 March 1953\s+\d+$", h) and "\u2026" not in h
                              for h in long_heads), long_heads


@pytest.mark.latex
def test_print_options_from_the_command_line_and_a_booklet(tmp_path: Path):
    require_latex()
    root = copy_project(FIXTURES / "mini", tmp_path)
    run = edition(root, "build", "--paper", "letter", "--one-sided", "--booklet")
    assert run.code == 0, run.err
    pdf = root / "build" / "reader.pdf"
    reader = PdfReader(str(pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    n = len(reader.pages)
    booklet = PdfReader(str(root / "build" / "reader-booklet.pdf"))
    assert len(booklet.pages) * 2 == (n + 3) // 4 * 4  # two pages a side, rounded to a multiple of four
    # The counts reported are those of the PDFs (read from their page trees' /Count).
    assert f"reader.pdf ({n} pages" in run.err
    assert f"reader-booklet.pdf ({len(booklet.pages)} pages, {len(booklet.pages) // 2} sheets)" in run.err
    sheet = booklet.pages[0].mediabox
    assert (round(float(sheet.width)), round(float(sheet.height))) == (792, 612)
    first_side = pdf_text(root / "build" / "reader-booklet.pdf", layout=True, page=1)
    assert "Mini Reader" in first_side  # page 1 on the right half of the first sheet
    last = " ".join(pdf_pages(pdf)[-1].split())
    if (n % 4) == 0 and last:
        assert last.split()[0] in first_side  # and the last page on its left half


@pytest.mark.latex
def test_second_build_with_nothing_changed_runs_no_latex(tmp_path: Path):
    require_latex()
    root = copy_project(FIXTURES / "mini", tmp_path)
    assert edition(root, "build").code == 0
    log = root / "build" / "tex" / "reader.log"
    before = log.stat().st_mtime_ns
    run = edition(root, "build")
    assert run.code == 0
    assert "nothing changed since the last good build; no LaTeX run" in run.err
    assert log.stat().st_mtime_ns == before
    # --force goes past the fingerprint; latexmk still sees unchanged LaTeX files, and says so.
    run = edition(root, "build", "--force")
    assert run.code == 0 and "no LuaLaTeX pass: the generated LaTeX had not changed" in run.err
    # Any change to a source builds again.
    doc = root / "sources" / "letters" / "letter.md"
    doc.write_text(doc.read_text().replace("alone", "quite alone"))
    run = edition(root, "build")
    assert "no LaTeX run" not in run.err and run.code == 0
    assert log.stat().st_mtime_ns != before


def test_list_and_new(tmp_path: Path):
    root = copy_project(FIXTURES / "mini", tmp_path)
    run = edition_here(root, "new", "telegram", "--id", "1926-06-02-stalin-kamenev", "--author", "stalin", "--to", "kamenev",
                  "--date", "1926-06-02", "--part", "one")
    assert run.code == 0, run.err
    assert "added '1926-06-02-stalin-kamenev' to the documents of part 'one'" in run.err
    assert "documents: [letter, 1926-06-02-stalin-kamenev]" in (root / "edition.yaml").read_text()
    assert edition_here(root, "new", "telegram", "--id", "1926-06-02-stalin-kamenev", "--part", "one").code == 1
    unknown = edition_here(root, "new", "note", "--id", "x", "--part", "onw")
    assert unknown.code == 1 and "no part 'onw'" in unknown.err and "did you mean 'one'?" in unknown.err
    listing = edition_here(root, "list")
    assert re.search(r"1926-06-02-stalin-kamenev\s+2 June 1926\s+Stalin -> Kamenev", listing.out)
    assert re.search(r"^letter\s+\[December 1912\]", listing.out, re.M)
    check = edition_here(root, "check")
    assert check.code == 0 and "in no part" not in check.err, check.err


def test_bookmarks_hold_parts_and_documents_once_with_their_characters(reader_build: Path):
    reader = PdfReader(str(reader_build / "build" / "reader.pdf"))
    titles: list[str] = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    assert "Before the Revolution" in titles and "Stalin’s Letters to Molotov, 1926" in titles
    assert titles.count("Stalin to Kamenev, [December 1912]") == 1
    assert "Lenin on ‘Jewish Nation’, 22 October 1903" in titles
    assert reader.metadata["/Title"] == "Lenin, Stalin and the Bolshevik Leadership"
    assert "Bolsheviks" in reader.metadata["/Keywords"]
