"""The index of names, the persons register checks, and archival citations."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project, edition, edition_here, pdf_pages, pdf_text, require_latex
from pypdf import PdfReader

from edition.passes.index import Entry, build, sort_key


def data(**persons: dict) -> dict:
    return {"persons": persons, "places": {}}


def test_aliases_lead_to_the_canonical_entry_and_variants_of_the_surname_do_not():
    persons = {"stalin": {"name": "Stalin, I. V.", "aliases": ["Koba", "J. Stalin", "Stalin, Iosif Vissarionovich"]},
               "ordzhonikidze": {"name": "Ordzhonikidze, G. K.", "aliases": ["Sergo"]},
               "zinoviev": {"name": "Zinov'ev, G. E.", "aliases": ["Zinoviev", "Grisha", "G. Zinov'ev"]}}
    lines = [(i.heading, getattr(i, "target", None)) for g in build(set(persons), data(**persons), "p") for i in g.items]
    assert ("Koba", "Stalin, I. V.") in lines and ("Sergo", "Ordzhonikidze, G. K.") in lines
    assert ("Grisha", "Zinov'ev, G. E.") in lines and ("Zinoviev", "Zinov'ev, G. E.") in lines
    assert not any(h.startswith(("J. Stalin", "Stalin, J", "Stalin, Iosif", "Zinov'ev, G.,")) and t for h, t in lines)


def test_sorting_ignores_soft_signs_and_accents_and_files_cyrillic_after_latin():
    names = ["Zinov'ev, G. E.", "Zinovich, A.", "Aksel'rod, P. B.", "Akselev, I.", "Černý, K.", "Cerf, V.",
             "Dan, F. I.", "Dana, R.", "Яковлев, А.", "Ёлкин, В.", "Елкин, Б."]
    ordered = sorted(names, key=sort_key)
    assert ordered == ["Akselev, I.", "Aksel'rod, P. B.", "Cerf, V.", "Černý, K.", "Dan, F. I.", "Dana, R.",
                       "Zinov'ev, G. E.", "Zinovich, A.", "Елкин, Б.", "Ёлкин, В.", "Яковлев, А."]
    persons = {f"p{i}": {"name": n, "aliases": []} for i, n in enumerate(names)}
    groups = build(set(persons), data(**persons), "p", "ala_lc_alt")
    # A Cyrillic register name files under the reader's transliteration, the Cyrillic kept as its gloss.
    assert [g.letter for g in groups] == ["A", "C", "D", "E", "I", "Z"]
    entries = [i for g in groups for i in g.items if isinstance(i, Entry)]
    assert [(e.heading, e.gloss) for e in entries if e.original] == [
        ("Elkin, B.", "Елкин, Б."), ("Elkin, V.", "Ёлкин, В."), ("Iakovlev, A.", "Яковлев, А.")]


def test_a_person_has_one_entry_in_the_readers_spelling_whatever_script_the_register_uses():
    persons = {"stalin": {"name": "Сталин, И. В.", "born": "1878", "died": "1953", "aliases": ["Коба", "Сталин", "J. Stalin"]},
               "alliluyeva": {"name": "Alliluyeva, N. S.", "aliases": ["Аллилуева"]},
               "ezhov": {"name": "Ежов, Н. И.", "aliases": ["Yezhov"]}}
    lines = [(i.heading, getattr(i, "target", None), getattr(i, "gloss", None))
             for g in build(set(persons), data(**persons), "p", "ala_lc_alt") for i in g.items]
    assert ("Stalin, I. V.", None, "Сталин, И. В.; 1878\u20131953") in lines
    assert ("Koba", "Stalin, I. V.", None) in lines  # another name: a reference, in the reader's script
    assert ("Ezhov, N. I.", None, "Ежов, Н. И.") in lines
    assert ("Alliluyeva, N. S.", None, "") in lines
    headings = [h for h, _t, _g in lines]
    assert not [h for h in headings if re.search("[А-Яа-я]", h)]  # the same name in Cyrillic gives no reference
    wiki = [i.heading for g in build(set(persons), data(**persons), "p", "wikipedia") for i in g.items]
    assert "Yezhov, N. I." in wiki and "Ezhov, N. I." not in wiki  # the scheme declared decides the spelling


def test_cyrillic_names_of_a_place_find_its_mentions_but_make_no_index_line():
    places = {"moscow": {"name": "Moscow", "aliases": ["Москва", "Moskva"]}}
    items = [i for g in build({"moscow"}, {"persons": {}, "places": places}, "pl") for i in g.items]
    assert [(i.heading, getattr(i, "target", None)) for i in items] == [("Moscow", None), ("Moskva", "Moscow")]


def test_the_index_plan_files_a_cyrillic_register_and_cyrillic_mentions_under_one_entry(tmp_path: Path):
    from edition.latex.index import indexes
    from edition.pipeline import prepare

    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    (root / "sources" / "persons.yaml").write_text(textwrap.dedent("""\
        kamenev:
          name: "Каменев, Л. Б."
          aliases: [Rozenfeld, Каменев]
        stalin:
          name: "Stalin, I. V."
          aliases: [Koba, Сталин]
        """), encoding="utf-8")
    letter = root / "sources" / "letters" / "letter.md"
    letter.write_text(letter.read_text(encoding="utf-8").replace("@signed {p:stalin|Koba}",
                      "Привет {p:kamenev|Каменеву} и {p:stalin|Сталину}.\n\n@signed {p:stalin|Koba}"), encoding="utf-8")
    planned, diags = prepare(root)
    assert not [d for d in diags if d.is_error], diags
    items = [i for g in planned.plan.index_persons for i in g.items]
    assert [(i.heading, type(i).__name__) for i in items] == [
        ("Kamenev, L. B.", "Entry"), ("Koba", "SeeAlso"), ("Rozenfeld", "SeeAlso"), ("Stalin, I. V.", "Entry")]
    latex = indexes(planned.plan)
    assert r"\edIndexEntry{Kamenev, L. B.}{Каменев, Л. Б.}{\edIndexPages{p,pa,pr}{kamenev}}" in latex
    assert "Каменев" not in latex.replace("{Каменев, Л. Б.}", "")


INDEX_DOC = """\
---
id: letter
title: Stalin to Kamenev
kind: letter
authors: [stalin]
date: 1912-12
notes:
  editor:
    "1": |
      NoteOnly mentions {p:kamenev|Kamenev} here and {p:ordzhonikidze|Sergo}.
---
TextPage mentions {p:stalin|Koba} and {p:kamenev|Kamenev}.{n:editor:1}

@heading Second page

{p:stalin|Stalin} again on page two.
"""


@pytest.mark.latex
def test_the_printed_index_lists_text_and_note_pages_and_leads_from_pseudonyms(tmp_path: Path):
    require_latex()
    root = copy_project(FIXTURES / "mini", tmp_path)
    (root / "sources" / "persons.yaml").write_text(textwrap.dedent("""\
        stalin: {name: "Stalin, I. V.", born: "1878", died: "1953", aliases: [Koba]}
        kamenev: {name: "Kamenev, L. B.", aliases: [Rozenfeld]}
        ordzhonikidze: {name: "Ordzhonikidze, G. K.", aliases: [Sergo]}
        """))
    (root / "sources" / "letters" / "letter.md").write_text(INDEX_DOC.replace("@heading Second page", "@heading Second page\n\n" + "Filler line of text.\n\n" * 60))
    run = edition(root, "build")
    assert run.code == 0, run.err
    pages = pdf_pages(root / "build" / "reader.pdf")
    text_page = next(i for i, p in enumerate(pages) if "TextPage" in p)
    later_page = next(i for i, p in enumerate(pages) if "again on page two" in p)
    assert later_page > text_page
    folio = lambda i: re.search(r"(\d+)\s*$", pages[i].strip().split("\n")[0]) or re.search(r"^\s*(\d+)", pages[i].strip().split("\n")[0])  # noqa: E731
    first, second = folio(text_page).group(1), folio(later_page).group(1)
    index = " ".join(pages[-1].split()) if "Index of Names" in pages[-1] else " ".join(next(p for p in pages if "Index of Names" in p).split())
    assert f"Stalin, I. V. (1878–1953), {first}, {second}" in index
    assert f"Kamenev, L. B., {first}" in index and f"Ordzhonikidze, G. K., {first}n" in index
    assert "Koba, see Stalin, I. V." in index and "Sergo, see Ordzhonikidze, G. K." in index
    assert "Rozenfeld, see Kamenev, L. B." in index  # every alias of a person in the index leads to the entry


@pytest.mark.latex
def test_index_pages_run_into_ranges_and_a_name_only_in_notes_is_marked_n(tmp_path: Path):
    """The pages come from LuaLaTeX in the same run (edition-index.lua): three or more
    consecutive pages make a range; a page where the name stands only in a note gets "n"."""
    require_latex()
    root = copy_project(FIXTURES / "mini", tmp_path)
    (root / "sources" / "persons.yaml").write_text(textwrap.dedent("""\
        stalin: {name: "Stalin, I. V.", aliases: [Koba]}
        kamenev: {name: "Kamenev, L. B."}
        ordzhonikidze: {name: "Ordzhonikidze, G. K.", aliases: [Sergo]}
        """))
    filler = "".join(f"Line {i} about {{p:stalin|Stalin}} and the work.\n\n" for i in range(150))
    (root / "sources" / "letters" / "letter.md").write_text(INDEX_DOC.replace("@heading Second page", filler))
    run = edition(root, "build")
    assert run.code == 0, run.err
    pages = pdf_pages(root / "build" / "reader.pdf")
    labels = PdfReader(str(root / "build" / "reader.pdf")).page_labels  # the printed page numbers
    numbers = [int(labels[i]) for i, p in enumerate(pages) if "about Stalin" in p]
    assert len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    index = " ".join(" ".join(p.split()) for p in pages if "Index of Names" in p)
    assert f"Stalin, I. V., {numbers[0]}\u2013{numbers[-1]}" in index
    assert f"Ordzhonikidze, G. K., {numbers[0]}n" in index


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    return copy_project(FIXTURES / "mini", tmp_path)


def set_body(root: Path, body: str, notes: str = "") -> None:
    doc = root / "sources" / "letters" / "letter.md"
    text = doc.read_text()
    head, _, _ = text.rpartition("---\n")
    if notes:
        head = head.replace("notes:\n", "notes:\n" + notes, 1)
    doc.write_text(head + "---\n" + body)


def test_check_warns_about_untagged_names_and_accepts_deliberate_ones(mini: Path):
    set_body(mini, "@salute Hello!\n\nI miss Kamenev and {nx|Koba} the horse{n:editor:1}. {n:textual:a|x}\n")
    run = edition_here(mini, "check")
    assert "sources/letters/letter.md:19:8: warning: 'Kamenev' may name kamenev but is not tagged" in run.err
    assert "'Koba'" not in run.err
    assert run.code == 0 and edition_here(mini, "check", "--strict").code == 1


def test_an_alias_shared_by_two_persons_is_an_error(mini: Path):
    path = mini / "sources" / "persons.yaml"
    path.write_text(path.read_text() + "other:\n  name: \"Other, A.\"\n  aliases: [Koba]\n")
    run = edition_here(mini, "check")
    assert "sources/persons.yaml:7:1: error: the alias 'Koba' is given to other, stalin" in run.err
    assert run.code == 1


@pytest.mark.parametrize("citation, message", [
    ("RGASPI op. 1, d. 3, l. 2", "fond"),
    ("RGASPI f. 558, op. 1, d. 3, ll. 9-4", "backwards"),
    ("GAZP f. 1, op. 1, d. 1", "unknown archive"),
])
def test_bad_archival_citations_are_reported_at_their_position(mini: Path, citation: str, message: str):
    set_body(mini, "Text{n:editor:1} and {n:textual:a|x}.\n",)
    doc = mini / "sources" / "letters" / "letter.md"
    doc.write_text(doc.read_text().replace("A note citing {cite:lenin-cw-35|p. 232}.", f"See {{arch|{citation}}}."))
    run = edition_here(mini, "check")
    assert re.search(rf"sources/letters/letter.md:12:11: error: archival citation: .*{message}", run.err), run.err
    assert run.code == 1


@pytest.mark.latex
def test_archival_citations_print_in_house_style_with_computed_ibid(mini: Path):
    require_latex()
    doc = mini / "sources" / "letters" / "letter.md"
    doc.write_text(doc.read_text().replace(
        "A note citing {cite:lenin-cw-35|p. 232}.",
        "First {arch|RTsKhIDNI f. 17, op. 3, d. 579, ll. 13, 14}; then {arch|ibid., l. 38}; then {arch|Там же. Л. 38};\n"
        "      then {arch|ibid., d. 580, l. 5}.").replace(
        "  textual:", "    \"2\": |\n      Second note: {arch|ibid., d. 580, l. 6}.\n  textual:").replace(
        "alone{n:editor:1}", "alone{n:editor:1}{n:editor:2}").replace(
        'place: {from: krakow}', 'place: {from: krakow}\narchives:\n  - cited: "RTSKHIDNI. F. 558. On. 1. D. 5391. L. 3. Autograph."'))
    run = edition(mini, "build")
    assert run.code == 0, run.err
    flat = " ".join(pdf_text(mini / "build" / "reader.pdf").split())
    assert "First RGASPI, f. 17, op. 3, d. 579, ll. 13, 14; then ibid., l. 38; then ibid.; then RGASPI, f. 17, op. 3, d. 580, l. 5." in flat
    # A new note starts afresh: the full citation, not an ambiguous "ibid.".
    assert "Second note: RGASPI, f. 17, op. 3, d. 580, l. 6." in flat
    assert "Archive: RGASPI, f. 558, op. 1, d. 5391, l. 3. Autograph." in flat
    # The list of archival sources names every file once, with the citing document.
    listing = flat[flat.index("Archival Sources RGASPI"):]
    assert listing.count("f. 558, op. 1, d. 5391") == 1
    assert listing.count("f. 17, op. 3, d. 579") == 1 and listing.count("f. 17, op. 3, d. 580") == 1
    assert "RTsKhIDNI" in flat.split("Abbreviations", 1)[1]  # the name as cited is explained


def test_every_archival_source_of_the_encoded_documents_prints_in_house_style(reader_build: Path):
    from edition.pipeline import prepare
    from edition.registers import archives as arch

    project, _ = prepare(reader_build)
    corpus = project.corpus
    from edition.passes.archives import document_citations
    from edition.registers.load import load_archives

    register = load_archives(reader_build, [])
    flat = " ".join(pdf_text(reader_build / "build" / "reader.pdf").split())
    # every page reference resolved, the archival list's included: LaTeX's "??" for an unresolved one
    # stands as a word of its own ("p. ??"); a writer's own "??" follows a word ("писали??")
    assert not re.search(r"(?<![\w?!])\?\?", flat), re.findall(r".{30}(?<![\w?!])\?\?", flat)[:3]
    count = 0
    for doc in corpus.documents:
        for i, citation in enumerate(document_citations(doc, register, [])):
            text = arch.as_sentence(arch.format_citation(citation, register, corpus.config.archive_style, first_mention=i == 0))
            assert f"Archive: {text}" in flat, (doc.id, text)
            assert text.startswith("RGASPI, f. ")  # one house style: the modern name, whatever the source wrote
            count += 1
    assert count >= 10


def test_russian_names_of_the_shipped_places_reach_their_entries():
    from edition.registers.names import NameIndex
    from edition.sources.load import load_places

    places = load_places(Path(__file__).resolve().parent.parent, [])
    index = NameIndex.of_places(places)
    assert index.lookup("Москвы") == {"moscow"} and index.lookup("Москва") == {"moscow"}
    assert index.lookup("Петрограде") == {"st-petersburg"} and index.lookup("Тифлиса") == {"tiflis"}
    assert index.lookup("Баку") == {"baku"} and index.lookup("Сочи") == {"sochi"}
