"""Shared test helpers: small handbooks written into tmp_path."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

# Session fixtures (the demo, Chromium, fixture sites built once), for every module.
pytest_plugins = ["browser_fixtures", "shared_sites"]

FIXED_TODAY = dt.date(2026, 11, 23)

MINIMAL = {
    "units/amt.yml": """
        title: Bürgeramt
        head: leitung
    """,
    "roles/leitung.yml": """
        title: Leitung Bürgeramt
        unit: amt
        holders:
          - name: Erika Muster
            username: emuster
          - name: Max Beispiel
    """,
    "roles/sachbearbeitung.yml": """
        title: Sachbearbeitung
        unit: amt
        deputy: leitung
        holders:
          - name: Petra Probe
            username: pprobe
    """,
    "processes/antrag.yml": """
        title: Antrag bearbeiten
        summary: Ein Antrag wird geprüft und beschieden.
        owner: leitung
        review:
          last_reviewed: 2026-06-01
        steps:
          - id: pruefen
            title: Antrag prüfen
            role: sachbearbeitung
          - title: Bescheid zeichnen
            role: leitung
    """,
}


def write_content(root: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (paths relative to content/) below ``root``; returns the content dir."""
    content = root / "content"
    for relative, text in files.items():
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return content


@pytest.fixture
def minimal_files() -> dict[str, str]:
    """A small valid handbook: one unit, two roles, one process (a fresh copy per test)."""
    return dict(MINIMAL)


@pytest.fixture
def no_user_git_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """git as on a fresh machine: no global or system configuration of the user's."""
    from gitrepo import isolated_git_env

    for name, value in isolated_git_env(tmp_path / "global.gitconfig").items():
        monkeypatch.setenv(name, value)
