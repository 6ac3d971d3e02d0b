"""The change history of content files, read from git in one pass over the log.

A build starts a constant number of git processes, however many files there are: one
``git log`` for the whole content folder, and, only when old file contents are needed
(changes in words), one persistent ``git cat-file --batch`` that serves every blob.

History is a convenience, never a requirement: when git is missing, the folder is not a
repository, git refuses the repository ("dubious ownership") or the clone is shallow, the
history is empty or partial and :attr:`History.problem` says why, in one line. Nothing
here raises for such a state.

Paths are relative to the handbook root (normally the repository root), with ``/``
separators, e.g. ``content/processes/reisepass-beantragen.yml``. Files that were never
committed (new, untracked) simply have no entries; local edits to committed files are not
reflected. Pages therefore show the last *committed* change.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:  # GitPython is imported lazily: its import fails when git is missing
    from git import Repo


class ChangeStatus(str, Enum):
    """What a commit did to one file."""

    ADDED = "added"
    MODIFIED = "modified"
    RENAMED = "renamed"
    DELETED = "deleted"


@dataclass(frozen=True)
class Change:
    """One commit's change to one content file."""

    hexsha: str
    """The full commit hash."""
    short_hash: str
    """The abbreviated commit hash, as git shows it."""
    author: str
    """The author's name (``.mailmap`` applied)."""
    author_email: str
    """The author's e-mail address (``.mailmap`` applied)."""
    date: dt.datetime
    """The author date, timezone-aware."""
    subject: str
    """The first line of the commit message."""
    status: ChangeStatus
    path: str
    """The file's path after this commit (for a deletion: the path it had)."""
    old_path: str | None = None
    """The previous path, for a rename."""
    old_blob: str | None = None
    """The file's blob hash before the commit; ``None`` when it was added."""
    new_blob: str | None = None
    """The file's blob hash after the commit; ``None`` when it was deleted."""
    boundary: bool = False
    """The commit is the oldest one of a shallow clone: git shows every file in it as
    added, but the file may well be older. Describe it as "history starts here"."""


_MESSAGES: dict[str, dict[str, str]] = {
    "git-missing": {
        "de": "Änderungshistorie nicht verfügbar: das Programm git wurde nicht gefunden; "
        "bitte git installieren",
        "en": "change history unavailable: the git program was not found; please install git",
    },
    "not-a-repository": {
        "de": "Änderungshistorie nicht verfügbar: {path} liegt nicht in einem Git-Repository",
        "en": "change history unavailable: {path} is not inside a git repository",
    },
    "bare-repository": {
        "de": "Änderungshistorie nicht verfügbar: {path} ist ein Git-Repository ohne "
        "Arbeitsverzeichnis",
        "en": "change history unavailable: {path} is a git repository without a working tree",
    },
    "outside-repository": {
        "de": "Änderungshistorie nicht verfügbar: der Inhaltsordner {path} liegt außerhalb "
        "des Git-Repositorys {repo}",
        "en": "change history unavailable: the content folder {path} is outside the git "
        "repository {repo}",
    },
    "dubious-ownership": {
        "de": "Änderungshistorie nicht verfügbar: git verweigert den Zugriff auf {path}, weil "
        "das Verzeichnis einem anderen Benutzer gehört ('dubious ownership'); freigeben mit: "
        "git config --global --add safe.directory {path}",
        "en": "change history unavailable: git refuses to access {path} because the folder "
        "belongs to another user ('dubious ownership'); allow it with: "
        "git config --global --add safe.directory {path}",
    },
    "no-commits": {
        "de": "Änderungshistorie leer: das Git-Repository hat noch keine Commits",
        "en": "change history empty: the git repository has no commits yet",
    },
    "shallow": {
        "de": "Änderungshistorie unvollständig: flacher Git-Klon (shallow clone); für die "
        "ganze Historie 'git fetch --unshallow' ausführen oder in der CI die volle Tiefe "
        "laden (GitLab: GIT_DEPTH: 0, GitHub Actions: fetch-depth: 0)",
        "en": "change history incomplete: shallow git clone; for the full history run "
        "'git fetch --unshallow' or fetch the full depth in CI (GitLab: GIT_DEPTH: 0, "
        "GitHub Actions: fetch-depth: 0)",
    },
    "git-failed": {
        "de": "Änderungshistorie nicht verfügbar: git meldet: {detail}",
        "en": "change history unavailable: git reports: {detail}",
    },
}


@dataclass(frozen=True)
class HistoryProblem:
    """Why the history is unavailable or partial; language-neutral until formatted."""

    code: str
    args: dict[str, str] = field(default_factory=dict)

    def message(self, language: str = "de") -> str:
        """The one-line warning text in ``language`` (German unless ``"en"``)."""
        texts = _MESSAGES[self.code]
        return texts.get(language, texts["de"]).format(**self.args)


class History:
    """The changes of every content file, newest first; see :func:`read_history`."""

    def __init__(
        self,
        changes: list[Change],
        by_path: dict[str, list[Change]],
        *,
        problem: HistoryProblem | None = None,
        repo: Repo | None = None,
        git_runs: int = 0,
    ) -> None:
        self._changes = changes
        self._by_path = by_path
        self.problem_detail = problem
        self._repo = repo
        self._git_runs = git_runs

    def entries(self, rel_path: str) -> list[Change]:
        """Changes of the file now at ``rel_path``, newest first, following renames."""
        return list(self._by_path.get(rel_path, ()))

    def latest(self, rel_path: str) -> Change | None:
        """The newest change of the file at ``rel_path``, or ``None`` if never committed."""
        found = self._by_path.get(rel_path)
        return found[0] if found else None

    def all_changes(self) -> list[Change]:
        """Every change to every content file, newest first (for "Was ist neu")."""
        return list(self._changes)

    def paths(self) -> list[str]:
        """Every path that has entries: current files and deleted ones, sorted."""
        return sorted(self._by_path)

    @property
    def problem(self) -> str | None:
        """A one-line German warning when the history is unavailable or partial."""
        return self.problem_text("de")

    def problem_text(self, language: str = "de") -> str | None:
        """The warning of :attr:`problem` in ``language``."""
        return self.problem_detail.message(language) if self.problem_detail else None

    @property
    def git_runs(self) -> int:
        """How many git processes this history has started so far."""
        return self._git_runs

    def read_blob(self, blob_sha: str) -> bytes | None:
        """The content of a blob, or ``None`` when it cannot be read.

        All reads share one ``git cat-file --batch`` process, started on first use.
        """
        if self._repo is None:
            return None
        from git import GitCommandError

        git = self._repo.git
        if git.cat_file_all is None:  # GitPython starts the persistent process now
            self._git_runs += 1
        try:
            _, kind, _, data = git.get_object_data(blob_sha)
        except (ValueError, GitCommandError, OSError):
            # A missing object (e.g. cut off by a partial clone): no old content to compare.
            return None
        return bytes(data) if kind == b"blob" else None

    def close(self) -> None:
        """Stop the persistent git process, if one was started."""
        if self._repo is not None:
            self._repo.close()
            self._repo = None

    def __enter__(self) -> History:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def empty_history(problem: HistoryProblem | None = None) -> History:
    """A history without entries, e.g. when history is switched off."""
    return History([], {}, problem=problem)


_LOG_FORMAT = "%x1e%H%x1f%h%x1f%aN%x1f%aE%x1f%aI%x1f%s"
_STATUS = {
    "A": ChangeStatus.ADDED,
    "D": ChangeStatus.DELETED,
    "R": ChangeStatus.RENAMED,
    "C": ChangeStatus.ADDED,  # a copy is a new file
}
_NULL_SHA = "0" * 40


def read_history(repo_root: Path, content_dir: Path) -> History:
    """Read the history of every file below ``content_dir`` with one ``git log``.

    ``repo_root`` is the folder that returned paths are relative to (the handbook root);
    the git repository is found from ``content_dir`` upwards. Never raises for git
    trouble: the result then has no or partial entries and a :attr:`History.problem`.
    """
    try:
        import git
    except ImportError:  # GitPython refuses to import without a git executable
        return empty_history(HistoryProblem("git-missing"))
    try:
        repo = git.Repo(content_dir, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return empty_history(HistoryProblem("not-a-repository", {"path": str(content_dir)}))
    except OSError as error:  # e.g. an unreadable .git folder
        return empty_history(HistoryProblem("git-failed", {"detail": str(error)}))
    if repo.working_tree_dir is None:
        repo.close()
        return empty_history(HistoryProblem("bare-repository", {"path": str(content_dir)}))
    toplevel = Path(repo.working_tree_dir).resolve()
    try:
        pathspec = content_dir.resolve().relative_to(toplevel).as_posix()
    except ValueError:
        repo.close()
        args = {"path": str(content_dir), "repo": str(toplevel)}
        return empty_history(HistoryProblem("outside-repository", args))
    try:
        raw = repo.git.log(
            "--raw",
            "-z",
            "-M",
            "--no-abbrev",
            "--date-order",  # children before parents, which rename tracking relies on
            "--no-show-signature",
            "--no-color",
            f"--format={_LOG_FORMAT}",
            "--",
            f":(top,literal){pathspec}",
            stdout_as_string=False,
        )
    except git.GitCommandNotFound:
        repo.close()
        return empty_history(HistoryProblem("git-missing"))
    except git.GitCommandError as error:
        repo.close()
        return History([], {}, problem=classify_git_error(error, toplevel), git_runs=1)
    shallow = _shallow_commits(Path(repo.common_dir))
    to_key = _key_maker(toplevel, repo_root.resolve())
    changes = parse_log(raw, to_key, shallow)
    problem = HistoryProblem("shallow") if shallow else None
    return History(changes, _group_by_file(changes), problem=problem, repo=repo, git_runs=1)


def classify_git_error(error: Any, repo_path: Path) -> HistoryProblem:
    """Turn a failed git command into a one-line, actionable problem."""
    stderr = getattr(error, "stderr", "") or ""
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else str(stderr)
    if not text.strip():
        text = str(error)
    if "dubious ownership" in text:
        found = re.search(r"dubious ownership in repository at '([^']+)'", text)
        return HistoryProblem("dubious-ownership", {"path": found[1] if found else str(repo_path)})
    if "does not have any commits yet" in text or "bad default revision" in text:
        return HistoryProblem("no-commits")
    return HistoryProblem("git-failed", {"detail": _first_fatal_line(text)})


def _first_fatal_line(text: str) -> str:
    # GitPython wraps stderr as "stderr: 'fatal: …'"; the user needs git's own words only.
    found = re.search(r"(?:fatal|error): ([^\n]*)", text)
    line = found[1] if found else text.strip().splitlines()[-1] if text.strip() else "?"
    return line.strip().rstrip("'").strip()


def _shallow_commits(common_dir: Path) -> frozenset[str]:
    # git records the cut-off commits of a shallow clone in this file; reading it costs no
    # process, unlike `git rev-parse --is-shallow-repository`.
    try:
        text = (common_dir / "shallow").read_text(encoding="ascii")
    except OSError:
        return frozenset()
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def _key_maker(toplevel: Path, root: Path) -> Callable[[str], str]:
    """Map a path relative to the git top level to one relative to the handbook root."""
    if root == toplevel:
        return lambda path: path
    try:
        prefix = root.relative_to(toplevel).as_posix() + "/"
    except ValueError:
        pass
    else:
        return lambda path: path[len(prefix) :] if path.startswith(prefix) else path
    try:
        above = toplevel.relative_to(root).as_posix() + "/"
    except ValueError:
        return lambda path: path
    return lambda path: above + path


def parse_log(
    raw: bytes, to_key: Callable[[str], str], shallow: frozenset[str] = frozenset()
) -> list[Change]:
    """Parse ``git log --raw -z`` output written with :data:`_LOG_FORMAT`, newest first."""
    changes: list[Change] = []
    for chunk in raw.split(b"\x1e")[1:]:
        header, _, body = chunk.partition(b"\0")
        fields = header.decode("utf-8", "replace").split("\x1f")
        if len(fields) != 6:
            continue
        hexsha, short_hash, author, email, date, subject = fields
        when = dt.datetime.fromisoformat(date)
        tokens = body.lstrip(b"\n").split(b"\0")
        index = 0
        while index < len(tokens):
            meta = tokens[index].decode("ascii", "replace")
            index += 1
            if not meta.startswith(":"):
                continue
            parts = meta[1:].split()
            if len(parts) < 5:
                continue
            old_blob, new_blob, letter = parts[2], parts[3], parts[4][:1]
            status = _STATUS.get(letter, ChangeStatus.MODIFIED)
            old_path = None
            if letter in "RC":
                old_path = to_key(tokens[index].decode("utf-8", "replace"))
                index += 1
            path = to_key(tokens[index].decode("utf-8", "replace"))
            index += 1
            changes.append(
                Change(
                    hexsha=hexsha,
                    short_hash=short_hash,
                    author=author,
                    author_email=email,
                    date=when,
                    subject=subject,
                    status=status,
                    path=path,
                    old_path=old_path if letter == "R" else None,
                    old_blob=None if old_blob == _NULL_SHA else old_blob,
                    new_blob=None if new_blob == _NULL_SHA else new_blob,
                    boundary=hexsha in shallow,
                )
            )
    return changes


def _group_by_file(changes: list[Change]) -> dict[str, list[Change]]:
    """Changes per current path, following renames back in time.

    Walking newest to oldest, ``alias`` maps a path *as it was at that point in time* to
    the path the file has now. A rename old -> new makes older changes of ``old`` belong
    to whatever ``new`` became; a file later created again at ``old`` was seen earlier in
    the walk and keeps its own entries.
    """
    alias: dict[str, str] = {}
    by_path: dict[str, list[Change]] = {}
    for change in changes:
        key = alias.get(change.path, change.path)
        by_path.setdefault(key, []).append(change)
        if change.status is ChangeStatus.RENAMED and change.old_path is not None:
            alias[change.old_path] = key
        if change.status is ChangeStatus.ADDED:
            # Before its creation, nothing lived at this path that became `key`.
            alias.pop(change.path, None)
    return by_path


def commit_url(repo_url: str, hexsha: str, *, forge: str | None = None) -> str:
    """The web address of a commit on the forge.

    GitLab uses ``<repo>/-/commit/<sha>``, GitHub (and Gitea, Forgejo) ``<repo>/commit/<sha>``.
    ``forge`` (``"gitlab"`` or ``"github"``) decides; without it the GitLab form is used
    when the host name contains "gitlab" (gitlab.com, gitlab.opencode.de,
    gitlab.musterstadt.de) and the GitHub form otherwise. A self-hosted GitLab under
    another name (git.musterstadt.de) needs ``forge="gitlab"``.
    """
    base = repo_url.rstrip("/")
    base = base.removesuffix(".git")
    kind = forge or ("gitlab" if "gitlab" in (urlsplit(base).hostname or "") else "github")
    if kind == "gitlab":
        return f"{base}/-/commit/{hexsha}"
    return f"{base}/commit/{hexsha}"
