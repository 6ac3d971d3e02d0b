"""BPMN export: every demo process is valid BPMN 2.0 (OMG XSD) with the promised elements."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from lxml import etree

from prozesshandbuch.analysis.relations import build_relations
from prozesshandbuch.content.load import load_handbook
from prozesshandbuch.content.model import Handbook, Process
from prozesshandbuch.content.urls import bpmn_site_path
from prozesshandbuch.interop.bpmn_export import export_process
from prozesshandbuch.interop.bpmn_ids import BPMN, BPMNDI, DI, HANDBOOK
from prozesshandbuch.interop.site_files import exchange_files

REPO_ROOT = Path(__file__).resolve().parents[1]
XSD = REPO_ROOT / "tests" / "data" / "bpmn-xsd" / "BPMN20.xsd"
NS = {"bpmn": BPMN, "bpmndi": BPMNDI, "di": DI, "ph": HANDBOOK}


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(XSD), parser))


@pytest.fixture(scope="module")
def demo() -> Handbook:
    return load_handbook(REPO_ROOT / "content", REPO_ROOT).handbook


DEMO_IDS = sorted(p.stem for p in (REPO_ROOT / "content" / "processes").glob("*.yml"))


def _export(demo: Handbook, process_id: str) -> etree._Element:
    titles = {role_id: role.title for role_id, role in demo.roles.items()}
    return etree.fromstring(export_process(demo.processes[process_id], titles))


@pytest.mark.parametrize("process_id", DEMO_IDS)
def test_every_demo_process_is_valid_against_the_omg_xsd(
    schema: etree.XMLSchema, demo: Handbook, process_id: str
) -> None:
    document = _export(demo, process_id)
    assert schema.validate(document), str(schema.error_log)


@pytest.mark.parametrize("process_id", DEMO_IDS)
def test_every_flow_node_lane_and_flow_has_a_diagram_element(
    demo: Handbook, process_id: str
) -> None:
    document = _export(demo, process_id)
    process = document.find("bpmn:process", NS)
    assert process is not None
    drawn = {e.get("bpmnElement") for e in document.iterfind(".//bpmndi:BPMNShape", NS)}
    wired = {e.get("bpmnElement") for e in document.iterfind(".//bpmndi:BPMNEdge", NS)}
    nodes = [
        e.get("id")
        for e in process
        if e.tag.split("}")[1]
        in {"startEvent", "endEvent", "userTask", "serviceTask", "exclusiveGateway", "callActivity"}
    ]
    lanes = [e.get("id") for e in process.iterfind(".//bpmn:lane", NS)]
    flows = [e.get("id") for e in process.iterfind("bpmn:sequenceFlow", NS)]
    assert set(nodes) | set(lanes) | {"participant_1"} == drawn
    assert set(flows) == wired
    for edge in document.iterfind(".//bpmndi:BPMNEdge", NS):
        assert len(edge.findall("di:waypoint", NS)) >= 2


def test_reisepass_maps_steps_decisions_calls_and_lanes(demo: Handbook) -> None:
    document = _export(demo, "reisepass-beantragen")
    process = document.find("bpmn:process", NS)
    assert process is not None
    assert process.get("id") == "reisepass-beantragen"
    participant = document.find("bpmn:collaboration/bpmn:participant", NS)
    assert participant is not None
    assert participant.get("processRef") == "reisepass-beantragen"
    lanes = {lane.get("id"): lane.get("name") for lane in process.iterfind(".//bpmn:lane", NS)}
    assert lanes == {
        "lane_sachbearbeitung-buergerbuero": "Sachbearbeitung Bürgerbüro",
        "lane_teamleitung-buergerbuero": "Teamleitung Bürgerbüro",
    }
    gateway = process.find("bpmn:exclusiveGateway[@id='step_vollstaendig']", NS)
    assert gateway is not None
    assert gateway.get("name") == "Unterlagen vollständig?"
    branches = {
        flow.get("name"): flow.get("targetRef")
        for flow in process.iterfind("bpmn:sequenceFlow[@sourceRef='step_vollstaendig']", NS)
    }
    assert branches == {"ja": "step_lichtbild", "nein": "step_nachfordern"}
    calls = {c.get("id"): c.get("calledElement") for c in process.iterfind("bpmn:callActivity", NS)}
    assert calls == {
        "step_termin": "terminvergabe-buergerbuero",
        "step_gebuehr": "gebuehren-kassieren",
    }
    task = process.find("bpmn:userTask[@id='step_identitaet']", NS)
    assert task is not None
    documentation = task.findtext("bpmn:documentation", namespaces=NS)
    assert documentation is not None
    assert documentation.startswith("Bisheriges Dokument auf Echtheit prüfen")
    assert len(process.findall("bpmn:startEvent", NS)) == 1
    assert len(process.findall("bpmn:endEvent", NS)) == 1


def test_an_automated_step_becomes_a_service_task_and_a_digit_id_stays_a_valid_name(
    schema: etree.XMLSchema,
) -> None:
    process = Process.model_validate(
        {
            "title": "Mahnlauf",
            "owner": "kasse",
            "steps": [
                {"title": "Mahnungen erzeugen", "role": "kasse", "automated": True},
                {"title": "Mahnungen prüfen", "role": "kasse"},
            ],
        }
    ).model_copy(update={"id": "2027-mahnlauf"})
    document = etree.fromstring(export_process(process, {}))
    assert schema.validate(document), str(schema.error_log)
    element = document.find("bpmn:process", NS)
    assert element is not None
    assert element.get("id") == "process_2027-mahnlauf"
    assert [e.get("name") for e in element.iterfind("bpmn:serviceTask", NS)] == [
        "Mahnungen erzeugen"
    ]
    assert [e.get("name") for e in element.iterfind("bpmn:userTask", NS)] == ["Mahnungen prüfen"]


def test_export_is_deterministic(demo: Handbook) -> None:
    titles = {role_id: role.title for role_id, role in demo.roles.items()}
    process = demo.processes["fundsache-annehmen"]
    assert export_process(process, titles) == export_process(process, titles)


def test_site_files_reuse_an_export_only_while_process_and_role_titles_are_the_same(
    demo: Handbook,
) -> None:
    # Serve rebuilds reuse the last export; a changed process or role title must not.
    first = exchange_files(demo, build_relations(demo))
    again = exchange_files(demo, build_relations(demo))
    path = bpmn_site_path("fundsache-annehmen")
    assert again[path] is first[path]

    process = demo.processes["fundsache-annehmen"]
    renamed = dataclasses.replace(
        demo,
        processes={**demo.processes, process.id: process.model_copy(update={"title": "Neu"})},
    )
    changed = exchange_files(renamed, build_relations(renamed))
    assert b'name="Neu"' in changed[path]
    other = bpmn_site_path("reisepass-beantragen")
    assert changed[other] is first[other]

    role_id = process.steps[0].role
    assert role_id is not None
    role = demo.roles[role_id]
    retitled = dataclasses.replace(
        demo, roles={**demo.roles, role_id: role.model_copy(update={"title": "Neue Rolle"})}
    )
    lanes = exchange_files(retitled, build_relations(retitled))
    assert b'name="Neue Rolle"' in lanes[path]
    assert '"title":"Neue Rolle"' in lanes["handbook.json"].decode("utf-8")
