"""Where edition's own files are: the package, the LaTeX templates and the schemas.

A leaf that imports nothing of edition, so that any layer may ask it.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    """``latex/`` or ``schemas/``: in the checkout beside the package, in an installed wheel
    inside it as ``edition/data/NAME`` (pyproject.toml maps them there)."""
    packaged = PACKAGE_DIR / "data" / name
    return packaged if packaged.is_dir() else PACKAGE_DIR.parent / name


LATEX_DIR = _shipped("latex")
SCHEMAS_DIR = _shipped("schemas")
STARTER_DIR = PACKAGE_DIR / "cli" / "starter"  # what 'edition init' copies


def code_files() -> list[Path]:
    """Every Python module of the package, in a stable order (for fingerprints of the code)."""
    return sorted(p for p in PACKAGE_DIR.rglob("*.py") if "__pycache__" not in p.parts)
