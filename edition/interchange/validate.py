"""RELAX NG validation of what edition writes: TEI against ``schemas/edition-tei.rng``,
CMIF against ``schemas/cmif.rng``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lxml import etree

from edition.resources import SCHEMAS_DIR

TEI_SCHEMA = SCHEMAS_DIR / "edition-tei.rng"


@lru_cache(maxsize=4)
def _schema(schema_path: Path) -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(schema_path)))


def validate_against(path: Path, schema_path: Path) -> list[str]:
    """Problems of an XML file against a RELAX NG schema, as ``path:line:column: message``; empty when valid."""
    try:
        doc = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    except (OSError, etree.XMLSyntaxError) as exc:
        return [f"{path}: {exc}"]
    schema = _schema(schema_path)
    if schema.validate(doc):
        return []
    return [f"{path}:{e.line}:{e.column}: {e.message}" for e in schema.error_log]


def validate_tei(path: Path) -> list[str]:
    """Problems of a TEI file written by ``export_tei`` against ``schemas/edition-tei.rng``; empty when valid."""
    return validate_against(path, TEI_SCHEMA)
