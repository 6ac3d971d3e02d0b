"""History on the built site: page footers, change history in words, news page, feed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import MINIMAL
from gitrepo import ERIKA, MAX, GitRepo
from pagebuild import RenderedSite
from sitebuild import make_project, mkdocs_build, page

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("history")
    make_project(root, MINIMAL, extra_config="repo_url: https://gitlab.example.org/stadt/hb\n")
    repo = GitRepo(root)
    repo.commit("Handbuch angelegt", ERIKA, "2026-01-05T09:00:00+01:00")
    process = root / "content/processes/antrag.yml"
    text = process.read_text(encoding="utf-8")
    process.write_text(
        text.replace(
            "  - title: Bescheid zeichnen\n    role: leitung\n",
            "  - title: Bescheid zeichnen\n    role: sachbearbeitung\n",
        )
        + "  - title: Akte schließen\n    role: sachbearbeitung\n",
        encoding="utf-8",
    )
    repo.commit("Zeichnung delegiert", MAX, "2026-03-10T14:30:00+01:00")
    repo.git("mv", "content/processes/antrag.yml", "content/processes/antrag-bearbeiten.yml")
    repo.commit("Datei umbenannt", ERIKA, "2026-04-01T08:00:00+02:00")
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_process_page_shows_last_change_and_history_in_words(history_site: Path) -> None:
    soup = page(history_site, "prozesse/antrag-bearbeiten/")
    facts = soup.select_one(".ph-facts")
    assert facts is not None
    assert "01.04.2026 (Erika Muster)" in facts.get_text(" ", strip=True)
    last = soup.select_one(".ph-last-change")
    assert last is not None
    assert last.get_text() == "Zuletzt geändert am 01.04.2026 von Erika Muster."
    entries = soup.select("ol.ph-history > li")
    assert len(entries) == 3  # the rename is followed back to the first commit
    newest, middle, first = (li.get_text(" ", strip=True) for li in entries)
    assert newest.startswith("01.04.2026 – Erika Muster: Datei umbenannt")
    assert "Max Beispiel: Zeichnung delegiert" in middle
    assert "zuständig jetzt Sachbearbeitung statt Leitung Bürgeramt" in middle
    assert "Akte schließen" in middle
    assert first.startswith("05.01.2026 – Erika Muster: Handbuch angelegt")
    commit = entries[1].select_one("a")
    assert commit is not None
    assert str(commit["href"]).startswith("https://gitlab.example.org/stadt/hb/-/commit/")
    footer = soup.select_one(".md-source-file")
    assert footer is not None
    assert "01.04.2026" in footer.get_text()


def test_news_page_and_feed_have_one_entry_per_commit(history_site: Path) -> None:
    soup = page(history_site, "neu/")
    commits = soup.select("ol.ph-news > li")
    assert [" ".join(li.get_text(" ", strip=True).split("(")[0].split()) for li in commits] == [
        "01.04.2026 – Datei umbenannt",
        "10.03.2026 – Zeichnung delegiert",
        "05.01.2026 – Handbuch angelegt",
    ]
    # The first commit created four files: one entry, the four pages beneath it.
    assert len(commits[2].select(":scope > ul > li")) == 4
    changed = commits[1].select(":scope > ul > li")
    assert len(changed) == 1
    assert "Akte schließen" in changed[0].get_text()
    link = commits[0].select_one(":scope > ul > li > a")
    assert link is not None
    assert link["href"] == "../prozesse/antrag-bearbeiten/"
    # The filter knows which units and roles each commit concerns.
    assert "amt" in str(commits[0]["data-units"]).split()
    assert "sachbearbeitung" in str(commits[0]["data-roles"]).split()
    feed = ET.parse(history_site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(commits)
    title = entries[1].findtext(f"{ATOM}title")
    assert title == "Antrag bearbeiten: Zeichnung delegiert"
    assert entries[1].findtext(f"{ATOM}author/{ATOM}name") == "Max Beispiel"
    ids = [feed.findtext(f"{ATOM}id") or ""] + [e.findtext(f"{ATOM}id") or "" for e in entries]
    assert all(i.startswith("urn:") and " " not in i for i in ids), ids
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("url", ["", "prozesse/antrag-bearbeiten/", "neu/"])
def test_every_page_head_links_the_feed(history_site: Path, url: str) -> None:
    links = page(history_site, url).select('head link[rel="alternate"]')
    feeds = [link for link in links if link.get("type") == "application/atom+xml"]
    assert len(feeds) == 1
    assert (history_site / url / str(feeds[0]["href"])).resolve() == (
        history_site / "feed.xml"
    ).resolve()


def test_outside_git_the_build_warns_once_and_goes_on(
    tmp_path: Path, minimal_project: Path
) -> None:
    make_project(tmp_path, MINIMAL, strict_history=True)
    result = mkdocs_build(tmp_path)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1, warnings
    assert "Git" in warnings[0]
    assert "Traceback" not in result.stderr
    # With strict_history: false (as make_project writes by default) the same handbook
    # outside git builds with --strict: minimal_project (shared_sites.py) is that build.
    assert "strict_history: false" in (minimal_project / "mkdocs.yml").read_text(encoding="utf-8")
    assert not (minimal_project / ".git").exists()
    assert (minimal_project / "site/prozesse/antrag/index.html").is_file()


def test_last_review_names_who_confirmed_it_in_git(tmp_path: Path) -> None:
    make_project(tmp_path, MINIMAL)
    repo = GitRepo(tmp_path)
    repo.commit("Handbuch angelegt", ERIKA, "2026-01-05T09:00:00+01:00")
    process = tmp_path / "content/processes/antrag.yml"
    process.write_text(
        process.read_text(encoding="utf-8").replace("2026-06-01", "2026-09-15"), encoding="utf-8"
    )
    repo.commit("Prüfung bestätigt", MAX, "2026-09-16T10:00:00+02:00")
    process.write_text(
        process.read_text(encoding="utf-8").replace("Antrag prüfen", "Antrag sorgfältig prüfen"),
        encoding="utf-8",
    )
    repo.commit("Schritt umbenannt", ERIKA, "2026-10-01T10:00:00+02:00")
    site = RenderedSite(tmp_path, strict=True)
    facts = site.article("prozesse/antrag/").select_one(".ph-review-last")
    assert facts is not None
    assert facts.get_text() == "zuletzt geprüft am 15.09.2026, bestätigt von Max Beispiel"
