"""The works cited, the citations in notes, and the bibliography exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project, edition, pdf_pages, pdf_text, require_latex
from pybtex.database import parse_file
from pypdf import PdfReader


@pytest.mark.latex
def test_works_cited_holds_exactly_the_cited_works_in_order(tmp_path: Path):
    require_latex()
    root = copy_project(FIXTURES / "mini", tmp_path)
    bib = root / "bibliography" / "works.bib"
    bib.write_text(bib.read_text() + """
@book{yakovlev, author = {Яковлев, А.}, title = {Uncited Work}, year = 1990}
@book{elkin, author = {Ёлкин, Б.}, title = {Kniga}, year = 1991, publisher = {Nauka}, location = {Moscow}}
@book{aaron, author = {Aaron, D.}, title = {Writers on the Left}, year = 1961, publisher = {Harcourt}, location = {New York}}
""")
    doc = root / "sources" / "letters" / "letter.md"
    doc.write_text(doc.read_text().replace("A note citing {cite:lenin-cw-35|p. 232}.",
                                           "A note citing {cite:lenin-cw-35|p. 232}, {cite:elkin|p. 5}, {cite:aaron|p. 9}\n"
                                           "      and again {cite:lenin-cw-35|p. 240}."))
    run = edition(root, "build")
    assert run.code == 0, run.err
    flat = " ".join(pdf_text(root / "build" / "reader.pdf").split())
    works = flat[flat.rindex("Works Cited"):]
    assert "Uncited Work" not in works
    order = [works.index(s) for s in ("Aaron, D.", "Lenin, V. I.", "Ёлкин, Б.")]
    assert order == sorted(order)
    # First citation in full, the next one short.
    assert "V. I. Lenin, Collected Works, vol. 35 (Moscow: Progress Publishers, 1976), p. 232" in flat
    assert "and again Lenin, Collected Works, p. 240" in flat
    exported = parse_file(str(root / "build" / "works-cited.bib"))
    assert sorted(exported.entries) == ["aaron", "elkin", "lenin-cw-35"]
    assert exported.entries["elkin"].persons["author"][0].last_names == ["Ёлкин"]
    csl = json.loads((root / "build" / "works-cited.json").read_text())
    assert {item["id"] for item in csl} == {"aaron", "elkin", "lenin-cw-35"}


def test_reader_bib_page_ranges_are_those_of_the_pdf(reader_build: Path):
    pdf = reader_build / "build" / "reader.pdf"
    labels = PdfReader(str(pdf)).page_labels
    pages = pdf_pages(pdf)
    exported = parse_file(str(reader_build / "build" / "reader.bib"))
    documents = [e for e in exported.entries.values() if e.type == "incollection"]
    sources = [p for p in (reader_build / "sources").rglob("*.md")  # a document's original is no document of its own
               if "\nversion_of:" not in p.read_text(encoding="utf-8").split("\n---\n", 1)[0]]
    assert len(documents) == len(sources)
    starts = []
    for entry in documents:
        first, _, last = entry.fields["pages"].partition("--")
        last = last or first
        heading = entry.fields["title"].rsplit(",", 1)[0] if "[" in entry.fields["title"] else entry.fields["title"].split(",")[0]
        page = pages[labels.index(first)]
        assert heading.split()[0] in page, (entry.key, first)
        assert labels.index(last) >= labels.index(first)
        starts.append((labels.index(first), labels.index(last)))
    starts.sort()
    # A document's pages end where the next one's begin, or later by the pages its long notes run
    # on (its pages run to the end of its last note), never past the next document's end.
    for (_, last), (next_first, next_last) in zip(starts, starts[1:], strict=False):
        assert last <= max(next_first, next_last)
    assert "reader" in exported.entries and exported.entries["reader"].type == "book"
    csl = json.loads((reader_build / "build" / "reader.json").read_text())
    assert any(item.get("page") for item in csl)


def test_a_broken_bib_file_is_reported_with_its_line(tmp_path: Path):
    root = copy_project(FIXTURES / "mini", tmp_path)
    bib = root / "bibliography" / "works.bib"
    bib.write_text(bib.read_text() + "\n@book{broken, title = {Unclosed,\n  year = 1900\n")
    run = edition(root, "check")
    assert run.code == 1
    assert "bibliography/works.bib:10:23: error: the brace opened on line 10, column 23 is never closed" in run.err


def test_keys_differing_only_in_case_are_an_error(tmp_path: Path):
    root = copy_project(FIXTURES / "mini", tmp_path)
    bib = root / "bibliography" / "works.bib"
    bib.write_text(bib.read_text() + "\n@book{Lenin-CW-35, title = {X}, year = 1, author = {A, B}, publisher = {P}}\n")
    run = edition(root, "check")
    assert run.code == 1
    assert "bibliography/works.bib:10:" in run.err and "case" in run.err


def test_each_document_prints_its_suggested_citation_with_its_pages(reader_build: Path):
    flat = " ".join(pdf_text(reader_build / "build" / "reader.pdf").split())
    exported = parse_file(str(reader_build / "build" / "reader.bib"))
    entry = exported.entries["1912-12-stalin-kamenev"]
    first, _, last = entry.fields["pages"].partition("--")
    assert "Cite as: Stalin to Kamenev, [December 1912], no. 1 in Lenin, Stalin and the Bolshevik Leadership" in flat  # its number in the reader
    assert f"(2026), pp. {first}–{last or first}." in flat  # after the editors, "ed. ..."


def test_front_matter_lists_every_document_with_its_page_and_prints_the_note_on_texts(reader_build: Path):
    pdf = reader_build / "build" / "reader.pdf"
    pages = pdf_pages(pdf)
    exported = parse_file(str(reader_build / "build" / "reader.bib"))
    first_list_page = next(i for i, p in enumerate(pages) if "Chronological List of Documents" in p and "Contents" not in p)
    listing = " ".join(" ".join(p.split()) for p in pages[first_list_page : first_list_page + 3])
    assert "[December 1912] Stalin → Kamenev Cracow " + exported.entries["1912-12-stalin-kamenev"].fields["pages"].split("--")[0] in listing
    starts = [e.fields["pages"].split("--")[0] for e in exported.entries.values() if e.type == "incollection"]
    for start in starts:
        assert re.search(rf"\s{start}(\s|$)", listing), start
    assert any("Note on the texts" in p and "What is kept" in p for p in pages)
