"""The finder's and the search box's matching rules (assets/match.js), run in the same
Chromium the site is tested with: folding, one typo, AND of words, ranking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

MATCH_JS = Path(__file__).resolve().parents[1] / "plugins/prozesshandbuch/assets/match.js"


@pytest.fixture(scope="module")
def js(browser: Browser) -> Iterator[Page]:
    """A blank Chromium page with match.js loaded as ``window.PhMatch``."""
    page = browser.new_page()
    page.add_script_tag(content=MATCH_JS.read_text(encoding="utf-8"))
    yield page
    page.close()


def call(page: Page, function: str, *args: Any) -> Any:
    return page.evaluate(f"args => window.PhMatch.{function}(...args)", list(args))


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Führerschein", "fuehrerschein"),
        ("Bürgerbüro", "buergerbuero"),
        ("Straßenverkehrsbehörde", "strassenverkehrsbehoerde"),
        ("ÄRGER über Öl", "aerger ueber oel"),
        ("Café Crème", "cafe creme"),
        ("Fuehrerschein", "fuehrerschein"),
    ],
)
def test_fold(js: Page, text: str, folded: str) -> None:
    assert call(js, "fold", text) == folded


@pytest.mark.parametrize(
    ("word", "token", "quality"),
    [
        ("fuehrerschein", "fuehrerschein", "exact"),
        ("fuehrer", "fuehrerschein", "prefix"),
        ("anmeldung", "gewerbeanmeldung", "part"),
        # One typo in words of five letters or more: a missing umlaut e, a swap, a
        # missing letter, a wrong letter.
        ("fuhrerschein", "fuehrerschein", "typo"),
        ("persoanlausweis", "personalausweis", "typo"),
        ("gewerbeanmeldnug", "gewerbeanmeldung", "typo"),
        ("reisepas", "reisepass", "prefix"),
        ("strase", "strasse", "typo"),
        # A typo also matches the start of a compound.
        ("fuhrerschein", "fuehrerscheinstelle", "typo"),
        # Too short for a typo, or two typos.
        ("pas", "pass", "prefix"),
        ("paß", "pass", "exact"),
        ("fundkaze", "fundsache", None),
        ("gwerbeanmeldnug", "gewerbeanmeldung", None),
    ],
)
def test_word_quality(js: Page, word: str, token: str, quality: str | None) -> None:
    expected = 0 if quality is None else js.evaluate(f"window.PhMatch.QUALITY.{quality}")
    assert call(js, "wordQuality", call(js, "fold", word), token) == expected


PROCESS = [("title", 100, ["Führerschein umtauschen"]), ("keywords", 90, ["Führerschein"])]
ROLE = [("title", 80, ["Sachbearbeitung Führerscheinstelle"])]
UNIT_ONLY = [("title", 100, ["Anwohnerparken"]), ("unit", 10, ["Führerscheinstelle"])]


def score(page: Page, query: str, fields: list[tuple[str, int, list[str]]]) -> float:
    return float(
        page.evaluate(
            """([query, fields]) => window.PhMatch.score(
                query, fields.map(([, weight, texts]) => window.PhMatch.field(weight, texts)))""",
            [query, fields],
        )
    )


def test_exact_title_or_keyword_ranks_above_role_and_unit(js: Page) -> None:
    process, role, unit = (score(js, "Führerschein", f) for f in (PROCESS, ROLE, UNIT_ONLY))
    assert process > role > unit > 0


@pytest.mark.parametrize("query", ["Fuehrerschein", "Fuhrerschein", "führerschein", "FÜHRERSCHEIN"])
def test_spellings_score_like_the_real_word_or_a_little_lower(js: Page, query: str) -> None:
    real = score(js, "Führerschein", PROCESS)
    assert 0 < score(js, query, PROCESS) <= real


def test_several_words_must_all_match(js: Page) -> None:
    assert score(js, "Führerschein umtauschen", PROCESS) > 0
    assert score(js, "Führerschein beantragen", PROCESS) == 0


def test_a_whole_title_ranks_above_its_words(js: Page) -> None:
    assert score(js, "Führerschein umtauschen", PROCESS) > score(js, "umtauschen", PROCESS) * 2


@pytest.mark.parametrize(
    ("query", "corrected"),
    [
        ("Fuhrerschein", "Führerschein"),
        ("Fuehrerschein", "Führerschein"),
        ("Persoanlausweis", "Personalausweis"),
        ("Gewerbeanmeldnug", "Gewerbeanmeldung"),
        ("Strasse", "Straße"),
        # The start of a known word is left alone (still typing; the search adds "*").
        ("Reisepas", "Reisepas"),
        # Short words and words far from every known word stay as typed.
        ("Pas", "Pas"),
        ("Fundkaze", "Fundkaze"),
        ("Fuhrerschein umtauschen", "Führerschein umtauschen"),
    ],
)
def test_correct_query_for_the_search(js: Page, query: str, corrected: str) -> None:
    words = ["Führerschein", "Personalausweis", "Reisepass", "Gewerbeanmeldung", "Straße"]
    vocabulary = {call(js, "fold", w): w for w in words}
    assert call(js, "correct", query, vocabulary) == corrected
