"""Session fixtures of every test module: the demo site, and for the browser tests
Playwright and Chromium.

Registered once for all modules (``pytest_plugins`` in conftest.py): Playwright's sync
API allows one driver per process, so no test module may define its own. The demo is
built once per test session, shared by all xdist workers (``built_once``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from browser_support import (
    CHROMIUM_ARGS,
    StaticServer,
    WarmTabs,
    build_demo_site,
    require_chromium,
)
from sitebuild import built_once

DEMO_LOG = "mkdocs-build.log"


def _build_demo(root: Path) -> None:
    (root / DEMO_LOG).write_text(build_demo_site(root / "site"), encoding="utf-8")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's demo handbook built with --strict, once per session (read only).

    What the build printed is in ``DEMO_LOG`` next to the site folder.
    """
    return built_once(tmp_path_factory, "demo", _build_demo) / "site"


@pytest.fixture(scope="session")
def site_url(demo_site: Path) -> Iterator[str]:
    """The demo handbook served on 127.0.0.1 for the whole session."""
    with StaticServer(demo_site) as server:
        yield server.url


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    """One Chromium for the whole session; each test gets a fresh context."""
    executable = require_chromium()
    chromium = playwright_driver.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def warm_tabs(browser: Browser, site_url: str) -> Iterator[WarmTabs]:
    """Kept tabs on the demo handbook for tests that only open and read pages."""
    tabs = WarmTabs(browser, site_url)
    yield tabs
    tabs.close()
