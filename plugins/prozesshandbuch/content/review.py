"""The review cycle: when a process is due for its next check, and its state on a day."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import Enum

from .model import Process, Status

DUE_SOON_DAYS = 30


class ReviewState(str, Enum):
    CURRENT = "current"
    DUE_SOON = "due-soon"
    OVERDUE = "overdue"
    NEVER = "never"
    NOT_REQUIRED = "not-required"
    """A retired process is not reviewed any more; it never shows as current or due."""


@dataclass(frozen=True)
class ReviewStatus:
    state: ReviewState
    due: dt.date | None
    """The day the next review is due; None when the process was never reviewed."""


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_status(process: Process, today: dt.date) -> ReviewStatus:
    """The review state of ``process`` on ``today``."""
    if process.status is Status.RETIRED:
        return ReviewStatus(ReviewState.NOT_REQUIRED, None)
    last = process.review.last_reviewed
    if last is None:
        return ReviewStatus(ReviewState.NEVER, None)
    due = add_months(last, process.review.interval_months)
    if due < today:
        return ReviewStatus(ReviewState.OVERDUE, due)
    if (due - today).days <= DUE_SOON_DAYS:
        return ReviewStatus(ReviewState.DUE_SOON, due)
    return ReviewStatus(ReviewState.CURRENT, due)
