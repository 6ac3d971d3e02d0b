"""Per-phase build timings, for the benchmark (`make bench`).

When the environment variable PROZESSHANDBUCH_TIMINGS names a file, the plugin writes
the seconds each phase took there as JSON after each build. Nothing is asserted on them.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV_VAR = "PROZESSHANDBUCH_TIMINGS"


class Timings:
    """Accumulates wall-clock seconds and counters per named phase."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.counts: dict[str, int] = {}

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

    def count(self, name: str, value: int) -> None:
        self.counts[name] = value

    def write_if_requested(self) -> None:
        target = os.environ.get(ENV_VAR)
        if target:
            data = {"seconds": self.seconds, "counts": self.counts}
            Path(target).write_text(json.dumps(data, indent=2), encoding="utf-8")
