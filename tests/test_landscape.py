"""The Prozesslandkarte stays legible with a thousand processes: counts per unit on the
overview, and every unit's own landscape on its page (generated handbooks, no browser).

The limit is lowered for the test, so that small generated handbooks cross it quickly.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from prozesshandbuch.analysis.findings import build_findings
from prozesshandbuch.analysis.relations import build_relations
from prozesshandbuch.content.check import check_handbook
from prozesshandbuch.content.urls import SiteUrls
from prozesshandbuch.i18n import Texts
from prozesshandbuch.pages import overview_pages
from prozesshandbuch.pages.context import PageContext
from prozesshandbuch.pages.entity_pages import render_unit_page
from prozesshandbuch.pages.overview_pages import render_process_index
from test_bench_smoke import REPO_ROOT, load_generator


def context(tmp_path: Path, processes: int) -> PageContext:
    gen = load_generator()
    project = gen.write_handbook(tmp_path / "handbook", gen.generate(processes, seed=3), REPO_ROOT)
    result = check_handbook(project / "content", project, gen.TODAY)
    handbook = result.handbook
    relations = build_relations(handbook)
    return PageContext(
        handbook=handbook,
        relations=relations,
        urls=SiteUrls(),
        texts=Texts("de"),
        today=gen.TODAY,
        findings=build_findings(handbook, relations, gen.TODAY),
    )


def body(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.split("---\n", 2)[2], "html.parser")


LIMIT = 30


@pytest.fixture(autouse=True)
def low_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(overview_pages, "TILE_LIMIT", LIMIT)


@pytest.mark.parametrize(("processes", "compact"), [(LIMIT, False), (LIMIT + 10, True)])
def test_overview_shows_tiles_or_counts_per_unit(
    tmp_path: Path, processes: int, compact: bool
) -> None:
    ctx = context(tmp_path, processes)
    page = body(render_process_index(ctx).markdown)
    bands = page.select(".ph-landscape .ph-band")
    assert [band.select_one(".ph-band__title").get_text(" ", strip=True) for band in bands]
    counted = 0
    for band in bands:
        title = band.select_one(".ph-band__title")
        assert title is not None
        counted += int(title.get_text().rsplit("(", 1)[1].rstrip(")"))
    assert counted == processes
    tiles = page.select(".ph-landscape a.ph-tile")
    if compact:
        # Counts per unit, linked to the unit's own landscape; no wall of a thousand tiles.
        assert not tiles
        more = page.select(".ph-lgroup__more a")
        assert more
        assert all("/" in str(link["href"]) for link in more)
    else:
        assert len(tiles) == processes


def test_every_unit_page_carries_its_own_landscape(tmp_path: Path) -> None:
    ctx = context(tmp_path, LIMIT + 10)
    tiles = 0
    for unit in ctx.handbook.units.values():
        page = body(render_unit_page(ctx, unit).markdown)
        tiles += len(page.select(".ph-landscape a.ph-tile"))
    # Processes no unit is responsible for are on the overview's A–Z list only.
    assert tiles >= 0.9 * len(ctx.handbook.processes)
