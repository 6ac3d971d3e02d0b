"""The demo handbook in a real headless Chromium: search, diagrams, finder, no outside
requests, accessibility (axe-core), and a screenshot for a human to look at.

The site is built once per test session (per xdist worker) from the repository's own
``mkdocs.yml`` into a temporary folder and served on 127.0.0.1.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from browser_support import (
    REPO_ROOT,
    Session,
    WarmTabs,
    format_violations,
    open_session,
    serious_violations,
)

pytestmark = pytest.mark.browser

PROCESS = "prozesse/reisepass-beantragen/"
ROLE = "rollen/sachbearbeitung-buergerbuero/"
UNIT = "einheiten/buergerbuero/"
SYSTEM = "systeme/voismeso/"
FINDER = "zustaendigkeit/"
REPORT = "berichte/verantwortung/"
START = ""
SCREENSHOT = REPO_ROOT / "test-results" / "process-page.png"
# The search worker builds its index after the page has loaded; results settle after that.
SEARCH_TIMEOUT = 15.0


# -- fixtures (the session ones, site_url and browser, are in browser_fixtures.py) --------


@pytest.fixture
def tab(warm_tabs: WarmTabs) -> Iterator[Session]:
    """A kept tab (warm cache), with an empty log, storage and cookies for this test."""
    with warm_tabs.tab() as session:
        yield session


# -- helpers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    title: str
    url: str

    @property
    def path(self) -> str:
        """The page path without Material's ``?h=`` highlight query and any anchor."""
        return urlsplit(self.url).path.lstrip("/")


def search(session: Session, text: str) -> list[Hit]:
    """Type ``text`` into Material's search box key by key; the settled result list."""
    page = session.open(START)
    page.locator("input.md-search__input").click()
    page.keyboard.type(text, delay=50)
    return settled_hits(page)


def settled_hits(page: Page) -> list[Hit]:
    """The result list once it is non-empty and unchanged over three looks 400 ms apart.

    The worker answers each keystroke in turn, so a list that has not changed for a while
    is the answer to the whole text.
    """
    expect(page.locator(".md-search-result__meta")).to_be_visible()
    previous: list[Hit] = []
    unchanged = 0
    deadline = time.monotonic() + SEARCH_TIMEOUT
    while time.monotonic() < deadline:
        rows = page.locator(".md-search-result__item").evaluate_all(
            """items => items.map(item => {
                const link = item.querySelector("a");
                const title = item.querySelector("h1");
                return [title ? title.textContent.trim() : "", link ? link.href : ""];
            })"""
        )
        current = [Hit(title, url) for title, url in rows]
        unchanged = unchanged + 1 if current and current == previous else 0
        if unchanged == 2:
            return current
        previous = current
        page.wait_for_timeout(400)
    return previous


def describe(hits: list[Hit]) -> str:
    return "\n".join(f"  {n}. {hit.title} <{hit.url}>" for n, hit in enumerate(hits, 1))


def svg_link_target(link: Locator) -> str:
    """The absolute URL an SVG link leads to, resolved like the browser will."""
    return str(link.evaluate("a => new URL(a.getAttribute('href'), document.baseURI).href"))


def accessible_name(link: Locator) -> str:
    """The name the browser's accessibility tree gives ``link`` (an SVG link's comes from
    its ``<title>``); "" if the tree does not show it as a named link."""
    # The snapshot is YAML: "- link "name"", in single quotes when the name has a colon.
    match = re.match(r"- '?link \"((?:[^\"\\]|\\.)*)\"", link.aria_snapshot())
    return match.group(1) if match else ""


def diagram_links(page: Page, selector: str) -> Locator:
    """The links matching ``selector`` inside the page's inline SVG diagrams."""
    links = page.locator(selector)
    assert links.count(), f"no {selector!r} on {page.url}: is the diagram on the page?"
    return links


def click_svg_link(link: Locator) -> None:
    # A link's box may be mostly empty (an unfilled lane); its label is what people click.
    label = link.locator("text")
    (label.first if label.count() else link).click()


# -- search --------------------------------------------------------------------------------


def test_search_for_pass_lists_the_passport_process_in_the_top_three(tab: Session) -> None:
    hits = search(tab, "Pass")
    titles = [hit.title for hit in hits[:3]]
    assert "Reisepass beantragen" in titles, "results for 'Pass':\n" + describe(hits)


def test_search_for_a_role_title_finds_the_role_page(tab: Session) -> None:
    hits = search(tab, "Sachbearbeitung Bürgerbüro")
    assert ROLE in [hit.path for hit in hits[:3]], "results:\n" + describe(hits)


@pytest.mark.parametrize("spelling", ["Bürgerbüro", "Buergerbuero"])
def test_search_finds_the_unit_with_and_without_umlauts(tab: Session, spelling: str) -> None:
    hits = search(tab, spelling)
    assert UNIT in [hit.path for hit in hits[:3]], f"results for {spelling!r}:\n" + describe(hits)


def test_the_search_index_is_requested_only_when_the_reader_searches(tab: Session) -> None:
    def index_requests() -> list[str]:
        return [
            url
            for url in tab.log.requests
            if urlsplit(url).path.endswith("/search/search_index.json")
        ]

    page = tab.open(PROCESS)
    page.wait_for_load_state("networkidle")
    # Material asks at once; search-on-demand.js holds the request for a reader who reads.
    assert index_requests() == []
    page.keyboard.press("/")  # Material's key for the search box
    page.keyboard.type("Reisepass", delay=50)
    hits = settled_hits(page)
    assert "Reisepass beantragen" in [hit.title for hit in hits], describe(hits)
    assert len(index_requests()) == 1


# -- diagrams ------------------------------------------------------------------------------


def test_clicking_a_step_in_the_diagram_lands_on_its_row(tab: Session) -> None:
    page = tab.open(PROCESS)
    link = diagram_links(page, 'svg a[href^="#schritt-"]').first
    anchor = str(link.get_attribute("href"))

    click_svg_link(link)

    expect(page).to_have_url(tab.base + PROCESS + anchor)
    target = page.locator(":target")
    expect(target).to_have_count(1)
    expect(target).to_have_id(anchor[1:])
    assert target.evaluate("row => row.tagName") == "TR"
    expect(target).to_be_in_viewport()


def test_clicking_a_lane_title_opens_the_role_page(tab: Session) -> None:
    page = tab.open(PROCESS)
    lane = diagram_links(page, "svg .ph-lane a[href]").first
    expected = svg_link_target(lane)
    name = accessible_name(lane)
    assert name.startswith("Rolle: "), name
    assert "/rollen/" in expected

    click_svg_link(lane)

    expect(page).to_have_url(expected)
    title = page.locator("article h1").inner_text()
    assert title in name, f"landed on {title!r}, the lane is {name!r}"


def test_clicking_a_sub_process_node_opens_that_process(tab: Session) -> None:
    page = tab.open(PROCESS)
    node = diagram_links(page, "svg .ph-call a[href]").first
    expected = svg_link_target(node)
    name = accessible_name(node)
    assert name.startswith("Schritt "), name
    assert "/prozesse/" in expected

    click_svg_link(node)

    expect(page).to_have_url(expected)
    title = page.locator("article h1").inner_text()
    assert title in name, f"landed on {title!r}, the node is {name!r}"


# -- privacy and health --------------------------------------------------------------------


def test_pages_load_nothing_from_other_hosts_and_log_no_errors(
    browser: Browser, site_url: str
) -> None:
    with open_session(browser, site_url) as session:
        visit_everything(session)
        assert session.log.requests, "no request was recorded at all"
        assert not session.log.foreign_requests, "\n".join(session.log.foreign_requests)
        assert not session.log.errors, "\n".join(session.log.errors)


def visit_everything(session: Session) -> None:
    # Every other test checks the pages it visits as well (see open_session); here the
    # pages are also left to settle, so that late requests (search index) are seen too.
    for path in (PROCESS, "einheiten/", FINDER, START):
        session.open(path, settle=True)
    session.page.locator("input.md-search__input").click()
    session.page.keyboard.type("Gewerbe", delay=20)
    assert settled_hits(session.page)


# -- accessibility -------------------------------------------------------------------------


AXE_PAGES = {
    "start": START,
    "process": PROCESS,
    "role": ROLE,
    "unit": UNIT,
    "system": SYSTEM,
    "finder": FINDER,
    "report": REPORT,
}
# The dark scheme only changes colours; these pages carry the handbook's own ones (review
# badges, diagram tones). The others use Material's palette, which the light runs cover.
DARK_PAGES = ("start", "process", "report")
AXE_CASES = [pytest.param(path, "light", id=f"{name}-light") for name, path in AXE_PAGES.items()]
AXE_CASES += [pytest.param(AXE_PAGES[name], "dark", id=f"{name}-dark") for name in DARK_PAGES]


@pytest.mark.parametrize(("path", "scheme"), AXE_CASES)
def test_page_has_no_serious_accessibility_violations(
    warm_tabs: WarmTabs, path: str, scheme: str
) -> None:
    with warm_tabs.tab(color_scheme=scheme) as session:
        page = session.open(path)
        violations = serious_violations(page)
        assert not violations, f"axe on /{path} ({scheme}):\n" + format_violations(violations)


def test_footer_text_meets_contrast_minimum(tab: Session) -> None:
    """Material's own footer grey is 4.47:1; handbook.css must lift it to AA (4.5:1)."""
    page = tab.open(START)
    pairs = page.locator(".md-copyright, .md-footer-meta a").evaluate_all(
        """elements => elements.map(element => {
            const background = getComputedStyle(document.querySelector(".md-footer-meta"));
            return [getComputedStyle(element).color, background.backgroundColor];
        })"""
    )
    assert pairs
    for foreground, background in pairs:
        ratio = contrast(parse_rgb(foreground), parse_rgb(background))
        assert ratio >= 4.5, f"{foreground} on {background}: {ratio:.2f}:1"


def parse_rgb(css: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    alpha = numbers[3] if len(numbers) > 3 else 1.0
    return numbers[0], numbers[1], numbers[2], alpha


def contrast(fg: tuple[float, ...], bg: tuple[float, ...]) -> float:
    """WCAG contrast ratio; a translucent foreground is blended over the background."""
    alpha = fg[3]
    blended = [fg[i] * alpha + bg[i] * (1 - alpha) for i in range(3)]

    def luminance(rgb: list[float] | tuple[float, ...]) -> float:
        def channel(value: float) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(v) for v in rgb[:3])
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(blended), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# -- screenshot ----------------------------------------------------------------------------


def test_process_page_screenshot_is_saved_for_review(tab: Session) -> None:
    page = tab.open(PROCESS)
    expect(page.locator("article h1")).to_have_text("Reisepass beantragen")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOT, full_page=True)
    header = SCREENSHOT.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(header[16:20], "big")
    assert width == 1280
