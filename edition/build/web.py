"""Writing the HTML edition to disk: only the files whose content changed, then the search
index (Pagefind's binary, from PyPI) when a page did, then the EPUB."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path


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
        shutil.copyfile(source, target)
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
