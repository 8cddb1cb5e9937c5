"""edition new --part: the new id is written into the part's list as the editor would."""

from __future__ import annotations

import pytest

from edition.cli.new import listed_in
from edition.sources.yamlpos import load_yaml


def _part(text: str):  # noqa: ANN202
    return load_yaml(text, "edition.yaml").get("parts").value[0]  # type: ignore[union-attr]


@pytest.mark.parametrize(("before", "after"), [
    ("parts:\n  - id: a\n    documents: [x, y]  # two\n", "parts:\n  - id: a\n    documents: [x, y, new]  # two\n"),
    ("parts:\n  - id: a\n    documents: []\n", "parts:\n  - id: a\n    documents: [new]\n"),
    ("parts:\n  - id: a\n    documents: [x,\n      y]\ntitle: T\n", "parts:\n  - id: a\n    documents: [x,\n      y, new]\ntitle: T\n"),
    ("parts:\n  - id: a\n    documents:\n      - x   # first\n      - y\n    title: A\n",
     "parts:\n  - id: a\n    documents:\n      - x   # first\n      - y\n      - new\n    title: A\n"),
    ("parts:\n  - id: a\n    documents: x  # one\n", "parts:\n  - id: a\n    documents: [x, new]  # one\n"),
])
def test_the_id_is_added_to_the_list(before: str, after: str) -> None:
    out = listed_in(before, _part(before), "new")
    assert out == after
    assert "new" in str(_part(out).get("documents").plain())  # type: ignore[arg-type,union-attr]


def test_a_folder_part_is_left_alone() -> None:
    text = "parts:\n  - id: a\n    title: A\n"
    assert listed_in(text, _part(text), "new") is None


def test_new_without_parts_says_so(tmp_path) -> None:  # noqa: ANN001
    import argparse

    from edition.cli.new import cmd_new

    (tmp_path / "edition.yaml").write_text("title: T\n", encoding="utf-8")
    args = argparse.Namespace(root=str(tmp_path), id="x", part=None, kind="letter", author=None, to=None, date=None, title=None, force=False)
    assert cmd_new(args) == 1
    assert not (tmp_path / "sources").exists()


def test_a_title_in_cyrillic_is_written_in_cyrillic_and_reads_back(tmp_path) -> None:  # noqa: ANN001
    """The skeleton's title is the editor's words as typed, not '\\u0427\\u0435...': a Russian title
    stays readable in the file, and the file reads back with the same title (a quotation mark
    and a backslash in it too)."""
    from conftest import edition_here

    from edition.cli.main import main

    root = tmp_path / "r"
    assert main(["init", str(root)]) == 0
    title = 'Чехов — Суворину: о "Палате № 6" \\ черновик'
    run = edition_here(root, "new", "letter", "--id", "1892-03-11-chekhov-suvorin", "--title", title, "--date", "[1892-03]")
    assert run.code == 0, run.err
    text = next(root.rglob("1892-03-11-chekhov-suvorin.md")).read_text(encoding="utf-8")
    assert "title: \"Чехов — Суворину: о \\\"Палате № 6\\\" \\\\ черновик\"" in text, text
    assert "\\u04" not in text
    front = load_yaml(text.split("---\n")[1], "x.md")
    assert front.get("title").value == title  # type: ignore[union-attr]
    assert front.get("date").value == "[1892-03]"  # type: ignore[union-attr]
