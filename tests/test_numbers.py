"""Documents numbered and told apart: the number in the heading, the contents, the chronology, the
running head, "Cite as", cross-references and the exports; two documents' notes on one page never
run together (each note block of a document opens with its number). Read from the PDF and the files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project, edition, pdf_pages, require_latex
from lxml import etree

LETTER = """---
id: {id}
title: Stalin to Molotov
kind: letter
authors: [stalin]
recipients: [kamenev]
date: "1926-06-03"
notes:
  editor:
    "1": |
      The editor's note on letter {id}.
  textual:
    a: |
      So in copy {id}.
---
A short letter{{n:editor:1}} with a {{n:textual:a|lemma}}, {ref}.
"""


def _two_letters(root: Path) -> Path:
    """Two short letters with the same heading and date, both with notes: they share a page."""
    copy_project(FIXTURES / "mini", root)
    (root / "sources" / "letters" / "letter.md").unlink()
    for doc_id, ref in (("first", "see {ref:second}"), ("second", "see {ref:first}")):
        (root / "sources" / "letters" / f"{doc_id}.md").write_text(LETTER.format(id=doc_id, ref=ref), encoding="utf-8")
    yaml = (root / "edition.yaml").read_text(encoding="utf-8").replace("documents: [letter]", "documents: [first, second]")
    (root / "edition.yaml").write_text(yaml, encoding="utf-8")
    return root


@pytest.mark.latex
def test_two_letters_on_one_page_are_numbered_and_their_notes_labelled(tmp_path: Path) -> None:
    require_latex()
    root = _two_letters(tmp_path)
    run = edition(root, "build")
    assert run.code == 0, run.err
    pages = [" ".join(p.split()) for p in pdf_pages(root / "build" / "reader.pdf")]
    page = next(p for p in pages if "A short letter" in p)
    # Both headings on one page, told apart by their numbers.
    assert "1. Stalin to Molotov" in page and "2. Stalin to Molotov" in page
    # Each document's notes open with its number: two notes 1 on the page, neither unlabelled.
    assert re.search(r"No\. 1 1 ?The editor.s note on letter first", page), page
    assert re.search(r"No\. 2 1 ?The editor.s note on letter second", page), page
    assert re.search(r"No\. 1 \d+ lemma ?\] So in copy first", page) and re.search(r"No\. 2 \d+ lemma ?\] So in copy second", page)
    # Cross-references and "Cite as" name the number.
    assert re.search(r"see no\. 2, Stalin to Molotov, 3 June 1926, p\. \d", page) and "see no. 1, Stalin to Molotov" in page
    assert "Cite as: Stalin to Molotov, 3 June 1926, no. 2 in Mini Reader" in page
    contents = next(p for p in pages if p.startswith("Contents") or " Contents " in p[:40])
    assert re.search(r"1\. Stalin to Molotov, 3 June 1926 [ .]*2 2\. Stalin to Molotov, 3 June 1926 [ .]*2", contents), contents
    chronology = next(p for p in pages if "Chronological List of Documents" in p and "Kamenev" in p)
    assert re.search(r"1 3 June 1926 Stalin → Kamenev 2 2 3 June 1926 Stalin → Kamenev 2", chronology), chronology
    # The exports: the bibliography entries and the TEI carry the number too.
    entries = json.loads((root / "build" / "reader.json").read_text(encoding="utf-8"))
    assert [e.get("chapter-number") for e in entries if e["id"] != "reader"] == ["1", "2"]
    assert "chapter = {2}" in (root / "build" / "reader.bib").read_text(encoding="utf-8")


CHEKHOV = """---
id: 1892-03-11-chekhov-suvorin
title: "Чехов — Суворину"
kind: letter
authors: [chekhov]
recipients: [suvorin]
date: "1892-03-11"
language: ru
notes:
  editor:
    "1": |
      The estate of Melikhovo, bought in February 1892.
---
Мы уже в Москве, но скоро едем в имение{n:editor:1}. Сестра шлёт поклон.
"""


@pytest.mark.latex
def test_a_letter_beside_the_example_keeps_the_examples_notes_labelled(tmp_path: Path) -> None:
    """A newcomer's first letter (an editor's note only) on the page of the example letter of
    'edition init' (a textual note on its first line, an editor's note on its second): the
    textual and the editor's notes share the letter A, one a critical series and one a familiar;
    the first of one in a document took the other's label, and the example's editor's note ran
    on under 'No. 1'. Each series of each document now opens with its document's number."""
    require_latex()
    from edition.cli.main import main

    root = tmp_path / "r"
    assert main(["init", str(root)]) == 0
    with (root / "sources" / "persons.yaml").open("a", encoding="utf-8") as persons:
        persons.write('chekhov:\n  name: "Чехов, А. П."\nsuvorin:\n  name: "Суворин, А. С."\n')
    (root / "sources" / "letters" / "1892-03-11-chekhov-suvorin.md").write_text(CHEKHOV, encoding="utf-8")
    run = edition(root, "build")
    assert run.code == 0, run.err
    page = next(" ".join(p.split()) for p in pdf_pages(root / "build" / "reader.pdf") if "Сестра шлёт поклон" in p)
    assert re.search(r"No\. 1 1 ?The estate of Melikhovo", page), page
    assert re.search(r"No\. 2 1 ?Zinoviev", page), page
    assert re.search(r"No\. 2 \d+ coded telegram ?\]", page), page


def test_tei_and_cmif_carry_the_number(tmp_path: Path) -> None:
    root = _two_letters(tmp_path)
    assert edition(root, "export", "tei").code == 0
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    tree = etree.parse(str(root / "build" / "tei" / "second.xml"))
    assert tree.findtext(".//t:publicationStmt/t:idno[@type='number']", namespaces=ns) == "2"
    assert edition(root, "export", "cmif").code == 0
    cmif = etree.parse(str(root / "build" / "cmif" / "cmif.xml"))
    assert sorted(d.get("key") for d in cmif.iterfind(".//t:correspDesc", ns)) == ["1", "2"]
