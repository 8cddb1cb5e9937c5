"""Compile the rendered LaTeX into the reader PDF, safely.

The generated files go to ``build/tex/`` (each written only when its content
changed, so latexmk sees no needless change); latexmk runs LuaLaTeX there
with shell escape off and file access restricted to the build directory. The
new PDF replaces ``build/reader.pdf`` only after a successful run, by an
atomic rename, so a failed build never destroys the last good PDF.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from edition.model.corpus import Corpus
from edition.model.diagnostics import Diagnostic, Pos, error, warning
from edition.resources import LATEX_DIR, PACKAGE_DIR


def fingerprint(root: Path, options: str) -> str:
    """A hash of everything a build reads: configuration, sources, registers, bibliography,
    templates, the note on the texts, edition's own code, and the build options."""
    digest = hashlib.sha256(options.encode())
    trees = [root / "edition.yaml", root / "sources", root / "bibliography", root / "docs", LATEX_DIR, PACKAGE_DIR]
    for tree in trees:
        files = sorted(p for p in tree.rglob("*") if p.is_file()) if tree.is_dir() else [tree] if tree.exists() else []
        for path in files:
            if "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(tree.parent)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def unchanged_since_last_build(build_dir: Path, jobname: str, print_: str) -> int | None:
    """The page count of the last good build if nothing changed since it, else None."""
    stamp = build_dir / f".{jobname}.fingerprint"
    if not (build_dir / f"{jobname}.pdf").exists() or not stamp.exists():
        return None
    recorded, _, pages = stamp.read_text().partition(" ")
    return int(pages) if recorded == print_ and pages.isdigit() else None


def record_build(build_dir: Path, jobname: str, print_: str, pages: int) -> None:
    """Remember what the good build was made from (and its page count, to report without reading the PDF)."""
    write_if_changed(build_dir / f".{jobname}.fingerprint", f"{print_} {pages}")


class BuildLocked(Exception):
    pass


@contextmanager
def build_lock(build_dir: Path) -> Iterator[None]:
    """One build at a time per project; a second one fails at once."""
    build_dir.mkdir(parents=True, exist_ok=True)
    with open(build_dir / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked("another build of this project is running (build/.lock); wait for it to finish") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_if_changed(path: Path, content: str) -> bool:
    """Write ``content`` unless the file already holds it; True if written."""
    data = content.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
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


def compile_pdf(tex_dir: Path, corpus: Corpus, jobname: str = "reader", verbose: bool = False,
                single_pass: bool = False) -> CompileResult:
    """Run latexmk with LuaLaTeX on ``tex_dir/reader.tex``: until the auxiliary files stop
    changing (two passes from cold), or once for a draft (``single_pass``)."""
    if shutil.which("latexmk") is None or shutil.which("lualatex") is None:
        return CompileResult(False, None, 0, [error(Pos("edition.yaml", 0, 0), "latexmk and lualatex are not installed",
                                                    "run 'make pdf', which installs TeX Live, or install texlive-luatex and latexmk")])
    (tex_dir / "passes.tsv").unlink(missing_ok=True)
    cmd = ["latexmk", "-lualatex", "-interaction=nonstopmode", "-halt-on-error", "-file-line-error",
           "-no-shell-escape", f"-jobname={jobname}", "reader.tex"]
    if single_pass:
        cmd[1:1] = ["-e", "$max_repeat = 1; $edition_single_pass = 1;"]
    proc = subprocess.run(cmd, cwd=tex_dir, env=latex_environment(), capture_output=True, text=True,
                          errors="replace", check=False)
    passes = len(pass_times(tex_dir, "lualatex"))
    if verbose:
        print(proc.stdout, proc.stderr, sep="\n")
    pdf = tex_dir / f"{jobname}.pdf"
    log_path = tex_dir / f"{jobname}.log"
    log = log_path.read_text(encoding="utf-8", errors="replace") if log_path.exists() else ""
    # A draft stops after its one pass on purpose: latexmk then says "needed too many passes".
    stopped_on_purpose = single_pass and "needed too many passes" in proc.stdout + proc.stderr
    if (proc.returncode == 0 or stopped_on_purpose) and pdf.exists():
        return CompileResult(True, pdf, passes, missing_characters(log, Path(corpus.root)))
    return CompileResult(False, None, passes, [_explain_failure(log, tex_dir, corpus)], _excerpt(log))


def pass_times(tex_dir: Path, kind: str) -> list[float]:
    """Seconds of each LuaLaTeX pass (kind "lualatex") or index run ("index") of the last build."""
    path = tex_dir / "passes.tsv"
    if not path.exists():
        return []
    rows = [line.split("\t") for line in path.read_text().splitlines()]
    return [float(r[1]) for r in rows if len(r) >= 3 and r[0] == kind]


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
    hint = f"generated line {line} of build/tex/{tex_file}; the log is build/tex/reader.log"
    return error(where, f"LaTeX error: {message}" + (f" (in document '{doc.id}')" if doc else ""), hint)


_MISSING = re.compile(r"Missing character: There is no (.) \(U\+([0-9A-F]{4,6})\)")


def missing_characters(log: str, root: Path, limit: int = 5) -> list[Diagnostic]:
    """A warning at each place in the sources where a character stands that no font of the reader has."""
    chars = dict.fromkeys(m.group(1) for m in _MISSING.finditer(log))
    if not chars:
        return []
    diags: list[Diagnostic] = []
    files = [root / "edition.yaml", *sorted((root / "sources").rglob("*.md")), *sorted((root / "sources").rglob("*.yaml"))]
    for char in chars:
        found = 0
        for path in files:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            for number, line in enumerate(text.splitlines(), 1):
                column = line.find(char)
                if column >= 0 and found < limit:
                    found += 1
                    diags.append(warning(Pos(path.relative_to(root).as_posix(), number, column + 1),
                                         f"the character '{char}' (U+{ord(char):04X}) is in no font of the reader: it prints as a blank",
                                         "install a font for it and add it to the fallback list in latex/edition.sty, or transliterate"))
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
    if not before:
        return None
    path, src_line, column = mapping[max(before)].rsplit(":", 2)
    return Pos(path, int(src_line), int(column))


def _excerpt(log: str, context: int = 6) -> str:
    lines = log.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("!") or _FILE_LINE_ERROR.match(line):
            return "\n".join(lines[max(0, i - 2) : i + context])
    return "\n".join(lines[-context:])


def install_pdf(pdf: Path, target: Path) -> None:
    """Copy the new PDF over the old one atomically (never half written)."""
    tmp = target.with_name(f".{target.name}.partial")
    shutil.copyfile(pdf, tmp)
    os.replace(tmp, target)


def page_count(pdf: Path) -> int:
    """The pages of a PDF, from the count its page tree keeps (walking the tree of a
    4,000-page reader, as ``len(reader.pages)`` does, took 8 s)."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    try:
        return int(reader.trailer["/Root"]["/Pages"]["/Count"])  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return len(reader.pages)
