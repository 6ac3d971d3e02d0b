"""CODEOWNERS from roles and holders, for GitLab and GitHub, and `--check`."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import FIXED_TODAY, MINIMAL, write_content
from prozesshandbuch.cli import main
from prozesshandbuch.content.load import load_handbook
from prozesshandbuch.tools.codeowners import render_codeowners, routes

FILES = {
    **MINIMAL,
    "units/kasse.yml": "title: Stadtkasse\n",
    "roles/kasse.yml": """
        title: Kasse
        unit: kasse
        holders:
          - name: Karl Kasse
            username: kkasse
            until: 2026-06-30
          - name: Nina Neu
            username: "@nneu"
            since: 2026-07-01
          - name: Zoe Zukunft
            username: zzukunft
            since: 2027-01-01
    """,
    "roles/it.yml": """
        title: IT-Fachverfahren
        unit: amt
        holders:
          - name: Ida Team
            username: stadt/it-team
          - name: Kaputt
            username: "hat leerzeichen"
    """,
    "systems/voismeso.yml": "title: VOIS|MESO\nowner: it\n",
    "systems/kassensystem.yml": "title: Kassensystem\n",
    "processes/kasse.yml": """
        title: Gebühr kassieren
        owner: kasse
        steps:
          - title: Kassieren
            role: kasse
    """,
}

GITLAB = """\
# Automatisch erzeugt – bitte nicht von Hand ändern, sondern neu erzeugen mit:
#   prozesshandbuch codeowners --format gitlab
# Jede Inhaltsdatei geht zur Prüfung an die Personen, die für sie verantwortlich
# sind (Rollen mit 'holders' und 'username'). Nach Personalwechseln neu erzeugen.

[Prozesse]
/content/processes/antrag.yml @emuster
/content/processes/kasse.yml @nneu

[Rollen]
/content/roles/it.yml @stadt/it-team
/content/roles/kasse.yml @nneu
/content/roles/leitung.yml @emuster
/content/roles/sachbearbeitung.yml @pprobe

[Organisationseinheiten]
/content/units/amt.yml @emuster
# nicht zugeordnet: /content/units/kasse.yml – keine verantwortliche Rolle angegeben

[IT-Systeme]
# nicht zugeordnet: /content/systems/kassensystem.yml – keine verantwortliche Rolle angegeben
/content/systems/voismeso.yml @stadt/it-team
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    write_content(tmp_path, FILES)
    return tmp_path


def test_gitlab_routes_each_file_to_the_current_holders(root: Path) -> None:
    handbook = load_handbook(root / "content", root).handbook

    text = render_codeowners(
        handbook, FIXED_TODAY, "gitlab", command="prozesshandbuch codeowners --format gitlab"
    )

    assert text == GITLAB


def test_github_has_no_sections_and_fallback_owners_get_unrouted_files(root: Path) -> None:
    handbook = load_handbook(root / "content", root).handbook

    text = render_codeowners(
        handbook,
        FIXED_TODAY,
        "github",
        language="en",
        command="prozesshandbuch codeowners --format github --fallback redaktion",
        fallback=("@redaktion",),
    )

    assert text.splitlines()[:5] == [
        "# Generated – do not edit by hand; regenerate with:",
        "#   prozesshandbuch codeowners --format github --fallback redaktion",
        "# Each content file is routed for review to the people accountable for it",
        "# (roles with 'holders' and 'username'). Regenerate after staff changes.",
        "",
    ]
    assert "[" not in text
    assert text.endswith(
        "/content/units/amt.yml @emuster\n"
        "# unrouted: /content/units/kasse.yml – no accountable role given\n"
        "/content/units/kasse.yml @redaktion\n"
        "\n"
        "# IT systems\n"
        "# unrouted: /content/systems/kassensystem.yml – no accountable role given\n"
        "/content/systems/kassensystem.yml @redaktion\n"
        "/content/systems/voismeso.yml @stadt/it-team\n"
    )


def test_who_is_current_depends_on_the_day(root: Path) -> None:
    handbook = load_handbook(root / "content", root).handbook
    by_path = {r.path: r for r in routes(handbook, FIXED_TODAY)}
    earlier = {r.path: r for r in routes(handbook, FIXED_TODAY.replace(month=3))}
    later = {r.path: r for r in routes(handbook, FIXED_TODAY.replace(year=2027))}

    assert by_path["content/processes/kasse.yml"].owners == ("nneu",)
    assert earlier["content/processes/kasse.yml"].owners == ("kkasse",)
    assert later["content/processes/kasse.yml"].owners == ("nneu", "zzukunft")


def test_a_role_without_usernames_and_an_unknown_role_are_explained(tmp_path: Path) -> None:
    files = {
        **MINIMAL,
        "roles/leitung.yml": "title: Leitung\nunit: amt\nholders:\n  - name: Ohne Konto\n",
        "units/amt.yml": "title: Bürgeramt\nhead: gibt-es-nicht\n",
    }
    write_content(tmp_path, files)
    handbook = load_handbook(tmp_path / "content", tmp_path).handbook

    reasons = {r.path: r.reason for r in routes(handbook, FIXED_TODAY) if not r.owners}

    assert reasons == {
        "content/processes/antrag.yml": "Rolle 'leitung' hat derzeit niemanden mit 'username'",
        "content/roles/leitung.yml": "Rolle 'leitung' hat derzeit niemanden mit 'username'",
        "content/units/amt.yml": "Rolle 'gibt-es-nicht' gibt es nicht",
    }


# --- the command -------------------------------------------------------------------------


@pytest.fixture
def repo(root: Path) -> Path:
    subprocess.run(["git", "init", "--quiet"], cwd=root, check=True)
    return root


def run(repo: Path, *args: str) -> Result:
    return CliRunner().invoke(
        main,
        ["codeowners", "--content", str(repo / "content"), "--today", "2026-11-23", *args],
    )


def test_the_command_writes_the_forge_specific_default_path(repo: Path) -> None:
    result = run(repo)
    github = run(repo, "--format", "github")

    assert result.exit_code == 0, result.output
    assert result.stderr == ".gitlab/CODEOWNERS: geschrieben\n"
    assert (repo / ".gitlab/CODEOWNERS").read_text(encoding="utf-8") == GITLAB
    assert github.exit_code == 0
    github_text = (repo / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert github_text.splitlines()[1] == "#   prozesshandbuch codeowners --format github"
    assert "\n# Prozesse\n/content/processes/antrag.yml @emuster\n" in github_text


def test_check_exit_codes(repo: Path) -> None:
    missing = run(repo, "--check")
    run(repo)
    current = run(repo, "--check")
    sachbearbeitung = repo / "content/roles/sachbearbeitung.yml"
    sachbearbeitung.write_text(
        sachbearbeitung.read_text(encoding="utf-8").replace("pprobe", "pprobe2"), encoding="utf-8"
    )
    stale = run(repo, "--check")

    assert missing.exit_code == 1
    assert missing.stderr.startswith(".gitlab/CODEOWNERS: fehlt – neu erzeugen mit: ")
    assert current.exit_code == 0
    assert current.stderr == ".gitlab/CODEOWNERS: aktuell\n"
    assert stale.exit_code == 1
    assert stale.stderr == (
        ".gitlab/CODEOWNERS: ist nicht aktuell – neu erzeugen mit: "
        "prozesshandbuch codeowners --format gitlab\n"
    )


def test_check_with_an_explicit_output(repo: Path) -> None:
    target = repo / "CODEOWNERS"

    assert run(repo, "--format", "github", "--output", str(target)).exit_code == 0
    assert run(repo, "--format", "github", "--output", str(target), "--check").exit_code == 0
    assert run(repo, "--format", "gitlab", "--output", str(target), "--check").exit_code == 1


def test_output_to_stdout(repo: Path) -> None:
    result = run(repo, "--output", "-")

    assert result.exit_code == 0
    assert "[Prozesse]\n/content/processes/antrag.yml @emuster\n" in result.stdout
    assert not (repo / ".gitlab").exists()
    assert run(repo, "--output", "-", "--check").exit_code == 2


def test_a_missing_content_folder_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["codeowners", "--content", str(tmp_path / "nichts")])

    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert "Inhaltsordner" in result.stderr


@pytest.mark.parametrize("name", ["team\n/content/ @angreifer", "zwei namen", "a;b"])
def test_a_fallback_that_would_inject_a_line_is_refused(repo: Path, name: str) -> None:
    result = run(repo, "--fallback", "redaktion", "--fallback", name, "--output", "-")

    assert result.exit_code == 2
    shown = name.encode("unicode_escape").decode("ascii")
    assert result.stderr == (
        f"--fallback '{shown}' ist kein gültiger Benutzer- oder Gruppenname (erlaubt sind "
        "Buchstaben, Ziffern, '_', '.', '-' und '/')\n"
    )
    assert result.stdout == ""
