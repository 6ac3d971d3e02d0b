"""Processes too branched for a full layout still get a diagram, simplified, and say so."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from diagram_handbooks import FLOW, load, parse, svg_of, texts
from prozesshandbuch.analysis.relations import build_relations
from prozesshandbuch.content.model import Branch, Handbook, Process, Role, Step, StepKind, Unit
from prozesshandbuch.content.urls import SiteUrls
from prozesshandbuch.diagrams import build, build_diagrams, render
from prozesshandbuch.diagrams.simplified import LAYOUT_COST_LIMIT, layout_cost

SIMPLIFIED_CAPTION = (
    "Vereinfachte Darstellung: der Ablauf ist zu verzweigt für ein Diagramm nach Rollen. "
    "Die Schritte stehen in ihrer Reihenfolge, Sprünge als „→ Schritt“ im Kasten; alle "
    "Einzelheiten in der Tabelle der Schritte."
)


@pytest.fixture(autouse=True)
def fresh_process() -> Iterator[None]:
    render.forget_process_state()
    yield
    render.forget_process_state()


def dense_handbook(steps: int) -> Handbook:
    """One process of ``steps`` decisions, each jumping to two random steps (it timed out)."""
    rnd = random.Random(7)
    roles = {f"r{n}": Role(id=f"r{n}", title=f"Rolle {n}", unit="amt") for n in range(6)}
    flow: list[Step] = []
    for index in range(steps - 1):
        targets = sorted({index + 1, rnd.randrange(steps), rnd.randrange(steps)})
        flow.append(
            Step(
                id=f"s{index}",
                title=f"Schritt {index} prüfen",
                kind=StepKind.DECISION,
                role=f"r{index % 6}",
                next=[Branch(to=f"s{t}", when=f"fall {t}") for t in targets],
            )
        )
    flow.append(Step(id=f"s{steps - 1}", title="Abschließen", role="r0"))
    process = Process(id="dicht", title="Dichter Ablauf", owner="r0", steps=flow)
    return Handbook(
        processes={"dicht": process}, roles=roles, units={"amt": Unit(id="amt", title="Amt")}
    )


def test_a_dense_decision_graph_is_drawn_simplified_and_says_so(tmp_path: Path) -> None:
    handbook = dense_handbook(250)
    assert layout_cost(handbook.processes["dicht"]) > LAYOUT_COST_LIMIT

    diagrams = build_diagrams(handbook, build_relations(handbook), SiteUrls(), tmp_path)

    assert diagrams.failures == {}
    figure = parse(diagrams.process_svg("dicht") or "")
    assert figure.findtext("figcaption") == SIMPLIFIED_CAPTION
    words = texts(svg_of(figure))
    assert "1. Schritt 0 prüfen" in words
    assert "250. Abschließen" in words
    # Every jump away from the next step is written into its box.
    step = handbook.processes["dicht"].steps[0]
    jumps = [f"{b.when}: {int(b.to[1:]) + 1}" for b in step.next if b.to != "s1"]  # type: ignore[union-attr]
    assert "→ " + "; ".join(jumps) in " ".join(words)


def test_a_full_flow_that_dot_fails_on_is_drawn_simplified_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handbook, relations = load(tmp_path / "content", FLOW)
    full = build.process_diagram

    def broken(*args: object, **kwargs: object) -> object:
        diagram = full(*args, **kwargs)  # type: ignore[arg-type]
        if diagram.key != "process:pass":
            return diagram
        # What a time-out looks like to the caller: dot gives no SVG for this graph.
        return dataclasses.replace(diagram, source=diagram.source.replace("}", "", 1) + "{")

    monkeypatch.setattr(build, "process_diagram", broken)
    cache = tmp_path / "cache"

    first = build_diagrams(handbook, relations, SiteUrls(), cache)
    render.forget_process_state()
    second = build_diagrams(handbook, relations, SiteUrls(), cache)

    for diagrams in (first, second):
        assert diagrams.failures == {}
        assert list(diagrams.simplified_after_failure) == ["process:pass"]
        assert "syntax error" in diagrams.simplified_after_failure["process:pass"]
        figure = parse(diagrams.process_svg("pass") or "")
        assert figure.findtext("figcaption") == SIMPLIFIED_CAPTION
        assert diagrams.process_svg("gebuehren") is not None
    assert first.dot_runs > 0
    assert second.dot_runs == 0  # the failure and both drawings came from the cache
