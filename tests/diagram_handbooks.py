"""Handbooks and SVG helpers shared by the diagram tests."""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import FIXED_TODAY, write_content
from prozesshandbuch.analysis.relations import Relations, build_relations
from prozesshandbuch.content.check import check_handbook
from prozesshandbuch.content.model import Branch, Handbook, Process, Role, Step, StepKind, Unit

SVG = "{http://www.w3.org/2000/svg}"

FLOW = {
    "units/buergerbuero.yml": "title: Bürgerbüro\n",
    "units/kasse.yml": "title: Stadtkasse\n",
    "roles/servicecenter.yml": "title: Servicecenter\nunit: buergerbuero\n",
    "roles/sachbearbeitung.yml": "title: Sachbearbeitung Bürgerbüro\nunit: buergerbuero\n",
    "roles/kasse.yml": "title: Kassiererin\nunit: kasse\n",
    "processes/gebuehren.yml": """
        title: Gebühren kassieren
        summary: Die Stadtkasse kassiert eine Gebühr.
        owner: kasse
        steps:
          - title: Betrag kassieren
            role: kasse
    """,
    "processes/pass.yml": """
        title: Reisepass beantragen
        summary: Ein Reisepass wird beantragt.
        owner: sachbearbeitung
        steps:
          - id: termin
            title: Termin buchen
            role: servicecenter
          - id: pruefen
            title: Unterlagen vollständig?
            kind: decision
            role: sachbearbeitung
            next:
              - to: erfassen
                when: ja
              - to: nachfordern
                when: nein
          - id: nachfordern
            title: Fehlende Unterlagen nachfordern
            role: sachbearbeitung
            next: pruefen
          - id: erfassen
            title: Antrag erfassen
            role: sachbearbeitung
          - id: gebuehr
            title: Gebühr erheben
            calls: gebuehren
          - title: Quittung ausstellen
            role: kasse
          - id: aushaendigen
            title: Pass aushändigen
            role: sachbearbeitung
            next: end
    """,
}
"""Two units, three roles; a decision, a loop, a role-less sub-process call, hand-offs."""


def load(root: Path, files: dict[str, str]) -> tuple[Handbook, Relations]:
    """Write ``files`` below ``root``, load and validate them; the handbook must be valid."""
    result = check_handbook(write_content(root, files), root, FIXED_TODAY)
    assert not result.errors, result.errors
    return result.handbook, build_relations(result.handbook)


def generated_handbook(processes: int, steps: int, seed: int = 1) -> Handbook:
    """A handbook of any size: 5 units, 15 roles, decisions with loops, sub-process calls."""
    rnd = random.Random(seed)
    units = {f"amt-{u}": Unit(id=f"amt-{u}", title=f"Amt {u}") for u in range(5)}
    roles = {
        f"rolle-{u}-{r}": Role(
            id=f"rolle-{u}-{r}", title=f"Sachbearbeitung {u}.{r}", unit=f"amt-{u}"
        )
        for u in range(5)
        for r in range(3)
    }
    result: dict[str, Process] = {}
    for number in range(processes):
        cast = rnd.sample(sorted(roles), k=5)
        process_steps: list[Step] = []
        for index in range(steps):
            if index % 7 == 3 and index + 3 < steps:
                branches = [
                    Branch(to=f"s{index + 1}", when="ja"),
                    Branch(to=f"s{index + 2}", when="nein"),
                    Branch(to=f"s{max(0, index - 2)}", when="unklar"),
                ]
                step = Step(
                    id=f"s{index}",
                    title=f"Ist Antrag {index} vollständig?",
                    kind=StepKind.DECISION,
                    role=rnd.choice(cast),
                    next=branches,
                )
            elif index % 11 == 5 and number + 1 < processes:
                step = Step(id=f"s{index}", title=f"Teilprozess {index}", calls=f"p{number + 1}")
            else:
                step = Step(
                    id=f"s{index}", title=f"Vorgang {index} bearbeiten", role=rnd.choice(cast)
                )
            process_steps.append(step)
        result[f"p{number}"] = Process(
            id=f"p{number}", title=f"Prozess {number}", owner=cast[0], steps=process_steps
        )
    return Handbook(processes=result, roles=roles, units=units)


def parse(figure_html: str) -> ET.Element:
    """The ``<figure>`` markup as an element tree (it is well-formed XML by construction)."""
    return ET.fromstring(figure_html)


def svg_of(figure: ET.Element) -> ET.Element:
    svg = figure.find(f".//{SVG}svg")
    assert svg is not None
    return svg


def has_class(element: ET.Element, name: str) -> bool:
    return name in element.get("class", "").split()


def groups(svg: ET.Element, css_class: str) -> list[ET.Element]:
    """All ``<g>`` elements with ``css_class``."""
    return [g for g in svg.iter(f"{SVG}g") if has_class(g, css_class)]


def texts(element: ET.Element) -> list[str]:
    """The drawn lines of text below ``element``, in order."""
    return [text.text or "" for text in element.iter(f"{SVG}text")]


def link(element: ET.Element) -> ET.Element:
    """The one ``<a>`` below ``element``."""
    anchors = list(element.iter(f"{SVG}a"))
    assert len(anchors) == 1, anchors
    return anchors[0]


def link_name(anchor: ET.Element) -> str:
    """The accessible name of an SVG link: its ``<title>`` child, whitespace folded as
    browsers fold it (SVG-AAM); "" without one."""
    title = anchor.find(f"{SVG}title")
    return " ".join((title.text or "").split()) if title is not None else ""
