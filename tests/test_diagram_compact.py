"""compact.py: dot's drawing in less markup, and still the same drawing.

The rules are checked on small hand-written pieces of SVG; that the drawing did not
change is checked where it matters, in Chromium: every diagram of the demo handbook is
rasterised with and without the compaction and the pixels are compared.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import Browser

from diagram_handbooks import SVG
from pagebuild import demo_context
from prozesshandbuch.diagrams import build_diagrams
from prozesshandbuch.diagrams import svg as svg_module
from prozesshandbuch.diagrams.compact import compact
from prozesshandbuch.diagrams.svg import accessible_svg

NS = "http://www.w3.org/2000/svg"


def compacted(inner: str) -> ET.Element:
    """``inner`` as the content of dot's outer graph group, after compaction."""
    root = ET.fromstring(f'<svg xmlns="{NS}"><g class="graph">{inner}</g></svg>')
    compact(root)
    graph = root.find(f"{SVG}g")
    assert graph is not None
    return graph


# A step box as dot draws it with style=rounded: x 459.5–588.5, y -153–-117, radius 12.
ROUNDED_BOX = (
    "M576.5,-153C576.5,-153 471.5,-153 471.5,-153 465.5,-153 459.5,-147 459.5,-141 "
    "459.5,-141 459.5,-129 459.5,-129 459.5,-123 465.5,-117 471.5,-117 471.5,-117 "
    "576.5,-117 576.5,-117 582.5,-117 588.5,-123 588.5,-129 588.5,-129 588.5,-141 "
    "588.5,-141 588.5,-147 582.5,-153 576.5,-153"
)


class TestShapes:
    def test_a_rounded_box_becomes_a_rect_with_its_radius(self) -> None:
        graph = compacted(
            f'<path fill="none" stroke="black" stroke-dasharray="5,2" d="{ROUNDED_BOX}"/>'
        )
        (rect,) = graph
        assert rect.tag == f"{SVG}rect"
        assert {k: rect.get(k) for k in ("x", "y", "width", "height", "rx")} == {
            "x": "459.5",
            "y": "-153",
            "width": "129",
            "height": "36",
            "rx": "12",
        }
        # What dot said about the line stays with the shape.
        assert rect.get("fill") == "none"
        assert rect.get("stroke-dasharray") == "5,2"

    def test_a_box_with_one_corner_out_of_place_stays_a_path(self) -> None:
        bent = ROUNDED_BOX.replace("465.5,-117", "466.5,-117")
        (shape,) = compacted(f'<path fill="none" d="{bent}"/>')
        assert shape.tag == f"{SVG}path"

    def test_an_edge_stays_a_path_with_shorter_numbers(self) -> None:
        (edge,) = compacted(
            '<path fill="none" d="M300,-699.69C300,-694.1 300.04,-688 -0.04,-682.25"/>'
        )
        assert edge.tag == f"{SVG}path"
        assert edge.get("d") == "M300,-699.7C300,-694.1 300,-688 0,-682.2"

    def test_a_lane_polygon_becomes_a_rect(self) -> None:
        (lane,) = compacted(
            '<polygon fill="none" points="16,-16 16,-749 250,-749 250,-16 16,-16"/>'
        )
        assert lane.tag == f"{SVG}rect"
        assert [lane.get(k) for k in ("x", "y", "width", "height")] == ["16", "-749", "234", "733"]
        assert lane.get("rx") is None

    def test_four_corners_in_a_crossing_order_stay_a_polygon(self) -> None:
        (bow_tie,) = compacted('<polygon points="0,0 10,-10 10,0 0,-10 0,0"/>')
        assert bow_tie.tag == f"{SVG}polygon"

    def test_a_diamond_stays_a_polygon_without_the_repeated_corner(self) -> None:
        (diamond,) = compacted('<polygon points="50,0 100,-25 50,-50 0,-25 50,0"/>')
        assert diamond.tag == f"{SVG}polygon"
        assert diamond.get("points") == "50,0 100,-25 50,-50 0,-25"


class TestInheritance:
    def test_the_common_value_moves_to_the_graph_and_the_rest_keep_theirs(self) -> None:
        graph = compacted(
            '<text font-size="11.00" text-anchor="middle">a</text>'
            '<text font-size="11.00" text-anchor="middle">b</text>'
            '<text font-size="12.00" text-anchor="middle">c</text>'
            '<text font-size="11.00">d</text>'
        )
        assert graph.get("font-size") == "11"
        assert graph.get("text-anchor") == "middle"
        assert [t.get("font-size") for t in graph] == [None, None, "12", None]
        # "d" was drawn from its start before; inheriting "middle" would move it.
        assert [t.get("text-anchor") for t in graph] == [None, None, None, "start"]

    def test_labels_keep_having_no_outline(self) -> None:
        graph = compacted(
            '<path stroke="black" d="M0,0C1,1 2,2 3,3"/><polygon stroke="black" '
            'points="0,0 5,5 0,5 0,0"/><text>x</text>'
        )
        assert graph.get("stroke") == "black"
        path, polygon, label = graph
        assert path.get("stroke") is None
        assert polygon.get("stroke") is None
        assert label.get("stroke") == "none"

    def test_a_group_that_sets_its_own_value_stops_the_move(self) -> None:
        graph = compacted(
            '<g font-size="9"><text font-size="11.00">a</text></g><text font-size="11.00">b</text>'
        )
        assert graph.get("font-size") is None
        assert [t.get("font-size") for t in graph.iter(f"{SVG}text")] == ["11", "11"]

    def test_bare_wrappers_go_and_groups_with_a_tooltip_stay(self) -> None:
        graph = compacted(
            '<g class="node"><g><a href="#s1"><text>1</text></a></g></g>'
            '<g class="node"><g><title>Hinweis</title><text>2</text></g></g>'
        )
        first, second = graph
        assert [child.tag for child in first] == [f"{SVG}a"]
        assert [child.tag for child in second] == [f"{SVG}g"]


# -- the same drawing, in a real browser (the session's Chromium, browser_fixtures.py) ------

COMPARE = """
async ([before, after]) => {
  const load = (markup) => new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error("not an image"));
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(markup);
  });
  const pixels = (image) => {
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0);
    return context.getImageData(0, 0, canvas.width, canvas.height).data;
  };
  const [a, b] = await Promise.all([load(before), load(after)]);
  if (a.width !== b.width || a.height !== b.height) {
    return { size: [a.width, a.height, b.width, b.height] };
  }
  const p = pixels(a), q = pixels(b), w = a.width, h = a.height;
  // A pixel differs when nothing within one pixel of it in the other picture is close
  // in colour: a label that moved by a twentieth of a pixel may be snapped to the next
  // whole pixel, and that is the same drawing. Both directions, so ink that only one
  // picture has always counts.
  const near = (x, y, from, to) => {
    const i = (y * w + x) * 4;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const u = x + dx, v = y + dy;
        if (u < 0 || v < 0 || u >= w || v >= h) continue;
        const j = (v * w + u) * 4;
        const gap = Math.max(Math.abs(from[i] - to[j]), Math.abs(from[i + 1] - to[j + 1]),
          Math.abs(from[i + 2] - to[j + 2]));
        if (gap <= 96) return true;
      }
    }
    return false;
  };
  let ink = 0, differ = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      if (Math.min(p[i], p[i + 1], p[i + 2]) < 160) ink++;
      if (!near(x, y, p, q) || !near(x, y, q, p)) differ++;
    }
  }
  return { ink, differ };
}
"""


@pytest.fixture(scope="module")
def demo_raw_svgs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """dot's own output for every diagram of the demo handbook, as the cache keeps it."""
    root = tmp_path_factory.mktemp("demo")
    ctx = demo_context(root)
    cache = root / "cache"
    diagrams = build_diagrams(ctx.handbook, ctx.relations, ctx.urls, cache_dir=cache)
    assert diagrams.figures
    assert not diagrams.failures
    # The cache also keeps finished <figure> markup; dot's own output is the <svg> files.
    files = [path.read_text(encoding="utf-8") for path in sorted(cache.rglob("*.svg"))]
    raw = [text for text in files if text.lstrip().startswith(("<?xml", "<svg"))]
    assert len(raw) >= len(ctx.handbook.processes)
    return raw


def both_versions(raw: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The diagram as pages carry it, once without and once with the compaction."""
    made = {"dom_id": "d", "name": "Diagramm", "description": "Beschreibung"}
    with monkeypatch.context() as patched:
        patched.setattr(svg_module, "compact", lambda root: None)
        before = accessible_svg(raw, **made)
    return before, accessible_svg(raw, **made)


def compare(browser: Browser, before: str, after: str) -> dict[str, object]:
    page = browser.new_page()
    try:
        result: dict[str, object] = page.evaluate(COMPARE, [before, after])
    finally:
        page.close()
    return result


def test_every_demo_diagram_draws_the_same_and_weighs_less(
    browser: Browser, demo_raw_svgs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = 0
    for raw in demo_raw_svgs:
        before, after = both_versions(raw, monkeypatch)
        result = compare(browser, before, after)
        assert "size" not in result, result
        ink, differ = int(str(result["ink"])), int(str(result["differ"]))
        assert ink > 500, "nothing was drawn: the comparison would prove nothing"
        # Rounded corners are arcs now rather than dot's Bézier curves, and numbers
        # moved by at most 0.05 px: nothing further than a pixel from where it was.
        assert differ <= ink * 0.002, (differ, ink)
        saved += len(before) - len(after)
        assert len(after) < len(before) * 0.75
    assert saved > 0


def test_the_comparison_sees_a_missing_step_box(
    browser: Browser, demo_raw_svgs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The check above must be able to fail: drop one step's box and its label.
    raw = max(demo_raw_svgs, key=len)
    before, after = both_versions(raw, monkeypatch)
    root = ET.fromstring(after)
    node = next(g for g in root.iter(f"{SVG}g") if "ph-step" in g.get("class", "").split())
    node.clear()
    broken = ET.tostring(root, encoding="unicode")
    result = compare(browser, before, broken)
    assert int(str(result["differ"])) > int(str(result["ink"])) * 0.01, result
