"""Git plumbing: find the repository, run git, read blobs, explain git's failures.

Everything that starts a git process lives here; :mod:`history` turns the output into
changes. Nothing here raises for git trouble (git missing, not a repository, "dubious
ownership", a bad revision): it becomes a :class:`HistoryProblem`, which says in one line
what is missing and why.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..i18n import DEFAULT_LANGUAGE, text

if TYPE_CHECKING:  # GitPython is imported lazily: its import fails when git is missing
    from git import Repo


# The warning's first words say what is missing: the history, or part of it.
_PREFIXES: dict[str, str] = {
    "shallow": "history.prefix.incomplete",
    "skipped-commits": "history.prefix.incomplete",
    "unreadable-log": "history.prefix.incomplete",
    "no-commits": "history.prefix.empty",
}


@dataclass(frozen=True)
class HistoryProblem:
    """Why git could not give (all of) the history; language-neutral until formatted."""

    code: str
    args: dict[str, str] = field(default_factory=dict)

    def detail(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The reason alone, e.g. for a command-line message with its own prefix."""
        return text(f"history.{self.code}", language, **self.args)

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The one-line warning for a build: what is missing, and why."""
        prefix = _PREFIXES.get(self.code, "history.prefix.unavailable")
        return f"{text(prefix, language)}: {self.detail(language)}"


# --- sessions and blobs ------------------------------------------------------------------


_Session = TypeVar("_Session", bound="GitSession")

OBJECT_NAME = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")
"""A full object name: SHA-1 or SHA-256."""


class GitSession:
    """An open repository, its process count, and blob reading through one process."""

    def __init__(self, repo: Repo | None, problem: HistoryProblem | None, git_runs: int) -> None:
        self._repo = repo
        self.problem = problem
        """Why git could not give everything asked for; ``None`` when it did."""
        self._git_runs = git_runs
        self._batch: _BlobBatch | None = None

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
        wanted = [sha for sha in dict.fromkeys(blob_shas) if OBJECT_NAME.match(sha)]
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


# --- repository discovery and the one runner ---------------------------------------------


@dataclass
class OpenedRepository:
    repo: Repo
    toplevel: Path
    pathspec: str
    """The content folder as a literal pathspec from the repository's top level."""
    to_key: Callable[[str], str]


def open_repository(repo_root: Path, content_dir: Path) -> OpenedRepository | HistoryProblem:
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
    return OpenedRepository(repo, toplevel, pathspec, _key_maker(toplevel, repo_root.resolve()))


def run_git(opened: OpenedRepository, command: str, *args: str) -> bytes | HistoryProblem:
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


def shallow_commits(common_dir: Path) -> frozenset[str]:
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
