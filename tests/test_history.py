"""Reading the change history of content files from a real git repository."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import git
import pytest

from gitrepo import ERIKA, MAX, PETRA, GitRepo, isolated_git_env
from prozesshandbuch.analysis.history import (
    ChangeStatus,
    HistoryProblem,
    classify_git_error,
    commit_url,
    read_history,
)

CET = dt.timezone(dt.timedelta(hours=1))
PROCESS = "content/processes/antrag.yml"


pytestmark = pytest.mark.usefixtures("no_user_git_config")


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """Four commits by three authors: create, edit, rename, edit; plus a second file."""
    repo = GitRepo(tmp_path / "repo")
    repo.write(PROCESS, "title: Antrag\n")
    repo.write("content/roles/leitung.yml", "title: Leitung\n")
    repo.commit("Prozess Antrag anlegen", ERIKA, "2026-01-05T10:00:00+01:00")
    repo.write(PROCESS, "title: Antrag bearbeiten\n")
    repo.commit("Titel präzisiert", MAX, "2026-02-10T09:30:00+01:00")
    repo.git("mv", PROCESS, "content/processes/antrag-bearbeiten.yml")
    repo.commit("Datei umbenannt", ERIKA, "2026-03-01T08:00:00+01:00")
    repo.write("content/processes/antrag-bearbeiten.yml", "title: Antrag bearbeiten\nx: 1\n")
    repo.write("README.md", "outside the content folder\n")
    repo.commit("Feld ergänzt", PETRA, "2026-04-20T16:45:00+02:00")
    return repo


def test_entries_follow_a_rename_with_authors_dates_and_subjects(repo: GitRepo) -> None:
    history = read_history(repo.path, repo.path / "content")
    entries = history.entries("content/processes/antrag-bearbeiten.yml")

    assert [(e.author, e.subject, e.status) for e in entries] == [
        ("Petra Probe", "Feld ergänzt", ChangeStatus.MODIFIED),
        ("Erika Muster", "Datei umbenannt", ChangeStatus.RENAMED),
        ("Max Beispiel", "Titel präzisiert", ChangeStatus.MODIFIED),
        ("Erika Muster", "Prozess Antrag anlegen", ChangeStatus.ADDED),
    ]
    assert entries[0].date == dt.datetime(
        2026, 4, 20, 16, 45, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert entries[3].date == dt.datetime(2026, 1, 5, 10, 0, tzinfo=CET)
    assert all(e.date.tzinfo is not None for e in entries)
    assert entries[1].old_path == PROCESS
    assert entries[2].path == PROCESS
    assert entries[3].old_blob is None
    # The blobs chain: each change starts from the previous one's result.
    for newer, older in itertools.pairwise(entries):
        assert newer.old_blob == older.new_blob
    assert entries[0].hexsha == repo.git("rev-parse", "HEAD").strip()
    assert entries[0].short == entries[0].hexsha[:8]
    assert entries[0].author_email == PETRA[1]
    assert history.latest("content/processes/antrag-bearbeiten.yml") == entries[0]
    assert history.entries(PROCESS) == []  # the old name is gone
    assert history.problem is None


def test_all_changes_are_newest_first_and_limited_to_the_content_folder(repo: GitRepo) -> None:
    history = read_history(repo.path, repo.path / "content")

    assert [(c.subject, c.path) for c in history.all_changes()] == [
        ("Feld ergänzt", "content/processes/antrag-bearbeiten.yml"),
        ("Datei umbenannt", "content/processes/antrag-bearbeiten.yml"),
        ("Titel präzisiert", PROCESS),
        ("Prozess Antrag anlegen", PROCESS),
        ("Prozess Antrag anlegen", "content/roles/leitung.yml"),
    ]
    assert history.paths() == [
        "content/processes/antrag-bearbeiten.yml",
        "content/roles/leitung.yml",
    ]


def test_blobs_are_read_at_old_revisions(repo: GitRepo) -> None:
    with read_history(repo.path, repo.path / "content") as history:
        oldest = history.entries("content/processes/antrag-bearbeiten.yml")[-1]
        assert oldest.new_blob is not None
        assert history.read_blob(oldest.new_blob) == b"title: Antrag\n"
        assert history.read_blob("0" * 39 + "1") is None  # unknown object: no crash


def test_a_file_created_again_under_an_old_name_keeps_its_own_history(repo: GitRepo) -> None:
    repo.write(PROCESS, "title: Neuer Antrag\n")
    repo.commit("Neuer Prozess unter altem Namen", MAX, "2026-05-01T10:00:00+02:00")

    history = read_history(repo.path, repo.path / "content")

    assert [e.subject for e in history.entries(PROCESS)] == ["Neuer Prozess unter altem Namen"]
    assert len(history.entries("content/processes/antrag-bearbeiten.yml")) == 4


def test_a_deleted_file_keeps_its_entries(repo: GitRepo) -> None:
    repo.git("rm", "--quiet", "content/roles/leitung.yml")
    repo.commit("Rolle entfällt", MAX, "2026-05-02T10:00:00+02:00")

    history = read_history(repo.path, repo.path / "content")
    entries = history.entries("content/roles/leitung.yml")

    assert (entries[0].status, entries[0].new_blob) == (ChangeStatus.DELETED, None)
    assert history.all_changes()[0].subject == "Rolle entfällt"


def test_uncommitted_and_untracked_files_have_no_entries_of_their_own(repo: GitRepo) -> None:
    committed = repo.path / "content/processes/antrag-bearbeiten.yml"
    committed.write_text("title: lokal geändert\n", encoding="utf-8")
    repo.write("content/processes/neu.yml", "title: Neu\n")

    history = read_history(repo.path, repo.path / "content")

    assert history.entries("content/processes/neu.yml") == []
    assert history.latest("content/processes/neu.yml") is None
    latest = history.latest("content/processes/antrag-bearbeiten.yml")
    assert latest is not None
    assert latest.subject == "Feld ergänzt"  # the last committed change
    assert history.problem is None


@pytest.mark.parametrize("depth", [1, 2])
def test_a_shallow_clone_gives_partial_history_and_one_warning(
    repo: GitRepo, tmp_path: Path, depth: int
) -> None:
    clone = tmp_path / "clone"
    repo.git("clone", "--quiet", f"--depth={depth}", f"file://{repo.path}", str(clone))

    history = read_history(clone, clone / "content")
    entries = history.entries("content/processes/antrag-bearbeiten.yml")

    assert [e.subject for e in entries] == ["Feld ergänzt", "Datei umbenannt"][:depth]
    assert entries[-1].boundary
    # git shows every file of the cut-off commit as added, whatever the commit did.
    assert entries[-1].status is ChangeStatus.ADDED
    assert history.problem is not None
    assert history.problem.message().startswith("Änderungshistorie unvollständig: flacher Git-Klon")
    assert "git fetch --unshallow" in history.problem.message()
    assert "shallow git clone" in history.problem.message("en")


def test_outside_a_repository_the_history_is_empty_with_a_warning(tmp_path: Path) -> None:
    content = tmp_path / "plain" / "content"
    content.mkdir(parents=True)

    history = read_history(tmp_path / "plain", content)

    assert history.all_changes() == []
    assert history.entries("content/processes/x.yml") == []
    assert history.problem is not None
    assert history.problem.message() == (
        f"Änderungshistorie nicht verfügbar: {content} liegt nicht in einem Git-Repository"
    )
    assert history.git_runs == 0


def test_a_missing_content_folder_is_no_crash(tmp_path: Path) -> None:
    history = read_history(tmp_path, tmp_path / "missing")

    assert history.all_changes() == []
    assert history.problem is not None


def test_a_repository_without_commits(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "empty")
    (repo.path / "content").mkdir()

    history = read_history(repo.path, repo.path / "content")

    assert history.all_changes() == []
    assert history.problem is not None
    assert history.problem.message() == (
        "Änderungshistorie leer: das Git-Repository hat noch keine Commits"
    )


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_dubious_ownership_is_explained_with_the_fix(repo: GitRepo) -> None:
    shutil.chown(repo.path, user=65534, group=65534)

    history = read_history(repo.path, repo.path / "content")

    assert history.all_changes() == []
    assert history.problem is not None
    assert history.problem.message() == (
        f"Änderungshistorie nicht verfügbar: git verweigert den Zugriff auf {repo.path}, weil das "
        "Verzeichnis einem anderen Benutzer gehört ('dubious ownership'); freigeben mit: "
        f"git config --global --add safe.directory {repo.path}"
    )


class _FakeGitError(Exception):
    def __init__(self, stderr: str) -> None:
        super().__init__("git failed")
        self.stderr = stderr


@pytest.mark.parametrize(
    ("stderr", "code", "args"),
    [
        (
            "\n  stderr: 'fatal: detected dubious ownership in repository at '/srv/handbuch'\n"
            "To add an exception for this directory, call:\n\n"
            "\tgit config --global --add safe.directory /srv/handbuch'",
            "dubious-ownership",
            {"path": "/srv/handbuch"},
        ),
        (
            "\n  stderr: 'fatal: your current branch 'main' does not have any commits yet'",
            "no-commits",
            {},
        ),
        (
            "\n  stderr: 'fatal: ambiguous argument 'mian..HEAD': unknown revision or path not "
            "in the working tree.\nUse '--' to separate paths from revisions'",
            "bad-revision",
            {"rev": "mian..HEAD"},
        ),
        (
            "\n  stderr: 'fatal: not a git repository (or any of the parent directories): .git'",
            "git-failed",
            {"detail": "not a git repository (or any of the parent directories): .git"},
        ),
    ],
)
def test_git_errors_are_classified(stderr: str, code: str, args: dict[str, str]) -> None:
    problem = classify_git_error(_FakeGitError(stderr), Path("/fallback"))

    assert problem == HistoryProblem(code, args)


def test_git_missing_after_import_is_a_warning(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(git.Git, "GIT_PYTHON_GIT_EXECUTABLE", "/nonexistent/git")

    history = read_history(repo.path, repo.path / "content")

    assert history.all_changes() == []
    assert history.problem is not None
    assert history.problem.message() == (
        "Änderungshistorie nicht verfügbar: das Programm git wurde nicht gefunden; "
        "bitte git installieren"
    )


def test_git_missing_at_import_is_a_warning(repo: GitRepo, tmp_path: Path) -> None:
    # GitPython raises ImportError at import time when there is no git on PATH.
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_PYTHON")}
    env["PATH"] = str(tmp_path / "no-bin")
    script = (
        "import sys; from pathlib import Path; "
        "from prozesshandbuch.analysis.history import read_history; "
        "h = read_history(Path(sys.argv[1]), Path(sys.argv[1]) / 'content'); "
        "print(h.problem.message('en')); print(len(h.all_changes()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(repo.path)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "change history unavailable: the git program was not found; please install git",
        "0",
    ]
    assert "Traceback" not in result.stderr


def test_paths_are_relative_to_the_handbook_root_in_a_subfolder(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.write("Prozess Handbuch/content/processes/a.yml", "title: A\n")
    repo.commit("Anlegen", ERIKA, "2026-01-05T10:00:00+01:00")
    root = repo.path / "Prozess Handbuch"

    history = read_history(root, root / "content")

    assert [c.path for c in history.all_changes()] == ["content/processes/a.yml"]
    assert read_history(repo.path, root / "content").paths() == [
        "Prozess Handbuch/content/processes/a.yml"
    ]


def _count_git_processes(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    started: list[list[str]] = []
    original = git.cmd.safer_popen

    def spy(command: list[str], *args: object, **kwargs: object) -> object:
        started.append(list(command))
        return original(command, *args, **kwargs)

    monkeypatch.setattr(git.cmd, "safer_popen", spy)
    return started


def _repo_with_files(path: Path, count: int) -> GitRepo:
    repo = GitRepo(path)
    for round_ in range(3):
        for index in range(count):
            repo.write(f"content/processes/p{index}.yml", f"title: P{index}\nround: {round_}\n")
        repo.commit(
            f"Runde {round_}", [ERIKA, MAX, PETRA][round_], f"2026-0{round_ + 1}-01T10:00:00Z"
        )
    return repo


def test_the_number_of_git_processes_does_not_grow_with_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = []
    for count in (5, 50):
        repo = _repo_with_files(tmp_path / f"r{count}", count)
        started = _count_git_processes(monkeypatch)
        with read_history(repo.path, repo.path / "content") as history:
            blobs = 0
            for change in history.all_changes():
                for blob in (change.old_blob, change.new_blob):
                    if blob is not None:
                        assert history.read_blob(blob) is not None
                        blobs += 1
            assert blobs == count * 5  # 3 new versions and 2 old ones per file
            assert len(history.all_changes()) == count * 3
            assert history.git_runs == len(started)
        counts.append([command[1] for command in started])
        monkeypatch.undo()
        for name, value in isolated_git_env(tmp_path / "global.gitconfig").items():
            monkeypatch.setenv(name, value)

    assert counts == [["log", "cat-file"], ["log", "cat-file"]]


@pytest.mark.parametrize(
    ("url", "forge", "expected"),
    [
        (
            "https://gitlab.com/stadt/handbuch",
            None,
            "https://gitlab.com/stadt/handbuch/-/commit/abc",
        ),
        (
            "https://gitlab.opencode.de/stadt/handbuch.git",
            None,
            "https://gitlab.opencode.de/stadt/handbuch/-/commit/abc",
        ),
        (
            "https://github.com/stadt/handbuch/",
            None,
            "https://github.com/stadt/handbuch/commit/abc",
        ),
        (
            "https://git.musterstadt.de/it/handbuch",
            None,
            "https://git.musterstadt.de/it/handbuch/commit/abc",
        ),
        (
            "https://git.musterstadt.de/it/handbuch",
            "gitlab",
            "https://git.musterstadt.de/it/handbuch/-/commit/abc",
        ),
        ("https://gitlab.example.de/x", "github", "https://gitlab.example.de/x/commit/abc"),
    ],
)
def test_commit_url(url: str, forge: str | None, expected: str) -> None:
    assert commit_url(url, "abc", forge=forge) == expected


def test_merged_branches_show_their_commits_not_the_merge(repo: GitRepo) -> None:
    repo.git("checkout", "--quiet", "-b", "feature")
    repo.write("content/roles/leitung.yml", "title: Leitung Bürgeramt\n")
    repo.commit("Rolle umbenannt", MAX, "2026-05-01T10:00:00+02:00")
    repo.git("checkout", "--quiet", "main")
    repo.write("content/processes/antrag-bearbeiten.yml", "title: Antrag bearbeiten\nx: 2\n")
    repo.commit("Feld geändert", PETRA, "2026-05-02T10:00:00+02:00")
    repo.git(
        "merge",
        "--quiet",
        "--no-ff",
        "-m",
        "Merge branch 'feature'",
        "feature",
        env={"GIT_COMMITTER_DATE": "2026-05-03T10:00:00+02:00"},
    )

    history = read_history(repo.path, repo.path / "content")

    subjects = [c.subject for c in history.all_changes()]
    assert subjects[:2] == ["Feld geändert", "Rolle umbenannt"]
    assert "Merge branch 'feature'" not in subjects
    assert [c.subject for c in history.entries("content/roles/leitung.yml")] == [
        "Rolle umbenannt",
        "Prozess Antrag anlegen",
    ]


def test_blob_reading_survives_git_going_away(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = read_history(repo.path, repo.path / "content")
    latest = history.latest("content/roles/leitung.yml")
    assert latest is not None
    assert latest.new_blob is not None
    monkeypatch.setattr(git.Git, "GIT_PYTHON_GIT_EXECUTABLE", "/nonexistent/git")

    assert history.read_blob(latest.new_blob) is None
    assert history.read_blobs([latest.new_blob]) == {}
