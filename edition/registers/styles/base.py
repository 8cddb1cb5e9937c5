"""What every style shares: the pybtex plugin interface, the pure ``cite`` function, sets."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pybtex.richtext import Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.labels.number import LabelStyle
from pybtex.style.names.plain import NameStyle
from pybtex.style.sorting.none import SortingStyle

from edition.registers.bib.model import Bibliography, Name, Work
from edition.registers.styles.config import StyleConfig

FORMS = ("full", "short", "ibid", "list")


class EditionStyle(BaseStyle):
    """A style over an ``edition`` bibliography: ``cite(key, locator, form)`` is its one entry point,
    a pure function of the bibliography and the configuration."""

    # pybtex's "plain", "number" and "none", given as the classes: by name, pybtex looks each up
    # among the installed packages' entry points, some 10 ms a style.
    default_name_style = NameStyle
    default_label_style = LabelStyle
    default_sorting_style = SortingStyle

    def __init__(self, bibliography: Bibliography, config: StyleConfig | Mapping[str, Any] | None = None) -> None:
        super().__init__()
        self.bib = bibliography
        self.config = config if isinstance(config, StyleConfig) else StyleConfig.from_dict(config)

    def cite(self, key: str, locator: str = "", form: str = "full") -> Text:
        """The work ``key`` as a ``full`` note, a ``short`` note, ``ibid`` or a ``list`` entry."""
        if form == "full":
            return self.full_note(key, locator)
        if form == "short":
            return self.short_note(key, locator)
        if form == "ibid":
            return self.ibid(locator)
        if form == "list":
            return self.bibliography_entry(key)
        raise ValueError(f"unknown citation form '{form}' (forms: {', '.join(FORMS)})")

    def full_note(self, key: str, locator: str = "") -> Text:
        raise NotImplementedError

    def short_note(self, key: str, locator: str = "") -> Text:
        raise NotImplementedError

    def bibliography_entry(self, key: str) -> Text:
        raise NotImplementedError

    def ibid(self, locator: str = "") -> Text:
        raise NotImplementedError

    def format_entry(self, label: str, entry: Any, bib_data: Any = None) -> FormattedEntry:
        """pybtex's entry point: the works-cited form of ``entry.key``."""
        return FormattedEntry(entry.key, self.bibliography_entry(entry.key), label)

    def work(self, key: str) -> Work:
        return self.bib.resolved(key)

    def members(self, work: Work, form: Callable[[str, str], Text], locator: str, sep: str = "; ") -> Text:
        """A biblatex set: its members one after another, the locator going with the last."""
        members = self.bib.members(work.key)
        texts = [form(k, locator if n + 1 == len(members) else "") for n, k in enumerate(members)]
        return Text(sep).join(texts) if texts else Text(work.key)


def people(work: Work, *roles: str) -> list[Name]:
    """The names of the first role that has any."""
    return next((work.names[r] for r in roles if work.names.get(r)), [])


class CitationTracker:
    """Notes for one document: the full form at a work's first citation, the short form after."""

    def __init__(self, style: EditionStyle) -> None:
        self.style = style
        self.cited: list[str] = []

    def cite(self, key: str, locator: str = "") -> Text:
        if key in self.cited:
            return self.style.short_note(key, locator)
        self.cited.append(key)
        return self.style.full_note(key, locator)
