"""Diagrams: a swimlane flow per process and an interface map of units.

Data flows one way: model -> DOT text (pure, :mod:`.process_graph`, :mod:`.unit_map`, all
strings through :mod:`.quoting`) -> SVG (:mod:`.render`, the only module that runs
``dot``, batched, parallel and cached) -> inline accessible markup (:mod:`.svg`, made
smaller by :mod:`.compact`; on a cold build shared between worker processes,
:mod:`.finish_worker`).
"""

from __future__ import annotations

from .build import Diagrams, build_diagrams, diagram_sources
from .render import GraphvizMissingError, RenderResult, render_svgs
from .source import DotDiagram

__all__ = [
    "Diagrams",
    "DotDiagram",
    "GraphvizMissingError",
    "RenderResult",
    "build_diagrams",
    "diagram_sources",
    "render_svgs",
]
