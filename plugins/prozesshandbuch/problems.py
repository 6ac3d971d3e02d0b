"""Problems found in content: positioned, language-neutral, formatted like a compiler's."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from .messages import message


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

    def message(self, language: str = "de") -> str:
        """The message text alone, without position."""
        return message(self.code, language, self.args)

    def format(self, language: str = "de") -> str:
        """``path:line:column: message``; warnings carry a prefix so they stand out."""
        text = self.message(language)
        if self.severity is Severity.WARNING:
            text = f"{message('warning-prefix', language, {})}: {text}"
        return f"{self.path}:{self.position.line}:{self.position.column}: {text}"


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
    return (
        text.lower()
        .replace("ä", "ae")
        .replace("ö", "oe")
        .replace("ü", "ue")
        .replace("ß", "ss")
        .replace("_", "-")
    )
