"""What an import has to say about its input: errors that stop it, and warnings.

Formatted like every other problem of the handbook: ``path:line:column: message``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n import plural, text


@dataclass(frozen=True)
class Notice:
    """One finding about an input file; ``key`` selects the catalogue text."""

    path: str
    line: int
    key: str
    params: dict[str, object] = field(default_factory=dict, hash=False)
    column: int = 1
    warning: bool = False
    count: int | None = None
    """Set for texts with singular and plural forms (``key.one`` / ``key.other``)."""

    def format(self, language: str) -> str:
        if self.count is None:
            message = text(self.key, language, **self.params)
        else:
            message = plural(self.key, self.count, language, **self.params)
        if self.warning:
            message = f"{text('problem.warning-prefix', language)}: {message}"
        return f"{self.path}:{self.line}:{self.column}: {message}"


class ImportRefusedError(Exception):
    """The input cannot be converted at all; nothing is written."""

    def __init__(self, notices: list[Notice]) -> None:
        super().__init__(notices)
        self.notices = notices
