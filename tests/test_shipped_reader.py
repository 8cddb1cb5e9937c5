"""The reader this repository ships checks and builds without a single warning: every fact
its sources lack is either supplied or marked as deliberately absent (``absent = {year}``
in a .bib entry), so that a warning on it always means something new.

The page make-up's own warnings ("layout: ...") are counted apart: they are about how the
pages fall, not about the sources, and are held to account by tests/test_layout.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO, edition

_WARNING = re.compile(r"^\S+:\d+:\d+: warning: (?P<message>.*)$", re.M)


def test_the_shipped_reader_checks_without_a_warning() -> None:
    run = edition(REPO, "check")
    assert run.code == 0, run.err
    assert "edition check: 0 error(s), 0 warning(s)" in run.err, run.err
    assert not _WARNING.search(run.err), run.err


def test_the_shipped_reader_builds_without_a_warning_on_its_sources(reader_build: Path) -> None:
    said = (reader_build / "build" / "stderr.txt").read_text(encoding="utf-8")
    unplaced = [line for line in said.splitlines() if "warning:" in line and not _WARNING.match(line)]
    assert not unplaced, "\n".join(unplaced)  # every warning has its place
    sources = [m["message"] for m in _WARNING.finditer(said) if not m["message"].startswith("layout:")]
    assert not sources, "\n".join(sources)
