"""The bibliography styles: Chicago notes-bibliography (``chicago``) and GOST R 7.0.5-2008
(``gost``), chosen per reader by ``citation_style: {style: ...}`` in ``edition.yaml``.
Both are pybtex plugins too (``edition-chicago``, ``edition-gost`` in pyproject.toml)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from edition.registers.bib.model import Bibliography
from edition.registers.styles.base import EditionStyle
from edition.registers.styles.chicago import ChicagoStyle
from edition.registers.styles.config import StyleConfig
from edition.registers.styles.gost import GostStyle

STYLES: dict[str, type[EditionStyle]] = {"chicago": ChicagoStyle, "gost": GostStyle}


def make_style(bib: Bibliography, config: StyleConfig | Mapping[str, Any] | None = None) -> EditionStyle:
    """The style that ``config`` (``citation_style`` of ``edition.yaml``) names, Chicago by default."""
    cfg = config if isinstance(config, StyleConfig) else StyleConfig.from_dict(config)
    return STYLES[cfg.style](bib, cfg)
