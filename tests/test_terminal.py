"""What ``edition build`` says while it works, and Ctrl-C.

Progress is read from LuaLaTeX's output in pieces cut anywhere (a unit test with a recorded
run's text); on a terminal one status line is rewritten, elsewhere a line per stage and pass.
Ctrl-C (SIGINT to the build's process group, as a terminal sends it) during LuaLaTeX ends the
command with exit 130, no traceback, and the last good PDF untouched.
"""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import require_latex

from edition.cli.progress import Progress

RUN = ("Latexmk: applying rule 'lualatex'...\nThis is LuaHBTeX, Version 1.17.0 (TeX Live 2023)\n restricted system commands enabled.\n"
       "(./reader.tex (./edition.sty) [1{/var/lib/fonts/pdftex.map}] [2] [3]\n[4] [5]) \n"
       "This is LuaHBTeX, Version 1.17.0 (TeX Live 2023)\n(./reader.tex [1] [2] [3] [4] [5] [6] [7]\n[8] )\n")


def _lualatex_in_group(group: int) -> bool:
    """Whether a LuaLaTeX process of the process group ``group`` is running (read from /proc: the
    interrupt is sent while TeX itself works, not when its log happens to change)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process has ended meanwhile
            continue
        name, rest = text[text.index("(") + 1:text.rindex(")")], text[text.rindex(")") + 2:].split()
        if name.startswith(("lualatex", "luahbtex", "luatex")) and int(rest[2]) == group:
            return True
    return False


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("size", [1, 3, 7, 40])
def test_passes_and_pages_are_read_from_pieces_cut_anywhere(size: int) -> None:
    out = Tty()
    progress = Progress(out)
    seen = []
    for i in range(0, len(RUN), size):
        progress.latex(RUN[i:i + size])
        seen.append((progress.passes, progress.page))
    progress.done()
    assert progress.passes == 2 and progress.page == 8
    assert (1, 5) in seen and (2, 8) in seen
    text = out.getvalue()
    assert "\r" in text and "LuaLaTeX pass 1 of 2, page 5" in text and "LuaLaTeX pass 2 of 2, page 8" in text
    assert text.endswith("\n")


def test_off_a_terminal_one_line_per_stage_and_pass() -> None:
    out = io.StringIO()
    progress = Progress(out)
    progress.step("rendering LaTeX")
    for i in range(0, len(RUN), 5):
        progress.latex(RUN[i:i + 5])
    progress.done()
    lines = out.getvalue().splitlines()
    assert [line.split("] ", 1)[1] for line in lines] == [
        "rendering LaTeX", "typesetting: LuaLaTeX pass 1 of 2", "typesetting: LuaLaTeX pass 2 of 2"]
    assert all(line.startswith("edition: [0:0") for line in lines)
    assert "\r" not in out.getvalue()


def test_a_third_pass_is_not_counted_as_one_of_two() -> None:
    out = io.StringIO()
    progress = Progress(out)
    progress.latex(RUN + "This is LuaHBTeX, Version 1.17.0 (TeX Live 2023)\n")
    assert out.getvalue().splitlines()[-1].split("] ", 1)[1] == "typesetting: LuaLaTeX pass 3"


@pytest.mark.latex
def test_ctrl_c_during_lualatex_exits_130_and_keeps_the_last_good_pdf(tmp_path: Path) -> None:
    require_latex()
    assert subprocess.run([sys.executable, "-m", "edition", "init", "r"], cwd=tmp_path, check=False).returncode == 0
    reader = tmp_path / "r"
    first = subprocess.run([sys.executable, "-m", "edition", "build"], cwd=reader, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    pdf = reader / "build" / "reader.pdf"
    good = pdf.read_bytes()
    letter = next((reader / "sources").rglob("*.md"))
    source = letter.read_bytes()
    letter.write_bytes(source.replace(b"without haste.", b"without any haste."))
    changed = letter.read_bytes()
    proc = subprocess.Popen([sys.executable, "-m", "edition", "build"], cwd=reader, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None and not _lualatex_in_group(proc.pid):
        time.sleep(0.02)
    assert proc.poll() is None, "the build ended before LuaLaTeX could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole foreground group
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err, err
    assert re.search(r"interrupted; the last good (PDF|outputs) and the sources are unchanged", err), err
    assert pdf.read_bytes() == good
    assert letter.read_bytes() == changed
    assert not [p for p in (reader / "build").iterdir() if p.name.startswith(".staging") or p.name.startswith("staging")]
    again = subprocess.run([sys.executable, "-m", "edition", "build"], cwd=reader, capture_output=True, text=True, check=False)
    assert again.returncode == 0, again.stderr
