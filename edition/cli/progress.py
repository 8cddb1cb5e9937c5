"""What ``edition build`` says while it works.

On a terminal one status line is rewritten in place: the stage, and while LuaLaTeX
runs its pass ("pass 1 of 2") and the page it is setting, read from its output as it
comes, with the time since the build began. Elsewhere (a log, a pipe, a CI job) each
stage and each LuaLaTeX pass is one line of its own, with the elapsed time.
"""

from __future__ import annotations

import re
import sys
import time
from typing import TextIO

# Each run of LuaLaTeX opens with its banner; TeX writes "[N" when it begins to ship page N out.
_PASS = re.compile(r"This is Lua(?:HB)?TeX, Version")
_PAGE = re.compile(r"\[(\d+)(?=[\s\]{<])")


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}:{secs:02d}"


class Progress:
    """Stages and LuaLaTeX's passes and pages, for a terminal or as lines."""

    def __init__(self, stream: TextIO | None = None, live: bool | None = None, expected_passes: int = 2) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self.start = time.monotonic()
        self.expected = expected_passes
        self.stage = ""
        self.passes = 0
        self.page = 0
        self._tail = ""  # the end of the last chunk, where a "[12" may have been cut
        self._shown = 0  # width of the status line on the terminal

    def elapsed(self) -> str:
        return _clock(time.monotonic() - self.start)

    def step(self, text: str) -> None:
        """A new stage of the build."""
        self.stage = text
        self._say(text, line=True)

    def latex(self, chunk: str) -> None:
        """Output of latexmk and LuaLaTeX as it comes (any piece of it, cut anywhere)."""
        text = self._tail + chunk
        start = 0
        for m in _PASS.finditer(text):
            self.passes += 1
            self.page = 0
            start = m.end()  # a banner is counted once: the text kept for the next piece begins after it
            self._say(self._pass_text(), line=not self.live)
        pages = [int(n) for n in _PAGE.findall(text, start)]
        if pages and self.live and pages[-1] != self.page:
            self.page = pages[-1]
            self._say(f"{self._pass_text()}, page {self.page}")
        self._tail = text[max(len(text) - 40, start):]

    def _pass_text(self) -> str:
        of = f" of {self.expected}" if self.passes <= self.expected else ""
        return f"typesetting: LuaLaTeX pass {self.passes}{of}"

    def done(self) -> None:
        """End the status line before the closing messages."""
        if self.live and self._shown:
            print(file=self.stream, flush=True)
            self._shown = 0

    def _say(self, text: str, line: bool = False) -> None:
        """A line of its own (a stage), or on a terminal the status line rewritten in place."""
        shown = f"edition: [{self.elapsed()}] {text}"
        if not self.live:
            print(shown, file=self.stream, flush=True)
        elif line:
            self.done()
            print(shown, file=self.stream, flush=True)
        else:
            pad = " " * max(self._shown - len(shown), 0)
            print(f"\r{shown}{pad}", end="", file=self.stream, flush=True)
            self._shown = len(shown)
