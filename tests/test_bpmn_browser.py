"""bpmn-js, the modeller behind bpmn.io and Camunda Modeler, opens every exported demo file.

The page loads bpmn-js from ``tests/js/node_modules`` (installed by ``make test`` from the
npm registry) through a server on 127.0.0.1; a request to any other host fails the test.
A screenshot of each diagram lands in ``test-results/bpmn/`` for a person to look at.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from browser_support import REPO_ROOT, StaticServer, WarmTabs
from prozesshandbuch.analysis.relations import build_relations
from prozesshandbuch.content.load import load_handbook
from prozesshandbuch.interop.site_files import exchange_files

pytestmark = pytest.mark.browser

BPMN_JS = REPO_ROOT / "tests" / "js" / "node_modules" / "bpmn-js" / "dist"
VIEWER_PAGE = REPO_ROOT / "tests" / "bpmn_viewer" / "view.html"
SCREENSHOTS = REPO_ROOT / "test-results" / "bpmn"


def _demo_files() -> dict[str, bytes]:
    handbook = load_handbook(REPO_ROOT / "content", REPO_ROOT).handbook
    files = exchange_files(handbook, build_relations(handbook))
    return {Path(path).name: data for path, data in files.items() if path.endswith(".bpmn")}


DEMO_FILES = _demo_files()


@pytest.fixture(scope="module")
def viewer_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """bpmn-js, its test page and every exported demo file, served on 127.0.0.1."""
    if not (BPMN_JS / "bpmn-viewer.production.min.js").is_file():
        pytest.fail(
            f"{BPMN_JS} fehlt: 'make test' installiert bpmn-js aus npm nach tests/js/ "
            "(bpmn-js is missing; 'make test' installs it).",
            pytrace=False,
        )
    folder = tmp_path_factory.mktemp("bpmn-viewer")
    shutil.copy(BPMN_JS / "bpmn-viewer.production.min.js", folder)
    for name in ("bpmn-js.css", "diagram-js.css"):
        shutil.copy(BPMN_JS / "assets" / name, folder)
    shutil.copytree(BPMN_JS / "assets" / "bpmn-font", folder / "bpmn-font")
    shutil.copy(VIEWER_PAGE, folder / "view.html")
    for name, data in DEMO_FILES.items():
        (folder / name).write_bytes(data)
    with StaticServer(folder) as server:
        yield server.url


@pytest.fixture(scope="module")
def viewer_tabs(browser: Browser, viewer_url: str) -> Iterator[WarmTabs]:
    """Kept tabs on the viewer: bpmn-js (a megabyte of script) is loaded and compiled once."""
    tabs = WarmTabs(browser, viewer_url)
    yield tabs
    tabs.close()


# The session's one Chromium (browser_fixtures.py), shared with the other browser tests.
@pytest.mark.parametrize("name", sorted(DEMO_FILES), ids=lambda n: Path(n).stem)
def test_bpmn_js_imports_the_exported_file_without_warnings(
    viewer_tabs: WarmTabs, name: str
) -> None:
    with viewer_tabs.tab() as session:
        page = session.open(f"view.html?file={name}")
        page.wait_for_selector("body[data-result]")
        result = json.loads(page.locator("body").get_attribute("data-result") or "{}")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{Path(name).stem}.png"))
    assert result["error"] is None, result
    assert result["warnings"] == []
    # Pool, lanes, events, steps and flows all became diagram elements.
    assert result["elements"] > 5
