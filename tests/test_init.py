"""``edition init`` and the search for a project: a newcomer's first commands.

The starter reader is checked (no problem at all), built from one of its subfolders
(the command finds edition.yaml upwards) and read back from the PDF; a non-empty folder
is refused; ``-C``/``--root`` work before and after the command.
"""

from __future__ import annotations

import contextlib
import glob
import io
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib
from conftest import REPO, pdf_pages, require_latex

from edition.resources import STARTER_DIR
from edition.sources import schema


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command as a user types it, in ``cwd``, without -C."""
    return subprocess.run([sys.executable, "-m", "edition", *args], capture_output=True, text=True, check=False, cwd=cwd)


@pytest.fixture
def reader(tmp_path: Path) -> Path:
    done = run(tmp_path, "init", "myreader")
    assert done.returncode == 0, done.stderr
    return tmp_path / "myreader"


def test_init_writes_a_reader_that_checks_clean_from_a_subfolder(reader: Path) -> None:
    for name in ("edition.yaml", "sources/persons.yaml", "sources/places.yaml", "sources/archives.yaml",
                 "bibliography/works.bib", ".gitignore"):
        assert (reader / name).is_file(), name
    assert len(list((reader / "sources").rglob("*.md"))) == 1
    done = run(reader / "sources" / "letters", "check", "--strict")
    assert done.returncode == 0, done.stderr
    assert "0 error(s), 0 warning(s)" in done.stderr
    listed = run(reader / "sources", "list")
    assert "1926-06-02-stalin-molotov" in listed.stdout and "[ok]" in listed.stdout


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("my own notes\n", encoding="utf-8")
    done = run(tmp_path, "init", "mine")
    assert done.returncode == 1
    assert re.search(r"mine: error: the folder is not empty \(it holds notes\.txt\)", done.stderr), done.stderr
    assert "hint: give the name of a new folder" in done.stderr
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["notes.txt"]
    assert "Traceback" not in done.stderr


def test_root_before_or_after_the_command(reader: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first as a user types it; the others parse the same way in this process."""
    from edition.cli.main import main

    done = run(tmp_path, "-C", str(reader), "check")
    assert done.returncode == 0, done.stderr
    monkeypatch.chdir(tmp_path)
    for args in (["check", "-C", str(reader)], ["--root", str(reader), "list"],
                 ["list", "--root", str(reader)], ["check", "-C", str(reader / "sources")]):
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = main(args)
        assert code == 0, (args, err.getvalue())


def test_no_project_says_where_it_looked_and_how_to_start(tmp_path: Path) -> None:
    (tmp_path / "empty" / "deeper").mkdir(parents=True)
    done = run(tmp_path / "empty" / "deeper", "build")
    assert done.returncode == 1
    folder = str((tmp_path / "empty" / "deeper").resolve())
    assert f"{folder}: error: no edition.yaml in this folder or in any folder above it" in done.stderr, done.stderr
    assert "edition init" in done.stderr and "Traceback" not in done.stderr
    missing = run(tmp_path, "-C", "nowhere", "check")
    assert missing.returncode == 1 and "nowhere: error: no such folder" in missing.stderr


def test_starter_config_names_every_key_of_edition_yaml() -> None:
    """Every key of edition.yaml appears in the starter's, set or commented out with its explanation."""
    text = (STARTER_DIR / "edition.yaml").read_text(encoding="utf-8")
    absent = [f.name for f in schema.CONFIG if not re.search(rf"^(# )?{f.name}:", text, re.M)]
    assert not absent, f"the starter edition.yaml does not mention: {absent}"


def test_the_wheel_carries_every_package_and_the_starter() -> None:
    """pyproject lists the packages by hand (latex/ and schemas/ are mapped into the wheel): none may be missed."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    packages = set(config["packages"])
    on_disk = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "edition").rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}  # data folders too, or setuptools warns
    assert on_disk - packages == set(), "add these packages to [tool.setuptools] packages in pyproject.toml"
    assert config["package-dir"] == {"edition.data.latex": "latex", "edition.data.schemas": "schemas"}
    patterns = config["package-data"]["edition.cli"]
    starter = [p.relative_to(STARTER_DIR.parent).as_posix() for p in STARTER_DIR.rglob("*") if p.is_file()]
    shipped = {m for p in patterns for m in glob.glob(p, root_dir=STARTER_DIR.parent)}
    unshipped = sorted(set(starter) - shipped)
    assert not unshipped, f"package-data of edition.cli does not carry {unshipped}"


@pytest.mark.latex
def test_init_then_build_from_a_subfolder_prints_the_example_letter(reader: Path) -> None:
    require_latex()
    done = run(reader / "sources" / "letters", "build")
    assert done.returncode == 0, done.stderr
    assert "warning" not in done.stderr, done.stderr
    text = " ".join(" ".join(pdf_pages(reader / "build" / "reader.pdf")).split())
    for words in ("Letters from the Summer of 1926", "I received the coded telegram today",
                  "Postpone the matter for another week", "Molotov, V. M.", "RGASPI, f. 558, op. 1, d. 3263, l. 1",
                  "Stalin’s Letters to Molotov"):
        assert words in text, words


def _blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", (REPO / "docs" / "tutorial.md").read_text(encoding="utf-8"), re.S)


def test_the_tutorial_works_as_written(reader: Path) -> None:
    """Steps 4 to 8 of docs/tutorial.md on a fresh reader: its document, person and .bib entry check clean,
    and its two mistakes give the messages the tutorial shows."""
    command = shlex.split(next(b for b in _blocks("sh") if "edition new" in b).replace("\\\n", " "))
    assert run(reader, *command[1:]).returncode == 0
    letter = reader / "sources" / "letters" / "1926-06-03-stalin-molotov.md"
    letter.write_text(_blocks("markdown")[0], encoding="utf-8")
    person = next(b for b in _blocks("yaml") if b.startswith("trotsky:"))
    with (reader / "sources" / "persons.yaml").open("a", encoding="utf-8") as persons:
        persons.write(person)
    with (reader / "bibliography" / "works.bib").open("a", encoding="utf-8") as bib:
        bib.write("\n" + _blocks("bibtex")[0])
    clean = run(reader, "check", "--strict")
    assert clean.returncode == 0 and "0 error(s), 0 warning(s)" in clean.stderr, clean.stderr
    text = letter.read_text(encoding="utf-8")
    letter.write_text(text.replace("{p:molotov|Vyacheslav}", "{p:molotv|Vyacheslav}").replace("note{n:editor:1}", "note{n:editor:2}"),
                      encoding="utf-8")
    wrong = run(reader, "check")
    shown = re.search(r"```\n(sources/letters/.*?)```", (REPO / "docs" / "tutorial.md").read_text(encoding="utf-8"), re.S)
    assert shown is not None
    assert wrong.stderr.splitlines() == shown.group(1).splitlines()
