"""The control flow of a process: which step follows which.

Used by validation (reachability), diagrams (edges), relations (hand-offs) and pages, so
that all of them read the `next` rules the same way.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from .model import END, Process, Step, StepKind


@dataclass(frozen=True)
class Edge:
    """A transition from step ``source`` to step ``target`` (indexes); ``target`` None = end."""

    source: int
    target: int | None
    label: str | None = None


def step_anchor(step: Step, index: int) -> str:
    """The HTML anchor of a step on its process page; stable when the step has an id."""
    return f"schritt-{step.id}" if step.id else f"schritt-{index + 1}"


def step_index(process: Process) -> dict[str, int]:
    """Step id -> index (the first one, when an id is duplicated)."""
    index: dict[str, int] = {}
    for position, step in enumerate(process.steps):
        if step.id and step.id not in index:
            index[step.id] = position
    return index


def targets(step: Step) -> list[tuple[str, str | None]]:
    """The raw ``(target, label)`` pairs a step names; empty when it just falls through."""
    if step.next is None:
        return []
    if isinstance(step.next, str):
        return [(step.next, None)]
    return [(branch.to, branch.when) for branch in step.next]


def edges(process: Process) -> list[Edge]:
    """All transitions; targets that name no step are left out (validation reports them)."""
    ids = step_index(process)
    result: list[Edge] = []
    last = len(process.steps) - 1
    for index, step in enumerate(process.steps):
        named = targets(step)
        if not named:
            result.append(Edge(index, index + 1 if index < last else None))
            continue
        for target, label in named:
            if target == END:
                result.append(Edge(index, None, label))
            elif target in ids:
                result.append(Edge(index, ids[target], label))
    return result


def is_decision(step: Step) -> bool:
    return step.kind is StepKind.DECISION


def reachable_from_start(process: Process, flow: list[Edge]) -> set[int]:
    """Indexes of the steps that can be reached from the first step."""
    following: dict[int, list[int]] = {}
    for edge in flow:
        if edge.target is not None:
            following.setdefault(edge.source, []).append(edge.target)
    return _walk(0, following) if process.steps else set()


def can_reach_end(flow: list[Edge]) -> set[int]:
    """Indexes of the steps from which some end can be reached."""
    preceding: dict[int, list[int]] = {}
    enders: list[int] = []
    for edge in flow:
        if edge.target is None:
            enders.append(edge.source)
        else:
            preceding.setdefault(edge.target, []).append(edge.source)
    found: set[int] = set()
    for start in enders:
        if start not in found:
            found |= _walk(start, preceding)
    return found


def _walk(start: int, neighbours: dict[int, list[int]]) -> set[int]:
    seen = {start}
    queue = deque([start])
    while queue:
        for following in neighbours.get(queue.popleft(), []):
            if following not in seen:
                seen.add(following)
                queue.append(following)
    return seen
