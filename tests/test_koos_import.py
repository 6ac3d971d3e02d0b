"""`prozesshandbuch import koos`: a real excerpt of the public KOOS data (see HERKUNFT.md)."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from prozesshandbuch.cli import main
from sitebuild import make_project, mkdocs_build, page

REPO_ROOT = Path(__file__).resolve().parents[1]
KOOS = REPO_ROOT / "tests" / "data" / "koos"


def run_import(folder: Path, content: Path, *extra: str) -> Result:
    return CliRunner().invoke(
        main, ["import", "koos", str(folder), "--content", str(content), *extra]
    )


def load(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Path, Result]:
    content = tmp_path / "content"
    return content, run_import(KOOS, content)


def test_units_roles_and_processes_are_created_and_pass_check(
    imported: tuple[Path, Result],
) -> None:
    content, result = imported
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in (content / "units").glob("*.yml")) == [
        "oe-amt-1-5",
        "oe-amt-33",
        "oe-amt-34",
        "oe-fb3",
        "oe-hvb",
    ]
    assert sorted(p.stem for p in (content / "processes").glob("*.yml")) == [
        "proc-fuehrerschein-antrag-umtausch-verfahren",
        "proc-informationssicherheit-beratung-umsetzung",
        "proc-wohnsitz-ummeldung-statuswechsel",
    ]
    assert "Prüfung nach dem Import: 15 Dateien, 0 Fehler, 3 Warnungen" in result.output
    assert "units/oe-amt-33.yml: neu angelegt" in result.output


def test_unit_head_is_its_first_role_and_a_special_function_is_a_responsibility(
    imported: tuple[Path, Result],
) -> None:
    content, _result = imported
    assert load(content / "units" / "oe-amt-33.yml") == {
        "title": "33 – Bürgerservice",
        "parent": "oe-fb3",
        "head": "leitung-buergerservice",
    }
    assert load(content / "roles" / "informationssicherheitsbeauftragte-r.yml") == {
        "title": "Informationssicherheitsbeauftragte/r",
        "unit": "oe-amt-1-5",
        "responsibilities": ["Organisationsweite Sonderfunktion"],
    }


def test_process_fields_steps_and_summary(imported: tuple[Path, Result]) -> None:
    content, _result = imported
    process = load(content / "processes" / "proc-fuehrerschein-antrag-umtausch-verfahren.yml")
    assert process["title"] == "Führerschein (Antrag/Umtausch/Verfahren)"
    # No zustaendigeRolle: the unit's head is accountable, its last role does the work.
    assert process["owner"] == "leitung-strassenverkehrsamt"
    assert process["unit"] == "oe-amt-34"
    assert process["legal_basis"] == [
        "§§ 2-6 Straßenverkehrsgesetz (StVG) (Fahrerlaubnis)",
        "§§ 7 ff. Fahrerlaubnis-Verordnung (FeV)",
        "§ 4 StVG (Fahreignungs-Bewertungssystem)",
    ]
    assert process["review"] == {"last_reviewed": __import__("datetime").date(2026, 4, 6)}
    steps = process["steps"]
    assert isinstance(steps, list)
    assert [s["title"] for s in steps] == [
        "Antrag und Unterlagen entgegennehmen",
        "Fahrerlaubnisklassen und Voraussetzungen prüfen",
        "Lichtbild und biometrische Daten erfassen",
        "Auftrag an Bundesdruckerei übermitteln",
        "Führerschein aushändigen",
    ]
    assert {s["role"] for s in steps} == {"sachbearbeitung-fahrerlaubnis-und-zulassung"}
    assert steps[0]["description"] == "Rechtsgrundlage: § 22 FeV"
    summary = str(process["summary"])
    # "(noch nicht erfasst)" is a placeholder, not a purpose.
    assert "noch nicht erfasst" not in summary
    assert "**Beteiligt:** 33 – Bürgerservice" in summary
    assert "**Datenarten:** Führerscheindaten, Identitätsnachweis, dstore-kfz-daten" in summary


def test_named_role_inputs_outputs_and_service_key(imported: tuple[Path, Result]) -> None:
    content, result = imported
    security = load(content / "processes" / "proc-informationssicherheit-beratung-umsetzung.yml")
    assert security["owner"] == "informationssicherheitsbeauftragte-r"
    steps = security["steps"]
    assert isinstance(steps, list)
    assert steps[0]["inputs"][0] == "Sicherheitsvorfallmeldungen"
    assert steps[-1]["outputs"] == [
        "Sicherheitsrichtlinien und -konzepte",
        "Sicherheitsvorfallberichte",
        "Risikoregister",
    ]
    assert (
        "proc-informationssicherheit-beratung-umsetzung.md:6:1: Warnung: zustaendigeRolle "
        "'Informationssicherheitsbeauftragte/r (ISB)' als Rolle "
        "'Informationssicherheitsbeauftragte/r' der Einheit gedeutet"
    ) in result.output
    moving = load(content / "processes" / "proc-wohnsitz-ummeldung-statuswechsel.yml")
    assert moving["service_key"] == "99115005011002"
    assert str(moving["summary"]).startswith("Wohnsitz Ummeldung Statuswechsel\n\nVorlesen")
    assert "**Voraussetzungen**" in str(moving["summary"])
    assert "prozesse/_duplikate/:1:1: Warnung: eine Datei in _duplikate/ übergangen" in (
        result.output
    )


def test_the_imported_handbook_builds(imported: tuple[Path, Result], tmp_path: Path) -> None:
    content, _result = imported
    project = tmp_path / "site-project"
    shutil.copytree(content, project / "content")
    make_project(project, {})
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    soup = page(project / "site", "prozesse/proc-fuehrerschein-antrag-umtausch-verfahren/")
    assert soup.select_one("h1") is not None
    assert "Führerschein (Antrag/Umtausch/Verfahren)" in soup.select_one("h1").get_text()  # type: ignore[union-attr]


def test_bad_koos_input_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "koos"
    shutil.copytree(KOOS, folder)
    broken = folder / "prozesse" / "proc-kaputt.md"
    broken.write_text(
        textwrap.dedent(
            """\
            ---
            id: proc-kaputt
            titel: Kaputt
            titel: doppelt
            ---
            **01 Schritt**
            """
        ),
        encoding="utf-8",
    )
    content = tmp_path / "content"
    result = run_import(folder, content)
    assert result.exit_code == 1
    assert f"{folder}/prozesse/proc-kaputt.md:4:1: YAML-Fehler:" in result.output
    assert "Nichts geschrieben." in result.output
    assert not content.exists()


def test_a_folder_without_orga_yaml_is_refused(tmp_path: Path) -> None:
    result = run_import(tmp_path, tmp_path / "content")
    assert result.exit_code == 1
    assert f"{tmp_path}/orga.yaml:1:1: orga.yaml fehlt: ist das eine KOOS-Ablage?" in (
        result.output
    )
