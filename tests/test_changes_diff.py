"""`prozesshandbuch diff`: a merge-request comment with the changes in words."""

from __future__ import annotations

from pathlib import Path

import git
import pytest
from click.testing import CliRunner, Result

from gitrepo import ERIKA, MAX, GitRepo
from prozesshandbuch.cli import main

PROCESS = """
    title: Antrag bearbeiten
    owner: leitung
    steps:
      - id: pruefen
        title: Antrag prüfen
        role: sachbearbeitung
"""
FILES = {
    "content/units/amt.yml": "title: Bürgeramt\nhead: leitung\n",
    "content/roles/leitung.yml": "title: Leitung Bürgeramt\nunit: amt\n",
    "content/roles/sachbearbeitung.yml": "title: Sachbearbeitung\nunit: amt\n",
    "content/processes/antrag.yml": PROCESS,
    "content/processes/gewerbe.yml": PROCESS.replace("Antrag bearbeiten", "Gewerbe *anmelden*"),
    "content/processes/alt.yml": PROCESS.replace("Antrag bearbeiten", "Alter Prozess"),
}


pytestmark = pytest.mark.usefixtures("no_user_git_config")


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """Commit 1 has all files; commit 2 edits, renames and deletes some."""
    repo = GitRepo(tmp_path / "repo")
    for relative, text in FILES.items():
        repo.write(relative, text)
    repo.commit("Start", ERIKA, "2026-01-05T10:00:00+01:00")
    repo.write(
        "content/processes/antrag.yml",
        PROCESS.replace("role: sachbearbeitung", "role: leitung"),
    )
    repo.git("mv", "content/processes/gewerbe.yml", "content/processes/gewerbe-anmelden.yml")
    repo.git("rm", "--quiet", "content/processes/alt.yml", "content/roles/sachbearbeitung.yml")
    repo.write("content/units/kasse.yml", "title: Stadtkasse\n")
    repo.write("README.md", "not content\n")
    repo.commit("Umbau", MAX, "2026-02-05T10:00:00+01:00")
    return repo


def run_diff(repo: GitRepo, *args: str) -> Result:
    return CliRunner().invoke(main, ["diff", *args, "--content", str(repo.path / "content")])


def test_a_range_in_words_as_markdown(repo: GitRepo) -> None:
    result = run_diff(repo, "HEAD~1..HEAD")

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "## Änderungen im Prozesshandbuch\n"
        "\n"
        "Vergleich `HEAD~1..HEAD`: fünf Inhaltsdateien geändert.\n"
        "\n"
        "- **Alter Prozess** (Prozess, `content/processes/alt.yml`)\n"
        "  - Prozess gelöscht\n"
        "- **Antrag bearbeiten** (Prozess, `content/processes/antrag.yml`)\n"
        "  - Schritt ‚Antrag prüfen‘: zuständig jetzt Leitung Bürgeramt statt Sachbearbeitung\n"
        "- **Gewerbe \\*anmelden\\*** (Prozess, `content/processes/gewerbe-anmelden.yml`)\n"
        "  - Datei umbenannt von ‚content/processes/gewerbe.yml‘\n"
        "- **Sachbearbeitung** (Rolle, `content/roles/sachbearbeitung.yml`)\n"
        "  - Rolle gelöscht\n"
        "- **Stadtkasse** (Organisationseinheit, `content/units/kasse.yml`)\n"
        "  - Organisationseinheit angelegt\n"
    )


def test_a_single_revision_compares_with_the_working_tree_in_english(repo: GitRepo) -> None:
    antrag = repo.path / "content/processes/antrag.yml"
    antrag.write_text(antrag.read_text(encoding="utf-8") + "# Kommentar\n", encoding="utf-8")
    repo.write("content/roles/kasse.yml", "title: Kassierer\nunit: kasse\n")  # untracked

    result = run_diff(repo, "HEAD", "--lang", "en")

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "## Changes to the handbook\n"
        "\n"
        "Comparing `HEAD` with the working tree: two content files changed.\n"
        "\n"
        "- **Antrag bearbeiten** (process, `content/processes/antrag.yml`)\n"
        "  - Only formatting or comments changed\n"
        "- **Kassierer** (role, `content/roles/kasse.yml`)\n"
        "  - Role created\n"
    )


def test_no_changes(repo: GitRepo) -> None:
    result = run_diff(repo, "HEAD..HEAD")

    assert result.exit_code == 0
    assert (
        result.stdout == "## Änderungen im Prozesshandbuch\n\nKeine Änderungen an Inhaltsdateien.\n"
    )


@pytest.mark.parametrize(
    ("revisions", "message"),
    [
        (
            "mian..HEAD",
            "Vergleich nicht möglich: unbekannte Version 'mian..HEAD' "
            "(erwartet: Commit, Branch oder Tag, z. B. main..HEAD)\n",
        ),
        (
            "--output=/tmp/x",
            "Vergleich nicht möglich: unbekannte Version '--output=/tmp/x' "
            "(erwartet: Commit, Branch oder Tag, z. B. main..HEAD)\n",
        ),
    ],
)
def test_an_unknown_revision_is_one_clear_line(repo: GitRepo, revisions: str, message: str) -> None:
    result = CliRunner().invoke(
        main, ["diff", "--content", str(repo.path / "content"), "--", revisions]
    )

    assert result.exit_code == 2
    assert result.stderr == message
    assert result.stdout == ""


def test_outside_a_repository(tmp_path: Path) -> None:
    (tmp_path / "plain" / "content").mkdir(parents=True)

    result = CliRunner().invoke(
        main, ["diff", "main..HEAD", "--content", str(tmp_path / "plain" / "content")]
    )

    assert result.exit_code == 2
    assert result.stderr.startswith("Vergleich nicht möglich: ")
    assert "liegt nicht in einem Git-Repository" in result.stderr


def test_diff_starts_a_constant_number_of_git_processes(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []
    original = git.cmd.safer_popen

    def spy(command: list[str], *args: object, **kwargs: object) -> object:
        started.append(command[1])
        return original(command, *args, **kwargs)

    monkeypatch.setattr(git.cmd, "safer_popen", spy)
    for index in range(30):
        repo.write(f"content/processes/p{index}.yml", PROCESS)

    assert run_diff(repo, "HEAD~1..HEAD").exit_code == 0
    assert started == ["diff", "cat-file"]
    started.clear()
    assert run_diff(repo, "HEAD~1").exit_code == 0  # 30 untracked files, 5 changed ones
    assert started == ["diff", "ls-files", "cat-file"]


def test_a_revision_with_a_path_is_refused(repo: GitRepo) -> None:
    result = run_diff(repo, "HEAD~1..HEAD:content")

    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Vergleich nicht möglich: 'HEAD~1..HEAD:content' enthält einen Dateipfad (':'); "
        "verglichen werden ganze Versionen wie main..HEAD, der Inhaltsordner wird mit "
        "--content gewählt\n"
    )
