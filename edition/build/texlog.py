"""Reading what a LuaLaTeX run wrote into its log: the warnings of edition's LaTeX package.

TeX breaks log lines at ``max_print_line`` (79 characters); ``unwrapped`` joins
them again before anything is looked for.
"""

from __future__ import annotations

import re

from edition.model.diagnostics import Diagnostic, Pos, warning

MAX_PRINT_LINE = 79


def unwrapped(log: str) -> list[str]:
    """The log's lines, each line TeX broke at ``MAX_PRINT_LINE`` joined with its rest."""
    lines: list[str] = []
    carry = ""
    for line in log.splitlines():
        if len(line) == MAX_PRINT_LINE:
            carry += line
            continue
        lines.append(carry + line)
        carry = ""
    if carry:
        lines.append(carry)
    return lines


_PACKAGE_WARNING = re.compile(r"^Package edition Warning: (.*)$")
_CONTINUED = re.compile(r"^\(edition\)\s+(.*)$")
_ON_LINE = re.compile(r"\s*on input line \d+\.$")


def package_warnings(log: str) -> list[Diagnostic]:
    """Every warning the edition package (latex/edition-*.sty) wrote into the log, once each:
    an untested reledmac, a speed patch left out."""
    lines = unwrapped(log)
    found: dict[str, None] = {}
    for i, line in enumerate(lines):
        m = _PACKAGE_WARNING.match(line)
        if not m:
            continue
        parts = [m.group(1)]
        for rest in lines[i + 1:]:
            c = _CONTINUED.match(rest)
            if not c:
                break
            parts.append(c.group(1))
        found[_ON_LINE.sub("", " ".join(parts)).rstrip(".")] = None
    return [warning(Pos("build/tex/reader.log", 0, 0), f"LaTeX: {text}",
                    "the reader was built; see latex/edition-reledmac.sty") for text in found]
