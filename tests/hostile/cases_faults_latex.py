"""Faults around a LaTeX run, on a draft (one pass): a kill, Ctrl-C, a full disk, and the
truncated files an interrupted run leaves. The last good PDF stays, nothing partial is left,
and the next build repairs what it finds by itself."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from conftest import pdf_text
from harness import LETTER, Case, Expect, Run, letter, run_subprocess

DRAFT = ("build", "--only", "letter")
PDF = "build/draft.pdf"
TEX = "build/tex-draft"


def _build(root: Path, cache: Path, fsize: int = 0) -> Run:
    return run_subprocess(["--root", str(root), *DRAFT], {"XDG_CACHE_HOME": str(cache)}, 120, root, fsize)


def _change(root: Path, words: str) -> None:
    (root / LETTER).write_text(letter(body=f"{words}{{n:editor:1}} {{n:textual:a|x}}\n"), encoding="utf-8")


def _pdf_text(root: Path) -> str:
    return pdf_text(root / PDF, strict=False)


def _partial(root: Path) -> list[str]:
    return [str(p.relative_to(root)) for p in (root / "build").rglob("*")
            if p.name.endswith((".tmp", ".partial")) or ".partial-" in p.name or p.name.startswith(".staging")]


def after_fault(fault: Callable[[Path, Path], Run], expect_code: int | None = None) -> Callable[[Case, Path, Path], Run]:
    """A good draft, then a changed source and the faulty build; then the checks of a clean state,
    and a next build that must succeed and print the changed text. The good draft is built here,
    unless the caller laid in a copy of one built once (``lay_in_good_draft``)."""

    def runner(case: Case, root: Path, cache: Path) -> Run:
        if not (root / PDF).exists():
            first = _build(root, cache)
            if first.code != 0:
                return Run(first.code, first.out, "the first, good build failed:\n" + first.err)
        good = (root / PDF).read_bytes()
        _change(root, "Text of the faulty build.")
        run = fault(root, cache)
        problems = []
        if run.traceback:
            return run
        if expect_code is not None and run.code != expect_code:
            problems.append(f"the faulty build exited {run.code}, not {expect_code}")
        if not (root / PDF).exists() or (run.code != 0 and (root / PDF).read_bytes() != good):
            problems.append("the last good PDF was lost or changed by the failed build")
        if partial := _partial(root):
            problems.append(f"partial files left: {partial}")
        after = _build(root, cache)
        if after.code != 0:
            problems.append(f"the next build failed: {after.err[-1500:]}")
        elif "Text of the faulty build." not in " ".join(_pdf_text(root).split()):
            problems.append("the next build's PDF lacks the changed text")
        return Run(0 if not problems else 99, run.out, run.err + "\n" + "\n".join(problems))

    runner.starts_from_good_draft = True  # type: ignore[attr-defined]
    return runner


def build_good_draft(root: Path, cache: Path) -> None:
    """The good draft every fault starts from, of the plain mini project at ``root``."""
    run = _build(root, cache)
    assert run.code == 0 and (root / PDF).is_file(), run.err


def lay_in_good_draft(good_root: Path, good_cache: Path, root: Path, cache: Path) -> None:
    """Copy a good draft (its build folder, and the cache folder whose key signed its manifest) into
    a fresh copy of the same project: the state a build there would have left, so the faults need
    not build it each. The copied files have new inodes and times, so the next build trusts them by
    their digests, as it trusts any file the manifest lists whose times changed."""
    shutil.copytree(good_root / "build", root / "build", symlinks=True)
    shutil.copytree(good_cache, cache, symlinks=True)


def _signal_mid_latex(sig: int) -> Callable[[Path, Path], Run]:
    def fault(root: Path, cache: Path) -> Run:
        env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
        log = root / TEX / "reader.log"
        before = log.stat().st_mtime_ns if log.exists() else 0
        proc = subprocess.Popen([sys.executable, "-m", "edition", "--root", str(root), *DRAFT], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True, env=env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (log.exists() and log.stat().st_mtime_ns != before):
            time.sleep(0.02)
        time.sleep(0.3)
        if sig == signal.SIGKILL:
            os.killpg(proc.pid, sig)
        else:  # Ctrl-C reaches the whole foreground process group
            os.killpg(proc.pid, sig)
        out, err = proc.communicate(timeout=60)
        return Run(proc.returncode, out.decode(errors="replace"), err.decode(errors="replace"))

    return fault


def _truncate_then_build(name: str) -> Callable[[Path, Path], Run]:
    def fault(root: Path, cache: Path) -> Run:
        path = root / TEX / name
        data = path.read_bytes() if path.exists() else b""
        path.write_bytes(data[: max(1, len(data) // 2) - 1])
        return _build(root, cache)

    return fault


def _full_disk(size: int) -> Callable[[Path, Path], Run]:
    def fault(root: Path, cache: Path) -> Run:
        return _build(root, cache, fsize=size)

    return fault


def _garbage_stamp(root: Path, cache: Path) -> Run:
    for stamp in (root / "build").glob(".*.fingerprint"):
        stamp.write_bytes(b"\xff\xfe garbage \x00")
    return _build(root, cache)


def _case(name: str, runner: Callable[[Case, Path, Path], Run]) -> Case:
    return Case(f"fault-{name}", "faults", expect=Expect(0), latex=True, runner=runner, timeout=300)


CASES = [
    _case("kill-mid-latex", after_fault(_signal_mid_latex(signal.SIGKILL))),
    _case("ctrl-c-mid-latex", after_fault(_signal_mid_latex(signal.SIGINT))),
    _case("sigterm-mid-latex", after_fault(_signal_mid_latex(signal.SIGTERM))),
    _case("truncated-aux", after_fault(_truncate_then_build("reader.aux"), 0)),
    _case("truncated-toc", after_fault(_truncate_then_build("reader.toc"), 0)),
    _case("truncated-fdb", after_fault(_truncate_then_build("reader.fdb_latexmk"), 0)),
    _case("truncated-log", after_fault(_truncate_then_build("reader.log"), 0)),
    # reledmac's line list of the first numbered section, read by the next pass, and the page record
    # the layout audit reads (the index of names is made in the run itself: no .idx or .ind to damage)
    _case("truncated-line-list", after_fault(_truncate_then_build("reader.1"), 0)),
    _case("truncated-layout-record", after_fault(_truncate_then_build("reader.layout"), 0)),
    _case("full-disk-in-latex", after_fault(_full_disk(30_000), 2)),
    _case("garbage-stamp", after_fault(_garbage_stamp, 0)),
]
