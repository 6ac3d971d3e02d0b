"""Review states and knowledge-risk findings for a fixed day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import FIXED_TODAY, write_content
from prozesshandbuch.analysis.health import RiskKind, find_risks
from prozesshandbuch.content.check import check_handbook
from prozesshandbuch.content.model import Handbook
from prozesshandbuch.content.review import ReviewState, add_months, review_status


def handbook_of(root: Path, files: dict[str, str]) -> Handbook:
    result = check_handbook(write_content(root, files), root, FIXED_TODAY)
    assert not result.errors, [p.format() for p in result.errors]
    return result.handbook


@pytest.mark.parametrize(
    ("last", "months", "state"),
    [
        ("2026-06-01", 12, ReviewState.CURRENT),
        ("2025-12-20", 12, ReviewState.DUE_SOON),  # due 2026-12-20, 27 days ahead
        ("2025-11-22", 12, ReviewState.OVERDUE),  # due 2026-11-22, yesterday
        ("2025-11-23", 12, ReviewState.DUE_SOON),  # due today
        ("2026-05-23", 6, ReviewState.DUE_SOON),
        (None, 12, ReviewState.NEVER),
    ],
)
def test_review_state_on_a_fixed_day(
    tmp_path: Path,
    minimal_files: dict[str, str],
    last: str | None,
    months: int,
    state: ReviewState,
) -> None:
    review = f"  last_reviewed: {last}\n" if last else ""
    files = {
        **minimal_files,
        "processes/antrag.yml": "title: A\nsummary: x\nowner: leitung\nreview:\n"
        f"{review}  interval_months: {months}\nsteps:\n  - title: T\n    role: sachbearbeitung\n",
    }
    process = handbook_of(tmp_path, files).processes["antrag"]
    assert review_status(process, FIXED_TODAY).state is state


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2026, 11, 15), 14) == dt.date(2028, 1, 15)


def test_knowledge_risks(tmp_path: Path, minimal_files: dict[str, str]) -> None:
    files = {
        **minimal_files,
        "roles/leitung.yml": "title: L\nunit: amt\nholders:\n  - name: Geht bald\n"
        "    until: 2027-02-28\n",
        "roles/sachbearbeitung.yml": "title: S\nunit: amt\ndeputy: leitung\nholders:\n"
        "  - name: Weg\n    until: 2026-06-30\n",
        "roles/niemand.yml": "title: N\nunit: amt\n",
        "processes/entwurf.yml": "title: E\nsummary: x\nowner: niemand\nstatus: draft\n"
        "review:\n  last_reviewed: 2025-01-10\nsteps:\n  - title: T\n    role: niemand\n",
    }
    risks = {
        (r.process, r.kind, r.role) for r in find_risks(handbook_of(tmp_path, files), FIXED_TODAY)
    }
    assert risks == {
        ("antrag", RiskKind.OWNER_SINGLE, "leitung"),
        ("antrag", RiskKind.OWNER_LEAVING, "leitung"),
        ("antrag", RiskKind.STEP_ROLE_VACANT, "sachbearbeitung"),
        ("entwurf", RiskKind.OWNER_VACANT, "niemand"),
        ("entwurf", RiskKind.REVIEW_OVERDUE, "niemand"),
        ("entwurf", RiskKind.DRAFT_TOO_LONG, "niemand"),
    }
