"""A worker process that finishes diagrams: ``python -m prozesshandbuch.diagrams.finish_worker``.

Reads a JSON list of ``_finish`` argument lists on standard input and writes, in the
same order, a JSON list of ``[figure, error]`` pairs (one of them null). A separate
interpreter started like ``dot``, rather than multiprocessing: nothing of the calling
program (its main module, its threads) is imported or copied.
"""

from __future__ import annotations

import json
import sys

from .build import finish_here


def main() -> int:
    work = json.load(sys.stdin)
    done = finish_here([tuple(parts) for parts in work])
    json.dump(done, sys.stdout)  # ASCII, whatever the locale says about stdout
    return 0


if __name__ == "__main__":
    sys.exit(main())
