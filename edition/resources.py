"""Where edition's own files are: the package, the LaTeX templates and the schemas.

A leaf that imports nothing of edition, so that any layer may ask it.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
LATEX_DIR = PACKAGE_DIR.parent / "latex"
SCHEMAS_DIR = PACKAGE_DIR.parent / "schemas"


def code_files() -> list[Path]:
    """Every Python module of the package, in a stable order (for fingerprints of the code)."""
    return sorted(p for p in PACKAGE_DIR.rglob("*.py") if "__pycache__" not in p.parts)
