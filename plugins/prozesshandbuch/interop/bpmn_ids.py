"""Names of BPMN 2.0 namespaces and the element ids the exporter writes.

Every id the exporter makes for something other than a process contains an underscore,
which a slug never does, so no element id can clash with a process id. The importer
reads the same prefixes back, which is what makes the round trip lossless.
"""

from __future__ import annotations

import re
from typing import Final

from ..content.model import SLUG_PATTERN

BPMN: Final = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI: Final = "http://www.omg.org/spec/BPMN/20100524/DI"
DC: Final = "http://www.omg.org/spec/DD/20100524/DC"
DI: Final = "http://www.omg.org/spec/DD/20100524/DI"
XSI: Final = "http://www.w3.org/2001/XMLSchema-instance"
HANDBOOK: Final = "urn:prozesshandbuch:bpmn:1"
"""Our extension namespace: a URN, so no tool is tempted to fetch it."""

NAMESPACES: Final = {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI, "ph": HANDBOOK}

EXPORTER: Final = "Prozesshandbuch"

_SLUG = re.compile(SLUG_PATTERN)
_PROCESS_PREFIX = "process_"
_STEP_PREFIX = "step_"
_UNNAMED_STEP_PREFIX = "unnamed_step_"
_LANE_PREFIX = "lane_"


def is_slug(text: str) -> bool:
    return bool(_SLUG.match(text))


def process_element_id(process_id: str) -> str:
    """The id of the ``<process>``: the slug itself where it is a valid XML name.

    ``calledElement`` of a call activity names it, so a tool that resolves calls by id
    finds the called process under the id the handbook uses.
    """
    return process_id if process_id[:1].isalpha() else _PROCESS_PREFIX + process_id


def process_id_from_element(element_id: str) -> str | None:
    """The slug a ``<process>`` id stands for, or None when it is not one of ours."""
    if is_slug(element_id):
        return element_id
    rest = element_id.removeprefix(_PROCESS_PREFIX)
    return rest if rest != element_id and is_slug(rest) else None


def step_element_id(step_id: str | None, index: int) -> str:
    """The flow node id of a step; steps without an id are numbered by position."""
    if step_id:
        return _STEP_PREFIX + step_id
    return f"{_UNNAMED_STEP_PREFIX}{index + 1}"


def step_id_from_element(element_id: str) -> tuple[bool, str | None]:
    """``(ours, step id)``: whether the id is one the exporter writes, and the step id.

    An exported step without an id comes back as ``(True, None)``.
    """
    if element_id.startswith(_UNNAMED_STEP_PREFIX):
        return element_id[len(_UNNAMED_STEP_PREFIX) :].isdigit(), None
    rest = element_id.removeprefix(_STEP_PREFIX)
    if rest != element_id and is_slug(rest):
        return True, rest
    return False, None


def lane_element_id(role_id: str) -> str:
    return _LANE_PREFIX + role_id


def role_id_from_lane(element_id: str) -> str | None:
    rest = element_id.removeprefix(_LANE_PREFIX)
    return rest if rest != element_id and is_slug(rest) else None


def shape_id(element_id: str) -> str:
    return f"{element_id}_di"
