"""``edition check`` on broken sources: every problem, as path:line:column, non-zero exit."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project, edition, edition_here


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    return copy_project(FIXTURES / "mini", tmp_path)


LETTER = "sources/letters/letter.md"


def edit(root: Path, old: str, new: str, path: str = LETTER) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_clean_project_checks_clean(mini: Path):
    run = edition(mini, "check")
    assert run.code == 0, run.err
    assert "0 error(s), 0 warning(s)" in run.err


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("{p:kamenev|friend}", "{p:kamenv|friend}", f"{LETTER}:17:15: error: unknown person 'kamenv'\n    hint: did you mean 'kamenev'?"),
        ("authors: [stalin]", "authors: [stalln]", f"{LETTER}:5:11: error: unknown person 'stalln' in authors"),
        ("{n:editor:1}", "{n:editor:2}", f"{LETTER}:19:18: error: note 'editor:2' has no text"),
        ("{n:editor:1}", "{n:comment:1}", f"{LETTER}:19:18: error: note series 'comment' is not configured"),
        ("{cite:lenin-cw-35|p. 232}", "{cite:lenin-cw35|p. 232}", f"{LETTER}:12:21: error: unknown bibliography key 'lenin-cw35'\n    hint: did you mean 'lenin-cw-35'?"),
        ('date: "[1912-12]"', "date: 1912-13", f"{LETTER}:7:7: error: malformed date: month 13 out of range"),
        ('date: "[1912-12]"', 'date: "11.03.1892"', f"{LETTER}:7:7: error: malformed date: '11.03.1892' is not a date of the form YYYY, "
         "YYYY-MM or YYYY-MM-DD\n    hint: write it so: 1892-03-11"),
        ('date: "[1912-12]"', "date: 11 марта 1892 г.", "YYYY-MM-DD\n    hint: write it so: 1892-03-11\nedition check: 1 error(s)"),
        ('date: "[1912-12]"', "date: Sept. 3, 1918", "YYYY-MM-DD\n    hint: write it so: 1918-09-03\nedition check: 1 error(s)"),
        ('date: "[1912-12]"', "date: декабрь 1912", "YYYY-MM-DD\n    hint: write it so: 1912-12\nedition check: 1 error(s)"),
        ('date: "[1912-12]"', 'date: "31.02.1892"', "YYYY-MM-DD\n    hint: write YYYY, YYYY-MM, YYYY-MM-DD or a range A/B: 1857-07-01, 1857-07, "
         "1857-06-01/1857-07-15\nedition check: 1 error(s)"),
        ("kind: letter", "kind: leter", f"{LETTER}:4:7: error: 'kind' in document metadata must be one of"),
        ("kind: letter", "kind: letter\nsender: stalin", f"{LETTER}:5:1: warning: unknown key 'sender' in document metadata"),
        ("title: Stalin to Kamenev\n", "", f"{LETTER}:2:1: error: document metadata lacks the required key 'title'"),
        ("{sup|was}", "{sup|was", f"{LETTER}:19:3: error: '{{sup' is not closed"),
        ("{gap}", "{gapp:x}", f"{LETTER}:19:64: error: unknown markup tag 'gapp'\n    hint: did you mean 'gap'?"),
        ("place: {from: krakow}", "place: {from: krakov}", f"{LETTER}:8:15: error: unknown place 'krakov'"),
        ("kind: letter", "kind: letter\n\tauthors: x", f"{LETTER}:5:1: error: YAML:"),
        ("kind: letter", "kind: letter\nkind: note", f"{LETTER}:5:1: error: duplicate key 'kind'"),
        ("{n:textual:a|policy}", "{n:textual:a}", f"{LETTER}:19:43: error: a note of the 'textual' series needs a lemma"),
        ("{n:textual:a|policy}", "policy", f"{LETTER}:14:8: warning: note 'textual:a' is never anchored"),
    ],
)
def test_broken_source_reports_position_and_exits_nonzero(mini: Path, old: str, new: str, expected: str):
    edit(mini, old, new)
    run = edition_here(mini, "check")
    assert expected in run.err, run.err
    if ": error:" in expected or "edition check: 1 error(s)" in expected:
        assert run.code == 1
    else:
        assert run.code == 0
        assert edition_here(mini, "check", "--strict").code == 1


def test_all_problems_are_reported_in_one_run(mini: Path):
    edit(mini, "{p:kamenev|friend}", "{p:nobody|friend}")
    edit(mini, "{p:stalin|Koba}", "{p:noone|Koba}")
    edit(mini, "krakow:", "krakow:\n  name: x\n  bogus: 1", "sources/places.yaml")
    run = edition(mini, "check")
    assert "unknown person 'nobody'" in run.err and "unknown person 'noone'" in run.err
    assert "sources/places.yaml:4:3: error: duplicate key 'name'" in run.err
    assert run.code == 1


def test_missing_front_matter(mini: Path):
    (mini / LETTER).write_text("Just text, no metadata.\n")
    run = edition(mini, "check")
    assert f"{LETTER}:1:1: error: the file does not start with a YAML front matter block" in run.err
    assert run.code == 1


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"---\nid: x\n---\nbad \xff byte\n", f"{LETTER}:4:5: error: invalid UTF-8"),
        (b"---\nid: x\n---\nnul \x00 here\n", f"{LETTER}:4:5: error: NUL character"),
        (b"---\na: !!python/object/apply:os.system ['touch /tmp/x']\n---\ntext\n", f"{LETTER}:2:4: error: YAML tag"),
    ],
)
def test_hostile_bytes_and_yaml(mini: Path, data: bytes, expected: str):
    (mini / LETTER).write_bytes(data)
    run = edition(mini, "check")
    assert expected in run.err, run.err
    assert run.code == 1


def test_bom_and_crlf_load_cleanly(mini: Path):
    text = (mini / LETTER).read_text(encoding="utf-8")
    (mini / LETTER).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    run = edition(mini, "check")
    assert run.code == 0, run.err


def test_bibliography_outside_the_project_is_refused(mini: Path):
    edit(mini, "bibliography: [bibliography/works.bib]", "bibliography: [../../etc/passwd]", "edition.yaml")
    run = edition(mini, "check")
    assert "points outside the project" in run.err
    assert run.code == 1


def test_parsed_documents_are_reused_only_while_their_source_is_unchanged(tmp_path: Path):
    """load keeps parsed documents in the user's cache folder (never in the project) by
    the digest of each source: a second load reads them from there, and an edited source
    is parsed again."""
    from edition.sources.load import cache_path, load

    root = copy_project(FIXTURES / "mini", tmp_path)
    first, _ = load(root)
    cache = cache_path(root)
    assert cache.exists() and not cache.is_relative_to(root)
    again, _ = load(root)
    assert [d.title for d in again.documents] == [d.title for d in first.documents]
    source = root / "sources" / "letters" / "letter.md"
    old_title = first.documents[0].title
    source.write_text(source.read_text().replace(f"title: {old_title}", "title: A New Title", 1))
    edited, _ = load(root)
    assert [d.title for d in edited.documents] == ["A New Title"]
    cache.write_bytes(b"not a pickle")  # a damaged cache is ignored, not fatal
    damaged, diags = load(root)
    assert [d.title for d in damaged.documents] == ["A New Title"] and not [d for d in diags if d.severity == "error"]


@pytest.mark.parametrize("damage", [b"\xff", b"\x00"], ids=["not-utf8", "nul-byte"])
def test_an_unreadable_bibliography_is_the_one_error_not_its_citations(mini: Path, damage: bytes):
    """A .bib that cannot be read at all is said once, at its bytes; the works it held are missing, so the
    citations of them get no 'unknown bibliography key' (a consequence, not a second mistake), though a
    second, readable file gives the check keys to compare with. A key truly undefined still gets it (the control)."""
    (mini / "bibliography" / "more.bib").write_text("@book{other, title = {Other}, year = 1990, author = {Other, A.}}\n",
                                                    encoding="utf-8")
    edit(mini, "bibliography: [bibliography/works.bib]", "bibliography: [bibliography/works.bib, bibliography/more.bib]",
         "edition.yaml")
    bib = mini / "bibliography" / "works.bib"
    good = bib.read_bytes()
    bib.write_bytes(damage + good)
    run = edition(mini, "check")
    assert run.code == 1
    assert "bibliography/works.bib:1:1: error:" in run.err, run.err
    assert "unknown bibliography key" not in run.err, run.err
    bib.write_bytes(good)
    edit(mini, "{cite:lenin-cw-35|", "{cite:lenin-cw-53|")
    run = edition(mini, "check")
    assert "unknown bibliography key 'lenin-cw-53'" in run.err, run.err


def test_a_misspelt_note_series_is_one_error_not_three(mini: Path):
    """Notes given under a series edition.yaml does not configure are said once, at the series' key: the anchor
    whose text they hold and the notes themselves ('never anchored') are its consequences. Control: with the
    series right and the note's key wrong, the anchor's 'has no text' is still said."""
    edit(mini, "  editor:\n", "  editr:\n")
    run = edition(mini, "check")
    assert run.code == 1
    said = [line for line in run.err.splitlines() if ": error:" in line or ": warning:" in line]
    assert said == ["sources/letters/letter.md:10:3: error: note series 'editr' is not configured"], run.err
    edit(mini, "  editr:\n    \"1\":", "  editor:\n    \"2\":")
    run = edition(mini, "check")
    assert "sources/letters/letter.md:19:18: error: note 'editor:1' has no text" in run.err, run.err


def test_a_part_whose_only_source_cannot_be_read_is_not_also_said_empty(tmp_path: Path):
    """A part that takes the documents of its folder, whose one source has a YAML mistake, gets no warning
    'has no documents' (before the cause, at edition.yaml); the control: with the folder really empty it does."""
    root = copy_project(Path(__file__).resolve().parent / "broken" / "reader", tmp_path)
    source = root / "sources" / "kolokol" / "1857-kolokol-preface.md"
    text = source.read_text(encoding="utf-8")
    assert "\ntitle: " in text
    source.write_text(text.replace("\ntitle: ", "\ntitle: The Bell: ", 1), encoding="utf-8")
    run = edition(root, "check")
    assert run.code == 1
    assert "has no documents" not in run.err, run.err
    assert run.err.startswith("sources/kolokol/1857-kolokol-preface.md:"), run.err
    source.unlink()
    run = edition(root, "check")
    assert "part 'kolokol' has no documents and is not printed" in run.err, run.err


@pytest.mark.parametrize(("typed", "odd", "meant"), [
    ("stal\u00a0in", "'\u00a0' (U+00A0 NO-BREAK SPACE)", "stalin"),
    ("stal>in", "'>' (U+003E GREATER-THAN SIGN)", "stalin"),
    ("stalin the elder", "' ' (U+0020 SPACE)", "stalin-the-elder"),
])
def test_a_register_id_with_a_character_no_id_holds_is_said_at_the_id(mini: Path, typed: str, odd: str, meant: str):
    """The cause is said where it is, first: the id in the register, with the character named and the
    id to write; the mentions that no longer find it come after. Control: an id in Cyrillic is an id."""
    edit(mini, "stalin:\n", f"{typed}:\n", "sources/persons.yaml")
    run = edition(mini, "check")
    assert run.code == 1
    first = next(line for line in run.err.splitlines() if ": error:" in line)
    assert first.startswith("sources/persons.yaml:") and f"the person id '{typed}' holds {odd}" in first, run.err
    assert f"write it so: '{meant}', and the same in the text's {{p:...}}" in run.err
    edit(mini, f"{typed}:\n", "сталин:\n", "sources/persons.yaml")
    assert "the person id" not in edition(mini, "check").err


@pytest.mark.parametrize(("key", "written", "meant"), [
    ("transliteration", "ALA-LC", "ala_lc"), ("paper", "A4", "a4"), ("font_size", "12 PT", "12pt"), ("archive_style", "As Cited", "as-cited"),
])
def test_a_setting_not_one_of_its_values_is_one_error_with_the_value_meant(mini: Path, key: str, written: str, meant: str):
    """Written in capitals or with a hyphen for an underscore: the hint names the value meant, and the rest of the
    check goes on with the default (an unknown transliteration stopped the check with a traceback)."""
    config = mini / "edition.yaml"
    config.write_text(config.read_text(encoding="utf-8") + f"{key}: {written}\n", encoding="utf-8")
    run = edition_here(mini, "check")
    assert run.code == 1, run.err
    said = [line for line in run.err.splitlines() if ": error:" in line]
    assert len(said) == 1 and f"'{key}' in edition.yaml must be one of" in said[0], run.err
    assert f"hint: did you mean '{meant}'?" in run.err, run.err


def test_list_and_a_misspelt_draft_id_speak_as_the_reader_does(mini: Path):
    """'edition list' names the persons as the chronology does (a register's Cyrillic surname in the reader's
    transliteration), and 'edition build --only' with a misspelt id offers the id meant, before any LaTeX runs."""
    persons = mini / "sources" / "persons.yaml"
    persons.write_text(persons.read_text(encoding="utf-8").replace('"Stalin, I. V."', '"Сталин, И. В."'), encoding="utf-8")
    listed = edition_here(mini, "list")
    assert listed.code == 0 and "Stalin -> Kamenev" in listed.out, listed.out
    run = edition_here(mini, "build", "--only", "leter")
    assert run.code == 1 and "--only names unknown document(s): leter; did you mean 'letter'?" in run.err, run.err
    run = edition_here(mini, "build", "--only", "zzz")
    assert run.code == 1 and "'edition list' shows the ids" in run.err, run.err
