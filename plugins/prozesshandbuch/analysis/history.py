"""The change history of content files, read from git in one pass over the log.

A build starts a constant number of git processes, however many files there are: one
``git log`` for the whole content folder, and, only when old file contents are needed
(changes in words), one persistent ``git cat-file --batch`` that serves every blob.
:func:`read_diff` (for ``prozesshandbuch diff``) works the same way with ``git diff``.

History is a convenience, never a requirement: when git is missing, the folder is not a
repository, git refuses the repository ("dubious ownership") or the clone is shallow, the
history is empty or partial and :attr:`History.problem` says why, in one line. Nothing
here raises for such a state.

Paths are relative to the handbook root (normally the repository root), with ``/``
separators, e.g. ``content/processes/reisepass-beantragen.yml``. Files that were never
committed (new, untracked) simply have no entries, and local edits to committed files are
not reflected: pages show the last *committed* change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..content.controlchars import one_line
from .git import (
    OBJECT_NAME,
    GitSession,
    HistoryProblem,
    classify_git_error,
    open_repository,
    run_git,
    shallow_commits,
)

if TYPE_CHECKING:  # GitPython is imported lazily: its import fails when git is missing
    from git import Repo

__all__ = [
    "Change",
    "ChangeStatus",
    "Diff",
    "FileDiff",
    "History",
    "HistoryProblem",
    "ParsedLog",
    "classify_git_error",
    "commit_url",
    "empty_history",
    "parse_log",
    "read_diff",
    "read_history",
]


SHORT_HASH_LENGTH = 8
"""Like GitLab's short hashes; `%h` cannot be used, as `--no-abbrev` (needed for full blob
hashes in the raw output) lengthens it to the full hash."""


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
    short: str
    """The commit hash shortened to :data:`SHORT_HASH_LENGTH` characters, for display."""
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


_STATUS = {
    "A": ChangeStatus.ADDED,
    "D": ChangeStatus.DELETED,
    "R": ChangeStatus.RENAMED,
    "C": ChangeStatus.ADDED,  # a copy is a new file
}


@dataclass(frozen=True)
class _RawEntry:
    status: ChangeStatus
    path: str
    old_path: str | None
    old_blob: str | None
    new_blob: str | None


def _blob(name: str) -> str | None:
    # git writes an all-zero name for "no blob" (added or deleted file).
    return None if not OBJECT_NAME.match(name) or set(name) == {"0"} else name


def _raw_entries(
    tokens: list[bytes], start: int, to_key: Callable[[str], str]
) -> tuple[list[_RawEntry], int]:
    """Entries of ``--raw -z`` output from ``tokens[start]`` on, and the index after them.

    Each entry is ``:modes blobs status NUL path [NUL second path] NUL``; the entries end
    at the first token that does not start with ``:`` (the next commit, or the end).
    """
    entries: list[_RawEntry] = []
    index = start
    while index < len(tokens):
        meta = tokens[index].decode("ascii", "replace").lstrip("\n")
        if not meta:  # the NUL git writes after a commit's format, before its entries
            index += 1
            continue
        if not meta.startswith(":"):
            break
        parts = meta[1:].split()
        paths = 2 if len(parts) >= 5 and parts[4][:1] in "RC" else 1
        end = index + 1 + paths
        # A file name may hold control characters too (a file added and deleted again).
        named = [to_key(one_line(t.decode("utf-8", "replace"))) for t in tokens[index + 1 : end]]
        index += 1 + paths
        if len(parts) < 5 or len(named) != paths:
            continue
        letter = parts[4][:1]
        entries.append(
            _RawEntry(
                status=_STATUS.get(letter, ChangeStatus.MODIFIED),
                path=named[-1],
                old_path=named[0] if letter == "R" else None,
                old_blob=_blob(parts[2]),
                new_blob=_blob(parts[3]),
            )
        )
    return entries, index


# --- history -----------------------------------------------------------------------------


class History(GitSession):
    """The changes of every content file, newest first; see :func:`read_history`."""

    def __init__(
        self,
        changes: list[Change],
        *,
        problem: HistoryProblem | None = None,
        repo: Repo | None = None,
        git_runs: int = 0,
    ) -> None:
        super().__init__(repo, problem, git_runs)
        self._changes = changes
        self._by_path = _group_by_file(changes)

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


def empty_history(problem: HistoryProblem | None = None) -> History:
    """A history without entries, e.g. when history is switched off."""
    return History([], problem=problem)


# Every field ends with NUL, which git never prints inside a name or a subject (it ends a
# C string), and the commit hash comes first and last: a subject holding any other
# character, including the 0x1e/0x1f separators of old, cannot start a record of its own,
# and a record that does not end with its own hash (which no commit can contain) is refused.
_LOG_FORMAT = "%H%x00%aN%x00%aE%x00%aI%x00%s%x00%H%x00"
_HEADER_FIELDS = 6


def read_history(repo_root: Path, content_dir: Path) -> History:
    """Read the history of every file below ``content_dir`` with one ``git log``.

    ``repo_root`` is the folder that returned paths are relative to (the handbook root);
    the git repository is found from ``content_dir`` upwards. Never raises for git
    trouble: the result then has no or partial entries and a :attr:`History.problem`.
    Order is git's (``--date-order``): newest commit first, children before parents.
    """
    opened = open_repository(repo_root, content_dir)
    if isinstance(opened, HistoryProblem):
        return empty_history(opened)
    raw = run_git(
        opened,
        "log",
        "--raw",
        "-z",
        "-M",
        "--no-abbrev",
        "--date-order",  # children before parents, which rename tracking relies on
        "--no-show-signature",
        "--no-color",
        f"--format={_LOG_FORMAT}",
        "--",
        opened.pathspec,
    )
    if isinstance(raw, HistoryProblem):
        return History([], problem=raw, git_runs=1)
    shallow = shallow_commits(Path(opened.repo.common_dir))
    log = parse_log(raw, opened.to_key, shallow)
    problem = HistoryProblem("shallow") if shallow else log.problem
    return History(log.changes, problem=problem, repo=opened.repo, git_runs=1)


@dataclass(frozen=True)
class ParsedLog:
    """The changes read from ``git log``, and what could not be read."""

    changes: list[Change]
    problem: HistoryProblem | None = None


def parse_log(
    raw: bytes, to_key: Callable[[str], str], shallow: frozenset[str] = frozenset()
) -> ParsedLog:
    """Parse ``git log --raw -z`` output written with ``_LOG_FORMAT``, newest first.

    No field is trusted: names and subjects lose control characters, a commit whose date
    git could not read (a hand-made commit object) is left out and named in the problem,
    and a record that is not what the format writes ends the reading there.
    """
    changes: list[Change] = []
    skipped: list[str] = []
    tokens = raw.split(b"\0")
    index = 0
    while index < len(tokens):
        if not tokens[index]:  # the end of the output
            index += 1
            continue
        header = [t.decode("utf-8", "replace") for t in tokens[index : index + _HEADER_FIELDS]]
        hexsha = header[0].lstrip("\n")
        if len(header) != _HEADER_FIELDS or not OBJECT_NAME.match(hexsha) or header[5] != hexsha:
            return ParsedLog(changes, HistoryProblem("unreadable-log"))
        entries, index = _raw_entries(tokens, index + _HEADER_FIELDS, to_key)
        try:
            when = dt.datetime.fromisoformat(header[3])
        except ValueError:
            skipped.append(hexsha[:SHORT_HASH_LENGTH])
            continue
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.timezone.utc)
        author, email, subject = (one_line(header[i]) for i in (1, 2, 4))
        changes.extend(
            Change(
                hexsha=hexsha,
                short=hexsha[:SHORT_HASH_LENGTH],
                author=author,
                author_email=email,
                date=when,
                subject=subject,
                status=entry.status,
                path=entry.path,
                old_path=entry.old_path,
                old_blob=entry.old_blob,
                new_blob=entry.new_blob,
                boundary=hexsha in shallow,
            )
            for entry in entries
        )
    if skipped:
        problem = HistoryProblem("skipped-commits", {"commits": ", ".join(skipped)})
        return ParsedLog(changes, problem)
    return ParsedLog(changes)


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


# --- diff between revisions --------------------------------------------------------------


@dataclass(frozen=True)
class FileDiff:
    """One content file that differs between two revisions."""

    status: ChangeStatus
    path: str
    old_path: str | None
    """The previous path, for a rename."""
    old_blob: str | None
    new_blob: str | None
    """``None`` when deleted, or when the new side is the working tree (see ``on_disk``)."""
    on_disk: bool = False
    """The new content is the file in the working tree, not a committed blob."""


class Diff(GitSession):
    """The content files that differ between two revisions; see :func:`read_diff`."""

    def __init__(
        self,
        files: list[FileDiff],
        *,
        problem: HistoryProblem | None = None,
        repo: Repo | None = None,
        git_runs: int = 0,
        root: Path | None = None,
    ) -> None:
        super().__init__(repo, problem, git_runs)
        self.files = files
        self._root = root

    def new_content(self, file: FileDiff) -> bytes | None:
        """The file's content on the new side (blob or working tree); ``None`` if gone."""
        if file.on_disk:
            if self._root is None:
                return None
            try:
                return (self._root / file.path).read_bytes()
            except OSError:
                return None
        return self.read_blob(file.new_blob) if file.new_blob else None

    def old_content(self, file: FileDiff) -> bytes | None:
        """The file's content on the old side; ``None`` when it was added."""
        return self.read_blob(file.old_blob) if file.old_blob else None


def read_diff(repo_root: Path, content_dir: Path, revisions: str) -> Diff:
    """The content files changed in ``revisions``, with one ``git diff``.

    ``revisions`` is what ``git diff`` takes: ``A..B`` (commit A to commit B),
    ``A...B`` (from the common ancestor of A and B to B, the view of a merge request), or
    ``A`` alone (commit A to the working tree, including files not yet added; this costs
    one more git process, ``git ls-files``). Never raises for git trouble.
    """
    if not revisions or revisions.startswith("-"):  # never let a revision become an option
        return Diff([], problem=HistoryProblem("bad-revision", {"rev": revisions}))
    if ":" in revisions:
        # `A..B:path` names a folder's tree, not a commit: git would compare A with that
        # tree and call every file changed.
        return Diff([], problem=HistoryProblem("revision-with-path", {"rev": revisions}))
    opened = open_repository(repo_root, content_dir)
    if isinstance(opened, HistoryProblem):
        return Diff([], problem=opened)
    raw = run_git(
        opened,
        "diff",
        "--raw",
        "-z",
        "-M",
        "--no-abbrev",
        "--no-ext-diff",
        "--no-color",
        revisions,
        "--",
        opened.pathspec,
    )
    runs = 1
    if isinstance(raw, HistoryProblem):
        return Diff([], problem=raw, git_runs=runs)
    worktree = ".." not in revisions
    files = [
        FileDiff(
            status=entry.status,
            path=entry.path,
            old_path=entry.old_path,
            old_blob=entry.old_blob,
            new_blob=None if worktree else entry.new_blob,
            on_disk=worktree and entry.status is not ChangeStatus.DELETED,
        )
        for entry in _raw_entries(raw.split(b"\0"), 0, opened.to_key)[0]
    ]
    if worktree:
        untracked = run_git(
            opened, "ls_files", "-z", "--others", "--exclude-standard", "--", opened.pathspec
        )
        runs += 1
        if isinstance(untracked, HistoryProblem):
            return Diff([], problem=untracked, git_runs=runs)
        files += [
            FileDiff(ChangeStatus.ADDED, opened.to_key(name), None, None, None, on_disk=True)
            for name in untracked.decode("utf-8", "replace").split("\0")
            if name
        ]
    files.sort(key=lambda file: file.path)
    return Diff(files, repo=opened.repo, git_runs=runs, root=repo_root)


def commit_url(repo_url: str, hexsha: str, *, forge: str | None = None) -> str:
    """The web address of a commit on the forge.

    GitLab uses ``<repo>/-/commit/<sha>``, GitHub (and Gitea, Forgejo) ``<repo>/commit/<sha>``.
    ``forge`` (``"gitlab"`` or ``"github"``) decides; without it the GitLab form is used
    when the host name contains "gitlab" (gitlab.com, gitlab.opencode.de,
    gitlab.musterstadt.de) and the GitHub form otherwise. A self-hosted GitLab under
    another name (git.musterstadt.de) needs ``forge="gitlab"``.
    """
    base = repo_url.rstrip("/").removesuffix(".git")
    kind = forge or ("gitlab" if "gitlab" in (urlsplit(base).hostname or "") else "github")
    if kind == "gitlab":
        return f"{base}/-/commit/{hexsha}"
    return f"{base}/commit/{hexsha}"
