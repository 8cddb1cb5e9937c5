"""The languages a source names are language codes: a document's ``language``, the language its
text is translated ``from``, its original's, and the ``{foreign:CODE|...}`` spans of its text.

A code is what the outputs need as it stands: the HTML edition's ``lang``, TEI's ``xml:lang`` and
the LaTeX renderer's choice of hyphenation all read it. A language written as a word
("russian", "Russian", "русский") is an error with the code to write instead."""

from __future__ import annotations

import re

from edition.model.corpus import Document, walk_spans
from edition.model.diagnostics import Diagnostic, Pos, error
from edition.model.languages import code_for

CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")  # ISO 639-1 or -2, with BCP 47 subtags: ru, de, sr-Latn
EXAMPLES = "ISO 639-1: ru Russian, en English, de German, fr French, uk Ukrainian, ka Georgian"


def language_problem(value: str, pos: Pos, what: str) -> Diagnostic | None:
    """An error when ``value`` is not a language code, with the code it most likely means."""
    if CODE.match(value):
        return None
    word = value.strip().casefold()
    code = code_for(word) or (word if CODE.match(word) else None)
    hint = f"write the language's code: {code}" if code else EXAMPLES
    return error(pos, f"{what} '{value}' is not a language code", hint)


def check_languages(doc: Document) -> list[Diagnostic]:
    """Every language code the document names, in the order of its file."""
    found: list[Diagnostic | None] = []
    if doc.language:
        found.append(language_problem(doc.language, doc.field_pos.get("language", doc.pos), "the language"))
    if doc.translation is not None and doc.translation.language:
        at = doc.field_pos.get("translation.from", doc.field_pos.get("translation", doc.pos))
        found.append(language_problem(doc.translation.language, at, "the language translated from"))
    found += [language_problem(s.args[0], s.pos, "the language of {foreign}")
              for s in walk_spans(doc.all_blocks()) if s.kind == "foreign" and s.args and s.args[0]]
    return [d for d in found if d is not None]
