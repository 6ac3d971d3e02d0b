"""`prozesshandbuch import bpmn`: mapping rules, nearest equivalents, all-or-nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from prozesshandbuch.cli import main

REPO_ROOT = Path(__file__).resolve().parents[1]
INPUTS = REPO_ROOT / "tests" / "data" / "bpmn"


@pytest.fixture
def handbook(tmp_path: Path) -> Path:
    """A copy of the demo's content folder; the working directory stays where it is."""
    content = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", content)
    return content


def run_import(content: Path, *files: Path | str, extra: tuple[str, ...] = ()) -> Result:
    arguments = ["import", "bpmn", *map(str, files), "--content", str(content), *extra]
    return CliRunner().invoke(main, arguments)


def load(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def shown(path: Path) -> str:
    """A path as the command prints it: relative to the working directory where it can."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_camunda_model_becomes_a_process_with_role_stubs(handbook: Path) -> None:
    source = INPUTS / "antrag-camunda.bpmn"
    result = run_import(handbook, source)
    assert result.exit_code == 0, result.output
    process = load(handbook / "processes" / "sondernutzung-beantragen.yml")
    assert process["title"] == "Sondernutzung beantragen"
    assert process["summary"] == "Wer öffentlichen Straßenraum nutzen will, braucht eine Erlaubnis."
    assert process["trigger"] == "Antrag eingegangen"
    assert process["result"] == "Erlaubnis erteilt"
    assert process["steps"] == [
        {
            "id": "antrag-pruefen",
            "title": "Antrag prüfen",
            "role": "sachbearbeitung",
            "description": "Lageplan und Zeitraum prüfen.",
        },
        {
            "id": "vollstaendig",
            "title": "Vollständig?",
            "kind": "decision",
            "role": "sachbearbeitung",
            # The unnamed default flow of the gateway is the "otherwise" branch.
            "next": [
                {"to": "erlaubnis-zeichnen", "when": "ja"},
                {"to": "unterlagen-nachfordern", "when": "sonst"},
            ],
        },
        {"id": "erlaubnis-zeichnen", "title": "Erlaubnis zeichnen", "role": "leitung"},
        {"id": "gebuehr-erheben", "title": "Gebühr erheben", "calls": "gebuehren-kassieren"},
        {
            "id": "bescheid-per-e-mail-versenden",
            "title": "Bescheid per E-Mail versenden",
            "role": "sachbearbeitung",
            "automated": True,
            "next": "end",
        },
        {
            "id": "unterlagen-nachfordern",
            "title": "Unterlagen nachfordern",
            "role": "sachbearbeitung",
            "next": "antrag-pruefen",
        },
    ]
    stub = handbook / "roles" / "leitung.yml"
    assert load(stub) == {"title": "Leitung", "unit": "noch-zuzuordnen"}
    assert "VORLAGE aus dem Import" in stub.read_text(encoding="utf-8")
    where = shown(source)
    assert f"{where}:35:1: Warnung: textAnnotation 'TextAnnotation_0x' nicht übernommen" in (
        result.output
    )
    assert f"{where}:19:1: Warnung: Rolle 'leitung' (Leitung) gibt es noch nicht" in result.output
    assert "processes/sondernutzung-beantragen.yml: neu angelegt" in result.output
    assert "Prüfung nach dem Import:" in result.output
    assert ", 0 Fehler," in result.output


def test_a_lane_named_like_an_existing_role_maps_to_it(handbook: Path, tmp_path: Path) -> None:
    text = (INPUTS / "antrag-camunda.bpmn").read_text(encoding="utf-8")
    renamed = tmp_path / "renamed.bpmn"
    renamed.write_text(
        text.replace('name="Leitung"', 'name="Leitung Bürgerbüro"'), encoding="utf-8"
    )
    result = run_import(handbook, renamed)
    assert result.exit_code == 0, result.output
    steps = load(handbook / "processes" / "sondernutzung-beantragen.yml")["steps"]
    assert isinstance(steps, list)
    assert steps[2]["role"] == "leitung-buergerbuero"
    assert not (handbook / "roles" / "leitung.yml").exists()


def test_elements_without_equivalent_become_the_nearest_one_with_a_warning(
    handbook: Path,
) -> None:
    source = INPUTS / "naechste-entsprechung.bpmn"
    result = run_import(handbook, source)
    assert result.exit_code == 0, result.output
    where = shown(source)
    for line, text in [
        (6, "Pool 'pool_buerger' ohne Prozess (Blackbox) nicht übernommen"),
        (7, "Nachrichtenfluss 'msg_bescheid' Bescheid nicht übernommen"),
        (28, "parallelGateway 'split' als Entscheidung übernommen"),
        (31, "parallelGateway 'join' (Zusammenführung) übergangen"),
        (32, "intermediateCatchEvent 'wait' als Schritt übernommen"),
        (35, "aufgeklappter Teilprozess 'sub' als ein Schritt übernommen"),
        (42, "angeheftetes Ereignis 'timeout' als zusätzlicher Zweig von 'task_bescheid'"),
        (47, "Aufrufaktivität 'call_x' ruft 'gibt-es-nicht' auf"),
        (48, "dataObjectReference 'data_antrag' nicht übernommen"),
    ]:
        assert f"{where}:{line}:1: Warnung: {text}" in result.output
    for label in ("Zweig 1 (parallel)", "Zweig 2 (parallel)"):
        assert (
            f"ein Ausgang von 'split' hat weder Namen noch Bedingung; übernommen als '{label}'"
            in (result.output)
        )
    # A join reached from two branches is reported once.
    assert result.output.count("'join' (Zusammenführung)") == 1
    steps = {
        step["id"]: step
        for step in load(handbook / "processes" / "bauvoranfrage-bearbeiten.yml")["steps"]  # type: ignore[attr-defined]
    }
    split = steps["split"]
    assert split["title"] == "Alle Zweige bearbeiten (parallel)"
    assert split["kind"] == "decision"
    assert split["next"] == [
        {"to": "statik-pruefen", "when": "Zweig 1 (parallel)"},
        {"to": "brandschutz-pruefen", "when": "Zweig 2 (parallel)"},
    ]
    assert (
        steps["nachbarn-beteiligen"]["description"] == "- Nachbarn anschreiben\n- Einwände sammeln"
    )
    assert steps["bescheid-erstellen"]["next"] == [
        {"to": "vorgang-archivieren", "when": "Zweig 1"},
        {"to": "statistik-melden", "when": "Statistikpflicht"},
        {"to": "unterlagen-anmahnen", "when": "Frist abgelaufen"},
    ]
    assert "calls" not in steps["statistik-melden"]
    assert steps["statistik-melden"]["role"] == "bauaufsicht"


def test_all_or_nothing_one_bad_file_writes_nothing(handbook: Path, tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.bpmn"
    broken.write_text("<bpmn:definitions xmlns:bpmn='x'>\n  <oops>\n", encoding="utf-8")
    before = snapshot(handbook)
    result = run_import(handbook, INPUTS / "antrag-camunda.bpmn", broken)
    assert result.exit_code == 1
    assert f"{broken}:3:1: kein gültiges XML:" in result.output
    assert "Nichts geschrieben." in result.output
    assert snapshot(handbook) == before
    assert not list(tmp_path.glob(".import-*"))


def test_an_existing_file_is_only_replaced_with_force(handbook: Path) -> None:
    source = INPUTS / "antrag-camunda.bpmn"
    assert run_import(handbook, source).exit_code == 0
    target = handbook / "processes" / "sondernutzung-beantragen.yml"
    target.write_text(target.read_text(encoding="utf-8") + "# eigene Notiz\n", encoding="utf-8")
    edited = target.read_bytes()
    again = run_import(handbook, source)
    assert again.exit_code == 1
    assert "processes/sondernutzung-beantragen.yml: gibt es schon; mit --force überschreiben" in (
        again.output
    )
    assert target.read_bytes() == edited
    forced = run_import(handbook, source, extra=("--force",))
    assert forced.exit_code == 0, forced.output
    assert b"# eigene Notiz" not in target.read_bytes()


def test_an_import_that_would_break_the_handbook_writes_nothing(
    handbook: Path, tmp_path: Path
) -> None:
    # A step whose `ph:fields` name a system the handbook does not have.
    text = (INPUTS / "antrag-camunda.bpmn").read_text(encoding="utf-8")
    bad = tmp_path / "unbekanntes-system.bpmn"
    bad.write_text(
        text.replace(
            "<bpmn:documentation>Lageplan und Zeitraum prüfen.</bpmn:documentation>",
            '<bpmn:extensionElements><ph:fields xmlns:ph="urn:prozesshandbuch:bpmn:1">'
            '{"systems": ["gibt-es-nicht"]}</ph:fields></bpmn:extensionElements>',
        ),
        encoding="utf-8",
    )
    before = snapshot(handbook)
    result = run_import(handbook, bad)
    assert result.exit_code == 1
    assert "unbekanntes System 'gibt-es-nicht'" in result.output
    assert "Nichts geschrieben." in result.output
    assert snapshot(handbook) == before


def test_messages_in_english(handbook: Path, tmp_path: Path) -> None:
    other = tmp_path / "bild.svg"
    other.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    result = run_import(handbook, other, extra=("--lang", "en"))
    assert result.exit_code == 1
    assert f"{other}:1:1: not a BPMN 2.0 file: the root element is " in result.output
    assert "Nothing written." in result.output


def test_texts_the_import_makes_up_are_in_the_language_asked_for(handbook: Path) -> None:
    result = run_import(handbook, INPUTS / "naechste-entsprechung.bpmn", extra=("--lang", "en"))
    assert result.exit_code == 0, result.output
    assert "warning: parallelGateway 'split' imported as a decision" in result.output
    steps = {
        step["id"]: step
        for step in load(handbook / "processes" / "bauvoranfrage-bearbeiten.yml")["steps"]  # type: ignore[attr-defined]
    }
    assert steps["split"]["title"] == "Work on all branches (in parallel)"
    assert [branch["when"] for branch in steps["split"]["next"]] == [
        "Branch 1 (parallel)",
        "Branch 2 (parallel)",
    ]
    assert steps["bescheid-erstellen"]["next"][0]["when"] == "Branch 1"
