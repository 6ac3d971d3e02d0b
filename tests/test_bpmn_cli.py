"""`prozesshandbuch export bpmn`: files per process, chosen ids, clear errors."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conftest import write_content
from prozesshandbuch.cli import main


def test_export_writes_one_file_per_process(tmp_path: Path, minimal_files: dict[str, str]) -> None:
    content = write_content(tmp_path, minimal_files)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["export", "bpmn", "--content", str(content), "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    process_ids = sorted(p.stem for p in (content / "processes").glob("*.yml"))
    assert sorted(p.stem for p in out.glob("*.bpmn")) == process_ids
    assert f"{out / process_ids[0]}.bpmn: geschrieben" in result.output


def test_export_of_an_unknown_id_fails_and_writes_nothing(
    tmp_path: Path, minimal_files: dict[str, str]
) -> None:
    content = write_content(tmp_path, minimal_files)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["export", "bpmn", "gibtsnicht", "--content", str(content), "--output", str(out)]
    )
    assert result.exit_code == 1
    assert "unbekannter Prozess 'gibtsnicht'" in result.output
    assert not out.exists()


def test_export_refuses_content_with_errors(tmp_path: Path, minimal_files: dict[str, str]) -> None:
    broken = {**minimal_files}
    first = sorted(k for k in broken if k.startswith("processes/"))[0]
    broken[first] = broken[first].replace("title:", "titel:", 1)
    content = write_content(tmp_path, broken)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["export", "bpmn", "--content", str(content), "--output", str(out)]
    )
    assert result.exit_code == 1
    assert "Export abgebrochen" in result.output
    assert not out.exists()
