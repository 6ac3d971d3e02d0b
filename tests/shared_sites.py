"""Fixture handbooks that several test modules build with a real ``mkdocs build``: each
is built once per test session, shared by all xdist workers (``built_once``).

Tests only read these sites; a test that changes files works on a copy
(``copy_project``). Registered for every module in conftest.py (``pytest_plugins``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL
from hostile import PAYLOADS, commit_hostile_history, hostile_handbook
from sitebuild import built_once, make_project, mkdocs_build

GITLAB = "repo_url: https://gitlab.example.org/stadt/handbuch\nedit_uri: -/edit/main/docs/\n"
SYSTEM = "systems/fachverfahren.yml"
SYSTEM_TEXT = "title: Fachverfahren\nowner: leitung\n"

FLOW = {
    "units/amt.yml": "title: Bürgeramt\nhead: leitung\nparent: dezernat\n",
    "units/dezernat.yml": "title: Dezernat II\n",
    "units/kasse.yml": "title: Stadtkasse\nparent: dezernat\n",
    "roles/leitung.yml": """
        title: Leitung Bürgeramt
        unit: amt
        holders:
          - name: Erika Muster
          - name: Max Beispiel
    """,
    "roles/sachbearbeitung.yml": """
        title: Sachbearbeitung
        unit: amt
        deputy: leitung
        responsibilities: [Meldewesen]
        onboarding: [antrag, gebuehr]
        holders:
          - name: Petra Probe
    """,
    "roles/kasse.yml": """
        title: Kassierer
        unit: kasse
        deputy: leitung
        holders:
          - name: Karl Kasse
            until: 2030-01-01
    """,
    "systems/kassensystem.yml": "title: Kassensystem\nowner: kasse\n",
    "processes/gebuehr.yml": """
        title: Gebühr kassieren
        summary: Gebühr wird bezahlt.
        owner: kasse
        category: support
        review:
          last_reviewed: 2026-01-10
        steps:
          - title: Zahlung annehmen
            role: kasse
            systems: [kassensystem]
    """,
    "processes/antrag.yml": """
        title: Antrag bearbeiten
        summary: Ein Antrag wird geprüft und beschieden.
        owner: leitung
        keywords: [Formular]
        tags: [Lebenslage Umzug]
        review:
          last_reviewed: 2025-12-01
        steps:
          - id: pruefen
            title: Antrag prüfen
            kind: decision
            role: sachbearbeitung
            consulted: [kasse]
            next:
              - to: kassieren
                when: vollständig
              - to: nachfordern
                when: unvollständig
          - id: nachfordern
            title: Unterlagen nachfordern
            role: sachbearbeitung
            informed: [leitung]
            next: pruefen
          - id: kassieren
            title: Gebühr erheben
            calls: gebuehr
          - id: buchen
            title: Zahlung buchen
            role: kasse
          - id: zeichnen
            title: Bescheid zeichnen
            role: leitung
    """,
}


def _strict_build(root: Path, files: dict[str, str], **options: str) -> None:
    make_project(root, files, **options)
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def minimal_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small handbook of ``MINIMAL``, built with --strict (project with ``site/``)."""
    return built_once(tmp_path_factory, "minimal", lambda root: _strict_build(root, MINIMAL))


@pytest.fixture(scope="session")
def flow_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``FLOW`` (branches, a sub-process, three units) built with --strict."""
    return built_once(tmp_path_factory, "flow", lambda root: _strict_build(root, FLOW)) / "site"


@pytest.fixture(scope="session")
def gitlab_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``MINIMAL`` and an IT system, with a GitLab repository configured (--strict)."""

    def build(root: Path) -> None:
        _strict_build(root, {**MINIMAL, SYSTEM: SYSTEM_TEXT}, extra_config=GITLAB)

    return built_once(tmp_path_factory, "gitlab", build) / "site"


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The handbook of attack strings (``hostile.py``) with its hostile git history."""

    def build(root: Path) -> None:
        make_project(root, hostile_handbook())
        commit_hostile_history(root, list(PAYLOADS))
        result = mkdocs_build(root)
        assert result.returncode == 0, result.stderr

    return built_once(tmp_path_factory, "hostile", build) / "site"
