"""Writing the HTML edition to disk: only the files whose content changed, then the search
index (Pagefind's binary, from PyPI) when a page did, then the EPUB; all of it into a staging
folder that starts as the last good site and takes its place, whole, when it is complete."""

from __future__ import annotations

import ctypes
import errno
import os
import secrets
import shutil
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

from edition.build.trust import STAGING_PREFIX


def write_changed(out: Path, files: Mapping[str, str | bytes], keep: tuple[str, ...] = ("pagefind/", "downloads/")) -> list[str]:
    """Write each file whose content differs from what is there; remove the files of an earlier
    build that are gone (but not the search index and the downloads, written by other steps)."""
    changed = []
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = out / name
        try:
            if target.read_bytes() == data:
                continue
        except OSError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        changed.append(name)
    if out.exists():
        for path in sorted(out.rglob("*")):
            rel = path.relative_to(out).as_posix()
            if path.is_file() and rel not in files and not rel.startswith(keep):
                path.unlink()
                changed.append(rel)
    return changed


def copy_changed(pairs: Mapping[str, Path], out: Path,
                 same: Callable[[bytes, bytes], bool] = lambda a, b: a == b) -> list[str]:
    """Copy each source file to ``out / name`` unless a copy that is ``same`` is there."""
    changed = []
    for name, source in pairs.items():
        target = out / name
        if target.exists() and same(target.read_bytes(), source.read_bytes()):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")  # a new file: never written into one the last site shares
        shutil.copyfile(source, tmp)
        tmp.replace(target)
        changed.append(name)
    return changed


class SearchIndexError(RuntimeError):
    pass


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable  # the binary shipped in the PyPI package 'pagefind[bin]'
    except ImportError as exc:
        raise SearchIndexError("Pagefind is not installed: pip install 'pagefind[bin]'") from exc
    return Path(get_executable())


def start_search_index(site: Path) -> subprocess.Popen[str]:
    """Start Pagefind on the site (it writes ``site/pagefind/``: each page in its own language,
    ``<html lang>``, stemmed for it); ``finish_search_index`` waits for it. Meanwhile the other core
    can make the EPUB."""
    return subprocess.Popen([str(pagefind_executable()), "--site", str(site), "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish_search_index(process: subprocess.Popen[str]) -> None:
    output, _ = process.communicate()
    if process.returncode != 0:
        raise SearchIndexError((output or "").strip()[-2000:])


def same_but_dates(old: bytes, new: bytes) -> bool:
    """Whether two XML files differ at most in the date they were written (CMIF's publication date)."""
    if old == new:
        return True
    if not (old.lstrip().startswith(b"<?xml") and new.lstrip().startswith(b"<?xml")):
        return False
    from lxml import etree

    def canonical(data: bytes) -> bytes:
        tree = etree.fromstring(data)
        for date in tree.iterfind(".//{http://www.tei-c.org/ns/1.0}publicationStmt/{http://www.tei-c.org/ns/1.0}date"):
            date.attrib.clear()
        return bytes(etree.tostring(tree, method="c14n"))

    try:
        return canonical(old) == canonical(new)
    except etree.XMLSyntaxError:
        return False


# ---------------------------------------------------------------- the site installed as a whole

def stage_site(out: Path, build_dir: Path) -> Path:
    """A staging folder in ``build_dir`` that starts as the last good site ``out``: hard links to
    its files (a copy where the file system has none), so that unchanged pages keep their dates
    and only what changed is written. Every writer of the stage replaces a file, never writes
    into it, so the old site's files, which the links share, are never touched."""
    stage = build_dir / f"{STAGING_PREFIX}html-{os.getpid()}-{secrets.token_hex(4)}"
    stage.mkdir()
    if not out.is_dir():
        return stage
    for path in sorted(out.rglob("*")):
        target = stage / path.relative_to(out)
        if path.is_symlink():
            continue
        if path.is_dir():
            target.mkdir(exist_ok=True)
            continue
        try:
            os.link(path, target)
        except OSError:
            shutil.copy2(path, target)
    return stage


def install_site(stage: Path, out: Path) -> None:
    """Put the complete site ``stage`` in the place of ``out`` in one step (the two folders are
    exchanged, then the old one, now at ``stage``, is removed by the caller): a reader, a crash
    or a kill sees the old site or the new one, never a mix."""
    if out.is_dir() and not out.is_symlink():
        if not _exchange(stage, out):  # no atomic exchange here: two renames
            old = stage.with_name(stage.name + "-old")
            os.rename(out, old)
            os.rename(stage, out)
            os.rename(old, stage)
        return
    if out.exists() or out.is_symlink():
        out.unlink()
    os.rename(stage, out)


def _exchange(a: Path, b: Path) -> bool:
    """Exchange two folders atomically (Linux's renameat2 with RENAME_EXCHANGE); False where the
    system or its file system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(err, os.strerror(err), str(b))
