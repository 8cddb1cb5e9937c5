"""Broken sources: realistic mistakes made on purpose in a small reader of its own
(tests/broken/reader/), each checked as a historian would meet it in ``edition check``.

Every case of ``cases_*.py`` changes one thing in the reader and states the exact
``path:line:column`` of the error it must get, a fragment of its message and the exit
code. The run must also print no traceback, give the diagnostic a hint, and print no
other error before it (a cascade: consequences reported before, or instead of, the cause).

``python tests/broken/test_broken.py`` prints the table of all cases (cases / right
position / hint / traceback / cascade); pytest prints it at the end of a run too.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
READER = HERE / "reader"
sys.path.insert(0, str(HERE))

from broken_case import Case  # noqa: E402

_LINE = re.compile(r"^(?P<where>[^\s:][^:]*:\d+:\d+): (?P<severity>error|warning): (?P<message>.*)$")


def all_cases() -> list[Case]:
    cases: list[Case] = []
    for path in sorted(HERE.glob("cases_*.py")):
        cases += importlib.import_module(path.stem).CASES
    return cases


@dataclass
class Outcome:
    code: int | None
    err: str
    traceback: bool
    position: bool = False  # the expected diagnostic is printed, at the expected place
    hint: bool = False  # ... with a hint
    cascade: bool = False  # another error printed before it
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem


def make_reader(case: Case, base: Path) -> Path:
    root = base / "reader"
    shutil.copytree(READER, root)
    for edit in case.edits:
        edit.apply(root)
    return root


def run_check(root: Path, cache: Path, command: tuple[str, ...] = ("check",)) -> tuple[int | None, str, bool]:
    """``edition check`` in this process, as the command line runs it."""
    import os

    from edition.cli.main import main

    err = io.StringIO()
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(cache)
    code: int | None = None
    crashed = False
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            try:
                code = main(["--root", str(root), *command])
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
    except Exception:  # noqa: BLE001 - what the table counts
        import traceback

        crashed = True
        err.write(traceback.format_exc())
    finally:
        if old is None:
            os.environ.pop("XDG_CACHE_HOME", None)
        else:
            os.environ["XDG_CACHE_HOME"] = old
    text = err.getvalue()
    return code, text, crashed or "Traceback (most recent call last)" in text


def judge(case: Case, code: int | None, err: str, traceback: bool) -> Outcome:
    out = Outcome(code, err, traceback)
    lines = err.splitlines()
    said = [(i, m) for i, line in enumerate(lines) if (m := _LINE.match(line))]
    target = next(((i, m) for i, m in said if m["where"] == case.where and m["severity"] == case.severity
                   and re.search(case.says, m["message"], re.I)), None)
    if target is not None:
        i, _m = target
        out.position = True
        out.hint = i + 1 < len(lines) and lines[i + 1].lstrip().startswith("hint:")
        out.cascade = any(m["severity"] == "error" and j < i for j, m in said)
    problems = []
    if traceback:
        problems.append("a traceback")
    if code != case.code:
        problems.append(f"exit {code}, expected {case.code}")
    if target is None:
        near = [m.group(0) for _i, m in said if re.search(case.says, m["message"], re.I)]
        problems.append(f"no '{case.where}: {case.severity}: /{case.says}/'" + (f" (said at {near[0]})" if near else ""))
    elif not out.hint:
        problems.append("no hint")
    if out.cascade:
        problems.append("another error printed before it")
    out.problem = "; ".join(problems)
    return out


RESULTS: dict[str, Outcome] = {}


def outcome(case: Case, tmp: Path) -> Outcome:
    root = make_reader(case, tmp)
    result = judge(case, *run_check(root, tmp / "cache", case.command))
    RESULTS[case.id] = result
    return result


def table(results: dict[str, Outcome]) -> str:
    n = len(results)
    right = sum(r.position for r in results.values())
    hint = sum(r.position and r.hint for r in results.values())
    tracebacks = sum(r.traceback for r in results.values())
    cascades = sum(r.cascade for r in results.values())
    return (f"broken sources: {n} cases / {right} right position / {hint} with a hint / "
            f"{tracebacks} traceback / {cascades} cascade")


CASES = all_cases()


def test_the_reader_itself_is_clean(tmp_path: Path) -> None:
    code, err, traceback = run_check(READER, tmp_path / "cache", ("check", "--strict"))
    assert code == 0 and not traceback, err


def test_case_ids_are_unique() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_broken_source(case: Case, tmp_path: Path) -> None:
    result = outcome(case, tmp_path)
    assert result.ok, f"{case.id}: {result.problem}\n{result.err[-2000:]}"


def test_zz_table(capsys: pytest.CaptureFixture[str]) -> None:
    """The table of the cases run (the last test of the file: pytest keeps their order)."""
    if RESULTS:
        with capsys.disabled():
            print("\n" + table(RESULTS))


if __name__ == "__main__":
    import tempfile

    for c in CASES:
        with tempfile.TemporaryDirectory() as t:
            r = outcome(c, Path(t))
            if not r.ok or "-v" in sys.argv:
                print(f"{c.id}: {r.problem or 'ok'}")
                if "-v" in sys.argv and not r.ok:
                    print("   " + r.err.replace("\n", "\n   "))
    print(table(RESULTS))
