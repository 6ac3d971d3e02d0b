"""A left-to-right swimlane layout for the BPMN diagram interchange (BPMNDI).

Deliberately simple and deterministic, so that an exported file looks the same every
time and opens readable in bpmn.io, Camunda Modeler or Signavio without "auto layout":
the flow runs in columns from left to right (a node's column is the longest path to it
from the start, loops ignored), each role has a horizontal lane, and nodes that share a
lane and a column are stacked in rows. Pure geometry, no XML.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

NodeKind = Literal["start", "end", "task", "gateway"]

_SIZES: dict[NodeKind, tuple[int, int]] = {
    "start": (36, 36),
    "end": (36, 36),
    "task": (100, 80),
    "gateway": (50, 50),
}
ORIGIN_X = 160
ORIGIN_Y = 80
POOL_LABEL = 30
LANE_LABEL = 30
COLUMN = 160
ROW = 120
PADDING = 40
LOOP_CLEARANCE = 12
CHAR_WIDTH = 7
LABEL_LINE = 14
LABEL_MAX_WIDTH = 90


@dataclass(frozen=True)
class Node:
    id: str
    kind: NodeKind
    lane: int


@dataclass(frozen=True)
class Edge:
    id: str
    source: str
    target: str
    label: str | None = None


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    width: int
    height: int

    @property
    def center_x(self) -> int:
        return self.x + self.width // 2

    @property
    def center_y(self) -> int:
        return self.y + self.height // 2

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height


Point = tuple[int, int]


@dataclass(frozen=True)
class Layout:
    pool: Box
    lanes: list[Box]
    nodes: dict[str, Box]
    waypoints: dict[str, list[Point]]
    labels: dict[str, Box]


def layout(nodes: list[Node], edges: list[Edge], lane_count: int) -> Layout:
    """Positions for every node, lane and edge; the first node is where the flow starts."""
    columns = _columns(nodes, edges)
    rows: dict[str, int] = {}
    taken: dict[tuple[int, int], int] = defaultdict(int)
    for node in nodes:
        slot = (node.lane, columns[node.id])
        rows[node.id] = taken[slot]
        taken[slot] += 1
    rows_per_lane = [1] * max(lane_count, 1)
    for (lane, _column), count in taken.items():
        rows_per_lane[lane] = max(rows_per_lane[lane], count)
    lane_tops = [ORIGIN_Y]
    for count in rows_per_lane:
        lane_tops.append(lane_tops[-1] + count * ROW)
    content_x = ORIGIN_X + POOL_LABEL + LANE_LABEL + PADDING // 2
    boxes: dict[str, Box] = {}
    for node in nodes:
        width, height = _SIZES[node.kind]
        center_x = content_x + columns[node.id] * COLUMN + COLUMN // 2 - 30
        center_y = lane_tops[node.lane] + rows[node.id] * ROW + ROW // 2
        boxes[node.id] = Box(center_x - width // 2, center_y - height // 2, width, height)
    last_column = max(columns.values(), default=0)
    pool_width = POOL_LABEL + LANE_LABEL + PADDING + (last_column + 1) * COLUMN
    pool = Box(ORIGIN_X, ORIGIN_Y, pool_width, lane_tops[-1] - ORIGIN_Y)
    lane_x = ORIGIN_X + POOL_LABEL
    lanes = [
        Box(lane_x, lane_tops[i], pool_width - POOL_LABEL, lane_tops[i + 1] - lane_tops[i])
        for i in range(len(rows_per_lane))
    ]
    kinds = {node.id: node.kind for node in nodes}
    waypoints: dict[str, list[Point]] = {}
    labels: dict[str, Box] = {}
    for edge in edges:
        source, target = boxes[edge.source], boxes[edge.target]
        forward = columns[edge.target] > columns[edge.source]
        if forward:
            points = _forward(source, target, kinds[edge.source] == "gateway")
        else:
            points = _backward(source, target)
        waypoints[edge.id] = points
        if edge.label:
            labels[edge.id] = _label_box(edge.label, points)
    return Layout(pool, lanes, boxes, waypoints, labels)


def _columns(nodes: list[Node], edges: list[Edge]) -> dict[str, int]:
    """Longest path from the start over the flow without its loops (back edges)."""
    following: dict[str, list[str]] = defaultdict(list)
    for edge in edges:
        following[edge.source].append(edge.target)
    back: set[tuple[str, str]] = set()
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    order: list[str] = []
    for root in [n.id for n in nodes]:
        if root in state:
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        state[root] = 1
        while stack:
            current, position = stack[-1]
            targets = following[current]
            if position < len(targets):
                stack[-1] = (current, position + 1)
                target = targets[position]
                if state.get(target) == 1:
                    back.add((current, target))
                elif target not in state:
                    state[target] = 1
                    stack.append((target, 0))
            else:
                state[current] = 2
                order.append(current)
                stack.pop()
    column = dict.fromkeys(state, 0)
    for current in reversed(order):  # reverse post-order is a topological order
        for target in following[current]:
            if (current, target) not in back:
                column[target] = max(column[target], column[current] + 1)
    return column


def _forward(source: Box, target: Box, from_gateway: bool) -> list[Point]:
    start = (source.right, source.center_y)
    end = (target.x, target.center_y)
    if source.center_y == target.center_y:
        return [start, end]
    if from_gateway:
        # Leave the diamond at its upper or lower corner, then run straight to the target.
        corner_y = source.y if target.center_y < source.center_y else source.bottom
        return [(source.center_x, corner_y), (source.center_x, target.center_y), end]
    bend_x = source.right + (COLUMN - source.width) // 2
    return [start, (bend_x, source.center_y), (bend_x, target.center_y), end]


def _backward(source: Box, target: Box) -> list[Point]:
    """A loop runs back above both nodes, clear of the row's other nodes.

    Above rather than below, because labels of events and gateways sit below them.
    """
    above = min(source.y, target.y) - LOOP_CLEARANCE
    return [
        (source.center_x, source.y),
        (source.center_x, above),
        (target.center_x, above),
        (target.center_x, target.y),
    ]


def _label_box(text: str, points: list[Point]) -> Box:
    width = min(LABEL_MAX_WIDTH, max(20, len(text) * CHAR_WIDTH))
    lines = -(-len(text) * CHAR_WIDTH // LABEL_MAX_WIDTH)
    (x1, y1), (_x2, y2) = points[0], points[1]
    if y1 == y2:  # horizontal first segment: above it
        return Box(x1 + 6, y1 - 4 - lines * LABEL_LINE, width, lines * LABEL_LINE)
    return Box(x1 + 6, min(y1, y2) + (abs(y2 - y1) // 2) - 7, width, lines * LABEL_LINE)
