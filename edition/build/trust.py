"""The build folder, trusted only as far as this program wrote it.

A project received from someone else may bring a ``build/`` folder: a ``.latexmkrc``
(Perl, which latexmk would run), an ``.aux`` or a package file that LuaLaTeX would read
and execute, or symbolic links that would lead a write outside the project. So before a
build writes anything there:

* ``build/`` itself must be a real folder (a link or a file in its place is removed);
* every symbolic link, FIFO, device or socket anywhere under it is removed, as are the
  temporary files an interrupted build left;
* ``build/tex`` and ``build/tex-draft``, which LuaLaTeX reads, are kept only if every
  file in them is one that this program (or the LuaLaTeX run it started) wrote, as the
  manifest of the last build records it; anything else and the folder starts afresh;
* the record of the last good build (``.NAME.fingerprint``) counts only if the manifest
  has it.

The manifest (``build/.manifest.json``) lists each file with its SHA-256 and is signed
with a key kept in the user's cache folder, so a manifest that comes with a project is
worth nothing on another account. Without a cache folder there is no key: every build
then starts from a clean ``build/tex``.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import hmac
import json
import os
import secrets
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from edition.sources.cachedir import cache_home

MANIFEST = ".manifest.json"
LOCK = ".lock"
TEX_FOLDERS = ("tex", "tex-draft")
# Names of what a build writes on its way and renames when done (see outputs.py).
TEMPORARY_MARKS = (".partial", ".tmp")
STAGING_PREFIX = ".staging-"


class BuildLocked(Exception):
    pass


def _key() -> bytes | None:
    """This user's key for signing manifests, made on first use; None without a cache folder."""
    home = cache_home()
    if home is None:
        return None
    path = home / "edition" / "build-key"
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        try:
            key = os.read(fd, 64) if stat.S_ISREG(os.fstat(fd).st_mode) else b""
        finally:
            os.close(fd)
        if len(key) == 32:
            return key
    except OSError:
        pass
    key = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".build-key.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        try:
            os.write(fd, key)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError:
        return None
    return key


def real_folder(path: Path) -> Path:
    """``path`` as a real folder: a symbolic link, file or FIFO in its place is removed (a link
    only, never what it points to)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        path.mkdir(parents=True)
        return path
    if not stat.S_ISDIR(st.st_mode):
        path.unlink()
        path.mkdir()
    return path


@contextmanager
def build_lock(build_dir: Path) -> Iterator[None]:
    """One build at a time per project; a second one fails at once. The lock file is opened
    without following a link or waiting on a FIFO; anything but a plain file there is removed."""
    real_folder(build_dir)
    lock = build_dir / LOCK
    try:
        if not stat.S_ISREG(os.lstat(lock).st_mode):
            _remove(lock)
    except FileNotFoundError:
        pass
    fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked("another build of this project is running (build/.lock); wait for it to finish") from None
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    """Remove ``path`` (a folder with all it holds), never following a link."""
    try:
        if stat.S_ISDIR(os.lstat(path).st_mode):
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        pass


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return ""
        while chunk := os.read(fd, 1 << 20):
            h.update(chunk)
    finally:
        os.close(fd)
    return h.hexdigest()


def _files(build_dir: Path) -> Iterator[tuple[str, Path, os.stat_result]]:
    """Every entry under ``build_dir`` (relative name, path, lstat), folders after their contents."""
    for dirpath, dirnames, filenames in os.walk(build_dir, topdown=False):
        for name in filenames + dirnames:
            path = Path(dirpath) / name
            try:
                yield path.relative_to(build_dir).as_posix(), path, os.lstat(path)
            except FileNotFoundError:
                continue


def _stamp(st: os.stat_result) -> list[int]:
    """What changes whenever a file is written, copied or replaced (ctime cannot be set)."""
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def _signature(key: bytes, files: dict[str, list[object]]) -> str:
    return hmac.new(key, json.dumps(files, sort_keys=True).encode(), hashlib.sha256).hexdigest()


def read_manifest(build_dir: Path) -> dict[str, list[object]]:
    """The files of the last recorded state, by name: [sha256, size, mtime, ctime, inode];
    empty unless the manifest is intact and signed with this user's key."""
    key = _key()
    path = build_dir / MANIFEST
    try:
        if key is None or not stat.S_ISREG(os.lstat(path).st_mode) or os.lstat(path).st_size > 64 * 2**20:
            return {}
        data = json.loads(path.read_bytes())
        files, mac = data["files"], data["mac"]
        if not isinstance(files, dict) or not hmac.compare_digest(str(mac), _signature(key, files)):
            return {}
        return files
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _matches(entry: list[object] | None, path: Path, st: os.stat_result) -> bool:
    if not isinstance(entry, list) or len(entry) != 5:
        return False
    if entry[1:] == _stamp(st):
        return True
    try:
        return entry[0] == _digest(path)
    except OSError:
        return False


def sanitize(build_dir: Path) -> list[str]:
    """Remove from ``build_dir`` what this program did not write (see the module's doc);
    returns what was removed, by name."""
    known = read_manifest(build_dir)
    removed: list[str] = []
    untrusted: set[str] = set()
    for name, path, st in _files(build_dir):
        top = name.split("/", 1)[0]
        if name in (LOCK, MANIFEST):
            continue
        if stat.S_ISLNK(st.st_mode) or not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)) or _temporary(name):
            _remove(path)
            removed.append(name)
            continue
        if stat.S_ISDIR(st.st_mode):
            continue
        if top in TEX_FOLDERS and "/" in name and not _matches(known.get(name), path, st):
            untrusted.add(top)
        elif top.endswith(".fingerprint") and not _matches(known.get(name), path, st):
            _remove(path)
            removed.append(name)
    for top in sorted(untrusted):
        _remove(build_dir / top)
        removed.append(f"{top}/")
    return removed


def intact(build_dir: Path, folder: str) -> bool:
    """Whether ``build_dir/folder`` holds exactly the files the last recorded build left there, each
    as it was written (its size, times and inode, or else its digest): a file cut short by an
    interrupted run, changed or removed since, and the folder is not intact."""
    known = read_manifest(build_dir)
    expected = {name for name in known if name.startswith(folder + "/")}
    if not expected:
        return False
    for name, path, st in _files(build_dir / folder):
        if stat.S_ISDIR(st.st_mode):
            continue
        full = f"{folder}/{name}"
        if full not in expected or not _matches(known.get(full), path, st):
            return False
        expected.discard(full)
    return not expected


def _temporary(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return base.startswith(STAGING_PREFIX) or any(mark in base for mark in TEMPORARY_MARKS)


def record(build_dir: Path) -> None:
    """Write the manifest of every file now in ``build_dir`` (after a step that wrote there).
    Files whose size, times and inode are unchanged keep their recorded digest."""
    key = _key()
    if key is None:
        return
    old = read_manifest(build_dir)
    files: dict[str, list[object]] = {}
    for name, path, st in _files(build_dir):
        if name in (LOCK, MANIFEST) or not stat.S_ISREG(st.st_mode) or _temporary(name):
            continue
        entry = old.get(name)
        if isinstance(entry, list) and len(entry) == 5 and entry[1:] == _stamp(st):
            files[name] = entry
        else:
            try:
                files[name] = [_digest(path), *_stamp(st)]
            except OSError:
                continue
    data = json.dumps({"files": files, "mac": _signature(key, files)}, sort_keys=True, indent=0)
    write_atomically(build_dir / MANIFEST, data.encode())


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a new temporary file beside ``path`` (never through a link), then
    rename it over ``path``: a reader sees the old file or the new one, never a part. On any
    failure the temporary file is removed and the old file is left as it was."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except OSError as exc:
            if exc.errno != errno.ENOENT:
                raise
        raise
