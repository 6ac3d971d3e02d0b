"""Console progress of a build: one line per phase with counts, a summary with timings.

A handbook of a thousand processes takes minutes to build; without these lines the
console stays silent all that time. The plugin hands in its logger, so the lines go
through MkDocs' logging (``mkdocs build -q`` hides them) and never through print.
Long phases that are counted one item at a time (MkDocs rendering pages) add a line
at most every ``interval`` seconds, so a phase never floods the console.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

from ..i18n import format_number, text

SUMMARY_PHASES = (
    ("load_validate", "progress.phase.content"),
    ("relations", "progress.phase.relations"),
    ("diagrams", "progress.phase.diagrams"),
    ("history", "progress.phase.history"),
    ("pages", "progress.phase.pages"),
    ("mkdocs_render", "progress.phase.mkdocs"),
)
"""Timing keys (see timing.py) in the order the summary line names them."""


def format_seconds(seconds: float, language: str) -> str:
    """``12,3 s`` in German, ``12.3 s`` in English."""
    value = f"{seconds:.1f}"
    if language != "en":
        value = value.replace(".", ",")
    return text("progress.seconds", language, value=value)


class BuildProgress:
    """Writes progress lines for one build through ``emit`` (a logger's ``info``)."""

    def __init__(
        self,
        emit: Callable[[str], None],
        language: str,
        *,
        interval: float = 5.0,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self._emit = emit
        self._language = language
        self._interval = interval
        self._clock = clock
        self._counted: str | None = None
        self._done = 0
        self._total = 0
        self._started = 0.0
        self._last_line = 0.0

    def phase_done(
        self, phase: str, done: int, total: int, seconds: float, detail: str | None = None
    ) -> None:
        """One line for a finished phase: ``Diagramme 1.038/1.038 in 6,9 s (…)``."""
        values = {
            "phase": text(f"progress.phase.{phase}", self._language),
            "done": format_number(done, self._language),
            "total": format_number(total, self._language),
            "seconds": format_seconds(seconds, self._language),
        }
        if detail:
            self._emit(text("progress.done-detail", self._language, detail=detail, **values))
        else:
            self._emit(text("progress.done", self._language, **values))

    def diagram_detail(self, rendered: int, cached: int) -> str:
        return text(
            "progress.diagram-detail",
            self._language,
            rendered=format_number(rendered, self._language),
            cached=format_number(cached, self._language),
        )

    def reuse_detail(self, reused: int) -> str:
        return text(
            "progress.reuse-detail", self._language, reused=format_number(reused, self._language)
        )

    def start_counting(self, phase: str, total: int) -> None:
        """Begin a phase whose items arrive one by one through :meth:`advance`."""
        self._counted = phase
        self._done = 0
        self._total = total
        self._started = self._last_line = self._clock()

    def advance(self) -> None:
        """One more item of the counted phase; a line if ``interval`` passed since the last."""
        if self._counted is None:
            return
        self._done += 1
        now = self._clock()
        if now - self._last_line >= self._interval and self._done < self._total:
            self._last_line = now
            self._emit(
                text(
                    "progress.running",
                    self._language,
                    phase=text(f"progress.phase.{self._counted}", self._language),
                    done=format_number(self._done, self._language),
                    total=format_number(self._total, self._language),
                )
            )

    def finish_counting(self, detail: str | None = None) -> None:
        """The closing line of the counted phase, if one is running."""
        if self._counted is None:
            return
        phase, self._counted = self._counted, None
        self.phase_done(phase, self._done, self._total, self._clock() - self._started, detail)

    def summary(self, seconds: Mapping[str, float], total: float) -> None:
        """``Handbuch gebaut in 99,3 s: Inhalte 4,0 s · Diagramme 6,9 s · …``."""
        parts = [
            text(
                "progress.summary-phase",
                self._language,
                phase=text(label, self._language),
                seconds=format_seconds(seconds[key], self._language),
            )
            for key, label in SUMMARY_PHASES
            if key in seconds
        ]
        self._emit(
            text(
                "progress.summary",
                self._language,
                seconds=format_seconds(total, self._language),
                phases=" · ".join(parts),
            )
        )
