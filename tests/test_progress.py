"""Build progress on the console: one line per phase, a summary, quiet with ``-q``."""

from __future__ import annotations

import re
from pathlib import Path

from prozesshandbuch.build.progress import BuildProgress, format_seconds
from sitebuild import make_project, mkdocs_build


class FakeClock:
    """A clock the test moves by hand, so no assertion depends on real time."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_counted_phase_reports_at_most_once_per_interval_and_closes_with_the_total() -> None:
    lines: list[str] = []
    clock = FakeClock()
    progress = BuildProgress(lines.append, "de", interval=5.0, clock=clock)
    progress.start_counting("render", 2400)
    for _ in range(2400):
        clock.now += 0.01  # 24 s in all: four intermediate lines, not 2,400
        progress.advance()
    progress.finish_counting()
    assert lines == [
        "Seiten 500/2.400 …",
        "Seiten 1.000/2.400 …",
        "Seiten 1.500/2.400 …",
        "Seiten 2.000/2.400 …",
        "Seiten 2.400/2.400 in 24,0 s",
    ]


def test_phase_line_and_summary_in_english() -> None:
    lines: list[str] = []
    progress = BuildProgress(lines.append, "en")
    progress.phase_done(
        "diagrams", 1038, 1038, 6.94, progress.diagram_detail(rendered=830, cached=208)
    )
    progress.summary({"load_validate": 4.0, "diagrams": 6.94, "mkdocs_render": 72.66}, 83.6)
    assert lines == [
        "Diagrams 1,038/1,038 in 6.9 s (830 drawn, 208 from the cache)",
        "Handbook built in 83.6 s: Content 4.0 s · Diagrams 6.9 s · MkDocs 72.7 s",
    ]


def test_finish_without_a_counted_phase_says_nothing() -> None:
    lines: list[str] = []
    progress = BuildProgress(lines.append, "de")
    progress.advance()
    progress.finish_counting()
    assert lines == []
    assert format_seconds(0.04, "de") == "0,0 s"


def test_build_logs_each_phase_once_and_a_summary(
    tmp_path: Path, minimal_files: dict[str, str]
) -> None:
    root = make_project(tmp_path, minimal_files, plugin_options="diagrams: false\nhistory: false")
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    # Intermediate lines ("Seiten 12/40 …") appear only when a phase runs long, which
    # on a busy machine even a small build may do; the closing lines are always there.
    lines = [
        line
        for line in done.stderr.splitlines()
        if "prozesshandbuch: " in line and not line.endswith("…")
    ]
    phases = [line.split("prozesshandbuch: ", 1)[1].split(" ", 1)[0] for line in lines]
    # Diagrams and history are switched off, so they have no line.
    assert phases == ["Inhalte", "Seitenquellen", "Markdown", "Seiten", "Handbuch"]
    assert "Inhalte 4/4 in " in lines[0]
    # Every page counted once: the theme's 404 page and sitemap are no pages of the count.
    (pages,) = [line for line in lines if "prozesshandbuch: Seiten " in line]
    done_count, total = re.search(r"Seiten (\S+)/(\S+) in", pages).groups()  # type: ignore[union-attr]
    assert done_count == total, pages
    assert lines[-1].split("prozesshandbuch: ", 1)[1].startswith("Handbuch gebaut in ")


def test_quiet_build_prints_no_progress(tmp_path: Path, minimal_files: dict[str, str]) -> None:
    root = make_project(tmp_path, minimal_files, plugin_options="diagrams: false")
    done = mkdocs_build(root, "-q")
    assert done.returncode == 0, done.stderr
    assert "prozesshandbuch: " not in done.stderr
