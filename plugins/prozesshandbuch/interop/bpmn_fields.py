"""Which content fields BPMN carries itself, and which travel in our extension element.

BPMN has standard places for a step's title, role (lane), kind, sub-process call,
description and flow; the handbook's other fields (owner, review, systems of a step,
RACI, ...) have none. They travel as JSON in ``<ph:fields>`` inside
``extensionElements``, which tools keep or drop, but never misread. Written and read in
this one module, so export and import cannot disagree.
"""

from __future__ import annotations

import json
from typing import Any

from ..content.model import Process, Step

PROCESS_IN_BPMN = frozenset({"id", "title", "summary", "steps"})
STEP_IN_BPMN = frozenset({"id", "title", "kind", "calls", "description", "next", "automated"})


def process_extra(process: Process) -> dict[str, Any]:
    """The process fields that BPMN has no place for, without defaults."""
    return _dump(process, PROCESS_IN_BPMN)


def step_extra(step: Step) -> dict[str, Any]:
    """The step fields that BPMN has no place for; a role only where no lane says it."""
    skip = set(STEP_IN_BPMN)
    if not step.calls:
        skip.add("role")  # the lane carries it
    return _dump(step, frozenset(skip))


def to_json(fields: dict[str, Any]) -> str:
    return json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _dump(entity: Process | Step, skip: frozenset[str]) -> dict[str, Any]:
    data = entity.model_dump(mode="json", exclude_defaults=True, exclude=set(skip))
    return {key: value for key, value in data.items() if value not in (None, [], {})}
