"""The plugin's options as MkDocs reads them from mkdocs.yml."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from prozesshandbuch.build.config import TODAY_VARIABLE, PluginConfig


def _validate(text: str) -> tuple[PluginConfig, list[str]]:
    config = PluginConfig()
    config.load_dict(yaml.safe_load(text))
    failed, _ = config.validate()
    return config, [str(error) for _, error in failed]


@pytest.mark.parametrize("written", ["today: 2026-11-23", 'today: "2026-11-23"'])
def test_today_is_a_date_quoted_or_not(written: str) -> None:
    config, errors = _validate(written)
    assert errors == []
    assert config.today == dt.date(2026, 11, 23)


def test_today_defaults_to_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TODAY_VARIABLE, raising=False)
    config, errors = _validate("language: en")
    assert errors == []
    assert config.today is None


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ('today: "23.11.2026"', "ungültiges Datum '23.11.2026' (erwartet JJJJ-MM-TT"),
        ('language: en\ntoday: "2026-13-01"', "invalid date '2026-13-01' (expected YYYY-MM-DD"),
        ("today: 2026-11-23 10:00:00", "ungültiges Datum '2026-11-23 10:00:00'"),
        ("today: 20261123", "ungültiges Datum '20261123'"),
    ],
)
def test_a_bad_today_is_named_in_the_language_of_the_site(written: str, expected: str) -> None:
    _, errors = _validate(written)
    assert len(errors) == 1
    assert expected in errors[0]


def test_today_from_the_environment_when_mkdocs_yml_sets_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(TODAY_VARIABLE, "2026-11-23")
    config, errors = _validate("language: de")
    assert errors == []
    assert config.today == dt.date(2026, 11, 23)
    # mkdocs.yml wins over the environment.
    config, errors = _validate("today: 2027-01-05")
    assert config.today == dt.date(2027, 1, 5)


def test_a_bad_today_in_the_environment_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_VARIABLE, "morgen")
    _, errors = _validate("language: de")
    assert len(errors) == 1
    assert "ungültiges Datum 'morgen'" in errors[0]
