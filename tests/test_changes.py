"""Changes in words: model comparisons, and a sequence of real commits described."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gitrepo import ERIKA, MAX, PETRA, GitRepo
from prozesshandbuch.analysis.changes import (
    ChangeDescriber,
    describe_change,
    handbook_titles,
    kind_of_path,
    match_steps,
    parse_revision,
)
from prozesshandbuch.analysis.history import Change, ChangeStatus, read_history
from prozesshandbuch.content.load import load_handbook
from prozesshandbuch.content.model import Process, Role, Step, System, Unit

TITLES = {
    ("role", "sachbearbeitung"): "Sachbearbeitung Bürgerbüro",
    ("role", "teamleitung"): "Teamleitung Bürgerbüro",
    ("role", "leitung"): "Leitung Bürgerbüro",
    ("role", "sachgebietsleitung"): "Sachgebietsleitung",
    ("unit", "buergerbuero"): "Bürgerbüro",
    ("unit", "buergerdienste"): "Fachbereich Bürgerdienste",
    ("system", "voismeso"): "VOIS|MESO",
    ("process", "gebuehren"): "Gebühren kassieren",
}


def titles(kind: str, entity_id: str) -> str:
    return TITLES.get((kind, entity_id), entity_id)


pytestmark = pytest.mark.usefixtures("no_user_git_config")


BASE: dict[str, Any] = {
    "title": "Reisepass beantragen",
    "summary": "Bürgerinnen und Bürger beantragen einen Pass.",
    "owner": "sachgebietsleitung",
    "legal_basis": ["§ 6 PassG"],
    "review": {"last_reviewed": "2026-02-15"},
    "steps": [
        {"id": "pruefen", "title": "Antrag prüfen", "role": "sachbearbeitung"},
        {"title": "Pass aushändigen", "role": "sachbearbeitung"},
    ],
}


def _process(edit: Callable[[dict[str, Any]], None] | None = None) -> Process:
    data = copy.deepcopy(BASE)
    if edit is not None:
        edit(data)
    return Process.model_validate(data).model_copy(update={"id": "reisepass"})


def _set(*path: str | int, value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        target: Any = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return edit


def _append(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda data: data.setdefault(key, []).append(value)


PROCESS_CASES: list[tuple[str, Callable[[dict[str, Any]], None], list[str]]] = [
    (
        "step role",
        _set("steps", 0, "role", value="teamleitung"),
        [
            "Schritt ‚Antrag prüfen‘: zuständig jetzt Teamleitung Bürgerbüro "
            "statt Sachbearbeitung Bürgerbüro"
        ],
    ),
    (
        "new step",
        _append("steps", {"title": "Gebühr erheben", "calls": "gebuehren"}),
        ["Schritt ‚Gebühr erheben‘ neu"],
    ),
    (
        "step removed",
        lambda d: d["steps"].pop(1),
        ["Schritt ‚Pass aushändigen‘ entfernt"],
    ),
    (
        "step with id renamed",
        _set("steps", 0, "title", value="Antrag sorgfältig prüfen"),
        ["Schritt ‚Antrag prüfen‘ umbenannt in ‚Antrag sorgfältig prüfen‘"],
    ),
    (
        "step without id renamed",
        _set("steps", 1, "title", value="Pass übergeben"),
        ["Schritt ‚Pass aushändigen‘ umbenannt in ‚Pass übergeben‘"],
    ),
    (
        "steps reordered",
        lambda d: d["steps"].reverse(),
        ["Reihenfolge der Schritte geändert"],
    ),
    (
        "owner handover",
        _set("owner", value="leitung"),
        ["Prozessverantwortung an Leitung Bürgerbüro übergeben (bisher Sachgebietsleitung)"],
    ),
    (
        "legal basis added",
        _append("legal_basis", "§ 5 PassV"),
        ["Rechtsgrundlage ergänzt: § 5 PassV"],
    ),
    ("legal basis removed", _set("legal_basis", value=[]), ["Rechtsgrundlage entfernt: § 6 PassG"]),
    (
        "legal basis address",
        _set("legal_basis", value=[{"title": "§ 6 PassG", "url": "https://example.org/passg"}]),
        ["Rechtsgrundlage § 6 PassG: Adresse geändert"],
    ),
    (
        "title",
        _set("title", value="Reisepass oder Kinderreisepass beantragen"),
        ["Titel geändert: ‚Reisepass beantragen‘ → ‚Reisepass oder Kinderreisepass beantragen‘"],
    ),
    ("summary", _set("summary", value="Neu formuliert."), ["Zusammenfassung überarbeitet"]),
    ("summary removed", lambda d: d.pop("summary"), ["Zusammenfassung entfernt"]),
    (
        "review confirmed",
        _set("review", "last_reviewed", value="2026-11-20"),
        ["Prüfung bestätigt am 20.11.2026"],
    ),
    (
        "review interval",
        _set("review", "interval_months", value=24),
        ["Prüfintervall: 12 → 24 Monate"],
    ),
    ("status", _set("status", value="draft"), ["Status: gültig → Entwurf"]),
    (
        "category",
        _set("category", value="support"),
        ["Kategorie: Kernprozess → Unterstützungsprozess"],
    ),
    ("unit", _set("unit", value="buergerbuero"), ["Federführende Einheit jetzt Bürgerbüro"]),
    ("systems", _set("systems", value=["voismeso"]), ["IT-System ergänzt: VOIS|MESO"]),
    (
        "customers",
        _set("customers", value=["citizens"]),
        ["Zielgruppe ergänzt: Bürgerinnen und Bürger"],
    ),
    (
        "tags and keywords",
        lambda d: d.update(tags=["Reisen", "Ausweise"], keywords=["Pass"]),
        ["Schlagworte ergänzt: Reisen, Ausweise", "Suchbegriff ergänzt: Pass"],
    ),
    (
        "documents",
        _set("documents", value=[{"title": "Antragsformular"}]),
        ["Dokument ergänzt: Antragsformular"],
    ),
    (
        "trigger",
        _set("trigger", value="Termin wird wahrgenommen"),
        ["Auslöser ergänzt: ‚Termin wird wahrgenommen‘"],
    ),
    (
        "service key",
        _set("service_key", value="99086001001000"),
        ["Leistungsschlüssel ergänzt: 99086001001000"],
    ),
    (
        "metric",
        _set("metrics", value={"cases_per_year": 4200}),
        ["Kennzahl cases_per_year ergänzt: 4200"],
    ),
    (
        "weakness",
        _set("weaknesses", value=[{"title": "Quittung von Hand", "kind": "media-break"}]),
        ["Schwachstelle ergänzt: Quittung von Hand"],
    ),
    (
        "step description",
        _set("steps", 0, "description", value="Lichtbild prüfen."),
        ["Schritt ‚Antrag prüfen‘: Beschreibung ergänzt"],
    ),
    (
        "step consulted",
        _set("steps", 0, "consulted", value=["teamleitung"]),
        ["Schritt ‚Antrag prüfen‘: Beteiligte Rolle (C) ergänzt: Teamleitung Bürgerbüro"],
    ),
    (
        "step next",
        _set("steps", 0, "next", value="end"),
        ["Schritt ‚Antrag prüfen‘: Ablauf danach jetzt Ende (bisher folgender Schritt)"],
    ),
    (
        "step becomes a decision",
        lambda d: d["steps"][0].update(
            kind="decision",
            next=[{"to": "end", "when": "nein"}, {"to": "pruefen", "when": "ja"}],
        ),
        [
            "Schritt ‚Antrag prüfen‘: jetzt eine Entscheidung",
            "Schritt ‚Antrag prüfen‘: Ablauf danach jetzt nein → Ende, ja → ‚Antrag prüfen‘ "
            "(bisher folgender Schritt)",
        ],
    ),
    (
        "step duration",
        _set("steps", 1, "duration", value="5 min"),
        ["Schritt ‚Pass aushändigen‘: Dauer ergänzt: 5 min"],
    ),
    (
        "step calls instead of role",
        lambda d: d["steps"][1].update(role=None, calls="gebuehren"),
        [
            "Schritt ‚Pass aushändigen‘: keine zuständige Rolle mehr "
            "(bisher Sachbearbeitung Bürgerbüro)",
            "Schritt ‚Pass aushändigen‘: ruft jetzt Teilprozess Gebühren kassieren auf",
        ],
    ),
    ("nothing", lambda d: None, []),
]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [case[1:] for case in PROCESS_CASES],
    ids=[case[0] for case in PROCESS_CASES],
)
def test_process_changes_in_words(
    edit: Callable[[dict[str, Any]], None], expected: list[str]
) -> None:
    assert describe_change("process", _process(), _process(edit), titles) == expected


def test_several_changes_at_once_keep_a_fixed_order() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["owner"] = "leitung"
        data["steps"][0]["role"] = "teamleitung"
        data["steps"].append({"title": "Gebühr erheben", "role": "sachbearbeitung"})
        data["legal_basis"].append("§ 5 PassV")

    assert describe_change("process", _process(), _process(edit), titles) == [
        "Prozessverantwortung an Leitung Bürgerbüro übergeben (bisher Sachgebietsleitung)",
        "Rechtsgrundlage ergänzt: § 5 PassV",
        "Schritt ‚Gebühr erheben‘ neu",
        "Schritt ‚Antrag prüfen‘: zuständig jetzt Teamleitung Bürgerbüro "
        "statt Sachbearbeitung Bürgerbüro",
    ]


def test_english() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["owner"] = "leitung"
        data["steps"][0]["role"] = "teamleitung"
        data["status"] = "draft"

    assert describe_change("process", _process(), _process(edit), titles, "en") == [
        "Status: active → draft",
        "Process ownership handed over to Leitung Bürgerbüro (previously Sachgebietsleitung)",
        "Step ‘Antrag prüfen’: now done by Teamleitung Bürgerbüro "
        "instead of Sachbearbeitung Bürgerbüro",
    ]
    assert describe_change("process", None, _process(), titles, "en") == ["Process created"]


def test_created_and_deleted() -> None:
    assert describe_change("process", None, _process(), titles) == ["Prozess angelegt"]
    assert describe_change("process", _process(), None, titles) == ["Prozess gelöscht"]


def test_a_removed_and_an_unrelated_new_step_are_not_a_rename() -> None:
    old = [Step(title="Antrag prüfen", role="a"), Step(title="Pass drucken", role="b")]
    new = [Step(title="Antrag prüfen", role="a"), Step(title="Gebühr erheben", role="c")]

    assert match_steps(old, new) == [(0, 0)]


def _role(**changes: Any) -> Role:
    data: dict[str, Any] = {
        "title": "Sachbearbeitung Bürgerbüro",
        "unit": "buergerbuero",
        "holders": [{"name": "Erika Muster", "username": "emuster"}, {"name": "Max Beispiel"}],
    }
    data.update(changes)
    return Role.model_validate(data)


ROLE_CASES: list[tuple[str, dict[str, Any], list[str]]] = [
    (
        "holder joins and one leaves",
        {"holders": [{"name": "Erika Muster", "username": "emuster"}, {"name": "Petra Probe"}]},
        ["Neu in der Rolle: Petra Probe", "Nicht mehr in der Rolle: Max Beispiel"],
    ),
    (
        "holder gets an end date",
        {
            "holders": [
                {"name": "Erika Muster", "username": "emuster", "until": "2026-12-31"},
                {"name": "Max Beispiel"},
            ]
        },
        ["Erika Muster in der Rolle bis 31.12.2026"],
    ),
    ("deputy", {"deputy": "teamleitung"}, ["Vertretung jetzt Teamleitung Bürgerbüro"]),
    (
        "responsibilities",
        {"responsibilities": ["Meldewesen"]},
        ["Aufgabe ergänzt: Meldewesen"],
    ),
    (
        "unit",
        {"unit": "buergerdienste"},
        ["Einheit jetzt Fachbereich Bürgerdienste statt Bürgerbüro"],
    ),
]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [case[1:] for case in ROLE_CASES],
    ids=[case[0] for case in ROLE_CASES],
)
def test_role_changes_in_words(changes: dict[str, Any], expected: list[str]) -> None:
    assert describe_change("role", _role(), _role(**changes), titles) == expected


def test_names_of_holders_stay_out_when_holders_are_hidden() -> None:
    new = _role(holders=[{"name": "Petra Probe"}])

    assert describe_change("role", _role(), new, titles, show_holders=False) == [
        "Besetzung geändert"
    ]


def test_unit_and_system_changes_in_words() -> None:
    old_unit = Unit(title="Bürgerbüro", head="teamleitung")
    new_unit = Unit(title="Bürgerbüro", head="leitung", parent="buergerdienste")
    old_system = System(title="VOIS|MESO", owner="teamleitung")
    new_system = System(title="VOIS|MESO", owner="leitung", vendor="HSH")

    assert describe_change("unit", old_unit, new_unit, titles) == [
        "Leitung jetzt Leitung Bürgerbüro statt Teamleitung Bürgerbüro",
        "Übergeordnete Einheit jetzt Fachbereich Bürgerdienste",
    ]
    assert describe_change("system", old_system, new_system, titles) == [
        "Fachverfahrensbetreuung jetzt Leitung Bürgerbüro statt Teamleitung Bürgerbüro",
        "Hersteller ergänzt: HSH",
    ]


class _SystemWithMore(System):
    """Stands for a model that gained a field no phrase knows yet."""

    location: str | None = None


def test_fields_without_a_phrase_are_still_named() -> None:
    old = _SystemWithMore(title="VOIS|MESO")
    new = _SystemWithMore(title="VOIS|MESO", location="Rechenzentrum", vendor="HSH")

    assert describe_change("system", old, new, titles) == ["Felder geändert: vendor, location"]


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("content/processes/a.yml", "process"),
        ("content/roles/a.yaml", "role"),
        ("handbuch/content/units/a.yml", "unit"),
        ("content/systems/a.yml", "system"),
        ("content/processes/README.md", None),
        ("content/other/a.yml", None),
    ],
)
def test_kind_of_path(path: str, kind: str | None) -> None:
    assert kind_of_path(path) == kind


@pytest.mark.parametrize(
    "raw",
    [b"title: [unclosed", b"- a list\n", b"title: X\n", b"\xff\xfe", b"title: X\nsteps: []\n"],
)
def test_an_unusable_revision_is_unreadable_not_an_error(raw: bytes) -> None:
    from prozesshandbuch.analysis.changes import Unreadable

    assert isinstance(parse_revision("process", raw, "content/processes/x.yml"), Unreadable)


# --- a sequence of real commits ----------------------------------------------------------

ROLES = {
    "content/units/buergerbuero.yml": "title: Bürgerbüro\nhead: leitung\n",
    "content/roles/sachbearbeitung.yml": "title: Sachbearbeitung Bürgerbüro\nunit: buergerbuero\n",
    "content/roles/teamleitung.yml": "title: Teamleitung Bürgerbüro\nunit: buergerbuero\n",
    "content/roles/leitung.yml": """
        title: Leitung Bürgerbüro
        unit: buergerbuero
        holders:
          - name: Erika Muster
    """,
}
PROCESS_V1 = """
    title: Reisepass beantragen
    summary: Bürgerinnen und Bürger beantragen einen Pass.
    owner: teamleitung
    steps:
      - id: pruefen
        title: Antrag prüfen
        role: sachbearbeitung
      - id: aushaendigen
        title: Pass aushändigen
        role: sachbearbeitung
"""


def _sequence(repo: GitRepo) -> list[tuple[str, list[str]]]:
    """Commit a series of edits to one process; returns (subject, expected words)."""
    path = "content/processes/reisepass.yml"
    for relative, text in ROLES.items():
        repo.write(relative, text)
    repo.write(path, PROCESS_V1)
    repo.commit("Reisepass dokumentiert", ERIKA, "2026-01-05T10:00:00+01:00")
    expected = [("Reisepass dokumentiert", ["Prozess angelegt"])]

    text = (repo.path / path).read_text(encoding="utf-8")
    steps: list[tuple[str, tuple[str, str], Callable[[str], str], list[str]]] = [
        (
            "Zuständigkeit Prüfung",
            MAX,
            lambda t: t.replace(
                "title: Antrag prüfen\n    role: sachbearbeitung",
                "title: Antrag prüfen\n    role: teamleitung",
            ),
            [
                "Schritt ‚Antrag prüfen‘: zuständig jetzt Teamleitung Bürgerbüro "
                "statt Sachbearbeitung Bürgerbüro"
            ],
        ),
        (
            "Gebührenschritt",
            PETRA,
            lambda t: t + "  - title: Gebühr erheben\n    role: sachbearbeitung\n",
            ["Schritt ‚Gebühr erheben‘ neu"],
        ),
        (
            "Übergabe an die Leitung",
            ERIKA,
            lambda t: t.replace("owner: teamleitung", "owner: leitung"),
            [
                "Prozessverantwortung an Leitung Bürgerbüro übergeben "
                "(bisher Teamleitung Bürgerbüro)"
            ],
        ),
        (
            "Rechtsgrundlage",
            MAX,
            lambda t: t.replace("steps:", "legal_basis:\n  - § 6 PassG\nsteps:"),
            ["Rechtsgrundlage ergänzt: § 6 PassG"],
        ),
        (
            "Aushändigung entfällt",
            PETRA,
            lambda t: t.replace(
                "  - id: aushaendigen\n    title: Pass aushändigen\n    role: sachbearbeitung\n", ""
            ),
            ["Schritt ‚Pass aushändigen‘ entfernt"],
        ),
        (
            "Tippfehler",
            MAX,
            lambda t: t.replace("steps:", "steps: [oops"),
            ["Datei war in dieser Version fehlerhaft"],
        ),
        (
            "Tippfehler behoben",
            ERIKA,
            lambda t: t.replace("steps: [oops", "steps:"),
            ["Fehler in der Datei behoben"],
        ),
        (
            "Kommentar",
            PETRA,
            lambda t: "# Verantwortlich: Leitung\n" + t,
            ["Nur Formatierung oder Kommentare geändert"],
        ),
    ]
    for day, (subject, author, edit, words) in enumerate(steps, start=10):
        text = edit(text)
        repo.write(path, text)
        repo.commit(subject, author, f"2026-01-{day}T10:00:00+01:00")
        expected.append((subject, words))
    repo.git("mv", path, "content/processes/reisepass-beantragen.yml")
    repo.commit("Kennung an Titel angepasst", MAX, "2026-02-01T10:00:00+01:00")
    expected.append(
        ("Kennung an Titel angepasst", ["Datei umbenannt von ‚content/processes/reisepass.yml‘"])
    )
    return expected[::-1]


def test_a_sequence_of_commits_in_words(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    expected = _sequence(repo)
    content = repo.path / "content"
    handbook = load_handbook(content, repo.path).handbook

    with read_history(repo.path, content) as history:
        describer = ChangeDescriber.for_history(history, handbook_titles(handbook))
        entries = history.entries("content/processes/reisepass-beantragen.yml")
        descriptions = describer.describe_many(entries)
        described = [(c.subject, d.lines) for c, d in zip(entries, descriptions, strict=True)]
        one_by_one = ChangeDescriber.for_history(history, handbook_titles(handbook))
        assert [one_by_one.describe(change) for change in entries] == descriptions
        assert {d.title for d in descriptions} == {"Reisepass beantragen"}
        assert history.git_runs == 2  # one log, one cat-file for every revision

    assert described == expected


def test_role_file_history_in_words(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    for relative, text in ROLES.items():
        repo.write(relative, text)
    repo.commit("Start", ERIKA, "2026-01-05T10:00:00+01:00")
    repo.write(
        "content/roles/leitung.yml",
        """
        title: Leitung Bürgerbüro
        unit: buergerbuero
        deputy: teamleitung
        holders:
          - name: Erika Muster
            until: 2026-03-31
          - name: Max Beispiel
            since: 2026-04-01
        """,
    )
    repo.commit("Nachfolge geregelt", MAX, "2026-02-05T10:00:00+01:00")
    content = repo.path / "content"
    handbook = load_handbook(content, repo.path).handbook

    with read_history(repo.path, content) as history:
        describer = ChangeDescriber.for_history(history, handbook_titles(handbook), "en")
        latest = history.latest("content/roles/leitung.yml")
        assert latest is not None
        description = describer.describe(latest)

    assert (description.kind, description.title) == ("role", "Leitung Bürgerbüro")
    assert description.lines == [
        "New in the role: Max Beispiel",
        "Erika Muster in the role until Mar 31, 2026",
        "Deputy now Teamleitung Bürgerbüro",
    ]


def test_the_oldest_commit_of_a_shallow_clone_is_not_called_a_creation(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    _sequence(repo)
    clone = tmp_path / "clone"
    repo.git("clone", "--quiet", "--depth=1", f"file://{repo.path}", str(clone))

    with read_history(clone, clone / "content") as history:
        describer = ChangeDescriber.for_history(history, lambda kind, entity_id: entity_id)
        change = history.latest("content/processes/reisepass-beantragen.yml")
        assert change is not None
        lines = describer.describe(change).lines

    assert lines == ["Älteste verfügbare Version; die frühere Historie fehlt (flacher Klon)"]


def test_a_revision_git_cannot_give_is_said_so() -> None:
    change = Change(
        hexsha="a" * 40,
        short="aaaaaaaa",
        author="Erika Muster",
        author_email="erika@musterstadt.example",
        date=dt.datetime(2026, 1, 5, tzinfo=dt.timezone.utc),
        subject="Änderung",
        status=ChangeStatus.MODIFIED,
        path="content/processes/antrag.yml",
        old_blob="b" * 40,
        new_blob="c" * 40,
    )
    describer = ChangeDescriber(lambda shas: {}, titles)

    assert describer.describe(change).lines == [
        "Inhalt dieser Version nicht verfügbar; Änderung nicht beschreibbar"
    ]
