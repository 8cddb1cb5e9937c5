"""The package's layers: each stage imports only the stages below it, never a stage above
or beside it, so the folders show the pipeline (load -> check -> passes -> render -> build)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "edition"

# Bottom to top. Packages on one rank (the renderers) may not import each other.
LAYERS: list[set[str]] = [
    {"resources", "model"},
    {"sources"},
    {"registers"},
    {"checks"},
    {"passes"},
    {"latex", "html", "interchange"},
    {"build"},
    {"pipeline"},
    {"cli"},
    {"__main__"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def stage(module: str) -> str:
    """``edition.latex.render`` -> ``latex``."""
    return module.split(".")[1] if module.count(".") else ""


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found.append((".".join(parts), path))
    return found


def imports(module: str, path: Path) -> list[tuple[str, int]]:
    """Every edition module the file imports, with its line (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target == "edition":  # from edition import x: x is the stage
                out += [(f"edition.{alias.name}", node.lineno) for alias in node.names]
            elif target.startswith("edition."):
                out.append((target, node.lineno))
        elif isinstance(node, ast.Import):
            out += [(alias.name, node.lineno) for alias in node.names if alias.name.startswith("edition.")]
    return out


def test_every_stage_is_placed() -> None:
    stages = {stage(m) for m, _ in modules() if m != "edition"}
    assert stages <= set(RANK), f"stages missing from LAYERS: {sorted(stages - set(RANK))}"


def test_no_module_imports_upward_or_sideways() -> None:
    wrong = []
    for module, path in modules():
        if module == "edition":
            continue
        mine = stage(module)
        for target, line in imports(module, path):
            theirs = stage(target)
            if theirs == mine:
                continue
            if RANK[theirs] >= RANK[mine]:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {mine} imports {target} ({theirs} is not below it)")
    assert not wrong, "\n".join(wrong)


def test_the_check_can_fail(tmp_path: Path) -> None:
    """The detector finds an upward import when there is one (a positive control)."""
    bad = tmp_path / "edition" / "model" / "x.py"
    bad.parent.mkdir(parents=True)
    bad.write_text("from edition.latex.escape import escape_text\nfrom ..cli import main\n")
    found = imports("edition.model.x", bad)
    assert [t for t, _ in found] == ["edition.latex.escape", "edition.cli"]
    assert all(RANK[stage(t)] > RANK["model"] for t, _ in found)


LIMIT = 400
# Modules still over the limit, with their length when the layering landed: each may only
# shrink, and leaves this table when it is split (issue: no module over about 400 lines).
OVER_TODAY: dict[str, int] = {}


@pytest.mark.parametrize("module,path", modules(), ids=[m for m, _ in modules()])
def test_no_module_is_too_long(module: str, path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    allowed = OVER_TODAY.get(module, LIMIT)
    assert lines <= allowed, f"{module} has {lines} lines (at most {allowed}): split it by concern"
    if module in OVER_TODAY:
        assert lines > LIMIT, f"{module} is down to {lines} lines: remove it from OVER_TODAY"


# What 'edition --help' and 'edition check' must not load: each command imports the stages it
# needs when it runs, so the commonest commands start in a fraction of the time.
NOT_AT_START = {"--help": ("edition.pipeline", "edition.latex", "edition.html", "edition.interchange", "edition.build",
                           "jinja2", "lxml", "pybtex"),
                "check": ("edition.latex", "edition.html", "edition.interchange", "jinja2", "lxml")}


@pytest.mark.parametrize("command", sorted(NOT_AT_START))
def test_a_command_loads_only_the_stages_it_needs(command: str, tmp_path: Path) -> None:
    import subprocess
    import sys

    probe = ("import sys\nfrom edition.cli.main import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
             "print('\\n'.join(sorted(sys.modules)))")
    root = PACKAGE.parent / "tests" / "fixtures" / "mini"  # what is loaded does not depend on the reader's size
    proc = subprocess.run([sys.executable, "-c", probe, "--root", str(root), command], capture_output=True, text=True,
                          check=False, cwd=tmp_path)
    loaded = set(proc.stdout.split())
    assert "edition.cli.main" in loaded, proc.stderr
    if command == "check":
        assert "edition.passes.plan" in loaded, "the probe did not run the check"
    heavy = sorted(m for m in loaded if any(m == p or m.startswith(p + ".") for p in NOT_AT_START[command]))
    assert not heavy, f"'edition {command}' loads {', '.join(heavy)} before it needs them"
