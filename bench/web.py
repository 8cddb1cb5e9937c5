"""Benchmark of the HTML edition: cold build (pages, TEI/CMIF downloads, search index, EPUB),
a second build with nothing changed, and one after a change to one document.

    python bench/web.py [--sizes 10,100,1000] [--seed-corpus] [--out bench/web-results.md]

The corpora are bench.py's synthetic ones. Timings are measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench import synthetic_corpus  # noqa: E402

_CHANGED = re.compile(r"\((\d+) files, (\d+) changed")


def build(root: Path) -> tuple[float, int, int]:
    """Seconds of one ``edition build --html``, the files of the site and how many were written."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "edition", "--root", str(root), "build", "--html"],
                          capture_output=True, text=True, check=False, cwd=root)
    took = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-2000:])
    m = _CHANGED.search(proc.stderr)
    return took, int(m.group(1)) if m else 0, int(m.group(2)) if m else 0


def touch_one(root: Path) -> None:
    """Change one word of the first document's text."""
    source = sorted((root / "sources").rglob("*.md"))[0]
    text = source.read_text(encoding="utf-8")
    source.write_text(text.rstrip("\n") + "\n\nOne more sentence for the benchmark.\n", encoding="utf-8")


def measure(root: Path, name: str) -> dict[str, object]:
    shutil.rmtree(root / "build" / "html", ignore_errors=True)
    cold, files, written = build(root)
    noop, _f, noop_written = build(root)
    touch_one(root)
    one, _f, one_written = build(root)
    pages = sum(1 for _ in (root / "build" / "html").rglob("*.html")) - sum(
        1 for _ in (root / "build" / "html" / "pagefind").rglob("*.html"))
    size = sum(p.stat().st_size for p in (root / "build" / "html").rglob("*") if p.is_file())
    return {"corpus": name, "pages": pages, "files": files, "MB": f"{size / 1e6:.1f}", "cold s": f"{cold:.1f}",
            "cold written": written, "no-op s": f"{noop:.1f}", "no-op written": noop_written,
            "one changed s": f"{one:.1f}", "one changed written": one_written}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--seed-corpus", action="store_true")
    parser.add_argument("--out", default=str(REPO / "bench" / "web-results.md"))
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.seed_corpus:
            seed = Path(tmp) / "seed"
            seed.mkdir()
            for name in ("sources", "bibliography", "docs"):
                shutil.copytree(REPO / name, seed / name)
            shutil.copy(REPO / "edition.yaml", seed / "edition.yaml")
            rows.append(measure(seed, "seed"))
        for size in (int(s) for s in args.sizes.split(",") if s):
            root = Path(tmp) / f"n{size}"
            synthetic_corpus(root, size)
            rows.append(measure(root, f"{size} documents"))
            print(rows[-1], file=sys.stderr)
    keys = list(rows[0])
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(r[k]) for k in keys) + " |" for r in rows]
    Path(args.out).write_text("# The HTML edition: build times\n\n`python bench/web.py` on this machine (2 shared cores). "
                              "A cold build writes every page, the TEI and CMIF downloads, the Pagefind index and the EPUB; "
                              "'written' counts the files a build wrote.\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
