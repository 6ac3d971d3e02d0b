"""The handbook on paper: Chromium's own PDF output of demo pages, read back with pypdf.

Every page type prints without header, navigation, search or footer, with a header line
(title, "Stand", address); a process page starts with its Steckbrief and diagram on page
one, and "Reisepass beantragen" fits on four A4 pages. One PDF is kept in test-results/.
"""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader

from browser_support import REPO_ROOT, WarmTabs
from test_browser import open_session

pytestmark = pytest.mark.browser

PROCESS = "prozesse/reisepass-beantragen/"
PRINT_PAGES = {
    "start": "",
    "process-index": "prozesse/",
    "unit-index": "einheiten/",
    "process": PROCESS,
    "role": "rollen/sachbearbeitung-buergerbuero/",
    "unit": "einheiten/buergerbuero/",
    "system": "systeme/voismeso/",
    "ownership": "berichte/verantwortung/",
    "news": "neu/",
    "guide": "anleitung/",
}
# Text that only the screen chrome carries: header, search, sidebars, footer, buttons.
CHROME = (
    "Zurück zum Seitenanfang",
    "Inhaltsverzeichnis",
    "Stadtverwaltung Musterstadt – Prozesshandbuch",
    "Diagramm in voller Größe öffnen",
    "Ablauf als BPMN 2.0 herunterladen",
    "Brotkrümel",
)
# The edit buttons of entity pages: paper cannot open the web editor. (The guide names
# them in its text, so they are looked for on entity pages only.)
EDIT_BUTTONS = {
    PRINT_PAGES["process"]: "Diesen Prozess bearbeiten",
    PRINT_PAGES["role"]: "Diese Rolle bearbeiten",
    PRINT_PAGES["unit"]: "Diese Organisationseinheit bearbeiten",
    PRINT_PAGES["system"]: "Dieses IT-System bearbeiten",
}
RESULTS = REPO_ROOT / "test-results"


def printed(warm_tabs: WarmTabs, path: str) -> list[str]:
    """The text of each A4 page Chromium prints for ``path``."""
    with warm_tabs.tab() as session:
        page = session.open(path)
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
    if path == PROCESS:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "reisepass-beantragen.pdf").write_bytes(pdf)
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("path", list(PRINT_PAGES.values()), ids=list(PRINT_PAGES))
def test_every_page_type_prints_without_chrome_and_with_a_header_line(
    warm_tabs: WarmTabs, site_url: str, path: str
) -> None:
    pages = printed(warm_tabs, path)
    first = pages[0]
    assert "Prozesshandbuch Musterstadt" in first
    assert re.search(r"Stand: \d\d\.\d\d\.\d{4}", first), first[:300]
    assert re.search(r"gedruckt am \d\d\.\d\d\.\d{4}", first), first[:300]
    assert f"Adresse:{site_url}{path}" in first.replace(" ", ""), first[:300]
    for number, text in enumerate(pages, 1):
        for chrome in CHROME:
            assert chrome not in text, f"/{path}, page {number}: {chrome!r} is printed"
        button = EDIT_BUTTONS.get(path)
        assert button is None or button not in text, f"/{path}, page {number}: edit button"


def test_process_prints_steckbrief_and_diagram_on_page_one_within_four_pages(
    warm_tabs: WarmTabs,
) -> None:
    pages = printed(warm_tabs, PROCESS)
    assert len(pages) <= 4, f"{len(pages)} pages"
    first = pages[0]
    assert "STECKBRIEF" in first  # the kicker is set in capitals
    for fact in ("Verantwortlich", "Kontakt", "Rechtsgrundlagen", "IT-Systeme"):
        assert fact in first
    assert "Auslöser" in first
    assert "Ergebnis" in first
    # Every node of the diagram is on page one, none anywhere else: it was not split.
    nodes = ("Start", "1. Termin im", "5. Digitales Lichtbild", "9. Lieferung", "10. Pass")
    for node in nodes:
        assert node in first, f"diagram node {node!r} is not on page one"
    assert "Schritte" in pages[1], "the steps start on page two"


def test_print_button_says_drucken_and_opens_the_print_dialog(
    browser: Browser, site_url: str
) -> None:
    with open_session(browser, site_url) as session:
        page = session.open(PROCESS)
        button = page.get_by_role("button", name="Drucken", exact=True)
        assert button.is_visible()
        assert button.inner_text().strip() == "Drucken"
        # Stand in for the dialog a headless browser cannot show, then press it by keyboard.
        page.evaluate("() => { window.phPrinted = 0; window.print = () => window.phPrinted++; }")
        button.focus()
        page.keyboard.press("Enter")
        assert page.evaluate("() => window.phPrinted") == 1


# Tables in the article wider than the article: Chromium would shrink the whole printed
# page to fit them. [class, pixels too wide] for each.
_TOO_WIDE_SCRIPT = """
(selector) => {
  const right = document.querySelector("article").getBoundingClientRect().right;
  return Array.from(document.querySelectorAll(selector))
    .map((table) => [table.className, Math.round(table.getBoundingClientRect().right - right)])
    .filter(([, over]) => over > 1);
}
"""
A4_CONTENT_PX = 695
"""The width between the margins of print.css on A4 (210 - 2 × 13 mm) in CSS pixels."""


def test_raci_tables_and_matrices_fit_the_width_of_the_paper(warm_tabs: WarmTabs) -> None:
    processes = sorted(p.stem for p in (REPO_ROOT / "content" / "processes").glob("*.yml"))
    paths = [f"prozesse/{process}/" for process in processes] + ["einheiten/"]
    with warm_tabs.tab(viewport=(A4_CONTENT_PX, 900)) as session:
        session.page.emulate_media(media="print")
        too_wide = {}
        for path in paths:
            page = session.open(path)
            found = page.evaluate(_TOO_WIDE_SCRIPT, "article :is(table.ph-raci, table.ph-matrix)")
            if found:
                too_wide[path] = found
    # Several demo processes have RACI tables of seven to nine roles.
    assert too_wide == {}
