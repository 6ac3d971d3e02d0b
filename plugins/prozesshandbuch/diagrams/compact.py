"""Make a diagram's SVG smaller without changing what it draws.

A process diagram is the heaviest part of its page: dot writes every coordinate with two
decimals, every rounded step box as a 25-point Bézier path, every lane as a five-point
polygon, and the same stroke, anchor and font size on every shape and label. Inlined on
every process page, that is paid in bytes, in parsing and in Material's page loads. This
module rewrites dot's output into the same drawing with less markup:

* numbers keep one decimal (a tenth of a pixel at the size diagrams are drawn);
* a rounded box becomes ``<rect rx>`` and an axis-parallel four-corner polygon a
  ``<rect>``; anything that does not match dot's exact shape stays a path or polygon;
* attributes every shape or label repeats (``stroke``, ``text-anchor``, the most common
  ``font-size``) move to the outermost group, where SVG inheritance gives them back to
  every child that said the same;
* groups without attributes or a tooltip of their own are unwrapped.

Colours still come from diagrams.css; the inherited ``currentColor`` keeps the drawing in
the scheme's text colour where the stylesheet is missing.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from itertools import pairwise

SVG = "{http://www.w3.org/2000/svg}"

_NUMBER = re.compile(r"-?\d+\.\d+")
_NUMERIC_ATTRIBUTES = frozenset(
    {
        "d",
        "points",
        "x",
        "y",
        "cx",
        "cy",
        "rx",
        "ry",
        "width",
        "height",
        "viewBox",
        "stroke-width",
        "font-size",
        "transform",
    }
)
# Inherited presentation attributes that dot repeats on (nearly) every element.
_SHAPES = frozenset(f"{SVG}{tag}" for tag in ("path", "polygon", "polyline", "rect", "ellipse"))
_TEXT = frozenset({f"{SVG}text"})
_HOISTED = {"stroke": _SHAPES | _TEXT, "text-anchor": _TEXT, "font-size": _TEXT}
_IDENTITY_TRANSFORM = re.compile(r"scale\(1 1\) rotate\(0\) ")
_TOLERANCE = 0.01

Point = tuple[float, float]


def compact(root: ET.Element) -> None:
    """Rewrite the tree under ``root`` (dot's ``<svg>``, ids and titles already gone)."""
    for element in root.iter():
        # Shapes are recognised on dot's own numbers: rounded, the corners of one box
        # would no longer line up.
        if element.tag == f"{SVG}path":
            _rounded_box_as_rect(element)
        elif element.tag == f"{SVG}polygon":
            _rectangle_as_rect(element)
            _drop_closing_point(element)
        for attribute, value in element.attrib.items():
            if attribute in _NUMERIC_ATTRIBUTES and "." in value:
                element.attrib[attribute] = _NUMBER.sub(_short_number, value)
    graph = root.find(f"{SVG}g")
    if graph is None:
        return
    transform = graph.get("transform")
    if transform:
        graph.set("transform", _IDENTITY_TRANSFORM.sub("", transform))
    _unwrap_bare_groups(graph)
    for attribute, tags in _HOISTED.items():
        _hoist(graph, attribute, tags)


def _short_number(match: re.Match[str]) -> str:
    return _format(float(match.group()))


def _format(value: float) -> str:
    text = f"{round(value, 1):.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _points(text: str) -> list[Point] | None:
    numbers = re.findall(r"-?\d+(?:\.\d+)?", text)
    if len(numbers) % 2:
        return None
    values = [float(number) for number in numbers]
    return list(zip(values[::2], values[1::2], strict=True))


def _rectangle_as_rect(polygon: ET.Element) -> None:
    # dot draws lanes and plain boxes as closed four-corner polygons.
    points = _points(polygon.get("points", ""))
    if not points or len(points) != 5 or not _close(points[0], points[-1]):
        return
    xs = {round(x, 2) for x, _ in points}
    ys = {round(y, 2) for _, y in points}
    corners = {(round(x, 2), round(y, 2)) for x, y in points}
    if len(xs) != 2 or len(ys) != 2 or len(corners) != 4:
        return
    # Each side along one axis: the same four corners in a crossing order draw a bow tie.
    for (x1, y1), (x2, y2) in pairwise(points):
        if (abs(x1 - x2) > _TOLERANCE) == (abs(y1 - y2) > _TOLERANCE):
            return
    _replace_with_rect(polygon, "points", min(xs), min(ys), max(xs), max(ys), None)


def _drop_closing_point(polygon: ET.Element) -> None:
    # dot repeats the first corner at the end (arrowheads, diamonds); a polygon closes
    # itself, so the repeat draws nothing.
    if polygon.tag != f"{SVG}polygon":
        return
    pairs = polygon.get("points", "").split()
    if len(pairs) > 3 and pairs[0] == pairs[-1]:
        polygon.set("points", " ".join(pairs[:-1]))


def _rounded_box_as_rect(path: ET.Element) -> None:
    # style=rounded: eight cubic segments, four straight along the edges and four
    # corners, each corner from r before it over two control points at r/2 to r after.
    d = path.get("d", "")
    # Cheap first: 25 points, 24 of them after the C; edges rarely have that many.
    if d.count(",") != 25 or d.count(" ") != 23:
        return
    match = re.fullmatch(r"M([^C]+)C(.+)", d)
    if not match:
        return
    start = _points(match.group(1))
    rest = _points(match.group(2))
    if not start or not rest or len(start) != 1 or len(rest) != 24:
        return
    points = start + rest
    if not _close(points[0], points[-1]):
        return
    x0, x1 = min(x for x, _ in points), max(x for x, _ in points)
    y0, y1 = min(y for _, y in points), max(y for _, y in points)
    segments = [points[index : index + 4] for index in range(0, 24, 3)]
    radius = None
    straight = 0
    corners: set[Point] = set()
    for segment in segments:
        if _along_one_edge(segment, x0, y0, x1, y1):
            straight += 1
            continue
        corner = _corner_of(segment, x0, y0, x1, y1)
        if corner is None:
            return
        found, r = corner
        if radius is None:
            radius = r
        if abs(r - radius) > _TOLERANCE or found in corners:
            return
        corners.add(found)
    if radius is None or radius <= 0 or straight != 4 or len(corners) != 4:
        return
    _replace_with_rect(path, "d", x0, y0, x1, y1, radius)


def _along_one_edge(segment: list[Point], x0: float, y0: float, x1: float, y1: float) -> bool:
    xs = [x for x, _ in segment]
    ys = [y for _, y in segment]
    on_x = max(xs) - min(xs) <= _TOLERANCE and min(abs(xs[0] - x0), abs(xs[0] - x1)) <= _TOLERANCE
    on_y = max(ys) - min(ys) <= _TOLERANCE and min(abs(ys[0] - y0), abs(ys[0] - y1)) <= _TOLERANCE
    return on_x or on_y


def _corner_of(
    segment: list[Point], x0: float, y0: float, x1: float, y1: float
) -> tuple[Point, float] | None:
    # The corner a curve rounds is the box corner nearest to its control points.
    middle_x = (segment[1][0] + segment[2][0]) / 2
    middle_y = (segment[1][1] + segment[2][1]) / 2
    corner = (
        x0 if abs(middle_x - x0) <= abs(middle_x - x1) else x1,
        y0 if abs(middle_y - y0) <= abs(middle_y - y1) else y1,
    )
    offsets = [(abs(x - corner[0]), abs(y - corner[1])) for x, y in segment]
    # Ends: on the two edges through the corner, at the same distance r from it.
    ends = sorted([offsets[0], offsets[3]])
    radius = ends[0][1]
    if ends[0][0] > _TOLERANCE or ends[1][1] > _TOLERANCE or abs(ends[1][0] - radius) > _TOLERANCE:
        return None
    # Controls: on the same edges, at half that distance.
    half = radius / 2
    controls = sorted([offsets[1], offsets[2]])
    expected = [(0.0, half), (half, 0.0)]
    if any(
        abs(got[axis] - want[axis]) > _TOLERANCE
        for got, want in zip(controls, expected, strict=True)
        for axis in (0, 1)
    ):
        return None
    return corner, radius


def _replace_with_rect(
    element: ET.Element,
    geometry: str,
    x0: float,
    y0: float,
    x1: float,
    y1: float,
    radius: float | None,
) -> None:
    # Keep every other attribute (fill, stroke, stroke-width, dashes) as dot wrote it.
    kept = {name: value for name, value in element.attrib.items() if name != geometry}
    element.clear()
    element.tag = f"{SVG}rect"
    element.set("x", _format(x0))
    element.set("y", _format(y0))
    element.set("width", _format(x1 - x0))
    element.set("height", _format(y1 - y0))
    if radius is not None:
        element.set("rx", _format(radius))
    for name, value in kept.items():
        element.set(name, value)


def _close(a: Point, b: Point) -> bool:
    return abs(a[0] - b[0]) <= _TOLERANCE and abs(a[1] - b[1]) <= _TOLERANCE


def _unwrap_bare_groups(parent: ET.Element) -> None:
    # dot wraps each link in a group that only carried an id; without it the group is
    # an empty shell. A group holding a tooltip (<title>) keeps it for its own shapes.
    children = list(parent)
    for child in children:
        _unwrap_bare_groups(child)
    replaced: list[ET.Element] = []
    for child in children:
        bare = (
            child.tag == f"{SVG}g"
            and not child.attrib
            and child.find(f"{SVG}title") is None
            and not (child.text or "").strip()
        )
        replaced.extend(list(child) if bare else [child])
    if replaced != children:
        for child in children:
            parent.remove(child)
        parent.extend(replaced)


def _hoist(graph: ET.Element, attribute: str, tags: frozenset[str]) -> None:
    # Only the elements the attribute applies to count; the most common value goes to
    # the outermost group and every element that repeated it inherits it from there.
    drawn = [element for element in graph.iter() if element.tag in tags]
    values = Counter(element.get(attribute) for element in drawn if attribute in element.attrib)
    if not values or graph.get(attribute) is not None:
        return
    common, _ = values.most_common(1)[0]
    if common is None:
        return
    # An inner group that sets its own value would shadow the hoisted one for its
    # children; dot does not write these attributes on groups, so this never happens,
    # but the rewrite would then be wrong: leave the attribute where it is.
    if any(
        element.get(attribute) is not None
        for element in graph.iter(f"{SVG}g")
        if element is not graph
    ):
        return
    graph.set(attribute, common)
    for element in drawn:
        if element.get(attribute) == common:
            del element.attrib[attribute]
        elif attribute not in element.attrib:
            # It inherited the initial value before; it must keep it.
            element.set(attribute, _INITIAL[attribute])


_INITIAL = {"stroke": "none", "text-anchor": "start", "font-size": "medium"}
