"""Who confirmed a process's last review: the author of the commit that set the current
``review.last_reviewed``. The file says when; git says who."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..content.model import Handbook, Process
from .history import Change


@dataclass(frozen=True)
class ReviewConfirmation:
    """The commit that set a process's current ``last_reviewed``: who confirmed it."""

    author: str
    date: dt.date
    """The day of the commit (may differ from the review date written in the file)."""


Revisions = Callable[[Change], tuple[Any, Any]]
"""A history entry -> its parsed (older, newer) revisions (entities or something else)."""


def _reviewed(revision: Any) -> dt.date | None:
    return revision.review.last_reviewed if isinstance(revision, Process) else None


def review_confirmations(
    handbook: Handbook, entries: Mapping[str, Sequence[Change]], revisions: Revisions
) -> dict[str, ReviewConfirmation]:
    """Process id -> the commit that set its current review date, newest first.

    ``entries`` are each content file's history entries, newest first (already described,
    so their revisions are parsed). A date written with the file's first version counts
    as confirmed by its author; one set before the entries looked at gets no entry.
    """
    found: dict[str, ReviewConfirmation] = {}
    for (kind, entity_id), path in handbook.paths.items():
        if kind != "process":
            continue
        current = handbook.processes[entity_id].review.last_reviewed
        if current is None:
            continue
        for change in entries.get(path, ()):
            older, newer = revisions(change)
            if _reviewed(newer) == current and _reviewed(older) != current:
                found[entity_id] = ReviewConfirmation(change.author, change.date.date())
                break
    return found
