"""Problems found in content: positioned, language-neutral, formatted like a compiler's."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from ..i18n import DEFAULT_LANGUAGE, format_date, text
from .textfold import fold_umlauts


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a source file."""

    line: int
    column: int


START = Position(1, 1)


@dataclass(frozen=True)
class Problem:
    """One finding. ``code`` selects the message text; ``args`` fill it in."""

    path: str
    position: Position
    code: str
    args: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    severity: Severity = Severity.ERROR

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.position.line, self.position.column, self.code)

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The message text alone, without position."""
        return problem_message(self.code, language, self.args)

    def format(self, language: str = DEFAULT_LANGUAGE) -> str:
        """``path:line:column: message``; warnings carry a prefix so they stand out."""
        message = self.message(language)
        if self.severity is Severity.WARNING:
            message = f"{text('problem.warning-prefix', language)}: {message}"
        return f"{self.path}:{self.position.line}:{self.position.column}: {message}"


# PyYAML explains syntax errors in English; the frequent ones get an explanation in the
# reader's language.
YAML_DETAILS: dict[str, str] = {
    "mapping values are not allowed here": "yaml.mapping-value",
    "could not find expected ':'": "yaml.expected-colon",
    "did not find expected key": "yaml.expected-key",
    "did not find expected '-' indicator": "yaml.expected-dash",
    "found character '\\t' that cannot start any token": "yaml.tab",
    "did not find expected ',' or ']'": "yaml.unclosed-list",
    "did not find expected ',' or '}'": "yaml.unclosed-mapping",
    "found unexpected end of stream": "yaml.end-of-stream",
}


def problem_message(code: str, language: str, args: dict[str, str]) -> str:
    """The text of problem ``code`` (catalogue key ``problem.<code>``), filled in.

    An argument written ``@key`` is itself a catalogue text (e.g. a type name, ``@type.text``),
    and one made by :func:`date_arg` is a day in the reader's date format, so that a
    problem stays language-neutral until it is formatted. A ``candidate`` argument adds a
    "did you mean".
    """
    filled = {name: _filled(value, language) for name, value in args.items()}
    if code == "yaml-syntax" and filled.get("detail") in YAML_DETAILS:
        filled["detail"] = text(YAML_DETAILS[filled["detail"]], language)
    message = text(f"problem.{code}", language, **filled)
    candidate = args.get("candidate")
    if candidate:
        message += text("problem.did-you-mean", language, candidate=candidate)
    return message


_DATE_PREFIX = "date:"


def date_arg(day: dt.date) -> str:
    """A day as a problem argument: shown as 01.03.2027 in German, Mar 1, 2027 in English."""
    return _DATE_PREFIX + day.isoformat()


def _filled(value: str, language: str) -> str:
    if value.startswith("@"):
        return text(value[1:], language)
    if value.startswith(_DATE_PREFIX):
        try:
            day = dt.date.fromisoformat(value.removeprefix(_DATE_PREFIX))
        except ValueError:
            return value
        return format_date(day, language)
    return value


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sorted by file, then line and column, with exact duplicates removed."""
    unique = {(p.sort_key, p.message("en"), p.severity): p for p in problems}
    return sorted(unique.values(), key=lambda p: p.sort_key)


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.WARNING]


def closest(wrong: str, known: Iterable[str]) -> str | None:
    """The known name a near-miss most likely meant, or None.

    Umlauts are folded first so that 'bürgerbüro' finds 'buergerbuero'. Passed to a
    Problem as ``args["candidate"]``, it becomes a "meinten Sie …?" suffix.
    """
    folded = _fold(wrong)
    candidates = {_fold(k): k for k in known}
    if folded in candidates and candidates[folded] != wrong:
        return candidates[folded]
    close = difflib.get_close_matches(folded, list(candidates), n=1, cutoff=0.7)
    return candidates[close[0]] if close else None


def _fold(text: str) -> str:
    return fold_umlauts(text.lower()).replace("_", "-")
