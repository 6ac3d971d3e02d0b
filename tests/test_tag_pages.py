"""Tags: an index of all tags, and a page per tag that lists its processes.

One list of every tag with every process grew with the handbook (1.6 MB at 5,000
processes); a reader who follows a tag from a process page wants that tag only.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import MINIMAL
from pagebuild import RenderedSite, generated_body, page_context, pages_by_src
from prozesshandbuch.content.urls import tag_slugs
from prozesshandbuch.pages import overview_pages
from prozesshandbuch.pages.context import GeneratedPage
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


# -- a tag with many processes: a page per initial, like the A–Z list ------------------

HOSTILE_TAG = "<img src=x onerror=alert(7)>"


@pytest.fixture(scope="module")
def split_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, GeneratedPage]:
    """The pages of a handbook whose tags are all large: the limit is lowered to 1."""
    files = {
        **MINIMAL,
        **{
            f"processes/{pid}.yml": PROCESS.format(title=title, tags=f"['{HOSTILE_TAG}', Bauen]")
            for pid, title in [
                ("abriss", "Abriss anzeigen"),
                ("aenderung", "Änderung melden"),
                ("bau", "Bauantrag stellen"),
                ("zaun", "Zaun genehmigen"),
                ("paragraf", "§ 34 prüfen"),
            ]
        },
        "processes/einzeln.yml": PROCESS.format(title="Einzelfall", tags="[Einzeln]"),
    }
    context = page_context(tmp_path_factory.mktemp("split-tags"), files)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(overview_pages, "TAG_SPLIT_LIMIT", 1)
        return pages_by_src(context)


def test_a_large_tag_shows_its_initials_instead_of_every_process(
    split_pages: dict[str, GeneratedPage],
) -> None:
    body = generated_body(split_pages["schlagworte/bauen.md"])
    assert body.select(".ph-process-list") == []
    intro = " ".join(body.select_one("p").get_text().split())  # type: ignore[union-attr]
    assert intro == "5 Prozesse tragen dieses Schlagwort. Alle Schlagworte"
    bar = body.select_one("nav.ph-az-letters")
    assert bar is not None
    assert bar["aria-label"] == "Prozesse mit diesem Schlagwort nach Anfangsbuchstaben"
    # Umlauts sort with their letter (Ä with A), digits and signs after the letters.
    assert [(a.get_text(), a["href"]) for a in bar.select("a")] == [
        ("A", "a/"),
        ("B", "b/"),
        ("Z", "z/"),
        ("0–9", "0-9/"),
    ]


def test_each_initial_of_a_large_tag_lists_its_processes_once(
    split_pages: dict[str, GeneratedPage],
) -> None:
    listed = {}
    for key in ["a", "b", "z", "0-9"]:
        page = split_pages[f"schlagworte/bauen/{key}.md"]
        assert not page.in_nav
        body = generated_body(page)
        listed[key] = [(a.get_text(), a["href"]) for a in body.select(".ph-process-list a")]
        current = body.select(".ph-az-letters [aria-current=page]")
        assert [c.get_text() for c in current] == [key.upper().replace("-", "–")]
        assert len(body.select(".ph-az-letters a")) == 3
    assert listed == {
        "a": [
            ("Abriss anzeigen", "../../../prozesse/abriss/"),
            ("Änderung melden", "../../../prozesse/aenderung/"),
        ],
        "b": [("Bauantrag stellen", "../../../prozesse/bau/")],
        "z": [("Zaun genehmigen", "../../../prozesse/zaun/")],
        "0-9": [("§ 34 prüfen", "../../../prozesse/paragraf/")],
    }
    # A tag with one process stays one list, even with the limit at 1.
    single = generated_body(split_pages["schlagworte/einzeln.md"])
    assert [a.get_text() for a in single.select(".ph-process-list a")] == ["Einzelfall"]
    assert not [src for src in split_pages if src.startswith("schlagworte/einzeln/")]


def test_the_page_of_an_initial_names_a_hostile_tag_as_text(
    split_pages: dict[str, GeneratedPage],
) -> None:
    slug = tag_slugs([HOSTILE_TAG])[HOSTILE_TAG]
    page = split_pages[f"schlagworte/{slug}/b.md"]
    title = yaml.safe_load(page.markdown.split("---\n", 2)[1])["title"]
    assert title == "Schlagwort „&lt;img src=x onerror=alert(7)&gt;“: B"
    heading = next(line for line in page.markdown.splitlines() if line.startswith("# "))
    rendered = BeautifulSoup(markdown.markdown(heading), "html.parser")
    assert rendered.h1 is not None
    assert rendered.h1.get_text() == f"Schlagwort „{HOSTILE_TAG}“: B"
    assert "<img" not in page.markdown
