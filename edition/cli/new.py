"""``edition new``: the skeleton of a new source, put into a part of the reader.

``--part ID`` names a part of ``edition.yaml`` (by default the last one). The file is
written to ``sources/ID/``; a part that lists its documents gets the new id at the end of
its list, written into ``edition.yaml`` as the editor would (the rest of the file, its
comments and layout, unchanged). A part without a list takes its folder's documents.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from edition.model.diagnostics import did_you_mean
from edition.sources.writer import yaml_string
from edition.sources.yamlpos import YamlError, YNode, load_yaml

EXIT_OK, EXIT_SOURCE = 0, 1
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def skeleton(args: argparse.Namespace) -> str:
    authors = ", ".join(a for a in (args.author or "").split(",") if a)
    recipients = ", ".join(r for r in (args.to or "").split(",") if r)
    return "\n".join([
        "---",
        f"id: {args.id}",
        f"title: {yaml_string(args.title or args.id)}",
        f"kind: {args.kind}",
        f"authors: [{authors}]",
        f"recipients: [{recipients}]",
        "date: " + (yaml_string(args.date) if args.date else '"[1900]"  # the date; [brackets]: supplied by the editor'),
        "language: ru",
        "status: draft",
        "headnote: |",
        "  Who wrote to whom, when and why, why it matters, and where the text comes from.",
        "notes:",
        "  editor:",
        '    "1": |',
        "      The first editor's note.",
        "---",
        "@salute Dear ...,",
        "",
        "The text, with {n:editor:1} the first note's anchor.",
        "",
        "@signed ...",
        "",
    ])


def _parts(config: YNode) -> list[YNode]:
    parts = config.get("parts")
    return [p for p in parts.value if p.is_map] if parts is not None and isinstance(parts.value, list) else []


def listed_in(text: str, part: YNode, doc_id: str) -> str | None:
    """``edition.yaml``'s text with ``doc_id`` added to the part's ``documents`` list; None
    when the part has no list (its folder is its list)."""
    docs = part.get("documents")
    if docs is None or docs.value is None:
        return None
    lines = text.split("\n")
    items = docs.value if isinstance(docs.value, list) else []
    if items and lines[items[-1].pos.line - 1].lstrip().startswith("-"):  # a block list: a line like the last
        last = items[-1].pos
        prefix = lines[last.line - 1][: last.column - 1]
        lines.insert(last.line, prefix + doc_id)
        return "\n".join(lines)
    at = sum(len(x) + 1 for x in lines[: docs.pos.line - 1]) + docs.pos.column - 1
    close = text.find("]", at)
    if text[at : at + 1] == "[" and close > 0:  # a flow list, on one line or several
        inside = text[at + 1 : close].rstrip()
        sep = ", " if inside.strip() else ""
        return text[: at + 1] + inside + sep + doc_id + text[close:]
    line = lines[docs.pos.line - 1]  # one id written alone: make it a list
    value = line[docs.pos.column - 1 :].split("#", 1)[0].rstrip()
    end = docs.pos.column - 1 + len(value)
    lines[docs.pos.line - 1] = f"{line[: docs.pos.column - 1]}[{value}, {doc_id}]{line[end:]}"
    return "\n".join(lines)


def cmd_new(args: argparse.Namespace) -> int:
    """Write a well-formed skeleton of a source into a part; never over an existing file without --force."""
    root = Path(args.root).resolve()
    if not _ID.match(args.id):
        return _fail(f"the id '{args.id}' may hold only letters, digits, '.', '_' and '-'")
    config_path = root / "edition.yaml"
    try:
        text = config_path.read_text(encoding="utf-8")
        config = load_yaml(text, "edition.yaml")
    except (OSError, UnicodeDecodeError):
        return _fail("no readable edition.yaml in the project folder", "run it in the project, or give --root")
    except YamlError as exc:
        return _fail(f"edition.yaml does not parse ({exc.diagnostic}); fix it first", "edition check says where")
    parts = {str(node.value): p for p in _parts(config) if (node := p.get("id")) is not None}
    part_id = args.part or (next(reversed(parts)) if parts else "")
    if not parts:
        return _fail("edition.yaml has no parts yet", "add one under 'parts:' (an id and a title; docs/source-format.md), then run this again")
    if part_id not in parts:
        known = ", ".join(parts) or "none yet"
        return _fail(f"edition.yaml has no part '{part_id}'", (did_you_mean(part_id, parts) or f"the parts: {known}")
                     + "; add the part to edition.yaml first")
    if not _ID.match(part_id):
        return _fail(f"the part id '{part_id}' cannot name a folder under sources/", "give the part an id of letters, digits, '.', '_', '-'")
    target = root / "sources" / part_id / f"{args.id}.md"
    if target.exists() and not args.force:
        return _fail(f"{target.relative_to(root)} exists; use --force to overwrite it")
    new_config = None
    if not target.exists():
        new_config = listed_in(text, parts[part_id], args.id)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(skeleton(args), encoding="utf-8")
    said = f"edition new: wrote {target.relative_to(root)}"
    if new_config is not None and args.id not in str(parts[part_id].get("documents").plain()):  # type: ignore[union-attr]
        temp = config_path.with_name(".edition.yaml.new")
        temp.write_text(new_config, encoding="utf-8")
        os.replace(temp, config_path)
        said += f" and added '{args.id}' to the documents of part '{part_id}' in edition.yaml"
    else:
        said += f", in the folder of part '{part_id}'"
    print(said, file=sys.stderr)
    return EXIT_OK


def _fail(message: str, hint: str = "") -> int:
    print(f"edition new: {message}" + (f"\n    hint: {hint}" if hint else ""), file=sys.stderr)
    return EXIT_SOURCE
