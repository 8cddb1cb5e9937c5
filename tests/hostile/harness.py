"""The hostile suite's machinery: a small project with one case's files laid over it,
the command run on it (in this process, or as a user would in a subprocess), and the
outcome sorted into the classes of docs/robustness.md.

A case states what it writes (text, bytes, a symlink, a FIFO, a directory), the command,
and what must come of it: the exit code and, for a refusal, the exact
``path:line:column: severity: message`` line. Every run also checks the general rules:
no traceback, no hang, nothing outside the project read into the output or written,
nothing planted run.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
MINI = TESTS / "fixtures" / "mini"
SECRET = "TOP-SECRET-OUTSIDE-THE-PROJECT"

# --- what a case writes --------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """A symbolic link to ``target``: '@out/NAME' is a file outside the project, '/...' absolute,
    anything else relative to the link's folder."""

    target: str


@dataclass(frozen=True)
class Fifo:
    pass


@dataclass(frozen=True)
class Folder:
    pass


@dataclass(frozen=True)
class Device:
    """A character device node (made only where the tests may; else the case is skipped)."""


@dataclass(frozen=True)
class Gone:
    """The fixture's file removed."""


Content = str | bytes | Link | Fifo | Folder | Device | Gone


# The mini project's letter, in pieces a case can change.
FRONT = {
    "id": "letter",
    "title": "Stalin to Kamenev",
    "kind": "letter",
    "authors": "[stalin]",
    "recipients": "[kamenev]",
    "date": '"[1912-12]"',
    "place": "{from: krakow}",
}
NOTES = 'notes:\n  editor:\n    "1": |\n      A note citing {cite:lenin-cw-35|p. 232}.\n  textual:\n    a: |\n      So in the copy.\n'
BODY = "@salute Hello {p:kamenev|friend}!\n\nI {sup|was} alone{n:editor:1}, {del|firm} {n:textual:a|policy} {gap}.\n\n@signed {p:stalin|Koba}\n"
LETTER = "sources/letters/letter.md"


def letter(body: str = BODY, notes: str = NOTES, extra: str = "", **front: str) -> str:
    """The mini letter with some of its front matter, notes or body replaced.

    Line numbers: 1 '---', 2 id, 3 title, 4 kind, 5 authors, 6 recipients, 7 date, 8 place,
    then ``extra`` lines, then the notes (9-15 when unchanged), '---', and the body
    (first line 17 when nothing else changed)."""
    fields = {**FRONT, **front}
    head = "".join(f"{k}: {v}\n" for k, v in fields.items() if v is not None)
    return f"---\n{head}{extra}{notes}---\n{body}"


def body_line(extra: str = "", notes: str = NOTES, **front: str) -> int:
    """The line of the first body line of ``letter(...)`` with these changes."""
    return letter("X", notes, extra, **front).count("\n") + 1


CONFIG = 'title: "Mini Reader"\nbibliography: [bibliography/works.bib]\nparts:\n  - id: one\n    title: "One"\n    documents: [letter]\n'


# --- what must come of it ------------------------------------------------------------


@dataclass
class Expect:
    code: int = 0
    where: str = ""  # "path:line:column" of the diagnostic the case is about ("" for none)
    says: str = ""  # a regular expression its message must match
    severity: str = "error"
    not_in_output: tuple[str, ...] = ()  # strings that must not reach the terminal
    check: Callable[[Path, Run], str] | None = None  # extra check: returns a problem, or ""


@dataclass
class Case:
    id: str
    group: str  # received, paths, injection, yaml, unicode, structure, sizes, faults
    files: dict[str, Content] = field(default_factory=dict)
    expect: Expect = field(default_factory=Expect)
    command: tuple[str, ...] = ("check",)
    env: dict[str, str | None] = field(default_factory=dict)
    subprocess: bool = False  # run as a user would (terminal encoding, environment)
    timeout: float = 60.0  # only to catch a hang: never a measure of speed (tests/hostile/test_linear.py measures growth)
    latex: bool = False
    setup: Callable[[Path], None] | None = None
    needs_root: bool = False
    patch: Callable[[], contextlib.AbstractContextManager[None]] | None = None  # in-process only
    fsize: int = 0  # a file size limit for the subprocess (RLIMIT_FSIZE): a full disk
    share: str = ""  # LaTeX cases with the same key may be built together as one project
    runner: Callable[[Case, Path, Path], Run] | None = None  # a run of its own (kills, interrupts)

    def __str__(self) -> str:
        return self.id


@dataclass
class Run:
    code: int | None
    out: str
    err: str
    hung: bool = False
    crashed: str = ""  # the exception that escaped, in-process

    @property
    def traceback(self) -> bool:
        return bool(self.crashed) or "Traceback (most recent call last)" in self.err


# --- making the project ----------------------------------------------------------------


def make_project(case: Case, base: Path) -> Path:
    """The mini project in ``base/project`` with the case's files laid over it; an
    ``base/outside`` folder with a secret file that nothing may read or change."""
    root = base / "project"
    shutil.copytree(MINI, root)
    (root / "edition.yaml").write_text(CONFIG, encoding="utf-8")
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    (outside / "secret.md").write_text(f"---\nid: secret\n---\n{SECRET}\n", encoding="utf-8")
    (outside / "secret.yaml").write_text(f"secret:\n  name: {SECRET}\n", encoding="utf-8")
    (outside / "secret.bib").write_text(f"@book{{secret, title={{{SECRET}}}, author={{A, B}}, publisher={{P}}, year={{1900}}}}\n", encoding="utf-8")
    (outside / "dir").mkdir()
    for rel, content in case.files.items():
        _write(root, rel, content, outside)
    if case.setup is not None:
        case.setup(root)
    return root


def _write(root: Path, rel: str, content: Content, outside: Path) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir() and not isinstance(content, Folder):
        shutil.rmtree(path)
    if isinstance(content, Gone):
        return
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, Link):
        target = content.target
        if target.startswith("@out"):
            target = str(outside / target.removeprefix("@out").lstrip("/"))
        os.symlink(target, path)
    elif isinstance(content, Fifo):
        os.mkfifo(path)
    elif isinstance(content, Folder):
        path.mkdir(exist_ok=True)
    elif isinstance(content, Device):
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # /dev/null's numbers


def can_make_devices() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (symlinks as their targets), to show that nothing changed."""
    out: dict[str, bytes] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = path.relative_to(folder).as_posix()
            if path.is_symlink():
                out[rel] = b"-> " + os.readlink(path).encode()
            elif path.is_file():
                out[rel] = path.read_bytes()
    return out


# --- running -----------------------------------------------------------------------------


class _Hang(Exception):
    pass


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def ring(_signum: int, _frame: object) -> None:
        raise _Hang

    old = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# A case's timeout tells a hang from an answer; it is no speed limit. On a loaded machine
# (CI, or other work on two cores) an answer may take several times as long, so the
# deadline is the case's figure times this factor, and never under a minute.
HANG_FACTOR = 6.0


def deadline(case: Case) -> float:
    return max(case.timeout * HANG_FACTOR, 60.0)


def run_case(case: Case, root: Path, cache: Path) -> Run:
    if case.runner is not None:
        return case.runner(case, root, cache)
    args = [a.format(root=root) for a in case.command]
    if "--root" not in args:
        args = ["--root", str(root), *args]
    env = {"XDG_CACHE_HOME": str(cache), **{k: v.format(root=root) if v else v for k, v in case.env.items()}}
    if case.subprocess or case.latex or case.fsize:
        return run_subprocess(args, env, deadline(case), root, case.fsize)
    if args[-1] == "render":
        return _run_inprocess(args, env, deadline(case), case.patch, render=True)
    return _run_inprocess(args, env, deadline(case), case.patch)


def _limit_file_size(size: int) -> Callable[[], None]:
    def limit() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


def run_subprocess(args: list[str], env: dict[str, str | None], timeout: float, root: Path, fsize: int = 0) -> Run:
    full = dict(os.environ)
    for key, value in env.items():
        if value is None:
            full.pop(key, None)
        else:
            full[key] = value
    proc = subprocess.Popen([sys.executable, "-m", "edition", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=full, cwd=root, start_new_session=True, preexec_fn=_limit_file_size(fsize) if fsize else None)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return Run(None, out.decode(errors="replace"), err.decode(errors="replace"), hung=True)
    return Run(proc.returncode, out.decode(errors="backslashreplace"), err.decode(errors="backslashreplace"))


def render_command(args: list[str]) -> int:
    """'render': what 'edition build' does up to the LaTeX run (the generated files in build/tex)."""
    from edition.build.compile import write_tree
    from edition.latex.render import render
    from edition.model.diagnostics import has_errors
    from edition.pipeline import prepare

    root = Path(args[args.index("--root") + 1])
    project, diags = prepare(root)
    for d in diags:
        print(d, file=sys.stderr)
    if has_errors(diags):
        return 1
    files, more = render(project.plan)
    for d in more:
        print(d, file=sys.stderr)
    write_tree(root / "build" / "tex", files)
    return 0


def _run_inprocess(args: list[str], env: dict[str, str | None], timeout: float,
                   patch: Callable[[], contextlib.AbstractContextManager[None]] | None = None, render: bool = False) -> Run:
    from edition.cli.main import main

    saved = {k: os.environ.get(k) for k in env}
    for key, value in env.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    out, err = io.StringIO(), io.StringIO()
    code: int | None = None
    crashed = ""
    hung = False
    try:
        with _alarm(timeout), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
                (patch() if patch else contextlib.nullcontext()):
            try:
                code = render_command(args) if render else main(args)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
    except _Hang:
        hung = True
    except Exception as exc:  # an input that crashes the command: what the suite is here to catch
        crashed = f"{type(exc).__name__}: {exc}"
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return Run(code, out.getvalue(), err.getvalue(), hung=hung, crashed=crashed)


# --- judging --------------------------------------------------------------------------------

OUTCOMES = ("handled", "traceback", "hang", "wrong output", "wrong position", "code ran")


def judge(case: Case, root: Path, run: Run, outside_before: dict[str, bytes]) -> tuple[str, str]:
    """(outcome, explanation) of a run, the worst first: code ran, hang, traceback, ..."""
    outside = root.parent / "outside"
    if snapshot(outside) != outside_before:
        return "code ran", "a file outside the project was written"
    leaked = _leak(root, run)
    if leaked:
        return "code ran", leaked
    if run.hung:
        return "hang", f"no answer in {deadline(case):.0f} s"
    if run.traceback:
        return "traceback", run.crashed or run.err[-600:]
    return _expected(case, root, run)


def _expected(case: Case, root: Path, run: Run) -> tuple[str, str]:
    e = case.expect
    for text in e.not_in_output:
        if text in run.out + run.err:
            return "wrong output", f"{text!r} reached the terminal"
    if e.check is not None:
        problem = e.check(root, run)
        if problem:
            return ("code ran" if problem.startswith("code ran") else "wrong output"), problem
    if run.code != e.code:
        return "wrong output", f"exit {run.code}, expected {e.code}:\n{run.err[-1500:]}"
    return _message(e, run)


def _message(e: Expect, run: Run) -> tuple[str, str]:
    if e.says and not e.where:
        if not any(re.search(e.says, line, re.I) for line in run.err.splitlines()):
            return "wrong output", f"no /{e.says}/ in:\n{run.err[-1500:]}"
    if e.where:
        head = _where_pattern(e.where, e.severity)
        lines = [line for line in run.err.splitlines() if head.match(line)]
        if not any(re.search(e.says, line, re.I) for line in lines):
            said = [line for line in run.err.splitlines() if ": error: " in line or ": warning: " in line]
            said = [line for line in said if re.search(e.says, line, re.I)] if e.says else said
            if said:
                return "wrong position", f"expected at {e.where}, got: {said[0][:300]}\n{run.err[-1200:]}"
            if lines:
                return "wrong output", f"at {e.where} but not /{e.says}/: {lines[0][:300]}"
            return "wrong output", f"no '{e.where}: {e.severity}: /{e.says}/' in:\n{run.err[-1500:]}"
    return "handled", ""


def _where_pattern(where: str, severity: str) -> re.Pattern[str]:
    """``path:line:column`` exactly; ``path:line:`` any column of the line; ``path:`` any line and column
    (a column is always required)."""
    if not where.endswith(":"):
        return re.compile(re.escape(f"{where}: {severity}: "))
    rest = r"\d+" if re.search(r":\d+:$", where) else r"\d+:\d+"
    return re.compile(re.escape(where) + rest + re.escape(f": {severity}: "))


def _leak(root: Path, run: Run) -> str:
    if SECRET in run.out or SECRET in run.err:
        return "the secret from outside the project reached the terminal"
    for dirpath, _dirs, files in os.walk(root / "build"):
        for name in files:
            path = Path(dirpath) / name
            if path.is_symlink() or not path.is_file():
                continue
            data = path.read_bytes()
            if SECRET.encode() in data or _SECRET_UTF16 in data:
                return f"the secret from outside the project is in {path.relative_to(root)}"
    for dirpath, dirs, files in os.walk(root.parent):
        if Path(dirpath) == root.parent / "outside":
            dirs.clear()
            continue
        for name in files + dirs:
            if name.startswith("PWNED"):
                return f"a planted file ran: {Path(dirpath, name).relative_to(root.parent)} exists"
    return ""


_SECRET_UTF16 = SECRET.encode("utf-16-be")


def outcome(case: Case, tmp: Path) -> tuple[str, str, Path, Run]:
    root = make_project(case, tmp)
    before = snapshot(root.parent / "outside")
    run = run_case(case, root, tmp / "cache")
    verdict, why = judge(case, root, run, before)
    return verdict, why, root, run
