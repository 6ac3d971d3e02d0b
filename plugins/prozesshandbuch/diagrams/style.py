"""Layout defaults shared by all diagrams; colours live in assets/diagrams.css, not here."""

from __future__ import annotations

from ..content.model import Handbook
from .quoting import attr_list

# The metrics dot measures with should match what the browser draws: Material with
# `font: false` uses the system stack Helvetica/Arial, and fontconfig maps these names to
# a metric-compatible face (Liberation Sans) on the build machine.
FONT = "Helvetica,Arial,sans-serif"
TONES = 6
"""Number of unit tones (``ph-tone-0`` ...) that diagrams.css defines."""


def defaults(graph: dict[str, str | float | bool]) -> list[str]:
    """The opening statements of a diagram: graph, node and edge defaults."""
    return [
        f"graph {attr_list({'fontname': FONT, 'fontsize': 12, **graph})};",
        "node "
        + attr_list(
            {"fontname": FONT, "fontsize": 11, "shape": "box", "style": "rounded", "margin": 0.1}
        )
        + ";",
        # 11 pt is the smallest text on any diagram: drawn at one pixel per point, 11 px.
        "edge " + attr_list({"fontname": FONT, "fontsize": 11, "arrowsize": 0.7}) + ";",
    ]


def unit_tone(handbook: Handbook, unit_id: str) -> str:
    """The CSS class that colours a unit, the same on every diagram of the site."""
    ids = list(handbook.units)
    position = ids.index(unit_id) if unit_id in ids else len(ids)
    return f"ph-tone-{position % TONES}"
