"""Problems in the formats that CI systems read: GitLab Code Quality, GitHub workflow
commands, and a plain JSON list.

Every format carries the same problems at the same positions as the text format
(``path:line:column: message``), so a merge request shows each one on the line the
author changed. Messages quote content, which is untrusted: the GitHub format escapes
what would otherwise end or split a workflow command, and the JSON formats leave
quoting to the JSON encoder.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from typing import Final, Literal

from ..content.problems import Problem, Severity

ReportFormat = Literal["text", "gitlab", "github", "json"]

REPORT_FORMATS: Final[tuple[ReportFormat, ...]] = ("text", "gitlab", "github", "json")

# GitLab's scale is info, minor, major, critical, blocker. An error stops the build, so
# it ranks above a warning, which `--strict` alone turns into a failure.
_GITLAB_SEVERITY: Final = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def text_lines(problems: Iterable[Problem], language: str) -> list[str]:
    """``path:line:column: message``, one line per problem."""
    return [problem.format(language) for problem in problems]


def gitlab_code_quality(problems: Iterable[Problem], language: str) -> list[dict[str, object]]:
    """A GitLab Code Quality report (``artifacts:reports:codequality``).

    The fingerprint leaves out the line, so that a problem that only moved (lines added
    above it) is the same finding in GitLab's comparison of base and merge request;
    identical problems in one file are told apart by their order.
    """
    seen: Counter[tuple[str, str, str]] = Counter()
    issues: list[dict[str, object]] = []
    for problem in problems:
        identity = (problem.path, problem.code, problem.message("en"))
        seen[identity] += 1
        issues.append(
            {
                "description": problem.message(language),
                "check_name": problem.code,
                "fingerprint": _fingerprint(*identity, str(seen[identity])),
                "severity": _GITLAB_SEVERITY[problem.severity],
                "location": {"path": problem.path, "lines": {"begin": problem.position.line}},
            }
        )
    return issues


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def github_commands(problems: Iterable[Problem], language: str) -> list[str]:
    """GitHub workflow commands (``::error file=…,line=…,col=…::message``), one per problem.

    GitHub shows each as an annotation on that line of the pull request's diff.
    """
    commands = []
    for problem in problems:
        command = "error" if problem.severity is Severity.ERROR else "warning"
        properties = ",".join(
            f"{name}={_escape_property(value)}"
            for name, value in (
                ("file", problem.path),
                ("line", str(problem.position.line)),
                ("col", str(problem.position.column)),
                ("title", problem.code),
            )
        )
        commands.append(f"::{command} {properties}::{_escape_data(problem.message(language))}")
    return commands


def _escape_data(value: str) -> str:
    # As GitHub's runner decodes them (actions/toolkit, command.ts): '%' first, so the
    # escapes themselves are not escaped again.
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def json_problems(problems: Iterable[Problem], language: str) -> list[dict[str, object]]:
    """The documented JSON list: one object per problem with the text format's fields."""
    return [
        {
            "path": problem.path,
            "line": problem.position.line,
            "column": problem.position.column,
            "severity": problem.severity.value,
            "code": problem.code,
            "message": problem.message(language),
        }
        for problem in problems
    ]


def render_report(problems: list[Problem], report_format: ReportFormat, language: str) -> str:
    """The whole report in ``report_format`` as one text, ending in a newline if not empty."""
    if report_format == "gitlab":
        return _json_text(gitlab_code_quality(problems, language))
    if report_format == "json":
        return _json_text(json_problems(problems, language))
    lines = (
        github_commands(problems, language)
        if report_format == "github"
        else text_lines(problems, language)
    )
    return "".join(f"{line}\n" for line in lines)


def _json_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"
