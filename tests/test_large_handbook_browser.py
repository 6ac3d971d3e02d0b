"""Pages only a large handbook has (A–Z pages, the ownership and knowledge-risk reports
by unit, a tag's pages by initial), in Chromium: no serious axe violation, no sideways
scrolling on a phone.

The demo has too few processes for them; a generated handbook just above the limit
(250 processes) has them all, with one tag that every process carries.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from browser_support import (
    StaticServer,
    format_violations,
    open_session,
    serious_violations,
)
from sitebuild import built_once, mkdocs_build
from test_bench_smoke import REPO_ROOT, load_generator
from test_layout_browser import _OVERFLOW_SCRIPT

pytestmark = pytest.mark.browser

PROCESSES = 260
EVERYWHERE = "Verwaltung"
"""A tag on every process, so that its page is split by initial."""


def _build(root: Path) -> None:
    gen = load_generator()
    handbook = gen.generate(PROCESSES, seed=5)
    for process in handbook.processes.values():
        process["tags"] = [*process.get("tags", []), EVERYWHERE]
    project = gen.write_handbook(root / "handbook", handbook, REPO_ROOT)
    done = mkdocs_build(project, "--strict", env={"PROZESSHANDBUCH_TODAY": str(gen.TODAY)})
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = built_once(tmp_path_factory, "large", _build) / "handbook" / "site"
    with StaticServer(site) as server:
        yield server.url


def _first(site: Path, folder: str) -> str:
    return f"{folder}/{sorted(p.name for p in (site / folder).iterdir() if p.is_dir())[0]}/"


@pytest.mark.parametrize("width", [320, 1366])
def test_pages_of_a_large_handbook_are_accessible_and_reflow(
    browser: Browser, large_site: str, tmp_path_factory: pytest.TempPathFactory, width: int
) -> None:
    site = built_once(tmp_path_factory, "large", _build) / "handbook" / "site"
    paths = [
        "prozesse/",
        _first(site, "prozesse-a-z"),
        "berichte/verantwortung/",
        _first(site, "berichte/verantwortung"),
        "berichte/wissensrisiko/",
        _first(site, "berichte/wissensrisiko"),
        _first(site, "schlagworte"),
        "schlagworte/verwaltung/",
        _first(site, "schlagworte/verwaltung"),
    ]
    with open_session(browser, large_site) as session:
        session.page.set_viewport_size({"width": width, "height": 800})
        for path in paths:
            page = session.open(path)
            assert page.locator("article h1").count() == 1, path
            violations = serious_violations(page)
            assert not violations, f"axe on /{path}:\n" + format_violations(violations)
            result: dict[str, Any] = page.evaluate(_OVERFLOW_SCRIPT)
            assert result["pageScroll"] <= 0, (path, result["problems"])
            assert not result["problems"], (path, result["problems"])
