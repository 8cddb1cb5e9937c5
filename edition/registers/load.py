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
from edition.sources.load import read_yaml_file
from edition.sources.paths import inside_project
from edition.sources.reading import check_file, refusal_at
from edition.sources.schema import DEFAULT_BIBLIOGRAPHY


@dataclass
class Registers:
    archives: arch.ArchivesRegister
    bibliography: Bibliography


def load_archives(root: Path, diags: list[Diagnostic]) -> arch.ArchivesRegister:
    display = "sources/archives.yaml"
    node, d = read_yaml_file(root / display, display) if os.path.lexists(root / display) else (None, [])
    diags.extend(d)
    if node is None or not node.is_map:
        register, d2 = arch.ArchivesRegister.from_data({}, lambda key: Pos(display, 1, 1))
        return register
    register, d2 = arch.ArchivesRegister.from_data(node.plain(), lambda key: node.key_pos.get(key, node.pos))
    diags.extend(d2)
    return register


def bibliography_paths(root: Path, config: Config, diags: list[Diagnostic]) -> list[Path]:
    """The .bib files that ``edition.yaml`` names, each checked to exist inside the project."""
    paths = []
    # edition.yaml names none: the default file, if there is one (a reader that cites nothing needs none)
    named = config.bibliography or ([DEFAULT_BIBLIOGRAPHY] if os.path.lexists(root / DEFAULT_BIBLIOGRAPHY) else [])
    for relative in named:
        at = Pos(config.path, 1, 1)
        path, problem = inside_project(root, relative, at)
        if problem:
            diags.append(problem)
            continue
        real, refusal = check_file(root / relative, root, f"bibliography file '{relative}'")
        if refusal is not None:
            diags.append(refusal_at(refusal, at, relative))
        elif real is not None:
            paths.append(real)
    return paths


def load_bibliographies(root: Path, config: Config, diags: list[Diagnostic]) -> Bibliography:
    """Every .bib file of the project as one bibliography; its problems reported relative to the project."""
    bibliography, bib_diags = load_bibliography(bibliography_paths(root, config, diags))
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
