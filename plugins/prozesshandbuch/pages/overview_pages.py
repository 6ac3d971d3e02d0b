"""Area index pages, the start page, the finder, the ownership overview and the tag index."""

from __future__ import annotations

from ..diagrams.unit_map import map_interfaces, units_with_handoffs
from ..health import find_risks
from ..ordering import natural_key, units_in_chart_order
from ..review import ReviewState, review_status
from ..textfold import slugify
from .context import GeneratedPage, PageContext
from .landscape import TILE_LIMIT, landscape_bands
from .render import PageView, front_matter, render

START = "index.md"
PROCESSES = "prozesse/index.md"
ROLES = "rollen/index.md"
UNITS = "einheiten/index.md"
SYSTEMS = "systeme/index.md"
FINDER = "zustaendigkeit.md"
OWNERSHIP = "berichte/verantwortung.md"
TAGS = "schlagworte.md"


def _by_title(ctx: PageContext, kind: str, ids: list[str]) -> list[str]:
    return sorted(ids, key=lambda i: ctx.title(kind, i).casefold())  # type: ignore[arg-type]


def render_start_page(ctx: PageContext) -> GeneratedPage:
    view = PageView(ctx, START)
    hb = ctx.handbook
    due = sum(
        1
        for p in hb.processes.values()
        if review_status(p, ctx.today).state in (ReviewState.DUE_SOON, ReviewState.OVERDUE)
    )
    body = render(
        "start.md.j2",
        view,
        figures=[
            (len(hb.processes), ctx.labels.count_processes, PROCESSES),
            (len(hb.roles), ctx.labels.count_roles, ROLES),
            (len(hb.units), ctx.labels.count_units, UNITS),
            (len(hb.systems), ctx.labels.count_systems, SYSTEMS),
            (due, ctx.labels.count_due, "berichte/pruefung.md"),
            (
                len(find_risks(hb, ctx.today, ctx.created)),
                ctx.labels.risk_summary,
                "berichte/wissensrisiko.md",
            ),
        ],
        links={"roles": ROLES, "finder": FINDER, "guide": "anleitung.md"},
    )
    return GeneratedPage(START, front_matter(ctx.labels.start, extra={"hide": ["toc"]}) + body)


def render_process_index(ctx: PageContext) -> GeneratedPage:
    """The Prozesslandkarte (bands × units) and an A–Z list."""
    view = PageView(ctx, PROCESSES)
    all_ids = _by_title(ctx, "process", list(ctx.handbook.processes))
    body = render(
        "process_index.md.j2",
        view,
        bands=landscape_bands(ctx, all_ids),
        compact=len(all_ids) > TILE_LIMIT,
        total=len(all_ids),
        unit_anchor=slugify(ctx.labels.unit_processes),
        all_ids=all_ids,
    )
    return GeneratedPage(PROCESSES, front_matter(ctx.labels.processes) + body)


def render_role_index(ctx: PageContext) -> GeneratedPage:
    view = PageView(ctx, ROLES)
    by_unit: dict[str, list[str]] = {}
    for role in ctx.handbook.roles.values():
        by_unit.setdefault(role.unit, []).append(role.id)
    groups = [
        (unit, _by_title(ctx, "role", ids))
        for unit, ids in sorted(by_unit.items(), key=lambda i: natural_key(ctx.title("unit", i[0])))
    ]
    body = render("role_index.md.j2", view, groups=groups)
    return GeneratedPage(ROLES, front_matter(ctx.labels.roles) + body)


def render_unit_index(ctx: PageContext) -> GeneratedPage:
    view = PageView(ctx, UNITS)
    roots = units_in_chart_order(
        ctx.handbook,
        [
            u.id
            for u in ctx.handbook.units.values()
            if not u.parent or u.parent not in ctx.handbook.units
        ],
    )
    interfaces = map_interfaces(ctx.handbook, ctx.relations)
    matrix_units = units_with_handoffs(ctx.handbook, ctx.relations)
    body = render(
        "unit_index.md.j2",
        view,
        roots=roots,
        diagram=ctx.diagrams.unit_map_svg() if ctx.diagrams else None,
        matrix_units=matrix_units,
        matrix={pair: len(handoffs) for pair, handoffs in interfaces.items()},
    )
    return GeneratedPage(UNITS, front_matter(ctx.labels.units) + body)


def render_system_index(ctx: PageContext) -> GeneratedPage:
    view = PageView(ctx, SYSTEMS)
    body = render(
        "system_index.md.j2", view, ids=_by_title(ctx, "system", list(ctx.handbook.systems))
    )
    return GeneratedPage(SYSTEMS, front_matter(ctx.labels.systems) + body)


def render_ownership(ctx: PageContext) -> GeneratedPage:
    view = PageView(ctx, OWNERSHIP)
    rows = [
        (process, review_status(process, ctx.today))
        for process in sorted(ctx.handbook.processes.values(), key=lambda p: p.title.casefold())
    ]
    body = render("ownership.md.j2", view, rows=rows)
    return GeneratedPage(OWNERSHIP, front_matter(ctx.labels.ownership) + body)


def render_tag_index(ctx: PageContext) -> GeneratedPage:
    view = PageView(ctx, TAGS)
    tags = sorted(ctx.relations.tagged.items(), key=lambda i: i[0].casefold())
    groups = [(tag, _by_title(ctx, "process", ids)) for tag, ids in tags]
    body = render("tag_index.md.j2", view, groups=groups)
    return GeneratedPage(TAGS, front_matter(ctx.labels.tags) + body)
