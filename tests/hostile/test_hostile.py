"""The hostile suite, the cases that run no LuaLaTeX: each case's project is made afresh,
the command run in this process (or as a user would, where the terminal or the
environment matters), and the outcome must be the one its table states. See
docs/robustness.md and harness.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from all_cases import FAST
from harness import Case, can_make_devices, outcome

# Cases not handled yet (issue 20 in progress): expected to fail, and strictly, so that a case
# that starts to pass must leave this list.
NOT_YET = set("""
""".split())


HANGS = set("""
""".split())  # not run while they hang


def _param(c: Case) -> object:
    if c.id in NOT_YET:
        return pytest.param(c, marks=pytest.mark.xfail(strict=True, run=c.id not in HANGS, reason="not handled yet"))
    return c


@pytest.mark.parametrize("case", [_param(c) for c in FAST], ids=str)
def test_hostile_case(case: Case, tmp_path: Path) -> None:
    if case.needs_root and not can_make_devices():
        pytest.skip("making a device node needs root")
    verdict, why, _root, _run = outcome(case, tmp_path)
    assert verdict == "handled", f"{case.group}: {verdict}: {why}"


def test_every_class_has_cases() -> None:
    groups = {c.group for c in FAST}
    assert groups >= {"paths", "injection", "yaml", "unicode", "structure", "sizes", "faults"}
