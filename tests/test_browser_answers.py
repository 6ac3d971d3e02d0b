"""The three everyday questions in a real Chromium on the demo handbook: whom do I call
(the finder), where is it (search that forgives typing), and does it apply (status).

Reuses the session fixtures and helpers of ``test_browser.py``.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

import test_browser as shared
from test_browser import Session

# A fresh tab per test, as in test_browser.py (the session fixtures: browser_fixtures.py).
tab = shared.tab

pytestmark = pytest.mark.browser

RETIRED = "prozesse/meldebescheinigung-papierantrag/"
TO_BE = "prozesse/reisepass-beantragen-soll/"
DRAFT = "prozesse/bewohnerparkausweis-beantragen/"
RETIRED_TITLE = "Meldebescheinigung schriftlich anfordern (Papierantrag)"


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
            expect(items.nth(index).locator(".ph-standing")).to_have_text(badge)
    valid = page.locator("article li").filter(
        has=page.get_by_role("link", name="Reisepass beantragen", exact=True)
    )
    expect(valid.first).to_be_visible()
    expect(valid.locator(".ph-standing")).to_have_count(0)


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
