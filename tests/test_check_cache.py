"""`prozesshandbuch check` answers unchanged content from its cache, and only then."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import prozesshandbuch.content.check
from conftest import FIXED_TODAY, write_content
from prozesshandbuch.cli import main
from prozesshandbuch.content import checkcache
from prozesshandbuch.content.fingerprint import PACKAGE, package_fingerprint

WITH_PROBLEMS = {
    "processes/antrag.yml": """
        title: Antrag bearbeiten
        owner: leitung
        review:
          last_reviewed: 2020-01-01
        steps:
          - title: Antrag prüfen
            role: sachbearbeitng
    """,
}


class Spy:
    """Counts real checks; the cache answers without one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        real = prozesshandbuch.content.check.check_handbook

        def counting(*args: Any) -> Any:
            self.calls += 1
            return real(*args)

        monkeypatch.setattr(prozesshandbuch.content.check, "check_handbook", counting)


def run(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main, ["check", "--today", FIXED_TODAY.isoformat(), *args, str(root / "content")]
    )
    return result.exit_code, result.output


@pytest.fixture
def project(tmp_path: Path, minimal_files: dict[str, str]) -> Path:
    write_content(tmp_path, {**minimal_files, **WITH_PROBLEMS})
    return tmp_path


def test_unchanged_content_is_answered_from_the_cache_with_the_same_output(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = Spy(monkeypatch)
    cold = run(project, "--lang", "en")
    warm = run(project, "--lang", "en")
    german = run(project)
    assert spy.calls == 1
    assert cold == warm
    assert cold[0] == 1
    assert "unknown role 'sachbearbeitng' – did you mean 'sachbearbeitung'?" in cold[1]
    # The cache holds problems, not text: the language is chosen when printing.
    assert "unbekannte Rolle 'sachbearbeitng'" in german[1]
    assert (project / ".cache/prozesshandbuch/check.json").is_file()


def test_a_changed_file_is_checked_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spy = Spy(monkeypatch)
    assert run(project)[0] == 1
    fixed = (project / "content/processes/antrag.yml").read_text(encoding="utf-8")
    (project / "content/processes/antrag.yml").write_text(
        fixed.replace("sachbearbeitng", "sachbearbeitung"), encoding="utf-8"
    )
    code, output = run(project)
    assert spy.calls == 2
    assert code == 0
    assert "sachbearbeitng" not in output


def test_no_cache_checks_afresh(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spy = Spy(monkeypatch)
    run(project)
    run(project, "--no-cache")
    assert spy.calls == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: "{ not json",
        lambda data: json.dumps({**data, "format": 0}),
        lambda data: json.dumps({**data, "file_count": "5"}),
        lambda data: json.dumps({**data, "problems": [{**data["problems"][0], "line": "3"}]}),
        lambda data: json.dumps({**data, "problems": [*data["problems"], {"path": "x"}]}),
        lambda data: json.dumps({**data, "key": "0" * 64}),
    ],
    ids=["not-json", "other-format", "count-text", "line-text", "half-entry", "other-key"],
)
def test_a_cache_that_cannot_be_trusted_is_thrown_away(
    project: Path, monkeypatch: pytest.MonkeyPatch, damage: Any
) -> None:
    spy = Spy(monkeypatch)
    expected = run(project)
    cache = project / ".cache/prozesshandbuch/check.json"
    cache.write_text(damage(json.loads(cache.read_text(encoding="utf-8"))), encoding="utf-8")
    assert run(project) == expected
    assert spy.calls == 2
    # ... and replaced by a good one.
    assert run(project) == expected
    assert spy.calls == 2


def test_deleting_the_cache_is_safe(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spy = Spy(monkeypatch)
    expected = run(project)
    shutil.rmtree(project / ".cache")
    assert run(project) == expected
    assert spy.calls == 2


def test_the_key_covers_date_content_and_code(project: Path, tmp_path: Path) -> None:
    content = project / "content"
    key = checkcache.check_key(content, project, FIXED_TODAY)
    assert key is not None
    assert key != checkcache.check_key(content, project, FIXED_TODAY + dt.timedelta(days=1))
    (content / "notes.txt").write_text("any file counts", encoding="utf-8")
    assert key != checkcache.check_key(content, project, FIXED_TODAY)
    assert checkcache.check_key(tmp_path / "missing", project, FIXED_TODAY) is None
    copy = tmp_path / "package"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = package_fingerprint(copy, "0.1.0")
    assert before == package_fingerprint(PACKAGE, "0.1.0")
    assert before != package_fingerprint(copy, "0.2.0")
    template = copy / "templates" / "process.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert before != package_fingerprint(copy, "0.1.0")
