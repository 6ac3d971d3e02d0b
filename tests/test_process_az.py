"""The A–Z list of processes: on the process map while a handbook is small, a page per
initial letter once it is large (the map page weighed 950 kB at 5,000 processes).

The limit is lowered for the test, so that the demo handbook counts as large.
"""

from __future__ import annotations

import pytest
import yaml

from pagebuild import demo_context, generated_body, pages_by_src
from prozesshandbuch.pages import PageContext, overview_pages


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> PageContext:
    return demo_context(tmp_path_factory.mktemp("az"))


def test_initials_read_umlauts_as_their_letter_and_group_digits() -> None:
    assert overview_pages.az_key("Ärger melden") == "a"
    assert overview_pages.az_key("Übergabe") == "u"
    assert overview_pages.az_key("§ 5 Auskunft") == "0-9"
    assert overview_pages.az_key("112 rufen") == "0-9"
    assert overview_pages.az_key("«»") == "weitere"


def test_a_small_handbook_lists_every_process_on_the_map_page(demo: PageContext) -> None:
    pages = pages_by_src(demo)
    index = generated_body(pages["prozesse/index.md"])
    assert len(index.select("ul.ph-az > li")) == len(demo.handbook.processes)
    assert index.select(".ph-az-letters") == []
    assert not [src for src in pages if src.startswith("prozesse-a-z/")]


def test_a_large_handbook_has_a_page_per_initial(
    demo: PageContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(overview_pages, "AZ_SPLIT_LIMIT", 1)
    pages = pages_by_src(demo)
    index = generated_body(pages["prozesse/index.md"])
    assert index.select("ul.ph-az") == []
    letters = [(a.get_text(), a["href"]) for a in index.select(".ph-az-letters a")]
    assert len(letters) > 5
    assert [label for label, _ in letters] == sorted(label for label, _ in letters)

    listed: list[str] = []
    for label, href in letters:
        src = "prozesse-a-z/" + href.removeprefix("../prozesse-a-z/").rstrip("/") + ".md"
        page = pages[src]
        assert not page.in_nav
        title = yaml.safe_load(page.markdown.split("---\n", 2)[1])["title"]
        assert title == f"Prozesse A–Z: {label}"
        letter_page = generated_body(page)
        titles = [a.get_text() for a in letter_page.select("ul.ph-az > li > a")]
        assert titles == sorted(titles, key=str.casefold)
        assert all(overview_pages.az_key(t).upper() == label for t in titles)
        # The bar marks this page and links every other one.
        current = letter_page.select(".ph-az-letters [aria-current=page]")
        assert [c.get_text() for c in current] == [label]
        assert len(letter_page.select(".ph-az-letters a")) == len(letters) - 1
        listed += titles
    # Every process on exactly one page.
    assert sorted(listed) == sorted(p.title for p in demo.handbook.processes.values())
