"""What a broken-source case is: edits of the small reader and the diagnostic they must get."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Edit:
    """In ``path`` (relative to the reader), ``old`` replaced by ``new`` (``old`` must occur
    exactly once); with ``old`` empty the file is written whole (``new``), or removed when
    ``new`` is None."""

    path: str
    old: str
    new: str | None

    def apply(self, root: Path) -> None:
        target = root / self.path
        if not self.old:
            if self.new is None:
                target.unlink()
                return
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(self.new, encoding="utf-8")
            return
        text = target.read_text(encoding="utf-8")
        count = text.count(self.old)
        if count != 1:
            raise AssertionError(f"{self.path}: {self.old!r} occurs {count} times")
        target.write_text(text.replace(self.old, self.new or ""), encoding="utf-8")


@dataclass(frozen=True)
class Case:
    id: str
    edits: tuple[Edit, ...]
    where: str  # path:line:column of the diagnostic
    says: str  # a regular expression its message matches
    code: int = 1
    severity: str = "error"
    command: tuple[str, ...] = field(default=("check",))

    def __str__(self) -> str:
        return self.id


def change(path: str, old: str, new: str) -> Edit:
    return Edit(path, old, new)


def write(path: str, text: str) -> Edit:
    return Edit(path, "", text)


def remove(path: str) -> Edit:
    return Edit(path, "", None)
