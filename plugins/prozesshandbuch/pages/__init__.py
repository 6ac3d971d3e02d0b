"""Model -> generated pages (Markdown with HTML blocks). No MkDocs imports here."""

from __future__ import annotations

from collections.abc import Callable

from ..content.model import EntityKind
from .context import GeneratedPage, PageContext
from .entity_pages import render_role_page, render_system_page, render_unit_page
from .finder_page import render_finder
from .guide_page import render_guide
from .overview_pages import (
    render_ownership,
    render_process_az_pages,
    render_process_index,
    render_role_index,
    render_start_page,
    render_system_index,
    render_tag_index,
    render_tag_pages,
    render_unit_index,
    render_unit_ownership_pages,
)
from .process_page import render_process_page
from .reference_page import render_reference
from .report_pages import render_review_report, render_risk_report, render_unit_risk_pages

__all__ = ["GeneratedPage", "PageContext", "build_pages"]


def _every(kind: EntityKind, entity_id: str) -> bool:
    return True


def build_pages(
    ctx: PageContext, wanted: Callable[[EntityKind, str], bool] = _every
) -> list[GeneratedPage]:
    """Every page the handbook consists of, in a stable order; entity pages only where
    ``wanted(kind, id)`` (see :mod:`.memo`)."""
    hb = ctx.handbook
    pages = [
        render_start_page(ctx),
        render_process_index(ctx),
        render_role_index(ctx),
        render_unit_index(ctx),
        render_system_index(ctx),
        render_finder(ctx),
        render_ownership(ctx),
        render_tag_index(ctx),
        render_reference(ctx),
        render_guide(ctx),
        render_review_report(ctx),
        render_risk_report(ctx),
        *render_tag_pages(ctx),
        *render_unit_ownership_pages(ctx),
        *render_process_az_pages(ctx),
        *render_unit_risk_pages(ctx),
    ]
    pages.extend(
        render_process_page(ctx, p) for p in hb.processes.values() if wanted("process", p.id)
    )
    pages.extend(render_role_page(ctx, r) for r in hb.roles.values() if wanted("role", r.id))
    pages.extend(render_unit_page(ctx, u) for u in hb.units.values() if wanted("unit", u.id))
    pages.extend(render_system_page(ctx, s) for s in hb.systems.values() if wanted("system", s.id))
    return pages
