"""Who answers for what: the entries of the finder "Wer ist zuständig?".

One entry per process and per role. A process entry names the role that does the work
(see ``doing_role``) before the owner, because a colleague asking "whom do I call?" needs
the desk that handles cases, not the head who is accountable for the process.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from ..content.model import Handbook, Process

AnswerKind = Literal["process", "role"]


def doing_role(process: Process) -> str:
    """The role that does the work of a process: the one responsible for most steps.

    Ties go to the role that comes first in the flow. The first step alone would often
    name whoever reports or hands in a case (a clerk reporting an IT fault), not the
    desk that handles it. A process whose steps all call sub-processes falls back to
    its owner.
    """
    counts = Counter(step.role for step in process.steps if step.role)
    if not counts:
        return process.owner
    order = [step.role for step in process.steps if step.role]
    return max(counts, key=lambda role: (counts[role], -order.index(role)))


@dataclass(frozen=True)
class FinderEntry:
    """One answer the finder can give, with the texts a query is matched against."""

    kind: AnswerKind
    entity_id: str
    doer: str
    """The role to call: the doing role of a process, or the role itself."""
    owner: str | None
    """The accountable role of a process; None for a role entry."""
    unit: str | None
    texts: dict[str, list[str]] = field(default_factory=dict)
    """Field name -> texts; the finder script weighs the fields (title above unit)."""


def finder_entries(handbook: Handbook) -> list[FinderEntry]:
    """Every process, then every role, each once, in a stable order."""
    entries: list[FinderEntry] = []
    for process in handbook.processes.values():
        doer = doing_role(process)
        roles = [r for r in (doer, process.owner) if r in handbook.roles]
        unit = handbook.process_unit(process)
        entries.append(
            FinderEntry(
                kind="process",
                entity_id=process.id,
                doer=doer,
                owner=process.owner,
                unit=unit,
                texts={
                    "title": [process.title],
                    "keywords": list(process.keywords),
                    "tags": list(process.tags),
                    "steps": [step.title for step in process.steps],
                    "roles": [handbook.roles[r].title for r in roles],
                    "unit": [handbook.units[unit].title] if unit in handbook.units else [],
                },
            )
        )
    for role in handbook.roles.values():
        unit_title = handbook.units[role.unit].title if role.unit in handbook.units else ""
        entries.append(
            FinderEntry(
                kind="role",
                entity_id=role.id,
                doer=role.id,
                owner=None,
                unit=role.unit,
                texts={
                    "title": [role.title],
                    "responsibilities": list(role.responsibilities),
                    "unit": [unit_title] if unit_title else [],
                },
            )
        )
    return entries
