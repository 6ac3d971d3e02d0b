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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Error,
    Page,
    Request,
    Route,
)

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

    def clear(self) -> None:
        """Forget what was recorded: a kept tab starts each test with an empty log."""
        self.requests.clear()
        self.errors.clear()


@dataclass
class Session:
    """A fresh browser tab on the served site, with everything it did recorded."""

    page: Page
    log: BrowserLog
    base: str

    def open(self, path: str, *, settle: bool = False) -> Page:
        """Open a site path (``prozesse/x/``); ``settle`` waits until no request is open."""
        self.page.goto(self.base + path, wait_until="networkidle" if settle else "load")
        return self.page


@contextmanager
def open_session(browser: Browser, base: str, color_scheme: Any = "light") -> Iterator[Session]:
    """A fresh browser context; on leaving, fails if a page went off-host or logged errors."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="de-DE",
        color_scheme=color_scheme,
        service_workers="block",
    )
    context.set_default_timeout(10_000)
    log = BrowserLog()
    log.attach(context)
    try:
        yield Session(context.new_page(), log, base)
    finally:
        context.close()
    # Every test doubles as a check that the pages it visited stayed on this machine.
    problems = log.problems()
    assert not problems, "The browser reported:\n" + "\n".join(problems)


# Material keeps the colour choice and search state in the page's storage.
_FORGET_STORAGE = "() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }"


class WarmTabs:
    """Browser tabs kept open across the tests of one worker, one per viewport and scheme.

    A fresh context per test costs a new cache: every page then loads Material's scripts
    and styles again, most of a page load's time. Tests share a kept tab instead: each
    opens its own pages, starts with an empty log and the tab's viewport, and leaves no
    cookies or stored settings behind, even when it fails. Tests that add scripts, routes
    or handlers to the page (the security tests) use ``open_session``: those would
    outlive the test.
    """

    def __init__(self, browser: Browser, base: str) -> None:
        self._browser = browser
        self._base = base
        self._tabs: dict[tuple[tuple[int, int], str], tuple[BrowserContext, Page, BrowserLog]] = {}

    @contextmanager
    def tab(
        self, *, viewport: tuple[int, int] = (1280, 900), color_scheme: Any = "light"
    ) -> Iterator[Session]:
        key = (viewport, color_scheme)
        if key not in self._tabs:
            context = self._browser.new_context(
                viewport={"width": viewport[0], "height": viewport[1]},
                locale="de-DE",
                color_scheme=color_scheme,
                service_workers="block",
            )
            context.set_default_timeout(10_000)
            log = BrowserLog()
            log.attach(context)
            self._tabs[key] = (context, context.new_page(), log)
        context, page, log = self._tabs[key]
        log.clear()
        # What a test may have changed goes back to how a fresh tab starts.
        page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
        page.emulate_media(media="null")
        try:
            yield Session(page, log, self._base)
        finally:
            context.clear_cookies()
            page.evaluate(_FORGET_STORAGE)
        problems = log.problems()
        assert not problems, "The browser reported:\n" + "\n".join(problems)

    def close(self) -> None:
        for context, _, _ in self._tabs.values():
            context.close()
        self._tabs.clear()


# -- accessibility -------------------------------------------------------------------------

BLOCKING_IMPACTS = ("serious", "critical")
_AXE = Axe()
# Only violations are collected (the library's default, stated here so that it stays):
# collecting passes too doubles axe's time on a large page.
_AXE_OPTIONS = {"resultTypes": ["violations"]}


def serious_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations of ``page`` with impact serious or critical."""
    violations = _AXE.run(page, options=_AXE_OPTIONS).response["violations"]
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:10]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '')!r}"[:400])
        if len(violation["nodes"]) > 10:
            lines.append(f"    … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)
