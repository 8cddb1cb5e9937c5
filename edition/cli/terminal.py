"""What reaches the terminal: source text made visible, in any encoding the terminal has.

A source can hold characters that a terminal would obey rather than show: an escape
sequence that clears the screen or retitles the window, a carriage return that hides
what came before it, bidirectional controls that reorder a line (the "Trojan source"
trick). Every message that carries text from a project (a path, an id, a quoted
word) goes through ``visible``, which writes them as ``\\x1b``, ``\\u202e``... A file
name that is not UTF-8 shows its bytes (``\\xff``). ``setup`` makes the standard
streams write what their encoding lacks as escapes instead of failing, so an
ASCII-only terminal (``LANG=C``) gets a readable message, never a traceback.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
from typing import TextIO

from edition.model.diagnostics import Diagnostic, Pos

# C0 controls but newline (tab too: it can hide columns), DEL, C1 controls, the line and
# paragraph separators, bidirectional embeddings, overrides and isolates, lone surrogates, and the
# invisible ones that make two ids look alike (zero-width spaces and joiners, word joiner, soft hyphen, BOM).
_HIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\xad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069"
                     "\ufeff\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every character that a terminal would act on written as an escape."""
    return _HIDDEN.sub(_escape, text) if _HIDDEN.search(text) else text


def say(text: str, file: TextIO | None = None) -> None:
    """Print a line (or lines) on the terminal, standard error by default, every control made visible
    but the newlines: the one way the commands write text that may hold a source's."""
    print("\n".join(visible(line) for line in text.split("\n")), file=file or sys.stderr)


def shown(d: Diagnostic) -> str:
    """A diagnostic as printed: its path, message and hint made visible (a newline in them too)."""
    pos = Pos(visible(d.pos.path).replace("\n", "\\n"), d.pos.line, d.pos.column)
    return str(dataclasses.replace(d, pos=pos, message=visible(d.message).replace("\n", "\\n"), hint=visible(d.hint)))


def setup() -> None:
    """Standard output and error write what their encoding cannot as backslash escapes."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or unusual stream: leave it
                pass


def quiet_broken_pipe() -> None:
    """Standard output pointed at nothing, so that Python's last flush of it raises no second
    BrokenPipeError at exit (the reader of a pipe went away: not an error of edition's)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no file descriptor (a test's stream)
        pass
