"""The works cited, as the other stages see them: the model, loading and collation of
``edition.registers.bib`` under one name."""

from __future__ import annotations

from edition.registers.bib.collate import collation_key, grouped, sort_keys
from edition.registers.bib.load import load_bibliography, parse_name
from edition.registers.bib.model import NOWHERE, Bibliography, Name, Work, plain
from edition.registers.bib.reader import DocumentCitation, ReaderInfo, reader_entries

__all__ = ["NOWHERE", "Bibliography", "DocumentCitation", "Name", "ReaderInfo", "Work", "collation_key", "grouped",
           "load_bibliography", "parse_name", "plain", "reader_entries", "sort_keys"]
