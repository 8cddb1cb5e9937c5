"""One build of the reader or a draft, from the rendered files to the outputs in ``build/``.

The steps, under the build lock: the build folder is cleaned of what this program did
not write (``trust.py``); the LaTeX files are written into ``build/tex`` (or
``build/tex-draft``); latexmk runs; then every output of the build (the PDF, the
bibliography exports, the booklet) is written into a staging folder inside ``build/``
and only when all of them are complete are they renamed over the old ones. A failure
at any step, a full disk, a kill or Ctrl-C leaves the last good outputs as they were,
and nothing partial behind that the next build would not remove.

A warm build whose LaTeX run fails without a located error (the truncated ``.aux`` or
``.toc`` of a run that was interrupted while writing it, for instance) is run once more
from a clean folder before it is reported.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from edition.build import trust
from edition.build.compile import CompileResult, compile_pdf, page_count, record_build, write_tree
from edition.model.corpus import Corpus
from edition.model.diagnostics import Diagnostic

Step = Callable[[str], None]
Exports = Callable[[Path, Path], list[Path]]


@dataclass
class Outcome:
    ok: bool
    tex_dir: Path
    result: CompileResult | None = None
    target: Path | None = None
    pages: int = 0
    booklet: Path | None = None
    booklet_pages: int = 0
    removed: list[str] = field(default_factory=list)  # what the build folder held that this program did not write
    diagnostics: list[Diagnostic] = field(default_factory=list)


@contextmanager
def staging(build_dir: Path) -> Iterator[Path]:
    """A fresh folder inside ``build_dir`` for the new outputs; removed with whatever is
    left in it when the block ends (after ``commit`` it is empty)."""
    folder = build_dir / f"{trust.STAGING_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
    folder.mkdir()
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def commit(folder: Path, build_dir: Path) -> list[Path]:
    """Rename every file of the staging ``folder`` over its namesake in ``build_dir``."""
    placed = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
        target = build_dir / path.relative_to(folder)
        trust.real_folder(target.parent)
        os.replace(path, target)
        placed.append(target)
    return placed


def build(root: Path, corpus: Corpus, files: dict[str, str], exports: Exports | None, *, draft: bool, booklet: bool,
          stamp: str, echo: Step | None = None, step: Step = lambda text: None, progress: Step | None = None) -> Outcome:
    """Write ``files`` and typeset them; on success put the outputs in place (``exports`` writes
    the bibliography exports into the folder it is given; None for a draft)."""
    build_dir = root / "build"
    jobname = "draft" if draft else "reader"
    with trust.build_lock(build_dir):
        removed = trust.sanitize(build_dir)
        tex_dir = trust.real_folder(build_dir / ("tex-draft" if draft else "tex"))
        write_tree(tex_dir, files)
        trust.record(build_dir)
        step("typesetting with LuaLaTeX (latexmk)")
        result = _typeset(tex_dir, corpus, files, echo, draft, progress)
        outcome = Outcome(result.ok, tex_dir, result, removed=removed, diagnostics=list(result.diagnostics))
        if not result.ok or result.pdf is None:
            return outcome
        trust.record(build_dir)
        with staging(build_dir) as stage:
            new_pdf = stage / f"{jobname}.pdf"
            shutil.copyfile(result.pdf, new_pdf)
            if exports is not None:
                step("writing the bibliography exports")
                exports(tex_dir / "reader.aux", stage)
            if booklet:
                from edition.build.booklet import impose_booklet  # pypdf's imposition: imported only when asked for

                step("imposing the booklet")
                impose_booklet(new_pdf, stage / f"{jobname}-booklet.pdf")
                outcome.booklet, outcome.booklet_pages = build_dir / f"{jobname}-booklet.pdf", page_count(stage / f"{jobname}-booklet.pdf")
            outcome.pages = page_count(new_pdf)
            commit(stage, build_dir)
        outcome.target = build_dir / f"{jobname}.pdf"
        record_build(build_dir, jobname, stamp, outcome.pages)
        trust.record(build_dir)
        return outcome


def _typeset(tex_dir: Path, corpus: Corpus, files: dict[str, str], echo: Step | None, draft: bool, progress: Step | None) -> CompileResult:
    warm = (tex_dir / "reader.aux").exists()
    result = compile_pdf(tex_dir, corpus, jobname="reader", echo=echo, single_pass=draft, progress=progress)
    if result.ok or not warm or not result.diagnostics or result.diagnostics[0].pos.path != "build/tex/reader.log":
        return result
    # Failed without a located error in a folder an earlier run left: start it afresh, once.
    for entry in list(tex_dir.iterdir()):
        if entry.name not in files and not entry.is_dir():
            entry.unlink()
    write_tree(tex_dir, files)
    return compile_pdf(tex_dir, corpus, jobname="reader", echo=echo, single_pass=draft, progress=progress)
