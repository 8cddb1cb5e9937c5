"""`edition import`: raw copies of each shape become draft sources that load cleanly."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, SEEDS

from edition.cli.interchange import cli_import
from edition.interchange.importer import ImportedDocument, ImportRefused, ImportResult, import_raw, write_imported
from edition.interchange.importer_notes import FURNITURE
from edition.model.corpus import Block, Document, Inline, Person, Span, Text, walk_spans
from edition.model.diagnostics import Pos
from edition.registers.archives import ArchivesRegister
from edition.registers.load import load_archives
from edition.sources.load import load_document, load_persons

RAW = FIXTURES / "import"


def person(pid: str, name: str, *aliases: str) -> Person:
    return Person(pid, name, "", "", "", list(aliases), Pos("persons.yaml"))


PERSONS = {p.id: p for p in (
    person("stalin", "Stalin, I. V.", "Koba", "J. Stalin"),
    person("molotov", "Molotov, V. M."),
    person("zinoviev", "Zinov'ev, G. E.", "Zinoviev", "Grisha"),
    person("bukharin", "Bukharin, N. I."),
    person("lenin", "Lenin, V. I.", "Ilyich"),
    person("kamenev", "Kamenev, L. B."),
    person("ulyanova", "Ulyanova, M. I."),
    person("petrovsky", "Petrovsky, G. I."),
    person("gorky", "Gorky, Maxim"),
    person("elizarova", "Elizarova, A. I.", "James"),
)}
REGISTER, _ = ArchivesRegister.from_data({"rgaspi": {"city": "Moscow", "names": [
    {"abbr": "TsPA IML", "expansion": "Central Party Archive", "from": None, "to": 1991},
    {"abbr": "RTsKhIDNI", "expansion": "Russian Centre", "from": 1991, "to": 1999},
    {"abbr": "RGASPI", "expansion": "Russian State Archive of Socio-Political History", "from": 1999, "to": None},
]}}, lambda key: Pos("archives.yaml"))


def run(name: str) -> ImportResult:
    return import_raw((RAW / name).read_text(encoding="utf-8"), name, PERSONS, REGISTER)


def load(doc: ImportedDocument, tmp_path: Path) -> Document:
    path = tmp_path / doc.filename
    path.write_text(doc.text, encoding="utf-8")
    loaded, diags = load_document(path, doc.filename)
    assert loaded is not None
    # the only errors allowed are the marks of what the import could not place
    assert [d for d in diags if d.is_error and "unplaced material left by 'edition import'" not in d.message] == [], doc.text
    return loaded


def front_comments(doc: ImportedDocument) -> str:
    """The comment lines of a draft's front matter: what the import read or dropped, as the copy has it."""
    return "\n".join(line for line in doc.text.split("\n---\n", 1)[0].split("\n") if line.startswith("#"))


def body(doc: ImportedDocument) -> str:
    return doc.text.split("\n---\n", 1)[1]


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[^\W\d_]+", text))


def blocks_text(blocks: list[Block], anchors: str = "") -> str:
    """The plain text of blocks as it prints; ``anchors`` stands for a note anchor (a space keeps "Congress2it" two
    words); text the editors supplied prints in brackets."""
    def span(n: Span) -> str:
        if n.kind == "n":
            return inline(n.children) or anchors
        return f"[{inline(n.children)}]" if n.kind == "sup" else inline(n.children)

    def inline(nodes: list[Inline]) -> str:
        return "".join(n.text if isinstance(n, Text) else span(n) for n in nodes)

    return "\n".join(inline(b.content) + "\n" + blocks_text(b.blocks, anchors) for b in blocks)


def messages(result: ImportResult) -> str:
    return "\n".join(str(d) for d in result.diagnostics)


# --- each shape ------------------------------------------------------------------------


def test_letters_split_at_headings_even_one_glued_to_a_note(tmp_path: Path):
    result = run("letters.txt")
    assert [d.id for d in result.documents] == ["1927-07-12-stalin-molotov", "1927-07-14-stalin-molotov"]
    assert "letters.txt:21:" in messages(result) and "heading 'Letter 4' split off the end of a line" in messages(result)
    first, second = (load(d, tmp_path) for d in result.documents)
    assert first.title == "Stalin to Molotov" and first.authors == ["stalin"] and first.recipients == ["molotov"]
    assert first.date is not None and first.date.supplied and first.date.text() == "[12 July 1927]"
    text = body(result.documents[0])
    assert "@salute Hello, {n:textual:1|{p:molotov|Molotov},}" in text
    assert "warm and dry again.{n:editor:2} {p:zinoviev|Zinoviev},{n:editor:3} as ever" in text
    assert "@closer Well, all the best,\n\n@signed {p:stalin|J. Stalin}\n\n@dateline Monday. Sochi." in text
    assert set(first.notes) == {"textual", "editor"} and set(first.notes["editor"]) == {"2", "3"}
    # the archival note went to the archives; the lone number after a name became an anchor, with a warning
    assert [a.cited_as for a in second.archives] == ["RTsKhIDNI f. 558, op. 1, d. 9999, l. 2."]
    assert "{p:bukharin|Bukharin}{n:editor:2} and the press" in body(result.documents[1])
    assert "the number 2 standing alone is taken as the anchor of note 2" in messages(result)
    assert "@salute Comrade {p:molotov|Molotov}," in body(result.documents[1])
    # the collection title before the first letter is kept, not dropped
    assert "Collected Letters to Molotov" in result.documents[0].text
    assert "Collected Letters to Molotov" in front_comments(result.documents[0])  # the page's title, recorded


def test_articles_split_after_source_lines_and_at_bylines(tmp_path: Path):
    result = run("articles.txt")
    assert [d.id for d in result.documents] == ["1905-11-13-lenin-press", "memories-congress"]
    press, memories = (load(d, tmp_path) for d in result.documents)
    assert press.kind == "excerpt" and press.authors == ["lenin"]
    assert "@signed {p:lenin|V. I. LENIN} (1905)" in body(result.documents[0])
    assert "Source: Party Organisation" in front_comments(result.documents[0])  # read, and recorded as the copy has it
    assert "Lenin  Press" in blocks_text(press.headnote)  # a tag line of the page after the document's end
    assert memories.kind == "article" and memories.title == "Memories of the Congress"
    assert "@lines by JOHN SMITH, a delegate" in body(result.documents[1])
    assert "@heading Loyal to the old line" in body(result.documents[1])


def test_numbered_statements_with_archival_lines(tmp_path: Path):
    result = run("statements.txt")
    assert len(result.documents) == 3
    intro, first, second = (load(d, tmp_path) for d in result.documents)
    assert intro.title == "On Two Statements"
    assert first.title == "Ulyanova to the Plenum of the Central Committee" and first.authors == ["ulyanova"]
    assert first.date is not None and first.date.text() == "26 July 1926"
    assert [a.cited_as for a in first.archives] == ["Ts PA IML, F. 17, Op. 2, D. 246, Vyp. IV; Tipografskii tekst"]
    text = body(result.documents[1])
    assert "@dateline 26th July, 1926" in text and "@salute To the Joint Plenum of the CC and CCC" in text
    assert "@signed 26th July 1926. {p:ulyanova|M. Ulyanova}." in text
    assert second.title == "M. I. Ulyanova on Lenin’s relation towards Stalin" and second.authors == ["ulyanova"]
    assert [a.cited_as for a in second.archives] == ["Ts PA IML, F. 14, Op. 1, D. 398, l. 1-8; avtograf"]
    assert "No. 1" in result.documents[1].text.split("\n---\n")[0]  # the heading, in the comment of consumed lines


def test_metadata_lines_notes_and_furniture(tmp_path: Path):
    result = run("marxists.txt")
    (doc,) = result.documents
    loaded = load(doc, tmp_path)
    assert loaded.authors == ["lenin"] and loaded.kind == "letter"
    assert loaded.date is not None and loaded.date.text() == "not before 3 October 1916"
    assert loaded.translation is not None and loaded.translation.by == "Andrew Rothstein"
    comments = front_comments(doc)
    for line in ("Written: Written later", "Published: First published", "Source: Collected Works", "Transcription\\\\Markup: R. Cymbala"):
        assert line in comments
    assert set(loaded.notes["editor"]) == {"1"} and set(loaded.notes["author"]) == {"2"}
    text = body(doc)
    assert "@salute Dear Friend," in text and "@postscript P.S. Write frankly" in text
    assert "{p:elizarova|James}{n:author:2}" in text and "pamphlet{n:editor:1} we wrote" in text
    dropped = front_comments(doc).split("dropped as site furniture:")[1]
    assert "Public Domain" in dropped and "backward" in dropped and "Works Index" in dropped
    assert "Public Domain" not in body(doc)


def test_markup_characters_print_as_written(tmp_path: Path):
    (doc,) = run("marxists.txt").documents
    plain = blocks_text(load(doc, tmp_path).body)
    assert "question of {the plan} | as a whole \\ and of the pamphlet we wrote." in plain
    assert "@home the question is settled; > nobody disputes it" in plain


def test_note_heading_spelt_and_lone_anchors_and_archives(tmp_path: Path):
    result = run("notes-heading.txt")
    (doc,) = result.documents
    loaded = load(doc, tmp_path)
    assert loaded.title == "Stalin to Kamenev" and loaded.date is not None and loaded.date.text() == "[December 1912]"
    assert [a.cited_as for a in loaded.archives] == ["RTSKHIDNI. F. 558. On. 1. D. 5391. L. 3. Autograph."]
    text = body(doc)
    assert "Krakow? one" in text  # a spelt-out number is left alone...
    assert "'one' may be the anchor of note 1 spelt out; left as text" in messages(result)  # ...and reported
    assert "faction){n:editor:2} ." in text and "Luch{n:editor:3}(I found" in text
    assert "@salute Hello friend!" in text
    assert "Collection of documents 1996." in front_comments(doc)


def test_numbered_paragraphs_are_not_notes_unless_something_marks_them(tmp_path: Path):
    result = run("paragraphs.txt")
    (doc,) = result.documents
    loaded = load(doc, tmp_path)
    assert set(loaded.notes["editor"]) == {"26", "27"}
    text = body(doc)
    assert text.count("{n:editor:") == 2 and "48. Martinov" in text and "49. At the caucus" in text
    assert loaded.date is not None and loaded.date.text() == "21 October 1927"
    (theses,) = run("numbered-only.txt").documents
    loaded = load(theses, tmp_path)
    assert loaded.notes == {} and "3. The British Communist Party" in body(theses)


# --- nothing lost, everything loads ----------------------------------------------------


def kept_words(raw: str) -> Counter[str]:
    """The words of the copy without its furniture lines."""
    return words("\n".join(line for line in raw.split("\n") if not FURNITURE.search(line)))


def loaded_words(result: ImportResult, tmp_path: Path) -> Counter[str]:
    """The words of the imported documents as the loader reads them, plus the consumed lines kept in comments."""
    out: Counter[str] = Counter()
    for doc in result.documents:
        loaded = load(doc, tmp_path)
        out += words(blocks_text(loaded.body, " ") + blocks_text(loaded.headnote))
        out += words(" ".join(blocks_text(n.content) for notes in loaded.notes.values() for n in notes.values()))
        out += words(" ".join(a.cited_as for a in loaded.archives) + loaded.title)
        out += words("\n".join(re.findall(r"(?m)^#   \d+: (.*)$", doc.text)))
    return out


@pytest.mark.parametrize("name", sorted(p.name for p in RAW.glob("*.txt")))
def test_round_trip_loses_no_word(name: str, tmp_path: Path):
    raw = (RAW / name).read_text(encoding="utf-8")
    result = run(name)
    missing = kept_words(raw) - loaded_words(result, tmp_path)
    assert not missing, missing
    for doc in result.documents:
        assert "status: draft" in doc.text and doc.filename == f"{doc.id}.md"


def test_body_text_comes_from_the_copy(tmp_path: Path):
    raw = (RAW / "letters.txt").read_text(encoding="utf-8")
    for doc in run("letters.txt").documents:
        loaded = load(doc, tmp_path)
        plain = blocks_text(loaded.body)
        assert not words(plain) - words(raw)
        for span in walk_spans(loaded.body):
            assert span.kind in ("p", "n")


# --- writing ---------------------------------------------------------------------------


def test_write_refuses_to_overwrite_without_force(tmp_path: Path):
    result = run("letters.txt")
    written = write_imported(result, tmp_path / "part", force=False)
    assert [p.name for p in written] == [d.filename for d in result.documents]
    (tmp_path / "part" / written[0].name).write_text("edited by hand", encoding="utf-8")
    with pytest.raises(ImportRefused, match=written[0].name):
        write_imported(result, tmp_path / "part", force=False)
    assert (tmp_path / "part" / written[0].name).read_text(encoding="utf-8") == "edited by hand"
    write_imported(result, tmp_path / "part", force=True)
    assert (tmp_path / "part" / written[0].name).read_text(encoding="utf-8") == result.documents[0].text


def test_cli_import_writes_reports_and_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", root)
    into = root / "sources" / "imported"
    assert cli_import(RAW / "notes-heading.txt", into, False, root) == 0
    err = capsys.readouterr().err
    assert "wrote 1 document(s)" in err and "warning:" in err and "dropped 1 line(s) of web furniture" in err
    assert (into / "1912-12-stalin-kamenev.md").exists()
    assert cli_import(RAW / "notes-heading.txt", into, False, root) == 1
    assert "nothing written" in capsys.readouterr().err
    assert cli_import(RAW / "notes-heading.txt", into, True, root) == 0


# --- the seeds -------------------------------------------------------------------------

SEED_MINIMUM = {"000": 1, "001": 1, "002": 8, "003": 20, "004": 1}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seeds are not present")
@pytest.mark.parametrize("prefix", sorted(SEED_MINIMUM))
def test_seeds_import_into_loadable_sources(prefix: str, tmp_path: Path):
    seeds = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not seeds:
        pytest.skip(f"seed {prefix} is not present")
    diags: list = []
    persons = load_persons(REPO, diags)
    register = load_archives(REPO, diags)
    raw = seeds[0].read_text(encoding="utf-8")
    result = import_raw(raw, seeds[0].name, persons, register)
    assert len(result.documents) >= SEED_MINIMUM[prefix]
    if prefix == "003":
        assert len(result.documents) == 20  # Letters 11-30
    assert len({d.id for d in result.documents}) == len(result.documents)
    for doc in result.documents:
        loaded = load(doc, tmp_path)
        for pid in loaded.authors + loaded.recipients + [s.args[0] for s in walk_spans(loaded.body) if s.kind == "p"]:
            assert pid in persons
    missing = kept_words(raw) - loaded_words(result, tmp_path)
    assert not missing, missing


def test_a_document_the_copy_gives_no_text_for_is_a_draft_that_does_not_check(tmp_path: Path) -> None:
    """A heading and a dateline with nothing after them: the draft's body is one @unplaced paragraph that says so,
    which 'edition check' refuses at its line, not a '{gap}' that would print as a lacuna and pass."""
    result = import_raw("3120. О. Л. КНИППЕР\n\n13 августа 1900 г. Ялта.\n", "page.txt", PERSONS, REGISTER)
    (doc,) = result.documents
    assert "{gap}" not in doc.text and "@unplaced [no text of this document was found in the copy" in doc.text
    assert any("no text left for the body" in d.message for d in result.diagnostics)
    path = tmp_path / doc.filename
    path.write_text(doc.text, encoding="utf-8")
    _loaded, diags = load_document(path, doc.filename)
    assert [d.message[:43] for d in diags if d.is_error] == ["unplaced material left by 'edition import':"]
