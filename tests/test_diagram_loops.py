"""Loops back within one lane stay visible: drawn by real ``dot`` for every demo process,
no such loop runs through a step it does not connect (a loop hidden behind the forward
arrows reads as if there were none).

Loops between lanes are routed by dot alone, and dot does not route them the same way
in every run (the layout of one graph can differ with the batch it is drawn in), so
they are not part of this check; see the README on diagrams."""

from __future__ import annotations

import re

import pytest

from browser_support import REPO_ROOT
from conftest import FIXED_TODAY
from prozesshandbuch.analysis.relations import build_relations
from prozesshandbuch.content.check import check_handbook
from prozesshandbuch.content.urls import SiteUrls
from prozesshandbuch.diagrams import build_diagrams

GRAZE = 5.0
"""Pixels a loop may cut into a step's edge without counting as running through it."""
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
NODE = re.compile(r'<g class="node ([^"]*)"(.*?)</g>', re.S)
# The first path after a loop's group: a hand-off's tooltip wraps it in further groups.
LOOP = re.compile(
    r'<g class="edge ph-edge[^"]*\bph-loop-lane\b[^"]*".*?<path[^>]*\bd="([^"]+)"', re.S
)


def _points(text: str) -> list[tuple[float, float]]:
    numbers = [float(n) for n in NUMBER.findall(text)]
    return list(zip(numbers[0::2], numbers[1::2], strict=True))


def _curve(path: str, samples: int = 24) -> list[tuple[float, float]]:
    """Points along dot's cubic Bézier spline ``M p0 C p1 p2 p3 p4 p5 p6 …``."""
    p = _points(path)
    curve = [p[0]]
    for i in range(1, len(p) - 2, 3):
        (ax, ay), (bx, by), (cx, cy), (dx, dy) = p[i - 1], p[i], p[i + 1], p[i + 2]
        for k in range(1, samples + 1):
            t = k / samples
            u = 1 - t
            curve.append(
                (
                    u**3 * ax + 3 * u * u * t * bx + 3 * u * t * t * cx + t**3 * dx,
                    u**3 * ay + 3 * u * u * t * by + 3 * u * t * t * cy + t**3 * dy,
                )
            )
    return curve


def _step_shapes(svg: str) -> dict[str, list[tuple[float, float]]]:
    """Each step's outline (rectangle, rounded box or decision diamond) by its label."""
    shapes: dict[str, list[tuple[float, float]]] = {}
    for classes, body in NODE.findall(svg):
        shape = re.search(r'\b(?:points|d)="([^"]+)"', body)
        if "ph-step" in classes.split() and shape is not None:
            label = " ".join(re.findall(r">([^<]+)</text>", body))
            shapes[label] = _points(shape.group(1))
    return shapes


def _near(outline: list[tuple[float, float]], point: tuple[float, float], margin: float) -> bool:
    xs, ys = zip(*outline, strict=True)
    return min(xs) - margin <= point[0] <= max(xs) + margin and (
        min(ys) - margin <= point[1] <= max(ys) + margin
    )


def _inside(outline: list[tuple[float, float]], point: tuple[float, float]) -> bool:
    """Ray casting: whether ``point`` lies within the polygon ``outline``."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(outline, outline[1:] + outline[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def steps_crossed_by_loops(svg: str) -> list[str]:
    """Labels of steps a loop runs through, other than the two it connects."""
    crossed = []
    shapes = _step_shapes(svg)
    for path in LOOP.findall(svg):
        curve = _curve(path)
        for label, outline in shapes.items():
            if _near(outline, curve[0], 8) or _near(outline, curve[-1], 8):
                continue  # the loop's own ends
            # Through, not grazing: a spline may clip a rounded corner by a few pixels.
            if any(_inside(outline, p) and _near(outline, p, -GRAZE) for p in curve):
                crossed.append(label)
    return crossed


@pytest.fixture(scope="module")
def demo_figures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    content = REPO_ROOT / "content"
    handbook = check_handbook(content, REPO_ROOT, FIXED_TODAY).handbook
    cache = tmp_path_factory.mktemp("loop-diagrams")
    diagrams = build_diagrams(handbook, build_relations(handbook), SiteUrls(), cache)
    return {
        process_id: svg
        for process_id in handbook.processes
        if (svg := diagrams.process_svg(process_id)) is not None and "ph-loop-lane" in svg
    }


def test_the_demo_has_loops_to_check(demo_figures: dict[str, str]) -> None:
    assert len(demo_figures) >= 5
    assert all(LOOP.search(svg) for svg in demo_figures.values())


def test_no_loop_runs_through_a_step_it_does_not_connect(demo_figures: dict[str, str]) -> None:
    crossed = {
        pid: steps for pid, svg in demo_figures.items() if (steps := steps_crossed_by_loops(svg))
    }
    assert crossed == {}


def test_the_check_sees_a_loop_drawn_through_a_step() -> None:
    # A step box from (0,0) to (100,40) and a loop that runs straight through it from
    # a step below to a step above: the check must name the step in the middle.
    step = (
        '<g class="node ph-step"><path d="M0,{0} L100,{0} L100,{1} L0,{1} Z"/><text>{2}</text></g>'
    )
    svg = (
        step.format(0, 40, "3. Mitte")
        + step.format(100, 140, "4. Unten")
        + step.format(-100, -60, "2. Oben")
        + '<g class="edge ph-edge ph-loop ph-loop-lane"><path d="M50,100C50,50 50,0 50,-60"/></g>'
    )
    assert steps_crossed_by_loops(svg) == ["3. Mitte"]
