"""Running dot (the real binary): batching, parallel runs, the cache, failures."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from diagram_handbooks import FLOW, generated_handbook, load
from prozesshandbuch.analysis.relations import build_relations
from prozesshandbuch.content.urls import SiteUrls
from prozesshandbuch.diagrams import GraphvizMissingError, build_diagrams, render, render_svgs
from prozesshandbuch.diagrams.cache import clear_memory
from prozesshandbuch.diagrams.render import split_svgs

MISSING = (
    "Graphviz fehlt: bitte mit 'sudo apt-get install graphviz' installieren "
    "oder im Plugin 'diagrams: false' setzen."
)


def graph(number: int) -> str:
    return f'digraph G {{ a{number} [label="Grafik {number}"]; a{number} -> b; }}\n'


@pytest.fixture(autouse=True)
def fresh_process() -> Iterator[None]:
    """Each test starts as a new process would: nothing rendered, no version known."""
    render.forget_process_state()
    yield
    render.forget_process_state()


def cores() -> int:
    return len(os.sched_getaffinity(0))


def test_cold_build_uses_at_most_one_dot_per_core_then_none(tmp_path: Path) -> None:
    handbook = generated_handbook(processes=12, steps=15)
    relations = build_relations(handbook)
    cache_dir = tmp_path / "cache"
    render.graphviz_version(render.find_dot(), None)  # the version query is counted apart

    cold = build_diagrams(handbook, relations, SiteUrls(), cache_dir)
    assert cold.failures == {}
    assert cold.rendered == len(cold.figures) > 12
    assert cold.cached == 0
    assert 1 <= cold.dot_runs <= cores()

    # `mkdocs serve` rebuild: from memory.
    again = build_diagrams(handbook, relations, SiteUrls(), cache_dir)
    assert (again.dot_runs, again.rendered, again.cached) == (0, 0, len(cold.figures))
    assert again.figures == cold.figures

    # A new process with the same cache folder: from disk, not even `dot -V` runs.
    render.forget_process_state()
    warm = build_diagrams(handbook, relations, SiteUrls(), cache_dir)
    assert (warm.dot_runs, warm.rendered, warm.cached) == (0, 0, len(cold.figures))
    assert warm.figures == cold.figures


def test_version_is_asked_once_and_remembered_per_binary(tmp_path: Path) -> None:
    result = render_svgs({"a": graph(1)}, tmp_path)
    assert result.dot_runs == 2  # `dot -V`, then the render
    version = (tmp_path / render.VERSION_FILE).read_text(encoding="utf-8")
    assert "graphviz version" in version
    assert render_svgs({"b": graph(2)}, tmp_path).dot_runs == 1


def test_one_changed_graph_is_the_only_one_rendered(tmp_path: Path) -> None:
    sources = {f"g{n}": graph(n) for n in range(10)}
    render_svgs(sources, tmp_path)
    clear_memory()
    changed = render_svgs(sources | {"g3": graph(33)}, tmp_path)
    assert (changed.rendered, changed.cached, changed.dot_runs) == (1, 9, 1)
    assert "Grafik 33" in changed.svgs["g3"]


def test_identical_graphs_are_rendered_once(tmp_path: Path) -> None:
    result = render_svgs({"a": graph(1), "b": graph(1)}, tmp_path, jobs=4)
    assert result.svgs["a"] == result.svgs["b"]
    assert result.dot_runs == 2  # version + one render


def test_many_graphs_in_one_process_each(tmp_path: Path) -> None:
    sources = {f"g{n}": graph(n) for n in range(100)}
    result = render_svgs(sources, None, jobs=2)
    assert result.failures == {}
    assert result.dot_runs == 1 + 2
    for number in range(100):
        assert f"Grafik {number}<" in result.svgs[f"g{number}"]


def test_a_bad_graph_is_named_and_the_others_still_render(tmp_path: Path) -> None:
    sources = {f"g{n}": graph(n) for n in range(16)}
    sources["kaputt"] = "digraph { a -> ; }\n"
    result = render_svgs(sources, tmp_path, jobs=1)
    assert list(result.failures) == ["kaputt"]
    assert "syntax error" in result.failures["kaputt"]
    assert sorted(result.svgs) == sorted(f"g{n}" for n in range(16))
    for number in range(16):
        assert f"Grafik {number}<" in result.svgs[f"g{number}"]
    # Halving finds it: version + 1 batch + 2 runs per level down to one graph.
    assert result.dot_runs <= 1 + 1 + 2 * 5
    # The failure is cached by content: the next build reports it again without dot.
    render.forget_process_state()
    again = render_svgs(sources, tmp_path, jobs=1)
    assert again.failures == result.failures
    assert again.cached == 17
    assert again.dot_runs == 0


def test_a_graph_that_swallows_the_next_one_is_caught(tmp_path: Path) -> None:
    # An unclosed string runs into the following graph: dot sees fewer graphs than given.
    sources = {"a": graph(1), "offen": 'digraph { a [label="offen]; }\n', "c": graph(3)}
    result = render_svgs(sources, None, jobs=1)
    assert list(result.failures) == ["offen"]
    assert sorted(result.svgs) == ["a", "c"]


def test_a_runaway_layout_is_stopped_named_and_the_others_still_render(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every node linked to every other: dot needs far longer than a minute for this. The
    # allowance is lowered so the test stops it after two seconds without a finished graph.
    runaway = (
        "digraph {\n"
        + "".join(f"n{i} -> n{j};\n" for i in range(70) for j in range(70) if i != j)
        + "}\n"
    )
    monkeypatch.setattr(render, "STALL_SECONDS", 2.0)
    sources = {"a": graph(1), "endlos": runaway, "c": graph(3)}
    result = render_svgs(sources, tmp_path, jobs=1)
    assert list(result.failures) == ["endlos"]
    assert "dot lief länger als 2 s" in result.failures["endlos"]
    assert sorted(result.svgs) == ["a", "c"]
    assert "Grafik 1<" in result.svgs["a"]
    assert "Grafik 3<" in result.svgs["c"]


def test_build_reports_failures_per_diagram(tmp_path: Path) -> None:
    handbook, relations = load(tmp_path, FLOW)
    diagrams = build_diagrams(handbook, relations, SiteUrls(), None)
    assert diagrams.failures == {}
    assert sorted(diagrams.figures) == [
        "process:gebuehren",
        "process:pass",
        "unit:buergerbuero",
        "unit:kasse",
        "units",
    ]


def test_missing_dot_names_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    handbook, relations = load(tmp_path, FLOW)
    monkeypatch.setenv("PATH", str(tmp_path / "leer"))
    with pytest.raises(GraphvizMissingError) as caught:
        build_diagrams(handbook, relations, SiteUrls(), tmp_path / "cache")
    assert str(caught.value) == MISSING
    with pytest.raises(GraphvizMissingError, match="sudo apt-get install graphviz"):
        render_svgs({"a": graph(1)}, None)


def test_broken_dot_names_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "bin" / "dot"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'dot: cannot load plugins' >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(fake.parent))
    with pytest.raises(GraphvizMissingError) as caught:
        render_svgs({"a": graph(1)}, None)
    assert str(caught.value) == f"{MISSING} (dot: cannot load plugins)"


def test_nothing_to_draw_needs_no_graphviz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    result = render_svgs({}, None)
    assert (result.svgs, result.dot_runs) == ({}, 0)


def test_split_svgs_keeps_complete_documents_only() -> None:
    first = '<?xml version="1.0"?>\n<!DOCTYPE svg>\n<!-- x -->\n<svg a="1"><g/></svg>\n'
    second = '<?xml version="1.0"?>\n<svg a="2"><text>&lt;/svg&gt;</text></svg>\n'
    cut_off = '<?xml version="1.0"?>\n<svg a="3"><g>'
    assert split_svgs(first + second + cut_off) == [
        '<svg a="1"><g/></svg>',
        '<svg a="2"><text>&lt;/svg&gt;</text></svg>',
    ]


def test_unwritable_cache_still_renders(tmp_path: Path) -> None:
    blocked = tmp_path / "datei"
    blocked.write_text("kein Ordner", encoding="utf-8")
    result = render_svgs({"a": graph(1)}, blocked / "cache")
    assert result.failures == {}
    assert "Grafik 1" in result.svgs["a"]
