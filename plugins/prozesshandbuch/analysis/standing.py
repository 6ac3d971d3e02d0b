"""Whether a process is in force, and if not, why: the badge and banner every page shows.

A process is in force when it is active and describes how work is done today. Drafts,
to-be processes (still to be implemented) and retired ones are shown everywhere with a
mark, so nobody follows a process that does not apply yet or any more.
"""

from __future__ import annotations

from enum import Enum

from ..content.model import Process, Status, Variant


class Standing(str, Enum):
    """Why a process is not (or not yet, or no longer) the way work is done."""

    DRAFT = "draft"
    TO_BE = "to-be"
    RETIRED = "retired"


# The catalogue keys of a mark: the short badge beside every link to the process and the
# "Status" fact on its page. Where the mark is just the status or variant, its word is
# reused, so "außer Kraft" reads the same on every page.
BADGE_KEYS = {
    Standing.DRAFT: "status.draft",
    Standing.TO_BE: "variant.to-be",
    Standing.RETIRED: "status.retired",
}
FACT_KEYS = {
    Standing.DRAFT: "standing.fact.draft",
    Standing.TO_BE: "standing.fact.to-be",
    Standing.RETIRED: "status.retired",
}


def standing(process: Process) -> Standing | None:
    """The mark a process carries, or None when it is in force.

    Retired wins over everything, then draft; an active to-be process is still to be
    implemented, so it is not in force either.
    """
    if process.status is Status.RETIRED:
        return Standing.RETIRED
    if process.status is Status.DRAFT:
        return Standing.DRAFT
    if process.variant is Variant.TO_BE:
        return Standing.TO_BE
    return None


def is_retired(process: Process) -> bool:
    """Whether the process is out of force; such processes leave reading orders."""
    return process.status is Status.RETIRED
