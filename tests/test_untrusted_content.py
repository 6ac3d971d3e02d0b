"""Content files are untrusted input: hostile files get a clear message, never a crash."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from conftest import FIXED_TODAY, MINIMAL, write_content
from prozesshandbuch.content.check import check_handbook

PROCESS = "content/processes/antrag.yml"


def problems_of(root: Path, files: dict[str, str], language: str = "de") -> list[str]:
    content = write_content(root, files)
    result = check_handbook(content, root, FIXED_TODAY)
    return [p.format(language) for p in result.problems]


@pytest.mark.parametrize("depth", [51, 500, 990])
def test_deep_nesting_is_one_clear_problem_and_hides_no_other(tmp_path: Path, depth: int) -> None:
    nested = "title: Antrag\nsteps: " + "[" * depth + "]" * depth + "\n"
    files = {
        **MINIMAL,
        "processes/antrag.yml": nested,
        "roles/leitung.yml": "title: 1\nunit: amt\n",
    }

    problems = problems_of(tmp_path, files)

    assert problems == [
        f"{PROCESS}:2:58: die Datei ist zu tief verschachtelt (mehr als 50 Ebenen); Inhalte "
        "brauchen nur wenige Ebenen – ist eine Klammer [ oder { zu viel?",
        "content/roles/leitung.yml:1:8: 'title' muss Text sein; Zahlen bitte in "
        'Anführungszeichen setzen: "1"',
    ]


def test_fifty_levels_are_still_read(tmp_path: Path) -> None:
    nested = "title: Antrag\nsteps: " + "[" * 49 + "]" * 49 + "\n"

    problems = problems_of(tmp_path, {**MINIMAL, "processes/antrag.yml": nested})

    assert not any("verschachtelt" in p for p in problems)


@pytest.mark.parametrize(
    ("escape", "code_point"),
    [
        ("\\0", "U+0000"),
        ("\\a", "U+0007"),
        ("\\e", "U+001B"),
        ("\\x85", "U+0085"),
        ("\\uFFFE", "U+FFFE"),
    ],
)
def test_control_characters_in_content_are_refused(
    tmp_path: Path, escape: str, code_point: str
) -> None:
    process = MINIMAL["processes/antrag.yml"].replace(
        "summary: Ein Antrag wird geprüft und beschieden.",
        f'summary: "Ein Antrag{escape} wird geprüft"',
    )

    problems = problems_of(tmp_path, {**MINIMAL, "processes/antrag.yml": process}, "en")

    assert problems == [
        f"{PROCESS}:2:10: invisible control character {code_point} is not allowed; please remove it"
    ]


@pytest.mark.parametrize("text", ["null\n", "~\n", "", "# nur ein Kommentar\n"])
def test_an_empty_file_is_reported_not_silently_dropped(tmp_path: Path, text: str) -> None:
    problems = problems_of(tmp_path, {**MINIMAL, "roles/sachbearbeitung.yml": text})

    assert problems[0] == (
        "content/roles/sachbearbeitung.yml:1:1: die Datei ist leer oder enthält nur 'null'; "
        "sie braucht Felder wie 'title: …' (wird sie nicht mehr gebraucht, bitte löschen)"
    )
    # The process still refers to the role: no second message about an unknown role.
    assert len(problems) == 1


def test_links_and_odd_entries_are_problems_of_their_own_path(tmp_path: Path) -> None:
    content = write_content(tmp_path, MINIMAL)
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    (outside / "systems").mkdir(parents=True)
    (outside / "systems/fremd.yml").write_text("title: Fremd\n", encoding="utf-8")
    (tmp_path / "vorlage.yml").write_text("title: Erlaubt\nunit: amt\n", encoding="utf-8")
    roles = content / "roles"
    (content / "systems").symlink_to(outside / "systems")
    (content / "units/fremd.yml").symlink_to(outside / "systems")
    (roles / "passwd.yml").symlink_to("/etc/passwd")
    (roles / "kaputt.yml").symlink_to(roles / "fehlt.yml")
    (roles / "ordner.yml").mkdir()
    (roles / "verlinkt.yml").symlink_to(content / "units")
    (roles / "erlaubt.yml").symlink_to(tmp_path / "vorlage.yml")

    result = check_handbook(content, tmp_path, FIXED_TODAY)

    outside_link = "symbolischer Link auf ein Ziel außerhalb des Repositorys; er wird nicht gelesen"
    not_a_file = "ist keine Datei (ein Ordner?); Inhalte stehen in Dateien wie 'kennung.yml'"
    assert [p.format() for p in result.problems] == [
        "content/roles/erlaubt.yml:1:1: Warnung: Rolle 'erlaubt' wird nirgends verwendet",
        "content/roles/kaputt.yml:1:1: symbolischer Link, dessen Ziel fehlt",
        f"content/roles/ordner.yml:1:1: {not_a_file}",
        f"content/roles/passwd.yml:1:1: {outside_link}",
        f"content/roles/verlinkt.yml:1:1: {not_a_file}",
        f"content/systems:1:1: {outside_link}",
        f"content/units/fremd.yml:1:1: {outside_link}",
    ]
    assert set(result.handbook.roles) == {"erlaubt", "leitung", "sachbearbeitung"}
    assert result.handbook.systems == {}


def test_yaml_files_that_are_not_read_get_a_warning(tmp_path: Path) -> None:
    content = write_content(
        tmp_path,
        {
            **MINIMAL,
            "prozesse/antrag.yml": "title: Antrag\n",
            "processes/unter/b.yml": "title: B\n",
            "processes/GROSS.YML": "title: Gross\n",
            "x.yml": "title: X\n",
            "README.md": "# Inhalte\n",
            "processes/bild.png": "",
        },
    )

    result = check_handbook(content, tmp_path, FIXED_TODAY)

    assert [p.format() for p in result.problems] == [
        "content/processes/GROSS.YML:1:1: Warnung: wird nicht gelesen: die Endung '.YML' muss "
        "klein geschrieben '.yml' lauten",
        "content/processes/unter/b.yml:1:1: Warnung: wird nicht gelesen: Unterordner werden "
        "nicht gelesen; bitte direkt in content/processes/ ablegen",
        "content/prozesse/antrag.yml:1:1: Warnung: wird nicht gelesen: der Ordner 'prozesse' "
        "ist keiner der Inhaltsordner processes, roles, units, systems – meinten Sie "
        "'processes'?",
        "content/x.yml:1:1: Warnung: wird nicht gelesen: Inhaltsdateien gehören in "
        "processes/, roles/, units/ oder systems/",
    ]


def test_a_role_naming_itself_as_deputy(tmp_path: Path) -> None:
    role = MINIMAL["roles/sachbearbeitung.yml"].replace(
        "deputy: leitung", "deputy: sachbearbeitung"
    )

    problems = problems_of(tmp_path, {**MINIMAL, "roles/sachbearbeitung.yml": role})

    assert problems == [
        "content/roles/sachbearbeitung.yml:3:9: die Rolle nennt sich selbst als Vertretung "
        "('deputy'); bitte eine andere Rolle eintragen"
    ]


@pytest.mark.parametrize("username", ['"a b"', '"x\\n/content/ @evil"', "'ä'", "-x"])
def test_an_invalid_username_is_reported_not_dropped(tmp_path: Path, username: str) -> None:
    role = MINIMAL["roles/sachbearbeitung.yml"].replace("username: pprobe", f"username: {username}")

    result = check_handbook(
        write_content(tmp_path, {**MINIMAL, "roles/sachbearbeitung.yml": role}),
        tmp_path,
        FIXED_TODAY,
    )

    assert [(p.code, p.position.line, p.position.column) for p in result.problems] == [
        ("invalid-username", 6, 15)
    ]
    assert (
        result.problems[0]
        .format()
        .startswith("content/roles/sachbearbeitung.yml:6:15: Benutzername '")
    )


GERMAN_SYNTAX_CASES = [
    pytest.param("title: x\n\tsummary: y\n", "2:1", "Tabulatorzeichen in der Einrückung", id="tab"),
    pytest.param("title: @x\n", "1:8", "dieses Zeichen kann keinen Wert beginnen", id="at"),
    pytest.param('title: "a\\qb"\n', "1:10", "ungültige Escape-Folge", id="escape"),
    pytest.param("title: x\n---\ntitle: y\n", "2:1", "mehr als ein YAML-Dokument", id="documents"),
    pytest.param("title: a: b\n", "1:9", "hier ist kein 'schlüssel: wert' erlaubt", id="colon"),
    pytest.param("title: !x!y z\n", "1:8", "ungültiges Tag", id="tag"),
    pytest.param("%FOO\n---\ntitle: x\n", "1:5", "ungültige Direktive", id="directive"),
    pytest.param("title: x\x07y\n", "1:9", "Steuerzeichen U+0007", id="raw-control"),
    pytest.param(
        textwrap.dedent(MINIMAL["processes/antrag.yml"]).lstrip() + "[a]: x\n",
        "12:1",
        "keine Liste und keine Zuordnung",
        id="list-key",
    ),
    pytest.param(
        "a: " + "[" * 1001 + "]" * 1001, "1:", "zu tief verschachtelt", id="libyaml-depth"
    ),
]


@pytest.mark.parametrize(("text", "place", "words"), GERMAN_SYNTAX_CASES)
def test_yaml_problems_are_german_without_english_fragments(
    tmp_path: Path, text: str, place: str, words: str
) -> None:
    problems = problems_of(tmp_path, {**MINIMAL, "processes/antrag.yml": text})

    mine = [p for p in problems if p.startswith(PROCESS)]
    assert len(mine) == 1, problems
    assert mine[0].startswith(f"{PROCESS}:{place}")
    assert words in mine[0]
    english = {"found", "expected", "token", "character", "None", "allowed", "context", "stream"}
    assert not english & set(mine[0].replace("'", " ").split())
