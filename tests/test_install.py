"""``pip install`` of the package, editable and not, into a new virtual environment, as a
user who wants ``edition`` outside this checkout does: the build backend says nothing that
a user would take for a problem (no setuptools deprecation, no warning about the license,
the packages or their data), and the command it installs runs.

The one line let through is the environment's own: with PYTHONDONTWRITEBYTECODE set,
setuptools says it does not byte-compile. Marked ``install`` (a minute, and the package
index for setuptools): ``make test-fast`` leaves it out.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

_NOISE = re.compile(r"(?i)deprecat|warning|obsolete|will be removed|is not supported|setuptoolswarning")
_ENVIRONMENT = re.compile(r"byte-compiling is disabled|WARNING: Location '.*' is ignored|pip version")


def _checkout(dest: Path) -> Path:
    """What a clone holds for pip (a wheel's build writes build/ and *.egg-info beside pyproject.toml:
    in a copy, not in this checkout)."""
    for name in ("pyproject.toml", "README.md", "edition", "latex", "schemas"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, dest / name)
    return dest


def _editable_filter() -> dict[str, str]:
    """The warning filter the Makefile's editable install sets (EDITABLE_QUIET), read from it."""
    found = re.search(r'^EDITABLE_QUIET := (\w+)="([^"]*)"', (REPO / "Makefile").read_text(), re.M)
    assert found, "the Makefile names no EDITABLE_QUIET"
    return {found.group(1): found.group(2)}


def _said(args: list[str], cwd: Path, extra: dict[str, str] | None = None) -> list[str]:
    done = subprocess.run(args, capture_output=True, text=True, check=False, cwd=cwd,
                          env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", **(extra or {})})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    lines = (done.stdout + done.stderr).splitlines()
    return [line.strip() for line in lines if _NOISE.search(line) and not _ENVIRONMENT.search(line)]


@pytest.mark.install
@pytest.mark.parametrize("editable", [True, False], ids=["editable", "wheel"])
def test_pip_install_says_no_warning(editable: bool, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    # The pip a user has (make's install upgrades it): a recent pip shows what the build backend says.
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--upgrade", "pip"],
                   check=True, capture_output=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-v", "--no-deps", "--no-cache-dir"]
    (tmp_path / "src").mkdir()
    src = _checkout(tmp_path / "src")
    said = _said(pip + (["-e", str(src)] if editable else [str(src)]), src, _editable_filter() if editable else None)
    assert said == [], "\n".join(said)
    assert (venv / "bin" / "edition").is_file()
