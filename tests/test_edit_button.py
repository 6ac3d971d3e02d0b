"""The edit button on every entity page: a labelled button into the forge's web editor."""

from __future__ import annotations

from pathlib import Path

import pytest

from pagebuild import RenderedSite
from sitebuild import make_project, page

GITHUB = "repo_url: https://github.com/stadt/handbuch\nedit_uri: edit/main/docs/\n"

PAGES = [
    ("prozesse/antrag/", "Diesen Prozess bearbeiten", "content/processes/antrag.yml"),
    ("rollen/leitung/", "Diese Rolle bearbeiten", "content/roles/leitung.yml"),
    ("einheiten/amt/", "Diese Organisationseinheit bearbeiten", "content/units/amt.yml"),
    ("systeme/fachverfahren/", "Dieses IT-System bearbeiten", "content/systems/fachverfahren.yml"),
]


# gitlab_site (shared_sites.py): MINIMAL and an IT system, with a GitLab repository
# configured, built once with --strict.


@pytest.mark.parametrize(("url", "label", "source"), PAGES)
def test_every_entity_page_has_a_labelled_edit_button(
    gitlab_site: Path, url: str, label: str, source: str
) -> None:
    soup = page(gitlab_site, url)
    buttons = soup.select("article a.ph-edit-button")
    assert len(buttons) == 1
    button = buttons[0]
    assert button.get_text(strip=True) == label
    assert button["href"] == f"https://gitlab.example.org/stadt/handbuch/-/edit/main/{source}"
    # The icon is decoration; the text is the accessible name.
    icon = button.select_one("svg")
    assert icon is not None
    assert icon["aria-hidden"] == "true"
    # Under the title, before the facts: where a reader looks first.
    heading = soup.select_one("article h1")
    assert heading is not None
    assert heading.find_next("a", class_="ph-edit-button") is button


def test_overview_pages_have_no_edit_button(gitlab_site: Path) -> None:
    for url in ("", "prozesse/", "rollen/", "zustaendigkeit/"):
        assert page(gitlab_site, url).select_one("a.ph-edit-button") is None, url


def test_the_header_repository_link_fetches_nothing(gitlab_site: Path) -> None:
    # Material would ask the GitLab API for stars and forks from the reader's browser.
    soup = page(gitlab_site, "prozesse/antrag/")
    source = soup.select_one("a.md-source")
    assert source is not None
    assert source["href"] == "https://gitlab.example.org/stadt/handbuch"
    assert soup.select_one('[data-md-component="source"]') is None
    # The error page comes from a theme template rather than a page; it has the link too.
    not_found = page(gitlab_site, "404.html")
    assert not_found.select_one("a.md-source") is not None
    assert not_found.select_one('[data-md-component="source"]') is None


def test_github_web_editor_and_english_labels(
    tmp_path: Path, minimal_files: dict[str, str]
) -> None:
    make_project(tmp_path, minimal_files, plugin_options="language: en", extra_config=GITHUB)
    site = RenderedSite(tmp_path, strict=True)
    button = site.article("prozesse/antrag/").select_one("a.ph-edit-button")
    assert button is not None
    assert button.get_text(strip=True) == "Edit this process"
    assert button["href"] == (
        "https://github.com/stadt/handbuch/edit/main/content/processes/antrag.yml"
    )


def test_no_button_without_a_repository(tmp_path: Path, minimal_files: dict[str, str]) -> None:
    make_project(tmp_path, minimal_files)
    site = RenderedSite(tmp_path, strict=True)
    assert site.article("prozesse/antrag/").select_one("a.ph-edit-button") is None
