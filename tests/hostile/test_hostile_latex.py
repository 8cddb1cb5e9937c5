"""The hostile cases that run LuaLaTeX: a received project's build folder, and faults around
a LaTeX run. Received cases that can share a project are laid over one project and built
once (their files do not collide), and each case's checks run on that build. Each shared
project is built once per run by whichever process first needs it, so that pytest-xdist
builds different ones at the same time; the faults start from copies of one good draft."""

from __future__ import annotations

import dataclasses
import json
import pickle
from pathlib import Path

import pytest
from all_cases import LATEX
from cases_faults_latex import build_good_draft, lay_in_good_draft
from conftest import once, require_latex
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


def _build_shared(share: str, folder: Path) -> None:
    """The cases of ``share`` laid over one project in ``folder`` and built; the run and the
    outside folder as it was before it are kept beside it, for every case's judgement."""
    merged = _merged([c for c in LATEX if c.share == share])
    root = make_project(merged, folder)
    before = snapshot(root.parent / "outside")
    run = run_case(merged, root, folder / "cache")
    (folder / "run.json").write_text(json.dumps(dataclasses.asdict(run)), encoding="utf-8")
    (folder / "before.pickle").write_bytes(pickle.dumps(before))


@pytest.fixture(scope="session")
def shared_build(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    def get(share: str) -> tuple[Path, Run, dict[str, bytes]]:
        folder = once(tmp_path_factory, f"received-{share}", lambda f: _build_shared(share, f))
        run = Run(**json.loads((folder / "run.json").read_text(encoding="utf-8")))
        return folder / "project", run, pickle.loads((folder / "before.pickle").read_bytes())

    return get


@pytest.mark.latex
@pytest.mark.parametrize("case", [c for c in LATEX if c.share], ids=str)
def test_received_project(case: Case, shared_build) -> None:  # noqa: ANN001
    require_latex()
    root, run, before = shared_build(case.share)
    verdict, why = judge(case, root, run, before)
    assert verdict == "handled", f"{verdict}: {why}\n{run.err[-2000:]}"


@pytest.fixture(scope="session")
def good_draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain mini project (as ``make_project`` makes it for a case with no files) with a good
    draft built, and the cache folder of that build, made once."""
    require_latex()

    def make(folder: Path) -> None:
        build_good_draft(make_project(Case("good-draft", "faults"), folder), folder / "cache")

    return once(tmp_path_factory, "hostile-good-draft", make)


NOT_YET: set[str] = set()


@pytest.mark.latex
@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="not handled yet")) if c.id in NOT_YET else c
                                  for c in LATEX if not c.share], ids=str)
def test_fault(case: Case, tmp_path: Path, good_draft: Path) -> None:
    require_latex()
    root = make_project(case, tmp_path)
    if getattr(case.runner, "starts_from_good_draft", False) and not case.files and case.setup is None:
        lay_in_good_draft(good_draft / "project", good_draft / "cache", root, tmp_path / "cache")
    before = snapshot(root.parent / "outside")
    run = run_case(case, root, tmp_path / "cache")
    verdict, why = judge(case, root, run, before)
    assert verdict == "handled", f"{verdict}: {why}"
