"""What a finished LaTeX run tells about its pages: where each document starts and ends.

A document's pages run from its heading (its ``doc:`` label) to its end or the end of its last
note, whichever is printed later: each of these ends writes ``\\edExtent{label}{page}{printed
page}`` to the ``.aux`` as it ships out (latex/edition-page.sty), and "Cite as" prints the
latest. Every other output (the HTML edition, the exports) reads the same records here, so that
all of them give a document the pages the reader prints.
"""

from __future__ import annotations

import re
from pathlib import Path

from edition.latex.escape import escape_label

_LABEL = re.compile(r"\\newlabel\{(doc|docend):([^}]*)\}\{\{[^}]*\}\{([^}]*)\}")
_EXTENT = re.compile(r"\\edExtent\{([^}]*)\}\{(\d+)\}\{([^}]*)\}")


def document_pages(aux: Path, ids: list[str]) -> dict[str, tuple[str, str]]:
    """First and last page of each of the documents ``ids``, from the .aux file of a build."""
    starts: dict[str, str] = {}
    ends: dict[str, str] = {}
    latest: dict[str, tuple[int, str]] = {}
    if aux.is_file():
        text = aux.read_text(encoding="utf-8", errors="replace")
        for m in _LABEL.finditer(text):
            (starts if m.group(1) == "doc" else ends)[m.group(2)] = m.group(3)
        for m in _EXTENT.finditer(text):
            if int(m.group(2)) > latest.get(m.group(1), (0, ""))[0]:
                latest[m.group(1)] = (int(m.group(2)), m.group(3))
    labels = {str(escape_label(i)): i for i in ids}
    return {labels[label]: (page, latest[label][1] if label in latest else ends.get(label, page))
            for label, page in starts.items() if label in labels}
