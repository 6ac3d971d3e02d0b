"""Regression tests for issue 9, items 1-3: content text that Material prints without
escaping (page title, header, meta description, search tags) arrives as plain text.

One real ``mkdocs build`` of a handbook whose titles, summaries and search terms are
known attack strings; pages are parsed with html5lib, as a browser parses them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from hostile import markup_problems, site_problems
from sitebuild import make_project, mkdocs_build

IMG = "<img src=x onerror=alert('phx')>"
TITLE_BREAKOUT = "</title><script>alert('phx')</script>"
SVG = '"><svg onload=alert("phx")>'
SCRIPT = "<script>alert('phx')</script>"
# Markdown code and entities: the plain-text conversion once un-escaped these into markup
# that broke out of the description's attribute.
BREAKOUT = "\"><img src=x onerror=alert('phx')>"
SUMMARY_CODE = f"`{BREAKOUT}`"
SUMMARY_ENTITY = "&quot;&gt;&lt;img src=x onerror=alert('phx')&gt;"

TITLES = {
    "prozesse/antrag/": TITLE_BREAKOUT,
    "rollen/leitung/": IMG,
    "einheiten/amt/": SVG,
    "systeme/fv/": SCRIPT,
}


def _yaml(data: dict[str, object]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


FILES = {
    "units/amt.yml": _yaml({"title": SVG, "head": "leitung", "summary": SUMMARY_ENTITY}),
    "roles/leitung.yml": _yaml(
        {
            "title": IMG,
            "unit": "amt",
            "deputy": "sachbearbeitung",
            "summary": SUMMARY_CODE,
            "responsibilities": [SCRIPT, "Bürgeranliegen & <b>Fett</b>"],
            "holders": [{"name": "Erika Muster"}],
        }
    ),
    "roles/sachbearbeitung.yml": _yaml(
        {
            "title": "Sachbearbeitung",
            "unit": "amt",
            "deputy": "leitung",
            "holders": [{"name": "Petra Probe"}],
        }
    ),
    "systems/fv.yml": _yaml(
        {"title": SCRIPT, "kind": IMG, "vendor": SVG, "owner": "leitung", "summary": f"`{SCRIPT}`"}
    ),
    "processes/antrag.yml": _yaml(
        {
            "title": TITLE_BREAKOUT,
            "summary": SUMMARY_CODE,
            "owner": "leitung",
            "tags": [IMG, "Ärger"],
            "keywords": [SVG],
            "systems": ["fv"],
            "review": {"last_reviewed": "2026-06-01"},
            "steps": [{"title": "Prüfen", "role": "sachbearbeitung"}],
        }
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("escaping"), FILES)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def parse(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html5lib")


@pytest.mark.parametrize(("path", "title"), TITLES.items())
def test_entity_title_is_text_in_title_and_header(site: Path, path: str, title: str) -> None:
    soup = parse(site, path)
    assert soup.title is not None
    assert soup.title.get_text() == f"{title} - Testhandbuch"
    header = soup.select_one(".md-header__topic[data-md-component=header-topic] .md-ellipsis")
    assert header is not None
    assert header.get_text(strip=True) == title
    assert markup_problems(soup, path, check_scripts=False) == []


@pytest.mark.parametrize(
    ("path", "summary_text"),
    [
        ("prozesse/antrag/", BREAKOUT),
        ("rollen/leitung/", BREAKOUT),
        ("einheiten/amt/", BREAKOUT),
        ("systeme/fv/", SCRIPT),
    ],
)
def test_summary_is_text_in_meta_description(site: Path, path: str, summary_text: str) -> None:
    soup = parse(site, path)
    descriptions = soup.head.find_all("meta", attrs={"name": "description"})  # type: ignore[union-attr]
    assert len(descriptions) == 1
    meta = descriptions[0]
    assert isinstance(meta, Tag)
    assert meta["content"] == summary_text
    assert sorted(meta.attrs) == ["content", "name"]


def test_search_tags_are_escaped_text(site: Path) -> None:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    tags = {doc["location"]: doc.get("tags", []) for doc in index["docs"]}
    shown = {
        location: [BeautifulSoup(tag, "html5lib").get_text() for tag in values]
        for location, values in tags.items()
    }
    assert {IMG, "Ärger", SVG} <= set(shown["prozesse/antrag/"])
    # The umlaut-free spelling is searchable but never shown: not a tag, only a name.
    assert "Aerger" not in shown["prozesse/antrag/"]
    names = {doc["location"]: doc.get("names", []) for doc in index["docs"]}
    assert "Aerger" in names["prozesse/antrag/"]
    assert {IMG, SCRIPT, "Bürgeranliegen & <b>Fett</b>"} <= set(shown["rollen/leitung/"])
    assert {SCRIPT, IMG, SVG} <= set(shown["systeme/fv/"])
    assert SVG in shown["einheiten/amt/"]
    for location, values in tags.items():
        for tag in values:
            body = BeautifulSoup(tag, "html5lib").body
            assert body is not None
            assert body.find(True) is None, (location, tag)


def test_no_page_or_search_entry_carries_content_markup(site: Path) -> None:
    verdict = site_problems(site, check_scripts=False)
    assert verdict.pages > 10
    assert verdict.problems == []
