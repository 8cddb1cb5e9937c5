"""Which documents the reader prints: the parts of ``edition.yaml`` and its ``exclude:`` list.

A part lists its documents (``documents: [ID, ...]``, each id's position kept for the
checks), or takes those of its folder ``sources/PART-ID/`` by date, leaving out the ones
another part lists or ``exclude:`` names. A source that cannot be read gives the ids it
would have had (its file name, the ``id:`` its front matter seems to give), so that what
names it elsewhere is not reported again.
"""

from __future__ import annotations

import re
from pathlib import Path

from edition.model.corpus import Corpus
from edition.model.diagnostics import Diagnostic, Pos, error
from edition.sources.reading import check_file
from edition.sources.yamlpos import YNode

_ID_LINE = re.compile(r"""(?m)^id:[ \t]*["']?([A-Za-z0-9][A-Za-z0-9._-]*)""")
_PEEK = 64 * 1024  # bytes: the front matter's id is near the top


def item_positions(node: YNode | None) -> list[Pos]:
    """Where each item of a list is written (none for a scalar or nothing)."""
    return [item.pos for item in node.value] if node is not None and isinstance(node.value, list) else []


def excluded(node: YNode | None, diags: list[Diagnostic]) -> dict[str, Pos]:
    """``exclude: [ID, ...]``: the documents left out of the reader on purpose."""
    if node is None or node.value is None:
        return {}
    items = node.value if isinstance(node.value, list) else [node]
    out: dict[str, Pos] = {}
    for item in items:
        if not item.is_scalar or not str(item.value or "").strip():
            diags.append(error(item.pos, "'exclude' lists document ids", "exclude: [ID, ID]"))
        else:
            out.setdefault(str(item.value).strip(), item.pos)
    return out


def fill_parts(corpus: Corpus) -> None:
    """A part without a ``documents`` list takes the documents of its folder, by date, but for
    those another part lists or ``exclude:`` names."""
    listed = {doc_id for part in corpus.config.parts for doc_id in part.documents} | set(corpus.config.exclude)
    for part in corpus.config.parts:
        if not part.documents:
            docs = [d for d in corpus.documents if d.part == part.id and d.id not in listed]
            docs.sort(key=lambda d: (d.date.sort_key if d.date else "9999", d.id))
            part.documents = [d.id for d in docs]


YEARS = "{years}"


def fill_years(corpus: Corpus) -> None:
    """``{years}`` in the title or subtitle becomes the years of the documents the parts print
    ("1903–2014"), so that the title's date range is always the corpus's."""
    cfg = corpus.config
    if YEARS not in cfg.title + cfg.subtitle:
        return
    by_id = corpus.by_id()
    years = sorted(int(d.date.sort_key[:4]) for p in cfg.parts for i in p.documents
                   if (d := by_id.get(i)) is not None and d.date and d.date.sort_key[:4].isdigit() and d.date.sort_key != "9999")
    span = "" if not years else str(years[0]) if years[0] == years[-1] else f"{years[0]}\u2013{years[-1]}"
    cfg.title, cfg.subtitle = cfg.title.replace(YEARS, span), cfg.subtitle.replace(YEARS, span)


def unreadable_ids(path: Path, root: Path) -> set[str]:
    """The ids a source that could not be read would have had."""
    ids = {path.stem}
    real, refusal = check_file(path, root)
    if refusal is None and real is not None:
        try:
            with open(real, "rb") as f:
                head = f.read(_PEEK).decode("utf-8", errors="replace")
        except OSError:
            return ids
        ids |= set(_ID_LINE.findall(head))
    return ids
