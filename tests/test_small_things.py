"""Small things users noticed: a feedback line on every entity page, the organisation
chart in a sensible order, one date format."""

from __future__ import annotations

import pytest

from pagebuild import RenderedSite
from prozesshandbuch.content.model import Handbook, Role, Unit
from prozesshandbuch.content.ordering import natural_key, units_in_chart_order
from prozesshandbuch.pages.feedback import feedback_target, new_issue_url
from sitebuild import make_project


def test_natural_key_orders_numbers_by_value_and_umlauts_by_vowel() -> None:
    titles = ["Fachbereich 10", "Fachbereich 2", "Fachbereich 1", "Ämter", "Zentrale"]
    assert sorted(titles, key=natural_key) == [
        "Ämter",
        "Fachbereich 1",
        "Fachbereich 2",
        "Fachbereich 10",
        "Zentrale",
    ]


def test_explicit_order_comes_first_then_titles_naturally() -> None:
    units = {
        "fb10": Unit(title="Fachbereich 10"),
        "fb2": Unit(title="Fachbereich 2"),
        "buero": Unit(title="Büro der Bürgermeisterin", order=1),
        "presse": Unit(title="Pressestelle", order=2),
    }
    handbook = Handbook(units=units)
    assert units_in_chart_order(handbook, ["fb10", "presse", "fb2", "buero"]) == [
        "buero",
        "presse",
        "fb2",
        "fb10",
    ]


@pytest.mark.parametrize(
    ("repo_url", "expected"),
    [
        ("https://github.com/stadt/hb", "https://github.com/stadt/hb/issues/new?title=Hinweis"),
        (
            "https://gitlab.example.org/stadt/hb/",
            "https://gitlab.example.org/stadt/hb/-/issues/new?issue%5Btitle%5D=Hinweis",
        ),
    ],
)
def test_new_issue_url(repo_url: str, expected: str) -> None:
    assert new_issue_url(repo_url, "Hinweis") == expected


def test_feedback_goes_to_the_mailbox_of_the_accountable_role() -> None:
    handbook = Handbook(
        roles={
            "leitung": Role(title="Leitung", unit="amt", contact="amt@example.org"),
            "ohne": Role(title="Ohne Postfach", unit="amt", contact="Zimmer 3"),
        },
        units={"amt": Unit(title="Amt", head="leitung"), "leer": Unit(title="Leer")},
    )
    role, href = feedback_target(handbook, "unit", "amt", "Hinweis zu „Amt“", None)
    assert role == "leitung"
    assert href == "mailto:amt@example.org?subject=Hinweis%20zu%20%E2%80%9EAmt%E2%80%9C"
    assert feedback_target(handbook, "role", "ohne", "x", None) == ("ohne", None)
    assert feedback_target(handbook, "unit", "leer", "x", None) == (None, None)
    forge = feedback_target(handbook, "role", "ohne", "x", "https://github.com/s/h")
    assert forge == ("ohne", "https://github.com/s/h/issues/new?title=x")


FILES = {
    "units/spitze.yml": "title: Verwaltungsspitze\nhead: leitung\n",
    "units/fb10.yml": "title: Fachbereich 10 – Bauen\nparent: spitze\n",
    "units/fb2.yml": "title: Fachbereich 2 – Finanzen\nparent: spitze\n",
    "units/buero.yml": "title: Büro der Spitze\nparent: spitze\norder: 1\n",
    "roles/leitung.yml": (
        "title: Leitung\nunit: spitze\ncontact: spitze@example.org\n"
        "holders:\n  - name: Erika Muster\n  - name: Max Muster\n"
    ),
    "roles/bau.yml": "title: Bau\nunit: fb10\ndeputy: leitung\nholders:\n  - name: A\n",
    "roles/kasse.yml": "title: Kasse\nunit: fb2\ndeputy: leitung\nholders:\n  - name: B\n",
    "roles/buero.yml": "title: Büro\nunit: buero\ndeputy: leitung\nholders:\n  - name: C\n",
    "systems/dms.yml": "title: DMS\nowner: leitung\n",
    "processes/antrag.yml": (
        "title: Antrag\nsummary: S.\nowner: leitung\nsystems: [dms]\n"
        "review:\n  last_reviewed: 2026-06-01\nsteps:\n"
        "  - title: Prüfen\n    role: bau\n  - title: Zahlen\n    role: kasse\n"
        "  - title: Ablegen\n    role: buero\n"
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> RenderedSite:
    """FILES' pages rendered in-process, refused on any warning as with --strict."""
    return RenderedSite(make_project(tmp_path_factory.mktemp("small"), FILES), strict=True)


@pytest.mark.parametrize(
    "url", ["prozesse/antrag/", "rollen/bau/", "einheiten/fb2/", "systeme/dms/"]
)
def test_every_entity_page_has_a_feedback_line(site: RenderedSite, url: str) -> None:
    line = site.article(url).select_one(".ph-feedback")
    assert line is not None
    assert line.get_text(" ", strip=True).startswith("Fehler oder Frage?")
    links = line.select("a[href]")
    assert links
    if url.startswith(("prozesse", "systeme")):
        assert str(links[0]["href"]).startswith("mailto:spitze@example.org?subject=")
        assert "Hinweis an Leitung" in links[0].get_text()


def test_org_chart_in_explicit_then_natural_order(site: RenderedSite) -> None:
    tree = site.article("einheiten/").select_one(".ph-org .ph-org")
    assert tree is not None
    assert [a.get_text() for a in tree.select(":scope > li > a")] == [
        "Büro der Spitze",
        "Fachbereich 2 – Finanzen",
        "Fachbereich 10 – Bauen",
    ]


def test_last_review_date_in_the_site_date_format(site: RenderedSite) -> None:
    facts = site.article("prozesse/antrag/").select_one(".ph-facts")
    assert facts is not None
    assert "zuletzt geprüft am 01.06.2026" in facts.get_text(" ", strip=True)
