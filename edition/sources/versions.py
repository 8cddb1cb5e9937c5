"""The original of a document, beside its translation: in the same file or in a sibling file.

In the same file, the front matter says ``original: {language: ru, source: ..., rights: ...}``
and the original's text follows the translation after a line ``@original``. In a sibling
file, the front matter says ``version_of: DOCUMENT-ID`` with the same keys (and the notes
the original anchors), and the whole text is the original. Either way the document gets a
``Version`` (``edition.model.corpus``); how the versions line up is ``edition.model.alignment``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from edition.model.corpus import Block, Document, Note, PrintedSource, Version, number_spans
from edition.model.diagnostics import Diagnostic, Pos, did_you_mean, error
from edition.sources import schema
from edition.sources.markup import parse_blocks, text_positions
from edition.sources.schema import string
from edition.sources.yamlpos import YNode, scalar_text_pos

_ORIGINAL_LINE = re.compile(r"(?m)^@original[ \t]*$\n?")


@dataclass
class VersionFile:
    """A sibling file's version, waiting to join its document (``attach``)."""

    version_of: str
    version: Version
    notes: dict[str, dict[str, Note]] = field(default_factory=dict)
    pos: Pos = field(default_factory=lambda: Pos("", 1, 1))


def notes_of(n: YNode | None, diags: list[Diagnostic]) -> dict[str, dict[str, Note]]:
    """The notes of a front matter: ``{SERIES: {KEY: text}}``."""
    notes: dict[str, dict[str, Note]] = {}
    if n is None or not n.is_map:
        return notes
    for series, by_key in n.items():
        if not by_key.is_map:
            diags.append(error(by_key.pos, f"notes of series '{series}' must be a mapping of note keys to texts"))
            continue
        notes[series] = {}
        for key, note_node in by_key.items():
            if note_node.is_scalar and not str(note_node.value or "").strip():  # "", "  ", a '|' with no lines, nothing
                diags.append(error(note_node.pos, f"note '{series}:{key}' is empty: its anchor would print a number and no note",
                                   f"write the note's text after '\"{key}\": |', on the lines below it, indented; "
                                   "or remove the note and its anchor"))
            elif not note_node.is_scalar:
                diags.append(error(note_node.pos, f"note '{series}:{key}' must be a text",
                                   "a note is one text: paragraphs separated by blank lines, after '|'"))
                continue
            notes[series][key] = Note(series, key, _blocks_field(note_node, diags), note_node.pos)
    return notes


def _blocks_field(node: YNode, diags: list[Diagnostic]) -> list[Block]:
    blocks, d = parse_blocks(str(node.value or ""), lambda offset: scalar_text_pos(node, offset))
    diags.extend(d)
    return blocks


def originals_config(node: YNode | None, diags: list[Diagnostic]) -> dict[str, Any]:
    """``originals: {print: MODE, documents: {ID: MODE}}``: how documents with an original print."""
    if node is None or not node.is_map:
        return {}
    diags.extend(schema.check_map(node, schema.ORIGINALS, "originals"))
    by_document: dict[str, str] = {}
    docs = node.get("documents")
    for doc_id, mode in (docs.items() if docs is not None and docs.is_map else []):
        if string(mode) not in schema.PRINT_MODES:
            diags.append(error(mode.pos, f"originals: the print mode of '{doc_id}' must be one of: {', '.join(schema.PRINT_MODES)}",
                               did_you_mean(string(mode), schema.PRINT_MODES)))
            continue
        by_document[doc_id] = string(mode)
    default = string(node.get("print"), "facing")
    return {"originals_print": default if default in schema.PRINT_MODES else "facing", "originals_by_document": by_document}


def split_original(body: str) -> tuple[str, str | None, int]:
    """The translation's text, the original's text (None without a line ``@original``), and the
    offset in ``body`` where the original's text starts."""
    m = _ORIGINAL_LINE.search(body)
    if m is None:
        return body, None, len(body)
    return body[: m.start()], body[m.end():], m.end()


def _source(node: YNode | None, diags: list[Diagnostic]) -> PrintedSource | None:
    if node is None or not node.is_map:
        return None
    diags.extend(schema.check_map(node, schema.SOURCE, "source of the original"))
    key = node.get("key")
    return PrintedSource(string(key), string(node.get("locator")), key.pos if key else node.pos)


def version(meta: YNode, text: str, origin: Pos, path: str, diags: list[Diagnostic]) -> Version:
    """A version from its metadata (``original:``, or a sibling file's front matter) and its text."""
    blocks: list[Block]
    blocks, d = parse_blocks(text, text_positions(text, origin))
    diags.extend(d)
    if not blocks:
        diags.append(error(origin, "the original has no text", "write the original's text after the line '@original'"))
    return Version("original", string(meta.get("language")), blocks, origin, path, _source(meta.get("source"), diags),
                   string(meta.get("rights")), {k: v.pos for k, v in meta.items()})


def in_file_original(meta: YNode, body: str, body_line: int, display: str,
                     diags: list[Diagnostic]) -> tuple[str, Version | None]:
    """The translation's text, and the original written in the same file (if any)."""
    text, original, offset = split_original(body)
    node = meta.get("original")
    if original is None:
        if node is not None:
            diags.append(error(node.pos, "'original:' is given but the text has no line '@original' before the original's text",
                               "write the original after the translation, after a line '@original'"))
        return body, None
    line = body_line + body[:offset].count("\n")
    if node is None or not node.is_map:
        diags.append(error(Pos(display, line - 1, 1), "a line '@original' but no 'original:' in the front matter",
                           "say at least its language: original: {language: ru}"))
        return text, version(YNode({}, Pos(display, 1, 1), "map"), original, Pos(display, line, 1), display, diags)
    diags.extend(schema.check_map(node, schema.ORIGINAL, "original"))
    return text, version(node, original, Pos(display, line, 1), display, diags)


def version_file(meta: YNode, body: str, body_line: int, display: str, diags: list[Diagnostic],
                 notes: dict[str, dict[str, Note]]) -> VersionFile:
    """A sibling file that holds a document's original."""
    diags.extend(schema.check_map(meta, schema.VERSION_FILE, "the front matter of an original"))
    made = version(meta, body, Pos(display, body_line, 1), display, diags)
    return VersionFile(string(meta.get("version_of")), made, notes, Pos(display, 1, 1))


def attach(documents: list[Document], versions: list[VersionFile], diags: list[Diagnostic]) -> None:
    """Give each sibling file's original to its document; its notes join the document's."""
    by_id = {d.id: d for d in documents}
    for v in versions:
        doc = by_id.get(v.version_of)
        if doc is None:
            diags.append(error(v.pos, f"version_of: no document has the id '{v.version_of}'",
                               "give the id of the document whose original this is"))
            continue
        if doc.original is not None:
            diags.append(error(v.pos, f"the document '{doc.id}' already has an original, at {doc.original.pos}",
                               "keep the original in one place: its file, or after '@original' in the document"))
            continue
        doc.original = v.version
        for series, by_key in v.notes.items():
            mine = doc.notes.setdefault(series, {})
            for key, note in by_key.items():
                if key in mine:
                    diags.append(error(note.pos, f"note '{series}:{key}' is also defined at {mine[key].pos}",
                                       "the notes of a document and of its original share one set of keys"))
                else:
                    mine[key] = note
        number_spans(doc.all_blocks())
