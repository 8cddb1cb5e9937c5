"""The plan: each decision about what prints is made once, in edition/passes/, and read by
every output. These tests look at the decisions themselves, without LaTeX."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from edition.passes.plan import Plan
from edition.pipeline import prepare

REPO = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


def project(tmp_path: Path, body: str, headnote: str = "", extra_notes: str = "", style: str = "") -> Plan:
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    letter = root / "sources" / "letters" / "letter.md"
    text = letter.read_text(encoding="utf-8")
    front, _old_body = text.split("---\n", 2)[1:]
    if headnote:
        front += "headnote: |\n  " + headnote + "\n"
    front = front.replace("notes:\n  editor:\n", "notes:\n  editor:\n" + extra_notes)
    letter.write_text("---\n" + front + "---\n" + body + "\n", encoding="utf-8")
    if style:
        (root / "edition.yaml").write_text((root / "edition.yaml").read_text() + style, encoding="utf-8")
    planned, diags = prepare(root)
    assert not [d for d in diags if d.is_error], diags
    return planned.plan


def forms(plan: Plan) -> list[str]:
    return [c.form for _key, c in sorted(plan.citations.items())]


def test_a_work_is_cited_in_full_first_in_reading_order_then_short(tmp_path: Path) -> None:
    # The headnote prints before the text, so its citation is the first one the reader meets.
    plan = project(tmp_path, "Text {cite:lenin-cw-35|p. 1} and {cite:lenin-cw-35|p. 2}.",
                   headnote="See {cite:lenin-cw-35|p. 9}.")
    by_locator = {c.locator: c.form for c in plan.citations.values()}
    assert by_locator == {"p. 9": "full", "p. 1": "short", "p. 2": "short"}
    assert "Collected Works" in str(plan.citations[min(plan.citations)].text)


def test_ibid_is_decided_in_the_plan_when_the_style_asks_for_it(tmp_path: Path) -> None:
    notes = '    "2": |\n      {cite:lenin-cw-35|p. 3} and again {cite:lenin-cw-35|p. 4}.\n'
    plan = project(tmp_path, "Text{n:editor:1} more{n:editor:2}.", extra_notes=notes, style="citation_style: {ibid: true}\n")
    texts = {c.locator: (c.form, str(c.text)) for c in plan.citations.values()}
    assert texts["p. 3"][0] == "short"  # note 1 cited the work in full; a new note is not "ibid."
    assert texts["p. 4"] == ("ibid", "Ibid., p. 4")
    without = project(tmp_path / "b", "Text{n:editor:1} more{n:editor:2}.", extra_notes=notes)
    assert "ibid" not in forms(without)


def test_documents_are_numbered_through_the_reader_and_a_draft_keeps_the_numbers() -> None:
    whole, _ = prepare(REPO)
    numbers = [d.number for d in whole.plan.documents.values()]
    assert numbers == list(range(1, len(numbers) + 1))
    last = list(whole.plan.documents)[-1]
    draft, _ = prepare(REPO, {last})
    assert draft.plan.draft and list(draft.plan.documents) == [last]
    assert draft.plan.documents[last].number == len(numbers)


def test_note_numbers_restart_per_document_and_follow_the_anchors() -> None:
    """And per version: the notes an original anchors are numbered apart from the translation's."""
    whole, _ = prepare(REPO)
    plan = whole.plan
    for doc in plan.printed():
        original = plan.parallel[doc.id].original_notes if doc.id in plan.parallel else frozenset()
        for series in {s for d, s, _k in plan.note_numbers if d == doc.id}:
            for in_original in (False, True):
                numbers = sorted(n for (d, s, k), n in plan.note_numbers.items()
                                 if d == doc.id and s == series and ((s, k) in original) == in_original)
                assert numbers == list(range(1, len(numbers) + 1)), (doc.id, series, in_original)


def test_the_plan_is_frozen() -> None:
    whole, _ = prepare(REPO)
    with pytest.raises(dataclasses.FrozenInstanceError):
        whole.plan.draft = True  # type: ignore[misc]


def test_the_loaded_corpus_keeps_the_text_as_written_and_the_plan_holds_it_typeset() -> None:
    whole, _ = prepare(REPO)
    raw = {p.name for p in whole.corpus.persons.values()}
    printed = {p.name for p in whole.plan.corpus.persons.values()}
    assert any("'" in n for n in raw) and not any("'" in n for n in printed)


def test_the_chronology_names_persons_the_register_spells_in_cyrillic_as_the_index_does(tmp_path: Path) -> None:
    """A register may spell Russians in Cyrillic: the chronology (and the line under a document's heading on the
    web) gives their surnames in the reader's transliteration, as the index files them, not 'Сталин → Каменев';
    a Latin name stays as it is written."""
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    persons = root / "sources" / "persons.yaml"
    persons.write_text(persons.read_text(encoding="utf-8").replace('"Stalin, I. V."', '"Сталин, И. В."'), encoding="utf-8")
    planned, diags = prepare(root)
    assert not [d for d in diags if d.is_error], diags
    (row,) = planned.plan.chronology
    assert row.parties == "Stalin \u2192 Kamenev", row
