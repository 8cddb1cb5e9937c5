"""The shipped reader as a careful edition: its own rules applied to its content (issue 19, item 5)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from pathlib import Path

import lxml.html
import pytest
from conftest import FIXTURES, copy_project, edition, edition_here, pdf_pages, pdf_text

from edition.model.corpus import walk_spans
from edition.passes import abbreviations
from edition.passes.apparatus import own_entries, whitespace_only
from edition.pipeline import prepare

REPO = Path(__file__).resolve().parent.parent


def _note_text(blocks: object) -> str:
    return " ".join(re.findall(r"text='([^']*)'", repr(blocks)))


def test_corrections_of_white_space_only_are_silent_and_counted_in_the_note_on_the_texts() -> None:
    project, _ = prepare(REPO)
    plan, corpus = project.plan, project.corpus
    printed = [d for d in corpus.documents if d.id in plan.documents]
    spaces = [(d.id, s.uid) for d in printed for t in d.texts() for s in walk_spans(t) if whitespace_only(s)]
    assert len(spaces) > 50  # "formedical" -> "for medical": the copies run many words together
    assert not set(spaces) & plan.apparatus  # silent, as the note on the texts says
    assert any(s.kind == "corr" for d in printed for t in d.texts() for s in walk_spans(t) if (d.id, s.uid) in plan.apparatus)
    note = _note_text(plan.note_on_texts.blocks if plan.note_on_texts else ())
    in_notes = [(d.id, s.uid) for d in printed for s in walk_spans(d.note_blocks()) if whitespace_only(s)]
    assert f"({len(spaces)} times in the {len(plan.documents)} documents of this reader, and {len(in_notes)} times in their notes)" \
        in " ".join(note.split())
    # The editor who wants them reported says so in edition.yaml.
    loud = dataclasses.replace(corpus.config, apparatus={**corpus.config.apparatus, "whitespace": True})
    assert set(spaces) <= own_entries(dataclasses.replace(corpus, config=loud), printed)


def test_the_title_gives_the_years_of_the_documents() -> None:
    project, _ = prepare(REPO)
    years = sorted(d.date.sort_key[:4] for d in project.plan.printed() if d.date)
    assert f"{years[0]}\u2013{years[-1]}" in project.corpus.config.subtitle


def test_the_editorial_matter_spells_each_russian_name_one_way() -> None:
    _, diags = prepare(REPO)
    assert not [str(d) for d in diags if "is spelt" in d.message]


# ---------------------------------------------------------------- references written by hand
HEADNOTE = """headnote: |
  See note 2 in letter 26 and document 4 (No. 12).
  Its note 1 of the copy is the copy's; so is letter 22 of that edition.
  {p:stalin|Stalin} wrote in No. 47 of {em|Pravda} and {em|Iskra} no. 42,
  see {cite:lenin-cw-35|no. 197}.
"""


def test_a_number_written_by_hand_in_the_editors_text_is_a_warning_at_its_place(tmp_path: Path) -> None:
    root = copy_project(FIXTURES / "mini", tmp_path)
    letter = root / "sources" / "letters" / "letter.md"
    letter.write_text(letter.read_text(encoding="utf-8").replace("notes:\n", HEADNOTE + "notes:\n", 1), encoding="utf-8")
    run = edition(root, "check")
    found = re.findall(r"^(\S+:\d+:\d+): warning: '([^']+)' is a number written by hand.*\n\s+hint: (.*)$", run.err, re.M)
    headnote_line = letter.read_text(encoding="utf-8").splitlines().index("headnote: |") + 2
    where = f"sources/letters/letter.md:{headnote_line}"
    line = HEADNOTE.splitlines()[1]
    assert [(p, w) for p, w, _ in found] == [(f"{where}:{line.index(w) + 1}", w)
                                             for w in ("note 2", "letter 26", "document 4", "No. 12")], run.err
    assert all("{ref:" in hint for _, _, hint in found)


def test_the_shipped_reader_writes_no_number_by_hand_and_its_references_name_this_readers_numbers() -> None:
    _, diags = prepare(REPO)
    assert not [str(d) for d in diags if "written by hand" in d.message]


@pytest.mark.latex
def test_a_reference_between_notes_prints_this_readers_number_and_the_page(reader_build: Path, reader_site: Path) -> None:
    project, _ = prepare(REPO)
    plan = project.plan
    pages = [" ".join(p.split()) for p in pdf_pages(reader_build / "build" / "reader.pdf")]
    text = " ".join(pages)
    # "see note 2 in letter 26" was the Yale edition's numbering; the reader numbers the letter and its notes itself
    assert "note 2 in letter 26" not in text and "letter 21, note 4" not in text
    target = "1926-09-08-stalin-molotov"
    number = plan.note_number(target, "editor", "2")
    title = " ".join(plan.titles[target].split())
    said = re.search(rf"Anglo-Russian Committee \(see {re.escape(title)}, note {number}, p\. (\d+)\)", text)
    assert said, plan.titles[target]
    folio = said.group(1)
    # the page named is a page of that document (where the note is anchored)
    at = [p for p in pages if re.match(rf"(.{{0,80}}\s)?{folio}\s", p)]  # the folio in the running head, left or right
    assert at and any("8 September 1926" in p or "Stalin to Molotov" in p for p in at), folio
    page = lxml.html.parse(str(reader_site / "documents" / "1926-08-27-stalin-molotov.html")).getroot()
    links = [(a.get("href"), a.text_content()) for a in page.find_class("xref")]
    assert (f"{target}.html#editor-{number}", f"{plan.titles[target]}, note {number}") in links, links


@pytest.mark.latex
def test_the_title_page_and_cite_as_name_who_edited_the_reader(reader_build: Path, reader_site: Path) -> None:
    project, _ = prepare(REPO)
    editors = project.corpus.config.editors
    assert editors, "edition.yaml names the reader's editors"
    who = " and ".join(e.strip("{}") for e in editors)  # a body is written in braces, as BibTeX does
    bib = (reader_build / "build" / "reader.bib").read_text(encoding="utf-8")
    assert all(f"editor = {{{e}}}" in bib or f"editor = {e}" in bib for e in editors), bib[:600]
    pages = [" ".join(p.split()) for p in pdf_pages(reader_build / "build" / "reader.pdf")]
    assert f"Edited by {who}" in pages[0], pages[0]
    printed = re.findall(r"Cite as: (.*?\(\d{4}\))", " ".join(pages))
    assert len(printed) == len(project.plan.documents) and all(f", ed. {who} (" in c for c in printed), printed[:2]
    site = reader_site
    assert f"Edited by {who}" in " ".join(lxml.html.parse(str(site / "index.html")).getroot().text_content().split())
    for number, page in enumerate(sorted((site / "documents").glob("*.html"))):
        cite = " ".join(lxml.html.parse(str(page)).getroot().get_element_by_id("cite-text").text_content().split())
        assert f", ed. {who} (" in cite, (page.name, cite)
        same = [c for c in printed if c.split(", no.")[0] in cite]
        assert same and any(c in cite for c in same), (cite, number)


@pytest.mark.latex
def test_persons_named_in_a_parts_headnote_reach_the_index(reader_build: Path) -> None:
    from pypdf import PdfReader

    pdf = reader_build / "build" / "reader.pdf"
    pages = [" ".join(p.split()) for p in pdf_pages(pdf)]
    labels = PdfReader(str(pdf)).page_labels
    part = next(i for i, p in enumerate(pages) if "Texts of very different kinds, gathered on the web" in p)
    # the index is set in two columns: read without -layout, so that each column's lines follow each other
    flowing = [" ".join(p.split()) for p in pdf_text(pdf).split("\f")]
    index = " ".join(flowing[next(i for i, p in enumerate(flowing) if p.startswith("Index of Names")):])
    # Krupskaia and Ul'ianova are named in the anthology's headnote: the index gives its page
    for name in ("Krupskaia, N. K.", "Ul\u2019ianova, M. I."):
        # the pages of the entry, or of its subentry "mentioned" (passes/index.py)
        entry = re.search(rf"{re.escape(name)}[^,]*\([^)]*\)(?::.*? mentioned)?, ((?:\d+n?(?:\u2013\d+)?, )*\d+n?(?:\u2013\d+)?)", index)
        assert entry, name
        found = set()
        for item in entry.group(1).split(", "):
            first, _, last = item.rstrip("n").partition("\u2013")
            found.update(range(int(first), int(last or first) + 1))
        assert int(labels[part]) in found, (name, labels[part], entry.group(1))
    _, diags = prepare(REPO)
    assert not [str(d) for d in diags if "edition.yaml" in d.pos.path and "not tagged" in d.message]


# ---------------------------------------------------------------- the list of abbreviations
_ROMAN = re.compile(r"^[IVX]+$")  # congresses (XIV); CC and CCC are the party's bodies


def _abbreviations_in(text: str, standard: Iterable[str]) -> set[str]:
    """What looks like an abbreviation, found without the list: capitals (CC, RTsKhIDNI, TsK), dotted capitals
    (R.S.F.S.R., U.S. Ed.; two or three before a name are initials), a short word with a stop before a
    number (f. 17, op. 2), a note's signature (—Trans.), and the house style's forms."""
    found = set()
    for m in re.finditer(r"(?<![\w.])[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?![\w.])", text):
        if not _ROMAN.match(m.group()) and 2 * sum(c.isupper() for c in m.group()) >= len(m.group()):
            found.add(m.group())
    for m in re.finditer(r"(?<![\w.])(?:[A-Z]\.){2,}(?: \([a-z]\))?(?: Ed\.)?", text):
        short = m.group().count(".") <= 3 and "(" not in m.group() and "Ed" not in m.group()
        if not (short and re.match(r"\s[A-Z][a-z]|[”’\"]", text[m.end():m.end() + 3])):
            found.add(m.group())
    found |= {m.group(1) for m in re.finditer(r"(?<![\w.])([a-z]{1,4}\.)(?=\s?\d)", text)}
    found |= {m.group(1) for m in re.finditer(r"\u2014\s?([A-Z][a-z]{1,5}\.)(?=\s|$)", text)}
    found |= {a for a in standard if re.search(rf"(?<![\w.]){re.escape(a)}(?!\w)", text)}
    return found


@pytest.mark.latex
def test_the_list_of_abbreviations_holds_what_the_editorial_matter_uses_and_nothing_else(reader_build: Path) -> None:
    project, _ = prepare(REPO)
    plan = project.plan
    assert plan.back is not None
    listed = [a for a, _ in plan.back.abbreviations]
    pages = pdf_pages(reader_build / "build" / "reader.pdf")
    at = next(i for i, p in enumerate(pages) if p.strip().startswith("Abbreviations"))
    shown = " ".join(" ".join(p.split()) for p in pages[at:at + 2])
    for abbr, expansion in plan.back.abbreviations:  # printed, each with its expansion
        assert f"{abbr} {' '.join(expansion.split())}" in shown, (abbr, shown)
    texts = abbreviations.editorial_texts(plan.corpus, plan.printed(), plan.documents, plan.citations.values(),
                                          plan.archival.values(), plan.note_on_texts.blocks if plan.note_on_texts else ())
    used = _abbreviations_in("\n".join(texts), abbreviations.STANDARD)
    words = {w for a in listed for w in a.split()}
    assert not sorted(u for u in used if u not in listed and u not in words), "used but not in the list"
    for expected in ("f.", "op.", "d.", "l.", "CC", "CCC", "U.S. Ed."):
        assert expected in listed
    # nothing unused: each abbreviation stands on some other page of the reader
    rest = " ".join(" ".join(p.split()) for i, p in enumerate(pages) if i not in (at, at + 1))
    assert not [a for a in listed if not re.search(rf"(?<![\w.]){re.escape(a)}(?!\w)", rest)], "listed but not used"
    run = edition(reader_build, "build", "--html")  # the web edition prints the same list
    assert run.code == 0, run.err
    web = " ".join(lxml.html.parse(str(reader_build / "build" / "html" / "archives.html")).getroot().text_content().split())
    assert not [a for a in listed if a not in web]


# ---------------------------------------------------------------- the index's subentries
def _first_pages(pages: list[str], labels: list[str], plan: object) -> dict[str, str]:
    """Each document's first page, where its numbered heading stands (after the front matter)."""
    body = next(i for i, p in enumerate(pages) if p.startswith("Part I"))
    lines = [[" ".join(line.split()) for line in p.splitlines()] for p in pages]
    out = {}
    for doc_id, face in plan.documents.items():  # type: ignore[attr-defined]
        heading = f"{face.number}. {' '.join(face.title.split())}"[:30]  # a long heading may wrap
        out[doc_id] = labels[next(i for i in range(body, len(pages)) if any(line.startswith(heading) for line in lines[i]))]
    return out


@pytest.mark.latex
def test_the_index_divides_a_person_with_many_locators_by_role(reader_build: Path) -> None:
    from pypdf import PdfReader

    from edition.passes.index import SUBENTRIES_OVER, Entry

    project, _ = prepare(REPO)
    plan = project.plan
    entries = {i.id: i for g in plan.index_persons for i in g.items if isinstance(i, Entry)}
    divided = {pid: e for pid, e in entries.items() if e.roles}
    assert {"stalin", "molotov", "lenin"} <= set(divided)
    for e in divided.values():
        assert len({d for r in e.roles for d in r.documents}) > SUBENTRIES_OVER and len(e.roles) > 1
    pdf = reader_build / "build" / "reader.pdf"
    pages = pdf_text(pdf).split("\f")
    labels = PdfReader(str(pdf)).page_labels
    first = _first_pages(pages, labels, plan)
    index = " ".join(" ".join(p.split()) for p in pages[next(i for i, p in enumerate(pages) if p.startswith("Index of Names")):])
    stalin = divided["stalin"]
    printed = re.search(r"Stalin, I\. V\. \([^)]*\): as author, (.*?) as recipient, (.*?) mentioned, ", index)
    assert printed, index[index.find("Stalin, I. V."):][:300]
    for role, shown in zip(stalin.roles[:2], printed.groups(), strict=True):
        assert shown.split(", ") == sorted({first[d] for d in role.documents}, key=int), (role.label, shown)
    # a person with few locators keeps one run of pages, with the documents they wrote or received
    few = next(e for pid, e in entries.items() if not e.roles and any(pid in d.recipients for d in plan.printed()))
    doc = next(d for d in plan.printed() if few.id in d.recipients)
    line = re.search(rf"{re.escape(few.heading)}(?: \([^)]*\))?, ([\dn, \u2013]+)", index)
    assert line and first[doc.id] in re.findall(r"\d+", line.group(1)), (few.heading, first[doc.id])
    # the web edition divides the same entries
    run = edition(reader_build, "build", "--html")
    assert run.code == 0, run.err
    site = lxml.html.parse(str(reader_build / "build" / "html" / "index-names.html")).getroot()
    for pid, e in divided.items():
        roles = site.get_element_by_id(f"i-p-{pid}").find_class("roles")[0]
        shown = [" ".join(li.find_class("role")[0].text_content().split()) for li in roles.getchildren()]
        assert shown == [r.label for r in e.roles], (pid, shown)
    assert not site.get_element_by_id(f"i-p-{few.id}").find_class("roles")


@pytest.mark.latex
def test_corrections_in_the_notes_follow_the_rule_of_the_texts(reader_build: Path) -> None:
    """A correction in a note other than of white space has its apparatus entry at the note's anchor, in print and
    on the web; one of white space only is silent."""
    project, _ = prepare(REPO)
    plan, corpus = project.plan, project.corpus
    printed = [d for d in corpus.documents if d.id in plan.documents]
    loud = [(d, n, s) for d in printed for notes in d.notes.values() for n in notes.values() for s in walk_spans(n.content)
            if s.kind == "corr" and not whitespace_only(s)]
    quiet = [(d.id, s) for d in printed for s in walk_spans(d.note_blocks()) if whitespace_only(s)]
    assert len(loud) > 20 and len(quiet) > 20
    assert {(d.id, n.series, n.key) for d, n, _ in loud} <= set(plan.note_apparatus)
    reported = {(key[0], uid) for key, uids in plan.note_apparatus.items() for uid in uids}
    assert not {(d, s.uid) for d, s in quiet} & reported
    text = " ".join(pdf_text(reader_build / "build" / "reader.pdf").split())
    doc, note, span = next((d, n, s) for d, n, s in loud if d.id == "1926-05-26-stalin-molotov")
    number = plan.note_number(doc.id, note.series, note.key)
    assert f"note {number}: left\u2014U.S. ] leftU.S. copy" in text
    for _, s in quiet:
        assert f"] {s.args[0]} copy" not in text, s.args[0]  # "formedical copy" is never printed
    run = edition(reader_build, "build", "--html")
    assert run.code == 0, run.err
    page = lxml.html.parse(str(reader_build / "build" / "html" / "documents" / f"{doc.id}.html")).getroot()
    entries = [" ".join(li.text_content().split()) for li in page.find_class("note-series-textual")[0].iter("li")]
    assert any(e.endswith(f"note {number}: left\u2014U.S.] leftU.S. copy") for e in entries), entries


def test_the_tei_and_cmif_name_the_editors(tmp_path: Path) -> None:
    from lxml import etree

    root = copy_project(REPO, tmp_path)
    editors = prepare(REPO)[0].corpus.config.editors
    assert edition_here(root, "export", "tei").code == 0 and edition_here(root, "export", "cmif").code == 0
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    tei = etree.parse(str(next((root / "build" / "tei").glob("1926-*.xml"))))
    assert tei.xpath("//t:titleStmt/t:respStmt/t:name/text()", namespaces=ns) == [e.strip("{}") for e in editors]
    cmif = etree.parse(str(root / "build" / "cmif" / "cmif.xml"))
    assert cmif.xpath("//t:titleStmt/t:editor/text()", namespaces=ns) == [" and ".join(e.strip("{}") for e in editors)]
