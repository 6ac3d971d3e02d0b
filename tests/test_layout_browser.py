"""Every page type of the demo on a phone and on a desktop, in a real headless Chromium:
no sideways page scrolling at 320 CSS px (WCAG 1.4.10), no clipped text, diagrams with
legible text and a full-size view reached by keyboard, the Prozesslandkarte, orientation
(breadcrumb, highlighted area), the German 404 page, axe in light and dark, and
screenshots for a human to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from browser_support import REPO_ROOT, Session, WarmTabs, format_violations, serious_violations
from test_browser import AXE_CASES

pytestmark = pytest.mark.browser


PAGE_TYPES = {
    "start": "",
    "finder": "zustaendigkeit/",
    "news": "neu/",
    "process-index": "prozesse/",
    "role-index": "rollen/",
    "unit-index": "einheiten/",
    "system-index": "systeme/",
    "tags": "schlagworte/",
    "tag": "schlagworte/ausweisdokumente/",
    "ownership": "berichte/verantwortung/",
    "review": "berichte/pruefung/",
    "risk": "berichte/wissensrisiko/",
    "guide": "anleitung/",
    "reference": "referenz/",
    "process": "prozesse/reisepass-beantragen/",
    "wide-process": "prozesse/fundtier-aufnehmen/",
    "role": "rollen/sachbearbeitung-buergerbuero/",
    "unit": "einheiten/buergerbuero/",
    "system": "systeme/voismeso/",
    "not-found": "404.html",
}
VIEWPORTS = {"phone-320": (320, 800), "phone-390": (390, 844), "desktop-1366": (1366, 900)}
RESULTS = REPO_ROOT / "test-results"


@pytest.fixture
def viewport_tab(request: pytest.FixtureRequest, warm_tabs: WarmTabs) -> Iterator[Session]:
    with warm_tabs.tab(viewport=request.param) as session:
        yield session


# Elements that may be wider than the page because they scroll inside their own box.
_OVERFLOW_SCRIPT = """
() => {
  const width = document.documentElement.clientWidth;
  const scrollers = ".ph-table-wrap, pre, .highlight, .md-typeset__scrollwrap, .ph-diagram-scroll";
  const problems = [];
  const describe = (el) => el.tagName.toLowerCase()
      + (typeof el.className === "string" && el.className
        ? "." + el.className.trim().split(/\\s+/).join(".") : "")
      + " '" + (el.textContent || "").trim().slice(0, 40) + "'";
  for (const el of document.querySelectorAll("article *")) {
    if (el.closest(scrollers) && !el.matches(scrollers)) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > width + 1) {
      problems.push("sticks out by " + Math.round(box.right - width) + " px: " + describe(el));
    }
    const style = getComputedStyle(el);
    const clips = ["hidden", "clip"].includes(style.overflowX);
    if (clips && !el.matches(scrollers) && el.scrollWidth > el.clientWidth + 1
        && style.clipPath === "none" && (el.textContent || "").trim()) {
      const by = el.scrollWidth - el.clientWidth;
      problems.push("clips its text by " + by + " px: " + describe(el));
    }
  }
  return {
    pageScroll: document.documentElement.scrollWidth - width,
    problems: problems.slice(0, 15),
  };
}
"""

# A box that scrolls must be reachable and named: tabindex and a region name.
_SCROLLER_SCRIPT = """
() => Array.from(document.querySelectorAll("article .ph-table-wrap"))
  .filter((box) => box.scrollWidth > box.clientWidth + 1)
  .map((box) => ["tabindex", "role", "aria-label"].map((name) => box.getAttribute(name)))
"""


@pytest.mark.parametrize(
    "viewport_tab", list(VIEWPORTS.values()), ids=list(VIEWPORTS), indirect=True
)
@pytest.mark.parametrize("path", list(PAGE_TYPES.values()), ids=list(PAGE_TYPES))
def test_page_reflows_without_sideways_scrolling_or_clipped_text(
    viewport_tab: Session, path: str
) -> None:
    page = viewport_tab.open(path)
    result: dict[str, Any] = page.evaluate(_OVERFLOW_SCRIPT)
    width = page.viewport_size["width"] if page.viewport_size else 0
    assert result["pageScroll"] <= 0, (
        f"/{path} at {width} px scrolls sideways by {result['pageScroll']} px:\n"
        + "\n".join(result["problems"])
    )
    assert not result["problems"], f"/{path} at {width} px:\n" + "\n".join(result["problems"])
    for tabindex, role, label in page.evaluate(_SCROLLER_SCRIPT):
        where = f"/{path} at {width} px: a scrolling table box"
        assert (tabindex, role) == ("0", "region"), f"{where} is not a focusable region"
        assert label, f"{where} has no name"


def test_table_cells_hyphenate_instead_of_splitting_words(tab: Session) -> None:
    """Material's `word-break: break-word` on links must not reach the handbook's tables."""
    page = tab.open(PAGE_TYPES["process"])
    styles = page.locator(".ph-steps td a").first.evaluate(
        "a => { const s = getComputedStyle(a); return [s.wordBreak, s.hyphens, a.lang || "
        "a.closest('[lang]').lang]; }"
    )
    assert styles == ["normal", "auto", "de"]


@pytest.fixture
def tab(warm_tabs: WarmTabs) -> Iterator[Session]:
    with warm_tabs.tab() as session:
        yield session


def test_steps_become_labelled_cards_on_a_phone(viewport_tab_phone: Session) -> None:
    page = viewport_tab_phone.open(PAGE_TYPES["process"])
    first_row = page.locator(".ph-steps tbody tr").first
    assert first_row.evaluate("row => getComputedStyle(row).display") == "block"
    # The first step is a sub-process: nobody does it, and its empty "Wer" is not shown.
    no_one = first_row.locator("td").nth(2)
    assert no_one.evaluate("td => getComputedStyle(td).display") == "none"
    with_role = page.locator(".ph-steps tbody tr:has(td:nth-child(3):not(:empty))").first
    label = (
        with_role.locator("td").nth(2).evaluate("td => getComputedStyle(td, '::before').content")
    )
    assert label == '"Wer: "'


# Words of the page title that the browser broke across lines although they would fit on
# one line of the title: [word, lines] for each.
_BROKEN_TITLE_WORDS_SCRIPT = """
() => {
  const h1 = document.querySelector("article h1");
  const measure = document.createElement("canvas").getContext("2d");
  const style = getComputedStyle(h1);
  measure.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const broken = [];
  const walker = document.createTreeWalker(h1, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
      const fits = measure.measureText(match[0]).width < h1.clientWidth;
      if (lines.size > 1 && fits) broken.push([match[0], lines.size]);
    }
  }
  return broken;
}
"""


@pytest.mark.parametrize("path", list(PAGE_TYPES.values()), ids=list(PAGE_TYPES))
def test_page_titles_keep_their_words_whole_on_a_phone(
    viewport_tab_phone: Session, path: str
) -> None:
    page = viewport_tab_phone.open(path)
    assert page.evaluate(_BROKEN_TITLE_WORDS_SCRIPT) == [], f"/{path} at 320 px"
    button = page.get_by_role("button", name="Drucken", exact=True)
    if button.count():
        # The print button keeps its name for screen readers when its word is hidden.
        assert button.is_visible()


@pytest.fixture
def viewport_tab_phone(warm_tabs: WarmTabs) -> Iterator[Session]:
    with warm_tabs.tab(viewport=(320, 800)) as session:
        yield session


# -- diagrams ------------------------------------------------------------------------------

# The rendered size of every text of every diagram: its font size times the drawing's scale.
_DIAGRAM_TEXT_SCRIPT = """
() => Array.from(document.querySelectorAll("article svg.ph-diagram-svg")).map((svg) => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = Array.from(svg.querySelectorAll("text"))
    .map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
  return Math.min(...sizes);
})
"""
DIAGRAM_PAGES = ["process", "wide-process", "unit-index", "unit"]


@pytest.mark.parametrize("name", DIAGRAM_PAGES)
def test_diagram_text_is_legible_at_desktop_width(tab: Session, name: str) -> None:
    page = tab.open(PAGE_TYPES[name])
    page.set_viewport_size({"width": 1366, "height": 900})
    smallest = page.evaluate(_DIAGRAM_TEXT_SCRIPT)
    assert smallest, f"no diagram on /{PAGE_TYPES[name]}"
    assert min(smallest) >= 11 - 0.01, f"/{PAGE_TYPES[name]}: smallest text {smallest} px"
    expect(page.get_by_role("button", name="Diagramm in voller Größe öffnen").first).to_be_visible()


def test_full_size_diagram_opens_by_keyboard_and_closes_with_escape(tab: Session) -> None:
    page = tab.open(PAGE_TYPES["wide-process"])
    page.set_viewport_size({"width": 1366, "height": 900})
    opener = page.get_by_role("button", name="Diagramm in voller Größe öffnen")
    page.locator("article h1").click()  # start the keyboard path at the page title
    for _ in range(80):
        page.keyboard.press("Tab")
        if opener.evaluate("button => document.activeElement === button"):
            break
    else:
        pytest.fail("Tab never reached the full-size button")
    page.keyboard.press("Enter")

    dialog = page.get_by_role(
        "dialog", name="Diagramm in voller Größe: Ablaufdiagramm: Fundtier aufnehmen"
    )
    expect(dialog).to_be_visible()
    stage = dialog.locator(".ph-diagram-dialog__stage")
    expect(stage).to_be_focused()
    svg = dialog.locator("svg")
    width_before = float(svg.get_attribute("width") or 0)
    page.keyboard.press("+")
    assert float(svg.get_attribute("width") or 0) > width_before
    page.keyboard.press("ArrowRight")
    assert stage.evaluate("stage => stage.scrollLeft") > 0
    assert page.evaluate(_DIAGRAM_TEXT_SCRIPT)  # the page's own diagram is still there

    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(opener).to_be_focused()


# -- Prozesslandkarte ----------------------------------------------------------------------


def test_landscape_shows_bands_units_and_linked_process_tiles(tab: Session) -> None:
    page = tab.open(PAGE_TYPES["process-index"])
    bands = page.locator(".ph-band__title")
    expect(bands).to_have_count(3)
    expect(bands.nth(0)).to_contain_text("Führungsprozesse")
    expect(bands.nth(1)).to_contain_text("Kernprozesse")
    expect(bands.nth(2)).to_contain_text("Unterstützungsprozesse")
    core = page.locator(".ph-band--core")
    office = core.locator(".ph-lgroup").filter(has=page.get_by_role("link", name="Bürgerbüro"))
    expect(office.get_by_role("link", name="Reisepass beantragen", exact=True)).to_be_visible()
    expect(
        office.get_by_role("link", name="Reisepass beantragen (Soll-Prozess) Soll-Prozess")
    ).to_be_visible()
    draft = page.locator("a.ph-tile--draft").first
    expect(draft.locator(".ph-tile__badge")).to_have_text("Entwurf")

    tile = office.get_by_role("link", name="Reisepass beantragen", exact=True)
    tile.focus()
    page.keyboard.press("Enter")
    expect(page.locator("article h1")).to_have_text("Reisepass beantragen")


def test_interface_map_shows_every_unit_with_a_handoff_and_a_matrix(tab: Session) -> None:
    page = tab.open(PAGE_TYPES["unit-index"])
    labels = " ".join(
        page.locator("svg.ph-diagram-svg .ph-unit-node").evaluate_all(
            "nodes => nodes.map(node => node.textContent)"
        )
    )
    for unit in ("Gewerbeamt", "Straßenverkehrsbehörde", "Stadtkasse", "Bürgerbüro"):
        assert unit in labels, f"{unit} missing from the interface map"
    matrix = page.get_by_role("table").filter(has=page.locator("th", has_text="Stadtkasse")).last
    expect(matrix.locator("th[scope=row]", has_text="Gewerbeamt")).to_have_count(1)
    row = matrix.locator("tr", has=page.locator("th[scope=row]", has_text="Gewerbeamt"))
    assert any(cell.strip().isdigit() for cell in row.locator("td").all_inner_texts())


# -- accessibility of the new pages and views ----------------------------------------------

_COVERED = {(param.values[0], param.values[1]) for param in AXE_CASES}
LAYOUT_AXE_CASES = [
    pytest.param(path, scheme, id=f"{name}-{scheme}")
    for scheme in ("light", "dark")
    for name, path in PAGE_TYPES.items()
    if (path, scheme) not in _COVERED
]


@pytest.mark.parametrize(("path", "scheme"), LAYOUT_AXE_CASES)
def test_page_type_has_no_serious_accessibility_violations(
    warm_tabs: WarmTabs, path: str, scheme: str
) -> None:
    with warm_tabs.tab(color_scheme=scheme) as session:
        page = session.open(path)
        violations = serious_violations(page)
        assert not violations, f"axe on /{path} ({scheme}):\n" + format_violations(violations)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_full_size_view_has_no_serious_accessibility_violations(
    warm_tabs: WarmTabs, scheme: str
) -> None:
    with warm_tabs.tab(color_scheme=scheme) as session:
        page = session.open(PAGE_TYPES["process"])
        page.get_by_role("button", name="Diagramm in voller Größe öffnen").click()
        expect(page.locator("dialog.ph-diagram-dialog")).to_be_visible()
        violations = serious_violations(page)
        assert not violations, f"axe on the full-size view ({scheme}):\n" + format_violations(
            violations
        )


# -- orientation ---------------------------------------------------------------------------


def test_entity_page_has_a_breadcrumb_and_lights_up_its_area(tab: Session) -> None:
    page = tab.open(PAGE_TYPES["process"])
    crumbs = page.locator("nav.ph-breadcrumb li")
    expect(crumbs).to_have_text(["Prozesse", "Bürgerbüro", "Reisepass beantragen"])
    expect(crumbs.last).to_have_attribute("aria-current", "page")
    active = page.locator(".md-sidebar--primary .md-nav__item--active > .md-nav__link")
    expect(active.first).to_contain_text("Prozesse")

    crumbs.nth(1).locator("a").click()
    expect(page.locator("article h1")).to_have_text("Bürgerbüro")
    expect(
        page.locator(".md-sidebar--primary .md-nav__item--active > .md-nav__link").first
    ).to_contain_text("Organisation")


def test_process_page_leads_along_a_roles_reading_order(tab: Session) -> None:
    page = tab.open(PAGE_TYPES["process"])
    path = page.locator(".ph-reading-path").first
    expect(path).to_contain_text("Einarbeitung Sachbearbeitung Bürgerbüro")
    following = path.locator("a[rel=next]")
    title = following.inner_text().split(":", 1)[1].strip(" →")
    following.click()
    expect(page.locator("article h1")).to_have_text(title)
    expect(page.locator(".ph-reading-path a[rel=prev]").first).to_contain_text(
        "Reisepass beantragen"
    )


# -- German polish -------------------------------------------------------------------------


def test_not_found_page_is_german_and_offers_search_and_start(tab: Session) -> None:
    page = tab.open(PAGE_TYPES["not-found"])
    expect(page.locator("article h1")).to_have_text("Seite nicht gefunden")
    page.get_by_label("Im Handbuch suchen").fill("Reisepass")
    page.get_by_role("button", name="Im Handbuch suchen").click()
    # Material's search opens with the query the form handed over.
    expect(page.locator("input.md-search__input")).to_have_value("Reisepass")
    page.goto(tab.base + PAGE_TYPES["not-found"])
    page.get_by_role("link", name="Zur Startseite").click()
    expect(page).to_have_url(tab.base)


def test_footer_has_no_made_with_credit(tab: Session) -> None:
    page = tab.open("")
    expect(page.locator("footer")).not_to_contain_text("Made with")


def test_anchors_keep_umlauts_readable(tab: Session) -> None:
    page = tab.open(PAGE_TYPES["process"])
    ids = page.locator("article h2").evaluate_all("hs => hs.map(h => h.id)")
    assert "uebergaben" in ids
    assert "schwachstellen-und-massnahmen" in ids


# -- screenshots ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "size"),
    [("phone-390", (390, 844)), ("phone-320", (320, 800)), ("desktop-1366", (1366, 900))],
)
def test_screenshots_are_saved_for_review(warm_tabs: WarmTabs, name: str, size: Any) -> None:
    RESULTS.mkdir(exist_ok=True)
    with warm_tabs.tab(viewport=size) as session:
        for page_name in ("process", "process-index", "finder", "unit-index"):
            page: Page = session.open(PAGE_TYPES[page_name])
            target = RESULTS / f"{page_name}-{name}.png"
            # The finder lists hundreds of entries: its first screen is what matters.
            page.screenshot(path=target, full_page=page_name != "finder")
            assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
