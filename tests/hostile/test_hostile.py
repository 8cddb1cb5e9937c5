"""The hostile suite, the cases that run no LuaLaTeX: each case's project is made afresh,
the command run in this process (or as a user would, where the terminal or the
environment matters), and the outcome must be the one its table states. See
docs/robustness.md and harness.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from all_cases import FAST
from harness import Case, can_make_devices, outcome

# Cases not handled yet (issue 20 in progress): expected to fail, and strictly, so that a case
# that starts to pass must leave this list.
NOT_YET = set("""
source-symlink-outside
source-symlink-absolute-outside
source-symlink-to-dev-zero
source-fifo
source-directory
source-device
source-dangling-symlink
source-symlink-loop
source-symlink-inside-to-fifo
sources-folder-symlink-outside
sources-folder-symlink-loop
sources-root-symlink-outside
source-name-invalid-utf8
persons-fifo
persons-symlink-outside
persons-split-fifo
persons-split-symlink-outside
places-fifo
places-symlink-outside
places-device
archives-fifo
archives-symlink-outside
bib-fifo
bib-symlink-outside
bib-directory
bib-device
bib-missing
bib-dotdot
bib-absolute
bib-dev-zero
bib-windows-path
bib-second-item
bib-block-list
note-fifo
note-directory
note-symlink-outside
note-missing
note-dotdot
note-absolute
config-fifo
config-symlink-outside
yaml-deep-flow-1000-with-ampersand
yaml-deep-flow-in-register
yaml-surrogate-escape-python-loader
yaml-surrogate-pair-escapes
yaml-nul-escape
yaml-esc-escape
yaml-c1-escape
yaml-bom-inside
date-1900-02-29-julian
date-reversed-limits
citation-style-unknown-key
archive-fond-is-a-list
u2028-body-warns
u2029-body-warns
u2028-front-keeps-lines
u0085-front-keeps-lines
u2028-register-keeps-lines
u2028-note-keeps-lines
esc-in-body
bel-in-body
c1-csi-in-body
esc-in-front-matter
esc-in-register
esc-in-bib
invalid-utf8-bib
utf16-bib
private-use-in-body
private-use-in-bib
noncharacter-in-body
anchor-in-part-headnote
label-in-part-headnote
eleven-series
eleven-line-series
duplicate-series
empty-note
blank-note
empty-block-note
part-without-documents
part-with-empty-folder
ref-to-unprinted-document
long-url-word
document-in-two-parts
document-twice-in-a-part
unknown-document-in-part
bib-name-three-commas
bib-editor-three-commas
bib-undefined-macro
bib-duplicate-key
bib-brace-in-key
size-bib
size-bib-25mb-real
arch-1mb-spaces
bib-1mb-names
bib-1mb-backslashes
cache-entry-tampered
cache-pickle-runs-code
home-unset-unknown-user
""".split())


HANGS = set("""
persons-fifo
persons-split-fifo
places-fifo
archives-fifo
bib-fifo
note-fifo
config-fifo
size-bib-25mb-real
bib-1mb-names
bib-1mb-backslashes
""".split())  # not run while they hang


def _param(c: Case) -> object:
    if c.id in NOT_YET:
        return pytest.param(c, marks=pytest.mark.xfail(strict=True, run=c.id not in HANGS, reason="not handled yet"))
    return c


@pytest.mark.parametrize("case", [_param(c) for c in FAST], ids=str)
def test_hostile_case(case: Case, tmp_path: Path) -> None:
    if case.needs_root and not can_make_devices():
        pytest.skip("making a device node needs root")
    verdict, why, _root, _run = outcome(case, tmp_path)
    assert verdict == "handled", f"{case.group}: {verdict}: {why}"


def test_every_class_has_cases() -> None:
    groups = {c.group for c in FAST}
    assert groups >= {"paths", "injection", "yaml", "unicode", "structure", "sizes", "faults"}
