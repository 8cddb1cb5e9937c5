"""Positions in source files and the diagnostics every stage returns as data.

Each stage of the pipeline returns its problems as a list of ``Diagnostic``
instead of raising: the CLI decides what is fatal (``--strict`` turns
warnings into errors) and prints them all, as ``path:line:column: message``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True, order=True)
class Pos:
    """A place in a source file; ``line`` and ``column`` count from 1."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    def shifted(self, lines: int = 0, column: int | None = None) -> Pos:
        return Pos(self.path, self.line + lines, self.column if column is None else column)


UNKNOWN = Pos("<unknown>", 0, 0)


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    pos: Pos
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.pos.path}:{self.pos.line}" if self.pos.column == 0 else str(self.pos)
        text = f"{where}: {self.severity.value}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


def error(pos: Pos, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(pos, message, hint, Severity.ERROR)


def warning(pos: Pos, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(pos, message, hint, Severity.WARNING)


def closest(word: str, candidates: Iterable[str]) -> str:
    """The candidate closest to ``word`` (a slip of the pen for it), or an empty string."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return close[0] if close else ""


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A hint naming the closest candidate, or an empty string."""
    meant = closest(word, candidates)
    return f"did you mean '{meant}'?" if meant else ""


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


def file_rank(path: str) -> int:
    """Files in the order they are read, each the cause of what the next ones say: edition.yaml,
    the registers, the .bib files, then the sources and everything else."""
    if path == "edition.yaml":
        return 0
    if path.startswith("sources/") and path.endswith(".yaml") and path.split("/")[1].split(".")[0] in ("persons", "places", "archives"):
        return 1
    return 2 if path.endswith(".bib") else 3


def sort_key(d: Diagnostic) -> tuple[int, str, int, int]:
    return (file_rank(d.pos.path), d.pos.path, d.pos.line, d.pos.column)
