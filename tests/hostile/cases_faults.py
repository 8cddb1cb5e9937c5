"""Faults: a damaged or hostile cache, an odd environment, a full disk, a kill, Ctrl-C, and
what an interrupted build leaves behind. Nothing partial is left, the last good outputs stay,
and the next run repairs what it finds."""

from __future__ import annotations

import contextlib
import os
import pickle
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from harness import LETTER, Case, Expect, Fifo, Run, _run_inprocess, letter, run_subprocess

CYRILLIC = letter(title='"Сталин — Каменеву"')


def _cache_file(root: Path) -> Path:
    from edition.sources.load import cache_path

    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(root.parent / "cache")
    try:
        return cache_path(root)
    finally:
        if old is None:
            os.environ.pop("XDG_CACHE_HOME", None)
        else:
            os.environ["XDG_CACHE_HOME"] = old


def _with_cache(damage):  # noqa: ANN001, ANN202
    """Run 'edition check' once so that the cache exists, then ``damage`` it."""

    def setup(root: Path) -> None:
        from harness import Case as C
        from harness import run_case

        run_case(C("warm", "faults"), root, root.parent / "cache")
        path = _cache_file(root)
        assert path.exists(), "the first run wrote no cache"
        damage(path)

    return setup


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x80\x05garbage" * 100)


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _tamper(path: Path) -> None:
    """Change the title inside the cached document, leaving a valid pickle with the right source digest."""
    data = path.read_bytes()
    assert b"Stalin to Kamenev" in data
    path.write_bytes(data.replace(b"Stalin to Kamenev", b"Stalin to KameneX"))


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _cache_outside_project(path: Path) -> None:
    """A cache entry naming a file (the pickle can hold anything): replaced by an object that runs code if unpickled."""

    class Evil:
        def __reduce__(self):  # noqa: ANN204
            return (os.system, (f"touch {path.parent}/PWNED-pickle",))

    path.write_bytes(pickle.dumps(Evil()))


def title_is_the_sources(root: Path, run: Run) -> str:
    if "KameneX" in run.out:
        return "the damaged cache entry was used instead of the source"
    if "Stalin to Kamenev" not in run.out:
        return f"'edition list' did not print the title: {run.out!r} {run.err[-500:]}"
    return ""


def nothing_written_in_home(root: Path, run: Run) -> str:
    strays = [p for p in (root / "~", Path.cwd() / "~") if p.exists()]
    return f"a cache was written in {strays[0]}" if strays else ""


@contextlib.contextmanager
def unknown_user() -> Iterator[None]:
    import pwd

    real = pwd.getpwuid

    def nobody(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    pwd.getpwuid = nobody  # type: ignore[assignment]
    try:
        yield
    finally:
        pwd.getpwuid = real  # type: ignore[assignment]


def no_partial_files(root: Path, run: Run) -> str:
    build = root / "build"
    partial = [p for p in build.rglob("*") if p.name.endswith((".tmp", ".partial")) or p.name.startswith(".tmp")] if build.is_dir() else []
    if partial:
        return f"partial files left: {[str(p.relative_to(root)) for p in partial]}"
    old = build / "reader.pdf"
    if old.exists() and old.read_bytes() != b"%PDF-1.4 the last good reader":
        return "the last PDF was changed by a failed build"
    if "could not write" not in run.err:
        return f"no 'could not write' message: {run.err[-600:]}"
    return ""


def _html_repaired(damage: Callable[[Path], Path]) -> Callable[[Case, Path, Path], Run]:
    """An HTML edition built, one of its files cut short (as an interrupted run or a full disk would
    leave it), then a build with nothing changed in the sources: it must find the damage by itself
    and leave every file of the site as a good build writes it."""

    def runner(case: Case, root: Path, cache: Path) -> Run:
        args = ["--root", str(root), "build", "--html"]
        first = _run_inprocess(args, {"XDG_CACHE_HOME": str(cache)}, 120)  # the good build: no process of its own needed
        site = root / "build" / "html"
        if first.code != 0:
            return Run(first.code, first.out, "the first, good build failed:\n" + first.err)
        good = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file() and p.suffix != ".epub"}
        damaged = damage(site)
        data = damaged.read_bytes()
        damaged.write_bytes(data[: len(data) // 2])
        run = run_subprocess(args, {"XDG_CACHE_HOME": str(cache)}, 120, root)
        if run.code != 0 or run.traceback:
            return run
        now = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file() and p.suffix != ".epub"}
        from edition.build.web import same_but_dates  # the CMIF file's date is the day it is written

        problems = [f"{name} is not as a good build writes it" for name in sorted(good.keys() | now.keys())
                    if not same_but_dates(good.get(name, b""), now.get(name, b""))]
        try:
            with zipfile.ZipFile(site / "edition.epub") as book:
                bad = book.testzip()
                if bad is not None or "mimetype" not in book.namelist():
                    problems.append(f"the EPUB is damaged ({bad})")
        except (OSError, zipfile.BadZipFile) as exc:
            problems.append(f"the EPUB is damaged: {exc}")
        return Run(0 if not problems else 99, run.out, run.err + "\n" + "\n".join(problems[:5]))

    return runner


def _largest_index_file(site: Path) -> Path:
    return max((p for p in (site / "pagefind").rglob("*") if p.is_file()), key=lambda p: p.stat().st_size)


ASCII = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": None}

CASES = [
    Case("search-index-truncated-is-repaired", "faults", expect=Expect(0), timeout=240,
         runner=_html_repaired(_largest_index_file)),
    Case("search-index-entry-truncated-is-repaired", "faults", expect=Expect(0), timeout=240,
         runner=_html_repaired(lambda site: site / "pagefind" / "pagefind-entry.json")),
    Case("epub-truncated-is-repaired", "faults", expect=Expect(0), timeout=240, runner=_html_repaired(lambda site: site / "edition.epub")),
    Case("html-page-truncated-is-repaired", "faults", expect=Expect(0), timeout=240, runner=_html_repaired(lambda site: site / "index.html")),
    Case("cache-garbage", "faults", setup=_with_cache(_garbage), expect=Expect(0)),
    Case("cache-truncated", "faults", setup=_with_cache(_truncate), expect=Expect(0)),
    Case("cache-entry-tampered", "faults", setup=_with_cache(_tamper), command=("list",), expect=Expect(0, check=title_is_the_sources)),
    Case("cache-is-a-fifo", "faults", setup=_with_cache(_fifo), expect=Expect(0)),
    Case("cache-is-a-folder", "faults", setup=_with_cache(_folder), expect=Expect(0)),
    Case("cache-pickle-runs-code", "faults", setup=_with_cache(_cache_outside_project), command=("list",),
         expect=Expect(0, check=title_is_the_sources)),
    Case("cache-home-is-a-file", "faults", env={"XDG_CACHE_HOME": "{root}/edition.yaml"}, expect=Expect(0)),
    Case("home-unset-unknown-user", "faults", env={"HOME": None, "XDG_CACHE_HOME": None}, expect=Expect(0, check=nothing_written_in_home),
         patch=unknown_user),
    Case("ascii-terminal-list", "faults", {LETTER: CYRILLIC}, command=("list",), env=ASCII, subprocess=True, expect=Expect(0)),
    Case("ascii-terminal-error", "faults", {LETTER: letter(body="Текст {p:никто|X}\n")}, env=ASCII, subprocess=True,
         expect=Expect(1, f"{LETTER}:17:7", "unknown person")),
    Case("full-disk-before-latex", "faults", {"build/reader.pdf": b"%PDF-1.4 the last good reader"}, command=("build",),
         fsize=4000, expect=Expect(2, check=no_partial_files)),  # under the size of the larger LaTeX files
    Case("cache-folder-is-a-fifo", "faults", {"cache-fifo": Fifo()}, env={"XDG_CACHE_HOME": "{root}/cache-fifo"}, expect=Expect(0)),
]
