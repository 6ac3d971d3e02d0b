"""DOT text of the diagrams: golden and structural tests that need no Graphviz binary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import MINIMAL
from diagram_handbooks import FLOW, load
from prozesshandbuch.analysis.relations import Relations
from prozesshandbuch.content.model import Handbook
from prozesshandbuch.content.urls import SiteUrls
from prozesshandbuch.diagrams import diagram_sources
from prozesshandbuch.diagrams.process_graph import process_diagram
from prozesshandbuch.diagrams.quoting import attr_list, quote, wrap
from prozesshandbuch.diagrams.unit_map import penwidth, unit_map_diagram
from prozesshandbuch.i18n import Texts

GERMAN, ENGLISH = Texts("de"), Texts("en")

MINIMAL_DOT = """\
digraph G {
graph [fontname="Helvetica,Arial,sans-serif", fontsize="12", class="ph-flow", rankdir="TB", \
newrank="true", nodesep="0.3", ranksep="0.35", outputorder="edgesfirst", forcelabels="true"];
node [fontname="Helvetica,Arial,sans-serif", fontsize="11", shape="box", style="rounded", \
margin="0.1"];
edge [fontname="Helvetica,Arial,sans-serif", fontsize="11", arrowsize="0.7"];
s [label="Start", class="ph-start", shape="circle", style="solid", fixedsize="true", \
width="0.6", fontsize="11"];
n0 [label="1. Antrag prüfen", class="ph-step ph-task", URL="#schritt-pruefen", \
tooltip="Schritt 1: Antrag prüfen"];
n1 [label="2. Bescheid zeichnen", class="ph-step ph-task", URL="#schritt-2", \
tooltip="Schritt 2: Bescheid zeichnen"];
e1 [label="Ende", class="ph-end", shape="circle", style="solid", fixedsize="true", \
width="0.6", fontsize="11", penwidth="2.5"];
subgraph cluster_u0 {
graph [label="Bürgeramt", class="ph-unit ph-tone-0", style="rounded", labeljust="l", \
URL="../../einheiten/amt/", tooltip="Organisationseinheit: Bürgeramt"];
subgraph cluster_r0 {
graph [label="Sachbearbeitung", class="ph-lane", style="solid", \
URL="../../rollen/sachbearbeitung/", tooltip="Rolle: Sachbearbeitung"];
t0 [shape="point", style="invis", width="0", height="0", label=""];
s; n0;
b0 [shape="point", style="invis", width="0", height="0", label=""];
}
subgraph cluster_r1 {
graph [label="Leitung Bürgeramt", class="ph-lane", style="solid", URL="../../rollen/leitung/", \
tooltip="Rolle: Leitung Bürgeramt"];
t1 [shape="point", style="invis", width="0", height="0", label=""];
n1; e1;
b1 [shape="point", style="invis", width="0", height="0", label=""];
}
}
s -> n0 [class="ph-edge"];
n0 -> n1 [class="ph-edge ph-handoff"];
n1 -> e1 [class="ph-edge"];
{rank=same; t0; t1;}
{rank=same; b0; b1;}
t0 -> s [style="invis", weight="0"];
e1 -> b1 [style="invis", weight="0"];
}
"""

FLOW_MAP_DOT = """\
digraph G {
graph [fontname="Helvetica,Arial,sans-serif", fontsize="12", class="ph-map", rankdir="LR", \
nodesep="0.4", ranksep="0.6"];
node [fontname="Helvetica,Arial,sans-serif", fontsize="11", shape="box", style="rounded", \
margin="0.1"];
edge [fontname="Helvetica,Arial,sans-serif", fontsize="11", arrowsize="0.7"];
u0 [label="Bürgerbüro", class="ph-unit-node ph-tone-0", \
tooltip="Organisationseinheit: Bürgerbüro", URL="buergerbuero/"];
u1 [label="Stadtkasse", class="ph-unit-node ph-tone-1", \
tooltip="Organisationseinheit: Stadtkasse", URL="kasse/"];
u0 -> u1 [label="1", decorate="true", class="ph-interface", penwidth="1", weight="1", \
tooltip="Bürgerbüro an Stadtkasse: eine Übergabe"];
u1 -> u0 [label="1", decorate="true", class="ph-interface", penwidth="1", weight="1", \
tooltip="Stadtkasse an Bürgerbüro: eine Übergabe"];
}
"""


@pytest.fixture
def flow(tmp_path: Path) -> tuple[Handbook, Relations]:
    return load(tmp_path, FLOW)


def source_of(tmp_path: Path, files: dict[str, str], key: str, urls: SiteUrls | None = None) -> str:
    handbook, relations = load(tmp_path, files)
    by_key = {d.key: d for d in diagram_sources(handbook, relations, urls or SiteUrls())}
    return by_key[key].source


@pytest.mark.parametrize(
    ("text", "literal"),
    [
        ("Antrag prüfen", '"Antrag prüfen"'),
        ('Sag "ja"', r'"Sag \"ja\""'),
        ("C:\\Akten", r'"C:\\Akten"'),
        ("Ende\\", r'"Ende\\"'),
        ("\\N und \\G", r'"\\N und \\G"'),
        ("Zeile 1\nZeile 2", r'"Zeile 1\nZeile 2"'),
        ("Zeile 1\r\nZeile 2", r'"Zeile 1\nZeile 2"'),
        ("<b>fett</b>", '"<b>fett</b>"'),
        ("{a}; b] -> c", '"{a}; b] -> c"'),
        ("Tom &amp; Jerry", '"Tom &amp;amp; Jerry"'),
        ("Tab\there\x00bell\x07", '"Tab here bell "'),
        ("\ud800lone", '" lone"'),
        ("", '""'),
    ],
)
def test_quote_keeps_every_character_literal(text: str, literal: str) -> None:
    assert quote(text) == literal


@pytest.mark.parametrize(
    ("text", "literal"),
    [
        ("Rolle: A", '"Rolle: A"'),
        ("C:\\Akten", r'"C:\\\\Akten"'),
        ('\\"', r'"\\\\\""'),
        ("Zeile 1\nZeile 2", r'"Zeile 1\nZeile 2"'),
    ],
)
def test_tooltips_escape_backslashes_once_more(text: str, literal: str) -> None:
    assert quote(text, tooltip=True) == literal
    assert attr_list({"tooltip": text}) == f"[tooltip={literal}]"


def test_quoted_text_never_closes_the_string() -> None:
    hostile = 'a" URL="javascript:alert(1)" x="\\'
    for literal in (quote(hostile), quote(hostile, tooltip=True)):
        # Between the outer quotes every '"' is escaped by an odd run of backslashes.
        inner = literal[1:-1]
        assert not inner.endswith("\\") or (len(inner) - len(inner.rstrip("\\"))) % 2 == 0
        for match in re.finditer('"', inner):
            run = len(inner[: match.start()]) - len(inner[: match.start()].rstrip("\\"))
            assert run % 2 == 1


def test_attr_list_quotes_values_and_rejects_names_from_content() -> None:
    assert attr_list({"label": "x", "width": 0.6, "fixedsize": True, "peripheries": 2}) == (
        '[label="x", width="0.6", fixedsize="true", peripheries="2"]'
    )
    with pytest.raises(ValueError, match="not a DOT attribute name"):
        attr_list({"label=x, URL": "y"})


def test_wrap_breaks_between_words_only() -> None:
    text = "Fehlende Unterlagen schriftlich nachfordern"
    assert wrap(text, 16) == "Fehlende\nUnterlagen\nschriftlich\nnachfordern"
    assert wrap("Donaudampfschifffahrtsgesellschaft", 10) == "Donaudampfschifffahrtsgesellschaft"
    assert wrap("eins\nzwei drei", 20) == "eins\nzwei drei"


def test_minimal_process_golden(tmp_path: Path) -> None:
    assert source_of(tmp_path, MINIMAL, "process:antrag") == MINIMAL_DOT


def test_unit_map_golden(tmp_path: Path) -> None:
    assert source_of(tmp_path, FLOW, "units") == FLOW_MAP_DOT


def test_links_follow_use_directory_urls(tmp_path: Path) -> None:
    source = source_of(tmp_path, MINIMAL, "process:antrag", SiteUrls(use_directory_urls=False))
    assert 'URL="../rollen/leitung.html"' in source
    assert 'URL="../einheiten/amt.html"' in source
    assert 'URL="#schritt-pruefen"' in source


class TestFlowStructure:
    """The swimlane flow of the fixture process, read statement by statement."""

    @pytest.fixture
    def source(self, tmp_path: Path) -> str:
        handbook, relations = load(tmp_path, FLOW)
        return process_diagram(
            handbook.processes["pass"], handbook, relations, SiteUrls(), GERMAN
        ).source

    @staticmethod
    def statement(source: str, node: str) -> str:
        (line,) = [line for line in source.splitlines() if line.startswith(f"{node} [")]
        return line

    def test_one_lane_per_role_inside_one_cluster_per_unit(self, source: str) -> None:
        assert source.count("subgraph cluster_r") == 3
        assert source.count("subgraph cluster_u") == 2
        assert 'label="Sachbearbeitung Bürgerbüro", class="ph-lane"' in source
        assert 'class="ph-unit ph-tone-1"' in source  # Stadtkasse is the second unit

    def test_shapes(self, source: str) -> None:
        assert 'shape="diamond"' in self.statement(source, "n1")
        call = self.statement(source, "n4")
        assert 'peripheries="2"' in call
        assert 'URL="../gebuehren/"' in call
        assert "Teilprozess „Gebühren kassieren“ öffnen" in call
        assert 'class="ph-start"' in self.statement(source, "s")
        assert 'class="ph-end"' in self.statement(source, "e6")

    def test_every_node_sits_in_a_lane(self, source: str) -> None:
        # Lane membership lines name the nodes of each lane: start with the first step,
        # the role-less call (n4) with the role that calls it, each end with its step.
        members = [line for line in source.splitlines() if line.endswith(";") and "[" not in line]
        assert members == ["s; n0;", "n1; n2; n3; n4; n6; e6;", "n5;"]

    def test_branch_labels_and_loop(self, source: str) -> None:
        assert 'n1 -> n3 [xlabel="ja"' in source
        assert 'n1 -> n2 [xlabel="nein"' in source
        # A loop within one lane leaves and enters on the outer side, around the steps.
        assert (
            'n2 -> n1 [constraint="false", tailport="e", headport="e", '
            'class="ph-edge ph-loop ph-loop-lane"]' in source
        )

    def test_handoffs_to_another_unit_stand_out(self, source: str) -> None:
        unit_handoffs = [line for line in source.splitlines() if "ph-handoff-unit" in line]
        # Through the role-less call: erfassen -> call -> Quittung, then back to the desk.
        assert [line.split(" [")[0] for line in unit_handoffs] == [
            "n3 -> n4",
            "n4 -> n5",
            "n5 -> n6",
        ]
        assert all('style="dashed"' in line for line in unit_handoffs)
        assert 'n0 -> n1 [class="ph-edge ph-handoff"]' in source  # same unit, other role

    def test_flow_runs_top_down_with_few_lanes(self, source: str) -> None:
        assert 'rankdir="TB"' in source

    def test_node_ids_are_synthetic(self, source: str) -> None:
        ids = re.findall(r"^(\w+) \[", source, flags=re.MULTILINE)
        assert set(ids) <= {"graph", "node", "edge", "s"} | {
            f"{prefix}{n}" for prefix in "ntbe" for n in range(10)
        }


def test_english_texts(flow: tuple[Handbook, Relations]) -> None:
    handbook, relations = flow
    diagram = process_diagram(handbook.processes["pass"], handbook, relations, SiteUrls(), ENGLISH)
    assert 'label="End"' in diagram.source
    assert "Step 1: Termin buchen" in diagram.source
    assert diagram.name == "Flow diagram: Reisepass beantragen"
    assert diagram.description.endswith("The table of steps below contains the same flow as text.")


def test_german_description(flow: tuple[Handbook, Relations]) -> None:
    handbook, relations = flow
    diagram = process_diagram(handbook.processes["pass"], handbook, relations, SiteUrls(), GERMAN)
    assert diagram.description == (
        "Ablauf: sieben Schritte in drei Rollen aus zwei Organisationseinheiten, von oben nach "
        "unten; jede Rolle hat eine eigene Bahn. Die Tabelle der Schritte unten enthält "
        "denselben Ablauf als Text."
    )


def test_unit_map_is_none_without_handoffs(tmp_path: Path) -> None:
    handbook, relations = load(tmp_path, MINIMAL)  # one unit only
    assert unit_map_diagram(relations.unit_interfaces(), handbook, SiteUrls(), GERMAN) is None


def test_neighbourhood_links_relative_to_the_unit_page(tmp_path: Path) -> None:
    source = source_of(tmp_path, FLOW, "unit:kasse")
    assert 'URL="../buergerbuero/"' in source
    # The page's own unit is emphasised and not linked to itself.
    (current,) = [line for line in source.splitlines() if "ph-current" in line]
    assert "URL=" not in current


def test_penwidth_grows_with_the_count() -> None:
    widths = [penwidth(count) for count in (1, 2, 5, 20, 1000)]
    assert widths == sorted(widths)
    assert widths[0] == 1.0
    assert widths[-1] == 8.0


FAN_OUT = {
    "units/amt.yml": "title: Amt\n",
    **{
        f"roles/r{n}.yml": f"title: Rolle {n}\nunit: amt\nholders:\n  - name: Person {n}\n"
        for n in range(6)
    },
    "processes/verteilen.yml": """
        title: Verteilen
        owner: r0
        steps:
          - id: wer
            title: Wer ist dran?
            kind: decision
            role: r0
            next:
"""
    + "".join(f"              - {{to: s{n}, when: Fall {n}}}\n" for n in range(1, 6))
    + "".join(
        f"          - id: s{n}\n            title: Fall {n} erledigen\n"
        f"            role: r{n}\n            next: end\n"
        for n in range(1, 6)
    ),
}


def test_wide_and_short_process_turns_to_run_left_to_right(tmp_path: Path) -> None:
    handbook, relations = load(tmp_path, FAN_OUT)
    by_key = {d.key: d for d in diagram_sources(handbook, relations, SiteUrls())}
    diagram = by_key["process:verteilen"]
    # Six lanes side by side would not fit the page; the flow is three ranks deep.
    assert 'rankdir="LR"' in diagram.source
    # A screen reader hears the direction the drawing actually takes.
    assert "von links nach rechts" in diagram.description
    assert "von oben nach unten" not in diagram.description


GEWERBE = {
    "units/gewerbe.yml": "title: Gewerbeamt\n",
    "units/kasse.yml": "title: Stadtkasse\n",
    "units/archiv.yml": "title: Archiv\n",
    "roles/gewerbe.yml": "title: Sachbearbeitung Gewerbe\nunit: gewerbe\n",
    "roles/gewerbe-leitung.yml": "title: Leitung Gewerbe\nunit: gewerbe\n",
    "roles/kasse.yml": "title: Kasse\nunit: kasse\n",
    "processes/anmelden.yml": """
        title: Gewerbe anmelden
        owner: gewerbe-leitung
        steps:
          - title: Anmeldung prüfen
            role: gewerbe
          - title: Gebühr kassieren
            calls: kassieren
          - title: Anmeldung zeichnen
            role: gewerbe-leitung
    """,
    "processes/kassieren.yml": """
        title: Gebühren kassieren
        owner: kasse
        steps:
          - title: Betrag buchen
            role: kasse
    """,
}


def test_interface_map_counts_calls_and_keeps_units_with_inner_handoffs(tmp_path: Path) -> None:
    source = source_of(tmp_path, GEWERBE, "units")
    # The only hand-off stays inside the Gewerbeamt; the call reaches the Stadtkasse.
    assert 'label="Gewerbeamt"' in source
    assert 'label="Stadtkasse"' in source
    assert 'label="Archiv"' not in source  # no hand-off at all
    assert 'tooltip="Gewerbeamt an Stadtkasse: eine Übergabe"' in source


@pytest.mark.parametrize(
    "changed",
    [
        {"roles/kasse.yml": "title: Stadtkasse Zahlstelle\nunit: kasse\n"},  # a lane's title
        {"roles/kasse.yml": "title: Kasse\nunit: archiv\n"},  # a role moves to another unit
        {"units/kasse.yml": "title: Kämmerei\n"},  # a unit's title
        {
            "processes/kassieren.yml": GEWERBE["processes/kassieren.yml"].replace(
                "Gebühren kassieren", "Gebühren einziehen"
            )
        },  # the title of a called process
    ],
    ids=["role-title", "role-unit", "unit-title", "called-title"],
)
def test_remembered_flow_sources_follow_what_they_are_drawn_from(
    tmp_path: Path, changed: dict[str, str]
) -> None:
    # The flows of the last build are remembered (serve); a change outside the process
    # that its drawing shows must still give the source of a fresh drawing.
    before = {d.key: d.source for d in diagram_sources(*load(tmp_path / "a", GEWERBE), SiteUrls())}
    handbook, relations = load(tmp_path / "b", {**GEWERBE, **changed})
    after = {d.key: d.source for d in diagram_sources(handbook, relations, SiteUrls())}
    for process in handbook.processes.values():
        fresh = process_diagram(process, handbook, relations, SiteUrls(), GERMAN)
        assert after[f"process:{process.id}"] == fresh.source, process.id
    assert any(after[key] != before[key] for key in after if key.startswith("process:"))


def test_a_map_too_large_to_read_is_not_drawn_and_the_page_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pagebuild import page_context
    from prozesshandbuch.diagrams import unit_map
    from prozesshandbuch.pages.overview_pages import render_unit_index

    handbook, relations = load(tmp_path / "a", GEWERBE)
    assert "units" in {d.key for d in diagram_sources(handbook, relations, SiteUrls())}
    # Thousands of paths between hundreds of units keep dot busy for many minutes; the
    # limit is lowered here so that any path counts as too many.
    monkeypatch.setattr(unit_map, "MAP_PAIR_LIMIT", 0)
    assert "units" not in {d.key for d in diagram_sources(handbook, relations, SiteUrls())}
    page = render_unit_index(page_context(tmp_path / "b", GEWERBE)).markdown
    assert "Übergabewegen wäre die Karte nicht lesbar" in page
    assert "Für diesen Prozess" not in page


def test_many_units_get_a_list_of_hand_off_paths_instead_of_a_square_matrix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bs4 import BeautifulSoup

    from pagebuild import page_context
    from prozesshandbuch.pages import overview_pages

    ctx = page_context(tmp_path, GEWERBE)
    assert 'class="ph-matrix"' in overview_pages.render_unit_index(ctx).markdown
    # At 200 units the square has 40,000 cells; the limit is lowered to see the list.
    monkeypatch.setattr(overview_pages, "MATRIX_UNIT_LIMIT", 1)
    page = overview_pages.render_unit_index(ctx).markdown
    assert 'class="ph-matrix"' not in page
    table = BeautifulSoup(page, "html.parser").select_one("table.ph-paths")
    assert table is not None
    rows = [[cell.get_text() for cell in row("td")] for row in table.select("tbody tr")]
    assert ["Gewerbeamt", "Stadtkasse", "1"] in rows
    assert all(count.isdigit() and int(count) > 0 for *_, count in rows)
    # On a phone each row becomes a card whose cells name their column.
    assert all(cell.get("data-label") for cell in table.select("tbody td"))
    assert "häufigsten" not in page


def test_a_long_list_of_paths_keeps_the_busiest_and_says_where_the_rest_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from bs4 import BeautifulSoup

    from browser_support import REPO_ROOT
    from pagebuild import content_context
    from prozesshandbuch.pages import overview_pages

    content = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", content)
    ctx = content_context(content, tmp_path)
    monkeypatch.setattr(overview_pages, "MATRIX_UNIT_LIMIT", 1)

    def paths() -> tuple[list[tuple[str, str, int]], str]:
        soup = BeautifulSoup(overview_pages.render_unit_index(ctx).markdown, "html.parser")
        table = soup.select(".ph-paths tbody tr")
        rows = [[cell.get_text() for cell in row("td")] for row in table]
        return [(source, target, int(count)) for source, target, count in rows], soup.get_text()

    every, text = paths()
    assert len(every) > 3
    assert "häufigsten" not in text
    counts = [count for *_, count in every]
    assert counts == sorted(counts, reverse=True)  # the busiest first
    assert counts[0] > counts[-1]

    # Thousands of paths made a table of megabytes; the limit is lowered to cut this list.
    monkeypatch.setattr(overview_pages, "PATH_LIST_LIMIT", 3)
    kept, text = paths()
    assert kept == every[:3]
    assert f"Hier stehen die 3 häufigsten von {len(every)} Wegen" in " ".join(text.split())


def test_a_neighbourhood_too_large_to_read_is_not_drawn_and_the_unit_page_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pagebuild import page_context
    from prozesshandbuch.diagrams import unit_map
    from prozesshandbuch.pages.entity_pages import render_unit_page

    handbook, relations = load(tmp_path / "a", GEWERBE)
    keys = {d.key for d in diagram_sources(handbook, relations, SiteUrls())}
    assert {"unit:gewerbe", "unit:kasse"} <= keys
    ctx = page_context(tmp_path / "b", GEWERBE)
    assert (
        "wäre die Karte nicht lesbar"
        not in render_unit_page(ctx, ctx.handbook.units["kasse"]).markdown
    )
    # A unit that every other one hands work to had 205 partners at 5,000 processes; the
    # limit is lowered here so that its one partner counts as too many.
    monkeypatch.setattr(unit_map, "NEIGHBOURHOOD_UNIT_LIMIT", 0)
    keys = {d.key for d in diagram_sources(handbook, relations, SiteUrls())}
    assert not {"unit:gewerbe", "unit:kasse"} & keys
    page = render_unit_page(ctx, ctx.handbook.units["kasse"]).markdown
    assert "Organisationseinheiten wäre die Karte nicht lesbar" in page
    assert "Gewerbeamt" in page  # the table still names the partner
