"""`prozesshandbuch check --format`: the CI formats carry the text format's problems.

Every invalid fixture of test_content_errors runs through the real command in each
format; the positions read back from the GitLab report and the GitHub commands must be
the positions of the text lines.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner, Result

from conftest import write_content
from prozesshandbuch.cli import main
from prozesshandbuch.content.problems import Position, Problem
from prozesshandbuch.tools.problem_formats import github_commands
from test_content_errors import ERROR_CASES, WARNING_CASES, with_process

# The shape GitLab documents for a Code Quality report ("Code Quality report format"):
# a list of issues, each with these fields; severity from GitLab's five-step scale.
CODE_QUALITY_SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}

# The documented `--format json` list (README, "prozesshandbuch check").
JSON_LIST_SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["path", "line", "column", "severity", "code", "message"],
        "additionalProperties": False,
        "properties": {
            "path": {"type": "string"},
            "line": {"type": "integer", "minimum": 1},
            "column": {"type": "integer", "minimum": 1},
            "severity": {"enum": ["error", "warning"]},
            "code": {"type": "string"},
            "message": {"type": "string"},
        },
    },
}

_TEXT_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<message>.*)$")
_COMMAND = re.compile(r"^::(?P<command>error|warning) (?P<properties>[^:]*)::(?P<data>.*)$")


def _decode(value: str) -> str:
    # The runner's decoding (ActionCommand.cs): '%25' last, so '%253A' stays '%3A'.
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ",")):
        value = value.replace(escaped, plain)
    return value.replace("%25", "%")


def parse_github(stdout: str) -> list[dict[str, str]]:
    """Workflow commands as GitHub's runner reads them."""
    parsed = []
    for line in stdout.splitlines():
        match = _COMMAND.match(line)
        assert match, f"not a workflow command: {line!r}"
        properties = dict(part.split("=", 1) for part in match["properties"].split(","))
        parsed.append(
            {
                "command": match["command"],
                **{name: _decode(value) for name, value in properties.items()},
                "message": _decode(match["data"]),
            }
        )
    return parsed


def run(root: Path, report_format: str, *extra: str) -> Result:
    """The real command, in-process; the content folder is given as an absolute path."""
    args = ["check", "--today", "2026-11-23", "--format", report_format, *extra]
    return CliRunner().invoke(main, [*args, str(root / "content")])


def text_positions(root: Path) -> list[tuple[str, int, int, str]]:
    result = run(root, "text")
    found = []
    for line in result.stderr.splitlines()[:-1]:  # the last line is the summary
        match = _TEXT_LINE.match(line)
        assert match, line
        found.append((match["path"], int(match["line"]), int(match["column"]), match["message"]))
    return found


FIXTURES = [
    *(pytest.param({"processes/antrag.yml": p.values[0]}, id=p.id) for p in ERROR_CASES),
    *(pytest.param(p.values[0], id=p.id) for p in WARNING_CASES),
]


@pytest.mark.parametrize("changes", FIXTURES)
def test_every_format_has_the_text_formats_problems_and_positions(
    tmp_path: Path, minimal_files: dict[str, str], changes: dict[str, str]
) -> None:
    write_content(tmp_path, {**minimal_files, **changes})
    expected = text_positions(tmp_path)
    assert expected, "the fixture must produce at least one problem"

    gitlab = run(tmp_path, "gitlab")
    report = json.loads(gitlab.stdout)
    jsonschema.validate(report, CODE_QUALITY_SCHEMA)
    assert [(i["location"]["path"], i["location"]["lines"]["begin"]) for i in report] == [
        (path, line) for path, line, _, _ in expected
    ]
    assert len({issue["fingerprint"] for issue in report}) == len(report)

    github = parse_github(run(tmp_path, "github").stdout)
    assert [(c["file"], int(c["line"]), int(c["col"])) for c in github] == [
        (path, line, column) for path, line, column, _ in expected
    ]
    for command, (_, _, _, message) in zip(github, expected, strict=True):
        prefix = "Warnung: " if command["command"] == "warning" else ""
        assert prefix + command["message"] == message

    listed = json.loads(run(tmp_path, "json").stdout)
    jsonschema.validate(listed, JSON_LIST_SCHEMA)
    assert [(p["path"], p["line"], p["column"]) for p in listed] == [
        (path, line, column) for path, line, column, _ in expected
    ]


def test_gitlab_report_fields(tmp_path: Path, minimal_files: dict[str, str]) -> None:
    text = "title: A\nsummary: x\nowner: leitng\nsteps:\n  - title: T\n    role: sachbearbeitung\n"
    write_content(tmp_path, with_process(minimal_files, text))
    result = run(tmp_path, "gitlab")
    assert result.exit_code == 1
    [issue] = json.loads(result.stdout)
    assert issue["description"] == "unbekannte Rolle 'leitng' – meinten Sie 'leitung'?"
    assert issue["check_name"] == "unknown-role"
    assert issue["severity"] == "major"
    assert issue["location"] == {"path": "content/processes/antrag.yml", "lines": {"begin": 3}}
    # The job log still shows the problem as a text line.
    assert "content/processes/antrag.yml:3:8: unbekannte Rolle 'leitng'" in result.stderr


def test_fingerprint_survives_lines_added_above(
    tmp_path: Path, minimal_files: dict[str, str]
) -> None:
    text = "title: A\nsummary: x\nowner: leitng\nsteps:\n  - title: T\n    role: sachbearbeitung\n"
    write_content(tmp_path, with_process(minimal_files, text))
    before = json.loads(run(tmp_path, "gitlab").stdout)
    write_content(tmp_path, with_process(minimal_files, "# Kommentar\n\n" + text))
    after = json.loads(run(tmp_path, "gitlab").stdout)
    assert after[0]["location"]["lines"]["begin"] == 5
    assert after[0]["fingerprint"] == before[0]["fingerprint"]


def test_github_commands_escape_untrusted_file_names(
    tmp_path: Path, minimal_files: dict[str, str]
) -> None:
    # ',' and ':' in a file name would split or end the properties of the command.
    files = {**minimal_files, "units/a,b:c%.yml": "title: B\nparent: amt\n"}
    write_content(tmp_path, files)
    stdout = run(tmp_path, "github").stdout
    assert "file=content/units/a%2Cb%3Ac%25.yml," in stdout
    assert {c["file"] for c in parse_github(stdout)} == {"content/units/a,b:c%.yml"}


def test_github_commands_escape_untrusted_messages() -> None:
    # A message quoting content with a line break and '::' must stay one command: the
    # second line would otherwise be read as a command of its own.
    role = "leitung\r\n::error file=x::100%,x"
    problem = Problem("content/processes/a.yml", Position(3, 8), "unknown-role", {"id": role})
    [command] = github_commands([problem], "de")
    assert "\n" not in command
    assert "\r" not in command
    assert command == (
        "::error file=content/processes/a.yml,line=3,col=8,title=unknown-role::"
        "unbekannte Rolle 'leitung%0D%0A::error file=x::100%25,x'"
    )
    [parsed] = parse_github(command)
    assert parsed["message"] == f"unbekannte Rolle '{role}'"


def test_output_file_and_exit_codes(tmp_path: Path, minimal_files: dict[str, str]) -> None:
    content = write_content(tmp_path, {**minimal_files, "roles/frei.yml": "title: F\nunit: amt\n"})
    report = tmp_path / "gl-code-quality-report.json"
    command = [sys.executable, "-m", "prozesshandbuch", "check", "--today", "2026-11-23"]
    args = ["--format", "gitlab", "--output", str(report), str(content)]
    lenient = subprocess.run([*command, *args], capture_output=True, text=True, check=False)
    assert lenient.returncode == 0, lenient.stderr
    assert lenient.stdout == ""
    [issue] = json.loads(report.read_text(encoding="utf-8"))
    assert issue["severity"] == "minor"
    assert issue["location"]["path"] == "content/roles/frei.yml"

    strict = subprocess.run(
        [*command, "--strict", *args], capture_output=True, text=True, check=False
    )
    assert strict.returncode == 1
    assert "1 Warnungen" in strict.stderr


def test_clean_content_gives_empty_reports(tmp_path: Path, minimal_files: dict[str, str]) -> None:
    write_content(tmp_path, minimal_files)
    assert json.loads(run(tmp_path, "gitlab").stdout) == []
    assert json.loads(run(tmp_path, "json").stdout) == []
    github = run(tmp_path, "github")
    assert github.exit_code == 0
    assert github.stdout == ""


def test_unwritable_output_is_one_clear_line(tmp_path: Path, minimal_files: dict[str, str]) -> None:
    write_content(tmp_path, minimal_files)
    result = run(tmp_path, "gitlab", "--output", str(tmp_path / "fehlt" / "bericht.json"))
    assert result.exit_code == 2
    assert "bericht.json: kann nicht geschrieben werden" in result.stderr
    assert "Traceback" not in result.stderr
