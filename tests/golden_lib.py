"""Golden .tex snapshots: each folder of tests/golden/ holds a source and its expected LaTeX.

Two kinds of case:

* a folder with ``source.md``: the document is rendered inside the
  ``tests/fixtures/mini`` project (its registers and bibliography); its ``.tex``
  must equal ``expected.tex``;
* a folder with ``project/``: a whole small reader; each ``expected/NAME`` must
  equal the rendered file NAME (``reader.tex``, ``backmatter.tex``,
  ``indexes.tex``, ``reader.toc.seed`` — the contents —, every ``docs/*.tex``).

After a deliberate change of the output, regenerate with ``make golden``
(``python tests/golden_update.py``) and review the diff.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from edition.latex.render import render
from edition.pipeline import prepare

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
MINI = HERE / "fixtures" / "mini"


WHOLE = ("reader.tex", "backmatter.tex", "indexes.tex", "reader.toc.seed")


def cases() -> list[Path]:
    return sorted(p for p in GOLDEN.iterdir() if (p / "source.md").exists())


def reader_cases() -> list[Path]:
    return sorted(p for p in GOLDEN.iterdir() if (p / "project").is_dir())


def render_project(case: Path) -> dict[str, str]:
    """The files of a whole-reader case that are kept as snapshots."""
    project, diags = prepare(case / "project")
    errors = [str(d) for d in diags if d.is_error]
    assert not errors, errors
    files, _ = render(project.plan)
    return {name: text for name, text in files.items()
            if name in WHOLE or (name.startswith("docs/") and name.endswith(".tex"))}


def render_case(case: Path) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name in ("edition.yaml", "sources", "bibliography"):
            src = MINI / name
            (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
        shutil.copy(case / "source.md", root / "sources" / "letters" / "letter.md")
        project, diags = prepare(root)
        errors = [str(d) for d in diags if d.is_error]
        assert not errors, errors
        files, _ = render(project.plan)
        return files["docs/letter.tex"]
