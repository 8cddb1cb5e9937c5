"""Regenerate tests/golden/*/expected.tex (run: make golden), then review the diff."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from golden_lib import cases, reader_cases, render_case, render_project  # noqa: E402

for case in cases():
    (case / "expected.tex").write_text(render_case(case), encoding="utf-8")
    print(f"wrote {case.relative_to(Path.cwd()) if case.is_relative_to(Path.cwd()) else case}/expected.tex")

for case in reader_cases():
    for name, text in render_project(case).items():
        target = case / "expected" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")

from bib_golden import GOLDEN as BIB_GOLDEN  # noqa: E402
from bib_golden import render_file, sources  # noqa: E402

BIB_GOLDEN.mkdir(parents=True, exist_ok=True)
for name, path in sources().items():
    (BIB_GOLDEN / f"{name}.txt").write_text(render_file(path), encoding="utf-8")
    print(f"wrote tests/golden/bib/{name}.txt")
