"""The layout audit's report at the end of ``edition build`` (edition/build/audit.py does the audit)."""

from __future__ import annotations

import sys
from pathlib import Path

from edition.build.audit import audit, diagnostics, summary
from edition.cli.terminal import shown
from edition.model.diagnostics import sort_key

SHOWN = 20  # problems printed one by one; the rest are counted


def report_layout(tex_dir: Path, strict: bool) -> bool:
    """Print the audit of the last build in ``tex_dir``; True if it found problems and ``strict`` makes them errors."""
    findings = audit(tex_dir)
    if findings is None:
        print("edition build: layout: no record of the pages (build/tex/reader.layout) to audit", file=sys.stderr)
        return strict
    diags = sorted(diagnostics(findings, tex_dir), key=sort_key)
    for d in diags[:SHOWN]:
        print(shown(d), file=sys.stderr)
    if not findings:
        print("edition build: layout: no problems found", file=sys.stderr)
        return False
    more = f" ({len(findings) - SHOWN} more not shown)" if len(findings) > SHOWN else ""
    verdict = "errors with --strict-layout" if strict else "the reader was built; --strict-layout makes them errors"
    print(f"edition build: layout: {len(findings)} problem(s): {summary(findings)}{more}; {verdict}", file=sys.stderr)
    return strict
