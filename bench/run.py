"""`make bench`: the handbook against plain MkDocs, at several handbook sizes.

For each size N (default 100 and 1,000 processes) it generates a handbook and a plain
mkdocs-material site of the same pages and navigation (:mod:`bench.generate`), then runs

* ``prozesshandbuch check`` on the content, cold (no cache) and warm,
* a cold handbook build (empty caches), and an unchanged rebuild (warm caches),
* the plain site's build, the "floor" the handbook is measured against, and a minimal
  floor (the same pages, each only a title and a sentence) for the page weight,
* for the largest size up to 1,000: save to preview under ``mkdocs serve`` as ``make
  serve`` runs it (:mod:`bench.preview`),

each as its own process, the handbook builds with ``PROZESSHANDBUCH_TIMINGS`` so that
the plugin reports its phases, each with its peak memory. Sizes above 1,000 get only the
checks and a cold build (wall time, peak memory, HTML per page). It prints where the
time goes and the figures with their targets, and writes them to
``bench-results/latest.json`` and ``latest.txt``. Targets are informational: the exit
code is 0 unless a build or a check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from .generate import (
    DEFAULT_SEED,
    TODAY,
    Handbook,
    generate,
    write_floor,
    write_handbook,
    write_minimal_floor,
)
from .preview import Preview, PreviewError, measure_preview

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_JSON = REPO_ROOT / "bench-results" / "latest.json"
DEFAULT_SIZES = (100, 1000)
QUICK_SIZES = (10, 20)
CACHE_DIR = ".cache"
PHASES = [
    ("load_validate", "load and validate"),
    ("relations", "relations"),
    ("diagrams", "diagrams"),
    ("history", "history"),
    ("pages", "page generation"),
    ("mkdocs_render", "MkDocs rendering"),
    ("total", "total (plugin's clock)"),
]
REBUILD_TARGET = 1.25
REBUILD_STRETCH = 1.10
COLD_TARGET = 1.5
GROWTH_TARGET = 1.2
CHECK_TARGET = 3.0
CHECK_WARM_TARGET = 1.0
PREVIEW_TARGET = 5.0
LARGE = 1000
"""Sizes above this get only the checks and one cold build."""
MISSING = "–"


class BenchError(RuntimeError):
    """A build or check failed; the message carries the end of its output."""


@dataclass
class Build:
    """One ``mkdocs build`` run and what it produced."""

    wall: float
    """Seconds for the whole process, from start to exit."""
    seconds: dict[str, float] = field(default_factory=dict)
    """The plugin's phases (empty for the floor)."""
    counts: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    """HTML pages in the site, without 404.html."""
    html_bytes: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)
    """Kind of page (its folder: "prozesse", "berichte/verantwortung"; "" for a page of
    its own) -> [pages, HTML bytes]."""
    heaviest: tuple[int, str] = (0, "")
    """The largest page: HTML bytes and its path in the site."""
    warnings: int = 0
    peak_rss_kb: int = 0
    """Peak resident memory of the build process."""

    @property
    def average_html(self) -> float:
        return self.html_bytes / self.pages if self.pages else 0.0


@dataclass
class SizeResult:
    """Everything measured for one handbook size."""

    processes: int
    entities: dict[str, int]
    check_cold: float
    check_warm: float
    cold: Build
    warm: Build | None = None
    """None for sizes above :data:`LARGE`, like the floors."""
    floor: Build | None = None
    minimal: Build | None = None
    preview: Preview | None = None


@dataclass(frozen=True)
class Figure:
    """One line of the result table."""

    label: str
    value: str
    target: str = ""
    met: bool | None = None
    """None: there is no target for this figure."""
    note: str = ""


# -- running -------------------------------------------------------------------------------


def run_mkdocs(project: Path, *, timings: bool) -> Build:
    """Build ``project`` in a fresh Python process; raises :class:`BenchError` on failure."""
    timings_file = project / "timings.json"
    timings_file.unlink(missing_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PROZESSHANDBUCH_TIMINGS", None)
    if timings:
        env["PROZESSHANDBUCH_TIMINGS"] = str(timings_file)
    log_path = project / "build.log"
    with log_path.open("w", encoding="utf-8") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build"],
            cwd=project,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        # wait4 gives this child's own peak memory (ru_maxrss, kB on Linux).
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
    stderr = log_path.read_text(encoding="utf-8")
    if process.returncode != 0:
        raise BenchError(f"mkdocs build in {project} failed:\n{stderr[-3000:]}")
    build = Build(wall=wall, peak_rss_kb=int(usage.ru_maxrss))
    build.warnings = sum(1 for line in stderr.splitlines() if line.startswith("WARNING"))
    if timings_file.is_file():
        data = json.loads(timings_file.read_text(encoding="utf-8"))
        build.seconds = {str(k): float(v) for k, v in data.get("seconds", {}).items()}
        build.counts = {str(k): int(v) for k, v in data.get("counts", {}).items()}
    site = project / "site"
    for page in site.rglob("*.html"):
        if page.name != "404.html" or page.parent != site:
            size = page.stat().st_size
            build.pages += 1
            build.html_bytes += size
            kind = build.by_kind.setdefault(page_kind(page.relative_to(site).parts), [0, 0])
            kind[0] += 1
            kind[1] += size
            build.heaviest = max(build.heaviest, (size, page.relative_to(site).as_posix()))
    return build


def page_kind(parts: tuple[str, ...]) -> str:
    """The folder a page belongs to (``prozesse/x/index.html`` -> "prozesse"); "" for
    the pages of their own (start, indexes, reports), with or without directory URLs.
    The pages by initial of the large tags, one folder per tag, are one kind."""
    folder = parts[:-2] if parts[-1] == "index.html" else parts[:-1]
    if len(folder) > 1 and folder[0] == "schlagworte":
        return "schlagworte/*"
    return "/".join(folder)


def same_mix_growth(small: Build, large: Build) -> float | None:
    """How much heavier the kinds of page got, each weighted by its count in ``large``:
    the growth without the change in page mix. Kinds only one handbook has are left out."""
    shared = [k for k in large.by_kind if k in small.by_kind]
    if not shared:
        return None
    heavy = sum(large.by_kind[k][1] for k in shared)
    light = sum(large.by_kind[k][0] * small.by_kind[k][1] / small.by_kind[k][0] for k in shared)
    return heavy / light if light else None


def run_check(project: Path) -> float:
    """Seconds for ``prozesshandbuch check`` on the project's content, process start included."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "prozesshandbuch", "check", "--today", TODAY.isoformat(), "content"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise BenchError(f"prozesshandbuch check in {project} failed:\n{done.stderr[-3000:]}")
    return seconds


def measure(processes: int, workdir: Path, *, seed: int, repeat: int, preview: bool) -> SizeResult:
    """Generate the sites of one size and measure them.

    With ``repeat`` > 1 the floor, cold and rebuild runs take turns, so that whatever else
    the machine does falls on all of them alike, and the fastest run of each counts.
    """
    handbook = generate(processes, seed)
    project = write_handbook(workdir / "handbook", handbook, REPO_ROOT)
    checks_cold, checks_warm = [], []
    for _ in range(repeat):
        shutil.rmtree(project / CACHE_DIR, ignore_errors=True)
        checks_cold.append(run_check(project))
        checks_warm.append(run_check(project))
    entities = entity_counts(handbook)
    if processes > LARGE:
        shutil.rmtree(project / CACHE_DIR, ignore_errors=True)
        cold = run_mkdocs(project, timings=True)
        return SizeResult(processes, entities, min(checks_cold), min(checks_warm), cold)
    floor_project = write_floor(workdir / "floor", handbook, REPO_ROOT)
    minimal_project = write_minimal_floor(workdir / "minimal", handbook, REPO_ROOT)
    floors, minimals, colds, warms = [], [], [], []
    for _ in range(repeat):
        floors.append(run_mkdocs(floor_project, timings=False))
        shutil.rmtree(project / CACHE_DIR, ignore_errors=True)
        colds.append(run_mkdocs(project, timings=True))
        warms.append(run_mkdocs(project, timings=True))
        minimals.append(run_mkdocs(minimal_project, timings=False))
    result = SizeResult(
        processes,
        entities,
        min(checks_cold),
        min(checks_warm),
        cold=fastest(colds),
        warm=fastest(warms),
        floor=fastest(floors),
        minimal=fastest(minimals),
    )
    if preview:
        result.preview = measure_preview(project, next(iter(handbook.processes)))
    return result


def fastest(builds: list[Build]) -> Build:
    """The fastest run: the slower ones only measured what else the machine was doing."""
    return min(builds, key=lambda build: build.wall)


def entity_counts(handbook: Handbook) -> dict[str, int]:
    return {
        "units": len(handbook.units),
        "roles": len(handbook.roles),
        "systems": len(handbook.systems),
        "processes": len(handbook.processes),
        "steps": sum(len(p["steps"]) for p in handbook.processes.values()),
    }


# -- figures -------------------------------------------------------------------------------


def ratio_figure(label: str, value: float, target: float, note: str = "") -> Figure:
    return Figure(label, f"{value:.2f}", f"≤ {target:g}", value <= target, note)


def at_size(figure: Figure, processes: int) -> Figure:
    """``figure`` as measured, judged against its target only at the size the target is set
    for (N=1,000); at other sizes the target is named in the note, without a verdict."""
    if processes == LARGE or figure.met is None:
        return figure
    note = f"target {figure.target} is set for N={LARGE:,}"
    return Figure(figure.label, figure.value, note="; ".join(filter(None, [figure.note, note])))


def kilobytes(build: Build) -> str:
    return f"{build.average_html / 1000:.1f} kB"


def figures(results: list[SizeResult]) -> list[Figure]:
    """The headline numbers with their targets, in the order the issue lists them."""
    rows: list[Figure] = []
    full = [r for r in results if r.floor is not None and r.warm is not None]
    for r in results:
        if r.preview is None:
            continue
        p, n = r.preview, f"N={r.processes:,}"
        rows.append(
            Figure(
                f"save to preview under make serve, {n}",
                f"{p.seconds:.2f} s",
                f"< {PREVIEW_TARGET:g} s",
                p.seconds < PREVIEW_TARGET,
                note=f"first build {p.first_build:.1f} s",
            )
        )
        rows.append(
            Figure(
                f"search index after the save, {n}",
                f"{p.indexed_pages:,} of {p.site_pages:,} pages",
                "every page",
                p.indexed_pages == p.site_pages > 0,
            )
        )
    for r in full:
        assert r.floor is not None
        assert r.warm is not None
        n = f"N={r.processes:,}"
        rebuild = r.warm.wall / r.floor.wall
        stretch = f"stretch ≤ {REBUILD_STRETCH:g} " + (
            "met" if rebuild <= REBUILD_STRETCH else "not met"
        )
        rows.append(
            at_size(
                ratio_figure(
                    f"build time handbook / floor, {n}, unchanged rebuild",
                    rebuild,
                    REBUILD_TARGET,
                    stretch if r.processes == LARGE else "",
                ),
                r.processes,
            )
        )
        rows.append(
            at_size(
                ratio_figure(
                    f"build time handbook / floor, {n}, cold",
                    r.cold.wall / r.floor.wall,
                    COLD_TARGET,
                ),
                r.processes,
            )
        )
    for r in full:
        assert r.floor is not None
        assert r.minimal is not None
        n = f"N={r.processes:,}"
        rows.append(
            Figure(
                f"average HTML per page, {n}",
                kilobytes(r.cold),
                note=f"floor {kilobytes(r.floor)}, minimal floor {kilobytes(r.minimal)}",
            )
        )
        rows.append(
            Figure(
                f"page weight handbook / floor, {n}",
                f"{r.cold.average_html / r.floor.average_html:.2f}×",
            )
        )
        rows.append(
            Figure(
                f"page weight handbook / minimal floor, {n}",
                f"{r.cold.average_html / r.minimal.average_html:.2f}×",
            )
        )
    small, large = results[0], results[-1]
    if large.processes > small.processes and small.cold.average_html:
        growth = large.cold.average_html / small.cold.average_html
        note = ""
        if small.floor is not None and large.floor is not None:
            note = f"floor {large.floor.average_html / small.floor.average_html:.2f}×"
        rows.append(
            Figure(
                f"HTML per page growth, N={small.processes:,} → N={large.processes:,}",
                f"{growth:.3f}×",
                f"≤ {GROWTH_TARGET:g}×",
                growth <= GROWTH_TARGET,
                note=note,
            )
        )
        mixed = same_mix_growth(small.cold, large.cold)
        if mixed is not None:
            rows.append(
                Figure(
                    f"HTML per page growth, same page mix, N={large.processes:,}",
                    f"{mixed:.3f}×",
                    note="each kind of page weighted by its count at the larger N",
                )
            )
            for kind, (count, size) in sorted(large.cold.by_kind.items(), key=lambda i: -i[1][0]):
                small_kind = small.cold.by_kind.get(kind)
                before = f"{small_kind[1] / small_kind[0] / 1000:.1f} kB" if small_kind else "–"
                rows.append(
                    Figure(
                        f"  pages in {kind or '(own pages)'}, N={large.processes:,}",
                        f"{count:,} × {size / count / 1000:.1f} kB",
                        note=f"N={small.processes:,}: {before}",
                    )
                )
    for r in results:
        if r.processes > LARGE:
            n = f"N={r.processes:,}"
            rows.append(Figure(f"cold build, {n}, wall time", f"{r.cold.wall:.1f} s"))
            rows.append(
                Figure(f"cold build, {n}, peak memory (RSS)", f"{r.cold.peak_rss_kb / 1024:.0f} MB")
            )
            rows.append(Figure(f"average HTML per page, {n}", kilobytes(r.cold)))
            size, path = r.cold.heaviest
            rows.append(Figure(f"heaviest page, {n}", f"{size / 1000:.0f} kB", note=path))
    rendered = large.cold.counts.get("diagrams_rendered")
    diagram_seconds = large.cold.seconds.get("diagrams")
    per_diagram, note = MISSING, ""
    if rendered and diagram_seconds is not None:
        per_diagram = f"{diagram_seconds / rendered * 1000:.1f} ms"
        runs = large.cold.counts.get("dot_runs", 0)
        note = f"{rendered} diagrams in {runs} dot runs, {diagram_seconds:.2f} s"
    rows.append(
        Figure(f"dot cost per diagram, cold, N={large.processes:,}", per_diagram, note=note)
    )
    if full:
        last = full[-1]
        assert last.warm is not None
        warm_runs = last.warm.counts.get("dot_runs")
        rows.append(
            Figure(
                f"dot runs on an unchanged rebuild, N={last.processes:,}",
                MISSING if warm_runs is None else str(warm_runs),
                "= 0",
                None if warm_runs is None else warm_runs == 0,
            )
        )
    history = large.cold.seconds.get("history")
    git_runs = large.cold.counts.get("git_runs")
    history_text = MISSING if history is None else f"{history:.2f} s"
    note = "one commit" + ("" if git_runs is None else f", {git_runs} git runs")
    rows.append(Figure(f"history, N={large.processes:,}", history_text, note=note))
    for r in results:
        n = f"N={r.processes:,}"
        rows.append(
            at_size(
                Figure(
                    f"prozesshandbuch check, {n}, warm",
                    f"{r.check_warm:.2f} s",
                    f"< {CHECK_WARM_TARGET:g} s",
                    r.check_warm < CHECK_WARM_TARGET,
                ),
                r.processes,
            )
        )
        rows.append(
            at_size(
                Figure(
                    f"prozesshandbuch check, {n}, cold",
                    f"{r.check_cold:.2f} s",
                    f"< {CHECK_TARGET:g} s",
                    r.check_cold < CHECK_TARGET,
                ),
                r.processes,
            )
        )
    return rows


# -- output --------------------------------------------------------------------------------


def environment() -> dict[str, str]:
    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return MISSING

    dot = shutil.which("dot")
    dot_version = MISSING
    if dot:
        done = subprocess.run([dot, "-V"], capture_output=True, text=True, check=False)
        dot_version = (done.stderr or done.stdout).strip()
    return {
        "cpus": str(os.cpu_count()),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "graphviz": dot_version,
        "platform": platform.platform(),
    }


def phase_table(results: list[SizeResult]) -> list[str]:
    columns: list[tuple[str, Build]] = []
    for r in results:
        columns.append((f"N={r.processes:,} cold", r.cold))
        if r.warm is not None:
            columns.append((f"N={r.processes:,} rebuild", r.warm))
    width = max(len(label) for _, label in PHASES) + 2
    lines = ["Where the time goes (seconds)"]
    lines.append(" " * (width + 2) + "".join(f"{title:>17}" for title, _ in columns))

    def row(label: str, values: list[str]) -> str:
        return f"  {label:<{width}}" + "".join(f"{value:>17}" for value in values)

    for key, label in PHASES:
        values = [
            f"{build.seconds[key]:.2f}" if key in build.seconds else MISSING for _, build in columns
        ]
        lines.append(row(label, values))
    lines.append(row("mkdocs build, wall", [f"{build.wall:.2f}" for _, build in columns]))
    lines.append(
        row("peak memory, MB", [f"{build.peak_rss_kb / 1024:.0f}" for _, build in columns])
    )
    for title, attribute in (("floor build, wall", "floor"), ("minimal floor, wall", "minimal")):
        values = []
        for r in results:
            other = getattr(r, attribute)
            values.append(MISSING if other is None else f"{other.wall:.2f}")
            if r.warm is not None:
                values.append("")
        lines.append(row(title, values))
    counts = sorted({key for _, build in columns for key in build.counts})
    for key in counts:
        lines.append(
            row(f"count: {key}", [str(build.counts.get(key, MISSING)) for _, build in columns])
        )
    return lines


def figure_table(rows: list[Figure]) -> list[str]:
    label_width = max(len(f.label) for f in rows) + 2
    value_width = max(len(f.value) for f in rows) + 2
    target_width = max(len(f.target) for f in rows) + 9
    lines = [f"{'Figures':<{label_width + 2}}{'value':<{value_width}}target"]
    for f in rows:
        mark = {None: "", True: "met", False: "MISSED"}[f.met]
        target = f"{f.target}  {mark}" if f.target else ""
        note = f"({f.note})" if f.note else ""
        line = f"  {f.label:<{label_width}}{f.value:<{value_width}}{target:<{target_width}}{note}"
        lines.append(line.rstrip())
    return lines


def report(results: list[SizeResult], env: dict[str, str]) -> str:
    lines = [
        "Prozesshandbuch benchmark: "
        + ", ".join(f"{key} {value}" for key, value in env.items() if key != "platform"),
    ]
    for r in results:
        e = r.entities
        lines.append(
            f"  N={r.processes:,}: {e['units']} units, {e['roles']} roles, {e['systems']} "
            f"systems, {e['processes']} processes, {e['steps']} steps; "
            f"{r.cold.pages} handbook pages"
            + (f", {r.floor.pages} floor pages" if r.floor is not None else "")
        )
    for r in results:
        logged = r.cold.warnings + (r.warm.warnings if r.warm is not None else 0)
        if logged:
            lines.append(f"  N={r.processes:,}: the handbook builds logged {logged} warnings")
    lines += ["", *phase_table(results), "", *figure_table(figures(results))]
    return "\n".join(lines)


def write_results(path: Path, results: list[SizeResult], env: dict[str, str], text: str) -> None:
    """The figures as JSON at ``path``, and the printed report next to it (``.txt``)."""
    data: dict[str, Any] = {
        "environment": env,
        "sizes": [asdict(r) for r in results],
        "figures": [asdict(f) for f in figures(results)],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    path.with_suffix(".txt").write_text(text + "\n", encoding="utf-8")


# -- command line --------------------------------------------------------------------------


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be positive numbers, e.g. 100,1000")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--processes",
        type=parse_sizes,
        default=list(DEFAULT_SIZES),
        help="handbook sizes, comma-separated (default: 100,1000)",
    )
    parser.add_argument("--quick", action="store_true", help="small sizes (10,20) for CI")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    parser.add_argument("--repeat", type=int, default=1, help="runs per build; the best counts")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write figures")
    parser.add_argument(
        "--no-preview", action="store_true", help="skip the save-to-preview measurement"
    )
    args = parser.parse_args(argv)
    sizes = list(QUICK_SIZES) if args.quick else args.processes
    # Save to preview once, at the largest size that gets the full set of measurements.
    preview_size = None if args.no_preview else max((n for n in sizes if n <= LARGE), default=None)
    root = Path(tempfile.mkdtemp(prefix="prozesshandbuch-bench-"))
    results = []
    try:
        for processes in sizes:
            print(f"N={processes:,}: generating and building …", file=sys.stderr, flush=True)
            workdir = root / f"n{processes}"
            results.append(
                measure(
                    processes,
                    workdir,
                    seed=args.seed,
                    repeat=max(1, args.repeat),
                    preview=processes == preview_size,
                )
            )
    except (BenchError, PreviewError) as error:
        print(error, file=sys.stderr)
        print(f"(projects kept in {root})", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"Generated projects kept in {root}", file=sys.stderr)
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    env = environment()
    text = report(results, env)
    print(text)
    write_results(args.json, results, env, text)
    print(f"\nFigures written to {args.json} and {args.json.with_suffix('.txt')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
