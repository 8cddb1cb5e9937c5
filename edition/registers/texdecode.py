"""The LaTeX of a .bib field decoded into Unicode by latexcodec, never failing on input.

latexcodec raises on what it cannot tokenise (a lone backslash at the end of a field,
``\\directlua{...}`` in a name); such a field keeps its text as written, which the
bibliography then reports or prints literally, instead of stopping every command.
"""

from __future__ import annotations

import codecs

import latexcodec  # noqa: F401  (registers the "ulatex" codec)


def ulatex(text: str) -> str:
    try:
        return str(codecs.decode(text, "ulatex"))  # type: ignore[call-overload]
    except (UnicodeDecodeError, ValueError):
        return text
