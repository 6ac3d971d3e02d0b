"""`prozesshandbuch reviewed ID...`: one date changed in place, nothing else."""

from __future__ import annotations

import datetime as dt
import difflib
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import write_content
from prozesshandbuch.content.check import check_handbook
from prozesshandbuch.tools.review_stamp import StampError, stamp_review

DAY = dt.date(2026, 11, 30)

COMMENTED = """\
# yaml-language-server: $schema=../../schema/process.schema.json
title: Antrag bearbeiten   # Titel wie im Bürgerportal
summary: Ein Antrag wird geprüft.
owner: leitung
review:
  # zuletzt mit dem Fachamt durchgesehen
  last_reviewed: 2024-01-15    # Frau Muster
  interval_months: 12
steps:
  - title: Prüfen
    role: sachbearbeitung
"""


def reviewed(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prozesshandbuch", "reviewed", "--today", "2026-11-30", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_only_the_date_changes_comments_and_layout_stay(
    tmp_path: Path, minimal_files: dict[str, str]
) -> None:
    write_content(tmp_path, {**minimal_files, "processes/antrag.yml": COMMENTED})
    path = tmp_path / "content/processes/antrag.yml"
    result = reviewed(tmp_path, "antrag")
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "content/processes/antrag.yml:7:18: last_reviewed: 2024-01-15 → 2026-11-30\n"
    )
    after = path.read_text(encoding="utf-8")
    assert changed_lines(COMMENTED, after) == [
        "-  last_reviewed: 2024-01-15    # Frau Muster",
        "+  last_reviewed: 2026-11-30    # Frau Muster",
    ]
    # The overdue warning is gone for the real check.
    problems = check_handbook(tmp_path / "content", tmp_path, DAY).problems
    assert not [p for p in problems if p.code == "review-overdue"], problems


@pytest.mark.parametrize(
    ("review", "expected"),
    [
        pytest.param(
            'review:\n  last_reviewed: "2025-02-01"\n',
            "review:\n  last_reviewed: 2026-11-30\n",
            id="quoted-date",
        ),
        pytest.param(
            "review:\n    interval_months: 6   # halbjährlich\n",
            "review:\n    last_reviewed: 2026-11-30\n    interval_months: 6   # halbjährlich\n",
            id="block-without-date",
        ),
        pytest.param(
            "review: {interval_months: 6}\n",
            "review: {last_reviewed: 2026-11-30, interval_months: 6}\n",
            id="flow-without-date",
        ),
        pytest.param(
            "review: {last_reviewed: 2025-02-01, interval_months: 6}\n",
            "review: {last_reviewed: 2026-11-30, interval_months: 6}\n",
            id="flow-with-date",
        ),
        pytest.param(
            "",
            "review:\n  last_reviewed: 2026-11-30\n",
            id="no-review-block",
        ),
    ],
)
def test_every_layout_of_review_gets_a_minimal_edit(review: str, expected: str) -> None:
    head = "title: A\nowner: leitung\n"
    steps = "steps:\n  - title: T\n    role: r\n"
    stamp = stamp_review(head + review + steps, DAY)
    assert stamp.text == head + expected + steps
    line = stamp.text.splitlines()[stamp.line - 1]
    assert line[stamp.column - 1 :].startswith("2026-11-30")


def test_windows_line_endings_stay() -> None:
    text = "title: A\r\nreview:\r\n  interval_months: 6\r\nsteps: []\r\n"
    stamp = stamp_review(text, DAY)
    assert stamp.text == (
        "title: A\r\nreview:\r\n  last_reviewed: 2026-11-30\r\n  interval_months: 6\r\n"
        "steps: []\r\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("title: A\nreview:\nsteps: []\n", id="empty-review"),
        pytest.param("title: A\nreview: bald\n", id="review-is-text"),
        pytest.param("- title: A\n", id="not-a-mapping"),
        pytest.param("title: A\nreview:\n  last_reviewed: [1, 2]\n", id="date-is-a-list"),
    ],
)
def test_unforeseen_layouts_are_refused(text: str) -> None:
    with pytest.raises(StampError) as caught:
        stamp_review(text, DAY)
    assert caught.value.code == "unexpected-layout"


def test_unknown_id_changes_no_file(tmp_path: Path, minimal_files: dict[str, str]) -> None:
    write_content(tmp_path, {**minimal_files, "processes/antrag.yml": COMMENTED})
    path = tmp_path / "content/processes/antrag.yml"
    result = reviewed(tmp_path, "antrag", "antrg", "../../etc/passwd")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "antrg: unbekannter Prozess 'antrg' – meinten Sie 'antrag'?",
        "../../etc/passwd: '../../etc/passwd' ist keine Prozesskennung (nur Kleinbuchstaben "
        "a–z, Ziffern und Bindestriche)",
        "keine Datei geändert",
    ]
    assert path.read_text(encoding="utf-8") == COMMENTED


def test_already_reviewed_today_leaves_the_file(
    tmp_path: Path, minimal_files: dict[str, str]
) -> None:
    text = COMMENTED.replace("2024-01-15", "2026-11-30")
    write_content(tmp_path, {**minimal_files, "processes/antrag.yml": text})
    path = tmp_path / "content/processes/antrag.yml"
    before = path.stat().st_mtime_ns
    result = reviewed(tmp_path, "antrag")
    assert result.returncode == 0
    assert "last_reviewed ist schon 2026-11-30" in result.stderr
    assert path.stat().st_mtime_ns == before


def test_broken_yaml_is_reported_not_rewritten(
    tmp_path: Path, minimal_files: dict[str, str]
) -> None:
    broken = "title: [unclosed\nreview:\n  last_reviewed: 2024-01-15\n"
    write_content(tmp_path, {**minimal_files, "processes/antrag.yml": broken})
    result = reviewed(tmp_path, "antrag")
    assert result.returncode == 2
    assert result.stderr.startswith("antrag: Datei kann nicht gelesen werden: ")
    assert "Traceback" not in result.stderr
    assert (tmp_path / "content/processes/antrag.yml").read_text(encoding="utf-8") == broken
