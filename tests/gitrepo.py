"""A real git repository for history tests: fixed authors and dates, no user config."""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

ERIKA = ("Erika Muster", "erika@musterstadt.example")
MAX = ("Max Beispiel", "max@musterstadt.example")
PETRA = ("Petra Probe", "petra@musterstadt.example")


def isolated_git_env(config: Path) -> dict[str, str]:
    """Environment that keeps the user's and system's git config out of a test."""
    config.touch()
    return {"GIT_CONFIG_GLOBAL": str(config), "GIT_CONFIG_NOSYSTEM": "1"}


class GitRepo:
    """A repository in ``path``; every commit gets the author and date it is given."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.env = {**os.environ, **isolated_git_env(path.parent / f"{path.name}.gitconfig")}
        self.git("init", "--quiet", "--initial-branch=main")
        # For commands that commit without `commit()` (merges): a fixed identity.
        self.git("config", "user.name", "Test")
        self.git("config", "user.email", "test@musterstadt.example")

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        """Run git in the repository; fails the test on an error."""
        result = subprocess.run(
            ["git", *args],
            cwd=self.path,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def write(self, relative: str, text: str) -> Path:
        """Write a file (dedented), relative to the repository."""
        target = self.path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return target

    def commit(self, message: str, author: tuple[str, str], date: str) -> str:
        """Stage everything and commit with a fixed author and date; returns the hash."""
        self.git("add", "--all")
        name, email = author
        env = {
            "GIT_AUTHOR_NAME": name,
            "GIT_AUTHOR_EMAIL": email,
            "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_NAME": name,
            "GIT_COMMITTER_EMAIL": email,
            "GIT_COMMITTER_DATE": date,
        }
        self.git("commit", "--quiet", "--no-gpg-sign", "-m", message, env=env)
        return self.git("rev-parse", "HEAD").strip()
