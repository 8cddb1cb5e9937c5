"""The one Unicode collator of the project (pyuca, the default UCA table).

Loading the table takes a third of a second, so it is loaded once, on first
use, and shared by the index and the bibliography.
"""

from __future__ import annotations

from functools import lru_cache

from pyuca import Collator


@lru_cache(maxsize=1)
def collator() -> Collator:
    return Collator()
