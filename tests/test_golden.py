"""The rendered LaTeX of small source cases equals the reviewed snapshots."""

from __future__ import annotations

import difflib

import pytest
from golden_lib import cases, render_case


@pytest.mark.parametrize("case", cases(), ids=lambda p: p.name)
def test_rendered_tex_matches_snapshot(case):
    expected = (case / "expected.tex").read_text(encoding="utf-8")
    actual = render_case(case)
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            "expected.tex", "rendered"))
        pytest.fail(f"{case.name}: rendered LaTeX differs from the snapshot (make golden to accept):\n{diff}")
