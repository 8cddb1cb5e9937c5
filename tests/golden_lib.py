"""Golden .tex snapshots: each folder of tests/golden/ holds a source and its expected LaTeX.

The case's ``source.md`` is rendered inside the ``tests/fixtures/mini`` project
(its registers and bibliography); the document's ``.tex`` must equal
``expected.tex``. After a deliberate change of the output, regenerate with
``make golden`` (``python tests/golden_update.py``) and review the diff.
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


def cases() -> list[Path]:
    return sorted(p for p in GOLDEN.iterdir() if (p / "source.md").exists())


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
