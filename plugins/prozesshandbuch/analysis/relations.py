"""Relations derived from a valid handbook, each in both directions.

Authors write one side of a relation (a step names its role); pages need both (a role
page lists the steps it performs). Everything here is computed once per build.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..content import flow
from ..content.model import EntityKind, Handbook, Process


@dataclass(frozen=True)
class StepRef:
    """A step of a process, by process id and 0-based step index."""

    process: str
    index: int


@dataclass(frozen=True)
class Handoff:
    """Work passing from one role to another along the flow of a process."""

    process: str
    source: int
    target: int
    from_role: str
    to_role: str
    from_unit: str | None
    to_unit: str | None

    @property
    def crosses_units(self) -> bool:
        return self.from_unit != self.to_unit


@dataclass(frozen=True)
class ProcessReach:
    """How many desks and units a process passes through, and its hand-offs."""

    roles: tuple[str, ...]
    units: tuple[str, ...]
    handoffs: tuple[Handoff, ...]


def _list_map() -> defaultdict[str, list[str]]:
    return defaultdict(list)


def _step_map() -> defaultdict[str, list[StepRef]]:
    return defaultdict(list)


@dataclass
class Relations:
    """Paired indices over the handbook. Lists are in handbook (id) order, no duplicates."""

    owner_of: defaultdict[str, list[str]] = field(default_factory=_list_map)
    """role -> processes it is accountable for (inverse of Process.owner)."""
    performs: defaultdict[str, list[StepRef]] = field(default_factory=_step_map)
    """role -> steps it is responsible for (inverse of Step.role)."""
    consulted_in: defaultdict[str, list[StepRef]] = field(default_factory=_step_map)
    informed_in: defaultdict[str, list[StepRef]] = field(default_factory=_step_map)
    deputy_for: defaultdict[str, list[str]] = field(default_factory=_list_map)
    """role -> roles it stands in for (inverse of Role.deputy)."""
    roles_of_unit: defaultdict[str, list[str]] = field(default_factory=_list_map)
    subunits: defaultdict[str, list[str]] = field(default_factory=_list_map)
    heads: defaultdict[str, list[str]] = field(default_factory=_list_map)
    """role -> units it heads (inverse of Unit.head)."""
    processes_of_unit: defaultdict[str, list[str]] = field(default_factory=_list_map)
    system_steps: defaultdict[str, list[StepRef]] = field(default_factory=_step_map)
    """system -> steps that use it (inverse of Step.systems)."""
    system_processes: defaultdict[str, list[str]] = field(default_factory=_list_map)
    """system -> processes that use it, directly or in a step."""
    systems_of_role: defaultdict[str, list[str]] = field(default_factory=_list_map)
    systems_owned: defaultdict[str, list[str]] = field(default_factory=_list_map)
    calls: defaultdict[str, list[str]] = field(default_factory=_list_map)
    called_by: defaultdict[str, list[str]] = field(default_factory=_list_map)
    onboarding_for: defaultdict[str, list[str]] = field(default_factory=_list_map)
    """process -> roles whose reading path lists it."""
    tagged: defaultdict[str, list[str]] = field(default_factory=_list_map)
    """tag -> processes."""
    reach: dict[str, ProcessReach] = field(default_factory=dict)
    variant_partner: dict[str, str] = field(default_factory=dict)
    """process -> its other variant (as-is/to-be), whichever side wrote `variant_of`."""

    def unit_interfaces(self) -> dict[tuple[str, str], list[Handoff]]:
        """(from unit, to unit) -> hand-offs between two different units, all processes."""
        result: dict[tuple[str, str], list[Handoff]] = defaultdict(list)
        for reach in self.reach.values():
            for handoff in reach.handoffs:
                if handoff.crosses_units and handoff.from_unit and handoff.to_unit:
                    result[(handoff.from_unit, handoff.to_unit)].append(handoff)
        return dict(sorted(result.items()))


def _add(index: defaultdict[str, list[str]], key: str, value: str) -> None:
    if value not in index[key]:
        index[key].append(value)


def build_relations(handbook: Handbook) -> Relations:
    """Compute every derived relation of a handbook that passed validation."""
    rel = Relations()
    for unit in handbook.units.values():
        if unit.parent:
            _add(rel.subunits, unit.parent, unit.id)
        if unit.head:
            _add(rel.heads, unit.head, unit.id)
    for role in handbook.roles.values():
        _add(rel.roles_of_unit, role.unit, role.id)
        if role.deputy:
            _add(rel.deputy_for, role.deputy, role.id)
        for process_id in role.onboarding:
            _add(rel.onboarding_for, process_id, role.id)
    for system in handbook.systems.values():
        if system.owner:
            _add(rel.systems_owned, system.owner, system.id)
    for process in handbook.processes.values():
        _add(rel.owner_of, process.owner, process.id)
        lead_unit = handbook.process_unit(process)
        if lead_unit:
            _add(rel.processes_of_unit, lead_unit, process.id)
        for tag in process.tags:
            _add(rel.tagged, tag, process.id)
        if process.variant_of and process.variant_of in handbook.processes:
            rel.variant_partner.setdefault(process.id, process.variant_of)
            rel.variant_partner.setdefault(process.variant_of, process.id)
        for system_id in process.systems:
            _add(rel.system_processes, system_id, process.id)
        for index, step in enumerate(process.steps):
            ref = StepRef(process.id, index)
            if step.role:
                rel.performs[step.role].append(ref)
            for role_id in step.consulted:
                rel.consulted_in[role_id].append(ref)
            for role_id in step.informed:
                rel.informed_in[role_id].append(ref)
            for system_id in step.systems:
                rel.system_steps[system_id].append(ref)
                _add(rel.system_processes, system_id, process.id)
                if step.role:
                    _add(rel.systems_of_role, step.role, system_id)
            if step.calls:
                _add(rel.calls, process.id, step.calls)
                _add(rel.called_by, step.calls, process.id)
        rel.reach[process.id] = process_reach(handbook, process)
    return rel


def process_reach(handbook: Handbook, process: Process) -> ProcessReach:
    """Desks, units and hand-offs of one process.

    A sub-process call without a role of its own is transparent: work goes from the step
    before it to the step after it, so A → call → B counts as one hand-off A → B.
    """
    roles: list[str] = []
    for step in process.steps:
        if step.role and step.role not in roles:
            roles.append(step.role)
    units: list[str] = []
    for role_id in roles:
        role = handbook.roles.get(role_id)
        if role and role.unit not in units:
            units.append(role.unit)
    following: dict[int, list[int]] = defaultdict(list)
    for edge in flow.edges(process):
        if edge.target is not None:
            following[edge.source].append(edge.target)
    handoffs: list[Handoff] = []
    seen: set[tuple[int, int]] = set()
    for source, step in enumerate(process.steps):
        if not step.role:
            continue
        for target in sorted(performers(process, following.get(source, []), following)):
            target_role = process.steps[target].role
            if target_role is None or target_role == step.role or (source, target) in seen:
                continue
            seen.add((source, target))
            handoffs.append(
                Handoff(
                    process.id,
                    source,
                    target,
                    step.role,
                    target_role,
                    _unit_of(handbook, step.role),
                    _unit_of(handbook, target_role),
                )
            )
    return ProcessReach(tuple(roles), tuple(units), tuple(handoffs))


def performers(
    process: Process, starts: Iterable[int], neighbours: dict[int, list[int]]
) -> set[int]:
    """The steps with a role among ``starts``, looking through role-less call steps.

    ``neighbours`` gives the direction: successors to look forward, predecessors to look
    back. Shared by hand-off counting here and hand-off styling in the diagrams.
    """
    found: set[int] = set()
    seen: set[int] = set()
    stack = list(starts)
    while stack:
        index = stack.pop()
        if index in seen:
            continue
        seen.add(index)
        if process.steps[index].role:
            found.add(index)
        else:
            stack.extend(neighbours.get(index, []))
    return found


def _unit_of(handbook: Handbook, role_id: str) -> str | None:
    role = handbook.roles.get(role_id)
    return role.unit if role else None


def accountable_role(handbook: Handbook, kind: EntityKind, entity_id: str) -> str | None:
    """The role whose holders answer for an entity."""
    if kind == "process":
        return handbook.processes[entity_id].owner
    if kind == "role":
        return entity_id
    if kind == "unit":
        return handbook.units[entity_id].head
    return handbook.systems[entity_id].owner
