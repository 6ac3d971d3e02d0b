"""The part every import shares: conflicts, a check of the result, then writing all.

The converted files are checked together with the existing content in a staging copy
before anything is written: an import whose own files would break the handbook writes
nothing. Only then are the files moved into the content folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..content.check import CheckResult, check_handbook
from ..content.problems import Problem
from ..i18n import text
from .notices import Notice
from .writer import existing, write_all


@dataclass
class ImportPlan:
    """Converted files (path relative to the content folder -> YAML text) and notices."""

    files: dict[str, str] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)


@dataclass
class ImportOutcome:
    """What happened, as lines for the user and an exit code."""

    lines: list[str]
    exit_code: int
    written: list[Path] = field(default_factory=list)


def apply_plan(
    plan: ImportPlan,
    content_dir: Path,
    shown_content: str,
    *,
    force: bool,
    language: str,
    today: dt.date,
) -> ImportOutcome:
    """Write ``plan`` into ``content_dir`` if it is safe, and say what happened."""
    lines = [notice.format(language) for notice in plan.notices]
    conflicts = [] if force else existing(content_dir, plan.files)
    if conflicts:
        lines += [
            text("interop.exists", language, path=f"{shown_content}/{relative}")
            for relative in conflicts
        ]
        lines.append(text("interop.nothing-written", language))
        return ImportOutcome(lines, 1)
    result = _check_staged(plan, content_dir, shown_content, today)
    new_paths = {f"{shown_content}/{relative}" for relative in plan.files}
    own_errors = [p for p in result.errors if p.path in new_paths]
    if own_errors:
        lines += [problem.format(language) for problem in own_errors]
        lines.append(text("interop.check-failed", language, count=len(own_errors)))
        lines.append(text("interop.nothing-written", language))
        return ImportOutcome(lines, 1)
    written = write_all(content_dir, plan.files)
    lines += [
        text("interop.created", language, path=f"{shown_content}/{relative}")
        for relative in plan.files
    ]
    lines += [problem.format(language) for problem in result.problems]
    lines.append(
        text(
            "interop.check-summary",
            language,
            files=result.loaded.file_count,
            errors=len(result.errors),
            warnings=len(result.warnings),
        )
    )
    return ImportOutcome(lines, 1 if result.errors else 0, written)


def _check_staged(
    plan: ImportPlan, content_dir: Path, shown_content: str, today: dt.date
) -> CheckResult:
    """Check existing plus new files in a copy, with paths as they will be."""
    with tempfile.TemporaryDirectory(prefix="prozesshandbuch-check-") as folder:
        staged = Path(folder) / "content"
        if content_dir.is_dir():
            shutil.copytree(content_dir, staged)
        for relative, content in plan.files.items():
            target = staged / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        result = check_handbook(staged, Path(folder), today)
    return CheckResult(result.loaded, [_shown(p, shown_content) for p in result.problems])


def _shown(problem: Problem, shown_content: str) -> Problem:
    rest = problem.path.removeprefix("content")
    return dataclasses.replace(problem, path=shown_content + rest)
