"""The bibliography style's rich text as LaTeX: pybtex's LaTeX backend, escaping once at the leaves."""

from __future__ import annotations

from pybtex.backends.latex import Backend as LatexBackend
from pybtex.richtext import BaseText

from edition.latex.escape import Latex, escape_href, escape_text, escape_url


class EditionLatexBackend(LatexBackend):
    """pybtex's LaTeX backend with every plain string escaped by ``edition.texescape``."""

    tags = {"em": "emph", "strong": "textbf", "i": "textit", "b": "textbf", "tt": "texttt",
            "sup": "textsuperscript", "sub": "textsubscript"}

    def format_str(self, str_: str) -> str:
        return escape_text(str_)  # a no-break space becomes a tie there

    def format_protected(self, text: str) -> str:
        return text  # case changes are done by now: braces would only hinder kerning

    def format_tag(self, tag_name: str, text: str) -> str:
        command = self.tags.get(tag_name)
        return (rf"\{command}{{{text}}}" if command else text) if text else ""

    def format_href(self, url: str, text: str, external: bool = False) -> str:
        if text == self.format_str(url):
            return escape_url(url)
        return escape_href(url, Latex(text)) if text else ""


def to_latex(rich: BaseText | str) -> Latex:
    """Rich text from the style as LaTeX; plain strings are escaped exactly once, at the leaves."""
    if isinstance(rich, str):
        return escape_text(rich)
    return Latex(rich.render(EditionLatexBackend()))

