"""Parsed documents kept between runs, in the user's cache folder, verified before use.

The cache file is ``MAGIC``, the SHA-256 of the rest, a newline, then a pickle of
(edition's code stamp, entries); each entry holds the source file's SHA-1, the SHA-256 of
its own pickle, and that pickle. Nothing is unpickled unless the whole file's checksum
holds (a damaged, truncated or foreign file is never loaded), and an entry is used only if
its source is unchanged and its own checksum holds; anything else is parsed afresh from
the source. The file is opened without following a link or waiting on a FIFO. Without a
cache folder (``cachedir.cache_home``) every run parses every source.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import secrets
from collections.abc import Callable
from pathlib import Path

from edition.model.corpus import Document
from edition.model.diagnostics import Diagnostic
from edition.resources import code_files
from edition.sources.cachedir import cache_home
from edition.sources.reading import read_bytes
from edition.sources.versions import VersionFile

Loaded = tuple[Document | VersionFile | None, list[Diagnostic]]
Loader = Callable[[Path, str], Loaded]
MAGIC = b"edition parse cache 2\n"
MAX_CACHE_BYTES = 2**31


def cache_path(root: Path) -> Path | None:
    """Where the parsed documents of the project at ``root`` are kept between runs: in
    the user's cache folder, not in the project, so that a project folder received
    from someone else cannot bring a pickle to be loaded."""
    base = cache_home()
    if base is None:
        return None
    key = hashlib.sha1(str(root.resolve()).encode("utf-8")).hexdigest()[:16]
    return base / "edition" / key / "documents.pickle"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class DocumentCache:
    """Parsed documents by the SHA-1 of each source file and of edition's own code: a build
    after editing one document of a thousand parses one."""

    def __init__(self, root: Path, load_document: Loader) -> None:
        self.root = root
        self.load_document = load_document
        self.path = cache_path(root)
        self.stamp = _code_stamp()
        self.old: dict[str, tuple[str, str, bytes]] = self._read()
        self.new: dict[str, tuple[str, str, bytes]] = {}

    def _read(self) -> dict[str, tuple[str, str, bytes]]:
        if self.path is None:
            return {}
        data, _refusal = read_bytes(self.path, None, limit=MAX_CACHE_BYTES)
        if data is None or not data.startswith(MAGIC):
            return {}
        head, _, body = data[len(MAGIC):].partition(b"\n")
        if head.decode("ascii", "replace") != _sha256(body):
            return {}
        try:
            stamp, entries = pickle.loads(body)
        except Exception:  # written by this program and checked: only a foreign pickle fails here
            return {}
        return entries if stamp == self.stamp and isinstance(entries, dict) else {}

    def load(self, path: Path, display: str) -> Loaded:
        data, _refusal = read_bytes(path, self.root)
        if data is None:
            return self.load_document(path, display)  # which says why it cannot be read
        digest = hashlib.sha1(data).hexdigest()
        hit = self.old.get(display)
        if isinstance(hit, tuple) and len(hit) == 3 and hit[0] == digest and hit[1] == _sha256(hit[2]):
            try:
                result: Loaded = pickle.loads(hit[2])  # a fresh copy: callers may change it
                self.new[display] = hit
                return result
            except Exception:  # a damaged entry: parse the source
                pass
        result = self.load_document(path, display)
        pickled = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        self.new[display] = (digest, _sha256(pickled), pickled)
        return result

    def save(self) -> None:
        if self.path is None or (self.new.keys() == self.old.keys() and all(self.new[k][0] == self.old[k][0] for k in self.new)):
            return
        body = pickle.dumps((self.stamp, self.new), protocol=pickle.HIGHEST_PROTOCOL)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(MAGIC + _sha256(body).encode() + b"\n" + body)
            os.replace(tmp, self.path)
        except OSError:  # a read-only or full cache folder, a file in its place: work without the cache
            with contextlib.suppress(OSError):
                tmp.unlink()


@functools.lru_cache(maxsize=1)
def _code_stamp() -> str:
    """A digest of edition's own modules: a cache made by other code is not used. Once per
    process: the code running does not change under it."""
    digest = hashlib.sha1()
    for module in code_files():
        digest.update(module.read_bytes())
    return digest.hexdigest()
