"""The benchmark in its quick mode, so that it cannot rot. No timing is asserted."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from prozesshandbuch.content.check import check_handbook
from sitebuild import mkdocs_env

REPO_ROOT = Path(__file__).resolve().parents[1]
FIGURE_LINES = [
    "save to preview under make serve, N=20",
    "search index after the save, N=20",
    "build time handbook / floor, N=20, unchanged rebuild",
    "build time handbook / floor, N=10, cold",
    "average HTML per page, N=20",
    "page weight handbook / floor, N=20",
    "page weight handbook / minimal floor, N=20",
    "HTML per page growth, N=10 → N=20",
    "HTML per page growth, same page mix, N=20",
    "pages in prozesse, N=20",
    "dot cost per diagram, cold, N=20",
    "dot runs on an unchanged rebuild, N=20",
    "history, N=20",
    "prozesshandbuch check, N=20, warm",
    "prozesshandbuch check, N=20, cold",
]
PHASE_LINES = ["load and validate", "diagrams", "history", "page generation", "MkDocs rendering"]


@pytest.mark.slow
def test_quick_benchmark_runs_and_prints_every_figure(tmp_path: Path) -> None:
    target = tmp_path / "latest.json"
    env = mkdocs_env()

    done = subprocess.run(
        [sys.executable, "-m", "bench.run", "--quick", "--json", str(target)],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )

    assert done.returncode == 0, done.stderr[-3000:]
    labels = [line.strip() for line in done.stdout.splitlines()]
    for expected in [*FIGURE_LINES, *PHASE_LINES]:
        assert any(line.startswith(expected) for line in labels), f"no line {expected!r}"
    assert "N=20: 5 units, 15 roles, 5 systems, 20 processes" in done.stdout
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [size["processes"] for size in data["sizes"]] == [10, 20]
    assert target.with_suffix(".txt").read_text(encoding="utf-8").strip() in done.stdout
    # The generated handbook is clean: the check passed and the builds logged no warning.
    for size in data["sizes"]:
        assert size["cold"]["warnings"] == 0
        assert size["cold"]["pages"] == size["floor"]["pages"] == size["minimal"]["pages"]
        assert size["cold"]["peak_rss_kb"] > 0
    # Save to preview ran at the larger size, and the index kept every page.
    preview = data["sizes"][1]["preview"]
    assert preview["indexed_pages"] == preview["site_pages"] == data["sizes"][1]["cold"]["pages"]


def test_benchmark_serves_with_the_flags_of_make_serve() -> None:
    preview = load_module("bench_preview", "bench/preview.py")
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    serve_line = next(line for line in makefile.splitlines() if "mkdocs serve" in line)
    assert serve_line.split("mkdocs serve", 1)[1].split() == [*preview.SERVE_FLAGS, "-a", "$(HOST)"]


def load_generator() -> ModuleType:
    return load_module("bench_generate", "bench/generate.py")


def load_module(name: str, path: str) -> ModuleType:
    """A file below ``bench/`` as a module; the repository root is not on the test path."""
    spec = importlib.util.spec_from_file_location(name, REPO_ROOT / path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def test_generated_handbook_is_deterministic_realistic_and_clean(tmp_path: Path) -> None:
    gen = load_generator()
    handbook = gen.generate(120, seed=7)
    assert handbook == gen.generate(120, seed=7)
    assert (len(handbook.units), len(handbook.roles), len(handbook.systems)) == (9, 40, 8)

    order = list(handbook.processes)
    steps = [step for p in handbook.processes.values() for step in p["steps"]]
    assert all(5 <= len(p["steps"]) <= 40 for p in handbook.processes.values())
    assert any(step.get("kind") == "decision" and len(step["next"]) == 3 for step in steps)
    for position, process in enumerate(handbook.processes.values()):
        called = [step["calls"] for step in process["steps"] if "calls" in step]
        assert all(order.index(target) < position for target in called)
    assert any("calls" in step for step in steps)

    project = gen.write_handbook(tmp_path / "handbook", handbook, REPO_ROOT)
    files = sorted((project / "content").rglob("*.yml"))
    assert len(files) == 120 + 9 + 40 + 8
    assert all(
        f.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../schema/")
        for f in files
    )
    result = check_handbook(project / "content", project, gen.TODAY)
    assert [problem.format("en") for problem in result.problems] == []
    log = subprocess.run(
        ["git", "log", "--format=%an %aI"], cwd=project, capture_output=True, text=True, check=True
    )
    assert log.stdout == "Benchmark 2026-11-01T10:00:00+01:00\n"


def test_same_mix_growth_leaves_out_the_change_in_page_mix(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.syspath_prepend(str(REPO_ROOT))  # bench.run imports its siblings
    run = importlib.import_module("bench.run")
    assert run.page_kind(("prozesse", "x", "index.html")) == "prozesse"
    assert run.page_kind(("prozesse", "x.html")) == "prozesse"
    assert run.page_kind(("prozesse", "index.html")) == ""
    assert run.page_kind(("schlagworte", "bauen", "index.html")) == "schlagworte"
    assert run.page_kind(("schlagworte", "bauen", "b", "index.html")) == "schlagworte/*"
    assert run.page_kind(("berichte", "verantwortung", "einheit-a", "index.html")) == (
        "berichte/verantwortung"
    )
    # Each kind weighs the same at both sizes; only the mix changes (more heavy pages).
    small = run.Build(wall=0, pages=20, html_bytes=10 * 60 + 10 * 20)
    small.by_kind = {"prozesse": [10, 600], "schlagworte": [10, 200]}
    large = run.Build(wall=0, pages=100, html_bytes=90 * 60 + 10 * 20)
    large.by_kind = {"prozesse": [90, 5400], "schlagworte": [10, 200], "neu": [5, 999]}
    assert large.average_html / small.average_html == pytest.approx(1.4)
    assert run.same_mix_growth(small, large) == pytest.approx(1.0)
    # A kind that got heavier counts with its share at the larger size.
    large.by_kind["prozesse"] = [90, 90 * 66]
    assert run.same_mix_growth(small, large) == pytest.approx((90 * 66 + 200) / (5400 + 200))
