"""Shared helpers: building a project with the real CLI, reading its PDF back, and the
builds the tests share.

Builds that many tests read (the shipped reader, its HTML edition) are made once per run,
also when pytest-xdist runs the tests in several processes (``once``). A test that runs
LuaLaTeX must be marked ``latex``: a test that takes a building fixture is marked by
itself, and one that is not marked and runs ``lualatex`` or ``latexmk`` anyway fails
(``_latex_runs_are_marked``), so that ``pytest -m "not latex"`` (``make test-fast``) runs none.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import shutil
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = REPO.parent / "shared" / "seeds"


def have_latex() -> bool:
    return all(shutil.which(t) for t in ("lualatex", "latexmk", "pdftotext"))


# Fixtures that run LuaLaTeX: a test that takes one of them is marked "latex" by itself.
BUILDING_FIXTURES = {"reader_build", "reader_site", "built"}
LATEX_PROGRAMS = ("lualatex", "luatex", "luahbtex", "latexmk")
_current: list[pytest.Item] = []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BUILDING_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.latex)


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> object:
    """The parse cache of this test run, not the user's ~/.cache/edition: tests neither
    read what earlier runs left nor leave pickles behind. A test that needs a cache of its
    own passes XDG_CACHE_HOME itself. Under pytest-xdist the workers of a run share it, and
    so the key that signs a build's manifest: a build one worker made is trusted by the others."""
    before = os.environ.get("XDG_CACHE_HOME")
    if os.environ.get("PYTEST_XDIST_WORKER"):
        cache = tmp_path_factory.getbasetemp().parent / "cache"
        cache.mkdir(exist_ok=True)
        os.environ["XDG_CACHE_HOME"] = str(cache)
        with open(cache / ".key.lock", "w") as lock:  # one key, not one per worker that raced to make it
            fcntl.flock(lock, fcntl.LOCK_EX)
            from edition.build.trust import _key

            _key()
    else:
        cache = tmp_path_factory.mktemp("cache")
    os.environ["XDG_CACHE_HOME"] = str(cache)
    ahead = _build_reader_ahead(request.session, tmp_path_factory)
    yield
    if ahead is not None:
        ahead.join()
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


def _build_reader_ahead(session: pytest.Session, tmp_path_factory: pytest.TempPathFactory) -> threading.Thread | None:
    """Start the shared reader's build (``reader_build``) in the background, if a test of this run
    reads it: the process goes on with other tests meanwhile, instead of waiting for the build when
    its first reader test comes (under pytest-xdist, the others waited for it with a core idle). The
    build gets the environment as it is now, before any test changes it (the stand-ins of
    ``_latex_runs_are_marked`` put on PATH would count its LuaLaTeX runs against that test)."""
    if not have_latex() or not any("reader_build" in getattr(item, "fixturenames", ()) for item in session.items):
        return None
    env = dict(os.environ)

    def build() -> None:
        with contextlib.suppress(BaseException):  # a failure is recorded by once, and reported by reader_build
            once(tmp_path_factory, "reader", lambda folder: build_reader(folder, env))

    thread = threading.Thread(target=build, name="reader-build", daemon=True)
    thread.start()
    return thread


@pytest.fixture(autouse=True)
def _remember_test(request: pytest.FixtureRequest) -> object:
    _current.append(request.node)
    yield
    _current.pop()


@pytest.fixture(autouse=True)
def _latex_runs_are_marked(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                           monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A test not marked ``latex`` runs LuaLaTeX through stand-ins first on PATH: each notes the
    run and hands over to the real program, and the test fails after it."""
    if request.node.get_closest_marker("latex") is not None:
        yield
        return
    shims = tmp_path_factory.getbasetemp() / "latex-shims"
    seen = shims / "seen"
    if not shims.is_dir():
        shims.mkdir()
        for name in LATEX_PROGRAMS:
            real = shutil.which(name)
            shim = shims / name
            shim.write_text(f'#!/bin/sh\necho "{name} $*" >> "{seen}"\n'
                            + (f'exec "{real}" "$@"\n' if real else "exit 127\n"), encoding="utf-8")
            shim.chmod(0o755)
    seen.unlink(missing_ok=True)
    if any(shutil.which(name) for name in LATEX_PROGRAMS):
        monkeypatch.setenv("PATH", f"{shims}{os.pathsep}{os.environ.get('PATH', '')}")
    yield
    if seen.exists():
        ran = seen.read_text(encoding="utf-8").splitlines()
        seen.unlink()
        pytest.fail(f"{request.node.nodeid} runs LuaLaTeX ({ran[0]}...): mark it @pytest.mark.latex", pytrace=False)


def once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder ``name``, filled by ``make(folder)`` once per test run. Under pytest-xdist the
    first process to ask makes it while the others wait, then all read it; if making it failed,
    every test that asks fails with the same message."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the folder all the workers of this run share
    folder, done, failed = base / f"once-{name}", base / f"once-{name}.done", base / f"once-{name}.failed"
    with open(base / f"once-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists() and not failed.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            try:
                make(folder)
            except BaseException as exc:
                failed.write_text("".join(traceback.format_exception_only(type(exc), exc)), encoding="utf-8")
                raise
            done.touch()
    if failed.exists():
        pytest.fail(f"the shared '{name}' could not be made: {failed.read_text(encoding='utf-8')}", pytrace=False)
    return folder


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


def edition(root: Path, *args: str, env: dict[str, str] | None = None) -> Run:
    """Run the ``edition`` command as a user would, on the project at ``root`` (in ``env``, or
    this process's environment)."""
    proc = subprocess.run([sys.executable, "-m", "edition", "--root", str(root), *args],
                          capture_output=True, text=True, check=False, cwd=root, env=env)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def edition_here(root: Path, *args: str) -> Run:
    """``edition`` run in this process (no interpreter to start: a tenth of the time), its
    output captured as a terminal would show it; for the many tests of what a command says.
    An exception is not caught: it fails the test with its traceback."""
    from edition.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), *args])
    return Run(code, out.getvalue(), err.getvalue())


def copy_project(src: Path, dest: Path) -> Path:
    """A copy of a project's inputs (no build/) to build in isolation."""
    for name in ("edition.yaml", "sources", "bibliography", "docs"):
        if (src / name).is_dir():
            shutil.copytree(src / name, dest / name)
        elif (src / name).exists():
            shutil.copy(src / name, dest / name)
    return dest


def pdf_pages(pdf: Path, layout: bool = True) -> list[str]:
    """The text of each page of a PDF, by pdftotext (form feeds split pages), laid out as
    printed (``layout``) or in reading order."""
    text = pdf_text(pdf, layout=layout)
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def pdf_text(pdf: Path, layout: bool = False, page: int | None = None, strict: bool = True) -> str:
    """The text of a PDF (of its page number ``page`` only, counted from 1), by pdftotext; not
    ``strict``, a PDF pdftotext cannot read gives what it printed (a test then says what is wrong)."""
    pages = ["-f", str(page), "-l", str(page)] if page is not None else []
    cmd = ["pdftotext", *(["-layout"] if layout else []), *pages, str(pdf), "-"]
    return subprocess.run(cmd, capture_output=True, text=True, check=strict).stdout


def build_reader(root: Path, env: dict[str, str] | None = None) -> None:
    """Build the shipped reader's sources, copied into ``root``; what the build said is kept
    in build/stderr.txt, for tests of its warnings."""
    copy_project(REPO, root)
    run = edition(root, "build", env=env)
    assert run.code == 0, run.err
    (root / "build" / "stderr.txt").write_text(run.err, encoding="utf-8")


def built_copy(tmp_path_factory: pytest.TempPathFactory, fixture: str, dest: Path) -> Path:
    """``dest`` made a copy of the project tests/fixtures/``fixture`` as 'edition build' leaves it:
    the build is made once per test run and copied, for the tests that start from a good build and
    then change, break or interrupt the next one. The copy's build is trusted as the one built there
    would be (the manifest is signed with this run's key, and lists the files by their digests)."""
    require_latex()

    def make(folder: Path) -> None:
        run = edition(copy_project(FIXTURES / fixture, folder), "build")
        assert run.code == 0, run.err

    shutil.copytree(once(tmp_path_factory, f"built-{fixture}", make), dest, symlinks=True, dirs_exist_ok=True)
    return dest


@pytest.fixture(scope="session")
def reader_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped reader, built once per test run from a copy of the repository's sources.
    Tests read it and change nothing in it."""
    require_latex()
    return once(tmp_path_factory, "reader", build_reader)


@pytest.fixture(scope="session")
def reader_site(reader_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML edition of the built shipped reader (so 'Cite this' has the printed pages), made once."""

    def build_site(_folder: Path) -> None:
        run = edition(reader_build, "build", "--html")
        assert run.code == 0, run.err

    once(tmp_path_factory, "reader-site", build_site)
    return reader_build / "build" / "html"
