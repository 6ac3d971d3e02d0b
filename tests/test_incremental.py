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
from sitebuild import make_project, mkdocs_env

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
def test_incremental_rebuild_gives_the_site_of_a_full_build(tmp_path: Path, kind: str) -> None:
    project = project_at(tmp_path / "incremental")
    results = run_session(project, tmp_path / "site-incremental", [{}, CHANGES[kind]])
    assert "failed" not in results[1]
    pages = generated_pages(tmp_path / "site-incremental")
    # Some pages were reused, else this would prove nothing about reuse.
    assert 0 < results[1]["reused"] < pages

    full_project = project_at(tmp_path / "full")
    run_session(full_project, tmp_path / "site-full", [CHANGES[kind]])
    assert_same_site(tmp_path / "site-incremental", tmp_path / "site-full")


def test_unchanged_rebuild_reuses_every_generated_page(tmp_path: Path) -> None:
    project = project_at(tmp_path / "p")
    results = run_session(project, tmp_path / "site", [{}, {}])
    full = run_session(project_at(tmp_path / "q"), tmp_path / "site-full", [{}])
    assert results[0]["reused"] == full[0]["reused"] == 0
    # The fixture has no hand-written page: the plugin generates every one.
    assert results[1]["reused"] == generated_pages(tmp_path / "site")
    assert_same_site(tmp_path / "site", tmp_path / "site-full")


@pytest.mark.parametrize(
    "change",
    [
        {"@code": "another plugin version or template"},
        {"mkdocs.yml": None},
    ],
    ids=["plugin-code", "configuration"],
)
def test_code_or_configuration_change_rebuilds_every_page(
    tmp_path: Path, change: dict[str, str | None]
) -> None:
    project = project_at(tmp_path / "p")
    if "mkdocs.yml" in change:
        text = (project / "mkdocs.yml").read_text(encoding="utf-8")
        change = {"mkdocs.yml": text.replace("Testhandbuch", "Anderes Handbuch")}
    results = run_session(project, tmp_path / "site", [{}, change])
    assert results[1]["reused"] == 0
    full_project = project_at(tmp_path / "full")
    steps = [change] if "mkdocs.yml" in change else [{}]
    run_session(full_project, tmp_path / "site-full", steps)
    assert_same_site(tmp_path / "site", tmp_path / "site-full")


def test_a_failed_build_in_between_leaves_nothing_stale(tmp_path: Path) -> None:
    project = project_at(tmp_path / "p")
    broken = {PROCESS: content("processes/antrag.yml").replace("role: leitung", "role: niemand")}
    results = run_session(project, tmp_path / "site", [{}, broken, CHANGES["own-file"]])
    assert results[1] == {"failed": True}
    assert results[2]["reused"] > 0
    run_session(project_at(tmp_path / "full"), tmp_path / "site-full", [CHANGES["own-file"]])
    assert_same_site(tmp_path / "site", tmp_path / "site-full")
