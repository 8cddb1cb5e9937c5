"""The registers beside the sources: the archives register and the bibliography."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from edition.model.corpus import Config
from edition.model.diagnostics import Diagnostic, Pos
from edition.registers import archives as arch
from edition.registers.bib.load import load_bibliography
from edition.registers.bib.model import Bibliography
from edition.sources.paths import named_file
from edition.sources.reading import read_yaml_file
from edition.sources.schema import DEFAULT_BIBLIOGRAPHY


@dataclass
class Registers:
    archives: arch.ArchivesRegister
    bibliography: Bibliography


def load_archives(root: Path, diags: list[Diagnostic], lost: set[str] | None = None) -> arch.ArchivesRegister:
    """The archives register; ``lost`` gets 'archives' when the file is there but cannot be read."""
    display = "sources/archives.yaml"
    node, d = read_yaml_file(root / display, display, "archive id") if os.path.lexists(root / display) else (None, [])
    diags.extend(d)
    if lost is not None and (any(x.is_error for x in d) or (node is not None and not node.is_map)):
        lost.add("archives")
    if node is None or not node.is_map:
        register, d2 = arch.ArchivesRegister.from_data({}, lambda key: Pos(display, 1, 1))
        return register
    positions = node.positions(depth=5)

    def pos_of(where: str) -> Pos:  # the value or key at fault, else the nearest one above it; a repository at its id
        on_key, path = where.startswith("key:"), where.removeprefix("key:")
        while path:
            top = "." not in path and "[" not in path
            for candidate in ((f"key:{path}",) if on_key or top else ()) + (path,):
                if candidate in positions:
                    return positions[candidate]
            on_key, cut = False, max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return node.pos

    register, d2 = arch.ArchivesRegister.from_data(node.plain(), pos_of)
    diags.extend(d2)
    if lost is not None and any(x.is_error for x in d2):  # a repository left out: its citations are not "unknown"
        lost.add("archives")
    return register


def bibliography_paths(root: Path, config: Config, diags: list[Diagnostic]) -> list[Path]:
    """The .bib files that ``edition.yaml`` names, each checked to be a file inside the project
    and refused at the line and column that names it. When ``bibliography:`` is not given, the
    default ``bibliography/works.bib`` is read if it exists (a reader may cite nothing)."""
    paths = []
    named = "bibliography" in config.field_pos
    # edition.yaml names none: the default file, if there is one (a reader that cites nothing needs none)
    listed = config.bibliography or ([DEFAULT_BIBLIOGRAPHY] if os.path.lexists(root / DEFAULT_BIBLIOGRAPHY) else [])
    for i, relative in enumerate(listed):
        at = config.pos_of(f"bibliography[{i}]", "bibliography")
        if not named and not os.path.lexists(root / relative):
            continue
        real, problem = named_file(root, relative, at, "bibliography file")
        if problem:
            diags.append(problem)
        elif real is not None:
            paths.append(real)
    return paths


def load_bibliographies(root: Path, config: Config, diags: list[Diagnostic], lost: set[str] | None = None) -> Bibliography:
    """Every .bib file of the project as one bibliography; its problems reported relative to the project.
    ``lost`` gets 'bibliography' when a file that edition.yaml names cannot be read."""
    before = len(diags)
    unread: list[Path] = []
    bibliography, bib_diags = load_bibliography(bibliography_paths(root, config, diags), unread)
    if lost is not None and (len(diags) > before or unread):
        lost.add("bibliography")
    diags.extend(_relative(bib_diags, root))
    return bibliography


def _relative(diags: list[Diagnostic], root: Path) -> list[Diagnostic]:
    out = []
    for d in diags:
        p = Path(d.pos.path)
        if p.is_absolute() and p.is_relative_to(root):
            d = Diagnostic(Pos(p.relative_to(root).as_posix(), d.pos.line, d.pos.column), d.message, d.hint, d.severity)
        out.append(d)
    return out
