"""The three everyday questions in a real Chromium on the demo handbook: whom do I call
(the finder), where is it (search that forgives typing), and does it apply (status).

Reuses the session fixtures and helpers of ``test_browser.py``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

import test_browser as shared
from test_browser import Session

# A fresh tab per test, as in test_browser.py (the session fixtures: browser_fixtures.py).
tab = shared.tab

pytestmark = pytest.mark.browser

RETIRED = "prozesse/meldebescheinigung-papierantrag/"
TO_BE = "prozesse/reisepass-beantragen-soll/"
DRAFT = "prozesse/bewohnerparkausweis-beantragen/"
RETIRED_TITLE = "Meldebescheinigung schriftlich anfordern (Papierantrag)"
BADGE = ".ph-standing, .ph-tile__badge"


# -- status --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (RETIRED, "Außer Kraft seit 01.07.2025. Ersetzt durch: Meldebescheinigung online"),
        (TO_BE, "Soll-Prozess – umzusetzen bis 30.06.2027. Heute gilt: Reisepass beantragen"),
        (DRAFT, "Entwurf – noch nicht freigegeben."),
    ],
)
def test_page_not_in_force_opens_with_a_banner(tab: Session, path: str, text: str) -> None:
    page = tab.open(path)
    banner = page.locator("article .ph-banner")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text(text)
    # Above the facts: the first thing read after the title.
    assert banner.evaluate("b => b.previousElementSibling.tagName") == "H1"


def test_landscape_and_a_to_z_mark_every_process_not_in_force(tab: Session) -> None:
    page = tab.open("prozesse/")
    for title, badge in [
        (RETIRED_TITLE, "außer Kraft"),
        ("Reisepass beantragen (Soll-Prozess)", "Soll-Prozess"),
        ("Bewohnerparkausweis digital beantragen", "Entwurf"),
    ]:
        items = page.locator("article li").filter(has=page.get_by_role("link", name=title))
        assert items.count() >= 2, f"{title} should be in the landscape and the A–Z list"
        for index in range(items.count()):
            # After the link, or inside it (a tile of the landscape).
            expect(items.nth(index).locator(BADGE)).to_have_text(badge)
    valid = page.locator("article li").filter(
        has=page.get_by_role("link", name="Reisepass beantragen", exact=True)
    )
    expect(valid.first).to_be_visible()
    expect(valid.locator(BADGE)).to_have_count(0)


def test_reading_order_of_the_owner_leaves_out_the_repealed_process(tab: Session) -> None:
    page = tab.open("rollen/leitung-buergerbuero/")
    reading = page.locator(".ph-onboarding ol")
    expect(reading).to_be_visible()
    expect(reading.get_by_role("link", name="Wohnsitz anmelden")).to_be_visible()
    expect(reading.get_by_role("link", name=RETIRED_TITLE)).to_have_count(0)
    # Still on the page, marked, where it belongs: among the processes the role owns.
    owned = page.locator(".ph-process-list li").filter(
        has=page.get_by_role("link", name=RETIRED_TITLE)
    )
    expect(owned.locator(".ph-standing")).to_have_text("außer Kraft")


# -- the finder ----------------------------------------------------------------------------

FINDER = "zustaendigkeit/"
RESULTS = shared.REPO_ROOT / "test-results"


def first_answer(page: Page) -> Locator:
    return page.locator(".ph-answer:not([hidden])").first


def test_finder_answers_a_process_name_with_the_doing_role_and_its_phone_first(
    tab: Session,
) -> None:
    page = tab.open(FINDER + "?q=Gewerbeanmeldung")
    expect(page.locator("#ph-finder-status")).to_have_text(
        re.compile(r"^\d+ Treffer für „Gewerbeanmeldung“$")
    )
    answer = first_answer(page)
    expect(answer.locator(".ph-answer-title a")).to_have_text("Gewerbe anmelden")
    expect(answer.locator("dt").first).to_have_text("Zuständig")
    doer = answer.locator("dd").first
    expect(doer.locator("a").first).to_have_text("Sachbearbeitung Gewerbeamt")
    expect(doer.locator('a[href^="tel:"]')).to_have_text("0123 4567-442")
    expect(doer.locator('a[href^="mailto:"]')).to_be_visible()
    expect(doer).to_contain_text("Vertretung")
    expect(answer.locator("dt").nth(1)).to_have_text("Verantwortlich")
    expect(answer.locator("dd").nth(1).locator("a")).to_have_text("Leitung Gewerbeamt")
    # The query stays in the address, so the answer can be sent on; Material's own search
    # (which also reads ?q=) stays closed.
    expect(page).to_have_url(re.compile(r"\?q=Gewerbeanmeldung$"))
    assert not page.locator("#__search").is_checked()


def test_finder_names_the_servicedesk_for_a_broken_printer(tab: Session) -> None:
    page = tab.open(FINDER + "?q=Drucker%20kaputt")
    answers = page.locator(".ph-answer:not([hidden])")
    expect(answers.first).to_be_visible()
    doers = answers.locator("dd:first-of-type > a:first-child").all_inner_texts()
    roles = answers.locator(".ph-answer-title a").all_inner_texts()
    assert "IT-Servicedesk" in doers + roles
    assert "Leitung IT-Service" not in doers


def test_finder_with_keyboard_only_forgives_a_missing_umlaut(tab: Session) -> None:
    page = tab.open(FINDER)
    for _ in range(40):
        if page.evaluate("document.activeElement.id") == "ph-finder-input":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "ph-finder-input"
    page.keyboard.type("Fuhrerschein", delay=20)
    expect(page.locator("#ph-finder-status")).to_have_text(
        re.compile(r"^\d+ Treffer für „Fuhrerschein“$")
    )
    expect(first_answer(page).locator(".ph-answer-title a")).to_have_text("Führerschein umtauschen")
    page.keyboard.press("Enter")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Führerschein umtauschen"
    expect(page).to_have_url(re.compile(r"\?q=Fuhrerschein$"))


@pytest.mark.parametrize(("width", "name"), [(1366, "finder-desktop.png"), (390, "finder-390.png")])
def test_finder_screenshot_is_saved_for_review(
    browser: Browser, site_url: str, width: int, name: str
) -> None:
    with shared.open_session(browser, site_url) as session:
        session.page.set_viewport_size({"width": width, "height": 900})
        page = session.open(FINDER + "?q=Gewerbeanmeldung")
        expect(first_answer(page)).to_be_visible()
        RESULTS.mkdir(exist_ok=True)
        page.screenshot(path=RESULTS / name)
        header = (RESULTS / name).read_bytes()[:24]
        assert int.from_bytes(header[16:20], "big") == width


def test_finder_fits_a_320_pixel_screen(browser: Browser, site_url: str) -> None:
    with shared.open_session(browser, site_url) as session:
        session.page.set_viewport_size({"width": 320, "height": 700})
        page = session.open(FINDER + "?q=Drucker")
        expect(first_answer(page)).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_finder_shows_fifty_answers_at_a_time_and_the_next_ones_on_request(
    browser: Browser, site_url: str, demo_site: Path
) -> None:
    """In a large handbook a short word matches hundreds of entries; only the best fifty
    become part of the page, and a button adds the next ones. The demo has 63 entries, so
    its own answer file is served three times over here (the same cards and texts)."""
    answers = demo_site / "zustaendigkeit" / "antworten.json"
    real = json.loads(answers.read_text(encoding="utf-8"))
    tripled = {key: value * 3 for key, value in real.items()}
    with shared.open_session(browser, site_url) as session:
        session.page.route(
            "**/zustaendigkeit/antworten.json", lambda route: route.fulfill(json=tripled)
        )
        page = session.open(FINDER + "?q=e")
        status = page.locator("#ph-finder-status")
        expect(status).to_have_text(re.compile(r"^\d+ Treffer für „e“$"))
        total = int(status.inner_text().split()[0])
        assert total > 100
        cards = page.locator("ol.ph-answers > li.ph-answer")
        more = page.locator(".ph-finder-more")
        expect(cards).to_have_count(50)
        expect(more).to_have_text(f"Weitere Treffer anzeigen (noch {total - 50})")
        # With the keyboard: the button, then reading goes on at the first new card.
        more.focus()
        page.keyboard.press("Enter")
        expect(cards).to_have_count(100)
        assert page.evaluate(
            "document.activeElement === document.querySelectorAll('.ph-answer')[50]"
            ".querySelector('a')"
        )
        more.click()
        expect(cards).to_have_count(total)
        expect(more).to_be_hidden()
        # A new query starts again at fifty, best first.
        page.locator("#ph-finder-input").fill("Gewerbeanmeldung")
        expect(status).to_have_text(re.compile(r"^\d+ Treffer für „Gewerbeanmeldung“$"))
        expect(first_answer(page).locator(".ph-answer-title a")).to_have_text("Gewerbe anmelden")
        expect(more).to_be_hidden()


# -- search that forgives typing -----------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "process"),
    [
        ("Fuhrerschein", "prozesse/fuehrerschein-umtauschen/"),
        ("Persoanlausweis", "prozesse/personalausweis-beantragen/"),
        ("Reisepas", "prozesse/reisepass-beantragen/"),
        ("Gewerbeanmeldnug", "prozesse/gewerbe-anmelden/"),
    ],
)
def test_search_forgives_a_typo(tab: Session, typed: str, process: str) -> None:
    hits = shared.search(tab, typed)
    assert process in [hit.path for hit in hits[:3]], f"results for {typed!r}:\n" + shared.describe(
        hits
    )


def test_umlaut_free_spellings_are_found_but_never_shown(tab: Session) -> None:
    hits = shared.search(tab, "Fuehrerschein")
    assert hits[0].path == "prozesse/fuehrerschein-umtauschen/", shared.describe(hits)
    shown = tab.page.locator(".md-search-result").inner_text()
    assert "Fuehrer" not in shown


def test_process_page_outranks_roles_for_its_own_name(tab: Session) -> None:
    hits = shared.search(tab, "Reisepass beantragen")
    assert hits[0].path == "prozesse/reisepass-beantragen/", shared.describe(hits)


def test_search_ranks_the_repealed_process_below_the_valid_one(tab: Session) -> None:
    paths = [hit.path for hit in shared.search(tab, "Meldebescheinigung")]
    assert "prozesse/meldebescheinigung-online/" in paths
    assert RETIRED in paths
    assert paths.index("prozesse/meldebescheinigung-online/") < paths.index(RETIRED)


# -- what is new ---------------------------------------------------------------------------


def test_news_filter_by_unit_shows_only_its_commits(tab: Session) -> None:
    page = tab.open("neu/")
    commits = page.locator(".ph-news-commit")
    total = commits.count()
    assert total > 0
    unit = page.locator("#ph-news-unit")
    expect(unit).to_be_visible()
    choice = unit.locator("option").nth(1)
    value = str(choice.get_attribute("value"))
    unit.select_option(value)
    shown = page.locator(".ph-news-commit:not([hidden])")
    expect(page.locator("#ph-news-status")).to_contain_text("für diese Auswahl")
    assert 0 < shown.count() <= total
    for units in shown.evaluate_all("items => items.map(i => i.dataset.units)"):
        assert value in units.split()
    unit.select_option("")
    expect(page.locator(".ph-news-commit:not([hidden])")).to_have_count(total)


def test_entity_page_offers_one_visible_way_to_edit(tab: Session) -> None:
    page = tab.open("prozesse/reisepass-beantragen/")
    # Material's pencil icon opens the same file as the labelled button: one is enough.
    expect(page.locator("article > a.md-content__button[href*='/-/edit/']")).to_be_hidden()
    expect(page.locator("a.ph-edit-button")).to_be_visible()
    expect(page.locator("a.ph-edit-button")).to_have_text("Diesen Prozess bearbeiten")
