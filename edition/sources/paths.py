"""Paths that the project names: each must stay inside the project folder."""

from __future__ import annotations

import re
from pathlib import Path

from edition.model.diagnostics import Diagnostic, Pos, error
from edition.sources.reading import check_file, refusal_at


def inside_project(root: Path, relative: str, pos: Pos) -> tuple[Path | None, Diagnostic | None]:
    """A path named in the project, refused if it leads outside the project."""
    path = (root / relative).resolve()
    if not path.is_relative_to(root.resolve()):
        hint = "keep every file the reader uses inside the project folder"
        if Path(relative).is_absolute():
            hint = "write the path from the project folder (bibliography/works.bib), not from the root of the disk; " + hint
        return None, error(pos, f"the path '{relative}' points outside the project", hint)
    return path, None


def named_file(root: Path, relative: str, at: Pos, what: str) -> tuple[Path | None, Diagnostic | None]:
    """The real path of a file that the project names at ``at`` (edition.yaml's ``bibliography:``,
    ``note_on_texts:``), or the refusal said at ``at``: outside the project, missing, not a
    regular file. A Windows path ('bibliography\\works.bib') is told to use '/'."""
    if not relative.strip():
        return None, error(at, f"{what} is empty", "write the path of the file from the project folder")
    _path, problem = inside_project(root, relative, at)
    if problem:
        return None, problem
    real, refusal = check_file(root / relative, root, f"{what} '{relative}'")
    if refusal is None:
        return real, None
    found = refusal_at(refusal, at, relative)
    if "\\" in relative or re.match(r"^[A-Za-z]:", relative):
        found = error(found.pos, found.message, "write paths with '/' between folders, as on Linux and macOS: "
                      + relative.replace("\\", "/").split(":", 1)[-1].lstrip("/"))
    elif "does not exist" in found.message:
        found = error(found.pos, found.message, "check the spelling, or create the file; the path is read from the project folder")
    return None, found
