"""All diagrams of one build: build every DOT text, render them together, make them
accessible. The plugin calls :func:`build_diagrams` once and asks the result per page."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..analysis.relations import Relations
from ..content.fingerprint import code_fingerprint, value_digest
from ..content.model import Handbook
from ..content.urls import SiteUrls
from ..i18n import DEFAULT_LANGUAGE, Texts, text
from .cache import MEMORY_ENTRIES, SvgCache, digest
from .process_graph import process_diagram
from .render import cores, render_svgs
from .simplified import LAYOUT_COST_LIMIT, layout_cost, simplified_process_diagram
from .source import DotDiagram
from .svg import SvgError, accessible_svg, figure
from .unit_map import (
    map_interfaces,
    unit_map_diagram,
    unit_neighbourhood_diagram,
    units_with_handoffs,
)

PARALLEL_FINISH_MIN = 200
"""Below this many figures to finish, worker processes would cost more than they save."""
MAX_FINISH_WORKERS = 4


@dataclass(frozen=True)
class Diagrams:
    """The finished diagrams of a build, as inline HTML, with what rendering cost."""

    figures: dict[str, str] = field(default_factory=dict)
    """Graph key (``process:<id>``, ``units``, ``unit:<id>``) -> ``<figure>`` HTML."""
    failures: dict[str, str] = field(default_factory=dict)
    """Graph key -> error text, for each graph dot rejected (its page shows no diagram)."""
    simplified_after_failure: dict[str, str] = field(default_factory=dict)
    """Graph key -> dot's error text, for each process drawn simplified because the full
    flow failed (a time-out, say); its caption says it is simplified."""
    dot_runs: int = 0
    """``dot`` processes started by this build; 0 when nothing changed."""
    rendered: int = 0
    """Graphs laid out by dot in this build."""
    cached: int = 0
    """Graphs taken from the cache."""

    def process_svg(self, process_id: str) -> str | None:
        """The swimlane flow for the page of ``process_id``."""
        return self.figures.get(f"process:{process_id}")

    def unit_map_svg(self) -> str | None:
        """The interface map of all units, for ``einheiten/index.md``; None without hand-offs."""
        return self.figures.get("units")

    def unit_neighbourhood_svg(self, unit_id: str) -> str | None:
        """The units ``unit_id`` exchanges hand-offs with, for its page; None if none."""
        return self.figures.get(f"unit:{unit_id}")


class _ProcessSourceMemo:
    """The DOT sources of the last build's flows, by what each one is made from.

    A flow is drawn from its process and, of the rest of the handbook, only from titles
    (of roles, units and called processes), the unit each role belongs to and the order
    of the units (their colours); the hand-offs follow from these. So a flow whose
    process and that context are unchanged has the same source: ``mkdocs serve`` then
    writes only the changed flow's DOT after a save, not a thousand.
    """

    def __init__(self) -> None:
        self._last: dict[str, tuple[bytes, DotDiagram]] = {}

    def sources(
        self, handbook: Handbook, relations: Relations, urls: SiteUrls, texts: Texts
    ) -> list[DotDiagram]:
        context = value_digest(
            texts.language,
            urls.use_directory_urls,
            [(u.id, u.title) for u in handbook.units.values()],
            [(r.id, r.title, r.unit) for r in handbook.roles.values()],
            [(p.id, p.title) for p in handbook.processes.values()],
        )
        made: dict[str, tuple[bytes, DotDiagram]] = {}
        for process in handbook.processes.values():
            key = value_digest(context, process.model_dump_json())
            remembered = self._last.get(process.id)
            if remembered is not None and remembered[0] == key:
                made[process.id] = remembered
                continue
            diagram = (
                simplified_process_diagram(process, texts)
                if layout_cost(process) > LAYOUT_COST_LIMIT
                else process_diagram(process, handbook, relations, urls, texts)
            )
            made[process.id] = (key, diagram)
        self._last = made
        return [diagram for _, diagram in made.values()]


_PROCESS_SOURCES = _ProcessSourceMemo()


def diagram_sources(
    handbook: Handbook, relations: Relations, urls: SiteUrls, language: str = DEFAULT_LANGUAGE
) -> list[DotDiagram]:
    """Every diagram of the handbook as DOT text; pure, needs no Graphviz."""
    texts = Texts(language)
    sources = _PROCESS_SOURCES.sources(handbook, relations, urls, texts)
    interfaces = map_interfaces(handbook, relations)
    overview = unit_map_diagram(
        interfaces, handbook, urls, texts, units_with_handoffs(handbook, relations)
    )
    if overview is not None:
        sources.append(overview)
    for unit_id in handbook.units:
        neighbourhood = unit_neighbourhood_diagram(unit_id, interfaces, handbook, urls, texts)
        if neighbourhood is not None:
            sources.append(neighbourhood)
    return sources


def build_diagrams(
    handbook: Handbook,
    relations: Relations,
    urls: SiteUrls,
    cache_dir: Path | None = None,
    language: str = DEFAULT_LANGUAGE,
    *,
    jobs: int | None = None,
) -> Diagrams:
    """Render all diagrams of a build in as few ``dot`` runs as possible.

    ``cache_dir`` keeps rendered SVGs across builds (the plugin passes
    ``.cache/prozesshandbuch/diagrams``); ``jobs`` caps parallel dot processes (default:
    CPU cores). Raises :class:`GraphvizMissingError` if there is something to draw and
    Graphviz is not installed.
    """
    sources = {
        diagram.key: diagram for diagram in diagram_sources(handbook, relations, urls, language)
    }
    result = render_svgs(
        {key: diagram.source for key, diagram in sources.items()},
        cache_dir,
        jobs=jobs,
        language=language,
    )
    # A full flow that dot could not draw (its failure is cached by content, so this costs
    # one dot run at most once) is drawn simplified: the page keeps a diagram.
    fallbacks: dict[str, str] = {}
    for key, detail in result.failures.items():
        process = handbook.processes.get(key.removeprefix("process:"))
        if key.startswith("process:") and process is not None and not sources[key].simplified:
            sources[key] = simplified_process_diagram(process, Texts(language))
            fallbacks[key] = detail
    if fallbacks:
        second = render_svgs(
            {key: sources[key].source for key in fallbacks}, cache_dir, jobs=jobs, language=language
        )
        for key in fallbacks:
            result.failures.pop(key)
        result.svgs |= second.svgs
        result.failures |= second.failures
        result.dot_runs += second.dot_runs
        result.rendered += second.rendered
        result.cached += second.cached
    figures: dict[str, str] = {}
    failures = dict(result.failures)
    # Finished figures are cached like SVGs: making an SVG accessible parses all of it,
    # which an unchanged rebuild need not do again. The key holds the SVG, every text
    # put into the figure and the plugin's code.
    finished = SvgCache(cache_dir / "figures" if cache_dir is not None else None)
    todo: list[tuple[str, str, tuple[str, ...]]] = []
    for key, svg in result.svgs.items():
        diagram = sources[key]
        parts = (
            svg,
            dom_id(key),
            diagram.name,
            diagram.description,
            diagram.caption,
            diagram.kind,
            language,
        )
        figure_key = digest("\0".join(parts), code_fingerprint())
        cached = finished.get(figure_key)
        if cached is not None and cached.startswith("<figure") and cached.endswith("</figure>"):
            figures[key] = cached
        else:
            todo.append((key, figure_key, parts))
    for (key, figure_key, _), (markup, error) in zip(
        todo, finish_all([parts for _, _, parts in todo], jobs=jobs), strict=True
    ):
        if error is not None:
            failures[key] = text("diagram.svg-unreadable", language, detail=error)
            continue
        figures[key] = markup
        finished.put(figure_key, markup)
    return Diagrams(
        figures=figures,
        failures=failures,
        simplified_after_failure={k: d for k, d in fallbacks.items() if k in figures},
        dot_runs=result.dot_runs,
        rendered=result.rendered,
        cached=result.cached,
    )


@lru_cache(maxsize=MEMORY_ENTRIES)
def _finish(
    svg: str, dom: str, name: str, description: str, caption: str, kind: str, language: str
) -> str:
    """The figure for one rendered SVG; remembered, so a `serve` rebuild skips the parse."""
    markup = accessible_svg(svg, dom_id=dom, name=name, description=description)
    return figure(markup, caption, kind, language, name)


def finish_here(work: list[tuple[str, ...]]) -> list[tuple[str, str | None]]:
    """``_finish`` for each of ``work``, in this process: the figure, or the SVG parser's
    complaint."""
    done: list[tuple[str, str | None]] = []
    for parts in work:
        try:
            done.append((_finish(*parts), None))
        except SvgError as error:
            done.append(("", str(error)))
    return done


def finish_all(
    work: list[tuple[str, ...]], *, jobs: int | None = None
) -> list[tuple[str, str | None]]:
    """The figures for ``work`` (``_finish``'s arguments each), in order.

    Finishing costs about 3 ms a diagram, all of it Python: a cold build of 1,000
    processes would spend 3 s on one core while the other waits. Many at once are shared
    between worker processes (finish_worker.py, started like dot); a few, as on every
    `serve` rebuild, are done here. If a worker fails, everything is done here.
    """
    workers = min(jobs or cores(), MAX_FINISH_WORKERS)
    if len(work) < PARALLEL_FINISH_MIN or workers < 2:
        return finish_here(work)
    shares = [work[index::workers] for index in range(workers)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        answers = list(pool.map(_finish_in_worker, shares))
    if any(answer is None for answer in answers):
        return finish_here(work)
    done: list[tuple[str, str | None]] = [("", None)] * len(work)
    for index, answer in enumerate(answers):
        assert answer is not None
        done[index::workers] = answer
    return done


def _finish_in_worker(share: list[tuple[str, ...]]) -> list[tuple[str, str | None]] | None:
    # None when the worker could not start or did not answer in full.
    try:
        run = subprocess.run(
            [sys.executable, "-m", "prozesshandbuch.diagrams.finish_worker"],
            # ASCII both ways: no locale or stray surrogate can break the pipe's encoding.
            input=json.dumps(share).encode("ascii"),
            capture_output=True,
            check=False,
        )
    except OSError:
        return None
    if run.returncode != 0:
        return None
    try:
        answer = json.loads(run.stdout)
    except ValueError:
        return None
    if not isinstance(answer, list) or len(answer) != len(share):
        return None
    return [(str(markup), None if error is None else str(error)) for markup, error in answer]


def dom_id(key: str) -> str:
    """An HTML id prefix for a graph key; keys are made of slugs, ``:`` and letters."""
    return "ph-diagram-" + "".join(char if char.isalnum() else "-" for char in key)
