"""The rendered LaTeX of small source cases equals the reviewed snapshots."""

from __future__ import annotations

import difflib

import pytest
from golden_lib import cases, reader_cases, render_case, render_project


@pytest.mark.parametrize("case", cases(), ids=lambda p: p.name)
def test_rendered_tex_matches_snapshot(case):
    expected = (case / "expected.tex").read_text(encoding="utf-8")
    actual = render_case(case)
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            "expected.tex", "rendered"))
        pytest.fail(f"{case.name}: rendered LaTeX differs from the snapshot (make golden to accept):\n{diff}")


@pytest.mark.parametrize("case", reader_cases(), ids=lambda p: p.name)
def test_whole_reader_matches_snapshots(case):
    """reader.tex, backmatter.tex, indexes.tex, the contents and every document of a small reader."""
    rendered = render_project(case)
    expected = {p.relative_to(case / "expected").as_posix(): p.read_text(encoding="utf-8")
                for p in (case / "expected").rglob("*") if p.is_file()}
    assert sorted(rendered) == sorted(expected), "files rendered and snapshots differ (make golden)"
    diffs = ["".join(difflib.unified_diff(expected[n].splitlines(True), rendered[n].splitlines(True), n, "rendered"))
             for n in sorted(expected) if rendered[n] != expected[n]]
    if diffs:
        pytest.fail(f"{case.name}: rendered LaTeX differs from the snapshots (make golden to accept):\n" + "\n".join(diffs))
