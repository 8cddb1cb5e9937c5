"""What a finished LaTeX run tells about its pages: where each document starts and ends.

The pages are those the reader's "Cite as" printed (``\\edCitedPages`` in the ``.aux``,
latex/edition-page.sty): from the document's heading to its end or the end of its last note,
whichever is printed later. Every other output (the HTML edition, the exports) reads them
here, so that none of them decides a document's pages again.
"""

from __future__ import annotations

import re
from pathlib import Path

from edition.latex.escape import escape_label

_CITED = re.compile(r"\\edCitedPages\{([^}]*)\}\{([^}]*)\}\{([^}]*)\}")


def document_pages(aux: Path, ids: list[str]) -> dict[str, tuple[str, str]]:
    """First and last page of each of the documents ``ids``, from the .aux file of a build."""
    found: dict[str, tuple[str, str]] = {}
    if aux.is_file():
        for m in _CITED.finditer(aux.read_text(encoding="utf-8", errors="replace")):
            if m.group(2) not in ("", "0"):
                found[m.group(1)] = (m.group(2), m.group(3) or m.group(2))
    labels = {str(escape_label(i)): i for i in ids}
    return {labels[label]: pages for label, pages in found.items() if label in labels}
