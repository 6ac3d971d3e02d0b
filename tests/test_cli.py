"""The `prozesshandbuch` command: check exit codes and the committed JSON Schemas."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import write_content
from prozesshandbuch.cli import schema_files
from prozesshandbuch.content.model import MODEL_BY_KIND
from prozesshandbuch.content.schema import json_schema

REPO = Path(__file__).resolve().parents[1]


def run_check(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prozesshandbuch", "check", "--today", "2026-11-23", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_exit_codes(tmp_path: Path, minimal_files: dict[str, str]) -> None:
    write_content(tmp_path, minimal_files)
    ok = run_check(tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert "4 Dateien geprüft: 0 Fehler, 0 Warnungen" in ok.stderr

    write_content(tmp_path, {"roles/frei.yml": "title: Frei\nunit: amt\n"})
    assert run_check(tmp_path).returncode == 0
    strict = run_check(tmp_path, "--strict")
    assert strict.returncode == 1
    assert "content/roles/frei.yml:1:1: Warnung: Rolle 'frei' wird nirgends verwendet" in (
        strict.stderr
    )

    write_content(tmp_path, {"units/amt.yml": "title: Amt\nhead: leitung\nparent: nirgends\n"})
    failed = run_check(tmp_path)
    assert failed.returncode == 1
    assert "content/units/amt.yml:3:9: unbekannte Organisationseinheit 'nirgends'" in failed.stderr
    assert "Traceback" not in failed.stderr


def test_check_accepts_a_path_outside_the_working_folder(
    tmp_path: Path, minimal_files: dict[str, str]
) -> None:
    content = write_content(tmp_path / "handbuch", minimal_files)
    elsewhere = tmp_path / "anderswo"
    elsewhere.mkdir()
    assert run_check(elsewhere, str(content)).returncode == 0


def test_committed_schemas_are_current() -> None:
    for name, text in schema_files().items():
        committed = REPO / "schema" / name
        assert committed.read_text(encoding="utf-8") == text, (
            f"schema/{name} is out of date: run `prozesshandbuch schema`"
        )


def _properties(schema: dict[str, object]) -> list[tuple[str, dict[str, object]]]:
    found = []
    objects = [schema, *dict(schema.get("$defs", {})).values()]  # type: ignore[call-overload]
    for obj in objects:
        for name, spec in dict(obj.get("properties", {})).items():
            found.append((name, spec))
    return found


@pytest.mark.parametrize("kind", list(MODEL_BY_KIND))
def test_every_schema_field_has_german_description_and_example(kind: str) -> None:
    schema = json_schema(kind)  # type: ignore[arg-type]
    for name, spec in _properties(schema):
        assert spec.get("description"), f"{kind}.{name} has no description"
        assert spec.get("examples"), f"{kind}.{name} has no example"
    json.dumps(schema)  # serialisable


def test_demo_files_point_editors_at_the_schema() -> None:
    for path in sorted((REPO / "content").rglob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = {"processes": "process", "roles": "role", "units": "unit", "systems": "system"}[
            path.parent.name
        ]
        assert first == f"# yaml-language-server: $schema=../../schema/{kind}.schema.json", path


def test_committed_codeowners_is_current() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "prozesshandbuch", "codeowners", "--format", "gitlab",
         "--today", "2026-11-23", "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
