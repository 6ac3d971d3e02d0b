"""What a handbook's state means on the build day, derived once per build.

Review states depend on the day; knowledge risks also on the git history (when a draft
was first committed). Pages and reports read them from here instead of deriving them
again; :mod:`validate` derives the review state on its own, as ``check`` runs without
relations or history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..content.model import Handbook
from ..content.review import ReviewState, ReviewStatus, review_status
from .health import Risk, RoleDependency, find_risks, role_dependencies
from .relations import Relations


@dataclass(frozen=True)
class Findings:
    """Review states, knowledge risks and role dependencies on one day."""

    reviews: dict[str, ReviewStatus]
    """Process id -> its review state."""
    risks: list[Risk]
    """Knowledge risks, ordered by process id then kind."""
    dependencies: list[RoleDependency]
    """Roles by how many processes depend on them, most first."""

    @property
    def due(self) -> list[str]:
        """Ids of the processes whose review is due soon or overdue."""
        return [
            process_id
            for process_id, status in self.reviews.items()
            if status.state in (ReviewState.DUE_SOON, ReviewState.OVERDUE)
        ]


def build_findings(
    handbook: Handbook,
    relations: Relations,
    today: dt.date,
    created: dict[str, dt.date] | None = None,
) -> Findings:
    """Everything :class:`Findings` holds, for ``today``."""
    reviews = {p.id: review_status(p, today) for p in handbook.processes.values()}
    return Findings(
        reviews=reviews,
        risks=find_risks(handbook, today, created, reviews),
        dependencies=role_dependencies(handbook, relations, today),
    )
