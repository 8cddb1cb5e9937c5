"""The shipped reader's documents with their Russian originals, read back from the PDF:
each spread shows the same paragraphs of both versions, and the index of names finds a
person named only in the original on the page that names them."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO, pdf_pages

from edition.model.corpus import Block, Document
from edition.pipeline import prepare
from edition.sources.markup import plain_text

MIN_ORIGINALS = 3  # issue 22: at least three documents with their original


def _letters(text: str) -> str:
    """Only the letters, lowercased: what survives line breaks, hyphenation, note numbers,
    line numbers and typographic quotes between a source and pdftotext."""
    return "".join(c for c in text.lower() if c.isalpha())


def _block_text(block: Block) -> str:
    return plain_text(block.content) + "".join(_block_text(b) for b in block.blocks)


def _page_of(pages: list[str], text: str, start: int) -> int:
    """The first page (0-based) from ``start`` whose letters hold ``text``'s, or -1."""
    return next((i for i in range(max(start, 0), len(pages)) if text in pages[i]), -1)


def test_the_shipped_reader_gives_three_originals_with_their_printed_source_and_status() -> None:
    project, diags = prepare(REPO)
    assert [str(d) for d in diags if d.is_error] == []
    with_original = [d for d in project.corpus.documents if d.original is not None]
    assert len(with_original) >= MIN_ORIGINALS, [d.id for d in with_original]
    for doc in with_original:
        assert doc.original is not None and doc.original.source is not None and doc.original.rights, doc.id
        plan = project.plan.parallel[doc.id]
        assert plan.mode == "facing"
        # aligned paragraph by paragraph: a unit holds one block a side, but where a version
        # has a block the other lacks (a signature, a passage not given)
        assert sum(1 for u in plan.units if u.first[1] - u.first[0] == 1) >= len(plan.units) - 2, doc.id


def _spread_problems(pages: list[str], doc: Document, units: tuple) -> list[str]:  # type: ignore[type-arg]
    assert doc.original is not None
    title = _letters(doc.title)
    o = next(i for i, p in enumerate(pages) if title in p and "russiantext" in p)
    t = o + 1
    problems: list[str] = []
    for unit in units:
        first = [_letters(_block_text(b)) for b in doc.original.body[unit.second[0]:unit.second[1]]]
        second = [_letters(_block_text(b)) for b in doc.body[unit.first[0]:unit.first[1]]]
        o_first, t_first = _page_of(pages, first[0][:30], o), _page_of(pages, second[0][:30], t)
        o_last, t_last = _page_of(pages, first[-1][-30:], o_first), _page_of(pages, second[-1][-30:], t_first)
        if o_first % 2 == 0 or (t_first, t_last) != (o_first + 1, o_last + 1):  # page 1 is index 0
            problems.append(f"{doc.id} unit {unit}: original on pages {o_first + 1}-{o_last + 1}, "
                            f"translation on {t_first + 1}-{t_last + 1}")
        if min(o_last, t_last) >= 0:
            o, t = o_last, t_last
    return problems


def test_each_spread_of_the_shipped_reader_shows_the_same_paragraphs_on_both_pages(reader_build: Path) -> None:
    pages = [_letters(p) for p in pdf_pages(reader_build / "build" / "reader.pdf", layout=False)]
    project, _ = prepare(reader_build)
    docs = {d.id: d for d in project.corpus.documents}
    problems: list[str] = []
    for doc_id, plan in project.plan.parallel.items():
        problems += _spread_problems(pages, docs[doc_id], plan.units)
    assert len(project.plan.parallel) >= MIN_ORIGINALS
    assert problems == []


def test_the_index_finds_a_person_named_only_in_the_original_on_its_page(reader_build: Path) -> None:
    pages = pdf_pages(reader_build / "build" / "reader.pdf")
    # The Russian of the letter to Stockholm ends with Lenin's signature, which the
    # English copy lacks: that page of the original names him, the page facing it does not.
    signed = next(p for p in pages if re.search(r"Ваш\s+Ленин", p) and "Бухарин" in p)
    folio = int(next(n for n in re.findall(r"^\s*(\d+)\s", signed, re.M)))
    index = next(p for p in pages if "Index of Names" in p and re.search(r"Lenin, V\. I\. \(1870", p))
    # his pages, or those of his subentry "mentioned" (a person with many locators: passes/index.py)
    entry = re.search(r"Lenin, V\. I\. \(1870–1924\)(?::[\s\S]*?mentioned)?, ([\dn,–\s]+)", index)
    assert entry is not None
    locators = {int(m) for m in re.findall(r"(\d+)(?!n)\b", entry.group(1))}
    assert folio in locators, (folio, entry.group(1))


def test_the_index_finds_a_person_named_only_in_a_note_of_the_original(reader_build: Path) -> None:
    # Alfred Naquet is named only in a textual note on the Russian of Lenin's article on
    # the Bund (what the Russian paragraph goes on to say where the English is cut).
    pages = pdf_pages(reader_build / "build" / "reader.pdf")
    named = [p for p in pages if "Накэ" in p]
    assert len(named) == 1
    folio = int(next(n for n in re.findall(r"^\s*(\d+)\s", named[0], re.M)))
    index = next(p for p in pages if "Index of Names" in p and "Naquet, A." in p)
    entry = re.search(r"Naquet, A\. \(1834–1916\), ([\dn,–\s]+)", index)
    assert entry is not None and f"{folio}n" in entry.group(1).split(", ")[0].strip(), (folio, entry)
    assert not [p for p in pages if "Naquet" in p and "Index of Names" not in p and "Persons" not in p]
