"""The interface map ("Schnittstellenlandkarte"): units linked by their hand-offs.

An edge from unit A to unit B stands for every time, in any process, work passes from a
role of A to a role of B, or a role of A calls a sub-process that B is responsible for;
its label is that count and its line grows with it. A unit whose hand-offs all stay
inside it is still drawn, without edges: the map shows every unit that hands work on.
The same builder draws the whole map and the neighbourhood of one unit for the unit's
page; the overview page puts a hand-off matrix beside the map as its text alternative.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from ..analysis.relations import Handoff, Relations
from ..content.model import Handbook
from ..content.urls import AREA_INDEX, SiteUrls, entity_src
from ..i18n import Texts
from .process_graph import lane_roles
from .quoting import AttrValue, attr_list, wrap
from .source import DotDiagram
from .style import defaults, unit_tone

MAP_PAGE = AREA_INDEX["unit"]
UNIT_WIDTH = 22
MAX_PENWIDTH = 8.0


CAP_ABOVE = 150
"""Interfaces above which dot's search is capped; below, the full search is quick."""
# Cap dot's crossing minimisation and network simplex: on a map of hundreds of
# interfaces these took minutes (929 edges: 380 s -> 6 s). Small maps keep the full
# search, which untangles them far better.
_CAPPED: dict[str, float] = {"mclimit": 0.1, "nslimit": 1, "nslimit1": 1, "searchsize": 5}

Interfaces = dict[tuple[str, str], list[Handoff]]
"""(from unit, to unit) -> hand-offs, as :meth:`Relations.unit_interfaces` returns them."""


def map_interfaces(handbook: Handbook, relations: Relations) -> Interfaces:
    """Hand-offs between units, plus every call of a sub-process another unit runs."""
    result = {pair: list(handoffs) for pair, handoffs in relations.unit_interfaces().items()}
    for process in handbook.processes.values():
        lanes = lane_roles(process)
        for index, step in enumerate(process.steps):
            called = handbook.processes.get(step.calls or "")
            role = handbook.roles.get(lanes[index] or "")
            if called is None or role is None:
                continue
            target = handbook.process_unit(called)
            if not target or target == role.unit:
                continue
            known = result.setdefault((role.unit, target), [])
            # A call that already hands work to the other unit's roles is counted once.
            if not any(handoff.process == process.id for handoff in known):
                known.append(
                    Handoff(process.id, index, index, role.id, called.owner, role.unit, target)
                )
    return dict(sorted(result.items()))


def units_with_handoffs(handbook: Handbook, relations: Relations) -> list[str]:
    """Every unit a hand-off starts or ends in, also inside the unit, in handbook order."""
    found = {
        unit
        for reach in relations.reach.values()
        for handoff in reach.handoffs
        for unit in (handoff.from_unit, handoff.to_unit)
        if unit
    }
    found |= {unit for pair in map_interfaces(handbook, relations) for unit in pair}
    return sorted(found, key=_order(handbook))


MAP_PAIR_LIMIT = 250
"""Above this many unit-to-unit hand-off paths the map is not drawn: nobody can read it
(722 paths at 1,000 processes drew a 5,211 × 21,633 px map of two megabytes), and ``dot``
runs for many minutes (5,673 paths at 5,000 processes did not finish in twenty). The
hand-off table beside it lists the busiest paths, and every unit's page all of its own."""


def map_too_large(interfaces: Interfaces) -> bool:
    """Whether the interface map of all units is left undrawn (see MAP_PAIR_LIMIT)."""
    return len(interfaces) > MAP_PAIR_LIMIT


NEIGHBOURHOOD_UNIT_LIMIT = 30
"""Above this many partner units a unit's neighbourhood map is not drawn. A unit that
every other one hands work to (the personnel office, the cash office, IT) had 205 partners
at 5,000 processes: a star of 380 kB of SVG on its page that nobody can read. The table of
partners below it still lists every one, as the square matrix gives way to a list at the
same number of units."""


def neighbourhood_too_large(partners: int) -> bool:
    """Whether a unit's neighbourhood map is left undrawn (see NEIGHBOURHOOD_UNIT_LIMIT)."""
    return partners > NEIGHBOURHOOD_UNIT_LIMIT


def unit_map_diagram(
    interfaces: Interfaces,
    handbook: Handbook,
    urls: SiteUrls,
    texts: Texts,
    units: list[str] | None = None,
) -> DotDiagram | None:
    """All units that hand work on, for the overview page; None without any hand-off.

    ``units`` adds units without an edge (their hand-offs stay inside them).
    """
    if (not interfaces and not units) or map_too_large(interfaces):
        return None
    return _diagram(
        key="units",
        page=MAP_PAGE,
        interfaces=interfaces,
        current=None,
        handbook=handbook,
        urls=urls,
        texts=texts,
        name=texts("diagram.map-name"),
        kind="unit-map",
        extra_units=units or [],
    )


def unit_neighbourhood_diagram(
    unit_id: str, interfaces: Interfaces, handbook: Handbook, urls: SiteUrls, texts: Texts
) -> DotDiagram | None:
    """``unit_id`` and the units it exchanges hand-offs with; None if it has none."""
    interfaces = {pair: handoffs for pair, handoffs in interfaces.items() if unit_id in pair}
    partners = {unit for pair in interfaces for unit in pair if unit != unit_id}
    if not interfaces or neighbourhood_too_large(len(partners)):
        return None
    unit = handbook.units.get(unit_id)
    return _diagram(
        key=f"unit:{unit_id}",
        page=entity_src("unit", unit_id),
        interfaces=interfaces,
        current=unit_id,
        handbook=handbook,
        urls=urls,
        texts=texts,
        name=texts("diagram.neighbourhood-name", title=unit.title if unit else unit_id),
        kind="unit-neighbourhood",
    )


def penwidth(count: int) -> float:
    """Line width for ``count`` hand-offs: grows with the count, slower for large ones."""
    return min(MAX_PENWIDTH, 1.0 + 1.5 * math.log2(max(count, 1)))


def _diagram(
    *,
    key: str,
    page: str,
    interfaces: Interfaces,
    current: str | None,
    handbook: Handbook,
    urls: SiteUrls,
    texts: Texts,
    name: str,
    kind: str,
    extra_units: list[str] | None = None,
) -> DotDiagram:
    found = {unit for pair in interfaces for unit in pair} | set(extra_units or [])
    units = sorted(found, key=_order(handbook))
    node_ids = {unit: f"u{number}" for number, unit in enumerate(units)}
    lines = [
        "digraph G {",
        *defaults(
            {
                "class": "ph-map",
                "rankdir": "LR",
                "nodesep": 0.4,
                "ranksep": 0.6,
                **(_CAPPED if len(interfaces) > CAP_ABOVE else {}),
            }
        ),
    ]
    for unit_id in units:
        title = _title(handbook, unit_id)
        attrs: dict[str, AttrValue] = {
            "label": wrap(title, UNIT_WIDTH),
            "class": f"ph-unit-node {unit_tone(handbook, unit_id)}",
            "tooltip": texts("diagram.unit", title=title),
        }
        if unit_id == current:
            # The page itself: emphasised, and no link that would only reload it.
            attrs["class"] = f"{attrs['class']} ph-current"
            attrs["penwidth"] = 2.5
        elif unit_id in handbook.units:
            attrs["URL"] = urls.link(page, entity_src("unit", unit_id))
        lines.append(f"{node_ids[unit_id]} {attr_list(attrs)};")
    items: list[str] = []
    for (source, target), handoffs in interfaces.items():
        count = len(handoffs)
        words = texts.plural("count.handoffs", count)
        source_title, target_title = _title(handbook, source), _title(handbook, target)
        attrs = {
            "label": count,
            # A line from the number to its edge: on a busy map a bare number is hard to
            # match to its line.
            "decorate": True,
            "class": "ph-interface",
            "penwidth": penwidth(count),
            "weight": count,
            "tooltip": texts(
                "diagram.interface", source=source_title, target=target_title, count=words
            ),
        }
        lines.append(f"{node_ids[source]} -> {node_ids[target]} {attr_list(attrs)};")
        items.append(
            texts("diagram.interface-item", source=source_title, target=target_title, count=words)
        )
    lines.append("}")
    return DotDiagram(
        key=key,
        page_src=page,
        source="\n".join(lines) + "\n",
        name=name,
        description=texts("diagram.map-description", interfaces="; ".join(items)),
        caption=texts("diagram.map-caption"),
        kind=kind,
    )


def _title(handbook: Handbook, unit_id: str) -> str:
    unit = handbook.units.get(unit_id)
    return unit.title if unit else unit_id


def _order(handbook: Handbook) -> Callable[[str], tuple[int, str]]:
    ids = list(handbook.units)
    return lambda unit_id: (ids.index(unit_id) if unit_id in ids else len(ids), unit_id)
