"""The order of the works cited, and their groups.

A work sorts by ``presort``, then by its heading: ``sortkey`` if given, else the
names of ``sortname``, the authors or the editors, else BibTeX's ``key`` field,
else the title; then by ``sorttitle`` or title, then by volume, then by year (``\\noopsort``
arguments included), then by its key. GOST lists put works in Cyrillic before
the others (``cyrillic_first``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from edition.model.collation import collator
from edition.registers.bib.model import Bibliography, Work

_IGNORED_MARKS = re.compile(r"[ʹʺʼ'’‘\"«»“”„]")
_PUNCTUATION = re.compile(r"[\s\-‐–—.,;:!?()\[\]/]+")
_ARTICLE = re.compile(r"^(the|an?)\s+", re.I)


def collation_key(s: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """UCA order, first ignoring case, transliterated soft/hard signs, apostrophes and punctuation."""
    bare = _PUNCTUATION.sub(" ", _IGNORED_MARKS.sub("", s)).strip()
    return collator().sort_key(bare.casefold()), collator().sort_key(s)


def is_cyrillic(s: str) -> bool:
    """Whether the first letter of ``s`` is Cyrillic."""
    letter = next((c for c in s if c.isalpha()), "")
    return bool(letter) and unicodedata.name(letter, "").startswith("CYRILLIC")


def heading(work: Work, use_prefix: bool = False) -> list[str]:
    """What a work sorts by first: ``sortkey``, names (family, given), ``key``, or title."""
    if work.text("sortkey"):
        return [work.sort_text("sortkey")]
    people = work.names.get("sortname") or work.names.get("author") or work.names.get("editor") or []
    out: list[str] = []
    for person in people:
        if not person.is_others:
            out += [f"{person.particle} {person.family}" if use_prefix and person.particle else person.family,
                    person.given]
    if out:
        return out
    return [work.sort_text("key")] if work.text("key") else [sort_title(work)]


def sort_title(work: Work) -> str:
    """``sorttitle``, else the title (a volume's title is that of its multi-volume work), no initial article."""
    return _ARTICLE.sub("", work.sort_text("sorttitle") or work.sort_text("title") or work.sort_text("maintitle"))


def _volume(work: Work) -> tuple[int, str]:
    """Volumes in numerical order: 2 before 10."""
    digits = re.match(r"\D*(\d+)", work.text("volume"))
    return (int(digits[1]) if digits else -1, work.text("volume"))


def sort_keys(bib: Bibliography, keys: Iterable[str], use_prefix: bool = False,
              cyrillic_first: bool = False) -> list[str]:
    """Known keys in works-cited order (see the module's docstring).

    Names sort by family name without its particle ("Beethoven, Ludwig van")
    unless ``use_prefix``; a corporate name sorts as written, by its first word.
    """

    def key_of(key: str) -> tuple[Any, ...]:
        work = bib.resolved(key)
        head = heading(work, use_prefix)
        script = (0 if is_cyrillic(head[0]) else 1,) if cyrillic_first and head else ()
        year = work.sort_text("year") or work.date.iso() or work.year
        # () closes the heading, so that "Lenin" comes before "Lenin and Zinoviev"
        return (*script, collation_key(work.text("presort")), *(collation_key(s) for s in head), (),
                collation_key(sort_title(work)), _volume(work), year, key)

    return sorted((k for k in dict.fromkeys(keys) if k in bib), key=key_of)


def grouped(bib: Bibliography, keys: Iterable[str],
            groups_config: Mapping[str, str | None] | Sequence[tuple[str, str | None]],
            use_prefix: bool = False, cyrillic_first: bool = False) -> list[tuple[str, list[str]]]:
    """Sorted keys split into (heading, keys) groups by their ``keywords`` field.

    ``groups_config`` maps each heading to a keyword, in order; a keyword of
    ``None`` takes every work. A work goes to the first group it matches; works
    that match none come last, under the heading "". Empty groups are left out.
    """
    items = list(groups_config.items()) if isinstance(groups_config, Mapping) else list(groups_config)
    buckets: dict[str, list[str]] = {heading: [] for heading, _ in [*items, ("", None)]}
    for key in sort_keys(bib, keys, use_prefix, cyrillic_first):
        words = [k.strip().casefold() for k in bib[key].text("keywords").split(",")]
        buckets[next((h for h, kw in items if kw is None or kw.casefold() in words), "")].append(key)
    return [(heading, found) for heading, found in buckets.items() if found]
