"""Compile the rendered LaTeX into the reader PDF, safely.

The generated files go to ``build/tex/`` (each written only when its content
changed, so latexmk sees no needless change, and always through a new temporary
file renamed into place); latexmk runs LuaLaTeX there with the configuration
this program wrote (``-norc``: no rc file of the system, the user or the
project is read), with shell escape off and file access restricted to the build
directory (kpathsea's paranoid mode; ``trust.py`` removes every symbolic link
from the build folder first, since kpathsea follows them).
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from edition.build.texlog import package_warnings
from edition.build.trust import BuildLocked, build_lock, read_manifest, real_folder, write_atomically
from edition.model.corpus import Corpus
from edition.model.diagnostics import Diagnostic, Pos, error, warning
from edition.resources import LATEX_DIR, PACKAGE_DIR
from edition.sources.reading import MAX_FILE_BYTES, read_project_text

__all__ = ["BuildLocked", "build_lock", "compile_pdf", "fingerprint", "record_build", "unchanged_since_last_build", "write_tree"]


def _file_digest(path: Path, root: Path) -> bytes:
    """What a file contributes to the fingerprint, read the way the loader reads it: a link by
    where it leads (and the file there, if inside the project), nothing that would block."""
    try:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            real = Path(os.path.realpath(path))
            inside = real.is_relative_to(Path(os.path.realpath(root))) and real.is_file()
            return b"link:" + os.readlink(path).encode("utf-8", "surrogateescape") + (_file_digest(real, root) if inside else b"")
        if not stat.S_ISREG(st.st_mode):
            return f"special:{stat.S_IFMT(st.st_mode)}".encode()
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
        try:
            digest = hashlib.sha256()
            size = 0
            while size <= MAX_FILE_BYTES and (chunk := os.read(fd, 1 << 20)):
                digest.update(chunk)
                size += len(chunk)
            return digest.digest()
        finally:
            os.close(fd)
    except OSError as exc:
        return f"unreadable:{exc.errno}".encode()


def fingerprint(root: Path, options: str) -> str:
    """A hash of everything a build reads: configuration, sources, registers, bibliography,
    templates, the note on the texts, edition's own code, and the build options."""
    digest = hashlib.sha256(options.encode())
    trees = [root / "edition.yaml", root / "sources", root / "bibliography", root / "docs", LATEX_DIR, PACKAGE_DIR]
    for tree in trees:
        if os.path.isdir(tree) and not os.path.islink(tree):
            paths = sorted(Path(d) / f for d, dirs, files in os.walk(tree) for f in files + [x for x in dirs if os.path.islink(Path(d) / x)])
        else:
            paths = [tree] if os.path.lexists(tree) else []
        for path in paths:
            if "__pycache__" in path.parts:
                continue
            name = str(path.relative_to(tree.parent)).encode("utf-8", "surrogateescape")
            digest.update(name + b"\0" + _file_digest(path, root) + b"\0")
    return digest.hexdigest()


def unchanged_since_last_build(build_dir: Path, jobname: str, print_: str) -> int | None:
    """The page count of the last good build if nothing changed since it, else None. The
    record and the PDF count only if the manifest of this program's last build has them
    (a project received with its build folder is built again)."""
    stamp, pdf = f".{jobname}.fingerprint", f"{jobname}.pdf"
    known = read_manifest(build_dir)
    try:
        for name in (stamp, pdf):
            st = os.lstat(build_dir / name)
            entry = known.get(name)
            if not stat.S_ISREG(st.st_mode) or not isinstance(entry, list) or entry[1:] != [st.st_size, st.st_mtime_ns, st.st_ctime_ns,
                                                                                             st.st_ino]:
                return None
        recorded, _, pages = (build_dir / stamp).read_text(encoding="utf-8", errors="replace").partition(" ")
    except OSError:
        return None
    return int(pages) if recorded == print_ and pages.isdigit() else None


def record_build(build_dir: Path, jobname: str, print_: str, pages: int) -> None:
    """Remember what the good build was made from (and its page count, to report without reading the PDF)."""
    write_if_changed(build_dir / f".{jobname}.fingerprint", f"{print_} {pages}")


def write_if_changed(path: Path, content: str) -> bool:
    """Write ``content`` unless the file already holds it; True if written. The old file is
    compared only if it is a plain file; the new one is written through a temporary file."""
    data = content.encode("utf-8")
    try:
        st = os.lstat(path)
        if stat.S_ISREG(st.st_mode) and st.st_size == len(data) and path.read_bytes() == data:
            return False
        if not stat.S_ISREG(st.st_mode) and not stat.S_ISLNK(st.st_mode):
            shutil.rmtree(path) if stat.S_ISDIR(st.st_mode) else path.unlink()
    except FileNotFoundError:
        pass
    real_folder(path.parent)
    write_atomically(path, data)
    return True


def write_tree(tex_dir: Path, files: dict[str, str]) -> list[str]:
    """Write the rendered files; remove stale generated documents. Returns what changed.

    A file named ``NAME.seed`` is written as ``NAME`` only where no ``NAME`` exists
    yet: what LaTeX writes for itself (the contents) is seeded for a cold build's
    first pass, and left alone after that."""
    changed = []
    for name, content in files.items():
        if name.endswith(".seed"):
            target = tex_dir / name.removesuffix(".seed")
            if not target.exists():
                write_if_changed(target, content)
        elif write_if_changed(tex_dir / name, content):
            changed.append(name)
    docs = tex_dir / "docs"
    if docs.is_dir():
        for old in [*docs.glob("*.tex"), *docs.glob("*.map.json")]:
            if f"docs/{old.name}" not in files:
                old.unlink()
                changed.append(f"docs/{old.name}")
    return changed


@dataclass
class CompileResult:
    ok: bool
    pdf: Path | None
    passes: int
    diagnostics: list[Diagnostic] = field(default_factory=list)
    log_excerpt: str = ""


def latex_environment() -> dict[str, str]:
    env = dict(os.environ)
    # kpathsea: no reading or writing outside the build directory.
    env["openin_any"] = "p"
    env["openout_any"] = "p"
    env["shell_escape"] = "f"
    env.pop("TEXINPUTS", None)
    return env


_FILE_LINE_ERROR = re.compile(r"^(\.?/?[^\s:]+\.tex):(\d+): (.*)$", re.M)


def _run(cmd: list[str], cwd: Path, progress: Callable[[str], None] | None) -> subprocess.CompletedProcess[str]:
    """latexmk, its output captured; with ``progress``, each line of it handed over as it comes
    (for the terminal's display of the pass and page being set)."""
    if progress is None:
        return subprocess.run(cmd, cwd=cwd, env=latex_environment(), capture_output=True, text=True, errors="replace", check=False)
    pieces: list[str] = []
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    with subprocess.Popen(cmd, cwd=cwd, env=latex_environment(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT) as proc:
        assert proc.stdout is not None
        # Pieces as they come, not lines: TeX writes a page's "[12" without ending the line.
        while chunk := os.read(proc.stdout.fileno(), 4096):
            pieces.append(decoder.decode(chunk))
            progress(pieces[-1])
    return subprocess.CompletedProcess(cmd, proc.returncode, "".join(pieces) + decoder.decode(b"", final=True), "")


def compile_pdf(tex_dir: Path, corpus: Corpus, jobname: str = "reader", echo: Callable[[str], None] | None = None,
                single_pass: bool = False, progress: Callable[[str], None] | None = None) -> CompileResult:
    """Run latexmk with LuaLaTeX on ``tex_dir/reader.tex``: until the auxiliary files stop
    changing (two passes from cold), or once for a draft (``single_pass``). ``echo`` is given
    LaTeX's whole output (``--verbose``: the command line shows it, its controls made visible)."""
    if shutil.which("latexmk") is None or shutil.which("lualatex") is None:
        return CompileResult(False, None, 0, [error(Pos("edition.yaml", 0, 0), "latexmk and lualatex are not installed",
                                                    "run 'make pdf', which installs TeX Live, or install texlive-luatex and latexmk")])
    (tex_dir / "passes.tsv").unlink(missing_ok=True)
    # -norc: no latexmkrc of the system, the user or the project; only the one edition wrote.
    cmd = ["latexmk", "-norc", "-r", "latexmkrc", "-lualatex", "-interaction=nonstopmode", "-halt-on-error", "-file-line-error",
           "-no-shell-escape", f"-jobname={jobname}", "reader.tex"]
    if single_pass:
        cmd[4:4] = ["-e", "$max_repeat = 1; $edition_single_pass = 1;"]
    proc = _run(cmd, tex_dir, progress)
    passes = len(pass_times(tex_dir, "lualatex"))
    if echo is not None:
        echo(proc.stdout + (f"\n{proc.stderr}" if proc.stderr else ""))
    pdf = tex_dir / f"{jobname}.pdf"
    log_path = tex_dir / f"{jobname}.log"
    log = log_path.read_text(encoding="utf-8", errors="replace") if log_path.exists() else ""
    # A draft stops after its one pass on purpose: latexmk then says "needed too many passes".
    stopped_on_purpose = single_pass and "needed too many passes" in proc.stdout + proc.stderr
    if (proc.returncode == 0 or stopped_on_purpose) and pdf.exists():
        return CompileResult(True, pdf, passes, build_warnings(log, Path(corpus.root)))
    return CompileResult(False, None, passes, [_explain_failure(log, tex_dir, corpus)], _excerpt(log))


def pass_times(tex_dir: Path, kind: str) -> list[float]:
    """Seconds of each LuaLaTeX pass (kind "lualatex") or index run ("index") of the last build."""
    path = tex_dir / "passes.tsv"
    if not path.exists():
        return []
    times = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        row = line.split("\t")
        try:
            if len(row) >= 3 and row[0] == kind:
                times.append(float(row[1]))
        except ValueError:  # a line cut short by an interrupted run
            continue
    return times


def _explain_failure(log: str, tex_dir: Path, corpus: Corpus) -> Diagnostic:
    m = _FILE_LINE_ERROR.search(log)
    if not m:
        return error(Pos("build/tex/reader.log", 0, 0), "LaTeX failed without a located error",
                     "see the log in build/tex/reader.log")
    tex_file, line, message = m.group(1).removeprefix("./"), int(m.group(2)), m.group(3)
    doc_id = tex_file.removeprefix("docs/").removesuffix(".tex") if tex_file.startswith("docs/") else None
    doc = corpus.document(doc_id) if doc_id else None
    where = Pos(doc.path, 0, 0) if doc else Pos(f"build/tex/{tex_file}", line, 0)
    if doc is not None:
        where = _source_position(tex_dir / f"docs/{doc_id}.map.json", line) or where
    commented = _commented_source(tex_dir / tex_file, line) if doc is None else _work_of(_context(log, m.end()), tex_dir)
    hint = f"generated line {line} of build/tex/{tex_file}; the log is build/tex/reader.log"
    if commented is not None:
        cited = f" in document '{doc.id}' ({where})" if doc else ""
        return error(commented, f"LaTeX error: {message} (from this .bib entry, as it prints{cited})", hint)
    return error(where, f"LaTeX error: {message}" + (f" (in document '{doc.id}')" if doc else ""), hint)


def _context(log: str, end: int) -> str:
    """The text TeX shows where it stopped (the line after the error's), up to the failing command."""
    rest = log[end:].lstrip("\n").split("\n", 1)[0]
    return re.sub(r"^(?:<[^>]*>|l\.\d+)\s?", "", rest).removeprefix("...").strip()


def _normal(tex: str) -> str:
    return " ".join(re.sub(r"(\\[A-Za-z]+) ", r"\1", tex).split())


def _work_of(context: str, tex_dir: Path) -> Pos | None:
    """The .bib entry whose works-cited line holds the text where TeX stopped, if any: an error in a
    citation comes from the work's fields, which the works cited print whole."""
    needle = _normal(context)
    if len(needle) < 8:
        return None
    try:
        lines = (tex_dir / "backmatter.tex").read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return None
    found = [i + 1 for i, text in enumerate(lines) if text.startswith("\\edWork{") and needle in _normal(text)]
    return _commented_source(tex_dir / "backmatter.tex", found[0]) if len(found) == 1 else None


_SOURCE_COMMENT = re.compile(r"^% source: (.+):(\d+):(\d+)$")


def _commented_source(tex_file: Path, line: int) -> Pos | None:
    """The source a generated line names in the comment just before it (``render.source_comment``):
    a works-cited entry's .bib file and line."""
    try:
        lines = tex_file.read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return None
    m = _SOURCE_COMMENT.match(lines[line - 2]) if 2 <= line <= len(lines) + 1 else None
    return Pos(m[1], int(m[2]), int(m[3])) if m else None


def build_warnings(log: str, root: Path) -> list[Diagnostic]:
    """What a good build's log has to say: characters no font has, warnings of edition's LaTeX package."""
    return missing_characters(log, root) + package_warnings(log)


_MISSING = re.compile(r"Missing character: There is no (.) \(U\+([0-9A-F]{4,6})\)")


def missing_characters(log: str, root: Path, limit: int = 5) -> list[Diagnostic]:
    """A warning at each place in the sources where a character stands that no font of the reader has."""
    chars = dict.fromkeys(m.group(1) for m in _MISSING.finditer(log))
    if not chars:
        return []
    diags: list[Diagnostic] = []
    files = [root / "edition.yaml", *sorted((root / "sources").rglob("*.md")), *sorted((root / "sources").rglob("*.yaml"))]
    texts = {path: read_project_text(path, path.name, root)[0] for path in files}
    for char in chars:
        found = 0
        for path in files:
            text = texts[path]
            if text is None:
                continue
            for number, line in enumerate(text.splitlines(), 1):
                column = line.find(char)
                if column >= 0 and found < limit:
                    found += 1
                    diags.append(warning(Pos(path.relative_to(root).as_posix(), number, column + 1),
                                         f"the character '{char}' (U+{ord(char):04X}) is in no font of the reader: it prints as a blank",
                                         "install a font for it and add it to the fallback list in latex/edition-fonts.sty, or transliterate"))
        if not found:
            diags.append(warning(Pos("build/tex/reader.log", 0, 0), f"the character '{char}' (U+{ord(char):04X}) is in no font of the reader"))
    return diags


def _source_position(map_file: Path, line: int) -> Pos | None:
    """The source position of the paragraph a generated line belongs to (``docs/ID.map.json``)."""
    try:
        mapping = {int(k): v for k, v in json.loads(map_file.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError):
        return None
    before = [k for k in mapping if k <= line]
    try:
        path, src_line, column = str(mapping[max(before)]).rsplit(":", 2)
        return Pos(path, int(src_line), int(column))
    except ValueError:  # no line before it, or a damaged map
        return None


def _excerpt(log: str, context: int = 6) -> str:
    lines = log.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("!") or _FILE_LINE_ERROR.match(line):
            return "\n".join(lines[max(0, i - 2) : i + context])
    return "\n".join(lines[-context:])


def page_count(pdf: Path) -> int:
    """The pages of a PDF, from the count its page tree keeps (walking the tree of a
    4,000-page reader, as ``len(reader.pages)`` does, took 8 s)."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    try:
        return int(reader.trailer["/Root"]["/Pages"]["/Count"])  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return len(reader.pages)
