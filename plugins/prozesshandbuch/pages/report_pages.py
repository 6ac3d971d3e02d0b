"""Reports for the people who keep the handbook healthy: reviews due and knowledge risk."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ..analysis.health import Risk, RiskKind, RoleDependency
from ..content.ordering import by_unit_in_chart_order
from ..content.review import ReviewState
from ..content.urls import REVIEWS, RISKS, risk_src
from .context import GeneratedPage, PageContext
from .landscape import TILE_LIMIT
from .render import PageView, front_matter, render

_ROLE_FIXES = {
    RiskKind.OWNER_VACANT,
    RiskKind.OWNER_ALL_LEFT,
    RiskKind.OWNER_SINGLE,
    RiskKind.OWNER_LEAVING,
    RiskKind.STEP_ROLE_VACANT,
}


def render_review_report(ctx: PageContext) -> GeneratedPage:
    """Due and overdue processes, grouped by owner role; never-reviewed ones listed apart."""
    view = PageView(ctx, REVIEWS)
    by_owner: dict[str, list[tuple[str, object]]] = defaultdict(list)
    never: list[str] = []
    for process in ctx.handbook.processes.values():
        status = ctx.findings.reviews[process.id]
        if status.state in (ReviewState.DUE_SOON, ReviewState.OVERDUE):
            by_owner[process.owner].append((process.id, status))
        elif status.state is ReviewState.NEVER:
            never.append(process.id)
    groups = [
        (owner, sorted(items, key=lambda i: (i[1].due or dt.date.min, i[0])))  # type: ignore[attr-defined]
        for owner, items in sorted(by_owner.items(), key=lambda i: ctx.title("role", i[0]))
    ]
    body = render("review_report.md.j2", view, groups=groups, never=never)
    return GeneratedPage(REVIEWS, front_matter(ctx.texts("page.review-report")) + body)


RISK_SPLIT_LIMIT = TILE_LIMIT
"""Above this many processes the knowledge-risk report gives one line per unit, and each
unit's findings and roles get a page of their own, like the ownership report. At 5,000
processes the one page listed 1,260 roles and weighed 258 kB, the heaviest of the site."""


@dataclass(frozen=True)
class _UnitRisks:
    findings: list[tuple[Risk, bool]]
    dependencies: list[RoleDependency]


def _findings(risks: list[Risk]) -> list[tuple[Risk, bool]]:
    """Each finding, and whether it is fixed on the role's page (else the process's)."""
    return [(risk, risk.kind in _ROLE_FIXES) for risk in risks]


def _risks_by_unit(ctx: PageContext) -> dict[str | None, _UnitRisks]:
    """Findings by the unit of their process, role dependencies by the unit of the role;
    units as in the org chart, what has no known unit (None) last. Every unit with a
    process or a role that processes depend on is listed, also without findings."""
    hb = ctx.handbook

    def known(unit_id: str | None) -> str | None:
        return unit_id if unit_id in hb.units else None

    by_unit: dict[str | None, _UnitRisks] = {}

    def entry(unit_id: str | None) -> _UnitRisks:
        return by_unit.setdefault(known(unit_id), _UnitRisks([], []))

    for process in hb.processes.values():
        entry(hb.process_unit(process))
    for finding in _findings(ctx.findings.risks):
        entry(hb.process_unit(hb.processes[finding[0].process])).findings.append(finding)
    for dependency in ctx.findings.dependencies:
        role = hb.roles[dependency.role]
        entry(role.unit).dependencies.append(dependency)
    return by_unit_in_chart_order(hb, by_unit)


def _risk_split(ctx: PageContext) -> bool:
    return len(ctx.handbook.processes) > RISK_SPLIT_LIMIT


def render_risk_report(ctx: PageContext) -> GeneratedPage:
    view = PageView(ctx, RISKS)
    meta = front_matter(ctx.texts("page.risk-report"))
    if not _risk_split(ctx):
        body = render(
            "risk_report.md.j2",
            view,
            summary=None,
            findings=_findings(ctx.findings.risks),
            dependencies=ctx.findings.dependencies,
            title=None,
            unit_id=None,
            report=None,
        )
        return GeneratedPage(RISKS, meta + body)
    summary = [
        (
            unit_id,
            risk_src(unit_id),
            len(unit.findings),
            len(unit.dependencies),
            sum(1 for d in unit.dependencies if d.current_holders <= 1 and not d.has_deputy),
        )
        for unit_id, unit in _risks_by_unit(ctx).items()
    ]
    body = render(
        "risk_report.md.j2",
        view,
        summary=summary,
        total=len(ctx.handbook.processes),
    )
    return GeneratedPage(RISKS, meta + body)


def render_unit_risk_pages(ctx: PageContext) -> list[GeneratedPage]:
    """The split knowledge-risk report's page per unit (none while it is one page)."""
    if not _risk_split(ctx):
        return []
    pages = []
    for unit_id, unit in _risks_by_unit(ctx).items():
        src = risk_src(unit_id)
        unit_name = ctx.title("unit", unit_id) if unit_id else ctx.texts("report.no-unit")
        title = ctx.texts("report.risk-of-unit", unit=unit_name)
        body = render(
            "risk_report.md.j2",
            PageView(ctx, src),
            summary=None,
            findings=unit.findings,
            dependencies=unit.dependencies,
            title=title,
            unit_id=unit_id,
            report=RISKS,
        )
        pages.append(GeneratedPage(src, front_matter(title) + body, in_nav=False))
    return pages
