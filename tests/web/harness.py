"""The web tests' tools: a site built from a fixture, served on the loopback address, and
the browser job (tests/web/browser.mjs: Debian's chromium through playwright-core, axe-core),
the Nu validator and epubcheck. Missing tools skip on a developer's machine and fail in CI."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO / "node_modules"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = Path("/usr/bin/chromium")
# The Java checkers run once over many files: the quick compiler alone makes them about three times faster.
JAVA = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def require(*tools: str) -> None:
    """The tools are there (or the test is skipped, failed in CI), and the test that asks is marked
    ``browser``: ``make test-fast`` leaves those out, so an unmarked one would slow it unseen."""
    from conftest import _current

    if _current and _current[-1].get_closest_marker("browser") is None:
        pytest.fail(f"{_current[-1].nodeid} runs {', '.join(tools)}: mark it @pytest.mark.browser", pytrace=False)
    missing = [t for t in tools if not _have(t)]
    if missing:
        message = f"missing for the web tests: {', '.join(missing)} (tools/ensure-web-test.sh installs them)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _have(tool: str) -> bool:
    if tool == "chromium":
        return CHROMIUM.exists() and shutil.which("node") is not None and (NODE_MODULES / "playwright-core").is_dir() \
            and (NODE_MODULES / "axe-core").is_dir()
    if tool == "vnu":
        return VNU.exists() and shutil.which("java") is not None
    return shutil.which(tool) is not None


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """The folder on http://127.0.0.1:PORT (a free port), for as long as the block runs."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def browse(job: dict[str, Any]) -> dict[str, Any]:
    """Run one browser job (see browser.mjs) and return its report."""
    require("chromium")
    proc = subprocess.run(["node", str(Path(__file__).with_name("browser.mjs"))], input=json.dumps(job),
                          capture_output=True, text=True, check=False, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report: dict[str, Any] = json.loads(proc.stdout)
    return report


def validate_html(files: list[Path]) -> list[dict[str, Any]]:
    """The Nu validator's errors for the files (vnu.jar from npm, with the machine's Java)."""
    require("vnu")
    proc = subprocess.run([*JAVA, "-Xss16m", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                          capture_output=True, text=True, check=False, timeout=600)
    messages: list[dict[str, Any]] = json.loads(proc.stderr or proc.stdout or '{"messages": []}')["messages"]
    return messages


def epubcheck(book: Path) -> tuple[int, str]:
    require("epubcheck")
    jar = Path(shutil.which("epubcheck") or "epubcheck").resolve()  # Debian's is an executable jar
    command = [*JAVA, "-jar", str(jar)] if jar.suffix == ".jar" else [str(jar)]
    proc = subprocess.run([*command, str(book)], capture_output=True, text=True, check=False, timeout=600)
    return proc.returncode, proc.stdout + proc.stderr
