"""The guide's screenshots, taken from the demo handbook in a real headless Chromium.

Each run takes them afresh into ``test-results/`` for a human to compare; with
``PROZESSHANDBUCH_UPDATE_SCREENSHOTS=1`` it also replaces the ones the guide ships
(``plugins/prozesshandbuch/assets/anleitung-*.png``), so they follow the pages they show.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from browser_support import REPO_ROOT
from test_browser import open_session

pytestmark = pytest.mark.browser

ASSETS = REPO_ROOT / "plugins" / "prozesshandbuch" / "assets"
RESULTS = REPO_ROOT / "test-results"
PROCESS = "prozesse/reisepass-beantragen/"
GUIDE = "anleitung/"
EDIT_SHOT = "anleitung-bearbeiten.png"
REVIEW_SHOT = "anleitung-pruefung.png"
MARGIN = 12


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def shoot_edit_button(page: Page, target: Path) -> None:
    """The page's title with the edit button under it, as an author first sees them."""
    heading = page.locator("article h1")
    button = page.locator("article a.ph-edit-button")
    expect(button).to_have_text("Diesen Prozess bearbeiten")
    top, bottom = heading.bounding_box(), button.bounding_box()
    article = page.locator("article").bounding_box()
    assert top is not None
    assert bottom is not None
    assert article is not None
    page.screenshot(
        path=target,
        clip={
            "x": article["x"],
            "y": max(top["y"] - MARGIN, 0),
            "width": article["width"],
            "height": bottom["y"] + bottom["height"] - top["y"] + 2 * MARGIN,
        },
    )


def test_guide_screenshots_are_taken_from_the_demo(browser: Browser, site_url: str) -> None:
    RESULTS.mkdir(exist_ok=True)
    with open_session(browser, site_url) as session:
        page = session.open(PROCESS)
        shoot_edit_button(page, RESULTS / EDIT_SHOT)
        facts = page.locator("article .ph-facts")
        expect(facts).to_contain_text("Prüfung")
        facts.screenshot(path=RESULTS / REVIEW_SHOT)
    for name in (EDIT_SHOT, REVIEW_SHOT):
        width, height = png_size(RESULTS / name)
        assert width > 300, (name, width)
        assert height > 40, (name, height)
        if os.environ.get("PROZESSHANDBUCH_UPDATE_SCREENSHOTS") == "1":
            shutil.copyfile(RESULTS / name, ASSETS / name)
        assert (ASSETS / name).is_file(), f"{name} missing: run with UPDATE_SCREENSHOTS=1"
        png_size(ASSETS / name)


def test_guide_shows_its_screenshots_with_text_alternatives(
    browser: Browser, site_url: str
) -> None:
    with open_session(browser, site_url) as session:
        page = session.open(GUIDE)
        title = "Anleitung: das Handbuch im Browser pflegen"
        expect(page.locator("article h1")).to_have_text(title)
        images = page.locator("article img")
        assert images.count() == 2
        for index in range(images.count()):
            image = images.nth(index)
            alt = image.get_attribute("alt") or ""
            assert len(alt) > 20, alt
            image.scroll_into_view_if_needed()
            loaded = image.evaluate("img => img.complete && img.naturalWidth")
            assert loaded, image.get_attribute("src")
