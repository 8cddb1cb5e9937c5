"""The LaTeX package (latex/edition*.sty): its files reach the build, its patches of reledmac are guarded.

The LaTeX tests set a two-line numbered text with one note in a document of
their own, so that a changed reledmac can be faked before edition loads.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, once, pdf_text, require_latex

from edition.build.compile import build_warnings, latex_environment
from edition.build.texlog import package_warnings, unwrapped
from edition.latex.render import render
from edition.pipeline import prepare
from edition.resources import LATEX_DIR


def test_every_file_the_package_loads_is_copied_into_the_build() -> None:
    """edition.sty loads edition-*.sty, and those require edition-*.lua: the renderer copies each one."""
    project, _ = prepare(REPO)
    files, _ = render(project.plan)
    wanted, todo = set(), ["edition.sty"]
    while todo:
        name = todo.pop()
        wanted.add(name)
        text = (LATEX_DIR / name).read_text(encoding="utf-8")
        loaded = [f"{n}.sty" for n in re.findall(r"\\RequirePackage(?:\[[^]]*\])?\{(edition[^}]*)\}", text)]
        loaded += [f"{n}.lua" for n in re.findall(r'require\("(edition-[^"]+)"\)', text)]
        todo += [n for n in loaded if n not in wanted]
    assert len(wanted) > 8
    assert wanted <= set(files), f"not copied into build/tex: {sorted(wanted - set(files))}"


LOG_UNTESTED = """\
(./edition-reledmac.sty
Package: edition-reledmac 2026/12/02 edition: the reledmac the patches were tested with

Package edition Warning: reledmac 2099/01/01 v9.9 is untested:
(edition)                edition's patches of it were tested with
(edition)                2022/02/04 v2.39.1 (see edition-reledmac.sty).

) (./edition-fonts.sty
Package edition Warning: reledmac's \\new@line is not the definition
(edition)                edition-speed.sty patches: that speed patch
(edition)                is left out (the same pages, a slower pass).

Package edition Warning: reledmac's \\new@line is not the definition
(edition)                edition-speed.sty patches: that speed patch
(edition)                is left out (the same pages, a slower pass).

Package hyperref Warning: Token not allowed in a PDF string on input line 3.
"""


def test_the_package_s_warnings_are_read_from_the_log_once_each(tmp_path: Path) -> None:
    diags = package_warnings(LOG_UNTESTED)
    assert [d.message for d in diags] == [
        "LaTeX: reledmac 2099/01/01 v9.9 is untested: edition's patches of it were tested with "
        "2022/02/04 v2.39.1 (see edition-reledmac.sty)",
        "LaTeX: reledmac's \\new@line is not the definition edition-speed.sty patches: that speed patch "
        "is left out (the same pages, a slower pass)"]
    assert all(not d.is_error for d in diags)
    # A good build reports them with the characters no font has.
    assert [d.message for d in build_warnings(LOG_UNTESTED, tmp_path)] == [d.message for d in diags]
    assert package_warnings("Package hyperref Warning: x\n") == []


def test_log_lines_broken_by_tex_are_joined() -> None:
    long = "Package edition Warning: " + "x" * 54
    assert len(long) == 79
    assert unwrapped(f"{long}\nyz\nnext\n") == [long + "yz", "next"]


def compile_tiny(folder: Path, before_edition: str = "", options: str = "") -> subprocess.CompletedProcess[str]:
    """LuaLaTeX on a small numbered text with a note, with the package files of latex/."""
    require_latex()
    folder.mkdir(parents=True, exist_ok=True)
    for path in LATEX_DIR.iterdir():
        if path.suffix in (".sty", ".lua"):
            shutil.copy(path, folder / path.name)
    (folder / "tiny.tex").write_text("\n".join([
        r"\documentclass{scrbook}",
        r"\usepackage[series={A},noend,noeledsec]{reledmac}",
        r"\makeatletter" + before_edition + r"\makeatother",
        rf"\usepackage[{options}]{{edition}}",
        r"\begin{document}",
        r"\beginnumbering\pstart Letters written in emigration and underground, when the Bolsheviks were a faction"
        r" \edtext{of the party}{\Afootnote{The Russian Social Democratic Labour Party.}} and their leaders"
        r" were scattered.\pend\endnumbering",
        r"\end{document}", ""]), encoding="utf-8")
    return subprocess.run(["lualatex", "-interaction=nonstopmode", "-halt-on-error", "tiny.tex"], cwd=folder,
                          env=latex_environment(), capture_output=True, text=True, errors="replace", check=False)


def tiny_text(folder: Path) -> str:
    return pdf_text(folder / "tiny.pdf")


@pytest.fixture(scope="session")
def plain_tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small text compiled with the package as it is (the speed patches on), once per run for the tests here."""

    def make(folder: Path) -> None:
        plain = compile_tiny(folder)
        assert plain.returncode == 0, plain.stdout[-2000:]

    return once(tmp_path_factory, "tiny-plain", make)


@pytest.mark.latex
def test_an_untested_reledmac_is_reported_and_a_changed_one_is_guarded(tmp_path: Path, plain_tiny: Path) -> None:
    # The tested reledmac: no warning; the apparatus has the lemma's lines from this first run.
    log = (plain_tiny / "tiny.log").read_text(errors="replace")
    assert package_warnings(log) == []
    assert "1–2 of the party ] The Russian Social Democratic Labour Party." in " ".join(tiny_text(plain_tiny).split())
    # Another version: a warning, the patches still applied.
    other = compile_tiny(tmp_path / "other", r"\expandafter\def\csname ver@reledmac.sty\endcsname{2099/01/01 v9.9 critical editions}")
    assert other.returncode == 0
    messages = [d.message for d in package_warnings((tmp_path / "other" / "tiny.log").read_text(errors="replace"))]
    assert messages == ["LaTeX: reledmac 2099/01/01 v9.9 is untested: edition's patches of it were tested with "
                        "2022/02/04 v2.39.1 (see edition-reledmac.sty)"]
    # A macro a speed patch was written for has changed: that patch is left out, the text is the same.
    speed = compile_tiny(tmp_path / "speed", r"\let\ed@saved\new@line\def\new@line{\ed@saved}")
    assert speed.returncode == 0
    messages = [d.message for d in package_warnings((tmp_path / "speed" / "tiny.log").read_text(errors="replace"))]
    assert len(messages) == 1 and "\\new@line" in messages[0] and "left out" in messages[0]
    assert tiny_text(tmp_path / "speed") == tiny_text(plain_tiny)
    # A macro the two-pass build patches has changed: the build stops and says which.
    needed = compile_tiny(tmp_path / "needed", r"\let\ed@saved\set@line\def\set@line{\ed@saved}")
    assert needed.returncode != 0
    assert "reledmac's \\set@line is not the definition" in " ".join(unwrapped(needed.stdout))


@pytest.mark.latex
def test_the_speed_patches_change_nothing_but_the_time(tmp_path: Path, plain_tiny: Path) -> None:
    fast = plain_tiny  # the package as it is: the speed patches on
    slow = compile_tiny(tmp_path / "slow", options="nospeed")
    assert slow.returncode == 0
    assert "edition-speed.sty" in (fast / "tiny.log").read_text(errors="replace")
    assert "edition-speed.sty" not in (tmp_path / "slow" / "tiny.log").read_text(errors="replace")
    assert tiny_text(fast) == tiny_text(tmp_path / "slow")
    # reledmac's line list for the next run is the same, line for line.
    assert (fast / "tiny.1").read_text() == (tmp_path / "slow" / "tiny.1").read_text()
