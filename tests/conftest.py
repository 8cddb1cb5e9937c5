"""Shared helpers: building a project with the real CLI and reading its PDF back."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = REPO.parent / "shared" / "seeds"


def have_latex() -> bool:
    return all(shutil.which(t) for t in ("lualatex", "latexmk", "pdftotext"))


# Fixtures that run LuaLaTeX: a test that takes one of them is marked "latex" by itself.
BUILDING_FIXTURES = {"reader_build", "built"}
_current: list[pytest.Item] = []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BUILDING_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.latex)


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> object:
    """The parse cache of this test session, not the user's ~/.cache/edition: tests neither
    read what earlier runs left nor leave pickles behind. A test that needs a cache of its
    own passes XDG_CACHE_HOME itself."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture(autouse=True)
def _remember_test(request: pytest.FixtureRequest) -> object:
    _current.append(request.node)
    yield
    _current.pop()


def require_latex() -> None:
    """Skip without TeX on a developer's machine; in CI a missing TeX is a failure.

    Only a test marked ``@pytest.mark.latex`` may run LuaLaTeX, so that
    ``pytest -m "not latex"`` (``make test-fast``) really runs none.
    """
    if _current and _current[-1].get_closest_marker("latex") is None:
        pytest.fail(f"{_current[-1].nodeid} runs LuaLaTeX: mark it @pytest.mark.latex")
    if not have_latex():
        if os.environ.get("CI"):
            pytest.fail("LuaLaTeX, latexmk or pdftotext is missing in CI: run tools/ensure-system.sh")
        pytest.skip("LuaLaTeX, latexmk or pdftotext not installed (make test installs them)")


@dataclass
class Run:
    code: int
    out: str
    err: str


def edition(root: Path, *args: str) -> Run:
    """Run the ``edition`` command as a user would, on the project at ``root``."""
    proc = subprocess.run([sys.executable, "-m", "edition", "--root", str(root), *args],
                          capture_output=True, text=True, check=False, cwd=root)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def copy_project(src: Path, dest: Path) -> Path:
    """A copy of a project's inputs (no build/) to build in isolation."""
    for name in ("edition.yaml", "sources", "bibliography", "docs"):
        if (src / name).is_dir():
            shutil.copytree(src / name, dest / name)
        elif (src / name).exists():
            shutil.copy(src / name, dest / name)
    return dest


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of a PDF, by pdftotext (form feeds split pages)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="session")
def reader_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped reader, built once per test session from a copy of the repository's sources."""
    require_latex()
    root = copy_project(REPO, tmp_path_factory.mktemp("reader"))
    run = edition(root, "build")
    assert run.code == 0, run.err
    (root / "build" / "stderr.txt").write_text(run.err, encoding="utf-8")  # what the build said, for tests of its warnings
    return root
