"""Every page type of the demo on a phone and on a desktop, in a real headless Chromium:
no sideways page scrolling at 320 CSS px (WCAG 1.4.10), no clipped text, orientation
(breadcrumb, highlighted area), the German 404 page, and screenshots for a human to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from browser_support import REPO_ROOT
from test_browser import (
    Session,
    browser,
    open_session,
    playwright_driver,
    site_url,
)

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "start": "",
    "finder": "zustaendigkeit/",
    "news": "neu/",
    "process-index": "prozesse/",
    "role-index": "rollen/",
    "unit-index": "einheiten/",
    "system-index": "systeme/",
    "tags": "schlagworte/",
    "ownership": "berichte/verantwortung/",
    "review": "berichte/pruefung/",
    "risk": "berichte/wissensrisiko/",
    "guide": "anleitung/",
    "reference": "referenz/",
    "process": "prozesse/reisepass-beantragen/",
    "wide-process": "prozesse/fundtier-aufnehmen/",
    "role": "rollen/sachbearbeitung-buergerbuero/",
    "unit": "einheiten/buergerbuero/",
    "system": "systeme/voismeso/",
    "not-found": "404.html",
}
VIEWPORTS = {"phone-320": (320, 800), "phone-390": (390, 844), "desktop-1366": (1366, 900)}
RESULTS = REPO_ROOT / "test-results"


@pytest.fixture
def viewport_tab(
    request: pytest.FixtureRequest, browser: Browser, site_url: str
) -> Iterator[Session]:
    width, height = request.param
    with open_session(browser, site_url) as session:
        session.page.set_viewport_size({"width": width, "height": height})
        yield session


# Elements that may be wider than the page because they scroll inside their own box.
_OVERFLOW_SCRIPT = """
() => {
  const width = document.documentElement.clientWidth;
  const scrollers = ".ph-table-wrap, pre, .highlight, .md-typeset__scrollwrap, .ph-diagram-scroll";
  const problems = [];
  const describe = (el) => el.tagName.toLowerCase()
      + (typeof el.className === "string" && el.className
        ? "." + el.className.trim().split(/\\s+/).join(".") : "")
      + " '" + (el.textContent || "").trim().slice(0, 40) + "'";
  for (const el of document.querySelectorAll("article *")) {
    if (el.closest(scrollers) && !el.matches(scrollers)) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > width + 1) {
      problems.push("sticks out by " + Math.round(box.right - width) + " px: " + describe(el));
    }
    const style = getComputedStyle(el);
    const clips = ["hidden", "clip"].includes(style.overflowX);
    if (clips && !el.matches(scrollers) && el.scrollWidth > el.clientWidth + 1
        && style.clipPath === "none" && (el.textContent || "").trim()) {
      const by = el.scrollWidth - el.clientWidth;
      problems.push("clips its text by " + by + " px: " + describe(el));
    }
  }
  return {
    pageScroll: document.documentElement.scrollWidth - width,
    problems: problems.slice(0, 15),
  };
}
"""

# A box that scrolls must be reachable and named: tabindex and a region name.
_SCROLLER_SCRIPT = """
() => Array.from(document.querySelectorAll("article .ph-table-wrap"))
  .filter((box) => box.scrollWidth > box.clientWidth + 1)
  .map((box) => ["tabindex", "role", "aria-label"].map((name) => box.getAttribute(name)))
"""


@pytest.mark.parametrize(
    "viewport_tab", list(VIEWPORTS.values()), ids=list(VIEWPORTS), indirect=True
)
@pytest.mark.parametrize("path", list(PAGE_TYPES.values()), ids=list(PAGE_TYPES))
def test_page_reflows_without_sideways_scrolling_or_clipped_text(
    viewport_tab: Session, path: str
) -> None:
    page = viewport_tab.open(path)
    result: dict[str, Any] = page.evaluate(_OVERFLOW_SCRIPT)
    width = page.viewport_size["width"] if page.viewport_size else 0
    assert result["pageScroll"] <= 0, (
        f"/{path} at {width} px scrolls sideways by {result['pageScroll']} px:\n"
        + "\n".join(result["problems"])
    )
    assert not result["problems"], f"/{path} at {width} px:\n" + "\n".join(result["problems"])
    for tabindex, role, label in page.evaluate(_SCROLLER_SCRIPT):
        where = f"/{path} at {width} px: a scrolling table box"
        assert (tabindex, role) == ("0", "region"), f"{where} is not a focusable region"
        assert label, f"{where} has no name"


def test_table_cells_hyphenate_instead_of_splitting_words(tab: Session) -> None:
    """Material's `word-break: break-word` on links must not reach the handbook's tables."""
    page = tab.open(PAGE_TYPES["process"])
    styles = page.locator(".ph-steps td a").first.evaluate(
        "a => { const s = getComputedStyle(a); return [s.wordBreak, s.hyphens, a.lang || "
        "a.closest('[lang]').lang]; }"
    )
    assert styles == ["normal", "auto", "de"]


@pytest.fixture
def tab(browser: Browser, site_url: str) -> Iterator[Session]:
    with open_session(browser, site_url) as session:
        yield session


def test_steps_become_labelled_cards_on_a_phone(viewport_tab_phone: Session) -> None:
    page = viewport_tab_phone.open(PAGE_TYPES["process"])
    first_row = page.locator(".ph-steps tbody tr").first
    assert first_row.evaluate("row => getComputedStyle(row).display") == "block"
    label = (
        first_row.locator("td").nth(2).evaluate("td => getComputedStyle(td, '::before').content")
    )
    assert label == '"Wer: "'


@pytest.fixture
def viewport_tab_phone(browser: Browser, site_url: str) -> Iterator[Session]:
    with open_session(browser, site_url) as session:
        session.page.set_viewport_size({"width": 320, "height": 800})
        yield session


# -- orientation ---------------------------------------------------------------------------


def test_entity_page_has_a_breadcrumb_and_lights_up_its_area(tab: Session) -> None:
    page = tab.open(PAGE_TYPES["process"])
    crumbs = page.locator("nav.ph-breadcrumb li")
    expect(crumbs).to_have_text(["Prozesse", "Bürgerbüro", "Reisepass beantragen"])
    expect(crumbs.last).to_have_attribute("aria-current", "page")
    active = page.locator(".md-sidebar--primary .md-nav__item--active > .md-nav__link")
    expect(active.first).to_contain_text("Prozesse")

    crumbs.nth(1).locator("a").click()
    expect(page.locator("article h1")).to_have_text("Bürgerbüro")
    expect(
        page.locator(".md-sidebar--primary .md-nav__item--active > .md-nav__link").first
    ).to_contain_text("Organisation")


def test_process_page_leads_along_a_roles_reading_order(tab: Session) -> None:
    page = tab.open(PAGE_TYPES["process"])
    path = page.locator(".ph-reading-path").first
    expect(path).to_contain_text("Einarbeitung Sachbearbeitung Bürgerbüro")
    following = path.locator("a[rel=next]")
    title = following.inner_text().split(":", 1)[1].strip(" →")
    following.click()
    expect(page.locator("article h1")).to_have_text(title)
    expect(page.locator(".ph-reading-path a[rel=prev]").first).to_contain_text(
        "Reisepass beantragen"
    )


# -- German polish -------------------------------------------------------------------------


def test_not_found_page_is_german_and_offers_search_and_start(tab: Session) -> None:
    page = tab.open(PAGE_TYPES["not-found"])
    expect(page.locator("article h1")).to_have_text("Seite nicht gefunden")
    page.get_by_label("Im Handbuch suchen").fill("Reisepass")
    page.get_by_role("button", name="Im Handbuch suchen").click()
    # Material's search opens with the query the form handed over.
    expect(page.locator("input.md-search__input")).to_have_value("Reisepass")
    page.goto(tab.base + PAGE_TYPES["not-found"])
    page.get_by_role("link", name="Zur Startseite").click()
    expect(page).to_have_url(tab.base)


def test_footer_has_no_made_with_credit(tab: Session) -> None:
    page = tab.open("")
    expect(page.locator("footer")).not_to_contain_text("Made with")


def test_anchors_keep_umlauts_readable(tab: Session) -> None:
    page = tab.open(PAGE_TYPES["process"])
    ids = page.locator("article h2").evaluate_all("hs => hs.map(h => h.id)")
    assert "uebergaben" in ids
    assert "schwachstellen-und-massnahmen" in ids


# -- screenshots ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "size"),
    [("phone-390", (390, 844)), ("phone-320", (320, 800)), ("desktop-1366", (1366, 900))],
)
def test_screenshots_are_saved_for_review(
    browser: Browser, site_url: str, name: str, size: Any
) -> None:
    RESULTS.mkdir(exist_ok=True)
    with open_session(browser, site_url) as session:
        session.page.set_viewport_size({"width": size[0], "height": size[1]})
        for page_name in ("process", "process-index", "finder", "unit-index"):
            page: Page = session.open(PAGE_TYPES[page_name])
            target = RESULTS / f"{page_name}-{name}.png"
            # The finder lists hundreds of entries: its first screen is what matters.
            page.screenshot(path=target, full_page=page_name != "finder")
            assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
