"""Where edition keeps what it remembers between runs: the user's cache folder.

``$XDG_CACHE_HOME``, else ``~/.cache``; None when neither can be found (no ``HOME`` and
an account the system does not know), and then edition works without a cache. It is
never inside a project, so a project received from someone else cannot bring one.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_home() -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME")
    if base and os.path.isabs(base):
        return Path(base)
    try:
        home = Path.home()
    except (RuntimeError, KeyError, OSError):
        return None
    return home / ".cache" if home.is_absolute() else None
