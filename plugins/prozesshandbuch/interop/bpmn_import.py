"""BPMN 2.0 files -> process files (and role stubs for lanes without a role).

Mapping (the README has the table): lanes -> roles, tasks of any type -> steps
(service, script and business-rule tasks as ``automated``), exclusive gateways with two
or more outgoing flows -> decisions with branches named by the flow's name, its
condition, or ``sonst`` for the default flow; call activities -> ``calls``;
documentation -> description/summary. Everything else becomes the nearest equivalent
with a warning naming file and element id, never silently nothing: other gateways ->
decisions (or pass-through joins), intermediate events -> steps, boundary events -> an
extra branch of their activity, expanded sub-processes -> one step, message flows,
data objects and annotations -> warning only.

Files this tool exported carry every other field in ``ph:fields`` and keep their ids,
so export -> import -> export gives the same file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree
from pydantic import ValidationError

from ..content.load import slugify
from ..content.model import END, Process, Role
from ..i18n import DEFAULT_LANGUAGE, text
from .bpmn_ids import (
    BPMN,
    EXPORTER,
    HANDBOOK,
    process_id_from_element,
    role_id_from_lane,
    step_id_from_element,
)
from .notices import ImportRefusedError, Notice
from .xml_input import read_xml

_TASKS = {"task", "userTask", "manualTask", "sendTask", "receiveTask"}
_AUTOMATED_TASKS = {"serviceTask", "scriptTask", "businessRuleTask"}
_OTHER_GATEWAYS = {"inclusiveGateway", "parallelGateway", "complexGateway", "eventBasedGateway"}
_INTERMEDIATE = {"intermediateCatchEvent", "intermediateThrowEvent"}
_SUB_PROCESSES = {"subProcess", "transaction", "adHocSubProcess"}
_NOT_IN_FLOW = {
    "dataObject",
    "dataObjectReference",
    "dataStoreReference",
    "textAnnotation",
    "association",
    "dataInputAssociation",
    "dataOutputAssociation",
    "group",
    "laneSet",
    "documentation",
    "extensionElements",
    "sequenceFlow",
    "ioSpecification",
    "property",
}
_LOST_ARTIFACTS = {
    "dataObject",
    "dataObjectReference",
    "dataStoreReference",
    "textAnnotation",
    "group",
}
_GATEWAY_TITLES = {
    "parallelGateway": "interop.title-parallel-gateway",
    "inclusiveGateway": "interop.title-inclusive-gateway",
    "complexGateway": "interop.title-complex-gateway",
    "eventBasedGateway": "interop.title-event-gateway",
    "exclusiveGateway": "page.decision",
}
"""Catalogue keys of the titles for unnamed gateways, which become step titles."""


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _is_bpmn(element: etree._Element) -> bool:
    return isinstance(element.tag, str) and etree.QName(element).namespace == BPMN


@dataclass
class ImportedProcess:
    """One converted process, ready to be written."""

    process: Process
    source: str
    """The file it came from (as shown in messages)."""


@dataclass
class BpmnImport:
    """Everything converted from the input files."""

    processes: list[ImportedProcess] = field(default_factory=list)
    role_stubs: dict[str, Role] = field(default_factory=dict)
    role_stub_sources: dict[str, str] = field(default_factory=dict)
    needs_unit_stub: bool = False
    notices: list[Notice] = field(default_factory=list)


@dataclass(frozen=True)
class KnownContent:
    """What the target content folder already has, to match lanes and calls against."""

    role_titles: Mapping[str, str] = field(default_factory=dict)
    """role id -> title"""
    process_ids: frozenset[str] = frozenset()
    unit_ids: frozenset[str] = frozenset()


STUB_UNIT = "noch-zuzuordnen"


@dataclass
class _Node:
    element: etree._Element
    id: str
    kind: str
    name: str
    line: int
    lane: str | None = None
    outgoing: list[_Flow] = field(default_factory=list)


@dataclass
class _Flow:
    id: str
    source: str
    target: str
    label: str | None
    line: int


class _FileReader:
    """Converts the processes of one BPMN file, collecting notices."""

    def __init__(
        self,
        root: etree._Element,
        shown: str,
        known: KnownContent,
        result: BpmnImport,
        language: str,
    ):
        self.root = root
        self.language = language
        """The language of the texts written into content (unnamed gateways, branches)."""
        self.shown = shown
        self.known = known
        self.result = result
        self.ours = root.get("exporter") == EXPORTER

    def warn(self, element: etree._Element | None, key: str, **params: object) -> None:
        notice = Notice(self.shown, _line(element), key, params, warning=True)
        if notice not in self.result.notices:  # a join is passed from each branch
            self.result.notices.append(notice)

    def refuse(
        self, element: etree._Element | None, key: str, **params: object
    ) -> ImportRefusedError:
        line = _line(element)
        return ImportRefusedError([Notice(self.shown, line, key, params)])

    # -- the file ----------------------------------------------------------------------

    def read(self, planned_ids: set[str]) -> list[ImportedProcess]:
        if not _is_bpmn(self.root) or _local(self.root) != "definitions":
            raise self.refuse(self.root, "interop.not-bpmn", root=self.root.tag)
        pools = list(self.root.iterfind(f".//{{{BPMN}}}participant"))
        participants = {p.get("processRef"): p for p in pools if p.get("processRef")}
        for pool in pools:
            if not pool.get("processRef"):
                self.warn(pool, "interop.black-box-pool", id=pool.get("id"))
        for message_flow in self.root.iterfind(f".//{{{BPMN}}}messageFlow"):
            self.warn(
                message_flow,
                "interop.message-flow",
                id=message_flow.get("id"),
                name=message_flow.get("name") or "",
            )
        for reference in self.root.iterfind(f"{{{BPMN}}}import"):
            self.warn(reference, "interop.import-not-followed", location=reference.get("location"))
        processes = [
            element
            for element in self.root.iterfind(f"{{{BPMN}}}process")
            if any(_local(child) in _flow_kinds() for child in element)
        ]
        if not processes:
            raise self.refuse(self.root, "interop.no-flow")
        imported = []
        for process in processes:
            imported.append(
                self._process(process, participants.get(process.get("id")), planned_ids)
            )
        return imported

    # -- one process -------------------------------------------------------------------

    def _process(
        self,
        element: etree._Element,
        participant: etree._Element | None,
        planned_ids: set[str],
    ) -> ImportedProcess:
        name = element.get("name") or (participant.get("name") if participant is not None else None)
        name = name or ""
        process_id = self._process_id(element, name or "", planned_ids)
        planned_ids.add(process_id)
        nodes, flows = self._flow(element)
        lanes = self._lanes(element, nodes)
        starts = [n for n in nodes.values() if n.kind == "startEvent"]
        if not starts:
            starts = [n for n in nodes.values() if not any(f.target == n.id for f in flows)]
            if not starts:
                raise self.refuse(element, "interop.no-start", id=element.get("id"))
            self.warn(element, "interop.no-start-event", id=element.get("id"), first=starts[0].id)
        for extra in starts[1:]:
            self.warn(extra.element, "interop.extra-start", id=extra.id)
        step_nodes = self._order(nodes, starts[0])
        if not step_nodes:
            raise self.refuse(element, "interop.no-steps", id=element.get("id"))
        step_ids = self._step_ids(step_nodes)
        extras = _fields(element, self)
        default_role = self._default_role(element, participant, name, lanes)
        steps = []
        for index, node in enumerate(step_nodes):
            steps.append(self._step(node, index, step_nodes, nodes, step_ids, lanes, default_role))
        data: dict[str, Any] = {"title": name or process_id}
        summary = _documentation(element)
        if summary:
            data["summary"] = summary
        start_name = starts[0].name
        if start_name:
            data["trigger"] = start_name
        end_names = [n.name for n in nodes.values() if n.kind == "endEvent" and n.name]
        if end_names:
            data["result"] = end_names[0]
        data.update(extras)
        if "owner" not in data:
            owner = next((s["role"] for s in steps if s.get("role")), default_role)
            data["owner"] = owner
            self.warn(element, "interop.owner-guessed", role=owner)
        data["steps"] = steps
        try:
            process = Process.model_validate(data)
        except ValidationError as error:
            raise self.refuse(
                element, "interop.invalid-process", id=process_id, detail=_first_error(error)
            ) from None
        return ImportedProcess(process.model_copy(update={"id": process_id}), self.shown)

    def _process_id(self, element: etree._Element, name: str, planned: set[str]) -> str:
        ours = process_id_from_element(element.get("id") or "")
        candidate = ours if ours and (self.ours or not name) else slugify(name) if name else None
        if candidate is None:
            candidate = ours or slugify(self.shown.rsplit("/", 1)[-1].rsplit(".", 1)[0])
        unique, number = candidate, 2
        while unique in planned:
            unique, number = f"{candidate}-{number}", number + 1
        return unique

    def _flow(self, process: etree._Element) -> tuple[dict[str, _Node], list[_Flow]]:
        nodes: dict[str, _Node] = {}
        flows: list[_Flow] = []
        for child in process:
            if not _is_bpmn(child):
                continue
            kind = _local(child)
            if kind in _flow_kinds():
                node_id = child.get("id") or f"element-{child.sourceline}"
                nodes[node_id] = _Node(
                    child, node_id, kind, (child.get("name") or "").strip(), _line(child)
                )
            elif kind == "sequenceFlow":
                label = (child.get("name") or "").strip() or None
                flows.append(
                    _Flow(
                        child.get("id") or "",
                        child.get("sourceRef") or "",
                        child.get("targetRef") or "",
                        label,
                        _line(child),
                    )
                )
            elif kind not in _NOT_IN_FLOW or kind in _LOST_ARTIFACTS:
                self.warn(child, "interop.element-ignored", kind=kind, id=child.get("id"))
        for item in flows:
            source = nodes.get(item.source)
            if source is None or item.target not in nodes:
                self.warn(None, "interop.flow-dangling", id=item.id)
                continue
            if item.label is None:
                item.label = self._condition_label(source.element, item)
            source.outgoing.append(item)
        for node in nodes.values():
            if node.kind == "boundaryEvent":
                host = nodes.get(node.element.get("attachedToRef") or "")
                if host is None:
                    continue
                label = node.name or DEFAULT_BOUNDARY
                host.outgoing.append(_Flow(f"{node.id}-attached", host.id, node.id, label, 0))
                self.warn(node.element, "interop.boundary-event", id=node.id, host=host.id)
        return nodes, flows

    def _condition_label(self, source: etree._Element, item: _Flow) -> str | None:
        flow_element = next(
            (
                e
                for e in source.getparent().iterfind(f"{{{BPMN}}}sequenceFlow")  # type: ignore[union-attr]
                if e.get("id") == item.id
            ),
            None,
        )
        if flow_element is not None:
            condition = flow_element.findtext(f"{{{BPMN}}}conditionExpression")
            if condition and condition.strip():
                return condition.strip()
        if source.get("default") == item.id:
            return text("interop.branch-default", self.language)
        return None

    def _lanes(self, process: etree._Element, nodes: dict[str, _Node]) -> dict[str, str]:
        """lane id -> role id; sets each node's lane to its innermost lane."""
        roles: dict[str, str] = {}
        for lane in process.iter(f"{{{BPMN}}}lane"):
            role_id = self._role_for_lane(lane)
            lane_id = lane.get("id") or ""
            roles[lane_id] = role_id
            for reference in lane.iterfind(f"{{{BPMN}}}flowNodeRef"):
                node = nodes.get((reference.text or "").strip())
                if node is not None:
                    node.lane = lane_id  # iteration is document order: inner lanes win
        return roles

    def _role_for_lane(self, lane: etree._Element) -> str:
        name = (lane.get("name") or "").strip()
        ours = role_id_from_lane(lane.get("id") or "")
        if ours and (ours in self.known.role_titles or self.ours):
            role_id = ours
        else:
            by_title = {t.casefold(): r for r, t in self.known.role_titles.items()}
            role_id = by_title.get(name.casefold()) or slugify(name or (lane.get("id") or "rolle"))
        self._ensure_role(role_id, name or role_id, lane)
        return role_id

    def _ensure_role(self, role_id: str, title: str, element: etree._Element | None) -> None:
        if role_id in self.known.role_titles or role_id in self.result.role_stubs:
            return
        self.result.role_stubs[role_id] = Role.model_validate(
            {"title": title, "unit": STUB_UNIT}
        ).model_copy(update={"id": role_id})
        self.result.role_stub_sources[role_id] = (
            f"{self.shown}, {element.get('id') if element is not None else ''}"
        )
        if STUB_UNIT not in self.known.unit_ids:
            self.result.needs_unit_stub = True
        self.warn(element, "interop.role-stub", role=role_id, title=title)

    def _default_role(
        self,
        process: etree._Element,
        participant: etree._Element | None,
        name: str,
        lanes: dict[str, str],
    ) -> str:
        if lanes:
            return next(iter(lanes.values()))
        pool = participant.get("name") if participant is not None else None
        title = pool or name or "Bearbeitung"
        role_id = slugify(title)
        self._ensure_role(role_id, title, process)
        self.warn(process, "interop.no-lanes", id=process.get("id"), role=role_id)
        return role_id

    # -- steps -------------------------------------------------------------------------

    def _order(self, nodes: dict[str, _Node], start: _Node) -> list[_Node]:
        """The nodes that become steps, in the order of the file (ours) or of the flow."""
        steps = [n for n in nodes.values() if _is_step(n)]
        if self.ours:
            return steps
        order: list[_Node] = []
        seen: set[str] = set()
        stack = [start.id]
        while stack:
            current = nodes[stack.pop()]
            if current.id in seen:
                continue
            seen.add(current.id)
            if _is_step(current):
                order.append(current)
            stack.extend(reversed([f.target for f in current.outgoing]))
        # Steps no flow leads to still become steps (check reports them as unreachable).
        order.extend(n for n in steps if n.id not in seen)
        return order

    def _step_ids(self, step_nodes: list[_Node]) -> dict[str, str | None]:
        ids: dict[str, str | None] = {}
        used: set[str] = set()
        for node in step_nodes:
            ours, step_id = step_id_from_element(node.id)
            if not ours:
                base = slugify(node.name) if node.name else slugify(node.id)
                step_id, number = base, 2
                while step_id in used:
                    step_id, number = f"{base}-{number}", number + 1
            if step_id:
                used.add(step_id)
            ids[node.id] = step_id
        return ids

    def _step(
        self,
        node: _Node,
        index: int,
        order: list[_Node],
        nodes: dict[str, _Node],
        step_ids: dict[str, str | None],
        lanes: dict[str, str],
        default_role: str,
    ) -> dict[str, Any]:
        data: dict[str, Any] = {}
        extras = _fields(node.element, self)
        if step_ids[node.id]:
            data["id"] = step_ids[node.id]
        data["title"] = node.name or self._fallback_title(node)
        branches = self._targets(node, nodes, step_ids)
        decision = node.kind.endswith("Gateway")
        if decision:
            data["kind"] = "decision"
        role = lanes.get(node.lane or "") or self._lane_of_neighbour(node, order, lanes)
        if node.kind == "callActivity":
            called = process_id_from_element(node.element.get("calledElement") or "")
            if called and (called in self.known.process_ids or self.ours):
                data["calls"] = called
                if "role" in extras:
                    data["role"] = extras.pop("role")
            else:
                self.warn(
                    node.element,
                    "interop.call-unknown",
                    id=node.id,
                    called=node.element.get("calledElement") or "",
                )
                data["role"] = role or default_role
        else:
            data["role"] = role or default_role
        description = _documentation(node.element)
        if node.kind in _SUB_PROCESSES:
            inner = [
                (c.get("name") or c.get("id") or "")
                for c in node.element
                if _local(c) in _flow_kinds() and c.get("name")
            ]
            self.warn(node.element, "interop.sub-process", id=node.id, count=len(inner))
            listing = "\n".join(f"- {name}" for name in inner)
            description = "\n\n".join(p for p in (description, listing) if p) or None
        if description:
            data["description"] = description
        if node.kind in _AUTOMATED_TASKS:
            data["automated"] = True
        if node.kind in _OTHER_GATEWAYS:
            self.warn(node.element, "interop.gateway-as-decision", kind=node.kind, id=node.id)
        if node.kind in _INTERMEDIATE:
            self.warn(node.element, "interop.event-as-step", kind=node.kind, id=node.id)
        data.update(extras)
        following = step_ids.get(order[index + 1].id) if index + 1 < len(order) else None
        data.update(self._next(node, branches, decision, index, order, following))
        return data

    def _fallback_title(self, node: _Node) -> str:
        if node.kind in _GATEWAY_TITLES:
            return text(_GATEWAY_TITLES[node.kind], self.language)
        self.warn(node.element, "interop.unnamed", kind=node.kind, id=node.id)
        return node.id

    def _lane_of_neighbour(
        self, node: _Node, order: list[_Node], lanes: dict[str, str]
    ) -> str | None:
        position = order.index(node)
        for other in [*reversed(order[:position]), *order[position + 1 :]]:
            if other.lane and other.lane in lanes:
                return lanes[other.lane]
        return None

    def _targets(
        self, node: _Node, nodes: dict[str, _Node], step_ids: dict[str, str | None]
    ) -> list[tuple[str | None, str | None, _Node | None]]:
        """(step id or None for the end, label, target node) through pass-through nodes."""
        result: list[tuple[str | None, str | None, _Node | None]] = []
        for item in node.outgoing:
            label = item.label
            current = nodes[item.target]
            visited = {node.id}
            while not _is_step(current) and current.kind != "endEvent":
                if current.id in visited or len(current.outgoing) != 1:
                    break
                visited.add(current.id)
                if current.kind in _OTHER_GATEWAYS:
                    self.warn(current.element, "interop.join", kind=current.kind, id=current.id)
                label = label or current.outgoing[0].label
                current = nodes[current.outgoing[0].target]
            if _is_step(current):
                result.append((step_ids[current.id] or current.id, label, current))
            else:
                result.append((None, label, None))
        if not node.outgoing:
            result.append((None, None, None))
        return result

    def _next(
        self,
        node: _Node,
        branches: list[tuple[str | None, str | None, _Node | None]],
        decision: bool,
        index: int,
        order: list[_Node],
        following: str | None,
    ) -> dict[str, Any]:
        if len(branches) > 1:
            if not decision:
                self.warn(node.element, "interop.task-split", id=node.id, count=len(branches))
            named = []
            for number, (target, label, _node) in enumerate(branches, start=1):
                if not label:
                    key = (
                        "interop.branch-numbered-parallel"
                        if node.kind == "parallelGateway"
                        else "interop.branch-numbered"
                    )
                    label = text(key, self.language, number=number)
                    self.warn(node.element, "interop.branch-unnamed", id=node.id, label=label)
                named.append({"to": target or END, "when": label})
            return {"next": named}
        target, label, _node = branches[0]
        if label:
            self.warn(node.element, "interop.label-dropped", id=node.id, label=label)
        return _single(target or END, index, order, following)


DEFAULT_BOUNDARY = "Ausnahme"


def _single(target: str, index: int, order: list[_Node], following: str | None) -> dict[str, Any]:
    """``next`` for one successor, left out where the list order says the same."""
    last = index == len(order) - 1
    if (target == END and last) or (not last and target == following and following):
        return {}
    if not last and target == order[index + 1].id:
        return {}
    return {"next": target}


def _line(element: etree._Element | None) -> int:
    line: object = element.sourceline if element is not None else None
    return line if isinstance(line, int) and line > 0 else 1


def _is_step(node: _Node) -> bool:
    if node.kind in _TASKS | _AUTOMATED_TASKS | _SUB_PROCESSES | _INTERMEDIATE:
        return True
    if node.kind == "callActivity":
        return True
    if node.kind.endswith("Gateway"):
        return len(node.outgoing) > 1
    return False


def _flow_kinds() -> set[str]:
    return (
        _TASKS
        | _AUTOMATED_TASKS
        | _OTHER_GATEWAYS
        | _INTERMEDIATE
        | _SUB_PROCESSES
        | {"exclusiveGateway", "callActivity", "startEvent", "endEvent", "boundaryEvent"}
    )


def _documentation(element: etree._Element) -> str | None:
    parts = [
        (d.text or "").strip()
        for d in element.iterfind(f"{{{BPMN}}}documentation")
        if (d.text or "").strip()
    ]
    return "\n\n".join(parts) or None


def _fields(element: etree._Element, reader: _FileReader) -> dict[str, Any]:
    """The handbook's own fields from ``ph:fields``; a broken one is warned about."""
    holder = element.find(f"{{{BPMN}}}extensionElements/{{{HANDBOOK}}}fields")
    if holder is None or not (holder.text or "").strip():
        return {}
    try:
        data = json.loads(holder.text or "")
    except ValueError:
        data = None
    if not isinstance(data, dict):
        reader.warn(holder, "interop.fields-invalid", id=element.get("id"))
        return {}
    return data


def _first_error(error: ValidationError) -> str:
    item = error.errors(include_url=False)[0]
    where = ".".join(str(p) for p in item["loc"] if not str(p).startswith("~"))
    return f"{where}: {item['msg']}"


def convert_bpmn(
    files: list[tuple[Path, str]], known: KnownContent, language: str = DEFAULT_LANGUAGE
) -> BpmnImport:
    """Convert every file, given as ``(path, path as shown in messages)``.

    Texts the import makes up (titles of unnamed gateways, names of unnamed branches) are
    in ``language``, the language of the handbook being written.

    All files are converted before any is refused, so one run reports every file's
    problems; a refusal of any file refuses the whole import.
    """
    result = BpmnImport()
    refusals: list[Notice] = []
    planned: set[str] = set()
    for path, shown in files:
        try:
            root = read_xml(path, shown)
            result.processes.extend(_FileReader(root, shown, known, result, language).read(planned))
        except ImportRefusedError as refused:
            refusals.extend(refused.notices)
    if refusals:
        raise ImportRefusedError(refusals)
    return result
