"""CODEOWNERS never leaves a file without reviewers: deputy first, then the fallback."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import FIXED_TODAY, MINIMAL, write_content
from prozesshandbuch.cli import main
from prozesshandbuch.content.load import load_handbook
from prozesshandbuch.tools.codeowners import routes

# `leitung` is vacant (nobody with a username); `sachbearbeitung` names it as deputy, and
# `leitung` names `stellvertretung` as its own deputy.
FILES = {
    **MINIMAL,
    "roles/leitung.yml": """
        title: Leitung
        unit: amt
        deputy: stellvertretung
        holders:
          - name: Ohne Konto
    """,
    "roles/stellvertretung.yml": """
        title: Stellvertretende Leitung
        unit: amt
        holders:
          - name: Sina Stell
            username: sstell
    """,
    "units/kasse.yml": "title: Stadtkasse\n",
}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    write_content(tmp_path, FILES)
    subprocess.run(["git", "init", "--quiet"], cwd=tmp_path, check=True)
    return tmp_path


def run(repo: Path, *args: str) -> Result:
    return CliRunner().invoke(
        main,
        ["codeowners", "--content", str(repo / "content"), "--today", "2026-11-23", *args],
    )


def test_a_vacant_role_is_reviewed_by_its_deputy(repo: Path) -> None:
    handbook = load_handbook(repo / "content", repo).handbook
    by_path = {route.path: route for route in routes(handbook, FIXED_TODAY)}

    antrag = by_path["content/processes/antrag.yml"]
    assert antrag.owners == ("sstell",)
    assert antrag.deputy == "stellvertretung"
    assert antrag.reason == "Rolle 'leitung' hat derzeit niemanden mit 'username'"


def test_the_file_says_why_and_the_fallback_takes_the_rest(repo: Path) -> None:
    result = run(repo, "--output", "-", "--fallback", "@stadt/redaktion")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == "#   prozesshandbuch codeowners --format gitlab --fallback stadt/redaktion"
    assert (
        "# Vertretung: /content/processes/antrag.yml – Rolle 'leitung' hat derzeit niemanden "
        "mit 'username'; es prüft die Vertretung 'stellvertretung'"
    ) in lines
    assert "/content/processes/antrag.yml @sstell" in lines
    # The unit has no head role at all: no deputy to ask, so the editorial group reviews.
    assert "/content/units/kasse.yml @stadt/redaktion" in lines
    # No content file is left without a rule line.
    rules = {line.split(" ")[0] for line in lines if line.startswith("/")}
    files = {f"/{p.relative_to(repo).as_posix()}" for p in (repo / "content").rglob("*.yml")}
    assert rules == files


def test_the_fallback_group_can_live_in_mkdocs_yml(repo: Path) -> None:
    (repo / "mkdocs.yml").write_text(
        "site_name: Test\nplugins:\n  - search\n  - prozesshandbuch:\n"
        "      codeowners_fallback: [stadt/redaktion]\n"
        "extra:\n  secret: !ENV [NOT_SET, x]\n",
        encoding="utf-8",
    )
    written = run(repo)
    assert written.exit_code == 0, written.stderr
    text = (repo / ".gitlab/CODEOWNERS").read_text(encoding="utf-8")
    assert "/content/units/kasse.yml @stadt/redaktion\n" in text
    # The CI job's plain `--check` finds the group in mkdocs.yml again.
    assert text.splitlines()[1] == "#   prozesshandbuch codeowners --format gitlab"
    assert run(repo, "--check").exit_code == 0


def test_a_bad_name_in_mkdocs_yml_is_refused_too(repo: Path) -> None:
    (repo / "mkdocs.yml").write_text(
        'plugins:\n  - prozesshandbuch:\n      codeowners_fallback: ["a\\nb"]\n',
        encoding="utf-8",
    )
    result = run(repo)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "--fallback 'a\\nb' ist kein gültiger Benutzer- oder Gruppenname"
    )
    assert not (repo / ".gitlab/CODEOWNERS").exists()
