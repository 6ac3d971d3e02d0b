"""The one catalogue of user-facing text, German by default, English selectable.

Every entry holds both languages side by side, so a text can never exist in one
language only. Entries live in one module per area (``problems``, ``pages``, ...)
and are merged here; a key defined in two areas is an error at import time.

Keys are flat and dotted: ``<area>.<name>`` (``problem.unknown-role``,
``page.owner``, ``change.step-role``, ``diagram.step``). Plural forms are two keys
ending in ``.one`` and ``.other``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Final

from babel.dates import format_date as _babel_format_date

from . import (
    answers,
    changes,
    cli,
    codeowners,
    common,
    diagrams,
    forge,
    history,
    input,
    interop,
    layout,
    pages,
    problems,
    progress,
    security,
)

LANGUAGES: Final = ("de", "en")
DEFAULT_LANGUAGE: Final = "de"

_AREAS: tuple[Mapping[str, tuple[str, str]], ...] = (
    common.TEXTS,
    problems.TEXTS,
    pages.TEXTS,
    changes.TEXTS,
    diagrams.TEXTS,
    history.TEXTS,
    codeowners.TEXTS,
    cli.TEXTS,
    forge.TEXTS,
    input.TEXTS,
    progress.TEXTS,
    layout.TEXTS,
    security.TEXTS,
    answers.TEXTS,
    interop.TEXTS,
)


def _merge(areas: tuple[Mapping[str, tuple[str, str]], ...]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for area in areas:
        for key, pair in area.items():
            if key in merged:
                raise RuntimeError(f"text key {key!r} is defined twice")
            merged[key] = pair
    return merged


CATALOGUE: Final[dict[str, tuple[str, str]]] = _merge(_AREAS)


def language_index(language: str) -> int:
    """Position of ``language`` in a catalogue entry; unknown languages read German."""
    return 1 if language == "en" else 0


def text(key: str, language: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The text for ``key`` in ``language`` with ``{placeholders}`` filled in.

    Every text is a format string, with or without parameters, so a literal brace is
    always written doubled (``{{``) and reads the same whichever way it is looked up.
    """
    return CATALOGUE[key][language_index(language)].format(**params)


def has(key: str) -> bool:
    """Whether the catalogue has ``key``; for lookups with a fallback (metric names)."""
    return key in CATALOGUE


def plural(key: str, count: int, language: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """``key.one`` for exactly one, else ``key.other``; ``{count}`` is filled in.

    ``{count_words}`` gives the number as a word up to twelve, as German and English
    running text write it ("zwei Schreibtische", "two desks").
    """
    form = "one" if count == 1 else "other"
    return text(
        f"{key}.{form}",
        language,
        count=count,
        count_words=number_words(count, language),
        **params,
    )


def number_words(number: int, language: str = DEFAULT_LANGUAGE) -> str:
    """A number as running text writes it: words up to twelve, digits above."""
    if 0 <= number <= 12:
        return text(f"number.{number}", language)
    return format_number(number, language)


def format_number(number: int, language: str = DEFAULT_LANGUAGE) -> str:
    """Thousands separated as the language writes them (1.038 / 1,038)."""
    grouped = f"{number:,}"
    return grouped.replace(",", ".") if language_index(language) == 0 else grouped


def format_date(day: dt.date, language: str = DEFAULT_LANGUAGE) -> str:
    """One date format per language everywhere: 01.03.2027 / Mar 1, 2027."""
    locale = "en" if language_index(language) == 1 else "de"
    return str(_babel_format_date(day, format="medium", locale=locale))


class Texts:
    """The catalogue bound to one language, for templates and renderers."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, key: str, /, **params: object) -> str:
        return text(key, self.language, **params)

    def plural(self, key: str, count: int, /, **params: object) -> str:
        return plural(key, count, self.language, **params)

    def date(self, day: dt.date) -> str:
        return format_date(day, self.language)

    def number(self, number: int) -> str:
        return format_number(number, self.language)
