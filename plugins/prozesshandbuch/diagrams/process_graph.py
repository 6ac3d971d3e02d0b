"""A process as a swimlane flow chart in DOT: one lane per role, lanes grouped by unit.

The flow runs top to bottom and every lane is a column: handbook pages scroll vertically,
so a long process stays legible at page width. A process with more lanes than steps in a
row would be wider than the page that way; it turns: the flow runs left to right and
every lane is a row.

Every node sits in a lane: a step in its role's, start and end in the lane of the step
they belong to, and a sub-process call without a role of its own in the lane of the role
that calls it (the step before it; for a first step, the one after it). Hand-offs are
taken from :mod:`..relations`, which looks through such calls, so the edges into and
out of a role-less call both show a hand-off that passes through it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..analysis.relations import Handoff, ProcessReach, Relations, performers
from ..content import flow
from ..content.model import Handbook, Process, Step
from ..content.urls import SiteUrls, entity_src
from ..i18n import Texts
from .quoting import AttrValue, attr_list, wrap
from .source import DotDiagram
from .style import defaults, unit_tone

TASK_WIDTH = 24
DECISION_WIDTH = 16
LANE_WIDTH = 28
BRANCH_WIDTH = 18


INVISIBLE_NODE = attr_list(
    {"shape": "point", "style": "invis", "width": 0, "height": 0, "label": ""}
)
# weight 0: these edges only stretch the lanes, they must not pull steps out of line.
INVISIBLE_EDGE = attr_list({"style": "invis", "weight": 0})


@dataclass
class _Lanes:
    """Which node goes into which lane; lanes ordered by unit, then first appearance."""

    roles_of_unit: dict[str | None, list[str]] = field(default_factory=dict)
    statements: list[str] = field(default_factory=list)
    """Node statements in step order (start, steps, ends)."""
    members: defaultdict[str | None, list[str]] = field(default_factory=lambda: defaultdict(list))
    """Role -> ids of its nodes."""
    lane_of: dict[str, str | None] = field(default_factory=dict)
    """Node id -> role (None: outside every lane), in the order the nodes were added."""

    @property
    def order(self) -> list[str]:
        return [role for roles in self.roles_of_unit.values() for role in roles]

    def add(self, node_id: str, role: str | None, attrs: dict[str, AttrValue]) -> None:
        self.statements.append(f"{node_id} {attr_list(attrs)};")
        self.members[role].append(node_id)
        self.lane_of[node_id] = role

    def number(self, role: str | None) -> int:
        """Synthetic lane number: a role id never reaches the DOT text as a name."""
        return self.order.index(role) if role is not None else 0


def process_diagram(
    process: Process,
    handbook: Handbook,
    relations: Relations,
    urls: SiteUrls,
    texts: Texts,
) -> DotDiagram:
    """The swimlane flow of ``process``, linked for its own page."""
    page = entity_src("process", process.id)
    edges = flow.edges(process)
    lanes = _Lanes()
    for role_id in _roles_in_order(process):
        role = handbook.roles.get(role_id)
        lanes.roles_of_unit.setdefault(role.unit if role else None, []).append(role_id)
    lane_of_step = lane_roles(process)
    lanes.add("s", lane_of_step[0], _terminal(texts("diagram.start"), "ph-start"))
    for index, step in enumerate(process.steps):
        lanes.add(
            f"n{index}",
            lane_of_step[index],
            _step_attrs(process, index, step, handbook, urls, page, texts),
        )
    for index in sorted({edge.source for edge in edges if edge.target is None}):
        end = _terminal(texts("page.end"), "ph-end") | {"penwidth": 2.5}
        lanes.add(f"e{index}", lane_of_step[index], end)
    ranking = _ranking_edges(edges)
    direction = "LR" if _turns(len(lanes.order), ranking) else "TB"

    lines = [
        "digraph G {",
        *defaults(
            {
                "class": "ph-flow",
                "rankdir": direction,
                # newrank lets rank=same reach into clusters, which the lane spine needs.
                "newrank": True,
                "nodesep": 0.3,
                "ranksep": 0.35,
                "outputorder": "edgesfirst",
                "forcelabels": True,
            }
        ),
        # Nodes first, in step order: dot writes them to the SVG in the order they were
        # created, and that order is the reading and tab order of the links.
        *lanes.statements,
        *_clusters(lanes, handbook, urls, page, texts),
        "s -> n0 " + attr_list({"class": "ph-edge"}) + ";",
        *_edge_statements(
            process,
            edges,
            relations.reach.get(process.id),
            handbook,
            texts,
            _LoopSide(lane_of_step, direction),
        ),
        *_spine(lanes, ranking),
        "}",
    ]
    return DotDiagram(
        key=f"process:{process.id}",
        page_src=page,
        source="\n".join(lines) + "\n",
        name=texts("diagram.process-name", title=process.title),
        description=_description(process, handbook, texts, direction),
        caption=texts("diagram.process-caption"),
        kind="process",
    )


def _ranking_edges(edges: list[flow.Edge]) -> list[tuple[str, str]]:
    """The edges that decide the vertical order: start, forward edges and ends, no loops."""
    ranking = [("s", "n0")]
    for edge in edges:
        if edge.target is None:
            ranking.append((f"n{edge.source}", f"e{edge.source}"))
        elif edge.target > edge.source:
            ranking.append((f"n{edge.source}", f"n{edge.target}"))
    return ranking


def _spine(lanes: _Lanes, ranking: list[tuple[str, str]]) -> list[str]:
    """Invisible top and bottom nodes that stretch every lane over the full height.

    Without them each lane is only as tall as its own steps, and dot stacks short lanes
    on top of each other instead of side by side. Every node without a ranking edge in
    hangs below its lane's top, every node without one out sits above its lane's bottom,
    and all tops (bottoms) share one rank.
    """
    count = len(lanes.order)
    if count == 0:
        return []
    has_in = {target for _, target in ranking}
    has_out = {source for source, _ in ranking}
    lines = [
        "{rank=same; " + " ".join(f"t{k};" for k in range(count)) + "}",
        "{rank=same; " + " ".join(f"b{k};" for k in range(count)) + "}",
    ]
    for node_id, role in lanes.lane_of.items():
        lane = lanes.number(role)
        if node_id not in has_in:
            lines.append(f"t{lane} -> {node_id} {INVISIBLE_EDGE};")
        if node_id not in has_out:
            lines.append(f"{node_id} -> b{lane} {INVISIBLE_EDGE};")
    return lines


def lane_roles(process: Process) -> list[str | None]:
    """The lane of every step: its role, or for a role-less call the caller's role."""
    roles: list[str | None] = [step.role for step in process.steps]
    for index, role in enumerate(roles):
        if role is None:
            before = next((r for r in reversed(roles[:index]) if r is not None), None)
            after = next((r for r in roles[index + 1 :] if r is not None), None)
            roles[index] = before or after
    return roles


MAX_COLUMNS = 4
"""Lanes side by side that still fit the page column at a legible text size."""


def _turns(lane_count: int, ranking: list[tuple[str, str]]) -> bool:
    """Whether the flow should run left to right: more lanes than fit, and fewer ranks."""
    if lane_count <= MAX_COLUMNS:
        return False
    return _depth(ranking) <= lane_count


def _depth(ranking: list[tuple[str, str]]) -> int:
    """Length of the longest path along the ranking edges (they never form a cycle)."""
    following: defaultdict[str, list[str]] = defaultdict(list)
    for source, target in ranking:
        following[source].append(target)
    depth: dict[str, int] = {}

    def measure(node: str) -> int:
        if node not in depth:
            depth[node] = 0  # guards against a cycle in malformed input
            depth[node] = 1 + max((measure(n) for n in following[node]), default=0)
        return depth[node]

    return measure("s")


def _roles_in_order(process: Process) -> list[str]:
    roles: list[str] = []
    for step in process.steps:
        if step.role and step.role not in roles:
            roles.append(step.role)
    return roles


def _terminal(label: str, css_class: str) -> dict[str, AttrValue]:
    return {
        "label": label,
        "class": css_class,
        "shape": "circle",
        "style": "solid",
        "fixedsize": True,
        "width": 0.6,
        "fontsize": 11,
    }


def _step_attrs(
    process: Process,
    index: int,
    step: Step,
    handbook: Handbook,
    urls: SiteUrls,
    page: str,
    texts: Texts,
) -> dict[str, AttrValue]:
    number = index + 1
    anchor_link = urls.link(page, page, flow.step_anchor(step, index))
    if step.calls:
        called = handbook.processes.get(step.calls)
        target_title = called.title if called else step.calls
        return {
            "label": wrap(f"{number}. {step.title}", TASK_WIDTH),
            "class": "ph-step ph-call",
            "style": "solid",
            "peripheries": 2,
            # The node's one link goes where only it can lead: the called process. The
            # step's own row is one scroll away in the table below the diagram.
            "URL": urls.link(page, entity_src("process", called.id)) if called else anchor_link,
            "tooltip": texts("diagram.call", number=number, title=step.title, target=target_title),
        }
    link = {"URL": anchor_link, "tooltip": texts("diagram.step", number=number, title=step.title)}
    if flow.is_decision(step):
        return {
            "label": wrap(f"{number}. {step.title}", DECISION_WIDTH),
            "class": "ph-step ph-decision",
            "shape": "diamond",
            "style": "solid",
            "margin": 0.02,
            **link,
        }
    return {
        "label": wrap(f"{number}. {step.title}", TASK_WIDTH),
        "class": "ph-step ph-task",
        **link,
    }


def _clusters(
    lanes: _Lanes, handbook: Handbook, urls: SiteUrls, page: str, texts: Texts
) -> list[str]:
    lines: list[str] = []
    for number, (unit_id, roles) in enumerate(lanes.roles_of_unit.items()):
        unit = handbook.units.get(unit_id) if unit_id else None
        if unit is None:
            lines.extend(_lane_statements(roles, lanes, handbook, urls, page, texts))
            continue
        attrs: dict[str, AttrValue] = {
            "label": wrap(unit.title, LANE_WIDTH),
            "class": f"ph-unit {unit_tone(handbook, unit.id)}",
            "style": "rounded",
            "labeljust": "l",
            "URL": urls.link(page, entity_src("unit", unit.id)),
            "tooltip": texts("diagram.unit", title=unit.title),
        }
        lines.append(f"subgraph cluster_u{number} {{")
        lines.append(f"graph {attr_list(attrs)};")
        lines.extend(_lane_statements(roles, lanes, handbook, urls, page, texts))
        lines.append("}")
    return lines


def _lane_statements(
    roles: list[str], lanes: _Lanes, handbook: Handbook, urls: SiteUrls, page: str, texts: Texts
) -> list[str]:
    lines: list[str] = []
    for role_id in roles:
        role = handbook.roles.get(role_id)
        title = role.title if role else role_id
        attrs: dict[str, AttrValue] = {
            "label": wrap(title, LANE_WIDTH),
            "class": "ph-lane",
            "style": "solid",
        }
        if role:
            attrs |= {
                "URL": urls.link(page, entity_src("role", role.id)),
                "tooltip": texts("diagram.role", title=title),
            }
        lane = lanes.number(role_id)
        lines.append(f"subgraph cluster_r{lane} {{")
        lines.append(f"graph {attr_list(attrs)};")
        lines.append(f"t{lane} {INVISIBLE_NODE};")
        lines.append(" ".join(f"{node_id};" for node_id in lanes.members[role_id]))
        lines.append(f"b{lane} {INVISIBLE_NODE};")
        lines.append("}")
    return lines


@dataclass(frozen=True)
class _LoopSide:
    """Where a loop back within one lane leaves and enters its steps.

    Drawn freely, a loop from step 4 back to step 2 of the same lane runs straight up
    through step 3 and over the forward arrows, where nobody sees it. Leaving and entering
    on the outer side (east when the flow runs down, south when it runs across) routes it
    around the steps in between. A loop between lanes is left to dot: forcing a side
    there pushed it outside the lanes (measured on the demo's IT fault process).
    """

    lane_of_step: list[str | None]
    direction: str

    def within_lane(self, source: int, target: int) -> bool:
        return self.lane_of_step[source] == self.lane_of_step[target]

    def ports(self, source: int, target: int) -> dict[str, AttrValue]:
        if not self.within_lane(source, target):
            return {}
        side = "e" if self.direction == "TB" else "s"
        return {"tailport": side, "headport": side}


def _edge_statements(
    process: Process,
    edges: list[flow.Edge],
    reach: ProcessReach | None,
    handbook: Handbook,
    texts: Texts,
    loop_side: _LoopSide,
) -> list[str]:
    handoffs = _handoff_edges(process, edges, reach)
    lines: list[str] = []
    for edge in edges:
        classes = ["ph-edge"]
        attrs: dict[str, AttrValue] = {}
        if edge.label is not None:
            # An external label is placed after the layout, clear of the nodes; a plain
            # label on an edge that crosses lanes is often drawn on top of another step.
            attrs["xlabel"] = wrap(edge.label, BRANCH_WIDTH)
        if edge.target is None:
            target = f"e{edge.source}"
        else:
            target = f"n{edge.target}"
            if edge.target <= edge.source:
                # A loop goes back up; letting it rank the nodes would turn the page upside
                # down, so only forward edges decide who is above whom.
                attrs["constraint"] = False
                attrs |= loop_side.ports(edge.source, edge.target)
                classes.append("ph-loop")
                if loop_side.within_lane(edge.source, edge.target):
                    classes.append("ph-loop-lane")
            handoff = handoffs.get((edge.source, edge.target))
            if handoff is not None:
                classes.append("ph-handoff")
            if handoff is not None and handoff.crosses_units:
                classes.append("ph-handoff-unit")
                attrs |= {
                    "style": "dashed",
                    "penwidth": 2,
                    "tooltip": texts(
                        "diagram.handoff",
                        source=_unit_title(handbook, handoff.from_unit),
                        target=_unit_title(handbook, handoff.to_unit),
                    ),
                }
        attrs["class"] = " ".join(classes)
        lines.append(f"n{edge.source} -> {target} {attr_list(attrs)};")
    return lines


def _handoff_edges(
    process: Process, edges: list[flow.Edge], reach: ProcessReach | None
) -> dict[tuple[int, int], Handoff]:
    """Drawn edge -> the hand-off it carries; a unit-crossing one wins over a role change."""
    if reach is None:
        return {}
    by_pair = {(handoff.source, handoff.target): handoff for handoff in reach.handoffs}
    following: defaultdict[int, list[int]] = defaultdict(list)
    preceding: defaultdict[int, list[int]] = defaultdict(list)
    for edge in edges:
        if edge.target is not None:
            following[edge.source].append(edge.target)
            preceding[edge.target].append(edge.source)
    result: dict[tuple[int, int], Handoff] = {}
    for edge in edges:
        if edge.target is None:
            continue
        pair = (edge.source, edge.target)
        for before in performers(process, [edge.source], preceding):
            for after in performers(process, [edge.target], following):
                handoff = by_pair.get((before, after))
                if handoff and (pair not in result or handoff.crosses_units):
                    result[pair] = handoff
    return result


def _unit_title(handbook: Handbook, unit_id: str | None) -> str:
    unit = handbook.units.get(unit_id) if unit_id else None
    return unit.title if unit else (unit_id or "?")


def _description(process: Process, handbook: Handbook, texts: Texts, direction: str) -> str:
    roles = _roles_in_order(process)
    units = {handbook.roles[role].unit for role in roles if role in handbook.roles}
    return texts(
        "diagram.process-description",
        steps=texts.plural("count.steps", len(process.steps)),
        roles=texts.plural("count.roles", len(roles)),
        units=texts.plural("count.units", len(units)),
        direction=texts(f"diagram.direction.{direction}"),
    )
