"""`edition check` on a newcomer's reader changed at random, a line at a time: a line deleted,
doubled, indented, cut short, or given a character that matters to YAML, the markup, BibTeX or
TeX. Whatever the change, the check ends with exit 0 or 1 and no traceback; a refusal says at
least one error as `file:line:column`, with a hint in the reader's words, never the parser's
own ("while scanning ...", "expected <block end>"); and most often the first error stands at
the change (within two lines of it, in the file changed).
"""

from __future__ import annotations

import difflib
import random
import re
import shutil
from pathlib import Path

import pytest
from conftest import edition_here

CHARACTERS = ["{", "}", "[", "]", ":", ": ", "- ", "|", ">", "&a ", "*a", "!!python/object:os.system ", "\\", "%", "~", "@",
              "`", "#", "'", '"', "\u00a0", "\u200b", "\ufeff", "\u202e", "{{", "\\input{/etc/passwd}", "---",
              "1912-13-45", "{note:", "{foreign:de|", "<script>", "\r", "𝔘"]
PARSER_WORDS = re.compile(r"while (scanning|parsing)|expected <block end>|<document start>|found character")
CHANGES = 160


def _change(lines: list[str], rng: random.Random) -> list[str]:
    out = list(lines)
    i = rng.randrange(len(out))
    op = rng.randrange(5)
    if op == 0:
        del out[i]
    elif op == 1:
        out.insert(i, out[rng.randrange(len(out))])
    elif op == 2:
        k = rng.randint(0, len(out[i]))
        out[i] = out[i][:k] + rng.choice(CHARACTERS) + out[i][k:]
    elif op == 3:
        out[i] = "  " + out[i]
    else:
        out[i] = out[i][:rng.randint(0, len(out[i]))]
    return out


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("init") / "r"
    from edition.cli.main import main

    assert main(["init", str(root)]) == 0
    return root


def test_random_one_line_changes_are_refused_at_their_place_or_accepted(reader: Path, tmp_path: Path) -> None:
    files = sorted(p for p in reader.rglob("*") if p.is_file() and p.suffix in (".yaml", ".md", ".bib"))
    refused = near = 0
    wrong: list[str] = []
    for seed in range(CHANGES):
        rng = random.Random(seed)
        victim = rng.choice(files)
        rel = victim.relative_to(reader).as_posix()
        old = victim.read_text(encoding="utf-8").split("\n")
        new = _change(old, rng)
        root = tmp_path / "r"
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(reader, root)
        (root / rel).write_text("\n".join(new), encoding="utf-8")
        run = edition_here(root, "check")
        where = f"seed {seed}, {rel}: {run.err[:600]}"
        if run.code == 0:
            continue
        refused += 1
        errors = re.findall(r"^(\S+):(\d+):(\d+): error: ", run.err, re.M)
        if run.code != 1 or not errors or PARSER_WORDS.search(run.err):
            wrong.append(where)
            continue
        changed = {b + 1 for tag, _a1, _a2, b1, b2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
                   if tag != "equal" for b in range(b1, max(b2, b1 + 1))}
        path, line = errors[0][0], int(errors[0][1])
        near += path == rel and any(abs(line - c) <= 2 for c in changed)
    assert not wrong, "\n".join(wrong)
    assert refused >= CHANGES // 4, refused  # the changes are not all harmless: the test tests something
    assert near >= 0.85 * refused, (near, refused)  # 91% when written; a duplicate key is said at its second place
