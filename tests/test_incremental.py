"""Rebuilds under `mkdocs serve --dirty` reuse pages, and the site stays what a full build
makes: byte for byte, search index included, after every kind of change."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import MINIMAL
from sitebuild import built_once, make_project, mkdocs_env

SESSION = Path(__file__).parent / "serve_session.py"
PROCESS = "content/processes/antrag.yml"
SECOND = {
    "processes/zweiter.yml": """
        title: Zweiter Vorgang
        summary: Ein anderer Vorgang, der nur die Leitung braucht.
        owner: leitung
        review:
          last_reviewed: 2026-06-01
        steps:
          - title: Vorgang anlegen
            role: leitung
    """,
}


def content(relative: str) -> str:
    """A fixture file's text as make_project writes it."""
    return textwrap.dedent((MINIMAL | SECOND)[relative]).lstrip("\n")


def run_session(project: Path, site: Path, steps: list[dict[str, str | None]]) -> list[dict]:
    """Builds in one serve session (one process); one result per step."""
    steps_file = site.parent / f"{site.name}-steps.json"
    steps_file.write_text(json.dumps(steps), encoding="utf-8")
    env = mkdocs_env(SOURCE_DATE_EPOCH="1700000000")
    done = subprocess.run(
        [sys.executable, str(SESSION), str(project), str(site), str(steps_file)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return [json.loads(line) for line in done.stdout.splitlines()]


def site_files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def generated_pages(site: Path) -> int:
    return sum(1 for path in site.rglob("*.html") if path.name != "404.html")


def assert_same_site(incremental: Path, full: Path) -> None:
    left, right = site_files(incremental), site_files(full)
    assert sorted(left) == sorted(right)
    differing = [name for name in left if left[name] != right[name]]
    assert differing == []


def project_at(root: Path) -> Path:
    return make_project(root, {**MINIMAL, **SECOND})


def full_site(
    tmp_path_factory: pytest.TempPathFactory, name: str, steps: list[dict[str, str | None]]
) -> Path:
    """The site one fresh session builds from the fixture after ``steps``; the same steps
    under the same ``name`` are built once per test session (read only). Next to the
    site, ``results.json`` holds what the session printed."""

    def build(root: Path) -> None:
        results = run_session(project_at(root / "project"), root / "site", steps)
        (root / "results.json").write_text(json.dumps(results), encoding="utf-8")

    return built_once(tmp_path_factory, f"incremental-{name}", build) / "site"


CHANGES: dict[str, dict[str, str | None]] = {
    # The process's own file: a step title, shown on its page and in the RACI table.
    "own-file": {PROCESS: content("processes/antrag.yml").replace("Antrag prüfen", "Neu prüfen")},
    # A linked entity's title: the role's title appears on both process pages.
    "linked-title": {
        "content/roles/sachbearbeitung.yml": content("roles/sachbearbeitung.yml").replace(
            "title: Sachbearbeitung", "title: Fachbearbeitung"
        )
    },
    # A role's holders: their names appear on the pages of the processes it owns.
    "holders": {
        "content/roles/leitung.yml": content("roles/leitung.yml").replace(
            "Erika Muster", "Erika Neumann"
        )
    },
    # A deleted entity: its page must go, and every list that named it changes.
    "deleted": {"content/processes/zweiter.yml": None},
}


@pytest.mark.parametrize("kind", list(CHANGES))
def test_incremental_rebuild_gives_the_site_of_a_full_build(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, kind: str
) -> None:
    project = project_at(tmp_path / "incremental")
    results = run_session(project, tmp_path / "site-incremental", [{}, CHANGES[kind]])
    assert "failed" not in results[1]
    pages = generated_pages(tmp_path / "site-incremental")
    # Some pages were reused, else this would prove nothing about reuse.
    assert 0 < results[1]["reused"] < pages

    full = full_site(tmp_path_factory, kind, [CHANGES[kind]])
    assert_same_site(tmp_path / "site-incremental", full)


def test_unchanged_rebuild_reuses_every_generated_page(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    project = project_at(tmp_path / "p")
    results = run_session(project, tmp_path / "site", [{}, {}])
    full = full_site(tmp_path_factory, "unchanged", [{}])
    full_results = json.loads((full.parent / "results.json").read_text(encoding="utf-8"))
    assert results[0]["reused"] == full_results[0]["reused"] == 0
    # The fixture has no hand-written page: the plugin generates every one.
    assert results[1]["reused"] == generated_pages(tmp_path / "site")
    assert_same_site(tmp_path / "site", full)


@pytest.mark.parametrize(
    "change",
    [
        {"@code": "another plugin version or template"},
        {"mkdocs.yml": None},
    ],
    ids=["plugin-code", "configuration"],
)
def test_code_or_configuration_change_rebuilds_every_page(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, change: dict[str, str | None]
) -> None:
    project = project_at(tmp_path / "p")
    if "mkdocs.yml" in change:
        text = (project / "mkdocs.yml").read_text(encoding="utf-8")
        change = {"mkdocs.yml": text.replace("Testhandbuch", "Anderes Handbuch")}
    results = run_session(project, tmp_path / "site", [{}, change])
    assert results[1]["reused"] == 0
    if "mkdocs.yml" in change:
        full = full_site(tmp_path_factory, "configuration", [change])
    else:
        full = full_site(tmp_path_factory, "unchanged", [{}])
    assert_same_site(tmp_path / "site", full)


def test_a_failed_build_in_between_leaves_nothing_stale(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    project = project_at(tmp_path / "p")
    broken = {PROCESS: content("processes/antrag.yml").replace("role: leitung", "role: niemand")}
    results = run_session(project, tmp_path / "site", [{}, broken, CHANGES["own-file"]])
    assert results[1] == {"failed": True}
    assert results[2]["reused"] > 0
    full = full_site(tmp_path_factory, "own-file", [CHANGES["own-file"]])
    assert_same_site(tmp_path / "site", full)
