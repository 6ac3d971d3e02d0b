"""The Musterstadt demo handbook: complete, strict-clean, and intranet-ready."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from gitrepo import ERIKA, GitRepo
from sitebuild import mkdocs_build

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


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo built with --strict from a copy of the repository's handbook files."""
    root = tmp_path_factory.mktemp("demo")
    for name in ("mkdocs.yml", "content", "docs", "schema"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    # Reviews fall due as time passes; the demo is checked as of a fixed day.
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("      language: de\n", '      language: de\n      today: "2026-11-23"\n', 1),
        encoding="utf-8",
    )
    assert 'today: "2026-11-23"' in config.read_text(encoding="utf-8")
    repo = GitRepo(root)
    repo.commit("Musterstadt-Handbuch angelegt", ERIKA, "2026-11-20T10:00:00+01:00")
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return root / "site"


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
    from prozesshandbuch.check import check_handbook
    from prozesshandbuch.flow import edges

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
