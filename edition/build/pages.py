"""What a finished LaTeX run tells about its pages: where each document starts and ends."""

from __future__ import annotations

import re
from pathlib import Path

from edition.latex.escape import escape_label

_LABEL = re.compile(r"\\newlabel\{(doc|docend):([^}]*)\}\{\{[^}]*\}\{([^}]*)\}")


def document_pages(aux: Path, ids: list[str]) -> dict[str, tuple[str, str]]:
    """First and last page of each of the documents ``ids``, from the .aux file of a build."""
    starts: dict[str, str] = {}
    ends: dict[str, str] = {}
    if aux.exists():
        for m in _LABEL.finditer(aux.read_text(encoding="utf-8", errors="replace")):
            (starts if m.group(1) == "doc" else ends)[m.group(2)] = m.group(3)
    labels = {str(escape_label(i)): i for i in ids}
    return {labels[label]: (page, ends.get(label, page)) for label, page in starts.items() if label in labels}
