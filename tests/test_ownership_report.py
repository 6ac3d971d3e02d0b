"""The ownership report: one table while a handbook is small, a line per unit and a page
per unit's processes once it is large (2.1 MB in one table at 5,000 processes).

The limit is lowered for the test, so that the demo handbook counts as large.
"""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup

from pagebuild import demo_context, generated_body, pages_by_src
from prozesshandbuch.pages import PageContext, overview_pages


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> PageContext:
    return demo_context(tmp_path_factory.mktemp("ownership"))


def rows(soup: BeautifulSoup) -> list[list[str]]:
    return [[" ".join(td.get_text().split()) for td in tr("td")] for tr in soup.select("tbody tr")]


def test_a_small_handbook_keeps_one_table_of_every_process(demo: PageContext) -> None:
    pages = pages_by_src(demo)
    report = generated_body(pages["berichte/verantwortung.md"])
    assert len(rows(report)) == len(demo.handbook.processes)
    assert not [src for src in pages if src.startswith("berichte/verantwortung/")]


def test_a_large_handbook_gets_a_line_per_unit_and_a_page_per_unit(
    demo: PageContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(overview_pages, "OWNERSHIP_SPLIT_LIMIT", 1)
    pages = pages_by_src(demo)
    report = generated_body(pages["berichte/verantwortung.md"])
    assert f"{len(demo.handbook.processes)} Prozesse sind zu viele" in report.get_text()
    summary = rows(report)
    links = [tr.a["href"] for tr in report.select("tbody tr")]
    unit_pages = sorted(src for src in pages if src.startswith("berichte/verantwortung/"))
    assert len(summary) == len(unit_pages) > 3
    assert sum(int(count) for _, count, *_ in summary) == len(demo.handbook.processes)
    assert all(not page.in_nav for src, page in pages.items() if src in unit_pages)

    for (unit_name, count, vacant, overdue, due_soon), href in zip(summary, links, strict=True):
        assert href.startswith("einheit-")
        assert href.endswith("/")
        page = pages[f"berichte/verantwortung/{href[:-1]}.md"]
        listed = generated_body(page)
        title = yaml.safe_load(page.markdown.split("---\n", 2)[1])["title"]
        assert title == f"Verantwortung und Prüfstand: {unit_name}"
        process_rows = rows(listed)
        assert len(process_rows) == int(count)
        titles = [row[0] for row in process_rows]
        assert titles == sorted(titles, key=str.casefold)
        # The counts of the line are those of the unit's own table.
        assert int(vacant) == sum(1 for row in process_rows if row[2] == "derzeit unbesetzt")
        badges = [row[3] for row in process_rows]
        assert int(overdue) == sum(
            1 for b in badges if b.startswith(("Prüfung überfällig", "nie geprüft"))
        )
        assert int(due_soon) == sum(1 for b in badges if b.startswith("Prüfung bald fällig"))
        back = [a["href"] for a in listed.select("p a")]
        assert back[0] == "../"  # the report of all units
        assert back[1].startswith("../../../einheiten/")

    # The demo has something to report, or the counts above would prove nothing.
    assert any(int(overdue) for *_, overdue, _ in summary)
