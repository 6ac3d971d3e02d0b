"""What a graph builder hands on: DOT text plus the words that make the SVG accessible."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DotDiagram:
    """One diagram before rendering. Pure data: building it needs no Graphviz binary."""

    key: str
    """Stable name of the diagram, e.g. ``process:reisepass`` (used in failure reports)."""
    page_src: str
    """Source path of the page the SVG is embedded in; every link in it is relative to it."""
    source: str
    """The DOT text; its hash (with the Graphviz version) is the cache key."""
    name: str
    """Accessible name of the SVG (its ``<title>`` and ``aria-label``)."""
    description: str
    """The diagram in words (its ``<desc>``), pointing to the text alternative."""
    caption: str
    """Visible ``<figcaption>``."""
    kind: str
    """``process``, ``unit-map`` or ``unit-neighbourhood``; becomes a CSS modifier class."""
    simplified: bool = False
    """A process drawn in one column because the full layout is too costly (the caption
    says so); see :mod:`.simplified`."""
