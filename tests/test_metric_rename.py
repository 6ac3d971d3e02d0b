"""A renamed metric key is one change in words, not "entfernt" plus "ergänzt"."""

from __future__ import annotations

from typing import Any

import pytest

from prozesshandbuch.analysis.changes import describe_change
from prozesshandbuch.content.model import Process


def _process(metrics: dict[str, Any]) -> Process:
    return Process.model_validate(
        {
            "title": "Reisepass beantragen",
            "owner": "leitung",
            "metrics": metrics,
            "steps": [{"title": "Antrag prüfen", "role": "sachbearbeitung"}],
        }
    )


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (
            {"faelle": 4200},
            {"faelle_pro_jahr": 4200},
            ["Kennzahl faelle umbenannt in faelle_pro_jahr"],
        ),
        # A new value under a new key is two changes: nothing says they are the same.
        (
            {"faelle": 4200},
            {"faelle_pro_jahr": 4300},
            ["Kennzahl faelle entfernt", "Kennzahl faelle_pro_jahr ergänzt: 4300"],
        ),
        (
            {"dauer": "3 Wochen", "faelle": 10},
            {"durchlaufzeit": "3 Wochen", "faelle": 12},
            ["Kennzahl dauer umbenannt in durchlaufzeit", "Kennzahl faelle: 10 → 12"],
        ),
    ],
)
def test_metric_changes(before: dict[str, Any], after: dict[str, Any], expected: list[str]) -> None:
    titles = lambda kind, entity_id: entity_id  # noqa: E731
    assert describe_change("process", _process(before), _process(after), titles) == expected
