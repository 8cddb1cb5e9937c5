"""Which project a command works on, and ``edition init``, which starts one.

A project is the folder that holds ``edition.yaml``. Like git with ``.git``, the
command looks for it in the current folder and then in each folder above, so
that ``edition build`` works from ``sources/letters/`` too; ``-C DIR`` (or
``--root DIR``) starts the search in DIR instead.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from edition.cli.terminal import visible
from edition.resources import STARTER_DIR

CONFIG_NAME = "edition.yaml"


def say(where: Path | str, message: str, hint: str = "") -> None:
    """A problem that concerns a folder or a file as a whole: ``path: error: message`` and its hint."""
    print(visible(f"{where}: error: {message}"), file=sys.stderr)
    if hint:
        print(visible(f"    hint: {hint}"), file=sys.stderr)


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds ``edition.yaml``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if os.path.lexists(folder / CONFIG_NAME):  # a link or a FIFO too: the reading policy reports it
            return folder
    return None


def project_root(given: str | None) -> Path | None:
    """The project of ``-C DIR`` (or of the current folder), or None, said in words."""
    start = Path(given) if given is not None else Path.cwd()
    if given is not None and not start.is_dir():
        what = "is not a folder but a file" if start.exists() else "no such folder"
        say(given, f"{what} (given with -C/--root)", "name the folder of a reader, the one that holds edition.yaml")
        return None
    found = find_root(start)
    if found is None:
        say(start.resolve(), f"no {CONFIG_NAME} in this folder or in any folder above it: this is not a reader's folder",
            "start a reader with 'edition init FOLDER', or name one with 'edition -C FOLDER COMMAND'")
    return found


def starter_files() -> list[Path]:
    """The files of the starter reader, relative to its folder."""
    return sorted(p.relative_to(STARTER_DIR) for p in STARTER_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def init(target: Path) -> int:
    """Write the starter reader into ``target`` (new or empty); 0 on success, 1 when refused."""
    if target.exists() and not target.is_dir():
        say(target, "is a file, not a folder", "give the name of a new folder: edition init myreader")
        return 1
    if target.is_dir() and any(target.iterdir()):
        held = sorted(p.name for p in target.iterdir())
        shown = ", ".join(held[:5]) + (f" and {len(held) - 5} more" if len(held) > 5 else "")
        say(target, f"the folder is not empty (it holds {shown}); 'edition init' writes only into a new or empty folder",
            "give the name of a new folder, e.g. 'edition init myreader'; nothing was written")
        return 1
    files = starter_files()
    try:
        for rel in files:
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(STARTER_DIR / rel, target / rel)
    except OSError as exc:  # a read-only place, a full disk
        say(exc.filename or target, f"could not be written: {exc.strerror or exc}", "choose a folder you may write in")
        return 1
    letter = next(str(f) for f in files if f.suffix == ".md")
    print(visible(f"edition init: wrote a small reader in {target} ({len(files)} files): edition.yaml, the registers "
                  f"in sources/, bibliography/works.bib and an example document, {letter}"), file=sys.stderr)
    print(visible(f"next: cd {target} && edition build    (build/reader.pdf; 'edition check' reports problems only)"),
          file=sys.stderr)
    return 0
