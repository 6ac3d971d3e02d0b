"""Pages rendered in-process from a fixture handbook: no MkDocs, no subprocess."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import FIXED_TODAY, write_content
from prozesshandbuch.check import check_handbook
from prozesshandbuch.findings import build_findings
from prozesshandbuch.i18n import Texts
from prozesshandbuch.pages import PageContext
from prozesshandbuch.relations import build_relations
from prozesshandbuch.urls import SiteUrls


def page_context(
    root: Path, files: dict[str, str], *, language: str = "de", today: dt.date = FIXED_TODAY
) -> PageContext:
    """The context the plugin would give the page renderers, for ``files`` below ``root``."""
    content = write_content(root, files)
    result = check_handbook(content, root, today)
    assert not result.errors, [p.format() for p in result.errors]
    relations = build_relations(result.handbook)
    return PageContext(
        handbook=result.handbook,
        relations=relations,
        urls=SiteUrls(),
        texts=Texts(language),
        today=today,
        findings=build_findings(result.handbook, relations, today),
    )
