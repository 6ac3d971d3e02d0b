"""One failing fixture per error kind of the content contract: exact message, exact place."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXED_TODAY, write_content
from prozesshandbuch.content.check import check_handbook

PROCESS = "content/processes/antrag.yml"


def problems_of(root: Path, files: dict[str, str], language: str = "de") -> list[str]:
    content = write_content(root, files)
    result = check_handbook(content, root, FIXED_TODAY)
    return [p.format(language) for p in result.problems]


def with_process(minimal: dict[str, str], text: str) -> dict[str, str]:
    return {**minimal, "processes/antrag.yml": text}


STEPS_OK = """
steps:
  - title: Prüfen
    role: sachbearbeitung
"""

ERROR_CASES = [
    pytest.param(
        "title: [unclosed\nowner: leitung\n",
        f"{PROCESS}:2:6: YAML-Syntaxfehler: ',' oder ']' erwartet – ist eine Liste in [ ] "
        "nicht geschlossen?",
        id="yaml-syntax",
    ),
    pytest.param(
        "title: A\ntitle: B\nowner: leitung\n" + STEPS_OK,
        f"{PROCESS}:2:1: Schlüssel 'title' kommt doppelt vor (zuerst in Zeile 1)",
        id="duplicate-key",
    ),
    pytest.param(
        "title: &t Antrag\nsummary: *t\nowner: leitung\n" + STEPS_OK,
        f"{PROCESS}:1:8: Anker und Aliase (& und *) sind nicht erlaubt; "
        "bitte den Inhalt ausschreiben",
        id="anchor",
    ),
    pytest.param(
        "summary: x\nowner: leitung\n" + STEPS_OK,
        f"{PROCESS}:1:1: Pflichtfeld 'title' fehlt",
        id="required-missing",
    ),
    pytest.param(
        "title: A\nsummary: x\nowner: leitung\nsteps:\n  - role: sachbearbeitung\n",
        f"{PROCESS}:5:5: Pflichtfeld 'title' fehlt",
        id="required-missing-in-step",
    ),
    pytest.param(
        "title: A\nsummary: x\nowner: leitung\ntags: Reisen\n" + STEPS_OK,
        f"{PROCESS}:4:7: 'tags' muss eine Liste sein, nicht Text",
        id="wrong-type",
    ),
    pytest.param(
        "title: A\nsummary: x\nowner: leitung\nservice_key: 99086001001000\n" + STEPS_OK,
        f"{PROCESS}:4:14: 'service_key' muss Text sein; Zahlen bitte in Anführungszeichen "
        'setzen: "99086001001000"',
        id="number-for-text",
    ),
    pytest.param(
        "title: A\nsummary: x\nowner: leitung\nstatus: aktiv\n" + STEPS_OK,
        f"{PROCESS}:4:9: unbekannter Wert 'aktiv' für 'status' (erlaubt: draft, active, "
        "retired) – meinten Sie 'active'?",
        id="enum",
    ),
    pytest.param(
        "title: A\nsummary: x\nownr: leitung\nowner: leitung\n" + STEPS_OK,
        f"{PROCESS}:3:1: unbekannter Schlüssel 'ownr' – meinten Sie 'owner'?",
        id="unknown-key",
    ),
    pytest.param(
        "title: A\nsummary: x\nowner: leitung\nreview:\n  last_reviewed: 2026-02-30\n" + STEPS_OK,
        f"{PROCESS}:5:18: ungültiges Datum '2026-02-30' in 'review.last_reviewed' "
        "(erwartet JJJJ-MM-TT)",
        id="invalid-date",
    ),
    pytest.param(
        "title: A\nsummary: x\nowner: leitng\n" + STEPS_OK,
        f"{PROCESS}:3:8: unbekannte Rolle 'leitng' – meinten Sie 'leitung'?",
        id="unknown-role",
    ),
    pytest.param(
        "title: A\nsummary: x\nowner: leitung\nunit: amtt\n" + STEPS_OK,
        f"{PROCESS}:4:7: unbekannte Organisationseinheit 'amtt' – meinten Sie 'amt'?",
        id="unknown-unit",
    ),
    pytest.param(
        "title: A\nsummary: x\nowner: leitung\nsystems: [fachverfahren]\n" + STEPS_OK,
        f"{PROCESS}:4:11: unbekanntes System 'fachverfahren'",
        id="unknown-system",
    ),
    pytest.param(
        "title: A\nsummary: x\nowner: leitung\nsteps:\n  - title: T\n    calls: gebuehr\n",
        f"{PROCESS}:6:12: unbekannter Prozess 'gebuehr'",
        id="unknown-process",
    ),
    pytest.param(
        "title: A\nsummary: x\nowner: leitung\nsteps:\n  - id: a\n    title: T\n"
        "    role: sachbearbeitung\n    next: ende\n",
        f"{PROCESS}:8:11: unbekannter Schritt 'ende' – meinten Sie 'end'?",
        id="unknown-step",
    ),
    pytest.param(
        "title: A\nsummary: x\nowner: leitung\nsteps:\n  - id: Prüfen\n    title: T\n"
        "    role: sachbearbeitung\n",
        f"{PROCESS}:5:9: Kennung 'Prüfen' ist ungültig: nur Kleinbuchstaben a–z, Ziffern "
        "und einzelne Bindestriche (z. B. 'pruefen')",
        id="step-id-not-slug",
    ),
    pytest.param(
        "id: anderer-name\ntitle: A\nsummary: x\nowner: leitung\n" + STEPS_OK,
        f"{PROCESS}:1:5: Kennung 'anderer-name' passt nicht zum Dateinamen 'antrag'",
        id="id-mismatch",
    ),
    pytest.param(
        "title: A\nsummary: x\nowner: leitung\nsteps:\n  - id: a\n    title: T\n"
        "    role: sachbearbeitung\n  - id: a\n    title: U\n    role: sachbearbeitung\n",
        f"{PROCESS}:8:9: Schritt-Kennung 'a' kommt doppelt vor (zuerst in Zeile 5)",
        id="duplicate-step-id",
    ),
    pytest.param(
        "title: A\nsummary: x\nowner: leitung\nsteps:\n  - title: D\n    kind: decision\n"
        "    role: sachbearbeitung\n    next:\n      - to: end\n        when: ja\n",
        f"{PROCESS}:9:7: Entscheidung 'D' braucht unter 'next' mindestens zwei Zweige {{to, when}}",
        id="decision-branches",
    ),
    pytest.param(
        "title: A\nsummary: x\nowner: leitung\nsteps:\n  - title: T\n"
        "    role: sachbearbeitung\n    next: end\n  - title: Vergessen\n"
        "    role: sachbearbeitung\n",
        f"{PROCESS}:8:5: Schritt 'Vergessen' ist vom ersten Schritt aus nicht erreichbar",
        id="unreachable",
    ),
    pytest.param(
        "title: A\nsummary: x\nowner: leitung\nsteps:\n  - id: a\n    title: Kreis\n"
        "    role: sachbearbeitung\n    next: a\n",
        f"{PROCESS}:5:5: von Schritt 'Kreis' aus ist kein Ende erreichbar (Endlosschleife)",
        id="no-end",
    ),
    pytest.param(
        "title: A\nsummary: x\nowner: leitung\nsteps:\n  - title: T\n",
        f"{PROCESS}:5:5: Schritt 'T' braucht 'role' (wer ist zuständig?) oder 'calls'",
        id="step-without-role",
    ),
    pytest.param(
        "title: A\nsummary: x\nowner: leitung\nlegal_basis:\n"
        "  - title: Gesetz\n    url: 'javascript:alert(1)'\n" + STEPS_OK,
        f"{PROCESS}:6:10: Adresse 'javascript:alert(1)' ist nicht erlaubt: nur http:, "
        "https: und mailto: sind zulässig",
        id="unsafe-url",
    ),
    pytest.param(
        "title: A\nsummary: x\nowner: leitung\nsteps: []\n",
        f"{PROCESS}:4:8: 'steps' braucht mindestens 1 Eintrag",
        id="no-steps",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ERROR_CASES)
def test_each_error_kind_has_exact_message_and_position(
    tmp_path: Path, minimal_files: dict[str, str], text: str, expected: str
) -> None:
    problems = problems_of(tmp_path, with_process(minimal_files, text))
    assert expected in problems, "\n".join(problems)


def test_call_cycle_is_reported_once_with_the_cycle(
    tmp_path: Path, minimal_files: dict[str, str]
) -> None:
    files = {
        **minimal_files,
        "processes/a.yml": "title: A\nsummary: x\nowner: leitung\nsteps:\n"
        "  - title: B aufrufen\n    calls: b\n",
        "processes/b.yml": "title: B\nsummary: x\nowner: leitung\nsteps:\n"
        "  - title: A aufrufen\n    calls: a\n",
    }
    problems = problems_of(tmp_path, files)
    cycles = [p for p in problems if "Kreis" in p]
    assert cycles == [
        "content/processes/a.yml:6:12: Teilprozess-Aufrufe bilden einen Kreis: a → b → a"
    ]


def test_unit_parent_cycle(tmp_path: Path, minimal_files: dict[str, str]) -> None:
    files = {
        **minimal_files,
        "units/amt.yml": "title: Amt\nhead: leitung\nparent: dezernat\n",
        "units/dezernat.yml": "title: Dezernat\nparent: amt\n",
    }
    problems = problems_of(tmp_path, files)
    assert (
        "content/units/amt.yml:3:9: übergeordnete Einheiten bilden einen Kreis: "
        "amt → dezernat → amt"
    ) in problems


def test_file_name_that_is_not_a_slug(tmp_path: Path, minimal_files: dict[str, str]) -> None:
    files = {**minimal_files, "units/Bürgeramt.yml": "title: B\nparent: amt\n"}
    problems = problems_of(tmp_path, files)
    assert (
        "content/units/Bürgeramt.yml:1:1: Kennung 'Bürgeramt' ist ungültig: nur "
        "Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche (z. B. 'buergeramt')"
    ) in problems


def test_file_over_one_mebibyte_is_refused(tmp_path: Path, minimal_files: dict[str, str]) -> None:
    big = "title: A\nsummary: " + "x" * (1024 * 1024) + "\n"
    problems = problems_of(tmp_path, with_process(minimal_files, big))
    assert problems[0].startswith(f"{PROCESS}:1:1: Datei ist größer als 1 MiB")


def test_all_problems_of_all_files_in_one_run_sorted(
    tmp_path: Path, minimal_files: dict[str, str]
) -> None:
    files = {
        **minimal_files,
        "roles/sachbearbeitung.yml": "title: S\nunit: amtt\ndeputy: leitung\n",
        "processes/antrag.yml": "title: A\nsummary: x\nowner: leitng\nstatus: aktiv\n" + STEPS_OK,
    }
    problems = problems_of(tmp_path, files)
    errors = [p for p in problems if "Warnung" not in p]
    assert errors == [
        f"{PROCESS}:3:8: unbekannte Rolle 'leitng' – meinten Sie 'leitung'?",
        f"{PROCESS}:4:9: unbekannter Wert 'aktiv' für 'status' (erlaubt: draft, active, "
        "retired) – meinten Sie 'active'?",
        "content/roles/sachbearbeitung.yml:2:7: unbekannte Organisationseinheit 'amtt' "
        "– meinten Sie 'amt'?",
    ]


def test_umlaut_near_miss_suggests_the_folded_id(
    tmp_path: Path, minimal_files: dict[str, str]
) -> None:
    files = {
        **minimal_files,
        "roles/sachbearbeitung-buergerbuero.yml": "title: S\nunit: amt\ndeputy: leitung\n",
    }
    text = (
        "title: A\nsummary: x\nowner: leitung\nsteps:\n  - title: T\n"
        "    role: sachbearbeitung-bürgerbüro\n"
    )
    problems = problems_of(tmp_path, with_process(files, text))
    assert (
        f"{PROCESS}:6:11: unbekannte Rolle 'sachbearbeitung-bürgerbüro' – meinten Sie "
        "'sachbearbeitung-buergerbuero'?"
    ) in problems


def test_messages_in_english(tmp_path: Path, minimal_files: dict[str, str]) -> None:
    text = "title: A\nsummary: x\nowner: leitng\n" + STEPS_OK
    problems = problems_of(tmp_path, with_process(minimal_files, text), language="en")
    assert f"{PROCESS}:3:8: unknown role 'leitng' – did you mean 'leitung'?" in problems


WARNING_CASES = [
    pytest.param(
        {
            "processes/antrag.yml": "title: A\nsummary: x\nowner: leitung\nreview:\n"
            "  last_reviewed: 2024-01-15\n" + STEPS_OK
        },
        f"{PROCESS}:5:18: Warnung: Prüfung überfällig seit 15.01.2025 (letzte Prüfung "
        "15.01.2024, Intervall 12 Monate)",
        id="review-overdue",
    ),
    pytest.param(
        {
            "roles/leitung.yml": "title: L\nunit: amt\nholders:\n  - name: Alt\n"
            "    until: 2025-12-31\n"
        },
        f"{PROCESS}:3:8: Warnung: die verantwortliche Rolle 'leitung' hat derzeit niemanden, "
        "der sie innehat",
        id="owner-without-holder",
    ),
    pytest.param(
        {"roles/leitung.yml": "title: L\nunit: amt\nholders:\n  - name: Erika Muster\n"},
        "content/roles/leitung.yml:3:1: Warnung: Rolle hat nur eine Person (Erika Muster) "
        "und keine Vertretung ('deputy')",
        id="single-holder-no-deputy",
    ),
    pytest.param(
        {"processes/antrag.yml": "title: A\nowner: leitung\n" + STEPS_OK},
        f"{PROCESS}:1:1: Warnung: Prozess ohne Zusammenfassung ('summary')",
        id="no-summary",
    ),
    pytest.param(
        {"roles/frei.yml": "title: Frei\nunit: amt\n"},
        "content/roles/frei.yml:1:1: Warnung: Rolle 'frei' wird nirgends verwendet",
        id="role-unreferenced",
    ),
    pytest.param(
        {"units/leer.yml": "title: Leer\n"},
        "content/units/leer.yml:1:1: Warnung: Einheit 'leer' wird nirgends verwendet",
        id="unit-unreferenced",
    ),
]


@pytest.mark.parametrize(("changes", "expected"), WARNING_CASES)
def test_each_warning_kind(
    tmp_path: Path, minimal_files: dict[str, str], changes: dict[str, str], expected: str
) -> None:
    problems = problems_of(tmp_path, {**minimal_files, **changes})
    assert expected in problems, "\n".join(problems)


def test_minimal_handbook_has_no_problems(tmp_path: Path, minimal_files: dict[str, str]) -> None:
    assert problems_of(tmp_path, minimal_files) == []


def test_dates_in_messages_read_in_the_language_of_the_reader(
    tmp_path: Path, minimal_files: dict[str, str]
) -> None:
    text = "title: A\nsummary: x\nowner: leitung\nreview:\n  last_reviewed: 2024-01-15\n" + STEPS_OK
    problems = problems_of(tmp_path, with_process(minimal_files, text), language="en")
    assert any(
        "review overdue since Jan 15, 2025 (last review Jan 15, 2024" in p for p in problems
    ), problems
    assert not any("2025-01-15" in p for p in problems)
