"""The hostile cases that run LuaLaTeX: a received project's build folder, and faults around
a LaTeX run. Received cases that can share a project are laid over one project and built
once (their files do not collide), and each case's checks run on that build."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from all_cases import LATEX
from conftest import require_latex
from harness import Case, Expect, Run, judge, make_project, run_case, snapshot

SHARED = sorted({c.share for c in LATEX if c.share})


def _merged(cases: list[Case]) -> Case:
    files: dict[str, object] = {}
    for c in cases:
        files.update(c.files)
    setups = [c.setup for c in cases if c.setup is not None]

    def setup(root: Path) -> None:
        for s in setups:
            s(root)

    return dataclasses.replace(cases[0], id="+".join(c.id for c in cases), files=files, setup=setup,  # type: ignore[arg-type]
                               expect=Expect(0))


@pytest.fixture(scope="module")
def shared_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Run, dict[str, bytes]]]:
    require_latex()
    built = {}
    for share in SHARED:
        group = [c for c in LATEX if c.share == share]
        merged = _merged(group)
        tmp = tmp_path_factory.mktemp(share)
        root = make_project(merged, tmp)
        before = snapshot(root.parent / "outside")
        built[share] = (root, run_case(merged, root, tmp / "cache"), before)
    return built


@pytest.mark.latex
@pytest.mark.parametrize("case", [c for c in LATEX if c.share], ids=str)
def test_received_project(case: Case, shared_builds: dict[str, tuple[Path, Run, dict[str, bytes]]]) -> None:
    root, run, before = shared_builds[case.share]
    verdict, why = judge(case, root, run, before)
    assert verdict == "handled", f"{verdict}: {why}\n{run.err[-2000:]}"


NOT_YET: set[str] = set()


@pytest.mark.latex
@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="not handled yet")) if c.id in NOT_YET else c
                                  for c in LATEX if not c.share], ids=str)
def test_fault(case: Case, tmp_path: Path) -> None:
    require_latex()
    root = make_project(case, tmp_path)
    before = snapshot(root.parent / "outside")
    run = run_case(case, root, tmp_path / "cache")
    verdict, why = judge(case, root, run, before)
    assert verdict == "handled", f"{verdict}: {why}"
