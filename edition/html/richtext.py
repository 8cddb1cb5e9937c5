"""The bibliography style's format-neutral rich text (pybtex's) as HTML, escaped at the leaves."""

from __future__ import annotations

from markupsafe import Markup
from pybtex.richtext import BaseMultipartText, BaseText, HRef, String, Symbol, Tag

from edition.html.markup import el, join, text

_TAGS = {"em": "em", "i": "i", "strong": "strong", "b": "b", "tt": "code", "sup": "sup", "sub": "sub"}
_SYMBOLS = {"nbsp": "\u00a0", "ndash": "\u2013", "newblock": " "}
SAFE_SCHEMES = ("http://", "https://")


def safe_url(url: str) -> bool:
    """Only web addresses become links; ``javascript:`` and the like print as text."""
    return url.strip().lower().startswith(SAFE_SCHEMES)


def to_html(rich: BaseText | str) -> Markup:
    if isinstance(rich, str):
        return text(rich)
    if isinstance(rich, String):
        return text(rich.value)
    if isinstance(rich, Symbol):
        return text(_SYMBOLS.get(rich.name, ""))
    if isinstance(rich, HRef):
        inner = join(to_html(p) for p in rich.parts)
        return el("a", inner, href=rich.url) if safe_url(rich.url) else inner
    if isinstance(rich, Tag):
        inner = join(to_html(p) for p in rich.parts)
        name = _TAGS.get(rich.name)
        return el(name, inner) if name and inner else inner
    if isinstance(rich, BaseMultipartText):
        return join(to_html(p) for p in rich.parts)
    return text(str(rich))
