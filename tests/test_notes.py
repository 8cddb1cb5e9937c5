"""Parallel note series and the critical text, read back from the PDF page by page."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project, edition, pdf_pages, require_latex

FILLER = ("The delegates argued over the resolution until late in the evening while the clerks copied "
          "the minutes and the chairman waited for the telegram from the capital. ")


def note_project(tmp_path: Path, *, editor_placement: str = "foot", editor_notes: int = 30) -> Path:
    """A project with one long document carrying notes of all four series and a second one
    that cross-references it."""
    root = copy_project(FIXTURES / "mini", tmp_path)
    (root / "sources" / "letters" / "letter.md").unlink()
    notes = {"author": {"a1": "AuthorNoteOne by the writer himself.", "a2": "AuthorNoteTwo."},
             "translator": {"t1": "TranslatorNoteOne on a pun."},
             "editor": {str(i): f"EditorNote{i} explains the matter." for i in range(1, editor_notes + 1)},
             "textual": {"x1": "TextualNoteOne: crossed out in the original.", "x2": "TextualNoteTwo.",
                         "x3": "OneCharacterLemma note."}}
    long_note = "\n".join([
        "EditorLongNote begins here. " + FILLER * 40, "",
        "> A quoted letter inside the note. " + FILLER * 2, ">", "> @lines",
        *[f"> Signatory{i} Ivanov" for i in range(1, 19)], "",
        "EditorLongNote ends here."])
    notes["editor"]["long"] = long_note
    paras = []
    paras.append(f"Opening with anchorA1 an author's note{{n:author:a1}} and anchorT1 a translator's note{{n:translator:t1}} "
                 f"and anchorE1 the first editor's note{{n:editor:1}} and the lemma {{n:textual:x1|LemmaWordOne}} here, "
                 f"and a lemma of one character: {{n:textual:x3|7}}. {FILLER}")
    for i in range(2, editor_notes + 1):
        paras.append(f"Paragraph {i} with anchorE{i} a note{{n:editor:{i}}}. {FILLER * (1 + i % 3)}")
        if i == min(12, editor_notes):
            paras.append(f"Here {{lbl:marked}}is the MarkedLine and the lemma {{n:textual:x2|LemmaWordTwo}} "
                         f"and anchorA2 another{{n:author:a2}}. {FILLER}")
        if i == min(20, editor_notes):
            paras.append(f"The long note anchorLong{{n:editor:long}} stands here. {FILLER}")
    front = {"id": "long", "title": "A Long Letter", "kind": "letter", "date": "1926-05-26"}
    write_doc(root, "long.md", front, notes, "\n\n".join(paras))
    write_doc(root, "refs.md", {"id": "refs", "title": "Cross References", "kind": "note", "date": "1926-06-01"},
              {}, "See {ref:long:editor:3} and {ref:long:line:marked} and {ref:long}.")
    config = (root / "edition.yaml").read_text().replace("documents: [letter]", "documents: [long, refs]")
    if editor_placement != "foot":
        config += textwrap.dedent(f"""\
            series:
              - {{id: author, name: "Author's notes", numbering: arabic}}
              - {{id: translator, name: "Translator's notes", numbering: symbols}}
              - {{id: editor, name: "Editor's notes", numbering: arabic, placement: {editor_placement}}}
              - {{id: textual, name: "Textual notes", numbering: line, layout: paragraph}}
            """)
    (root / "edition.yaml").write_text(config)
    return root


def write_doc(root: Path, name: str, front: dict[str, str], notes: dict[str, dict[str, str]], body: str) -> None:
    lines = ["---", *(f"{k}: {v}" for k, v in front.items())]
    if notes:
        lines.append("notes:")
        for series, items in notes.items():
            lines.append(f"  {series}:")
            for key, text in items.items():
                lines.append(f'    "{key}": |')
                lines.extend("      " + line if line else "" for line in text.split("\n"))
    lines += ["---", body, ""]
    (root / "sources" / "letters" / name).write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def notes_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return note_project(tmp_path_factory.mktemp("notes"))


@pytest.fixture(scope="module")
def built(notes_root: Path) -> list[str]:
    require_latex()
    root = notes_root
    run = edition(root, "build")
    assert run.code == 0, run.err
    return pdf_pages(root / "build" / "reader.pdf")


def page_of(pages: list[str], token: str) -> int:
    found = [i for i, p in enumerate(pages) if token in p]
    assert found, f"{token} is not in the PDF"
    return found[0]


def test_each_note_starts_on_the_page_of_its_anchor(built: list[str]):
    pairs = [("anchorA1", "AuthorNoteOne"), ("anchorT1", "TranslatorNoteOne"), ("anchorA2", "AuthorNoteTwo"),
             ("anchorLong", "EditorLongNote begins")]
    pairs += [(f"anchorE{i}", f"EditorNote{i} ") for i in range(1, 31)]
    for anchor, note in pairs:
        assert page_of(built, anchor) == page_of(built, note), f"{note} is not on the page of {anchor}"


def test_a_note_longer_than_a_page_runs_over_with_its_quotation_and_list(built: list[str]):
    start, end = page_of(built, "EditorLongNote begins"), page_of(built, "EditorLongNote ends")
    assert end > start
    text = " ".join("\n".join(built).split())
    assert all(f"Signatory{i} Ivanov" in text for i in range(1, 19))


def test_series_are_numbered_independently_and_print_in_order(built: list[str]):
    page = built[page_of(built, "anchorA1")]
    # The first note of each series is number 1, each in its own block, in the configured order.
    a, t, e, x = (page.index(s) for s in ("AuthorNoteOne", "TranslatorNoteOne", "EditorNote1 ", "TextualNoteOne"))
    assert a < t < e < x
    assert re.search(r"^\s*(?:No\.\s*\d+\s+)?1\s+AuthorNoteOne", page, re.M)  # the first block opens with the document's number
    assert re.search(r"^\s*(?:No\.\s*\d+\s+)?\*\s+TranslatorNoteOne", page, re.M)
    assert re.search(r"^\s*(?:No\.\s*\d+\s+)?1\s+EditorNote1 ", page, re.M)
    # More than 26 notes in one series: numbering goes on (no "Counter too large");
    # the long note is the 21st, so EditorNote30 is number 31.
    assert re.search(r"^\s*31\s+EditorNote30 ", "\n".join(built), re.M)


def line_number_of(page: str, token: str) -> int:
    """The line number of the text line holding ``token``, from the margin numbers (every fifth line)."""
    lines = [ln for ln in page.split("\n") if ln.strip()]
    target = next(i for i, line in enumerate(lines) if token in line)
    numbered = [(i, int(m.group(1))) for i, line in enumerate(lines) if (m := re.match(r"^\s{0,8}(\d+)\s{2,}\S", line))]
    above = [(i, n) for i, n in numbered if i <= target]
    if above:
        i, n = above[-1]
        return n + target - i
    i, n = next((i, n) for i, n in numbered if i > target)
    return n - (i - target)


def test_apparatus_line_number_is_the_line_of_the_lemma(built: list[str]):
    page = built[page_of(built, "OneCharacterLemma")]
    assert re.search(r"\d+\s+7\s*\]\s*OneCharacterLemma\s+note", page)
    for lemma, note in (("LemmaWordOne", "TextualNoteOne"), ("LemmaWordTwo", "TextualNoteTwo")):
        page = built[page_of(built, lemma)]
        expected = line_number_of(page, lemma)
        m = re.search(rf"(\d+)\s+{lemma}\s*\]\s*{note}", page)
        assert m, f"apparatus entry for {lemma} not found"
        assert int(m.group(1)) == expected


def test_cross_references_print_real_number_line_and_page(built: list[str]):
    flat = " ".join(built[page_of(built, "A Long Letter, 26 May 1926, note 3")].split())
    m = re.search(r"See no\. \d+, A Long Letter, 26 May 1926, note 3 \(p\. (\d+)\)", flat)
    assert m, flat
    n = re.search(r"line (\d+) \(p\. (\d+)\)", flat)
    assert n, flat
    marked_page = built[page_of(built, "MarkedLine")]
    assert int(n.group(1)) == line_number_of(marked_page, "MarkedLine")
    printed = [int(m.group(1)), int(n.group(2))]
    # The printed page numbers are the folios at the foot/head of the target pages.
    for number, token in zip(printed, ("anchorE3", "MarkedLine"), strict=True):
        assert re.search(rf"(^|\s){number}(\s|$)", built[page_of(built, token)].strip().split("\n")[0] + " "
                         + built[page_of(built, token)].strip().split("\n")[-1]), (number, token)


def test_cross_references_to_lines_take_no_third_pass(built: list[str], notes_root: Path):
    """Line labels get their line as reledmac sets it and their page as it ships out
    (edition-notes.lua), so a cold build with line references still takes two passes."""
    passes = (notes_root / "build" / "tex" / "passes.tsv").read_text().splitlines()
    assert [line.split("\t")[0] for line in passes] == ["lualatex", "lualatex"]
    log = (notes_root / "build" / "tex" / "reader.log").read_text(errors="replace")
    assert "Rerun to get" not in log and "may have changed" not in log
    assert not re.search(r"Reference .* undefined", log)
    aux = (notes_root / "build" / "tex" / "reader.aux").read_text()
    assert "\\edLineLabelAt{l:long:marked}" in aux


@pytest.mark.latex
def test_endnote_option_moves_the_commentary_and_keeps_the_authors_notes(tmp_path: Path):
    require_latex()
    root = note_project(tmp_path, editor_placement="end-of-document", editor_notes=5)
    run = edition(root, "build")
    assert run.code == 0, run.err
    pages = pdf_pages(root / "build" / "reader.pdf")
    assert page_of(pages, "AuthorNoteOne") == page_of(pages, "anchorA1")
    heading, last_anchor = page_of(pages, "Editor’s notes"), page_of(pages, "anchorE5")
    assert heading >= last_anchor
    assert page_of(pages, "EditorNote1 ") >= heading
    assert "EditorNote1 " not in pages[page_of(pages, "anchorE1")] or page_of(pages, "anchorE1") == heading
    assert re.search(r"^\s*1\s+EditorNote1 explains", pages[heading], re.M)
