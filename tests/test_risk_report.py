"""The knowledge-risk report: one page while a handbook is small, a line per unit and a
page per unit's findings and roles once it is large (258 kB at 5,000 processes).

The limit is lowered for the test, so that the demo handbook counts as large.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import MINIMAL
from pagebuild import demo_context, generated_body, page_context, pages_by_src
from prozesshandbuch.pages import PageContext, report_pages


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> PageContext:
    return demo_context(tmp_path_factory.mktemp("risk"))


def rows(table: BeautifulSoup | None) -> list[list[str]]:
    if table is None:
        return []
    return [[" ".join(td.get_text().split()) for td in tr("td")] for tr in table.select("tbody tr")]


def test_a_small_handbook_keeps_the_report_on_one_page(demo: PageContext) -> None:
    pages = pages_by_src(demo)
    report = generated_body(pages["berichte/wissensrisiko.md"])
    assert len(rows(report.select_one("table.ph-risks"))) == len(demo.findings.risks)
    assert len(rows(report.select_one("table.ph-dependencies"))) == len(demo.findings.dependencies)
    assert not [src for src in pages if src.startswith("berichte/wissensrisiko/")]


def test_a_large_handbook_gets_a_line_per_unit_and_a_page_per_unit(
    demo: PageContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report_pages, "RISK_SPLIT_LIMIT", 1)
    pages = pages_by_src(demo)
    report = generated_body(pages["berichte/wissensrisiko.md"])
    assert f"{len(demo.handbook.processes)} Prozesse sind zu viele" in report.get_text()
    assert report.select("table.ph-risks, table.ph-dependencies") == []
    summary = rows(report.select_one("table.ph-risk-units"))
    links = [tr.a["href"] for tr in report.select("tbody tr")]
    unit_pages = sorted(src for src in pages if src.startswith("berichte/wissensrisiko/"))
    assert len(summary) == len(unit_pages) > 3
    assert all(not pages[src].in_nav for src in unit_pages)
    # Every finding and every role is on exactly one unit's page.
    assert sum(int(findings) for _, findings, _, _ in summary) == len(demo.findings.risks)
    assert sum(int(roles) for _, _, roles, _ in summary) == len(demo.findings.dependencies)

    for (unit_name, findings, roles, thin), href in zip(summary, links, strict=True):
        assert href.startswith("einheit-")
        assert href.endswith("/")
        page = pages[f"berichte/wissensrisiko/{href[:-1]}.md"]
        body = generated_body(page)
        title = yaml.safe_load(page.markdown.split("---\n", 2)[1])["title"]
        assert title == f"Wissensrisiko: {unit_name}"
        assert len(rows(body.select_one("table.ph-risks"))) == int(findings)
        role_rows = rows(body.select_one("table.ph-dependencies"))
        assert len(role_rows) == int(roles)
        # The line counts the roles with at most one person and no deputy.
        assert int(thin) == sum(1 for row in role_rows if int(row[3]) <= 1 and row[4] == "–")
        back = [a["href"] for a in body.select("p a")]
        assert back[0] == "../"  # the report of all units
        assert back[1].startswith("../../../einheiten/")

    # The demo has findings, or the counts above would prove little.
    assert any(int(findings) for _, findings, _, _ in summary)


THIN = {
    **MINIMAL,
    "roles/kasse.yml": """
        title: Kasse
        unit: amt
        holders:
          - name: Karl Kasse
    """,
    "processes/zahlung.yml": """
        title: Zahlung buchen
        summary: Eine Zahlung wird gebucht.
        owner: leitung
        steps:
          - title: Buchen
            role: kasse
    """,
}


def test_the_line_of_a_unit_counts_roles_with_one_person_and_no_deputy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report_pages, "RISK_SPLIT_LIMIT", 1)
    pages = pages_by_src(page_context(tmp_path, THIN))
    summary = rows(generated_body(pages["berichte/wissensrisiko.md"]).select_one("table"))
    # Leitung has two people, Sachbearbeitung a deputy, Kasse neither.
    assert summary == [["Bürgeramt", "0", "3", "1"]]
