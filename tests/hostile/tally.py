"""Run every hostile case on the code as it stands and count the outcomes.

    .venv/bin/python tests/hostile/tally.py [--fast] [--only SUBSTRING] [-v]

Each case runs alone in a fresh temporary project (LaTeX cases too, unshared), so the counts
are those of docs/robustness.md's table. Used for the baseline of issue 20 and after it."""

from __future__ import annotations

import argparse
import collections
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from all_cases import ALL  # noqa: E402
from harness import OUTCOMES, can_make_devices, outcome  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--fast", action="store_true", help="skip the cases that run LuaLaTeX")
    p.add_argument("--only", default="")
    p.add_argument("-v", action="store_true")
    args = p.parse_args()
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    start = time.monotonic()
    for case in ALL:
        if (args.fast and case.latex) or args.only not in case.id:
            continue
        if case.needs_root and not can_make_devices():
            continue
        tmp = Path(tempfile.mkdtemp(prefix="hostile-"))
        t0 = time.monotonic()
        try:
            verdict, why, _root, _run = outcome(case, tmp)
        except Exception as exc:  # the harness itself failed: count it apart
            verdict, why = "harness error", f"{type(exc).__name__}: {exc}"
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        counts[case.group][verdict] += 1
        counts["all"][verdict] += 1
        if args.v or verdict != "handled":
            print(f"{verdict:15} {case.group:10} {case.id} ({time.monotonic() - t0:.1f} s)\n    " + why.replace("\n", "\n    ")[:1200],
                  flush=True)
    cols = [*OUTCOMES, "harness error"]
    print("\n| class | " + " | ".join(cols) + " | total |")
    print("|---|" + "---|" * (len(cols) + 1))
    for group in [*sorted(g for g in counts if g != "all"), "all"]:
        c = counts[group]
        print(f"| {group} | " + " | ".join(str(c[k]) for k in cols) + f" | {sum(c.values())} |")
    print(f"\n{time.monotonic() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
