"""A content-addressed store of rendered SVGs: in memory for ``mkdocs serve``, on disk
across builds.

The key is the SHA-256 of the DOT text and the Graphviz version, so an entry can never
be stale: changed content or another Graphviz gives another key. Nothing is ever
invalidated; deleting the folder is always safe.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path

log = logging.getLogger(__name__)

MEMORY_ENTRIES = 4096
"""Enough for every diagram of a large handbook, small enough to bound a long serve."""

_memory: OrderedDict[str, str] = OrderedDict()
_failures: dict[str, str] = {}
FAILED = ".failed"
"""Suffix of a file holding dot's error text for a key it could not render."""
_lock = threading.Lock()


def digest(source: str, version: str) -> str:
    """The cache key of one DOT text rendered by one Graphviz version."""
    return hashlib.sha256(f"{version}\0{source}".encode("utf-8", "surrogatepass")).hexdigest()


def clear_memory() -> None:
    """Forget what this process has rendered (tests use it to stand for a new process)."""
    with _lock:
        _memory.clear()
        _failures.clear()


class SvgCache:
    """SVGs by digest; ``directory`` None keeps them in memory only."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def get(self, key: str) -> str | None:
        """The stored SVG, from memory or else from disk; None if never rendered."""
        with _lock:
            if key in _memory:
                _memory.move_to_end(key)
                return _memory[key]
        if self.directory is None:
            return None
        try:
            svg = self._path(key).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        self._remember(key, svg)
        return svg

    def failure(self, key: str) -> str | None:
        """dot's error text if it failed on this key before, else None."""
        with _lock:
            if key in _failures:
                return _failures[key]
        if self.directory is None:
            return None
        try:
            error = self._path(key, FAILED).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        with _lock:
            _failures[key] = error
        return error

    def put_failure(self, key: str, error: str) -> None:
        """Remember that dot failed on this key, in memory and on disk."""
        with _lock:
            _failures[key] = error
        if self.directory is not None:
            self._write(self._path(key, FAILED), error)

    def put(self, key: str, svg: str) -> None:
        """Store an SVG in memory and, if there is a directory, on disk."""
        self._remember(key, svg)
        if self.directory is None:
            return
        self._write(self._path(key), svg)

    def _write(self, path: Path, content: str) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Write then rename, so that a parallel build never reads half a file.
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    out.write(content)
                os.replace(temporary, path)
            finally:
                Path(temporary).unlink(missing_ok=True)
        except OSError as error:
            # A read-only or full disk costs speed on the next build, not this build.
            log.debug("cannot store diagram in %s: %s", path, error)

    def _remember(self, key: str, svg: str) -> None:
        with _lock:
            _memory[key] = svg
            _memory.move_to_end(key)
            while len(_memory) > MEMORY_ENTRIES:
                _memory.popitem(last=False)

    def _path(self, key: str, suffix: str = ".svg") -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}{suffix}"
