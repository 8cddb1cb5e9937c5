"""The suite's own rules (conftest.py): a test not marked ``latex`` that runs LuaLaTeX is seen."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def test_an_unmarked_test_that_runs_lualatex_is_seen() -> None:
    """The positive control of ``_latex_runs_are_marked``: here, unmarked, ``lualatex`` is its
    stand-in, which notes the run and hands over to the real program."""
    found = shutil.which("lualatex")
    if found is None:
        pytest.skip("LuaLaTeX is not installed")
    shim = Path(found)
    assert shim.parent.name == "latex-shims", found
    proc = subprocess.run(["lualatex", "--version"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and "LuaTeX" in proc.stdout.replace("LuaHBTeX", "LuaTeX"), proc.stdout[:200]
    seen = shim.parent / "seen"
    assert seen.read_text(encoding="utf-8").splitlines() == ["lualatex --version"]
    seen.unlink()  # else this test would fail after it, as it should
