"""Every hostile case, by class."""

from __future__ import annotations

import cases_audit
import cases_faults
import cases_faults_latex
import cases_injection
import cases_paths
import cases_received
import cases_sizes
import cases_text
import cases_yaml
from harness import Case

ALL: list[Case] = [
    *cases_received.CASES, *cases_paths.CASES, *cases_injection.CASES, *cases_yaml.CASES, *cases_text.CASES,
    *cases_sizes.CASES, *cases_faults.CASES, *cases_faults_latex.CASES, *cases_audit.CASES,
]
FAST = [c for c in ALL if not c.latex]
LATEX = [c for c in ALL if c.latex]

assert len({c.id for c in ALL}) == len(ALL), "two cases share an id"
