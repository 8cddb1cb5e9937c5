"""Reading the project's files: the one policy for every file edition reads.

A source, a register, a ``.bib`` file, the note on the texts and ``edition.yaml`` must
each be a regular file inside the project. A symbolic link is followed only while it
stays inside the project; a FIFO, a device, a socket or a directory is refused with
its path at once, without being opened for reading (a FIFO would block, a device could
be endless). Each file has a size limit. Text is UTF-8; the characters that would
move positions, hide in a terminal or vanish from the page are reported where they
stand: control characters and noncharacters are errors, Unicode line separators
(U+2028, U+2029, U+0085), which YAML counts as line breaks but editors mostly do not,
are warnings and read as spaces, so that every later line and column stays right.
"""

from __future__ import annotations

import bisect
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from edition.model.diagnostics import Diagnostic, Pos, error, warning
from edition.sources.yamlpos import Entries, YamlError, YNode, load_yaml

MAX_FILE_BYTES = 20 * 1024 * 1024
# pybtex and latexcodec read about 100 KB of .bib a second: 5 MB (some 50,000 entries) is a minute.
MAX_BIB_BYTES = 5 * 1024 * 1024
MAX_CHARACTER_PROBLEMS = 10  # per file: then one line saying how many more


@dataclass(frozen=True)
class Refusal:
    """Why a path is not a file edition reads (a message for a diagnostic)."""

    message: str
    hint: str = ""
    own: bool = False  # about the file's content (its size), so reported at the file itself


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory, not a file"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    return "not a regular file"


def _inside(path: Path, root: Path) -> bool:
    return path == root or path.is_relative_to(root)


def check_file(path: Path, root: Path | None, what: str = "the file", limit: int = MAX_FILE_BYTES) -> tuple[Path | None, Refusal | None]:
    """The real path of ``path`` if edition may read it, else why not; nothing is opened.

    ``root`` is the project folder (None: a file given on the command line, which may be
    anywhere, but must still be a regular file)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None, Refusal(f"{what} does not exist")
    except OSError as exc:
        return None, Refusal(f"cannot read {what}: {exc.strerror}")
    link = stat.S_ISLNK(st.st_mode)
    try:
        real = Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        return None, Refusal(f"{what} is a symbolic link to a file that does not exist")
    except (OSError, RuntimeError) as exc:  # ELOOP
        if isinstance(exc, OSError) and exc.errno != 40:
            return None, Refusal(f"cannot read {what}: {exc.strerror}")
        return None, Refusal(f"{what} is a symbolic link in a loop")
    if root is not None and not _inside(real, Path(os.path.realpath(root))):
        how = "is a symbolic link to" if link else "leads through a symbolic link to"
        return None, Refusal(f"{what} {how} '{real}', outside the project",
                             "keep every file the reader uses inside the project folder; copy it in instead of linking")
    try:
        st = os.stat(real)
    except OSError as exc:
        return None, Refusal(f"cannot read {what}: {exc.strerror}")
    if not stat.S_ISREG(st.st_mode):
        return None, Refusal(f"{what} is {_kind(st.st_mode)}")
    if st.st_size > limit:
        return None, Refusal(f"file is {st.st_size // 2**20} MB, over the limit of {limit // 2**20} MB",
                             "split it into several files", own=True)
    return real, None


def read_bytes(path: Path, root: Path | None, what: str = "the file", limit: int = MAX_FILE_BYTES) -> tuple[bytes | None, Refusal | None]:
    """The bytes of a file that ``check_file`` allows. The file is opened without blocking
    and checked again once open, so a FIFO put in its place meanwhile is not waited on."""
    real, refusal = check_file(path, root, what, limit)
    if real is None:
        return None, refusal
    try:
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        return None, Refusal(f"cannot read {what}: {exc.strerror}")
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None, Refusal(f"{what} is {_kind(st.st_mode)}")
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                return None, Refusal(f"file is over the limit of {limit // 2**20} MB", "split it into several files", own=True)
        return b"".join(chunks), None
    except OSError as exc:
        return None, Refusal(f"cannot read {what}: {exc.strerror}")
    finally:
        os.close(fd)


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters) of byte ``offset`` of UTF-8 ``data``."""
    start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, len(data[start:offset].decode("utf-8", "replace")) + 1


# What a text may not hold, or should not: C0 and C1 controls (but tab and newline),
# noncharacters, a byte-order mark after the start, private-use characters, line separators,
# bidirectional embeddings, overrides and isolates (the marks U+200E/U+200F are a bidirectional text's own).
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufdd0-\ufdef\ufffe\uffff\ue000-\uf8ff\u202a-\u202e\u2066-\u2069"
                      "\U000f0000-\U0010ffff]")
_NAMES = {"\x00": "NUL", "\x07": "BEL", "\x08": "BS", "\x1b": "ESC", "\x7f": "DEL", "\x85": "NEL", "\x9b": "CSI"}


def _describe(char: str) -> tuple[bool, str, str, str]:
    """(is an error, message, hint, replacement) for a suspect character."""
    code = f"U+{ord(char):04X}"
    if char in "\u2028\u2029\x85":
        return False, f"line separator {code} in the text: edition counts lines by newlines only and reads it as a space", \
            "replace it by a newline, or by a blank line between paragraphs", " "
    if char == "\ufeff":
        return True, f"byte-order mark {code} inside the text", "delete it (it is invisible in most editors)", ""
    if "\ue000" <= char <= "\uf8ff" or char >= "\U000f0000":
        return False, f"private-use character {code}: it has no agreed meaning and may print as another glyph or a blank", \
            "replace it by the character it stands for", char
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return False, f"bidirectional control {code}: it reorders what follows in an editor or a browser, not on the page, " \
            "so the text read is not the text printed", "delete it; for a right-to-left word the marks U+200E/U+200F suffice", char
    if "\ufdd0" <= char <= "\ufdef" or char in "\ufffe\uffff":
        return True, f"noncharacter {code} in the text", "the file may be damaged; delete it", "\ufffd"
    name = _NAMES.get(char)
    return True, f"control character {code}{f' ({name})' if name else ''} in the text", \
        "delete it: it prints as nothing, or moves the terminal's cursor when shown", "\ufffd"


class _Lines:
    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def pos(self, display: str, offset: int) -> Pos:
        line = bisect.bisect_right(self.starts, offset) - 1
        return Pos(display, line + 1, offset - self.starts[line] + 1)


def decode_text(data: bytes, display: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 ``data`` as text (byte-order mark and CRLF removed, suspect characters reported
    and replaced so that parsing goes on); None after an error that leaves no text."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        return None, [error(Pos(display, line, col), f"invalid UTF-8 (byte 0x{data[exc.start]:02x})", "save the file as UTF-8")]
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _SUSPECT.search(text):
        return text, []
    if "\x00" in text:
        lines = _Lines(text)
        return None, [error(lines.pos(display, text.index("\x00")), "NUL character in a text file", "the file may be binary or damaged")]
    return _replace_suspects(text, display)


def _replace_suspects(text: str, display: str) -> tuple[str, list[Diagnostic]]:
    lines = _Lines(text)
    diags: list[Diagnostic] = []
    found = 0
    pieces: list[str] = []
    last = 0
    for m in _SUSPECT.finditer(text):
        is_error, message, hint, replacement = _describe(m.group())
        found += 1
        if found <= MAX_CHARACTER_PROBLEMS:
            diags.append((error if is_error else warning)(lines.pos(display, m.start()), message, hint))
        pieces += [text[last : m.start()], replacement]
        last = m.end()
    if found > MAX_CHARACTER_PROBLEMS:
        diags.append(warning(Pos(display, 1, 1), f"{found - MAX_CHARACTER_PROBLEMS} more such characters in this file"))
    pieces.append(text[last:])
    return "".join(pieces), diags


def refusal_at(refusal: Refusal, at: Pos, display: str) -> Diagnostic:
    """The diagnostic of a refusal: at ``at`` (where the file is named), or at the file's own
    first line when it is about what the file holds (its size)."""
    return error(Pos(display, 1, 1) if refusal.own else at, refusal.message, refusal.hint)


def read_project_text(path: Path, display: str, root: Path | None, at: Pos | None = None,
                      what: str = "the file", limit: int = MAX_FILE_BYTES) -> tuple[str | None, list[Diagnostic]]:
    """The text of a project file, with every problem as a diagnostic: a refusal of the file
    itself at ``at`` (the place that names it) or at its own first line; a problem of its
    text at the line and column where it stands."""
    data, refusal = read_bytes(path, root, what, limit)
    if data is None:
        assert refusal is not None
        where = Pos(display, 1, 1) if at is None or refusal.own else at
        return None, [error(where, refusal.message, refusal.hint)]
    return decode_text(data, display)


# --- walking the project ----------------------------------------------------------------


def _valid_name(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def walk(root: Path, folder: Path, suffix: str, recursive: bool = True) -> tuple[list[Path], list[Diagnostic]]:
    """Every entry named ``*suffix`` under ``folder``, in a stable order, whatever it is (the
    reader refuses what is not a regular file), with the problems of the walk: a folder
    that is a symbolic link is not followed (an error when it leads outside the project),
    a name that is not UTF-8 is refused."""
    found: list[Path] = []
    diags: list[Diagnostic] = []
    real_root = Path(os.path.realpath(root))
    if os.path.islink(folder) and not _inside(Path(os.path.realpath(folder)), real_root):
        return [], [_outside_folder(root, folder)]
    if not os.path.isdir(folder):
        return [], []
    stack = [folder]
    while stack:
        current = stack.pop()
        below = [path for path in _visit(root, real_root, current, suffix, found, diags) if recursive]
        stack += reversed(below)
    return sorted(found), diags


def _visit(root: Path, real_root: Path, current: Path, suffix: str, found: list[Path], diags: list[Diagnostic]) -> list[Path]:
    """The entries of one folder into ``found``; returns its subfolders."""
    try:
        entries = sorted(os.scandir(current), key=lambda e: e.name)
    except OSError as exc:
        diags.append(error(Pos(_display(root, current), 1, 1), f"cannot read the folder: {exc.strerror}"))
        return []
    below = []
    for entry in entries:
        path = current / entry.name
        if not _valid_name(entry.name):
            diags.append(error(Pos(_display(root, path), 1, 1), "file name is not valid UTF-8", "rename the file"))
            continue
        if entry.is_dir(follow_symlinks=False):
            below.append(path)
        elif entry.is_symlink() and os.path.isdir(path):
            if not _inside(Path(os.path.realpath(path)), real_root):
                diags.append(_outside_folder(root, path))
            else:
                diags.append(warning(Pos(_display(root, path), 1, 1), "a symbolic link to a folder is not followed",
                                     "its files are read where they are, if that is under sources/"))
            continue
        if entry.name.endswith(suffix):
            found.append(path)
    return below


def _display(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _outside_folder(root: Path, path: Path) -> Diagnostic:
    return error(Pos(_display(root, path), 1, 1), f"the folder is a symbolic link to '{os.path.realpath(path)}', outside the project",
                 "keep every file the reader uses inside the project folder")


def read_text(path: Path, display: str) -> tuple[str | None, list[Diagnostic]]:
    """A project file's text (``sources/reading.py``: regular files inside the project only,
    UTF-8, byte-order mark and CRLF removed, suspect characters reported where they stand).
    ``display`` is the path from the project folder; an absolute one (a file named on the
    command line) may lie anywhere."""
    parts = Path(display).parts
    inside = bool(parts) and not Path(display).is_absolute() and path.parts[-len(parts):] == parts
    return read_project_text(path, display, Path(*path.parts[: -len(parts)]) if inside else None)


def read_yaml_file(path: Path, display: str, ids: str = "") -> tuple[YNode | None, list[Diagnostic]]:
    """A YAML file; ``ids`` names what its top-level keys are ("person id") in a register,
    where one given twice is an error in those words and the rest of the file is read."""
    text, diags = read_text(path, display)
    if text is None:
        return None, diags
    twice: list[Diagnostic] = []
    try:
        node = load_yaml(text, display, entries=Entries(ids, twice) if ids else None)
    except YamlError as exc:
        return None, diags + [exc.diagnostic]
    return node, diags + twice
