"""One process -> a BPMN 2.0 file with diagram interchange (pure; no files written).

The file has one collaboration with one participant (the pool), a lane per role, a
start event, a task per step (``serviceTask`` for automated steps, ``userTask``
otherwise), an ``exclusiveGateway`` per decision with its branches as named sequence
flows, a ``callActivity`` per sub-process call and end events; plus a shape for every
lane and flow node and an edge with waypoints for every flow (see ``bpmn_layout``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version

from lxml import etree

from ..content import flow
from ..content.model import Process, Step
from . import bpmn_layout as geometry
from .bpmn_fields import process_extra, step_extra, to_json
from .bpmn_ids import (
    BPMN,
    BPMNDI,
    DC,
    DI,
    EXPORTER,
    HANDBOOK,
    XSI,
    lane_element_id,
    process_element_id,
    shape_id,
    step_element_id,
)

_NSMAP = {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI, "xsi": XSI, "ph": HANDBOOK}
START_ID = "event_start"


def _q(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


@functools.cache  # reading the package metadata took longer than a whole export
def _exporter_version() -> str:
    try:
        return version("prozesshandbuch")
    except PackageNotFoundError:  # running from a source tree without installation
        return "0"


@dataclass
class _FlowNode:
    id: str
    tag: str
    name: str | None
    lane: int
    kind: geometry.NodeKind
    step: Step | None = None
    incoming: list[str] = field(default_factory=list)
    outgoing: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Flow:
    id: str
    source: str
    target: str
    name: str | None


def _lanes(process: Process) -> tuple[list[str], list[int]]:
    """Roles in order of first appearance, and each step's lane.

    A sub-process call without a role sits in the lane of the step before it (or after
    it), where a reader looks for it; its own role stays empty on import.
    """
    roles: list[str] = []
    for step in process.steps:
        if step.role and step.role not in roles:
            roles.append(step.role)
    lanes: list[int] = []
    for index, step in enumerate(process.steps):
        if step.role:
            lanes.append(roles.index(step.role))
            continue
        neighbours = [*reversed(process.steps[:index]), *process.steps[index + 1 :]]
        lane_role = next((s.role for s in neighbours if s.role), None)
        lanes.append(roles.index(lane_role) if lane_role else 0)
    return roles, lanes


def _step_tag(step: Step) -> tuple[str, geometry.NodeKind]:
    if flow.is_decision(step):
        return "exclusiveGateway", "gateway"
    if step.calls:
        return "callActivity", "task"
    return ("serviceTask" if step.automated else "userTask"), "task"


def _graph(process: Process, lanes: list[int]) -> tuple[list[_FlowNode], list[_Flow]]:
    nodes = [_FlowNode(START_ID, "startEvent", process.trigger, lanes[0], "start")]
    for index, step in enumerate(process.steps):
        tag, kind = _step_tag(step)
        nodes.append(
            _FlowNode(step_element_id(step.id, index), tag, step.title, lanes[index], kind, step)
        )
    step_nodes = nodes[1:]
    flows = [_Flow("flow_1", START_ID, step_nodes[0].id, None)]
    ends: dict[int, _FlowNode] = {}
    for edge in flow.edges(process):
        source = step_nodes[edge.source]
        if edge.target is None:
            lane = lanes[edge.source]
            if lane not in ends:
                end_name = process.result if not ends else None
                ends[lane] = _FlowNode(
                    f"event_end_{len(ends) + 1}", "endEvent", end_name, lane, "end"
                )
            target = ends[lane]
        else:
            target = step_nodes[edge.target]
        flows.append(_Flow(f"flow_{len(flows) + 1}", source.id, target.id, edge.label))
    nodes.extend(ends.values())
    by_id = {node.id: node for node in nodes}
    for item in flows:
        by_id[item.source].outgoing.append(item.id)
        by_id[item.target].incoming.append(item.id)
    return nodes, flows


def export_process(process: Process, role_titles: Mapping[str, str]) -> bytes:
    """The process as a BPMN 2.0 XML document (UTF-8, with XML declaration).

    Lanes are named by role title (``role_titles``, falling back to the id); their ids
    carry the role id, so an import finds the role even when the title has changed.
    """
    roles, lanes = _lanes(process)
    nodes, flows = _graph(process, lanes)
    shape = geometry.layout(
        [geometry.Node(n.id, n.kind, n.lane) for n in nodes],
        [geometry.Edge(f.id, f.source, f.target, f.name) for f in flows],
        len(roles),
    )
    process_xml_id = process_element_id(process.id)
    definitions = etree.Element(
        _q(BPMN, "definitions"),
        nsmap=_NSMAP,
        id="definitions_1",
        targetNamespace=f"urn:prozesshandbuch:process:{process.id}",
        exporter=EXPORTER,
        exporterVersion=_exporter_version(),
    )
    collaboration = etree.SubElement(definitions, _q(BPMN, "collaboration"), id="collaboration_1")
    etree.SubElement(
        collaboration,
        _q(BPMN, "participant"),
        id="participant_1",
        name=process.title,
        processRef=process_xml_id,
    )
    element = etree.SubElement(
        definitions,
        _q(BPMN, "process"),
        id=process_xml_id,
        name=process.title,
        isExecutable="false",
    )
    _documentation(element, process.summary)
    _extension(element, to_json(process_extra(process)))
    if roles:
        lane_set = etree.SubElement(element, _q(BPMN, "laneSet"), id="laneset_1")
        for lane_index, role_id in enumerate(roles):
            lane = etree.SubElement(
                lane_set,
                _q(BPMN, "lane"),
                id=lane_element_id(role_id),
                name=role_titles.get(role_id, role_id),
            )
            for node in nodes:
                if node.lane == lane_index:
                    etree.SubElement(lane, _q(BPMN, "flowNodeRef")).text = node.id
    for node in nodes:
        _flow_node(element, node)
    for item in flows:
        attributes = {"id": item.id, "sourceRef": item.source, "targetRef": item.target}
        if item.name:
            attributes["name"] = item.name
        etree.SubElement(element, _q(BPMN, "sequenceFlow"), attributes)
    _diagram(definitions, roles, nodes, flows, shape)
    return etree.tostring(
        etree.ElementTree(definitions), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )


def _documentation(parent: etree._Element, text: str | None) -> None:
    if text:
        documentation = etree.SubElement(
            parent, _q(BPMN, "documentation"), textFormat="text/markdown"
        )
        documentation.text = text


def _extension(parent: etree._Element, fields_json: str) -> None:
    if fields_json != "{}":
        extensions = etree.SubElement(parent, _q(BPMN, "extensionElements"))
        etree.SubElement(extensions, _q(HANDBOOK, "fields")).text = fields_json


def _flow_node(process: etree._Element, node: _FlowNode) -> None:
    attributes = {"id": node.id}
    if node.name:
        attributes["name"] = node.name
    step = node.step
    if step is not None and step.calls:
        attributes["calledElement"] = process_element_id(step.calls)
    element = etree.SubElement(process, _q(BPMN, node.tag), attributes)
    if step is not None:
        _documentation(element, step.description)
        _extension(element, to_json(step_extra(step)))
    for flow_id in node.incoming:
        etree.SubElement(element, _q(BPMN, "incoming")).text = flow_id
    for flow_id in node.outgoing:
        etree.SubElement(element, _q(BPMN, "outgoing")).text = flow_id


def _diagram(
    definitions: etree._Element,
    roles: list[str],
    nodes: list[_FlowNode],
    flows: list[_Flow],
    shape: geometry.Layout,
) -> None:
    diagram = etree.SubElement(definitions, _q(BPMNDI, "BPMNDiagram"), id="diagram_1")
    plane = etree.SubElement(
        diagram, _q(BPMNDI, "BPMNPlane"), id="plane_1", bpmnElement="collaboration_1"
    )
    _shape(plane, "participant_1", shape.pool, horizontal=True)
    for lane_index, role_id in enumerate(roles):
        _shape(plane, lane_element_id(role_id), shape.lanes[lane_index], horizontal=True)
    for node in nodes:
        _shape(plane, node.id, shape.nodes[node.id])
    for item in flows:
        edge = etree.SubElement(
            plane, _q(BPMNDI, "BPMNEdge"), id=shape_id(item.id), bpmnElement=item.id
        )
        for x, y in shape.waypoints[item.id]:
            etree.SubElement(edge, _q(DI, "waypoint"), x=str(x), y=str(y))
        label = shape.labels.get(item.id)
        if label is not None:
            _bounds(etree.SubElement(edge, _q(BPMNDI, "BPMNLabel")), label)


def _shape(
    plane: etree._Element, element_id: str, box: geometry.Box, *, horizontal: bool = False
) -> None:
    attributes = {"id": shape_id(element_id), "bpmnElement": element_id}
    if horizontal:
        attributes["isHorizontal"] = "true"
    _bounds(etree.SubElement(plane, _q(BPMNDI, "BPMNShape"), attributes), box)


def _bounds(parent: etree._Element, box: geometry.Box) -> None:
    etree.SubElement(
        parent,
        _q(DC, "Bounds"),
        x=str(box.x),
        y=str(box.y),
        width=str(box.width),
        height=str(box.height),
    )
