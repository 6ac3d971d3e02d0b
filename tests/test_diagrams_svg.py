"""Rendered diagrams (real ``dot``): lanes, shapes, links, accessibility, hostile text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from diagram_handbooks import (
    FLOW,
    SVG,
    generated_handbook,
    groups,
    has_class,
    link,
    link_name,
    load,
    parse,
    svg_of,
    texts,
)
from prozesshandbuch.analysis.relations import build_relations
from prozesshandbuch.content.model import (
    Branch,
    Handbook,
    Link,
    Process,
    Role,
    Step,
    StepKind,
    Unit,
)
from prozesshandbuch.content.urls import SiteUrls
from prozesshandbuch.diagrams import Diagrams, build_diagrams
from prozesshandbuch.diagrams.quoting import printable

PACKAGE = Path(__file__).parents[1] / "plugins" / "prozesshandbuch"


@pytest.fixture(scope="module")
def flow_diagrams(tmp_path_factory: pytest.TempPathFactory) -> Diagrams:
    root = tmp_path_factory.mktemp("flow")
    handbook, relations = load(root, FLOW)
    diagrams = build_diagrams(handbook, relations, SiteUrls(), cache_dir=root / "cache")
    assert diagrams.failures == {}
    return diagrams


@pytest.fixture(scope="module")
def process_figure(flow_diagrams: Diagrams) -> ET.Element:
    markup = flow_diagrams.process_svg("pass")
    assert markup is not None
    return parse(markup)


def step_node(svg: ET.Element, name_start: str) -> ET.Element:
    (node,) = [g for g in groups(svg, "ph-step") if link_name(link(g)).startswith(name_start)]
    return node


class TestProcessFlow:
    def test_figure_with_caption(self, process_figure: ET.Element) -> None:
        assert process_figure.tag == "figure"
        assert process_figure.get("class") == "ph-diagram ph-diagram--process"
        # Its words repeat the steps table; Material's search skips it.
        assert process_figure.get("data-search-exclude") == ""
        caption = process_figure.find("figcaption")
        assert caption is not None
        assert caption.text
        assert "Teilprozess" in caption.text

    def test_one_lane_per_role(self, process_figure: ET.Element) -> None:
        lanes = groups(svg_of(process_figure), "ph-lane")
        assert sorted(" ".join(texts(lane)) for lane in lanes) == [
            "Kassiererin",
            "Sachbearbeitung Bürgerbüro",
            "Servicecenter",
        ]
        assert all(has_class(lane, "cluster") for lane in lanes)

    def test_lanes_are_grouped_and_toned_by_unit(self, process_figure: ET.Element) -> None:
        units = {
            " ".join(texts(g)): g.get("class") for g in groups(svg_of(process_figure), "ph-unit")
        }
        assert units == {
            "Bürgerbüro": "cluster ph-unit ph-tone-0",
            "Stadtkasse": "cluster ph-unit ph-tone-1",
        }

    def test_lane_titles_link_to_role_pages(self, process_figure: ET.Element) -> None:
        hrefs = {link(lane).get("href") for lane in groups(svg_of(process_figure), "ph-lane")}
        assert hrefs == {
            "../../rollen/servicecenter/",
            "../../rollen/sachbearbeitung/",
            "../../rollen/kasse/",
        }
        lane = groups(svg_of(process_figure), "ph-lane")[0]
        assert link_name(link(lane)).startswith("Rolle: ")

    def test_steps_link_to_their_anchor(self, process_figure: ET.Element) -> None:
        svg = svg_of(process_figure)
        hrefs = [link(g).get("href") for g in groups(svg, "ph-step") if not has_class(g, "ph-call")]
        assert sorted(hrefs) == sorted(
            [
                "#schritt-termin",
                "#schritt-pruefen",
                "#schritt-nachfordern",
                "#schritt-erfassen",
                "#schritt-6",
                "#schritt-aushaendigen",
            ]
        )

    def test_decision_is_a_diamond(self, process_figure: ET.Element) -> None:
        (decision,) = groups(svg_of(process_figure), "ph-decision")
        (polygon,) = decision.iter(f"{SVG}polygon")
        # Four corners: a polygon closes itself, so dot's repeated first corner is gone.
        assert len(polygon.get("points", "").split()) == 4
        assert texts(decision) == ["2. Unterlagen", "vollständig?"]

    def test_branch_labels_on_edges(self, process_figure: ET.Element) -> None:
        edge_texts = [" ".join(texts(g)) for g in groups(svg_of(process_figure), "edge")]
        assert sorted(text for text in edge_texts if text) == ["ja", "nein"]

    def test_call_node_links_to_the_called_process(self, process_figure: ET.Element) -> None:
        (call,) = groups(svg_of(process_figure), "ph-call")
        anchor = link(call)
        assert anchor.get("href") == "../gebuehren/"
        assert link_name(anchor) == (
            "Schritt 5: Gebühr erheben – Teilprozess „Gebühren kassieren“ öffnen"
        )
        borders = [e for e in call.iter() if e.tag in (f"{SVG}polygon", f"{SVG}rect")]
        assert len(borders) == 2  # double border

    def test_start_end_and_loop(self, process_figure: ET.Element) -> None:
        svg = svg_of(process_figure)
        assert [texts(g) for g in groups(svg, "ph-start")] == [["Start"]]
        assert [texts(g) for g in groups(svg, "ph-end")] == [["Ende"]]
        assert len(groups(svg, "ph-loop")) == 1

    def test_handoffs_to_other_units_stand_out(self, process_figure: ET.Element) -> None:
        handoffs = groups(svg_of(process_figure), "ph-handoff-unit")
        assert len(handoffs) == 3
        for edge in handoffs:
            path = next(edge.iter(f"{SVG}path"))
            assert path.get("stroke-dasharray")
            assert path.get("stroke-width") == "2"


class TestAccessibility:
    def test_name_and_description_at_the_top(self, process_figure: ET.Element) -> None:
        svg = svg_of(process_figure)
        assert svg.get("role") == "group"
        assert svg.get("aria-label") == "Ablaufdiagramm: Reisepass beantragen"
        title, desc = svg[0], svg[1]
        assert title.tag == f"{SVG}title"
        assert title.text == "Ablaufdiagramm: Reisepass beantragen"
        assert desc.tag == f"{SVG}desc"
        assert svg.get("aria-describedby") == desc.get("id")
        assert desc.text
        assert desc.text.endswith(
            "Die Tabelle der Schritte unten enthält denselben Ablauf als Text."
        )

    def test_links_have_real_href_and_a_step_name(self, process_figure: ET.Element) -> None:
        anchors = list(svg_of(process_figure).iter(f"{SVG}a"))
        assert anchors
        for anchor in anchors:
            assert anchor.get("href")
            assert not [name for name in anchor.attrib if "xlink" in name]
            # The name comes from the <title> (the tooltip); an aria-label would repeat it.
            assert anchor.get("aria-label") is None
            title = anchor[0]
            assert title.tag == f"{SVG}title"
            assert link_name(anchor)
        node = step_node(svg_of(process_figure), "Schritt 4")
        assert link_name(link(node)) == "Schritt 4: Antrag erfassen"

    def test_no_dot_leftovers(self, flow_diagrams: Diagrams, process_figure: ET.Element) -> None:
        markup = flow_diagrams.process_svg("pass")
        assert markup is not None
        assert "<?xml" not in markup
        assert "<!" not in markup  # no doctype, no comments
        assert "\n" not in markup  # a blank line would end a raw HTML block in Markdown
        svg = svg_of(process_figure)
        titles = [t.text for t in svg.iter(f"{SVG}title")]
        assert not [
            t for t in titles if t and (t.startswith(("n", "cluster_", "G")) and " " not in t)
        ]
        ids = [e.get("id") for e in svg.iter() if e.get("id")]
        assert ids == ["ph-diagram-process-pass-title", "ph-diagram-process-pass-desc"]
        assert not [e for e in svg.iter() if e.get("fill") == "white"]
        # The font comes from diagrams.css, once, not from an attribute on every label.
        labels = list(svg.iter(f"{SVG}text"))
        assert labels
        assert not [t for t in labels if "font-family" in t.attrib]
        # The common size is said once, on the drawing's group, and inherited.
        graph = svg.find(f"{SVG}g")
        assert graph is not None
        assert graph.get("font-size")
        assert [t for t in labels if "font-size" not in t.attrib]
        stylesheet = (PACKAGE / "assets" / "diagrams.css").read_text(encoding="utf-8")
        assert re.search(r"\.ph-diagram-svg text \{[^}]*font-family:", stylesheet)

    def test_drawn_at_one_pixel_per_point_in_a_scrolling_box(
        self, process_figure: ET.Element
    ) -> None:
        svg = svg_of(process_figure)
        assert svg.get("viewBox")
        assert svg.get("class") == "ph-diagram-svg"
        width = svg.get("width", "")
        assert width.isdigit()
        assert float(svg.get("viewBox", "").split()[2]) == float(width)
        box = process_figure.find("div")
        assert box is not None
        assert box.get("class") == "ph-diagram-scroll"
        assert (box.get("role"), box.get("tabindex")) == ("region", "0")
        button = process_figure.find("button")
        assert button is not None
        assert button.text == "Diagramm in voller Größe öffnen"


class TestUnitMaps:
    def test_full_map_links_to_unit_pages(self, flow_diagrams: Diagrams) -> None:
        markup = flow_diagrams.unit_map_svg()
        assert markup is not None
        svg = svg_of(parse(markup))
        nodes = groups(svg, "ph-unit-node")
        assert sorted(link(node).get("href") or "" for node in nodes) == [
            "buergerbuero/",
            "kasse/",
        ]
        counts = sorted(" ".join(texts(g)) for g in groups(svg, "ph-interface"))
        assert counts == ["1", "1"]
        assert svg.get("aria-label") == "Schnittstellenlandkarte der Organisationseinheiten"
        assert svg[1].text == (
            "Übergaben zwischen Organisationseinheiten über alle Prozesse: Bürgerbüro an "
            "Stadtkasse eine Übergabe; Stadtkasse an Bürgerbüro eine Übergabe."
        )

    def test_neighbourhood_of_one_unit(self, flow_diagrams: Diagrams) -> None:
        markup = flow_diagrams.unit_neighbourhood_svg("kasse")
        assert markup is not None
        svg = svg_of(parse(markup))
        (current,) = groups(svg, "ph-current")
        assert texts(current) == ["Stadtkasse"]
        assert not list(current.iter(f"{SVG}a"))  # no link to the page itself
        hrefs = [a.get("href") for a in svg.iter(f"{SVG}a")]
        assert hrefs == ["../buergerbuero/"]
        assert svg.get("aria-label") == "Schnittstellen von Stadtkasse"

    def test_absent_diagrams_are_none(self, flow_diagrams: Diagrams) -> None:
        assert flow_diagrams.process_svg("gibt-es-nicht") is None
        assert flow_diagrams.unit_neighbourhood_svg("gibt-es-nicht") is None

    def test_penwidth_grows_with_handoffs(self, tmp_path: Path) -> None:
        handbook = generated_handbook(processes=6, steps=12)
        diagrams = build_diagrams(handbook, build_relations(handbook), SiteUrls(), tmp_path)
        markup = diagrams.unit_map_svg()
        assert markup is not None
        widths: dict[int, set[float]] = {}
        for edge in groups(svg_of(parse(markup)), "ph-interface"):
            count = int(" ".join(texts(edge)))
            path = next(edge.iter(f"{SVG}path"))
            widths.setdefault(count, set()).add(float(path.get("stroke-width", "1")))
        ordered = [max(widths[count]) for count in sorted(widths)]
        assert len(ordered) > 1
        assert ordered == sorted(ordered)


def test_english(tmp_path: Path) -> None:
    handbook, relations = load(tmp_path, FLOW)
    diagrams = build_diagrams(handbook, relations, SiteUrls(), None, language="en")
    markup = diagrams.process_svg("pass")
    assert markup is not None
    svg = svg_of(parse(markup))
    assert svg.get("aria-label") == "Flow diagram: Reisepass beantragen"
    assert svg[1].text
    assert svg[1].text.endswith("The table of steps below contains the same flow as text.")
    assert [texts(g) for g in groups(svg, "ph-end")] == [["End"]]


def test_forty_steps_render(tmp_path: Path) -> None:
    handbook = generated_handbook(processes=2, steps=40)
    diagrams = build_diagrams(handbook, build_relations(handbook), SiteUrls(), tmp_path)
    assert diagrams.failures == {}
    markup = diagrams.process_svg("p0")
    assert markup is not None
    assert len(groups(svg_of(parse(markup)), "ph-step")) == 40


# --- Hostile text ------------------------------------------------------------------------

HOSTILE = [
    'Sag "Hallo"',
    "C:\\Akten\\Eingang",
    "<b>fett</b>",
    "{Mengen}",
    "a; b",
    "Feld ]",
    "vorher -> nachher",
    "endet mit\\",
    "Zeile 1\nZeile 2",
    '"]; x [URL="javascript:alert(1)"',
    "\\N \\G \\n \\l",
    "\\E \\T \\H \\L \\r",
    "&amp; &lt;b&gt; & <",
    "javascript:alert(1)",
    "Absatz\n\nzwei\x00drei",
]


def hostile_handbook() -> Handbook:
    units = {"amt": Unit(id="amt", title="Amt <i>\\"), "kasse": Unit(id="kasse", title='K"; }')}
    roles = {
        "a": Role(id="a", title='Rolle "a" {x}', unit="amt"),
        "b": Role(id="b", title="Rolle ] -> b\\", unit="kasse"),
    }
    steps = [
        Step(id=f"s{index}", title=title, role="a" if index % 2 else "b")
        for index, title in enumerate(HOSTILE)
    ]
    steps.append(
        Step(
            id="wahl",
            title="Entscheidung?",
            kind=StepKind.DECISION,
            role="a",
            next=[Branch(to="end", when='ja"; ]\\'), Branch(to="s0", when="<nein>\n{}")],
        )
    )
    process = Process(
        id="boese",
        title='Prozess "<script>alert(1)</script>" \\\n\n\x07',
        owner="a",
        steps=steps,
        documents=[Link(title="Formular", url="javascript:alert(2)")],
        legal_basis=[Link(title="Gesetz", url="javascript:alert(3)")],
    )
    return Handbook(processes={"boese": process}, roles=roles, units=units)


@pytest.fixture(scope="module")
def hostile_svg(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, ET.Element]:
    handbook = hostile_handbook()
    diagrams = build_diagrams(
        handbook, build_relations(handbook), SiteUrls(), tmp_path_factory.mktemp("hostile")
    )
    assert diagrams.failures == {}
    markup = diagrams.process_svg("boese")
    assert markup is not None
    return markup, svg_of(parse(markup))


@pytest.mark.parametrize(("number", "title"), list(enumerate(HOSTILE, start=1)))
def test_hostile_step_title_is_drawn_literally(
    hostile_svg: tuple[str, ET.Element], number: int, title: str
) -> None:
    _, svg = hostile_svg
    node = step_node(svg, f"Schritt {number}:")
    # dot breaks lines only where we did (spaces, newlines); joined they give the title
    # back, with characters XML cannot hold (here NUL) as spaces.
    lines = printable(f"{number}. {title}").split("\n")
    assert " ".join(line for line in texts(node) if line) == " ".join(
        line for line in lines if line
    )
    anchor = link(node)
    assert link_name(anchor) == f"Schritt {number}: " + " ".join(printable(title).split())
    assert anchor[0].text == f"Schritt {number}: {printable(title)}"
    assert anchor.get("href") == f"#schritt-s{number - 1}"


def test_hostile_lanes_units_and_branches(hostile_svg: tuple[str, ET.Element]) -> None:
    _, svg = hostile_svg
    assert sorted(" ".join(texts(g)) for g in groups(svg, "ph-lane")) == [
        'Rolle "a" {x}',
        "Rolle ] -> b\\",
    ]
    assert sorted(" ".join(texts(g)) for g in groups(svg, "ph-unit")) == ["Amt <i>\\", 'K"; }']
    names = sorted(link_name(link(g)) for g in groups(svg, "ph-lane") + groups(svg, "ph-unit"))
    assert names == [
        "Organisationseinheit: Amt <i>\\",
        'Organisationseinheit: K"; }',
        'Rolle: Rolle "a" {x}',
        "Rolle: Rolle ] -> b\\",
    ]
    tooltips = {t.text for g in groups(svg, "ph-handoff-unit") for t in g.iter(f"{SVG}title")}
    assert tooltips == {'Übergabe von Amt <i>\\ an K"; }', 'Übergabe von K"; } an Amt <i>\\'}
    labels = {" ".join(texts(g)) for g in groups(svg, "edge")} - {""}
    assert labels == {'ja"; ]\\', "<nein> {}"}
    assert svg.get("aria-label") == 'Ablaufdiagramm: Prozess "<script>alert(1)</script>" \\'
    assert svg[0].text == svg.get("aria-label")


def test_hostile_text_adds_no_nodes_links_or_markup(hostile_svg: tuple[str, ET.Element]) -> None:
    markup, svg = hostile_svg
    assert "\n" not in markup  # a blank line would end the raw HTML block in Markdown
    assert len(groups(svg, "ph-step")) == len(HOSTILE) + 1
    hrefs = [a.get("href") or "" for a in svg.iter(f"{SVG}a")]
    assert all(
        href.startswith(("#schritt-", "../../rollen/", "../../einheiten/")) for href in hrefs
    )
    for element in svg.iter():
        assert element.tag.startswith(SVG)
        assert element.tag[len(SVG) :] not in {"script", "b", "i", "foreignObject"}
        for name, value in element.attrib.items():
            assert not name.startswith("on")
            if name in {"href", "src", "action"}:
                assert "javascript:" not in value
    # URLs from content (documents, legal basis) never reach a diagram, even as text.
    assert "alert(2)" not in markup
    assert "alert(3)" not in markup


def test_odd_but_possible_processes_render(tmp_path: Path) -> None:
    """Only role-less calls (no lane at all), and a role the handbook does not know."""
    units = {"amt": Unit(id="amt", title="Amt")}
    roles = {"a": Role(id="a", title="A", unit="amt")}
    processes = {
        "rufer": Process(
            id="rufer",
            title="Nur Aufrufe",
            owner="a",
            steps=[Step(title="Erst", calls="ziel"), Step(title="Dann", calls="ziel")],
        ),
        "ziel": Process(
            id="ziel",
            title="Ziel",
            owner="a",
            steps=[Step(title="Tun", role="a"), Step(title="Fremd", role="unbekannt")],
        ),
    }
    handbook = Handbook(processes=processes, roles=roles, units=units)
    diagrams = build_diagrams(handbook, build_relations(handbook), SiteUrls(), tmp_path)
    assert diagrams.failures == {}
    calls = parse(diagrams.process_svg("rufer") or "")
    assert not groups(svg_of(calls), "ph-lane")
    assert [link(g).get("href") for g in groups(svg_of(calls), "ph-call")] == ["../ziel/"] * 2
    unknown = svg_of(parse(diagrams.process_svg("ziel") or ""))
    lanes = {" ".join(texts(g)): list(g.iter(f"{SVG}a")) for g in groups(unknown, "ph-lane")}
    assert sorted(lanes) == ["A", "unbekannt"]
    assert not lanes["unbekannt"]  # no page to link to
