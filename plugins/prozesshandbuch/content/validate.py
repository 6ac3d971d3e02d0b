"""Checks across files: references, flow rules, cycles, and the health warnings.

Schema problems (types, missing fields, unknown keys) are found while loading; this
module sees only entities that passed the schema, and never stops at the first problem.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from . import flow
from .load import LoadResult, slugify
from .model import (
    END,
    SLUG_PATTERN,
    USERNAME_PATTERN,
    EntityKind,
    Handbook,
    Link,
    Process,
    Role,
    StepKind,
)
from .problems import Position, Problem, Severity, closest, date_arg, sort_problems
from .review import ReviewState, review_status
from .yamlsource import SourceMap

_SLUG = re.compile(SLUG_PATTERN)
_USERNAME = re.compile(USERNAME_PATTERN)
_SAFE_URL = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
_UNKNOWN_CODE: dict[EntityKind, str] = {
    "role": "unknown-role",
    "unit": "unknown-unit",
    "process": "unknown-process",
    "system": "unknown-system",
}


def validate(loaded: LoadResult, today: dt.date) -> list[Problem]:
    """All problems of the handbook: those found while loading plus cross-file checks."""
    checker = _Checker(loaded.handbook, loaded.sources, loaded.invalid_ids)
    checker.run(today)
    return sort_problems([*loaded.problems, *checker.problems])


@dataclass
class _At:
    """A place in one file, to attach problems to."""

    source: SourceMap

    def value(self, *loc: str | int) -> Position:
        return self.source.value(loc)

    def key(self, *loc: str | int) -> Position:
        return self.source.key(loc)


class _Checker:
    def __init__(
        self,
        handbook: Handbook,
        sources: dict[str, SourceMap],
        invalid_ids: set[tuple[EntityKind, str]],
    ) -> None:
        self.handbook = handbook
        self.sources = sources
        self.invalid_ids = invalid_ids
        self.problems: list[Problem] = []
        self.referenced: dict[EntityKind, set[str]] = {"role": set(), "unit": set()}

    # -- helpers ---------------------------------------------------------------------------

    def _at(self, kind: EntityKind, entity_id: str) -> _At:
        path = self.handbook.paths[(kind, entity_id)]
        return _At(self.sources.get(path, SourceMap(path)))

    def _add(
        self,
        at: _At,
        position: Position,
        code: str,
        severity: Severity = Severity.ERROR,
        /,
        **args: str,
    ) -> None:
        self.problems.append(Problem(at.source.path, position, code, args, severity))

    def _ref(self, at: _At, kind: EntityKind, target: str | None, *loc: str | int) -> None:
        """Check that ``target`` names an existing entity of ``kind``."""
        if target is None:
            return
        if kind in self.referenced:
            self.referenced[kind].add(target)
        known = self.handbook.entities(kind)
        if target in known or (kind, target) in self.invalid_ids:
            return
        args = {"id": target}
        candidate = closest(target, known)
        if candidate:
            args["candidate"] = candidate
        self._add(at, at.value(*loc), _UNKNOWN_CODE[kind], **args)

    def _refs(self, at: _At, kind: EntityKind, targets: Iterable[str], *loc: str | int) -> None:
        for index, target in enumerate(targets):
            self._ref(at, kind, target, *loc, index)

    def _links(self, at: _At, links: Iterable[Any], *loc: str | int) -> None:
        for index, link in enumerate(links):
            if isinstance(link, Link) and link.url and not _SAFE_URL.match(link.url.strip()):
                self._add(at, at.value(*loc, index, "url"), "unsafe-url", url=link.url)

    # -- checks ----------------------------------------------------------------------------

    def run(self, today: dt.date) -> None:
        for process in self.handbook.processes.values():
            self._process(process, today)
        self._call_cycles()
        for role in self.handbook.roles.values():
            self._role(role, today)
        for unit in self.handbook.units.values():
            at = self._at("unit", unit.id)
            self._ref(at, "unit", unit.parent, "parent")
            self._ref(at, "role", unit.head, "head")
        self._unit_cycles()
        for system in self.handbook.systems.values():
            self._ref(self._at("system", system.id), "role", system.owner, "owner")
        if not self.invalid_ids:
            # With a file that failed to load, what it refers to is unknown.
            self._unreferenced()

    def _process(self, process: Process, today: dt.date) -> None:
        at = self._at("process", process.id)
        self._ref(at, "role", process.owner, "owner")
        self._ref(at, "unit", process.unit, "unit")
        if not process.unit and process.owner in self.handbook.roles:
            self.referenced["unit"].add(self.handbook.roles[process.owner].unit)
        self._ref(at, "process", process.variant_of, "variant_of")
        self._ref(at, "process", process.replaced_by, "replaced_by")
        self._refs(at, "system", process.systems, "systems")
        self._links(at, process.legal_basis, "legal_basis")
        self._links(at, process.documents, "documents")
        self._steps(process, at)
        step_ids = flow.step_index(process)
        for index, weakness in enumerate(process.weaknesses):
            if weakness.step is not None and weakness.step not in step_ids:
                self._unknown_step(at, weakness.step, step_ids, "weaknesses", index, "step")
        self._process_warnings(process, at, today)

    def _steps(self, process: Process, at: _At) -> None:
        # Positions are looked up only for problems: finding one parses the file again.
        ids = flow.step_index(process)
        first_index: dict[str, int] = {}
        for index, step in enumerate(process.steps):
            if step.id is not None:
                if not _SLUG.match(step.id):
                    position = at.value("steps", index, "id")
                    self._add(at, position, "bad-id", id=step.id, example=slugify(step.id))
                elif step.id in first_index:
                    first_line = at.value("steps", first_index[step.id], "id").line
                    self._add(
                        at,
                        at.value("steps", index, "id"),
                        "duplicate-step-id",
                        id=step.id,
                        first_line=str(first_line),
                    )
                else:
                    first_index[step.id] = index
            if step.role is None and step.calls is None:
                self._add(at, at.value("steps", index), "step-needs-role", title=step.title)
            self._ref(at, "role", step.role, "steps", index, "role")
            self._refs(at, "role", step.consulted, "steps", index, "consulted")
            self._refs(at, "role", step.informed, "steps", index, "informed")
            self._refs(at, "system", step.systems, "steps", index, "systems")
            if step.calls == process.id:
                self._add(at, at.value("steps", index, "calls"), "calls-self", title=step.title)
            else:
                self._ref(at, "process", step.calls, "steps", index, "calls")
            self._next_targets(process, at, index, ids)
        if not self._has_unknown_target(process, ids):
            # With a dangling `next`, reachability errors would only repeat that problem.
            self._reachability(process, at)

    @staticmethod
    def _has_unknown_target(process: Process, ids: dict[str, int]) -> bool:
        return any(
            target != END and target not in ids
            for step in process.steps
            for target, _ in flow.targets(step)
        )

    def _next_targets(self, process: Process, at: _At, index: int, ids: dict[str, int]) -> None:
        step = process.steps[index]
        if step.kind is StepKind.DECISION and (
            not isinstance(step.next, list) or len(step.next) < 2
        ):
            self._add(at, at.value("steps", index, "next"), "decision-branches", title=step.title)
        if isinstance(step.next, str):
            if step.next != END and step.next not in ids:
                self._unknown_step(at, step.next, ids, "steps", index, "next")
        elif isinstance(step.next, list):
            for branch_index, branch in enumerate(step.next):
                if branch.to != END and branch.to not in ids:
                    self._unknown_step(
                        at, branch.to, ids, "steps", index, "next", branch_index, "to"
                    )

    def _unknown_step(self, at: _At, target: str, ids: Iterable[str], *loc: str | int) -> None:
        args = {"id": target}
        candidate = closest(target, [*ids, END])
        if candidate:
            args["candidate"] = candidate
        self._add(at, at.value(*loc), "unknown-step", **args)

    def _reachability(self, process: Process, at: _At) -> None:
        edges = flow.edges(process)
        reachable = flow.reachable_from_start(process, edges)
        ending = flow.can_reach_end(edges)
        for index, step in enumerate(process.steps):
            if index not in reachable:
                self._add(at, at.value("steps", index), "step-unreachable", title=step.title)
            elif index not in ending:
                self._add(at, at.value("steps", index), "step-no-end", title=step.title)

    def _call_cycles(self) -> None:
        calls: dict[str, list[tuple[int, str]]] = {}
        for process, index, step in self.handbook.iter_steps():
            if step.calls and step.calls in self.handbook.processes and step.calls != process.id:
                calls.setdefault(process.id, []).append((index, step.calls))
        graph = {pid: [callee for _, callee in items] for pid, items in calls.items()}
        for cycle in _cycles(graph):
            first = cycle[0]
            index = next(i for i, callee in calls[first] if callee == cycle[1])
            at = self._at("process", first)
            self._add(at, at.value("steps", index, "calls"), "call-cycle", cycle=" → ".join(cycle))

    def _unit_cycles(self) -> None:
        graph = {
            uid: [unit.parent]
            for uid, unit in self.handbook.units.items()
            if unit.parent and unit.parent in self.handbook.units
        }
        for cycle in _cycles(graph):
            at = self._at("unit", cycle[0])
            self._add(at, at.value("parent"), "unit-cycle", cycle=" → ".join(cycle))

    def _role(self, role: Role, today: dt.date) -> None:
        at = self._at("role", role.id)
        self._ref(at, "unit", role.unit, "unit")
        self._ref(at, "role", role.deputy, "deputy")
        if role.deputy == role.id:
            self._add(at, at.value("deputy"), "deputy-self")
        for index, holder in enumerate(role.holders):
            if holder.username is not None and not _USERNAME.match(holder.username.strip()):
                self._add(
                    at,
                    at.value("holders", index, "username"),
                    "invalid-username",
                    name=holder.username,
                )
        self._refs(at, "process", role.onboarding, "onboarding")
        current = role.current_holders(today)
        if len(current) == 1 and role.deputy is None:
            self._add(
                at,
                at.key("holders"),
                "single-holder-no-deputy",
                Severity.WARNING,
                name=current[0].name,
            )

    def _process_warnings(self, process: Process, at: _At, today: dt.date) -> None:
        status = review_status(process, today)
        if status.state is ReviewState.OVERDUE and process.review.last_reviewed:
            self._add(
                at,
                at.value("review", "last_reviewed"),
                "review-overdue",
                Severity.WARNING,
                due=date_arg(status.due) if status.due else "",
                last=date_arg(process.review.last_reviewed),
                months=str(process.review.interval_months),
            )
        owner = self.handbook.roles.get(process.owner)
        if owner is not None and not owner.current_holders(today):
            self._add(at, at.value("owner"), "owner-no-holder", Severity.WARNING, role=owner.id)
        if not process.summary:
            self._add(at, at.key("title"), "no-summary", Severity.WARNING)

    def _unreferenced(self) -> None:
        for system in self.handbook.systems.values():
            if system.owner:
                self.referenced["role"].add(system.owner)
        checks: tuple[tuple[EntityKind, str], ...] = (
            ("role", "role-unreferenced"),
            ("unit", "unit-unreferenced"),
        )
        for kind, code in checks:
            used = self.referenced[kind]
            for entity_id in self.handbook.entities(kind):
                if entity_id not in used:
                    at = self._at(kind, entity_id)
                    self._add(at, Position(1, 1), code, Severity.WARNING, id=entity_id)


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Each elementary cycle once, as ``[a, b, …, a]``, starting at its smallest id."""
    found: dict[tuple[str, ...], list[str]] = {}
    for start in sorted(graph):
        stack: list[tuple[str, list[str]]] = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for following in graph.get(node, []):
                if following == start:
                    cycle = path
                    smallest = cycle.index(min(cycle))
                    rotated = (*cycle[smallest:], *cycle[:smallest])
                    found.setdefault(rotated, [*rotated, rotated[0]])
                elif following not in path and following > start:
                    stack.append((following, [*path, following]))
    return [found[key] for key in sorted(found)]
