"""handbook.json: the stable interface for other tools, with a versioned JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from prozesshandbuch.analysis.relations import build_relations
from prozesshandbuch.content.load import load_handbook
from prozesshandbuch.interop.handbook_json import SCHEMA_FILE, document_json, schema_text
from sitebuild import page

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_committed_schema_is_current() -> None:
    committed = (REPO_ROOT / "schema" / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_text(), "regenerate with: prozesshandbuch schema"


def test_demo_document_validates_and_carries_relations() -> None:
    handbook = load_handbook(REPO_ROOT / "content", REPO_ROOT).handbook
    document = json.loads(document_json(handbook, build_relations(handbook)))
    schema = json.loads((REPO_ROOT / "schema" / SCHEMA_FILE).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["format_version"] == 1
    assert [p["id"] for p in document["processes"]] == list(handbook.processes)
    assert {"id": "buergerbuero", "title": "Bürgerbüro"}.items() <= next(
        u for u in document["units"] if u["id"] == "buergerbuero"
    ).items()
    owners = {o["process"]: o["role"] for o in document["relations"]["owners"]}
    assert owners["reisepass-beantragen"] == "leitung-buergerbuero"
    handoffs = [
        (h["from_role"], h["to_role"])
        for h in document["relations"]["handoffs"]
        if h["process"] == "reisepass-beantragen"
    ]
    assert ("sachbearbeitung-buergerbuero", "teamleitung-buergerbuero") in handoffs
    performed = {
        a["step_id"]
        for a in document["relations"]["assignments"]
        if a["process"] == "reisepass-beantragen"
        and a["role"] == "teamleitung-buergerbuero"
        and a["raci"] == "R"
    }
    assert performed == {"eingang"}


def test_a_document_with_an_unknown_field_is_rejected_by_the_schema() -> None:
    handbook = load_handbook(REPO_ROOT / "content", REPO_ROOT).handbook
    document = json.loads(document_json(handbook, build_relations(handbook)))
    document["processes"][0]["ownr"] = "x"
    schema = json.loads((REPO_ROOT / "schema" / SCHEMA_FILE).read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError, match="ownr"):
        jsonschema.validate(document, schema)


def test_built_site_offers_handbook_json_and_a_bpmn_download_per_process(
    minimal_project: Path,
) -> None:
    site = minimal_project / "site"  # MINIMAL built with --strict (shared_sites.py)
    document = json.loads((site / "handbook.json").read_text(encoding="utf-8"))
    process_ids = [p["id"] for p in document["processes"]]
    for process_id in process_ids:
        soup = page(site, f"prozesse/{process_id}/")
        link = soup.select_one("p.ph-download a[download]")
        assert link is not None
        assert link["href"] == f"../{process_id}.bpmn"
        assert link.get_text() == "Ablauf als BPMN 2.0 herunterladen"
        target = (site / "prozesse" / process_id / str(link["href"])).resolve()
        assert target.read_bytes().startswith(b"<?xml")
