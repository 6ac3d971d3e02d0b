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

import contextlib
import datetime as dt
import re
import subprocess
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, cast
from urllib.parse import urlsplit

if TYPE_CHECKING:  # GitPython is imported lazily: its import fails when git is missing
    from git import Repo


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


# --- problems ----------------------------------------------------------------------------

_MESSAGES: dict[str, dict[str, str]] = {
    "git-missing": {
        "de": "das Programm git wurde nicht gefunden; bitte git installieren",
        "en": "the git program was not found; please install git",
    },
    "not-a-repository": {
        "de": "{path} liegt nicht in einem Git-Repository",
        "en": "{path} is not inside a git repository",
    },
    "bare-repository": {
        "de": "{path} ist ein Git-Repository ohne Arbeitsverzeichnis",
        "en": "{path} is a git repository without a working tree",
    },
    "outside-repository": {
        "de": "der Inhaltsordner {path} liegt außerhalb des Git-Repositorys {repo}",
        "en": "the content folder {path} is outside the git repository {repo}",
    },
    "dubious-ownership": {
        "de": "git verweigert den Zugriff auf {path}, weil das Verzeichnis einem anderen "
        "Benutzer gehört ('dubious ownership'); freigeben mit: "
        "git config --global --add safe.directory {path}",
        "en": "git refuses to access {path} because the folder belongs to another user "
        "('dubious ownership'); allow it with: git config --global --add safe.directory {path}",
    },
    "no-commits": {
        "de": "das Git-Repository hat noch keine Commits",
        "en": "the git repository has no commits yet",
    },
    "shallow": {
        "de": "flacher Git-Klon (shallow clone); für die ganze Historie 'git fetch "
        "--unshallow' ausführen oder in der CI die volle Tiefe laden (GitLab: GIT_DEPTH: 0, "
        "GitHub Actions: fetch-depth: 0)",
        "en": "shallow git clone; for the full history run 'git fetch --unshallow' or fetch "
        "the full depth in CI (GitLab: GIT_DEPTH: 0, GitHub Actions: fetch-depth: 0)",
    },
    "bad-revision": {
        "de": "unbekannte Version '{rev}' (erwartet: Commit, Branch oder Tag, z. B. main..HEAD)",
        "en": "unknown revision '{rev}' (expected a commit, branch or tag, e.g. main..HEAD)",
    },
    "git-failed": {
        "de": "git meldet: {detail}",
        "en": "git reports: {detail}",
    },
}
_PREFIXES: dict[str, dict[str, str]] = {
    "unavailable": {"de": "Änderungshistorie nicht verfügbar", "en": "change history unavailable"},
    "shallow": {"de": "Änderungshistorie unvollständig", "en": "change history incomplete"},
    "no-commits": {"de": "Änderungshistorie leer", "en": "change history empty"},
}


@dataclass(frozen=True)
class HistoryProblem:
    """Why git could not give (all of) the history; language-neutral until formatted."""

    code: str
    args: dict[str, str] = field(default_factory=dict)

    def detail(self, language: str = "de") -> str:
        """The reason alone, e.g. for a command-line message with its own prefix."""
        texts = _MESSAGES[self.code]
        return texts.get(language, texts["de"]).format(**self.args)

    def message(self, language: str = "de") -> str:
        """The one-line warning for a build: what is missing, and why."""
        prefixes = _PREFIXES.get(self.code, _PREFIXES["unavailable"])
        return f"{prefixes.get(language, prefixes['de'])}: {self.detail(language)}"


# --- git access --------------------------------------------------------------------------


_Session = TypeVar("_Session", bound="_GitSession")


class _GitSession:
    """An open repository, its process count, and blob reading through one process."""

    def __init__(self, repo: Repo | None, problem: HistoryProblem | None, git_runs: int) -> None:
        self._repo = repo
        self.problem_detail = problem
        self._git_runs = git_runs
        self._batch: _BlobBatch | None = None

    @property
    def problem(self) -> str | None:
        """A one-line German warning when git could not give everything asked for."""
        return self.problem_text("de")

    def problem_text(self, language: str = "de") -> str | None:
        """The warning of :attr:`problem` in ``language``."""
        return self.problem_detail.message(language) if self.problem_detail else None

    @property
    def git_runs(self) -> int:
        """How many git processes have been started so far."""
        return self._git_runs

    def read_blob(self, blob_sha: str) -> bytes | None:
        """The content of one blob, or ``None`` when it cannot be read."""
        return self.read_blobs([blob_sha]).get(blob_sha)

    def read_blobs(self, blob_shas: Iterable[str]) -> dict[str, bytes]:
        """The contents of many blobs; unreadable ones (e.g. not fetched) are left out.

        Every read of this session goes through one ``git cat-file --batch`` process,
        started on first use; requests are sent in chunks, not one round trip per blob.
        """
        wanted = [sha for sha in dict.fromkeys(blob_shas) if _OBJECT_NAME.match(sha)]
        if self._repo is None or not wanted:
            return {}
        from git import CommandError

        try:
            if self._batch is None:
                self._git_runs += 1
                self._batch = _BlobBatch(self._repo)
            return self._batch.read(wanted)
        except (CommandError, OSError, ValueError):
            # git vanished or died (uninstalled, killed): no old contents, but no crash.
            self.close()
            return {}

    def close(self) -> None:
        """Stop the git process, if one was started."""
        if self._batch is not None:
            self._batch.close()
            self._batch = None
        if self._repo is not None:
            self._repo.close()
            self._repo = None

    def __enter__(self: _Session) -> _Session:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


_OBJECT_NAME = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")  # SHA-1 or SHA-256
_BATCH_SIZE = 500
"""Object names per request: 500 lines of at most 65 bytes stay below a pipe's 64 KiB
buffer, so writing a request never waits for git to be read from (no deadlock)."""


class _BlobBatch:
    """One ``git cat-file --batch`` process, read in pipelined chunks.

    GitPython's own ``get_object_data`` makes one round trip per object, which costs more
    than parsing the file; pipelining makes reading thousands of revisions cheap.
    """

    def __init__(self, repo: Repo) -> None:
        self._process = repo.git.cat_file("--batch", as_process=True, istream=subprocess.PIPE)

    def read(self, shas: list[str]) -> dict[str, bytes]:
        stdin, stdout = self._process.stdin, self._process.stdout
        if stdin is None or stdout is None:
            raise OSError("git cat-file has no pipes")
        found: dict[str, bytes] = {}
        for start in range(0, len(shas), _BATCH_SIZE):
            chunk = shas[start : start + _BATCH_SIZE]
            stdin.write(b"".join(f"{sha}\n".encode("ascii") for sha in chunk))
            stdin.flush()
            for sha in chunk:
                header = stdout.readline().split()  # "<sha> <type> <size>" or "<sha> missing"
                if len(header) != 3:
                    if not header:
                        raise OSError("git cat-file stopped")
                    continue
                size = int(header[2])
                data = stdout.read(size + 1)[:size]  # content, then a newline
                if len(data) != size:
                    raise OSError("git cat-file stopped")
                if header[1] == b"blob":
                    found[sha] = data
        return found

    def close(self) -> None:
        stdin = self._process.stdin
        if stdin is not None and not stdin.closed:
            stdin.close()  # end of input: git exits on its own
        from git import GitCommandError

        with contextlib.suppress(GitCommandError, OSError):  # git already gone, e.g. killed
            self._process.wait()


@dataclass
class _Opened:
    repo: Repo
    toplevel: Path
    pathspec: str
    """The content folder as a literal pathspec from the repository's top level."""
    to_key: Callable[[str], str]


def _open(repo_root: Path, content_dir: Path) -> _Opened | HistoryProblem:
    """Find the repository of ``content_dir`` without starting a git process."""
    try:
        import git
    except ImportError:  # GitPython refuses to import without a git executable
        return HistoryProblem("git-missing")
    # Search from the nearest existing folder: a content folder deleted in the working tree
    # still has a history (and `prozesshandbuch diff` may compare it).
    start = content_dir.resolve()
    while not start.exists() and start != start.parent:
        start = start.parent
    try:
        repo = git.Repo(start, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return HistoryProblem("not-a-repository", {"path": str(content_dir)})
    except OSError as error:  # e.g. an unreadable .git folder
        return HistoryProblem("git-failed", {"detail": str(error)})
    if repo.working_tree_dir is None:
        repo.close()
        return HistoryProblem("bare-repository", {"path": str(content_dir)})
    toplevel = Path(repo.working_tree_dir).resolve()
    try:
        relative = content_dir.resolve().relative_to(toplevel).as_posix()
    except ValueError:
        repo.close()
        return HistoryProblem(
            "outside-repository", {"path": str(content_dir), "repo": str(toplevel)}
        )
    # `top` makes the pathspec independent of git's working directory, `literal` keeps
    # a folder name with `*` or `:` from being read as a pattern.
    pathspec = f":(top,literal){relative}"
    return _Opened(repo, toplevel, pathspec, _key_maker(toplevel, repo_root.resolve()))


def _run(opened: _Opened, command: str, *args: str) -> bytes | HistoryProblem:
    """Run one git command; a failure becomes a problem, the repository is then closed."""
    import git

    try:
        output = getattr(opened.repo.git, command)(*args, stdout_as_string=False)
    except git.GitCommandNotFound:
        opened.repo.close()
        return HistoryProblem("git-missing")
    except git.GitCommandError as error:
        opened.repo.close()
        return classify_git_error(error, opened.toplevel)
    return cast(bytes, output)


def classify_git_error(error: Any, repo_path: Path) -> HistoryProblem:
    """Turn a failed git command (a ``GitCommandError``) into an actionable problem."""
    stderr = getattr(error, "stderr", "") or ""
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else str(stderr)
    if not text.strip():
        text = str(error)
    if "dubious ownership" in text:
        found = re.search(r"dubious ownership in repository at '([^']+)'", text)
        return HistoryProblem("dubious-ownership", {"path": found[1] if found else str(repo_path)})
    if "does not have any commits yet" in text or "bad default revision" in text:
        return HistoryProblem("no-commits")
    revision = re.search(
        r"(?:ambiguous argument|bad revision|invalid revision range|unknown revision) '([^']+)'",
        text,
        re.IGNORECASE,
    )
    if revision:
        return HistoryProblem("bad-revision", {"rev": revision[1]})
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


_NULL_SHA = "0" * 40
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


def _raw_entries(tokens: list[bytes], to_key: Callable[[str], str]) -> Iterator[_RawEntry]:
    """Entries of ``--raw -z`` output: ``:modes blobs status NUL path [NUL path] NUL``."""
    index = 0
    while index < len(tokens):
        meta = tokens[index].decode("ascii", "replace").lstrip("\n")
        index += 1
        parts = meta[1:].split() if meta.startswith(":") else []
        if len(parts) < 5:
            continue
        old_blob, new_blob, letter = parts[2], parts[3], parts[4][:1]
        old_path = None
        if letter in "RC":
            old_path = to_key(tokens[index].decode("utf-8", "replace"))
            index += 1
        path = to_key(tokens[index].decode("utf-8", "replace"))
        index += 1
        yield _RawEntry(
            status=_STATUS.get(letter, ChangeStatus.MODIFIED),
            path=path,
            old_path=old_path if letter == "R" else None,
            old_blob=None if old_blob == _NULL_SHA else old_blob,
            new_blob=None if new_blob == _NULL_SHA else new_blob,
        )


# --- history -----------------------------------------------------------------------------


class History(_GitSession):
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


# Fields are separated by US (0x1f) and commits start with RS (0x1e): neither can be typed
# into a commit subject by accident, unlike any printable separator.
_LOG_FORMAT = "%x1e%H%x1f%aN%x1f%aE%x1f%aI%x1f%s"


def read_history(repo_root: Path, content_dir: Path) -> History:
    """Read the history of every file below ``content_dir`` with one ``git log``.

    ``repo_root`` is the folder that returned paths are relative to (the handbook root);
    the git repository is found from ``content_dir`` upwards. Never raises for git
    trouble: the result then has no or partial entries and a :attr:`History.problem`.
    Order is git's (``--date-order``): newest commit first, children before parents.
    """
    opened = _open(repo_root, content_dir)
    if isinstance(opened, HistoryProblem):
        return empty_history(opened)
    raw = _run(
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
    shallow = _shallow_commits(Path(opened.repo.common_dir))
    changes = parse_log(raw, opened.to_key, shallow)
    problem = HistoryProblem("shallow") if shallow else None
    return History(changes, problem=problem, repo=opened.repo, git_runs=1)


def parse_log(
    raw: bytes, to_key: Callable[[str], str], shallow: frozenset[str] = frozenset()
) -> list[Change]:
    """Parse ``git log --raw -z`` output written with ``_LOG_FORMAT``, newest first."""
    changes: list[Change] = []
    for chunk in raw.split(b"\x1e")[1:]:
        header, _, body = chunk.partition(b"\0")
        fields = header.decode("utf-8", "replace").split("\x1f")
        if len(fields) != 5:
            continue
        hexsha, author, email, date, subject = fields
        when = dt.datetime.fromisoformat(date)
        for entry in _raw_entries(body.split(b"\0"), to_key):
            changes.append(
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


class Diff(_GitSession):
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
    opened = _open(repo_root, content_dir)
    if isinstance(opened, HistoryProblem):
        return Diff([], problem=opened)
    raw = _run(
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
        for entry in _raw_entries(raw.split(b"\0"), opened.to_key)
    ]
    if worktree:
        untracked = _run(
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
