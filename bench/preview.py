"""Save to preview: how long `make serve` takes to show a saved change.

Starts ``mkdocs serve`` on the generated handbook the way ``make serve`` does (same
flags, on 127.0.0.1 and a free port), waits for the first build, changes the title of
one step in one process file, and polls that process's page until the new title is
served. Then it reads the search index and counts the pages it holds.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

SERVE_FLAGS = ("--dirty",)
"""The flags `make serve` passes to `mkdocs serve`; a test keeps the Makefile in step."""
STARTUP_TIMEOUT = 3600.0
CHANGE_TIMEOUT = 600.0
POLL_SECONDS = 0.1


class PreviewError(RuntimeError):
    """The server did not start or never showed the change."""


@dataclass
class Preview:
    """What one save-to-preview measurement found."""

    first_build: float
    """Seconds from starting the server to the first page served."""
    seconds: float
    """Seconds from saving the file to its page showing the change."""
    indexed_pages: int
    """Pages the search index held after the change."""
    site_pages: int
    """Pages the first build served (from its search index)."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def indexed_pages(base: str) -> int:
    """Distinct pages in the served search index."""
    text = fetch(base + "search/search_index.json")
    if text is None:
        return 0
    docs = json.loads(text).get("docs", [])
    return len({doc["location"].split("#", 1)[0] for doc in docs})


def first_step_title(path: Path) -> tuple[str, str]:
    """The first ``title:`` of a step in a process file, and the file's text."""
    text = path.read_text(encoding="utf-8")
    match = re.search(r"^\s+(?:- )?title: (.+)$", text.split("\nsteps:", 1)[1], re.MULTILINE)
    if match is None:
        raise PreviewError(f"no step title in {path}")
    return match.group(1).strip(), text


def measure_preview(project: Path, process_id: str) -> Preview:
    """Serve ``project``, change a step of ``process_id``, time until the page shows it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    page = f"{base}prozesse/{process_id}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PROZESSHANDBUCH_TIMINGS", None)
    log_path = project / "serve.log"
    with log_path.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *SERVE_FLAGS, "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            started = time.perf_counter()
            _wait(lambda: fetch(page) is not None, STARTUP_TIMEOUT, server, log_path)
            first_build = time.perf_counter() - started
            site_pages = indexed_pages(base)
            source = project / "content" / "processes" / f"{process_id}.yml"
            old_title, text = first_step_title(source)
            # ASCII: the search index escapes everything else (\u00e4).
            new_title = f"Vorschau {time.time_ns()}"
            saved = time.perf_counter()
            source.write_text(text.replace(old_title, new_title, 1), encoding="utf-8")
            _wait(lambda: new_title in (fetch(page) or ""), CHANGE_TIMEOUT, server, log_path)
            seconds = time.perf_counter() - saved
            # The search index is written after the pages.
            index = base + "search/search_index.json"
            _wait(lambda: new_title in (fetch(index) or ""), CHANGE_TIMEOUT, server, log_path)
            return Preview(first_build, seconds, indexed_pages(base), site_pages)
        finally:
            os.killpg(server.pid, signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


def _wait(ready: object, timeout: float, server: subprocess.Popen[bytes], log: Path) -> None:
    assert callable(ready)
    deadline = time.perf_counter() + timeout
    while not ready():
        if server.poll() is not None:
            raise PreviewError(f"mkdocs serve stopped:\n{log.read_text(encoding='utf-8')[-3000:]}")
        if time.perf_counter() > deadline:
            raise PreviewError(f"mkdocs serve: no change after {timeout:.0f} s")
        time.sleep(POLL_SECONDS)
