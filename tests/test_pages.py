"""Generated pages, checked with an HTML parser: what they say on pages rendered
in-process, what the theme and search make of them on real builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import MINIMAL
from pagebuild import RenderedSite
from pipeline import run_pipeline
from shared_sites import FLOW
from sitebuild import make_project, page


@pytest.fixture(scope="module")
def flow(tmp_path_factory: pytest.TempPathFactory) -> RenderedSite:
    """``FLOW``'s pages rendered in-process, for what they say."""
    return RenderedSite(make_project(tmp_path_factory.mktemp("flow"), FLOW), strict=True)


def article(site: Path, path: str) -> BeautifulSoup:
    soup = page(site, path)
    found = soup.select_one("article")
    assert found is not None
    return BeautifulSoup(str(found), "html.parser")


def test_handoff_sentence_counts_desks_units_and_handoffs(flow: RenderedSite) -> None:
    text = flow.article("prozesse/antrag/").select_one(".ph-handoff-summary")
    assert text is not None
    # Desks: sachbearbeitung, kasse, leitung; units: amt, kasse. The call step is
    # transparent, so hand-offs are pruefen->buchen (unit change), buchen->zeichnen
    # (unit change); pruefen<->nachfordern stay at one desk.
    assert text.get_text(strip=True) == (
        "Dieser Vorgang geht über drei Schreibtische in zwei Organisationseinheiten und wird "
        "zweimal übergeben, davon zweimal an eine andere Organisationseinheit."
    )


PING_PONG = {
    **MINIMAL,
    "units/kasse.yml": "title: Stadtkasse\n",
    "roles/kasse.yml": "title: Kassierer\nunit: kasse\n",
    "processes/antrag.yml": """
        title: Antrag bearbeiten
        summary: Ein Antrag geht zwischen zwei Schreibtischen hin und her.
        owner: leitung
        steps:
          - title: Prüfen
            role: sachbearbeitung
          - title: Freigeben
            role: leitung
          - title: Nachbessern
            role: sachbearbeitung
          - title: Erneut freigeben
            role: leitung
          - title: Kassieren
            role: kasse
    """,
}


def test_handoffs_name_each_pair_of_desks_once_with_its_steps(tmp_path: Path) -> None:
    site = RenderedSite(make_project(tmp_path, PING_PONG), strict=True)
    items = site.article("prozesse/antrag/").select(".ph-handoffs > li")
    assert [" ".join(li.get_text().split()) for li in items] == [
        "Sachbearbeitung → Leitung Bürgeramt: 1 → 2, 3 → 4",
        "Leitung Bürgeramt → Sachbearbeitung: 2 → 3",
        "Leitung Bürgeramt → Kassierer (Bürgeramt → Stadtkasse): 4 → 5",
    ]
    # Each step number links to its step; only the hand-off to another unit stands out.
    assert [a["href"] for a in items[0].select('a[href^="#"]')] == [
        "#schritt-1",
        "#schritt-2",
        "#schritt-3",
        "#schritt-4",
    ]
    assert [li.get("class") for li in items] == [None, None, ["ph-handoff--unit"]]


def test_raci_cells(flow: RenderedSite) -> None:
    table = flow.article("prozesse/antrag/").select_one("table.ph-raci")
    assert table is not None
    header = [th.get_text(strip=True) for th in table.select("thead th")]
    assert header == ["Schritt", "Leitung Bürgeramt", "Sachbearbeitung", "Kassierer"]
    rows = {
        tr.select_one("th").get_text(strip=True): [
            td.get_text(strip=True) for td in tr.select("td")
        ]
        for tr in table.select("tbody tr")
    }
    assert rows["1. Antrag prüfen"] == ["A", "R", "C"]
    assert rows["2. Unterlagen nachfordern"] == ["A, I", "R", ""]
    assert rows["3. Gebühr erheben"] == ["A", "", ""]
    assert rows["5. Bescheid zeichnen"] == ["R, A", "", ""]


def test_steps_have_anchors_and_branches(flow: RenderedSite) -> None:
    soup = flow.article("prozesse/antrag/")
    rows = soup.select("table.ph-steps tbody tr")
    assert [r["id"] for r in rows] == [
        "schritt-pruefen",
        "schritt-nachfordern",
        "schritt-kassieren",
        "schritt-buchen",
        "schritt-zeichnen",
    ]
    branches = [li.get_text(" ", strip=True) for li in rows[0].select(".ph-next li")]
    assert branches == [
        "vollständig: weiter mit Gebühr erheben",
        "unvollständig: weiter mit Unterlagen nachfordern",
    ]
    call = rows[2].find("a", string="Gebühr kassieren")
    assert call is not None
    assert call["href"] == "../gebuehr/"


def test_only_filled_step_cells_carry_a_card_label(flow: RenderedSite) -> None:
    rows = flow.article("prozesse/antrag/").select("table.ph-steps tbody tr")
    for row in rows:
        for cell in row.select("td"):
            # A phone shows a labelled line per filled cell and hides the empty ones.
            assert bool(cell.get("data-label")) == bool(cell.get_text(strip=True)), cell
    call = next(row for row in rows if row["id"] == "schritt-kassieren")
    assert [td.get("data-label") for td in call.select("td")] == [
        "Nr.",
        "Schritt",
        None,
        None,
        None,
        None,
    ]


def test_review_badge_for_fixed_build_date(flow: RenderedSite) -> None:
    due_soon = flow.article("prozesse/antrag/").select_one(".ph-badge")
    assert due_soon is not None
    assert due_soon["class"] == ["ph-badge", "ph-badge--due-soon"]
    assert due_soon.parent is not None
    assert "fällig am 01.12.2026" in due_soon.parent.get_text()
    current = flow.article("prozesse/gebuehr/").select_one(".ph-badge")
    assert current is not None
    assert current.get_text() == "aktuell"


def test_role_page_lists_what_the_role_does(flow: RenderedSite) -> None:
    soup = flow.article("rollen/kasse/")
    text = soup.get_text(" ", strip=True)
    assert "Gebühr kassieren" in text  # owned
    performs = soup.select(".ph-step-groups a")
    assert any(a.get_text() == "4. Zahlung buchen" for a in performs)
    assert "Kassensystem" in text
    reading = [a.get_text() for a in soup.select(".ph-onboarding a")]
    assert reading == ["Gebühr kassieren", "Antrag bearbeiten"]  # owned first, then worked in
    leitung = flow.article("rollen/leitung/")
    label = leitung.find("dt", string="Vertritt")
    assert label is not None
    deputises = label.find_next_sibling("dd")
    assert deputises is not None
    assert [a.get_text() for a in deputises.select("a")] == ["Kassierer", "Sachbearbeitung"]


def test_process_page_names_roles_that_read_it_first(flow: RenderedSite) -> None:
    soup = flow.article("prozesse/gebuehr/")
    label = soup.find("dt", string="Einarbeitung für")
    assert label is not None
    value = label.find_next_sibling("dd")
    assert value is not None
    assert [a.get_text() for a in value.select("a")] == ["Sachbearbeitung"]


def test_unit_page_shows_interfaces_each_way(flow: RenderedSite) -> None:
    table = flow.article("einheiten/amt/").select_one("table.ph-interfaces")
    assert table is not None
    cells = [td.get_text(strip=True) for td in table.select("tbody tr td")]
    assert cells == ["1", "1", "Antrag bearbeiten"]  # one hand-off out, one back in


def test_system_page_names_affected_processes(flow: RenderedSite) -> None:
    soup = flow.article("systeme/kassensystem/")
    assert [a.get_text() for a in soup.select(".ph-step-groups a")] == [
        "Gebühr kassieren",
        "1. Zahlung annehmen",
    ]


ONE_DESK = {
    **FLOW,
    "processes/meldung.yml": """
        title: Meldung bearbeiten
        summary: Eine Meldung wird angenommen und erfasst.
        owner: sachbearbeitung
        review:
          last_reviewed: 2026-01-10
        steps:
          - title: Meldung annehmen
            role: sachbearbeitung
            systems: [kassensystem]
          - title: Meldung erfassen
            role: sachbearbeitung
            systems: [kassensystem]
    """,
}


def test_a_role_with_every_step_of_a_process_reads_all_steps(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    site = RenderedSite(make_project(tmp_path_factory.mktemp("desk"), ONE_DESK), strict=True)

    def groups(url: str) -> dict[str, str]:
        items = site.article(url).select(".ph-step-groups > li")
        # As a reader sees it: whitespace folded, so a missing space after the colon shows.
        return {li.a.get_text(): " ".join(li.get_text().split()) for li in items if li.a}

    role = groups("rollen/sachbearbeitung/")
    # Every step: the count, not a link per step; some steps: each of them.
    assert role["Meldung bearbeiten"] == "Meldung bearbeiten: alle 2 Schritte"
    assert "1. Antrag prüfen" in role["Antrag bearbeiten"]
    assert "alle" not in role["Antrag bearbeiten"]
    system = groups("systeme/kassensystem/")
    assert system["Meldung bearbeiten"] == "Meldung bearbeiten: alle 2 Schritte"
    # A single step stays a link to it: "alle 1 Schritte" would say less.
    assert system["Gebühr kassieren"] == "Gebühr kassieren: 1. Zahlung annehmen"


def test_finder_lists_every_process_and_role_once(flow: RenderedSite) -> None:
    soup = flow.answers
    titles = [a.get_text() for a in soup.select(".ph-answer .ph-answer-title a")]
    for expected in ("Antrag bearbeiten", "Gebühr kassieren", "Sachbearbeitung", "Kassierer"):
        assert titles.count(expected) == 1
    answer = soup.find("a", string="Antrag bearbeiten")
    assert answer is not None
    card = answer.find_parent("li")
    assert card is not None
    texts = flow.answer_texts[soup.select(".ph-answer").index(card)]
    assert "Formular" in str(texts)
    assert "Leitung Bürgeramt" in card.get_text()


def test_search_data_carries_keywords_and_hides_umlaut_free_spellings(flow_site: Path) -> None:
    import json

    index = json.loads((flow_site / "search/search_index.json").read_text(encoding="utf-8"))
    entry = next(d for d in index["docs"] if d["location"] == "prozesse/antrag/")
    assert "Formular" in entry["tags"]
    assert "Lebenslage Umzug" in entry["tags"]
    unit = next(d for d in index["docs"] if d["location"] == "einheiten/amt/")
    assert "Buergeramt" not in unit["tags"]
    assert "Buergeramt" in unit["names"]


def test_process_pages_are_not_in_the_sidebar(flow_site: Path) -> None:
    soup = page(flow_site, "prozesse/antrag/")
    sidebar_links = [a["href"] for a in soup.select("nav.md-nav--primary a[href]")]
    assert sidebar_links
    assert not any("antrag" in href for href in sidebar_links)


HOSTILE = {
    "units/amt.yml": "title: '<Haushalt>'\nhead: leitung\n",
    "roles/leitung.yml": """
        title: '<script>alert("rolle")</script>'
        unit: amt
        summary: >-
          <img src=x onerror=alert(1)> [klick](javascript:alert(2))
          [daten](data:text/html,x)
        holders:
          - name: '<b onmouseover=alert(3)>Erika</b>'
          - name: Max
    """,
    "processes/boese.yml": """
        title: '*Fett* <script>alert(4)</script> [link](javascript:alert(5))'
        summary: |
          Text <script>alert(6)</script> <a href="javascript:alert(7)">a</a>
          <iframe src="https://evil.example"></iframe> <style>body{}</style>
        owner: leitung
        keywords: ['"><script>alert(8)</script>']
        tags:
          - '<script>alert(13)</script>'
          - '"><img src=x onerror=alert(14)>'
          - '[x](javascript:alert(15))'
        documents:
          - title: 'Formular <svg onload=alert(9)>'
            url: https://ok.example/formular.pdf
        steps:
          - title: '</td></tr></table><script>alert(10)</script>'
            role: leitung
            description: '<details open ontoggle=alert(11)>x</details>'
            inputs: ['<img src=x onerror=alert(12)>']
    """,
}


def test_hostile_content_is_escaped_and_sanitised(tmp_path: Path) -> None:
    site = RenderedSite(make_project(tmp_path, HOSTILE))
    assert len(site.pages) > 10
    for url in site.pages:
        body = site.article(url)
        assert not body.select("script, iframe, style, svg[onload]"), url
        for tag in body.find_all(True):
            for name, value in tag.attrs.items():
                assert not name.startswith("on"), (url, tag)
                if name in ("href", "src"):
                    assert not re.match(r"\s*(javascript|data):", str(value), re.I), (url, tag)
    process = site.article("prozesse/boese/")
    h1 = process.select_one("h1")
    assert h1 is not None
    assert h1.get_text() == "*Fett* <script>alert(4)</script> [link](javascript:alert(5))"
    unit_link = process.find("a", string="<Haushalt>")
    assert unit_link is not None  # shown literally, not swallowed as a raw tag
    # A tag names a page of its own: its name in the address is letters, digits, dashes.
    tag_page = site.article("schlagworte/script-alert-13-script/")
    assert tag_page.h1 is not None
    assert tag_page.h1.get_text() == "<script>alert(13)</script>"
    assert [a["href"] for a in process.select("a.ph-tag")] == [
        "../../schlagworte/script-alert-13-script/",
        "../../schlagworte/img-src-x-onerror-alert-14/",
        "../../schlagworte/x-javascript-alert-15/",
    ]
    # Its page's heading is the tag as written, not a Markdown link.
    heading = site.article("schlagworte/x-javascript-alert-15/").h1
    assert heading is not None
    assert heading.get_text() == "[x](javascript:alert(15))"


def test_edit_link_points_at_the_yaml_file(gitlab_site: Path) -> None:
    # gitlab_site (shared_sites.py): repo_url on GitLab, edit_uri -/edit/main/docs/.
    soup = page(gitlab_site, "prozesse/antrag/")
    edit = soup.select_one("a.md-content__button")
    assert edit is not None
    assert edit["href"] == (
        "https://gitlab.example.org/stadt/handbuch/-/edit/main/content/processes/antrag.yml"
    )
    text_link = soup.select_one(".ph-edit a")
    assert text_link is not None
    assert text_link.get_text() == "Diese Seite bearbeiten"
    assert text_link["href"] == edit["href"]
    start = page(gitlab_site, "")
    assert start.select_one("a.md-content__button") is None  # no source file behind it


def test_english_site_and_messages(tmp_path: Path, minimal_files: dict[str, str]) -> None:
    make_project(tmp_path, minimal_files, plugin_options="language: en")
    soup = RenderedSite(tmp_path, strict=True).article("prozesse/antrag/")
    headings = [h.get_text(strip=True) for h in soup.select("h2")]
    assert headings[:3] == ["Flow", "Steps", "Responsibilities (RACI)"]
    badge = soup.select_one(".ph-badge")
    assert badge is not None
    assert badge.get_text() == "current"
    broken = tmp_path / "content/processes/antrag.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("owner: leitung", "owner: leitng"))
    refused = "\n".join(run_pipeline(tmp_path).refused)
    assert "The handbook has 1 error(s); the site was left unchanged:" in refused
    assert "unknown role 'leitng' – did you mean 'leitung'?" in refused


@pytest.mark.parametrize(
    ("desks", "units", "handoffs", "crossing", "language", "expected"),
    [
        (
            1, 1, 0, 0, "de",
            "Dieser Vorgang geht über einen Schreibtisch in einer Organisationseinheit und "
            "wird nicht übergeben.",
        ),
        (
            2, 1, 1, 0, "de",
            "Dieser Vorgang geht über zwei Schreibtische in einer Organisationseinheit und "
            "wird einmal übergeben.",
        ),
        (
            14, 3, 13, 1, "de",
            "Dieser Vorgang geht über 14 Schreibtische in drei Organisationseinheiten und "
            "wird 13-mal übergeben, davon einmal an eine andere Organisationseinheit.",
        ),
        (
            2, 2, 3, 2, "en",
            "This process passes two desks in two organisational units and is handed over "
            "three times, two times to another unit.",
        ),
    ],
)  # fmt: skip
def test_handoff_sentence_writes_small_numbers_as_words(
    desks: int, units: int, handoffs: int, crossing: int, language: str, expected: str
) -> None:
    from prozesshandbuch.analysis.relations import Handoff, ProcessReach
    from prozesshandbuch.i18n import Texts
    from prozesshandbuch.pages.process_page import handoff_sentence

    reach = ProcessReach(
        roles=tuple(f"r{n}" for n in range(desks)),
        units=tuple(f"u{n}" for n in range(units)),
        handoffs=tuple(
            Handoff(
                process="p", source=n, target=n + 1, from_role="a", to_role="b",
                from_unit="x", to_unit="y" if n < crossing else "x",
            )
            for n in range(handoffs)
        ),
    )  # fmt: skip
    assert handoff_sentence(reach, Texts(language)) == expected


def test_search_index_leaves_out_what_the_steps_already_say(demo_site: Path) -> None:
    """Hand-offs, RACI and the change history name roles and units the steps table names
    too; at 5,000 processes they were a quarter of the index every page loads."""
    import json

    index = json.loads((demo_site / "search/search_index.json").read_text(encoding="utf-8"))
    base = "prozesse/reisepass-beantragen/"
    sections = {d["location"].removeprefix(base): d["text"] for d in index["docs"]}
    # What one searches for stays: the steps with their roles, the hand-off sentence.
    assert "Identität und Staatsangehörigkeit" in sections["#schritte"]
    assert "Sachbearbeitung Bürgerbüro" in sections["#schritte"]
    assert "wird zweimal übergeben" in sections["#uebergaben"]
    # The lists that repeat it are gone: no arrows, no RACI letters, no history entries.
    assert "→" not in sections["#uebergaben"]
    assert sections["#verantwortlichkeiten-raci"].strip() == ""
    assert "<li" not in sections["#aenderungshistorie"]
    # They are still on the page.
    article = page(demo_site, base).select_one("article")
    assert article is not None
    assert article.select(".ph-handoffs li")
    assert article.select(".ph-raci tbody tr")
    assert article.select(".ph-history li")
