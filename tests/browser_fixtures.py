"""Session fixtures of every browser test module: the demo site, Playwright, Chromium.

Registered once for all modules (``pytest_plugins`` in conftest.py): Playwright's sync
API allows one driver per process, so no test module may define its own.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from browser_support import CHROMIUM_ARGS, StaticServer, build_demo_site, require_chromium


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo handbook, built once and served on 127.0.0.1 for the whole session."""
    site = build_demo_site(tmp_path_factory.mktemp("browser") / "site")
    with StaticServer(site) as server:
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
