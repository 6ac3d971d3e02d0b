"""``prozesshandbuch check`` remembered by the content's hash.

A pre-commit hook runs ``check`` on every commit, mostly on content that was checked
before. The key covers everything the problems depend on: every file below the content
folder (names and bytes), the plugin's code (see :mod:`fingerprint`), the reference
date and where the folder lies. A hit imports neither pydantic nor the model, so it
answers in a fraction of a cold check. The file lives in ``.cache/`` and is safe to
delete; a file that cannot be read, has another format, another key or any entry of
the wrong shape is ignored and overwritten, never partly used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .fingerprint import code_fingerprint, files_fingerprint
from .problems import Position, Problem, Severity

CACHE_FILE = Path(".cache") / "prozesshandbuch" / "check.json"
"""Relative to the handbook's root (the folder ``check`` reports paths against)."""
FORMAT = 1


@dataclass(frozen=True)
class CheckOutcome:
    """The problems of a check and how many files it read."""

    problems: list[Problem]
    file_count: int


def check_content(
    content_dir: Path, root: Path, today: dt.date, *, cached: bool = True
) -> CheckOutcome:
    """Check ``content_dir`` as of ``today``, from the cache when its key matches.

    With ``cached`` False the cache is not read (it is still written).
    """
    key = check_key(content_dir, root, today)
    if cached and key is not None:
        hit = read_outcome(root, key)
        if hit is not None:
            return hit
    from .check import check_handbook  # the model and pydantic: only when really checking

    result = check_handbook(content_dir, root, today)
    outcome = CheckOutcome(result.problems, result.loaded.file_count)
    # A file saved while checking would tie this result to content it has not seen.
    if key is not None and key == check_key(content_dir, root, today):
        write_outcome(root, key, outcome)
    return outcome


def check_key(content_dir: Path, root: Path, today: dt.date) -> str | None:
    """The cache key of checking ``content_dir``; None if the folder cannot be read."""
    if not content_dir.is_dir():
        return None
    try:
        files = sorted(
            (path.relative_to(content_dir).as_posix(), path)
            for path in content_dir.rglob("*")
            if path.is_file()
        )
        content = files_fingerprint(files)
    except OSError:
        return None
    parts = [
        str(FORMAT),
        code_fingerprint(),
        today.isoformat(),
        str(root.resolve()),
        str(content_dir.resolve()),
        content,
    ]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def read_outcome(root: Path, key: str) -> CheckOutcome | None:
    """The remembered outcome for ``key``, or None (no cache, another key, unreadable)."""
    try:
        data = json.loads((root / CACHE_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
        return None
    file_count, items = data.get("file_count"), data.get("problems")
    if not isinstance(file_count, int) or not isinstance(items, list):
        return None
    problems = [_problem(item) for item in items]
    if any(problem is None for problem in problems):
        return None
    return CheckOutcome([p for p in problems if p is not None], file_count)


def write_outcome(root: Path, key: str, outcome: CheckOutcome) -> None:
    """Remember ``outcome``; a cache that cannot be written only costs the next run time."""
    target = root / CACHE_FILE
    data = {
        "format": FORMAT,
        "key": key,
        "file_count": outcome.file_count,
        "problems": [
            {
                "path": p.path,
                "line": p.position.line,
                "column": p.position.column,
                "code": p.code,
                "args": p.args,
                "severity": p.severity.value,
            }
            for p in outcome.problems
        ],
    }
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so that a parallel run never reads half a file.
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False)
            os.replace(temporary, target)
        finally:
            Path(temporary).unlink(missing_ok=True)
    except OSError:
        pass


def _problem(item: Any) -> Problem | None:
    """One stored problem, or None if any part has the wrong shape."""
    if not isinstance(item, dict):
        return None
    path, line, column = item.get("path"), item.get("line"), item.get("column")
    code, args, severity = item.get("code"), item.get("args"), item.get("severity")
    if not (
        isinstance(path, str)
        and isinstance(line, int)
        and isinstance(column, int)
        and isinstance(code, str)
        and isinstance(args, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in args.items())
        and severity in {s.value for s in Severity}
    ):
        return None
    return Problem(path, Position(line, column), code, args, Severity(severity))
