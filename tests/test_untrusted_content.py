"""Content files are untrusted input: hostile files get a clear message, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXED_TODAY, MINIMAL, write_content
from prozesshandbuch.check import check_handbook

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
