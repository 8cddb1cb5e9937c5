"""The one way HTML is made from Python: elements whose text and attribute values
are escaped by markupsafe, the same escaping Jinja's autoescape uses in the templates.

Nothing else in ``edition.html`` writes a ``<`` of its own: tag and attribute names are
our constants, every value is escaped here.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

# Bidirectional controls (embeddings, overrides, isolates): a source's U+202E would
# turn the text after it around on the page. They are shown as code points instead.
_BIDI = {c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)}
_CONTROL = {c: None for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0))}
_TABLE = {**_BIDI, **_CONTROL}

Content = "str | Markup | Iterable[str | Markup]"


def text(value: str) -> Markup:
    """Source text as HTML: escaped, control characters dropped, bidi controls visible."""
    return escape(value.translate(_TABLE))


def join(parts: Iterable[str | Markup], sep: str = "") -> Markup:
    return Markup(escape(sep)).join(p if isinstance(p, Markup) else text(p) for p in parts)


def el(name: str, content: str | Markup | Iterable[str | Markup] = "", /, **attrs: str | None) -> Markup:
    """``<name attrs>content</name>``; ``class_`` gives ``class``, ``aria_label`` gives ``aria-label``.
    ``name`` and the attribute names are our constants; content and values are escaped here."""
    body = content if isinstance(content, (str, Markup)) else join(content)
    inner = body if isinstance(body, Markup) else text(body)
    return Markup(f"<{name}{attributes(attrs)}>{inner}</{name}>")


def void(name: str, /, **attrs: str | None) -> Markup:
    return Markup(f"<{name}{attributes(attrs)}>")


def attributes(attrs: dict[str, str | None]) -> str:
    return "".join(f' {_NAMES.get(k) or _name(k)}="{text(str(v))}"' for k, v in attrs.items() if v is not None)


_NAMES: dict[str, str] = {}


def _name(key: str) -> str:
    _NAMES[key] = key.rstrip("_").replace("_", "-")
    return _NAMES[key]


def slug(key: str) -> str:
    """A source's key (a note's, a line label's) as part of an element id: letters, digits, '-'
    and '.' kept, anything else as '_' and its code point, so that distinct keys stay distinct."""
    return "".join(c if c.isascii() and (c.isalnum() or c in "-.") else f"_{ord(c):x}" for c in key)
