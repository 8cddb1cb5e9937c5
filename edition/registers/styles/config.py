"""What a bibliography style lets an editor choose, from ``citation_style`` in ``edition.yaml``."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from edition.model.diagnostics import did_you_mean
from edition.sources.schema import BOOL_WORDS

STYLE_NAMES = ("chicago", "gost")
StyleProblem = tuple[str, bool, str, str]  # the option, whether the key (else its value) is at fault, message, hint


@dataclass(frozen=True)
class _Bad:
    want: str
    hint: str = ""


def _convert(value: Any, default: Any) -> Any:
    """``value`` as the type of ``default``, or what it should have been."""
    if isinstance(default, bool) or default is None:
        if isinstance(value, bool):
            return value
        flag = BOOL_WORDS.get(str(value).lower()) if isinstance(value, str) else None
        return _Bad("true or false", "write true or false") if flag is None else flag
    if isinstance(default, int):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        return int(value) if isinstance(value, str) and value.strip().isdigit() else _Bad("a whole number", "write digits: 4")
    if isinstance(default, tuple):
        items = value if isinstance(value, list) else [value]
        return tuple(items) if all(isinstance(i, str) for i in items) else _Bad("a list of words")
    return value if isinstance(value, str) else _Bad("a single word or phrase", "write it after the colon, without brackets")


@dataclass(frozen=True)
class StyleConfig:
    """The style's choices; ``from_dict`` reads them from plain data."""

    style: str = "chicago"  # or "gost": GOST R 7.0.5-2008
    page_prefix: bool = False  # "p. 5", "pp. 5–7" in locators and page ranges (GOST always has "С. 5")
    ibid: bool = False  # "Ibid." for the same work as the citation just before it in the same note
    note_name_order: str = "given-family"  # or "family-given"
    bib_name_order: str = "first-inverted"  # or "all-inverted"
    use_prefix: bool = False  # True: "van Beethoven, Ludwig"; False: "Beethoven, Ludwig van"
    title_case: bool = False  # headline-style capitals for titles in the languages below
    title_case_languages: tuple[str, ...] = ("english", "american", "british", "en")
    default_language: str = "english"  # language of works without langid/language
    american_punctuation: bool = True  # commas and periods inside closing quotation marks
    open_quote: str = "“"
    close_quote: str = "”"
    serial_comma: bool = True
    and_word: str = "and"
    et_al: str = "et al."
    et_al_min_note: int = 4  # this many names or more: the first ones, then "et al."
    et_al_use_note: int = 1
    et_al_min_bib: int = 11
    et_al_use_bib: int = 7
    editor: str = "ed."
    editors: str = "eds."
    compiler: str = "comp."
    compilers: str = "comps."
    translator: str = "trans."
    edited_by: str = "edited by"
    compiled_by: str = "compiled by"
    translated_by: str = "translated by"
    edition: str = "ed."
    volume: str = "vol."
    volumes: str = "vols."
    number: str = "no."
    in_word: str = "in"
    of_word: str = "of"
    page: str = "p."
    pages: str = "pp."
    ibid_word: str = "Ibid."
    series_in_notes: bool = False
    volume_in_short_note: bool = False  # "Lenin, Collected Works, 35:232" when True
    cyrillic_first: bool | None = None  # works in Cyrillic before the others in the list (GOST's default)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> StyleConfig:
        """Defaults overridden by ``data``; an unknown key or style is a ``ValueError`` with a hint."""
        config, problems = cls.read(data)
        if problems:
            _key, _on_key, message, hint = problems[0]
            raise ValueError(message + (f" ({hint})" if hint else ""))
        return config

    @classmethod
    def read(cls, data: Mapping[str, Any] | None) -> tuple[StyleConfig, list[StyleProblem]]:
        """The choices of ``data`` (YAML's plain data: every scalar a string) converted to each
        option's type, and a problem for each key or value that cannot be used (left at its default)."""
        known = {f.name: f for f in dataclasses.fields(cls)}
        values: dict[str, Any] = {}
        problems: list[StyleProblem] = []
        for key, value in (data or {}).items():
            name = str(key).replace("-", "_")
            if name not in known:
                hint = did_you_mean(name, known) or "the options are listed in docs/source-format.md under 'citation_style'"
                problems.append((str(key), True, f"unknown citation_style option '{key}'", hint))
                continue
            converted = _convert(value, known[name].default)
            if isinstance(converted, _Bad):
                problems.append((str(key), False, f"citation_style: '{key}' must be {converted.want}, not {value!r}", converted.hint))
            else:
                values[name] = converted
        if values.get("style", "chicago") not in STYLE_NAMES:
            problems.append(("style", False, f"unknown bibliography style '{values.pop('style')}'", "styles: " + ", ".join(STYLE_NAMES)))
        return cls(**values), problems

    @property
    def sorts_cyrillic_first(self) -> bool:
        return self.style == "gost" if self.cyrillic_first is None else self.cyrillic_first
