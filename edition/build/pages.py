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


def page_breaks(tex_dir: Path, ids: list[str]) -> dict[str, list[tuple[str, str]]]:
    """Where each printed page begins in the documents ``ids``, from the page record of the build
    (``reader.layout``, latex/edition-audit.sty) and the documents' source maps: for each document,
    (page label, "path:line" of the paragraph in which the page's first line of text stands, or ""
    when the page begins with the document's heading, or "headnote:N:M" when it begins with the last
    N of the M lines of a headnote broken across pages), in page order. A page that holds no
    document's heading, headnote or text (front and back matter, a page of notes) has no entry."""
    from edition.build.audit import HEADING, HEADNOTE, TEXT, read_layout, source_map

    layout = read_layout(tex_dir / "reader.layout")
    if layout is None:
        return {}
    labels = {str(escape_label(i)): i for i in ids}
    maps: dict[str, dict[int, str]] = {}
    found: dict[str, list[tuple[str, str]]] = {}
    for page in layout.pages:
        run = next((r for r in page.runs if r.kind in (HEADING, HEADNOTE, TEXT) and r.doc in layout.docs), None)
        doc = labels.get(layout.docs[run.doc]) if run is not None else None
        if run is None or doc is None:
            continue
        where = ""
        if run.kind == HEADNOTE and not any(r.kind == HEADING and r.doc == run.doc for r in page.runs):
            # the headnote began on the page before: its lines there and here say where this page begins
            lines = [p.lines({HEADNOTE}, run.doc) for p in layout.pages]
            at = layout.pages.index(page)
            where = f"headnote:{sum(lines[at:])}:{sum(lines)}"
        elif run.kind == TEXT:
            if doc not in maps:
                maps[doc] = source_map(tex_dir, doc)
            where = maps[doc].get(run.line, "").rsplit(":", 1)[0]
            if not where:
                continue
        found.setdefault(doc, []).append((page.label, where))
    return found
