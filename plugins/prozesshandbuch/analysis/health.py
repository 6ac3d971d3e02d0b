"""Ownership health ("Wissensrisiko"): where process knowledge depends on too few people."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from ..content.model import Handbook, Status
from ..content.review import ReviewState, ReviewStatus, review_status
from .relations import Relations

DRAFT_TOO_LONG_DAYS = 180
LEAVING_SOON_DAYS = 180


class RiskKind(str, Enum):
    OWNER_VACANT = "owner-vacant"
    """The owner role never had a holder recorded."""
    OWNER_ALL_LEFT = "owner-all-left"
    """Everyone who held the owner role has left."""
    OWNER_SINGLE = "owner-single"
    """The owner role has one holder and no deputy."""
    OWNER_LEAVING = "owner-leaving"
    """Everyone who holds the owner role now leaves within LEAVING_SOON_DAYS."""
    STEP_ROLE_VACANT = "step-role-vacant"
    """A role that performs steps of the process has nobody in it."""
    REVIEW_OVERDUE = "review-overdue"
    DRAFT_TOO_LONG = "draft-too-long"


@dataclass(frozen=True)
class Risk:
    """One finding: what is at risk, why, and which page fixes it."""

    kind: RiskKind
    process: str
    role: str | None = None
    since: dt.date | None = None


@dataclass(frozen=True)
class RoleDependency:
    """How many processes depend on a role, and how well it is staffed."""

    role: str
    owned: int
    performed_in: int
    current_holders: int
    has_deputy: bool


def find_risks(
    handbook: Handbook,
    today: dt.date,
    created: dict[str, dt.date] | None = None,
    reviews: Mapping[str, ReviewStatus] | None = None,
) -> list[Risk]:
    """All findings, ordered by process id then kind.

    ``created`` maps process ids to the day their file was first committed; without it,
    drafts are judged by their last review date, and not at all when they have none.
    ``reviews`` are the review states of ``today`` when already known.
    """
    risks: list[Risk] = []
    for process in handbook.processes.values():
        if process.status is Status.RETIRED:
            continue
        owner = handbook.roles.get(process.owner)
        if owner is not None:
            current = owner.current_holders(today)
            if not owner.holders:
                risks.append(Risk(RiskKind.OWNER_VACANT, process.id, owner.id))
            elif not current:
                left = max((h.until for h in owner.holders if h.until), default=None)
                risks.append(Risk(RiskKind.OWNER_ALL_LEFT, process.id, owner.id, left))
            elif len(current) == 1 and not owner.deputy:
                risks.append(Risk(RiskKind.OWNER_SINGLE, process.id, owner.id))
            if current and all(
                h.until is not None and (h.until - today).days <= LEAVING_SOON_DAYS for h in current
            ):
                last_day = max(h.until for h in current if h.until is not None)
                risks.append(Risk(RiskKind.OWNER_LEAVING, process.id, owner.id, last_day))
        step_roles = dict.fromkeys(s.role for s in process.steps if s.role)
        for role_id in step_roles:
            role = handbook.roles.get(role_id)
            vacant = role is not None and role.holders and not role.current_holders(today)
            if vacant and role_id != process.owner:
                risks.append(Risk(RiskKind.STEP_ROLE_VACANT, process.id, role_id))
        status = reviews[process.id] if reviews else review_status(process, today)
        if status.state is ReviewState.OVERDUE:
            risks.append(Risk(RiskKind.REVIEW_OVERDUE, process.id, process.owner, status.due))
        if process.status is Status.DRAFT:
            started = (created or {}).get(process.id) or process.review.last_reviewed
            if started and (today - started).days > DRAFT_TOO_LONG_DAYS:
                risks.append(Risk(RiskKind.DRAFT_TOO_LONG, process.id, process.owner, started))
    return risks


def role_dependencies(
    handbook: Handbook, relations: Relations, today: dt.date
) -> list[RoleDependency]:
    """Roles by how many processes depend on them, most first."""
    performed: dict[str, set[str]] = defaultdict(set)
    for role_id, refs in relations.performs.items():
        performed[role_id] = {ref.process for ref in refs}
    result = [
        RoleDependency(
            role.id,
            len(relations.owner_of.get(role.id, [])),
            len(performed.get(role.id, set())),
            len(role.current_holders(today)),
            role.deputy is not None,
        )
        for role in handbook.roles.values()
    ]
    result = [r for r in result if r.owned or r.performed_in]
    return sorted(result, key=lambda r: (-(r.owned + r.performed_in), r.role))
