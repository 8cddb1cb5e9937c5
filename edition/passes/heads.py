"""The running head's title of a document whose heading is too long for it.

The running head prints the heading and the date when both fit beside the page number
(latex/edition-page.sty measures them); when they do not, it prints the document's
``short_title:`` (docs/source-format.md), or the one made here from the heading: its first
clause ("On the Falsification of Party History: A Letter" -> "On the Falsification of Party
History"), an author's name before a colon kept ("Singh: On the Relations between Lenin and
Stalin" -> "Singh: On the Relations between Lenin"), cut at a word if still too long, never
inside quotation marks or brackets, never after a word like "of" or "the", and never with an
ellipsis.
"""

from __future__ import annotations

import re

LIMIT = 36  # characters: what fits beside a date and the page number on A5 in small capitals
_CLAUSE = re.compile(r"\s+(?:\(|—|–|-{2}|;)\s*|(?<=[a-z]{3})[.;]\s+")
_WEAK = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "towards",
         "with", "who", "which", "that", "after", "before", "between", "about", "his", "her", "its", "their"}
_OPENING, _CLOSING = "‘“«([", "’”»)]"


def _balanced(words: list[str]) -> bool:
    text = " ".join(words)
    depth = 0
    for ch in text:
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING and not (ch == "’" and depth == 0):  # an apostrophe is no closing quote
            depth = max(0, depth - 1)
    return depth == 0


def _cut(text: str, limit: int) -> str:
    """The longest run of whole words from the start within ``limit``, balanced, not ending weakly."""
    words = text.split()
    for n in range(len(words), 0, -1):
        kept = words[:n]
        if len(" ".join(kept)) <= limit and _balanced(kept) and (n == len(words) or kept[-1].lower().strip(",") not in _WEAK):
            return " ".join(kept).rstrip(",:")
    return words[0] if words else text


def short_title(title: str, limit: int = LIMIT) -> str:
    """The heading, or a short form of it for the running head (see the module's docstring)."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    author, colon, rest = title.partition(": ")
    if colon and len(author.split()) <= 2 and rest and len(author) + 2 < limit // 2:
        return f"{author}: {short_title(rest, limit - len(author) - 2)}"
    if colon and len(author) <= limit:
        return author
    clause = _CLAUSE.split(title, maxsplit=1)[0]
    return _cut(clause if clause else title, limit)
