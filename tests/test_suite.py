"""The suite's own rules (conftest.py, tests/web/harness.py): a test not marked ``latex`` that runs LuaLaTeX
is seen, and one not marked ``browser`` that asks for the browser fails."""

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


def test_an_unmarked_test_that_asks_for_the_browser_fails_before_it_runs() -> None:
    """A test that asks the web harness for Chromium, the Nu validator or epubcheck must be marked
    ``browser``: unmarked, the harness fails it at once, whether the tool is installed or not."""
    from tests.web.harness import require

    for tool in ("chromium", "vnu", "epubcheck"):
        with pytest.raises(pytest.fail.Exception, match=f"runs {tool}: mark it @pytest.mark.browser"):
            require(tool)


@pytest.mark.browser
def test_a_marked_test_may_ask_for_the_browser() -> None:
    """The control: marked, the same request is answered (the tool found, or skipped as missing)."""
    from tests.web.harness import require

    try:
        require("epubcheck")
    except pytest.skip.Exception:
        pass
