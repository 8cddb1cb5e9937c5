"""Which characters the fonts of the reader can print, asked of fontconfig.

``latex/edition-fonts.sty`` sets the text in Linux Libertine and lets DejaVu Serif, DejaVu
Sans and Junicode fill in what Libertine lacks (luaotfload's fallback). A character none of
them has prints as nothing. ``coverage()`` gives the characters of the installed fonts of
that list (``fc-list``, ``fc-query``), remembered in the cache folder by font file, size and
time; None when fontconfig cannot be asked (then nothing is checked).
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
from pathlib import Path

from edition.sources.cachedir import cache_home

# The families of latex/edition-fonts.sty, in the order it uses them (tests/test_fonts.py holds the two together).
FAMILIES = ("Linux Libertine O", "DejaVu Serif", "DejaVu Sans", "Junicode Two Beta", "Junicode")
_TIMEOUT = 10  # seconds for one fontconfig call
_UPRIGHT = {"Regular", "Book", "Roman", "Normal"}


def _ask(args: list[str]) -> str:
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=_TIMEOUT, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


def font_files() -> dict[str, str]:
    """The file of each family's upright face that is installed: family -> path (one fc-list)."""
    faces: dict[str, list[tuple[int, str]]] = {}
    for line in _ask(["fc-list", "-f", "%{family}|%{style}|%{file}\n"]).split("\n"):
        names, _, rest = line.partition("|")
        style, _, path = rest.partition("|")
        for family in names.split(","):
            if family in FAMILIES and path:
                styles = style.split(",")
                rank = 0 if styles[0] in _UPRIGHT else 1 if _UPRIGHT & set(styles) else 2
                faces.setdefault(family, []).append((rank, path))
    return {family: sorted(faces[family])[0][1] for family in FAMILIES if family in faces}


def parse_charset(text: str) -> set[int]:
    """fontconfig's charset ('20-7e a0-17f 2e0c') as code points."""
    out: set[int] = set()
    for item in text.split():
        lo, _, hi = item.partition("-")
        try:
            out.update(range(int(lo, 16), int(hi or lo, 16) + 1))
        except ValueError:
            continue
    return out


@functools.lru_cache(maxsize=1)
def coverage() -> frozenset[int] | None:
    if shutil.which("fc-list") is None or shutil.which("fc-query") is None:
        return None
    files = font_files()
    if not files:
        return None
    cache_file = (cache_home() or Path("/nonexistent")) / "edition" / "font-coverage.json"
    try:
        cached = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cached = {}
    covered: set[int] = set()
    changed = False
    for path in files.values():
        try:
            st = os.stat(path)
        except OSError:
            continue
        stamp = f"{path}|{st.st_size}|{st.st_mtime_ns}"
        charset = cached.get(stamp) if isinstance(cached, dict) else None
        if not isinstance(charset, str):
            charset = _ask(["fc-query", "-f", "%{charset}\n", path])
            cached[stamp] = charset
            changed = True
        covered |= parse_charset(charset)
    if changed and cache_home() is not None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            temp = cache_file.with_suffix(f".{os.getpid()}.tmp")
            temp.write_text(json.dumps(cached), encoding="utf-8")
            os.replace(temp, cache_file)
        except OSError:
            pass
    return frozenset(covered) if covered else None


@functools.lru_cache(maxsize=1)
def _files() -> tuple[str, ...]:
    return tuple(font_files())


def installed_families() -> list[str]:
    return list(_files())
