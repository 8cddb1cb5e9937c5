"""Regenerate tests/golden/*/expected.tex (run: make golden), then review the diff."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from golden_lib import cases, render_case  # noqa: E402

for case in cases():
    (case / "expected.tex").write_text(render_case(case), encoding="utf-8")
    print(f"wrote {case.relative_to(Path.cwd()) if case.is_relative_to(Path.cwd()) else case}/expected.tex")
