"""Finishing many diagrams in worker processes gives what finishing them here gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from diagram_handbooks import FLOW, generated_handbook, load
from prozesshandbuch.analysis.relations import build_relations
from prozesshandbuch.content.urls import SiteUrls
from prozesshandbuch.diagrams import build as build_module
from prozesshandbuch.diagrams import build_diagrams
from prozesshandbuch.diagrams.build import finish_all, finish_here


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, ...]]:
    """``_finish`` arguments for the diagrams of a generated handbook and the FLOW one."""
    root = tmp_path_factory.mktemp("finish")
    handbook = generated_handbook(processes=12, steps=9)
    cache = root / "cache"
    build_diagrams(handbook, build_relations(handbook), SiteUrls(), cache_dir=cache)
    flow, relations = load(root / "flow", FLOW)
    build_diagrams(flow, relations, SiteUrls(), cache_dir=cache)
    svgs = [
        text
        for path in sorted(cache.rglob("*.svg"))
        if (text := path.read_text(encoding="utf-8")).lstrip().startswith(("<?xml", "<svg"))
    ]
    assert len(svgs) >= 12
    return [
        (svg, f"d{n}", f"Name {n}", "Beschreibung", "Legende", "process", "de")
        for n, svg in enumerate(svgs)
    ]


def test_workers_give_the_same_figures_in_the_same_order(
    work: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    here = finish_here(work)
    monkeypatch.setattr(build_module, "PARALLEL_FINISH_MIN", 2)
    calls: list[int] = []
    started = build_module._finish_in_worker

    def counted(share: list[tuple[str, ...]]) -> list[tuple[str, str | None]] | None:
        calls.append(len(share))
        return started(share)

    monkeypatch.setattr(build_module, "_finish_in_worker", counted)
    assert finish_all(work, jobs=2) == here
    # Two real workers shared the work; none of it was done here twice.
    assert sorted(calls) == sorted([len(work[0::2]), len(work[1::2])])
    assert all(markup.startswith("<figure") for markup, error in here if error is None)


def test_an_unreadable_svg_is_reported_for_itself_only(
    work: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build_module, "PARALLEL_FINISH_MIN", 2)
    broken = [*work[:3], ("<svg><g>", "bad", "x", "x", "x", "process", "de"), *work[3:6]]
    done = finish_all(broken, jobs=2)
    errors = [error for _, error in done]
    assert errors[3] is not None
    assert "line 1" in errors[3]
    assert errors[:3] == [None] * 3
    assert errors[4:] == [None] * 3


def test_a_worker_that_cannot_run_leaves_the_work_to_this_process(
    work: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    here = finish_here(work)
    failing = tmp_path / "python"
    failing.write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    failing.chmod(0o755)
    monkeypatch.setattr(build_module, "PARALLEL_FINISH_MIN", 2)
    monkeypatch.setattr(sys, "executable", str(failing))
    assert build_module._finish_in_worker(list(work[:2])) is None
    assert finish_all(work, jobs=2) == here


def test_few_diagrams_start_no_worker(
    work: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(share: list[tuple[str, ...]]) -> None:
        raise AssertionError("a worker was started for a handful of diagrams")

    monkeypatch.setattr(build_module, "_finish_in_worker", refuse)
    assert len(work) < build_module.PARALLEL_FINISH_MIN
    assert finish_all(work, jobs=2) == finish_here(work)
