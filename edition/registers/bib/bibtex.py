"""The works cited as a .bib file that plain BibTeX styles and biblatex both read.

Each work is written whole, with what it inherits by ``crossref`` and ``xdata``
filled in, so that neither program needs its parents. Fields are written under
both programs' names where they differ (``location`` and ``address``,
``journaltitle`` and ``journal``, ``institution`` and ``school``, ``date`` and
``year``/``month``), biblatex's entry types under BibTeX's names where BibTeX
has one (``@thesis`` with ``type = {phdthesis}`` is ``@phdthesis``). Values are
UTF-8 LaTeX: specials escaped, protected parts braced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pybtex.richtext import BaseText, Protected, String, Tag

from edition.registers.bib.dates import MONTHS
from edition.registers.bib.load import VERBATIM
from edition.registers.bib.model import Bibliography, Name, Work

_BIB_SPECIAL = re.compile(r"[\\{}&%$#_^~\xa0\u202f\t\n\r]|[\x00-\x1f\x7f-\x9f]")
# Braces as commands: BibTeX counts every brace, escaped or not, so "\}" would end the value.
_BIB_ESCAPE = {"\\": r"\textbackslash{}", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}", "\xa0": "~",
               "\u202f": r"\,", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "\t": " ", "\n": " ", "\r": " "}
_LIGATURE = re.compile(r"(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')|(?<=,)(?=,)|(?<=[!?])(?=`)")
_TAGS = {"em": r"\emph{", "strong": r"\textbf{", "sup": r"\textsuperscript{", "sub": r"\textsubscript{"}


def text_to_latex(text: BaseText | str) -> str:
    """Rich text as a BibTeX field value: Unicode kept, specials escaped, protected parts braced."""
    if isinstance(text, (str, String)):
        escaped = _BIB_SPECIAL.sub(lambda m: _BIB_ESCAPE.get(m[0], "\\" + m[0] if m[0] in "&%$#_" else ""), str(text))
        return _LIGATURE.sub("{}", escaped)  # "--" would come back as an en dash
    inner = "".join(text_to_latex(p) for p in getattr(text, "parts", []))
    if isinstance(text, Tag):
        return _TAGS.get(text.name, "{") + inner + "}"
    return "{" + inner + "}" if isinstance(text, Protected) else inner


def verbatim_value(value: str) -> str:
    """A URL or DOI as a braced value: braces percent-encoded unless they balance."""
    depth = 0
    for c in value:
        depth += {"{": 1, "}": -1}.get(c, 0)
        if depth < 0:
            break
    return value if depth == 0 else value.replace("{", "%7B").replace("}", "%7D")


def name_to_latex(name: Name) -> str:
    """A name the BibTeX way: "von Last, Jr, First"; a body braced whole."""
    family = text_to_latex(name.family)
    if name.corporate:
        return "{" + family + "}"
    family = "{" + family + "}" if " " in family else family
    last = f"{text_to_latex(name.particle)} {family}" if name.particle else family
    parts = [last, text_to_latex(name.suffix), text_to_latex(name.given)] if name.suffix else \
        [last, text_to_latex(name.given)]
    return ", ".join(p for p in parts if p) if name.given or name.suffix else last


def bibtex_type(work: Work) -> tuple[str, str]:
    """The entry type to write, and the ``type`` field to keep ("" to drop it)."""
    kind = work.text("type")
    if work.type == "thesis" and kind.casefold() in ("phdthesis", "mathesis", "mastersthesis"):
        return ("phdthesis" if kind.casefold() == "phdthesis" else "mastersthesis"), ""
    if work.type == "report" and kind.casefold() == "techreport":
        return "techreport", ""
    return work.type, kind


_BOTH = {"location": "address", "journaltitle": "journal"}
_SKIP = {"crossref", "xdata"}


def entry_fields(work: Work) -> list[tuple[str, str]]:
    """(field, value) in the order written; ``month`` a BibTeX macro (no braces)."""
    entry_type, kind = bibtex_type(work)
    out: list[tuple[str, str]] = []
    for role, people in work.names.items():
        out.append((role, " and ".join(name_to_latex(n) for n in people)))
    for name, value in work.fields.items():
        if name in _SKIP or name == "type" or name == "month" or (name == "year" and work.date.start):
            continue
        latex = verbatim_value(str(value)) if name in VERBATIM else text_to_latex(value)
        out.append((name, latex.replace("–", "--") if name == "pages" else latex))
        if name in _BOTH and _BOTH[name] not in work.fields:
            out.append((_BOTH[name], out[-1][1]))
        if name == "institution" and entry_type.endswith("thesis"):
            out.append(("school", out[-1][1]))
        if name == "title" and "title" in work.sortable and "sorttitle" not in work.fields:
            out.append(("sorttitle", text_to_latex(work.sortable["title"])))
    if kind:
        out.append(("type", text_to_latex(work.fields["type"])))
    return out + _date_fields(work)


def _date_fields(work: Work) -> list[tuple[str, str]]:
    """``year`` and ``month`` for BibTeX, ``date`` for biblatex, from whichever the work has."""
    out: list[tuple[str, str]] = []
    start = work.date.start
    if start is not None:
        out.append(("year", work.date.year.replace("–", "--")))
        if start.month:
            out.append(("month", MONTHS[start.month - 1][:3]))
        if "date" not in work.fields:
            out.append(("date", work.date.iso()))
    elif "month" in work.fields:
        out.append(("month", "{" + text_to_latex(work.fields["month"]) + "}"))
    return out


def entry_to_bibtex(key: str, work: Work) -> str:
    entry_type, _ = bibtex_type(work)
    lines = [f"@{entry_type}{{{key},"]
    for name, value in entry_fields(work):
        lines.append(f"  {name} = {value}," if name == "month" and not value.startswith("{") else
                     f"  {name} = {{{value}}},")
    return "\n".join(lines) + "\n}\n"


def export_bibtex(bib: Bibliography, keys: Iterable[str]) -> str:
    """The works (each with what it inherits) as a UTF-8 .bib file; a ``@set`` is followed by its members."""
    wanted = [k for k in dict.fromkeys(keys) if k in bib and bib[k].type != "xdata"]  # xdata: resolved into each
    wanted += [m for k in wanted if bib[k].type == "set" for m in bib.members(k) if m not in wanted]
    return "\n".join(entry_to_bibtex(k, bib.resolved(k)) for k in dict.fromkeys(wanted))
