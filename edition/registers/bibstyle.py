"""The bibliography styles under the names the other stages use (``edition.registers.styles``).

A style turns a work into format-neutral pybtex rich text (``Text``, ``Tag("em")``,
``HRef``) in four forms, ``style.cite(key, locator, form)`` with form ``full``,
``short``, ``ibid`` or ``list``; ``to_plain`` here and ``edition.latex.bibtex.to_latex``
turn it into output.
"""

from __future__ import annotations

from pybtex.richtext import BaseText

from edition.registers.styles import STYLES, make_style
from edition.registers.styles.base import FORMS, CitationTracker, EditionStyle
from edition.registers.styles.chicago import ChicagoStyle, HistorianStyle
from edition.registers.styles.config import StyleConfig
from edition.registers.styles.gost import GostStyle
from edition.registers.styles.rich import headline_case

__all__ = ["FORMS", "STYLES", "ChicagoStyle", "CitationTracker", "EditionStyle", "GostStyle", "HistorianStyle",
           "StyleConfig", "headline_case", "make_style", "to_plain"]


def to_plain(rich: BaseText | str) -> str:
    """Rich text as plain Unicode, formatting dropped."""
    return str(rich)
