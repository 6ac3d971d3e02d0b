"""Reports for the people who keep the handbook healthy: reviews due and knowledge risk."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..analysis.health import RiskKind
from ..content.review import ReviewState
from ..content.urls import REVIEWS, RISKS
from .context import GeneratedPage, PageContext
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


def render_risk_report(ctx: PageContext) -> GeneratedPage:
    view = PageView(ctx, RISKS)
    findings = [(risk, risk.kind in _ROLE_FIXES) for risk in ctx.findings.risks]
    body = render(
        "risk_report.md.j2",
        view,
        findings=findings,
        dependencies=ctx.findings.dependencies,
    )
    return GeneratedPage(RISKS, front_matter(ctx.texts("page.risk-report")) + body)
