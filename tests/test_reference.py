"""docs/reference.md and the declarations of edition/sources/schema.py are one: the file is
written from them, and the keys the loaders read are the keys declared, with the defaults declared."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from conftest import REPO

from edition.model.diagnostics import Diagnostic
from edition.sources import reference, schema
from edition.sources.config import load_config

DOC = REPO / "docs" / "reference.md"


def test_reference_is_written_from_the_declarations() -> None:
    assert DOC.read_text(encoding="utf-8") == reference.markdown(), \
        "docs/reference.md differs from the declarations: run 'python -m edition.sources.reference > docs/reference.md'"


def test_every_key_in_the_doc_is_declared_and_every_declared_key_is_in_the_doc() -> None:
    text = DOC.read_text(encoding="utf-8")
    for heading, _intro, fields in reference.SECTIONS:
        section = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
        documented = set(re.findall(r"^\| `([^`]+)` \|", section, re.M))
        assert documented == {f.name for f in fields}, heading


def test_the_detector_sees_a_key_missing_from_the_doc() -> None:
    """A positive control: a declared key left out of the text is seen."""
    text = reference.markdown().replace("| `paper` |", "| `papr` |")
    assert text != DOC.read_text(encoding="utf-8")


def _keys_read(source: str, getter: str) -> set[str]:
    return set(re.findall(rf'\b{getter}\("([a-z_]+)"\)', source))


def test_the_loader_reads_only_declared_keys_of_edition_yaml() -> None:
    source = (REPO / "edition" / "sources" / "config.py").read_text(encoding="utf-8")
    config_part = source.split("def load_config", 1)[1].split("\ndef ", 1)[0]
    read = _keys_read(config_part, "g")
    assert len(read) > 20 and read <= {f.name for f in schema.CONFIG}


def test_the_archives_register_reads_the_declared_keys() -> None:
    source = (REPO / "edition" / "registers" / "repositories.py").read_text(encoding="utf-8")
    assert "schema.REPOSITORY" in source and "schema.ARCHIVE_NAME" in source
    read = set(re.findall(r'entry\.get\("([a-z_]+)"\)', source))
    assert read == {f.name for f in schema.REPOSITORY} | {f.name for f in schema.ARCHIVE_NAME}


def test_declared_defaults_are_what_an_absent_key_gives(tmp_path: Path) -> None:
    (tmp_path / "edition.yaml").write_text("title: T\nparts: [{id: p, title: P}]\n", encoding="utf-8")
    diags: list[Diagnostic] = []
    config = load_config(tmp_path, diags)
    assert not diags
    attribute = {"originals": "originals_print"}
    checked = 0
    for f in schema.CONFIG:
        if f.required or (" " in f.default and f.default[:1] not in "[{"):
            continue  # a default said in words (series, bibliography)
        expected = yaml.safe_load(f.default) if f.default else ""
        if f.name == "originals":
            expected = expected["print"]
        got = getattr(config, attribute.get(f.name, f.name))
        if f.name == "exclude":
            got = list(got)  # kept with where each id is named
        if f.type == "str" and not isinstance(expected, str):
            expected = str(expected)
        assert got == expected, f"{f.name}: the loader gives {got!r}, the declaration says {f.default!r}"
        checked += 1
    assert checked >= 20
