"""The finder's answers and the search index's hidden names, without a browser."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from prozesshandbuch.analysis.finder import doing_role
from prozesshandbuch.build.search_index import NAMES_FIELD, add_names
from prozesshandbuch.content.load import load_handbook
from prozesshandbuch.content.model import Process
from prozesshandbuch.content.vocabulary import handbook_words
from prozesshandbuch.pages.finder_page import tel_href
from prozesshandbuch.pages.text import search_names, search_terms
from sitebuild import make_project, mkdocs_build, page


def _process(*roles: str | None, owner: str = "leitung") -> Process:
    steps = [
        {"title": f"Schritt {n}", "role": role} if role else {"title": "Teil", "calls": "x"}
        for n, role in enumerate(roles)
    ]
    return Process.model_validate({"title": "P", "owner": owner, "steps": steps})


@pytest.mark.parametrize(
    ("roles", "doer"),
    [
        # Whoever reports a fault is not whom to call: the desk with most steps is.
        (("meldende-stelle", "servicedesk", "servicedesk", "administration"), "servicedesk"),
        (("sachbearbeitung",), "sachbearbeitung"),
        # A tie goes to the role that comes first in the flow.
        (("annahme", "pruefung", "pruefung", "annahme"), "annahme"),
        # Only sub-process calls: the owner answers.
        ((None, None), "leitung"),
    ],
)
def test_doing_role(roles: tuple[str | None, ...], doer: str) -> None:
    assert doing_role(_process(*roles)) == doer


@pytest.mark.parametrize(
    ("phone", "href"),
    [
        ("0123 4567-100", "tel:01234567100"),
        ("+49 (0)123 / 4567", "tel:+4901234567"),
        ("intern", None),
    ],
)
def test_tel_href(phone: str, href: str | None) -> None:
    assert tel_href(phone) == href


def test_tags_keep_real_words_and_names_add_umlaut_free_spellings() -> None:
    assert search_terms(["Führerschein", "Führerschein", "Straße"]) == ["Führerschein", "Straße"]
    assert search_names(["Führerschein"], ["Straße", "Pass"]) == (
        "Führerschein",
        "Fuehrerschein",
        "Straße",
        "Strasse",
        "Pass",
    )


def test_add_names_puts_a_boosted_field_on_page_entries_only() -> None:
    index = {
        "config": {"fields": {"title": {"boost": 1e3}, "tags": {"boost": 1e6}}},
        "docs": [
            {"location": "prozesse/a/", "title": "A", "text": ""},
            {"location": "prozesse/a/#schritte", "title": "Schritte", "text": ""},
        ],
    }
    result = add_names(index, {"prozesse/a/": ("Führerschein", "Fuehrerschein")})
    assert result["config"]["fields"][NAMES_FIELD]["boost"] > 1e6
    assert result["docs"][0][NAMES_FIELD] == ["Führerschein", "Fuehrerschein"]
    assert NAMES_FIELD not in result["docs"][1]


FILES = {
    "units/amt.yml": "title: Straßenverkehrsbehörde\n",
    "roles/leitung.yml": (
        "title: Leitung Straßenverkehrsbehörde\nunit: amt\nphone: '0123 4567-200'\n"
        "holders:\n  - name: Erika Muster\n  - name: Max Muster\n"
    ),
    "roles/sachbearbeitung.yml": (
        "title: Sachbearbeitung Führerscheinstelle\nunit: amt\ndeputy: leitung\n"
        "phone: '0123 4567-100'\ncontact: fuehrerschein@example.org\n"
        "responsibilities: [Führerscheinumtausch]\nholders:\n  - name: Petra Probe\n"
    ),
    "processes/umtausch.yml": (
        "title: Führerschein umtauschen\nsummary: Alt gegen neu.\nowner: leitung\n"
        "keywords: [Kartenführerschein]\nreview:\n  last_reviewed: 2026-06-01\nsteps:\n"
        "  - title: Antrag annehmen\n    role: sachbearbeitung\n"
        "  - title: Karte bestellen\n    role: sachbearbeitung\n"
        "  - title: Ablehnung zeichnen\n    role: leitung\n"
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("finder"), FILES)
    done = mkdocs_build(root, "--strict")
    assert done.returncode == 0, done.stderr
    return root / "site"


def _answers(site: Path) -> dict[str, Any]:
    return dict(json.loads((site / "zustaendigkeit" / "antworten.json").read_text("utf-8")))


def _cards(site: Path) -> list[Tag]:
    """The answer cards the finder page loads, as the build wrote them."""
    cards = _answers(site)["cards"]
    parsed = [BeautifulSoup(card, "html.parser").select(".ph-answer") for card in cards]
    # One card per string: the script turns each into markup only when it shows it.
    assert [len(found) for found in parsed] == [1] * len(cards)
    return [found[0] for found in parsed]


def test_finder_page_stays_small_and_points_to_its_cards(site: Path) -> None:
    finder = page(site, "zustaendigkeit/")
    assert finder.select(".ph-answer") == []
    assert finder.select_one(".ph-finder")["data-answers"] == "antworten.json"
    fallback = finder.select_one("noscript")
    assert fallback is not None
    assert "JavaScript" in fallback.get_text()


def test_finder_has_one_card_per_process_and_role(site: Path) -> None:
    cards = _cards(site)
    assert [(c["data-kind"], c.select_one(".ph-answer-title a").get_text()) for c in cards] == [
        ("process", "Führerschein umtauschen"),
        ("role", "Leitung Straßenverkehrsbehörde"),
        ("role", "Sachbearbeitung Führerscheinstelle"),
    ]
    texts = _answers(site)["match"][0]
    assert len(_answers(site)["match"]) == len(cards)
    # The status beside each card ranks it before it is markup; it is the card's own.
    assert _answers(site)["standing"] == [c["data-standing"] for c in cards]
    assert texts["title"] == ["Führerschein umtauschen"]
    assert texts["keywords"] == ["Kartenführerschein"]


def test_process_answer_names_the_doing_role_with_phone_first_then_the_owner(site: Path) -> None:
    card = _cards(site)[0]
    terms = [dt.get_text() for dt in card.select("dt")]
    assert terms[:2] == ["Zuständig", "Verantwortlich"]
    doer = card.select("dd")[0]
    assert doer.select_one("a").get_text() == "Sachbearbeitung Führerscheinstelle"
    assert doer.select_one('a[href^="tel:"]')["href"] == "tel:01234567100"
    assert doer.select_one('a[href^="mailto:"]').get_text() == "fuehrerschein@example.org"
    assert "Petra Probe" in doer.get_text()
    assert "Vertretung: Leitung Straßenverkehrsbehörde" in " ".join(doer.get_text().split())
    assert card.select("dd")[1].select_one("a").get_text() == "Leitung Straßenverkehrsbehörde"


def test_search_index_hides_umlaut_free_spellings_in_names(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    process = docs["prozesse/umtausch/"]
    assert "Fuehrerschein umtauschen" in process[NAMES_FIELD]
    assert all("ue" not in tag for tag in process.get("tags", []))
    assert "Sachbearbeitung Fuehrerscheinstelle" in docs["rollen/sachbearbeitung/"][NAMES_FIELD]
    # The finder's cards repeat every name; the finder must not top every search.
    assert "Sachbearbeitung" not in docs["zustaendigkeit/"]["text"]


def test_vocabulary_lists_names_before_step_texts(tmp_path: Path) -> None:
    root = make_project(tmp_path, FILES)
    handbook = load_handbook(root / "content", root).handbook
    words = handbook_words(handbook)
    assert words.index("Führerschein") < words.index("Antrag")
    assert "Kartenführerschein" in words
    assert len(words) == len(set(words))
