"""Helpers for the real-browser tests: build the demo handbook, serve it, watch the browser.

Kept apart from ``test_browser.py`` so that the tests read as what a user does, and the
plumbing (demo build, HTTP server thread, request log) lives in one place.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Error, Request, Route

from conftest import FIXED_TODAY
from prozesshandbuch.build.config import TODAY_VARIABLE
from sitebuild import mkdocs_build

REPO_ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium, never a downloaded one; flags keep it from phoning home on its own.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOST = "127.0.0.1"


def require_chromium() -> str:
    """The path of Debian's Chromium; fails the test run with the fix if it is missing."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"{CHROMIUM} fehlt: die Browsertests brauchen Debians Chromium. Installieren mit "
            "'sudo apt-get install chromium' (oder 'make test' als root). "
            f"({CHROMIUM} is missing; install it with 'sudo apt-get install chromium'.)",
            pytrace=False,
        )
    return str(CHROMIUM)


def build_demo_site(site_dir: Path) -> str:
    """Build the repository's handbook (``mkdocs build --strict``) into ``site_dir``;
    returns what the build printed."""
    done = mkdocs_build(
        REPO_ROOT,
        "--strict",
        "-f",
        str(REPO_ROOT / "mkdocs.yml"),
        "-d",
        str(site_dir),
        timeout=600,
        # The demo's reviews fall due as real days pass; the tests read it on a fixed day.
        env={TODAY_VARIABLE: FIXED_TODAY.isoformat()},
    )
    if done.returncode != 0:
        pytest.fail(
            "The demo handbook does not build with --strict:\n" + done.stderr[-4000:],
            pytrace=False,
        )
    return done.stderr


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No access log on stderr: it would only clutter the test output."""


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that closes a connection early (a page left while it loads) is no
        error of the site; anything else is printed as usual."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class StaticServer:
    """Serves a folder on 127.0.0.1 at a free port from a background thread."""

    def __init__(self, directory: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self._server = _Server((LOCAL_HOST, 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The base URL, ending in a slash."""
        return f"http://{LOCAL_HOST}:{self._server.server_address[1]}/"

    def __enter__(self) -> StaticServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)


def is_local(url: str) -> bool:
    """Whether a request stays on this machine: 127.0.0.1, or inline data."""
    if url.startswith("data:"):
        return True
    if url.startswith("blob:"):
        url = url[len("blob:") :]
    return urlsplit(url).hostname == LOCAL_HOST


@dataclass
class BrowserLog:
    """Every request and every console or script error of one browser context.

    Requests to other hosts are aborted after being recorded: a test must fail because
    the page tried to load something from outside, not hang because there is no network.
    """

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.on("request", self._on_request)
        context.on("console", self._on_console)
        context.on("page", lambda page: page.on("pageerror", self._on_page_error))
        context.route("**/*", self._route)

    def _on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            self.errors.append(f"console: {message.text} ({where})")

    def _on_page_error(self, error: Error) -> None:
        self.errors.append(f"pageerror: {error.message}")

    @staticmethod
    def _route(route: Route) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    @property
    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not is_local(url)]

    def problems(self) -> list[str]:
        """What went wrong in this context, one line each; empty when all is well."""
        return [f"request leaves {LOCAL_HOST}: {url}" for url in self.foreign_requests] + list(
            self.errors
        )
