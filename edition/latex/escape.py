"""Escaping of source text into LaTeX, one named function per context.

This is the only place where text from sources becomes LaTeX. Everything a
renderer emits is either produced here or built by our own renderer from our
own macro names, and is marked as LaTeX with ``Latex``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import overload

from pylatex.utils import escape_latex


class Latex(str):
    """A string that is already LaTeX: the templates leave it alone (as pylatex's ``NoEscape``).

    ``Latex + Latex`` is ``Latex``; ``Latex + str`` is a plain ``str``, which the
    templates would escape: source text cannot pass for LaTeX by concatenation.
    """

    __slots__ = ()

    @overload
    def __add__(self, right: Latex) -> Latex: ...
    @overload
    def __add__(self, right: str) -> str: ...
    def __add__(self, right: str) -> str:
        joined = str.__add__(self, right)
        return Latex(joined) if isinstance(right, Latex) else joined

    def __repr__(self) -> str:
        return f"Latex({str.__repr__(self)})"

# TeX would read a control character as an error and a blank line as the end of a
# paragraph (fatal inside a macro's argument): both are taken out here. The
# no-break spaces are not white space to fold: each becomes what TeX needs.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACE_RUN = re.compile(r"[^\S\u00a0\u2007\u202f]+")
_UNSAFE_SPACE = re.compile(r"[^\S \u00a0\u2007\u202f]|  |[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NO_BREAK = {"\u00a0": "~", "\u2007": "~", "\u202f": r"\,", "\u2060": r"\nobreak{}"}

# pylatex's escaping as a translation table, made once by asking escape_latex
# about each character up to U+00FF (all it escapes lie there): str.translate
# then does the same work in C, which matters for a corpus of a thousand
# documents. tests/test_escape.py checks that the two agree on every character.
_TABLE = str.maketrans({c: e for c in map(chr, range(0x100)) if (e := escape_latex(c)) != c} | _NO_BREAK)


def escape_text(text: str) -> Latex:
    """Running text: every TeX special and bracket printed literally, nothing else changed.

    The text comes typeset (``edition.passes.typography``: quotes, ellipsis);
    here control characters are dropped and runs of white space become one space,
    so that nothing can end a paragraph inside a macro's argument; a no-break
    space becomes a tie (``~``), a narrow one a thin space (``\\,``). A backtick is
    written as a command: it would form TeX ligatures (``!`` followed by it is ¡).
    """
    if _UNSAFE_SPACE.search(text):
        text = _SPACE_RUN.sub(" ", _CONTROL.sub("", text))
    pieces = text.split("`")
    return Latex(r"\textasciigrave{}".join(p.translate(_TABLE) for p in pieces))


_LABEL_SAFE = re.compile(r"[^A-Za-z0-9.:/-]")


def escape_label(text: str) -> Latex:
    """A ``\\label`` or ``\\ref`` name: anything outside a safe set hex-encoded."""
    return Latex(_LABEL_SAFE.sub(lambda m: f"+{ord(m.group()):x}+", text))


# What a URI (RFC 3986) may hold as it is; everything else is percent-encoded as UTF-8.
_URI_CHAR = re.compile(r"[A-Za-z0-9\-._~:/?\[\]@!$&'()*+,;=]")
_URL_PIECE = re.compile(r"%[0-9A-Fa-f]{2}|.", re.S)
_URL_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_URL_SPACE = re.compile(r"[\t\n\r]|(?![\x00-\x1f\x7f-\x9f])\s")


def url_shown(url: str) -> str:
    """A URL as it is printed: control characters dropped, spaces written ``%20``."""
    spaced = _URL_SPACE.sub("%20", unicodedata.normalize("NFC", url).strip())
    return _URL_CONTROL.sub("", spaced)


def url_target(url: str) -> str:
    """A URL as a link's target: a URI with every character outside RFC 3986's set
    percent-encoded (``%`` itself when no two hexadecimal digits follow, and a second ``#``)."""
    out: list[str] = []
    fragment = False
    for m in _URL_PIECE.finditer(url_shown(url)):
        c = m.group()
        if len(c) == 3 or _URI_CHAR.match(c) or (c == "#" and not fragment):
            fragment = fragment or c == "#"
            out.append(c)
        else:
            out.append("".join(f"%{b:02X}" for b in c.encode("utf-8")))
    return "".join(out)


def _hex(text: str) -> str:
    return text.encode("utf-8").hex()


def escape_url(url: str) -> Latex:
    """A URL printed as itself and linked: ``\\edURL{target}{shown}``, both in hexadecimal
    UTF-8 (``latex/edition-url.lua`` turns them back), so no character can break the build."""
    return Latex(rf"\edURL{{{_hex(url_target(url))}}}{{{_hex(url_shown(url))}}}")


def escape_href(url: str, text: Latex) -> Latex:
    """A link on ``text`` (already LaTeX) to ``url``: ``\\edHref{target}{text}``."""
    return Latex(rf"\edHref{{{_hex(url_target(url))}}}{{{text}}}")
