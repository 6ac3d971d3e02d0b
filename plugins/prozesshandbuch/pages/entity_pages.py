"""Pages of roles, units and systems: who does what, where, with what."""

from __future__ import annotations

from collections import defaultdict

from ..analysis.relations import StepRef
from ..analysis.standing import is_retired
from ..content.model import Role, System, Unit
from ..content.ordering import units_in_chart_order
from ..content.urls import entity_src
from ..diagrams.unit_map import neighbourhood_too_large
from .context import GeneratedPage, PageContext
from .landscape import landscape_bands
from .render import PageView, front_matter, render
from .text import plain_text, search_names, search_terms


def _group(refs: list[StepRef]) -> dict[str, list[int]]:
    """Step references grouped by process, in handbook order."""
    grouped: dict[str, list[int]] = defaultdict(list)
    for ref in refs:
        if ref.index not in grouped[ref.process]:
            grouped[ref.process].append(ref.index)
    return dict(grouped)


def reading_path(ctx: PageContext, role: Role) -> tuple[list[str], bool]:
    """The processes a newcomer in ``role`` should read, and whether the list was derived.

    The role's own ``onboarding`` list wins; otherwise owned processes come first, then
    the ones the role works in, most steps first.
    """
    processes = ctx.handbook.processes
    # A repealed process only confuses a newcomer: it is never part of a reading order.
    if role.onboarding:
        return [
            p for p in role.onboarding if p in processes and not is_retired(processes[p])
        ], False
    owned = [p for p in ctx.relations.owner_of.get(role.id, []) if not is_retired(processes[p])]
    counts: dict[str, int] = defaultdict(int)
    for ref in ctx.relations.performs.get(role.id, []):
        if not is_retired(processes[ref.process]):
            counts[ref.process] += 1
    worked = sorted((p for p in counts if p not in owned), key=lambda p: (-counts[p], p))
    return owned + worked, True


def render_role_page(ctx: PageContext, role: Role) -> GeneratedPage:
    src = entity_src("role", role.id)
    view = PageView(ctx, src)
    rel = ctx.relations
    path, derived = reading_path(ctx, role)
    source_path = ctx.handbook.paths.get(("role", role.id))
    body = render(
        "role.md.j2",
        view,
        role=role,
        holders=role.current_holders(ctx.today) if ctx.show_holders else [],
        deputy_for=rel.deputy_for.get(role.id, []),
        owned=rel.owner_of.get(role.id, []),
        performs=_group(rel.performs.get(role.id, [])),
        consulted=_group(rel.consulted_in.get(role.id, [])),
        informed=_group(rel.informed_in.get(role.id, [])),
        systems=sorted(
            set(rel.systems_of_role.get(role.id, [])) | set(rel.systems_owned.get(role.id, []))
        ),
        heads=rel.heads.get(role.id, []),
        reading=path,
        reading_derived=derived,
        history=ctx.histories.get(source_path or ""),
        source_path=source_path,
    )
    # The unit's title is left out: searching a unit should find the unit first.
    tags = search_terms([role.title], role.responsibilities)
    # Boosted so that a role's own title ranks above the processes that mention it.
    meta = front_matter(role.title, tags=tags, boost=3, description=plain_text(role.summary))
    return GeneratedPage(src, meta + body, source_path, search_names([role.title]))


def render_unit_page(ctx: PageContext, unit: Unit) -> GeneratedPage:
    src = entity_src("unit", unit.id)
    view = PageView(ctx, src)
    rel = ctx.relations
    outgoing: dict[str, list[str]] = defaultdict(list)
    incoming: dict[str, list[str]] = defaultdict(list)
    counts_out: dict[str, int] = defaultdict(int)
    counts_in: dict[str, int] = defaultdict(int)
    for (source, target), handoffs in ctx.interfaces.items():
        if source == unit.id:
            counts_out[target] += len(handoffs)
            for h in handoffs:
                if h.process not in outgoing[target]:
                    outgoing[target].append(h.process)
        if target == unit.id:
            counts_in[source] += len(handoffs)
            for h in handoffs:
                if h.process not in incoming[source]:
                    incoming[source].append(h.process)
    partners = sorted(set(counts_out) | set(counts_in), key=lambda u: ctx.title("unit", u))
    interfaces = [
        {
            "unit": other,
            "out": counts_out.get(other, 0),
            "in": counts_in.get(other, 0),
            "processes": sorted(
                set(outgoing.get(other, [])) | set(incoming.get(other, [])),
                key=lambda p: ctx.title("process", p),
            ),
        }
        for other in partners
    ]
    source_path = ctx.handbook.paths.get(("unit", unit.id))
    body = render(
        "unit.md.j2",
        view,
        unit=unit,
        subunits=units_in_chart_order(ctx.handbook, rel.subunits.get(unit.id, [])),
        roles=rel.roles_of_unit.get(unit.id, []),
        processes=rel.processes_of_unit.get(unit.id, []),
        bands=landscape_bands(ctx, list(rel.processes_of_unit.get(unit.id, []))),
        interfaces=interfaces,
        diagram=ctx.diagrams.unit_neighbourhood_svg(unit.id) if ctx.diagrams else None,
        map_too_large=neighbourhood_too_large(len(partners)),
        history=ctx.histories.get(source_path or ""),
        source_path=source_path,
    )
    meta = front_matter(
        unit.title, tags=search_terms([unit.title]), boost=6, description=plain_text(unit.summary)
    )
    return GeneratedPage(src, meta + body, source_path, search_names([unit.title]))


def render_system_page(ctx: PageContext, system: System) -> GeneratedPage:
    src = entity_src("system", system.id)
    view = PageView(ctx, src)
    rel = ctx.relations
    processes_by_id = ctx.handbook.processes
    # Repealed processes are no impact of an outage; they are listed apart, marked.
    retired = [p for p in rel.system_processes.get(system.id, []) if is_retired(processes_by_id[p])]
    steps = _group([r for r in rel.system_steps.get(system.id, []) if r.process not in retired])
    processes = [
        p for p in rel.system_processes.get(system.id, []) if p not in steps and p not in retired
    ]
    source_path = ctx.handbook.paths.get(("system", system.id))
    body = render(
        "system.md.j2",
        view,
        system=system,
        steps=steps,
        processes=processes,
        retired=retired,
        history=ctx.histories.get(source_path or ""),
        source_path=source_path,
    )
    tags = search_terms([system.title, system.kind or "", system.vendor or ""])
    meta = front_matter(system.title, tags=tags, description=plain_text(system.summary))
    return GeneratedPage(src, meta + body, source_path, search_names([system.title]))
