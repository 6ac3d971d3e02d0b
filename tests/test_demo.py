"""The Musterstadt demo handbook: complete, strict-clean, and intranet-ready."""

from __future__ import annotations

import functools
import re
import shutil
import string
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from browser_fixtures import DEMO_LOG
from gitrepo import ERIKA, GitRepo
from sitebuild import built_once, mkdocs_build

REPO = Path(__file__).resolve().parents[1]
REQUIRED_PROCESSES = [
    "terminvergabe-buergerbuero",
    "reisepass-beantragen",
    "fuehrerschein-umtauschen",
    "wohnsitz-anmelden",
    "gewerbe-anmelden",
    "fundtier-aufnehmen",
    "buergeranfrage-bearbeiten",
    "it-stoerung-beheben",
    "rechnungseingang-zahlung",
    "mitarbeitende-einstellen",
]


def test_demo_builds_strict_without_a_warning(demo_site: Path) -> None:
    # demo_site (browser_fixtures.py) is the repository's demo, built once per session
    # with --strict; the browser tests use the same build.
    log = (demo_site.parent / DEMO_LOG).read_text(encoding="utf-8")
    assert "WARNING" not in log
    assert (demo_site / "prozesse" / "reisepass-beantragen" / "index.html").is_file()


def _load(folder: str) -> dict[str, dict[str, object]]:
    return {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((REPO / "content" / folder).glob("*.yml"))
    }


def test_demo_has_the_size_and_cases_municipalities_ask_for() -> None:
    processes, roles = _load("processes"), _load("roles")
    units, systems = _load("units"), _load("systems")
    assert len(processes) >= 20
    assert len(roles) >= 25
    assert len(units) >= 8
    assert len(systems) >= 5
    for required in REQUIRED_PROCESSES:
        assert required in processes, required
    owning_units = {roles[str(p["owner"])]["unit"] for p in processes.values()}
    assert len(owning_units) >= 8
    steps = [s for p in processes.values() for s in p["steps"]]  # type: ignore[attr-defined]
    assert any(s.get("kind") == "decision" for s in steps)
    assert any("calls" in s for s in steps)
    variants = {p.get("variant") for p in processes.values()}
    assert {"as-is", "to-be"} <= variants
    assert any(p.get("weaknesses") for p in processes.values())


def test_demo_has_a_loop(demo_site: Path) -> None:
    from prozesshandbuch.content.check import check_handbook
    from prozesshandbuch.content.flow import edges

    result = check_handbook(REPO / "content", REPO, __import__("datetime").date(2026, 11, 23))
    loops = [
        p.id
        for p in result.handbook.processes.values()
        if any(e.target is not None and e.target <= e.source for e in edges(p))
    ]
    assert loops


RESOURCE_ATTRIBUTES = {"script": "src", "link": "href", "img": "src", "iframe": "src",
                       "source": "src", "video": "src", "audio": "src", "embed": "src",
                       "object": "data"}  # fmt: skip


def test_demo_loads_nothing_from_another_host(demo_site: Path) -> None:
    for html_file in demo_site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in RESOURCE_ATTRIBUTES.items():
            for element in soup.find_all(tag):
                value = str(element.get(attribute) or "")
                if (
                    tag == "link"
                    and "stylesheet" not in (element.get("rel") or [])
                    and ("preconnect" not in (element.get("rel") or []))
                ):
                    continue
                assert not re.match(r"^(https?:)?//", value), (html_file, element)
    for css in demo_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), css
        assert "@import" not in text or "fonts.googleapis" not in text, css


def test_demo_shows_the_edit_button_with_its_example_forge(demo_site: Path) -> None:
    soup = BeautifulSoup(
        (demo_site / "prozesse" / "reisepass-beantragen" / "index.html").read_text(
            encoding="utf-8"
        ),
        "html.parser",
    )
    button = soup.select_one("article a.ph-edit-button")
    assert button is not None
    assert button.get_text(strip=True) == "Diesen Prozess bearbeiten"
    assert button["href"] == (
        "https://gitlab.example.org/musterstadt/prozesshandbuch/-/edit/main/"
        "content/processes/reisepass-beantragen.yml"
    )
    # The example address makes Material show a repository link, but no API request.
    assert soup.select_one('[data-md-component="source"]') is None


# --- the demo in English ------------------------------------------------------------------
GERMAN_DATE = re.compile(r"\b\d{2}\.\d{2}\.\d{4}\b")
# Fragments of German texts that are English words as well: the guide quotes GitLab's
# buttons "Commit changes" and "Commit message".
SAME_IN_ENGLISH = {"Commit"}


def _build_english_demo(root: Path) -> None:
    """The demo built with ``language: en`` for the plugin, Material and search."""
    for name in ("content", "docs"):
        shutil.copytree(REPO / name, root / name)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["language"] = "en"
    for palette in config["theme"].get("palette", []):
        palette["toggle"].pop("name", None)
    config.pop("nav")  # the demo's German menu is configuration; pages name themselves
    config.pop("site_description")
    plugins = {next(iter(p)): next(iter(p.values())) for p in config["plugins"]}
    plugins["search"]["lang"] = "en"
    plugins["prozesshandbuch"] |= {"language": "en", "today": "2026-11-23"}
    config["plugins"] = [{name: options} for name, options in plugins.items()]
    config["site_name"] = "Musterstadt handbook"
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    repo = GitRepo(root)
    repo.commit("Musterstadt-Handbuch angelegt", ERIKA, "2026-11-20T10:00:00+01:00")
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def english_demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo in English, built once per session for all workers (read only)."""
    return built_once(tmp_path_factory, "demo-en", _build_english_demo) / "site"


SAID_ATTRIBUTES = frozenset({"aria-label", "title", "placeholder", "alt", "data-empty"})


class _VisibleText(HTMLParser):
    """Collects a page's text outside script and style, and the attributes said aloud."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.said: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        self.said.extend(value or "" for name, value in attrs if name in SAID_ATTRIBUTES)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)


def _visible_text(html: str) -> str:
    """What a reader sees or hears: text, and the attributes read out or shown."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return "\n".join([" ".join(parser.text), *parser.said])


def _german_fragments() -> set[str]:
    """Literal parts of German catalogue texts that English never writes the same way."""
    from prozesshandbuch.i18n import CATALOGUE

    english = "\n".join(en for _, en in CATALOGUE.values())
    fragments = set()
    for german, _ in CATALOGUE.values():
        for literal, *_ in string.Formatter().parse(german):
            for part in re.split(r"[\n()\[\]:;,.–?]", literal):
                part = part.strip(" '\"‚‘„“#")
                if len(part) >= 4 and part not in english and part not in SAME_IN_ENGLISH:
                    fragments.add(part)
    return fragments


@functools.cache
def _as_word(fragment: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(fragment)}(?!\w)")


def test_english_demo_shows_no_german_interface_text(english_demo_site: Path) -> None:
    # Content stays as written: a fragment that the content contains may appear; anything
    # else is interface text, the guide for authors and the content format reference too.
    sources = list(REPO.glob("content/**/*.yml"))
    content = "\n".join(p.read_text(encoding="utf-8") for p in sources)
    checked = [f for f in _german_fragments() if f not in content]
    assert len(checked) > 200  # the check covers most of the catalogue
    pages = sorted(english_demo_site.rglob("*.html"))
    assert len(pages) > 50
    found: dict[str, set[str]] = {}
    for page in pages:
        name = page.relative_to(english_demo_site).as_posix()
        seen = _visible_text(page.read_text(encoding="utf-8"))
        # A plain substring test first: the word-bounded search is slow on every page.
        hits = {f for f in checked if f in seen and _as_word(f).search(seen)}
        hits |= set(GERMAN_DATE.findall(seen)) - set(GERMAN_DATE.findall(content))
        if hits:
            found[name] = hits
    feed = (english_demo_site / "feed.xml").read_text(encoding="utf-8")
    found["feed.xml"] = {f for f in checked if f in feed}
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_english_demo_dates_and_review_badge(english_demo_site: Path) -> None:
    page = english_demo_site / "prozesse" / "reisepass-beantragen" / "index.html"
    text = _visible_text(page.read_text(encoding="utf-8"))
    assert re.search(r"due on [A-Z][a-z]{2} \d{1,2}, \d{4}", text)
    assert "Last changed on Nov 20, 2026 by Erika" in text


def _guide_heading(site: Path) -> str:
    soup = BeautifulSoup((site / "anleitung" / "index.html").read_text("utf-8"), "html.parser")
    heading = soup.select_one("article h1")
    assert heading is not None
    return heading.get_text(strip=True)


def test_the_guide_is_in_the_language_of_the_build(
    demo_site: Path, english_demo_site: Path
) -> None:
    assert _guide_heading(demo_site) == "Anleitung: das Handbuch im Browser pflegen"
    assert _guide_heading(english_demo_site) == "Guide: maintaining the handbook in the browser"
    english = _visible_text((english_demo_site / "anleitung" / "index.html").read_text("utf-8"))
    assert "Edit this process" in english
    assert "Diesen Prozess bearbeiten" not in english
