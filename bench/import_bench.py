"""Benchmark of `edition import`: 100 real raw pages imported in one process, the analyser of Russian loaded once.

    python bench/import_bench.py [--pages 100] [--out bench/import-results.md]

The pages are the real copies of tests/fixtures/import/real/ (114 of them), taken
in turn until there are ``--pages``; the registers of this project are read
once, as `edition import` reads them. It times loading the registers, the first
use of the analyser (pymorphy3's dictionary), and the imports; the target is
100 pages in under 5 s on the project's machine. Measured here, never asserted
in tests.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from edition.interchange.importer import import_raw  # noqa: E402
from edition.registers.load import load_archives  # noqa: E402
from edition.registers.names import nominatives  # noqa: E402
from edition.sources.config import load_config  # noqa: E402
from edition.sources.load import load_persons, load_places  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--out", default=str(REPO / "bench" / "import-results.md"))
    args = parser.parse_args()
    pages = sorted((REPO / "tests" / "fixtures" / "import" / "real").glob("*.txt"))
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in pages]
    start = time.perf_counter()
    diags: list[object] = []
    persons, places = load_persons(REPO, diags), load_places(REPO, diags)  # type: ignore[arg-type]
    register = load_archives(REPO, diags)  # type: ignore[arg-type]
    scheme = load_config(REPO, []).transliteration
    registers = time.perf_counter() - start
    start = time.perf_counter()
    nominatives("Кагановичу")
    analyser = time.perf_counter() - start
    start = time.perf_counter()
    drafts = 0
    for k in range(args.pages):
        name, text = texts[k % len(texts)]
        drafts += len(import_raw(text, name, persons, register, places, scheme).documents)
    imports = time.perf_counter() - start
    total = registers + analyser + imports
    row = (f"| {time.strftime('%Y-%m-%d')} | {platform.python_version()} | {args.pages} | {drafts} | {registers:.2f} | "
           f"{analyser:.2f} | {imports:.2f} | {1000 * imports / args.pages:.1f} | **{total:.2f}** |")
    out = Path(args.out)
    if not out.exists():
        out.write_text("# `edition import` on real raw pages\n\n"
                       "`python bench/import_bench.py` (also run by `make bench`): the real pages of "
                       "tests/fixtures/import/real/ taken in turn, in one process. Target: 100 pages under 5 s.\n\n"
                       "| date | Python | pages | drafts | registers (s) | analyser (s) | imports (s) | ms/page | total (s) |\n"
                       "|---|---|---|---|---|---|---|---|---|\n", encoding="utf-8")
    with out.open("a", encoding="utf-8") as f:
        f.write(row + "\n")
    print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
