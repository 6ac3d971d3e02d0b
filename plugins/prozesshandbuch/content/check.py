"""Load and validate a handbook in one call: the shared entry point of CLI and plugin."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .load import LoadResult, load_handbook
from .model import Handbook
from .problems import Problem, errors, warnings
from .validate import validate


@dataclass(frozen=True)
class CheckResult:
    """A loaded handbook with every problem found in it."""

    loaded: LoadResult
    problems: list[Problem]

    @property
    def handbook(self) -> Handbook:
        return self.loaded.handbook

    @property
    def errors(self) -> list[Problem]:
        return errors(self.problems)

    @property
    def warnings(self) -> list[Problem]:
        return warnings(self.problems)


def check_handbook(content_dir: Path, root: Path, today: dt.date) -> CheckResult:
    """Load ``content_dir`` and validate it as of ``today`` (the review reference date)."""
    loaded = load_handbook(content_dir, root)
    return CheckResult(loaded, validate(loaded, today))
