"""Golden output of both styles and both exports for every entry of the real .bib files
(tests/bib_golden.py; regenerate with ``make golden`` and review the diff)."""

from __future__ import annotations

import difflib

import pytest
from bib_golden import GOLDEN, render_file, sources


@pytest.mark.parametrize("name", ["xampl", "biblatex-gost-examples", "biblatex-examples"])
def test_bibliography_golden(name: str) -> None:
    path = sources().get(name)
    if path is None:
        pytest.skip(f"the .bib file for {name} is not on this machine")
    expected = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    got = render_file(path)
    if got != expected:
        diff = "\n".join(difflib.unified_diff(expected.splitlines(), got.splitlines(), "expected", "got", lineterm=""))
        pytest.fail(f"{name}: the output changed (make golden, then review):\n{diff[:6000]}")
