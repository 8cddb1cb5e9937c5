"""Paths that the project names: each must stay inside the project folder."""

from __future__ import annotations

from pathlib import Path

from edition.model.diagnostics import Diagnostic, Pos, error


def inside_project(root: Path, relative: str, pos: Pos) -> tuple[Path | None, Diagnostic | None]:
    """A path named in the project, refused if it leads outside the project."""
    path = (root / relative).resolve()
    if not path.is_relative_to(root.resolve()):
        return None, error(pos, f"the path '{relative}' points outside the project", "keep every file the reader uses inside the project folder")
    return path, None
