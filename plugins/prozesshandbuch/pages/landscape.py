"""The Prozesslandkarte: processes in management, core and support bands, by unit."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.model import Category
from ..diagrams.style import unit_tone
from .context import PageContext

TILE_LIMIT = 250
"""Above this many processes the overview shows counts per unit instead of every tile;
each unit's page then carries its own landscape (one per Fachbereich and Amt)."""


@dataclass(frozen=True)
class LandscapeGroup:
    """The processes of one unit within one band, A–Z."""

    unit: str
    """Unit id; empty for processes no unit is responsible for."""
    tone: str
    """The unit's colour class, the same as on the diagrams."""
    processes: list[str]


@dataclass(frozen=True)
class LandscapeBand:
    category: Category
    groups: list[LandscapeGroup]

    @property
    def count(self) -> int:
        return sum(len(group.processes) for group in self.groups)


def landscape_bands(ctx: PageContext, process_ids: list[str]) -> list[LandscapeBand]:
    """``process_ids`` sorted into bands (management, core, support) and units, A–Z."""
    hb = ctx.handbook
    grid: dict[Category, dict[str, list[str]]] = {category: {} for category in Category}
    for process_id in process_ids:
        process = hb.processes[process_id]
        unit = hb.process_unit(process) or ""
        grid[process.category].setdefault(unit, []).append(process_id)
    bands = []
    for category in Category:
        if not grid[category]:
            continue
        groups = [
            LandscapeGroup(
                unit,
                unit_tone(hb, unit) if unit else "",
                sorted(ids, key=lambda i: ctx.title("process", i).casefold()),
            )
            for unit, ids in sorted(
                grid[category].items(), key=lambda item: ctx.title("unit", item[0]).casefold()
            )
        ]
        bands.append(LandscapeBand(category, groups))
    return bands
