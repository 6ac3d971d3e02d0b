"""Status everywhere: badges next to links, banners on pages, repealed processes kept out
of reading orders and impact lists, no review badge on them. Checked on pages rendered
in-process (the plugin's events and MkDocs' Markdown, as in a build)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from pagebuild import RenderedSite
from prozesshandbuch.analysis.standing import Standing, standing
from prozesshandbuch.content.model import Process, Status, Variant
from sitebuild import make_project

STEP = "steps:\n  - title: Antrag prüfen\n    role: sachbearbeitung\n    systems: [fachverfahren]\n"
HANDBOOK = {
    "units/amt.yml": "title: Bürgeramt\nhead: leitung\n",
    "roles/leitung.yml": (
        "title: Leitung Bürgeramt\nunit: amt\n"
        "holders:\n  - name: Erika Muster\n  - name: Max Muster\n"
    ),
    "roles/sachbearbeitung.yml": (
        "title: Sachbearbeitung\nunit: amt\ndeputy: leitung\n"
        "onboarding: [alt, gueltig, soll]\nholders:\n  - name: Petra Probe\n"
    ),
    "systems/fachverfahren.yml": "title: Fachverfahren\nowner: leitung\n",
    "processes/gueltig.yml": (
        "title: Antrag online\nsummary: Gilt.\nowner: leitung\n"
        "review:\n  last_reviewed: 2026-06-01\n" + STEP
    ),
    "processes/alt.yml": (
        "title: Antrag auf Papier\nsummary: Früher.\nowner: leitung\nstatus: retired\n"
        "replaced_by: gueltig\nretired_on: 2025-07-01\n"
        # Reviewed long ago: a repealed process is never overdue, never "aktuell".
        "review:\n  last_reviewed: 2020-01-01\n" + STEP
    ),
    "processes/entwurf.yml": (
        "title: Antrag per App\nsummary: Geplant.\nowner: leitung\nstatus: draft\n"
        "review:\n  last_reviewed: 2026-06-01\n" + STEP
    ),
    "processes/soll.yml": (
        "title: Antrag digital (Soll)\nsummary: Soll.\nowner: leitung\nvariant: to-be\n"
        "variant_of: gueltig\ndue: 2027-06-30\nreview:\n  last_reviewed: 2026-06-01\n" + STEP
    ),
}
BADGES = {"alt": "außer Kraft", "entwurf": "Entwurf", "soll": "Soll-Prozess"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> RenderedSite:
    root = make_project(tmp_path_factory.mktemp("standing"), HANDBOOK)
    # strict: the long-overdue review of the repealed process must not warn.
    return RenderedSite(root, strict=True)


def _badge_after_link(soup: BeautifulSoup | Tag, process_id: str) -> list[str]:
    """The badge texts right after each link to ``process_id``."""
    found = []
    # Process ids of this handbook differ from all other ids, so the last path part names
    # the process (links are relative: "alt/" from the index, "../../prozesse/alt/").
    for link in soup.select(f'a[href$="{process_id}/"]'):
        # The badge follows the link, or sits inside it (a tile of the landscape).
        badge = link.select_one(".ph-standing, .ph-tile__badge") or link.find_next_sibling()
        classes = (badge.get("class") or []) if isinstance(badge, Tag) else []
        is_badge = "ph-standing" in classes or "ph-tile__badge" in classes
        found.append(badge.get_text() if is_badge and isinstance(badge, Tag) else "")
    return found


@pytest.mark.parametrize(
    ("url", "lists"),
    [
        ("prozesse/", ".ph-landscape, .ph-az"),
        ("rollen/leitung/", ".ph-process-list"),
        ("rollen/sachbearbeitung/", ".ph-step-groups"),
        ("systeme/fachverfahren/", ".ph-retired-apart, .ph-step-groups"),
        ("einheiten/amt/", ".ph-landscape"),
        ("berichte/verantwortung/", ".ph-ownership"),
    ],
)
def test_every_list_marks_processes_not_in_force(site: RenderedSite, url: str, lists: str) -> None:
    soup = site.article(url)
    containers = soup.select(lists)
    assert containers
    for container in containers:
        for process_id, badge in BADGES.items():
            assert set(_badge_after_link(container, process_id)) <= {badge}
        assert set(_badge_after_link(container, "gueltig")) <= {""}
    everything = BeautifulSoup(str(containers), "html.parser")
    assert _badge_after_link(everything, "gueltig")
    assert any(_badge_after_link(everything, p) for p in BADGES)


@pytest.mark.parametrize(
    ("process_id", "kind", "text"),
    [
        ("alt", "retired", "Außer Kraft seit 01.07.2025. Ersetzt durch: Antrag online."),
        ("entwurf", "draft", "Entwurf – noch nicht freigegeben."),
        ("soll", "to-be", "Soll-Prozess – umzusetzen bis 30.06.2027. Heute gilt: Antrag online."),
    ],
)
def test_banner_on_pages_not_in_force(
    site: RenderedSite, process_id: str, kind: str, text: str
) -> None:
    soup = site.article(f"prozesse/{process_id}/")
    banner = soup.select_one(f".ph-banner--{kind}")
    assert banner is not None
    assert " ".join(banner.get_text().split()).startswith(text)
    # The banner comes right after the title, before the facts.
    heading = soup.select_one("article h1")
    assert heading is not None
    assert heading.find_next_sibling() is banner


def test_process_in_force_has_no_banner_and_says_valid(site: RenderedSite) -> None:
    soup = site.article("prozesse/gueltig/")
    assert soup.select(".ph-banner") == []
    assert soup.select(".ph-facts .ph-standing") == []


def test_to_be_process_does_not_say_valid(site: RenderedSite) -> None:
    facts = site.article("prozesse/soll/").select_one(".ph-facts")
    assert facts is not None
    assert "gültig" not in facts.get_text()
    assert "Soll-Prozess – noch umzusetzen" in facts.get_text()


def test_reading_order_leaves_out_repealed_process(site: RenderedSite) -> None:
    reading = site.article("rollen/sachbearbeitung/").select_one(".ph-onboarding ol")
    assert reading is not None
    hrefs = [str(a["href"]) for a in reading.select("a")]
    assert [h.split("/")[-2] for h in hrefs] == ["gueltig", "soll"]
    # The derived reading order of the owner leaves it out as well.
    derived = site.article("rollen/leitung/").select_one(".ph-onboarding ol")
    assert derived is not None
    assert "alt" not in [str(a["href"]).split("/")[-2] for a in derived.select("a")]


def test_system_impact_lists_repealed_process_apart(site: RenderedSite) -> None:
    soup = site.article("systeme/fachverfahren/")
    impact = soup.select_one(".ph-step-groups")
    apart = soup.select_one(".ph-retired-apart")
    assert impact is not None
    assert apart is not None
    assert not impact.select('a[href$="/alt/"]')
    assert apart.select('a[href$="/alt/"]')
    assert "Außer Kraft" in apart.get_text()


def test_repealed_process_has_no_current_review_badge(site: RenderedSite) -> None:
    facts = site.article("prozesse/alt/").select_one(".ph-facts")
    assert facts is not None
    assert facts.select(".ph-badge") == []
    assert "keine Prüfung nötig" in facts.get_text()
    report = site.article("berichte/pruefung/").get_text()
    assert "Antrag auf Papier" not in report


def test_english_banner(tmp_path: Path) -> None:
    root = make_project(tmp_path, HANDBOOK, plugin_options="language: en")
    banner = RenderedSite(root).article("prozesse/alt/").select_one(".ph-banner")
    assert banner is not None
    assert " ".join(banner.get_text().split()).startswith("Repealed since Jul 1, 2025.")


def _process(**fields: object) -> Process:
    return Process.model_validate(
        {"title": "P", "owner": "r", "steps": [{"title": "S", "role": "r"}], **fields}
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, None),
        ({"variant": Variant.AS_IS}, None),
        ({"status": Status.DRAFT}, Standing.DRAFT),
        ({"variant": Variant.TO_BE}, Standing.TO_BE),
        ({"status": Status.RETIRED}, Standing.RETIRED),
        # Retired wins over draft and to-be: it will never apply.
        ({"status": Status.RETIRED, "variant": Variant.TO_BE}, Standing.RETIRED),
        ({"status": Status.DRAFT, "variant": Variant.TO_BE}, Standing.DRAFT),
    ],
)
def test_standing_of_a_process(fields: dict[str, object], expected: Standing | None) -> None:
    assert standing(_process(**fields)) is expected
