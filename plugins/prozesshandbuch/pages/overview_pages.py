"""Area index pages, the start page, the finder, the ownership overview and the tag index."""

from __future__ import annotations

from ..content.model import Process
from ..content.ordering import by_unit_in_chart_order, natural_key, units_in_chart_order
from ..content.review import ReviewState, ReviewStatus
from ..content.textfold import slugify
from ..content.urls import (
    AREA_INDEX,
    FINDER,
    GUIDE,
    OWNERSHIP,
    REVIEWS,
    RISKS,
    START,
    TAGS,
    ownership_src,
    process_az_src,
)
from ..diagrams.unit_map import map_too_large, units_with_handoffs
from .context import GeneratedPage, PageContext
from .landscape import TILE_LIMIT, landscape_bands
from .render import PageView, front_matter, render

PROCESSES = AREA_INDEX["process"]
ROLES = AREA_INDEX["role"]
UNITS = AREA_INDEX["unit"]
SYSTEMS = AREA_INDEX["system"]


MATRIX_UNIT_LIMIT = 30
"""Above this many units the hand-off matrix becomes a list of its non-empty cells."""

PATH_LIST_LIMIT = 250
"""The list shows at most this many paths, the busiest first. At 5,000 processes there
were 5,673 paths, a table of 1.3 MB on one page; every unit's own page lists all of its
partners, so nothing is out of reach."""


def _by_title(ctx: PageContext, kind: str, ids: list[str]) -> list[str]:
    return sorted(ids, key=lambda i: ctx.title(kind, i).casefold())  # type: ignore[arg-type]


def render_start_page(ctx: PageContext) -> GeneratedPage:
    view = PageView(ctx, START)
    hb = ctx.handbook
    due = len(ctx.findings.due)
    body = render(
        "start.md.j2",
        view,
        figures=[
            (len(hb.processes), ctx.texts("page.count-processes"), PROCESSES),
            (len(hb.roles), ctx.texts("page.count-roles"), ROLES),
            (len(hb.units), ctx.texts("page.count-units"), UNITS),
            (len(hb.systems), ctx.texts("page.systems"), SYSTEMS),
            (due, ctx.texts("page.count-due"), REVIEWS),
            (
                len(ctx.findings.risks),
                ctx.texts("page.risk-summary"),
                RISKS,
            ),
        ],
        links={"roles": ROLES, "finder": FINDER, "guide": GUIDE},
    )
    return GeneratedPage(
        START, front_matter(ctx.texts("page.start"), extra={"hide": ["toc"]}) + body
    )


AZ_SPLIT_LIMIT = TILE_LIMIT
"""Above this many processes the A–Z list has a page per initial letter; the process map
links to them. At 5,000 processes the one list made the map page 950 kB."""

_AZ_OTHER = "weitere"


def az_key(title: str) -> str:
    """The A–Z page a title is listed on: its first letter with umlauts read as their
    base letter (DIN 5007: Ä with A), "0-9" for a digit, "weitere" for anything else."""
    first = slugify(title)[:1]
    if first.isdigit():
        return "0-9"
    return first or _AZ_OTHER


def az_label(key: str, ctx: PageContext) -> str:
    if key == _AZ_OTHER:
        return ctx.texts("page.az-other")
    return "0–9" if key == "0-9" else key.upper()


def _initial_groups(ctx: PageContext, ids: list[str]) -> list[tuple[str, str, list[str]]]:
    """(key, label, process ids A–Z) per initial: letters, then digits, then the rest."""
    groups: dict[str, list[str]] = {}
    for process_id in _by_title(ctx, "process", ids):
        groups.setdefault(az_key(ctx.title("process", process_id)), []).append(process_id)
    order = sorted(groups, key=lambda k: (k == _AZ_OTHER, k == "0-9", k))
    return [(key, az_label(key, ctx), groups[key]) for key in order]


def _az_groups(ctx: PageContext) -> list[tuple[str, str, list[str]]]:
    return _initial_groups(ctx, list(ctx.handbook.processes))


def _az_bar(groups: list[tuple[str, str, list[str]]]) -> list[tuple[str, str]]:
    """(label, page) of each initial, for the letter bar."""
    return [(label, process_az_src(key)) for key, label, _ in groups]


def _az_split(ctx: PageContext) -> bool:
    return len(ctx.handbook.processes) > AZ_SPLIT_LIMIT


def render_process_index(ctx: PageContext) -> GeneratedPage:
    """The Prozesslandkarte (bands × units) and an A–Z list (of letters, when large)."""
    view = PageView(ctx, PROCESSES)
    all_ids = _by_title(ctx, "process", list(ctx.handbook.processes))
    letters = _az_bar(_az_groups(ctx)) if _az_split(ctx) else []
    body = render(
        "process_index.md.j2",
        view,
        bands=landscape_bands(ctx, all_ids),
        compact=len(all_ids) > TILE_LIMIT,
        total=len(all_ids),
        unit_anchor=slugify(ctx.texts("page.unit-processes")),
        all_ids=[] if letters else all_ids,
        letters=letters,
    )
    return GeneratedPage(PROCESSES, front_matter(ctx.texts("page.processes")) + body)


def render_process_az_pages(ctx: PageContext) -> list[GeneratedPage]:
    """A page per initial letter of a large handbook's processes (none when small)."""
    if not _az_split(ctx):
        return []
    groups = _az_groups(ctx)
    pages = []
    for key, label, ids in groups:
        src = process_az_src(key)
        view = PageView(ctx, src)
        title = ctx.texts("page.az-letter", letter=label)
        body = render(
            "process_az.md.j2",
            view,
            title=title,
            ids=ids,
            letters=_az_bar(groups),
            current=src,
            index=PROCESSES,
        )
        pages.append(GeneratedPage(src, front_matter(title) + body, in_nav=False))
    return pages


ROLE_SPLIT_LIMIT = TILE_LIMIT
"""Above this many roles the role index names each unit with its number of roles, linked
to the roles on the unit's page, instead of listing every role. At 5,000 processes (1,260
roles) the full list weighed 292 kB, the heaviest page of the handbook."""


def render_role_index(ctx: PageContext) -> GeneratedPage:
    view = PageView(ctx, ROLES)
    by_unit: dict[str, list[str]] = {}
    for role in ctx.handbook.roles.values():
        by_unit.setdefault(role.unit, []).append(role.id)
    groups = [
        (unit, _by_title(ctx, "role", ids))
        for unit, ids in sorted(by_unit.items(), key=lambda i: natural_key(ctx.title("unit", i[0])))
    ]
    split = len(ctx.handbook.roles) > ROLE_SPLIT_LIMIT
    body = render(
        "role_index.md.j2",
        view,
        groups=groups,
        split=split,
        total=len(ctx.handbook.roles),
        roles_anchor=slugify(ctx.texts("page.roles")),
    )
    return GeneratedPage(ROLES, front_matter(ctx.texts("page.roles")) + body)


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
    interfaces = ctx.interfaces
    matrix_units = units_with_handoffs(ctx.handbook, ctx.relations)
    matrix = {pair: len(handoffs) for pair, handoffs in interfaces.items()}
    busiest = sorted(
        matrix.items(),
        key=lambda item: (
            -item[1],
            natural_key(ctx.title("unit", item[0][0])),
            natural_key(ctx.title("unit", item[0][1])),
        ),
    )
    body = render(
        "unit_index.md.j2",
        view,
        roots=roots,
        diagram=ctx.diagrams.unit_map_svg() if ctx.diagrams else None,
        map_too_large=map_too_large(interfaces),
        # A square of n × n cells grows with the square of the units (at 200 units: 40,000
        # cells, most empty, tens of megabytes); above the limit the paths are listed.
        matrix_as_list=len(matrix_units) > MATRIX_UNIT_LIMIT,
        matrix_units=matrix_units,
        matrix=matrix,
        paths=busiest[:PATH_LIST_LIMIT],
    )
    return GeneratedPage(UNITS, front_matter(ctx.texts("page.units")) + body)


def render_system_index(ctx: PageContext) -> GeneratedPage:
    view = PageView(ctx, SYSTEMS)
    body = render(
        "system_index.md.j2", view, ids=_by_title(ctx, "system", list(ctx.handbook.systems))
    )
    return GeneratedPage(SYSTEMS, front_matter(ctx.texts("page.systems")) + body)


OWNERSHIP_SPLIT_LIMIT = TILE_LIMIT
"""Above this many processes the ownership report gives one line per unit, and each
unit's processes get a report page of their own (the same limit at which the process map
shows counts per unit). At 5,000 processes the one table weighed 2.1 MB."""


def _ownership_rows(
    ctx: PageContext, processes: list[Process]
) -> list[tuple[Process, ReviewStatus]]:
    ordered = sorted(processes, key=lambda p: p.title.casefold())
    return [(process, ctx.findings.reviews[process.id]) for process in ordered]


def _processes_by_unit(ctx: PageContext) -> dict[str | None, list[Process]]:
    """Each unit's processes in the split report's order: units as in the org chart,
    processes without a unit (None) last."""
    by_unit: dict[str | None, list[Process]] = {}
    for process in ctx.handbook.processes.values():
        unit_id = ctx.handbook.process_unit(process)
        by_unit.setdefault(unit_id if unit_id in ctx.handbook.units else None, []).append(process)
    return by_unit_in_chart_order(ctx.handbook, by_unit)


def _owner_vacant(ctx: PageContext, process: Process) -> bool:
    role = ctx.handbook.roles.get(process.owner)
    return role is not None and not role.current_holders(ctx.today)


def render_ownership(ctx: PageContext) -> GeneratedPage:
    view = PageView(ctx, OWNERSHIP)
    meta = front_matter(ctx.texts("page.ownership"))
    if len(ctx.handbook.processes) <= OWNERSHIP_SPLIT_LIMIT:
        rows = _ownership_rows(ctx, list(ctx.handbook.processes.values()))
        body = render(
            "ownership.md.j2", view, summary=None, rows=rows, title=None, unit_id=None, report=None
        )
        return GeneratedPage(OWNERSHIP, meta + body)
    summary = []
    for unit_id, processes in _processes_by_unit(ctx).items():
        states = [ctx.findings.reviews[p.id].state for p in processes]
        summary.append(
            (
                unit_id,
                ownership_src(unit_id),
                len(processes),
                sum(1 for p in processes if _owner_vacant(ctx, p)),
                sum(1 for s in states if s in (ReviewState.OVERDUE, ReviewState.NEVER)),
                sum(1 for s in states if s is ReviewState.DUE_SOON),
            )
        )
    body = render("ownership.md.j2", view, summary=summary, total=len(ctx.handbook.processes))
    return GeneratedPage(OWNERSHIP, meta + body)


def render_unit_ownership_pages(ctx: PageContext) -> list[GeneratedPage]:
    """The split ownership report's page per unit (none while the report is one table)."""
    if len(ctx.handbook.processes) <= OWNERSHIP_SPLIT_LIMIT:
        return []
    pages = []
    for unit_id, processes in _processes_by_unit(ctx).items():
        src = ownership_src(unit_id)
        view = PageView(ctx, src)
        no_unit = ctx.texts("report.no-unit")
        unit_name = ctx.title("unit", unit_id) if unit_id else no_unit
        title = ctx.texts("report.ownership-of-unit", unit=unit_name)
        body = render(
            "ownership.md.j2",
            view,
            summary=None,
            rows=_ownership_rows(ctx, processes),
            title=title,
            unit_id=unit_id,
            report=OWNERSHIP,
        )
        pages.append(GeneratedPage(src, front_matter(title) + body, in_nav=False))
    return pages


def _tags_in_order(ctx: PageContext) -> list[tuple[str, list[str]]]:
    """Tags with their processes, in the order of their page names (see ``tag_slugs``)."""
    return sorted(ctx.relations.tagged.items(), key=lambda i: (i[0].casefold(), i[0]))


def render_tag_index(ctx: PageContext) -> GeneratedPage:
    """Every tag with its number of processes, each linking to the tag's own page.

    One page per tag, not one list of all: at 5,000 processes the single list weighed
    1.6 MB, and a reader who follows a tag from a process page wants only that tag.
    """
    view = PageView(ctx, TAGS)
    groups = [
        (tag, ctx.tag_page(tag), f"tag-{ctx.tag_slugs[tag]}", len(ids))
        for tag, ids in _tags_in_order(ctx)
    ]
    body = render("tag_index.md.j2", view, groups=groups)
    return GeneratedPage(TAGS, front_matter(ctx.texts("page.tags")) + body)


TAG_SPLIT_LIMIT = TILE_LIMIT
"""Above this many processes a tag's page shows its initials, each with a page of its own,
like the A–Z list. At 5,000 processes each of the bench's 22 tags has over 500 processes,
and a page listing them all weighed 94 kB."""


def render_tag_pages(ctx: PageContext) -> list[GeneratedPage]:
    """A page per tag: the processes that carry it, A to Z; by initial when many."""
    pages = []
    for tag, ids in _tags_in_order(ctx):
        src = ctx.tag_page(tag)
        groups = _initial_groups(ctx, ids) if len(ids) > TAG_SPLIT_LIMIT else []
        letters = [(label, ctx.tag_letter_page(tag, key)) for key, label, _ in groups]
        view = PageView(ctx, src)
        body = render(
            "tag.md.j2",
            view,
            title=tag,
            count=len(ids),
            ids=[] if letters else _by_title(ctx, "process", ids),
            letters=letters,
            current=None,
            index=TAGS,
        )
        pages.append(GeneratedPage(src, front_matter(tag) + body, in_nav=False))
        for key, label, letter_ids in groups:
            letter_src = ctx.tag_letter_page(tag, key)
            title = ctx.texts("page.tag-letter", tag=tag, letter=label)
            body = render(
                "tag.md.j2",
                PageView(ctx, letter_src),
                title=title,
                count=len(ids),
                ids=letter_ids,
                letters=letters,
                current=letter_src,
                index=TAGS,
            )
            pages.append(GeneratedPage(letter_src, front_matter(title) + body, in_nav=False))
    return pages
