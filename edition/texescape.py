"""Escaping of source text into LaTeX, one named function per context.

This is the only place where text from sources becomes LaTeX. Everything a
renderer emits is either produced here or built by our own renderer from our
own macro names, and is marked as LaTeX with pylatex's ``NoEscape``.
"""

from __future__ import annotations

import re
import unicodedata

from pylatex.utils import NoEscape as Latex  # a string already in LaTeX: templates leave it alone
from pylatex.utils import escape_latex

_SPACE_RUN = re.compile(r"\s+")
# Characters that would be invisible or harmful in the output: C0/C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


_OPEN_QUOTE = re.compile(r'(^|[\s(\[{\u2014\u2013/-])"')
_OPEN_SINGLE = re.compile(r"(^|[\s(\[{\u2014\u2013/-])'")


def smart_quotes(text: str, before: str = " ") -> str:
    """Typewriter quotes as typographic ones: "a" -> “a”, it's -> it’s.

    ``before`` is the character printed just before ``text`` (the end of the
    previous piece of rich text), so that ``{p:lenin|Lenin}'s`` closes.
    """
    text = before[-1:] + text
    text = _OPEN_QUOTE.sub("\\1\u201c", text).replace('"', "\u201d")
    return _OPEN_SINGLE.sub("\\1\u2018", text).replace("'", "\u2019")[1:]


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text)
    return _SPACE_RUN.sub(" ", text)


def escape_text(text: str, before: str = " ") -> Latex:
    """Running text: every TeX special, brackets and ``--`` printed literally.

    Typewriter quotes become typographic ones (see ``smart_quotes``).
    """
    pieces = smart_quotes(_clean(text), before or " ").split("`")  # a backtick would form TeX ligatures (!` is ¡)
    return Latex(r"\textasciigrave{}".join(escape_latex(p) for p in pieces))


_LABEL_SAFE = re.compile(r"[^A-Za-z0-9.:/-]")


def escape_label(text: str) -> Latex:
    """A ``\\label`` or ``\\ref`` name: anything outside a safe set hex-encoded."""
    return Latex(_LABEL_SAFE.sub(lambda m: f"+{ord(m.group()):x}+", text))


def escape_url(url: str) -> Latex:
    """A URL for ``\\url``/``\\href``: the characters that break hyperref escaped."""
    return Latex(re.sub(r"([%#\\{}~^])", lambda m: rf"\{m.group()}" if m.group() in "%#{}" else f"%{ord(m.group()):02X}", _clean(url)))

