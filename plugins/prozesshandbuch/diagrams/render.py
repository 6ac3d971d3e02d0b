"""The one place that runs Graphviz: many graphs per ``dot`` process, one process per core.

Starting ``dot`` costs more than laying out a typical process, so every graph not in the
cache goes into one of at most ``jobs`` batches, and each batch is one ``dot -Tsvg`` run
that reads all its graphs from standard input and writes their SVGs one after another.
A batch that fails (one bad graph ends dot's run) is split in halves and retried, down to
single graphs: the faulty graph is named, all others still render, and a single failure
costs about 2·log2(batch size) extra runs instead of one run per graph. A batch that
stops making progress (no finished SVG for ``STALL_SECONDS``) is stopped: the graph being
laid out is named as a runaway and the batch goes on after it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import DEFAULT_LANGUAGE, text
from .cache import SvgCache, clear_memory, digest

VERSION_FILE = "graphviz-version.json"
TIMEOUT_BASE = 60.0
"""Seconds for ``dot -V``."""
STALL_SECONDS = 120.0
"""Seconds a batch may go without finishing a graph. Laying out one graph takes
milliseconds to a few seconds; a runaway (thousands of crossing edges) takes hours and
would hold up the whole build, so it is stopped and named instead."""
ERROR_CHARS = 2000


class GraphvizMissingError(RuntimeError):
    """The ``dot`` program cannot be found or does not run; the message says what to do."""

    def __init__(self, detail: str | None = None) -> None:
        self.detail = detail
        super().__init__(self.message())

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        """What is missing and what to do, in ``language``, with the system's detail."""
        message = text("diagram.graphviz-missing", language)
        return f"{message} ({self.detail})" if self.detail else message


@dataclass
class RenderResult:
    """SVGs by graph key, the graphs dot rejected, and what it cost."""

    svgs: dict[str, str] = field(default_factory=dict)
    """Key -> SVG document (from ``<svg`` on; no XML prolog)."""
    failures: dict[str, str] = field(default_factory=dict)
    """Key -> dot's error text, for each graph that could not be rendered."""
    dot_runs: int = 0
    """``dot`` processes started, including a version query."""
    rendered: int = 0
    """Graphs laid out by dot in this call."""
    cached: int = 0
    """Graphs taken from the memory or disk cache."""


def forget_process_state() -> None:
    """Drop what this process remembers (SVGs, Graphviz version), as a new process would.

    For tests of the persistent cache; a build never needs it, as keys cannot go stale.
    """
    clear_memory()
    _versions.clear()
    _written.clear()


def find_dot() -> str:
    """Path of the ``dot`` program on PATH, or :class:`GraphvizMissingError`."""
    dot = shutil.which("dot")
    if dot is None:
        raise GraphvizMissingError()
    return dot


def render_svgs(
    sources: Mapping[str, str],
    cache_dir: Path | None,
    *,
    jobs: int | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> RenderResult:
    """Render DOT ``sources`` (key -> DOT text) to SVG, from the cache where possible.

    ``cache_dir`` persists SVGs across processes; None keeps them in memory only.
    ``jobs`` is the number of parallel dot processes (default: usable CPU cores).
    ``language`` is that of the failure texts (dot's own error output stays as it is).
    """
    result = RenderResult()
    if not sources:
        return result
    dot = find_dot()
    version, result.dot_runs = graphviz_version(dot, cache_dir)
    cache = SvgCache(cache_dir)
    missing: dict[str, list[str]] = {}
    wanted: dict[str, str] = {}
    for key, source in sources.items():
        hashed = digest(source, version)
        svg = cache.get(hashed)
        failed = cache.failure(hashed) if svg is None else None
        if failed is not None:
            # dot failed on exactly this text before (a time-out costs a minute): it would
            # fail again, on every build.
            result.failures[key] = failed
            result.cached += 1
        elif svg is None:
            # Identical graphs share a digest and are rendered once.
            missing.setdefault(hashed, []).append(key)
            wanted[hashed] = source
        else:
            result.svgs[key] = svg
            result.cached += 1
    if not missing:
        return result
    batches = _balanced_batches(wanted, jobs or cores())
    with ThreadPoolExecutor(max_workers=len(batches)) as pool:
        outcomes = list(pool.map(lambda batch: _render_batch(dot, batch, language), batches))
    for outcome in outcomes:
        result.dot_runs += outcome.runs
        for hashed, svg in outcome.svgs.items():
            cache.put(hashed, svg)
            for key in missing[hashed]:
                result.svgs[key] = svg
                result.rendered += 1
        for hashed, error in outcome.failures.items():
            cache.put_failure(hashed, error)
            for key in missing[hashed]:
                result.failures[key] = error
    return result


def graphviz_version(dot: str, cache_dir: Path | None) -> tuple[str, int]:
    """``dot -V`` of this binary and the number of dot runs it took (0 or 1).

    The answer is remembered per binary (path, size, modification time), in this process
    and in ``cache_dir``, so that an unchanged rebuild starts no dot process at all; an
    upgraded Graphviz has another size or time and is asked again.
    """
    stamp = _stamp(dot)
    runs = 0
    version = _versions.get(stamp) or _read_version(cache_dir, stamp)
    if version is None:
        version = _ask_version(dot)
        runs = 1
    _versions[stamp] = version
    _write_version(cache_dir, stamp, version)
    return version, runs


def _ask_version(dot: str) -> str:
    try:
        done = subprocess.run([dot, "-V"], capture_output=True, timeout=TIMEOUT_BASE, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GraphvizMissingError(str(error)) from error
    text = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
    if done.returncode != 0 or not text:
        raise GraphvizMissingError(text or f"dot -V: Code {done.returncode}")
    return text


Stamp = tuple[str, int, int]
"""A binary's real path, size and modification time."""

_versions: dict[Stamp, str] = {}
_written: set[tuple[Path, Stamp]] = set()


def _stamp(dot: str) -> Stamp:
    real = os.path.realpath(dot)
    info = os.stat(real)
    return real, info.st_size, info.st_mtime_ns


def _read_version(cache_dir: Path | None, stamp: Stamp) -> str | None:
    if cache_dir is None:
        return None
    try:
        data = json.loads((cache_dir / VERSION_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("binary") != list(stamp):
        return None
    version = data.get("version")
    return version if isinstance(version, str) else None


def _write_version(cache_dir: Path | None, stamp: Stamp, version: str) -> None:
    if cache_dir is None or (cache_dir, stamp) in _written:
        return
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"binary": list(stamp), "version": version})
        (cache_dir / VERSION_FILE).write_text(text, encoding="utf-8")
        _written.add((cache_dir, stamp))
    except OSError:
        pass  # only costs one `dot -V` in the next process


def cores() -> int:
    """The CPU cores this process may use: dot runs and finishing workers at most."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


Batch = list[tuple[str, str]]
"""(digest, DOT text) pairs rendered by one dot process."""


def _balanced_batches(wanted: Mapping[str, str], jobs: int) -> list[Batch]:
    """At most ``jobs`` batches of about equal size (longest graphs placed first)."""
    count = max(1, min(jobs, len(wanted)))
    batches: list[Batch] = [[] for _ in range(count)]
    sizes = [0] * count
    for hashed, source in sorted(wanted.items(), key=lambda item: -len(item[1])):
        lightest = sizes.index(min(sizes))
        batches[lightest].append((hashed, source))
        sizes[lightest] += len(source)
    return batches


@dataclass
class _Outcome:
    svgs: dict[str, str] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    runs: int = 0


def _render_batch(dot: str, batch: Batch, language: str) -> _Outcome:
    """One dot run for the whole batch; on failure, bisect until the bad graph is alone."""
    svgs, error, stalled = _run_dot(dot, [source for _, source in batch], language)
    if stalled and error is not None:
        # dot writes the graphs in order: the ones before the runaway are finished.
        done = min(len(svgs), len(batch) - 1)
        outcome = _Outcome(
            dict(zip([key for key, _ in batch[:done]], svgs[:done], strict=True)),
            failures={batch[done][0]: error},
            runs=1,
        )
        if done + 1 < len(batch):
            rest = _render_batch(dot, batch[done + 1 :], language)
            outcome.svgs |= rest.svgs
            outcome.failures |= rest.failures
            outcome.runs += rest.runs
        return outcome
    if error is None and len(svgs) != len(batch):
        error = text("diagram.dot-count", language, got=len(svgs), wanted=len(batch))
    if error is None:
        return _Outcome(dict(zip([key for key, _ in batch], svgs, strict=True)), runs=1)
    if len(batch) == 1:
        return _Outcome(failures={batch[0][0]: error}, runs=1)
    middle = len(batch) // 2
    outcome = _Outcome(runs=1)
    for half in (batch[:middle], batch[middle:]):
        part = _render_batch(dot, half, language)
        outcome.svgs |= part.svgs
        outcome.failures |= part.failures
        outcome.runs += part.runs
    return outcome


def _run_dot(dot: str, sources: list[str], language: str) -> tuple[list[str], str | None, bool]:
    """SVGs of one ``dot -Tsvg`` run over ``sources``, its error text if it failed, and
    whether it was stopped for making no progress (see STALL_SECONDS)."""
    data = "\n".join(sources).encode("utf-8", "replace")
    try:
        process = subprocess.Popen(
            [dot, "-Tsvg"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
    except FileNotFoundError as error:
        raise GraphvizMissingError(str(error)) from error
    run = _WatchedRun(process, data)
    stalled = run.wait(STALL_SECONDS)
    svgs = split_svgs(run.stdout.decode("utf-8", "replace"))
    if stalled:
        return svgs, text("diagram.dot-timeout", language, seconds=f"{STALL_SECONDS:.0f}"), True
    if process.returncode != 0:
        detail = run.stderr.decode("utf-8", "replace").strip()[:ERROR_CHARS]
        return svgs, detail or text("diagram.dot-exit", language, code=process.returncode), False
    return svgs, None, False


class _WatchedRun:
    """A dot process fed and read by threads, with the time its last SVG was finished."""

    _END = b"</svg>"

    def __init__(self, process: subprocess.Popen[bytes], data: bytes) -> None:
        self._process = process
        self._out = bytearray()
        self._err = bytearray()
        self._progress = time.monotonic()
        self._threads = [
            threading.Thread(target=self._feed, args=(data,), daemon=True),
            threading.Thread(target=self._read_out, daemon=True),
            threading.Thread(target=self._read_err, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def _feed(self, data: bytes) -> None:
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(data)
            self._process.stdin.close()
        except (BrokenPipeError, ValueError, OSError):
            pass  # dot ended early (an error, or stopped); its exit code tells

    def _read_out(self) -> None:
        assert self._process.stdout is not None
        stream = self._process.stdout.fileno()
        while chunk := os.read(stream, 1 << 16):
            # Search only where a closing tag can have been completed by this chunk.
            start = max(0, len(self._out) - len(self._END))
            self._out += chunk
            if self._out.find(self._END, start) >= 0:
                self._progress = time.monotonic()

    def _read_err(self) -> None:
        assert self._process.stderr is not None
        self._err += self._process.stderr.read()

    def wait(self, stall: float) -> bool:
        """Wait for dot to end; stop it when it finishes no graph for ``stall`` seconds.
        Returns whether it was stopped."""
        stalled = False
        while True:
            try:
                self._process.wait(timeout=min(1.0, stall))
                break
            except subprocess.TimeoutExpired:
                if time.monotonic() - self._progress > stall:
                    self._process.kill()
                    self._process.wait()
                    stalled = True
                    break
        for thread in self._threads:
            thread.join()
        for pipe in (self._process.stdout, self._process.stderr):
            if pipe is not None:
                pipe.close()
        return stalled

    @property
    def stdout(self) -> bytes:
        return bytes(self._out)

    @property
    def stderr(self) -> bytes:
        return bytes(self._err)


def split_svgs(output: str) -> list[str]:
    """The complete SVG documents in dot's output, each from ``<svg`` to ``</svg>``.

    Splitting on ``</svg>`` is reliable because dot escapes ``<`` in all text it copies
    from the input; a document cut off by a crash has no closing tag and is left out.
    """
    documents: list[str] = []
    for part in output.split("</svg>")[:-1]:
        start = part.find("<svg")
        if start >= 0:
            documents.append(part[start:] + "</svg>")
    return documents
