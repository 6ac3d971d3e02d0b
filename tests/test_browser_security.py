"""The Content-Security-Policy and the escaping in a real headless Chromium (issue 9).

- The demo handbook works under its policy (search, palette toggle, finder, diagram
  links) and the browser reports no violation.
- A script slipped into a page (as an escaping bug would) is refused, while the theme's
  own inline scripts still run.
- A handbook whose every field holds attack strings: every page opened, payloads typed
  into search and the finder; no dialog opens, nothing content-made runs, no violation.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Page, Route, expect

from browser_support import StaticServer
from hostile import PAYLOADS
from test_browser import FINDER, PROCESS, ROLE, START, SYSTEM, UNIT, Session, open_session

# The session fixtures (site_url, browser) come from browser_fixtures.py.


@pytest.fixture
def tab(browser: Browser, site_url: str) -> Iterator[Session]:
    """A fresh context: the watch below adds scripts to the page that must not outlive it."""
    with open_session(browser, site_url) as session:
        yield session


pytestmark = pytest.mark.browser

# Runs before any page script (Playwright injects it through DevTools, which the page's
# policy does not govern) and reports every refusal of the policy to the test, across
# navigations.
WATCH = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__phReport([event.violatedDirective, event.blockedURI, event.sample]);
});
"""
SLIPPED = (
    "<script>window.phxScript = true</script>"
    '<img src="data:," onerror="window.phxHandler = true" alt="">'
)
SEARCH_PAYLOADS = (
    "<img src=x onerror=alert('phx')>",
    "<script>alert('phx')</script>",
    '"><svg onload=alert("phx")>',
    "phx",
    "alert",
)


class Watch:
    """Dialogs and policy violations of one tab."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.refused: list[list[str]] = []
        page.expose_function("__phReport", self._on_violation)
        page.add_init_script(WATCH)
        page.on("dialog", self._on_dialog)

    def _on_violation(self, details: list[str]) -> None:
        self.refused.append(details)

    def _on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def violations(self) -> list[list[str]]:
        """Every refusal since the watch began, on any page of the tab."""
        self.page.wait_for_load_state("load")
        return list(self.refused)

    def content_ran(self) -> bool:
        return bool(self.page.evaluate("Boolean(window.phxScript || window.phxHandler)"))


def policy_of(page: Page) -> str:
    meta = page.locator('meta[http-equiv="Content-Security-Policy"]')
    expect(meta).to_have_count(1)
    return str(meta.get_attribute("content"))


def theme_scripts_ran(page: Page) -> bool:
    """Material's hashed inline script defines ``__md_scope``; its bundle ``document$``."""
    return bool(page.evaluate("typeof __md_scope === 'object' && typeof document$ === 'object'"))


# -- the demo under its policy -------------------------------------------------------------


@pytest.mark.parametrize("path", [START, PROCESS, ROLE, UNIT, SYSTEM, FINDER])
def test_demo_page_runs_under_its_policy_without_violations(tab: Session, path: str) -> None:
    watch = Watch(tab.page)
    page = tab.open(path, settle=True)
    assert "'unsafe-inline'" not in policy_of(page)
    assert theme_scripts_ran(page)
    assert watch.violations() == []


def test_search_palette_finder_and_diagram_links_work_under_the_policy(tab: Session) -> None:
    watch = Watch(tab.page)
    page = tab.open(START, settle=True)

    # palette toggle: Material's bundle switches the scheme on the body
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", str(before))

    # search: the worker loads and answers
    page.locator("input.md-search__input").click()
    page.keyboard.type("Reisepass", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)

    # finder: the plugin's own script ranks the answers and says how many it found
    page = tab.open(FINDER, settle=True)
    page.locator("#ph-finder-input").fill("Reisepass")
    expect(page.locator("#ph-finder-status")).to_contain_text("Treffer für „Reisepass“")

    # diagram: a node's link leads to another page
    page = tab.open(PROCESS, settle=True)
    page.locator("figure.ph-diagram svg a").first.locator("text").first.click()
    page.wait_for_load_state("load")
    assert page.url != tab.base + PROCESS

    assert watch.violations() == []
    assert watch.dialogs == []


def test_script_slipped_into_a_page_is_refused(tab: Session) -> None:
    watch = Watch(tab.page)

    def slip_in(route: Route) -> None:
        original = route.fetch()
        html = original.text().replace("<article", SLIPPED + "<article", 1)
        assert SLIPPED in html
        route.fulfill(response=original, body=html)

    tab.page.route(f"{tab.base}{PROCESS}", slip_in)
    page = tab.open(PROCESS, settle=True)
    assert theme_scripts_ran(page)
    assert not watch.content_ran()
    refused = {directive for directive, *_ in watch.violations()}
    assert refused & {"script-src-elem", "script-src"}, refused
    assert refused & {"script-src-attr", "script-src"}, refused
    # Chromium reports each refusal on the console; that is the expected outcome here.
    tab.log.errors[:] = [e for e in tab.log.errors if "Content Security Policy" not in e]


# -- a handbook made of attack strings -----------------------------------------------------


@pytest.fixture(scope="module")
def hostile_site(hostile_build: Path) -> Iterator[tuple[str, list[str]]]:
    """The hostile handbook (built once, shared_sites.py), served; its URL and the paths
    of all its pages."""
    site = hostile_build
    paths = sorted(
        str(Path(html).relative_to(site).parent) + "/"
        for html in site.rglob("index.html")
        if html.parent != site
    )
    with StaticServer(site) as server:
        yield server.url, ["", *paths]


@pytest.fixture
def hostile_tab(browser: Browser, hostile_site: tuple[str, list[str]]) -> Iterator[Session]:
    with open_session(browser, hostile_site[0]) as session:
        yield session


def test_every_hostile_page_opens_without_dialog_or_violation(
    hostile_tab: Session, hostile_site: tuple[str, list[str]]
) -> None:
    watch = Watch(hostile_tab.page)
    _, paths = hostile_site
    assert len(paths) > 15
    for path in paths:
        page = hostile_tab.open(path, settle=True)
        assert theme_scripts_ran(page), path
        assert watch.violations() == [], path
        assert not watch.content_ran(), path
    assert watch.dialogs == []


def test_typing_payloads_into_search_and_finder_runs_nothing(hostile_tab: Session) -> None:
    watch = Watch(hostile_tab.page)
    page = hostile_tab.open(START, settle=True)
    search = page.locator("input.md-search__input")
    for payload in SEARCH_PAYLOADS:
        search.click()
        search.fill("")
        page.keyboard.type(payload, delay=10)
        expect(page.locator(".md-search-result__meta")).to_be_visible(timeout=15_000)
        page.wait_for_load_state("networkidle")
    # "phx" is in every field: the results list the hostile pages with their tags.
    search.fill("")
    page.keyboard.type("phx", delay=10)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)

    page = hostile_tab.open(FINDER, settle=True)
    finder = page.locator("#ph-finder-input")
    for payload in (*SEARCH_PAYLOADS, *PAYLOADS[:8]):
        finder.fill(payload)
    # The finder puts only the cards it shows into the page: "phx" shows the hostile ones.
    finder.fill("phx")
    expect(page.locator(".ph-answer").first).to_be_visible()
    assert watch.dialogs == []
    assert watch.violations() == []
    assert not watch.content_ran()
