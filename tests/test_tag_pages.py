"""Tags: an index of all tags, and a page per tag that lists its processes.

One list of every tag with every process grew with the handbook (1.6 MB at 5,000
processes); a reader who follows a tag from a process page wants that tag only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL
from pagebuild import RenderedSite
from prozesshandbuch.content.urls import tag_slugs
from sitebuild import make_project, page

PROCESS = """
    title: {title}
    summary: Ein Vorgang zum Testen.
    owner: leitung
    tags: {tags}
    steps:
      - title: Prüfen
        role: sachbearbeitung
"""

FILES = {
    **MINIMAL,
    "processes/umzug-melden.yml": PROCESS.format(
        title="Umzug melden", tags="[Lebenslage Umzug, Gebühren]"
    ),
    "processes/halteverbot.yml": PROCESS.format(
        title="Halteverbot beantragen", tags="[Lebenslage Umzug, gebühren, '!!!', Index]"
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> RenderedSite:
    return RenderedSite(make_project(tmp_path_factory.mktemp("tags"), FILES), strict=True)


def test_the_index_lists_each_tag_with_its_count_and_links_to_its_page(
    site: RenderedSite,
) -> None:
    entries = site.article("schlagworte/").select(".ph-tag-index li")
    found = [
        (li["id"], li.a.get_text(), li.a["href"], " ".join(li.get_text().split())) for li in entries
    ]
    assert found == [
        ("tag-schlagwort", "!!!", "schlagwort/", "!!! (1 Prozess)"),
        ("tag-gebuehren", "Gebühren", "gebuehren/", "Gebühren (1 Prozess)"),
        ("tag-gebuehren-2", "gebühren", "gebuehren-2/", "gebühren (1 Prozess)"),
        ("tag-index-2", "Index", "index-2/", "Index (1 Prozess)"),
        (
            "tag-lebenslage-umzug",
            "Lebenslage Umzug",
            "lebenslage-umzug/",
            "Lebenslage Umzug (2 Prozesse)",
        ),
    ]


def test_a_tag_page_lists_its_processes_a_to_z(site: RenderedSite) -> None:
    body = site.article("schlagworte/lebenslage-umzug/")
    assert body.h1 is not None
    assert body.h1.get_text() == "Lebenslage Umzug"
    intro = body.select_one("p")
    assert intro is not None
    assert " ".join(intro.get_text().split()) == (
        "2 Prozesse tragen dieses Schlagwort. Alle Schlagworte"
    )
    assert intro.a is not None
    assert intro.a["href"] == "../"
    listed = [(a.get_text(), a["href"]) for a in body.select(".ph-process-list a")]
    assert listed == [
        ("Halteverbot beantragen", "../../prozesse/halteverbot/"),
        ("Umzug melden", "../../prozesse/umzug-melden/"),
    ]
    other = site.article("schlagworte/gebuehren-2/")
    assert [a.get_text() for a in other.select(".ph-process-list a")] == ["Halteverbot beantragen"]


def test_a_process_page_links_each_tag_to_its_page(site: RenderedSite) -> None:
    tags = site.article("prozesse/halteverbot/").select(".ph-tags a.ph-tag")
    assert [(a.get_text(), a["href"]) for a in tags] == [
        ("Lebenslage Umzug", "../../schlagworte/lebenslage-umzug/"),
        ("gebühren", "../../schlagworte/gebuehren-2/"),
        ("!!!", "../../schlagworte/schlagwort/"),
        ("Index", "../../schlagworte/index-2/"),
    ]


def test_tag_pages_stay_out_of_the_sidebar(flow_site: Path) -> None:
    tag_page = page(flow_site, "schlagworte/lebenslage-umzug/")
    assert tag_page.select_one("article h1") is not None
    sidebar = [a["href"] for a in tag_page.select("nav.md-nav--primary a[href]")]
    assert sidebar
    assert not [href for href in sidebar if "lebenslage" in href]


def test_page_names_are_distinct_and_cannot_leave_the_folder() -> None:
    slugs = tag_slugs(["Bauen", "bauen", "BAUEN", "../../etc/passwd", "", "<script>", "README"])
    assert len(set(slugs.values())) == len(slugs)
    assert slugs["BAUEN"] == "bauen"  # sorted first, so it keeps the plain name
    assert {slugs["Bauen"], slugs["bauen"]} == {"bauen-2", "bauen-3"}
    assert slugs["../../etc/passwd"] == "etc-passwd"
    assert slugs["<script>"] == "script"
    assert slugs[""] == "schlagwort"
    assert slugs["README"] == "readme-2"
    assert all(slug.replace("-", "").isalnum() for slug in slugs.values())
