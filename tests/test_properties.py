"""Property-based tests (hypothesis): random hostile text in every text field of every
entity kind goes through the real pipeline and never becomes markup.

Strings are drawn from an alphabet of HTML, Markdown, YAML, DOT and control characters,
words that make up attacks, and known filter-evasion payloads. For each handbook:

- content the validator refuses is refused with ``path:line:column: message`` lines,
  never with a traceback;
- otherwise no page body, title, description, search tag or table-of-contents entry
  carries an element or attribute made by content (parsed with html5lib), every diagram
  parses as XML and carries no content-made markup either, and ``feed.xml`` is XML.

``make test`` runs a small, fixed set of examples; ``make fuzz`` many random ones
(``FUZZ_EXAMPLES``; here 4).
"""

from __future__ import annotations

import os
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from hostile import (
    PAYLOADS,
    commit_hostile_history,
    hostile_handbook,
    markup_problems,
    site_problems,
)
from pipeline import RenderedPage, run_pipeline
from sitebuild import make_project, mkdocs_build

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "4"))
FUZZING = "FUZZ_EXAMPLES" in os.environ
# In `make test` the examples are the same on every run (no flaky failures); `make fuzz`
# draws new ones each time and remembers failures in .hypothesis/.
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not FUZZING,
    database=None if not FUZZING else settings.default.database,
    # Shrinking a failure through whole builds can take many minutes: `make test` reports
    # the example as found, `make fuzz` shrinks it to the smallest.
    phases=tuple(Phase) if FUZZING else (Phase.explicit, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

CHARACTERS = (
    "<>&\"'/=;:`*_[](){}#!|\\-+.~^%$@,?"  # HTML, Markdown, YAML, DOT punctuation
    " \t\n\r\u00a0\u2028\u2029\ufeff\u200b\u202e"  # spaces, breaks, invisible, bidi
    "aZ0äÖß€→"
)
# Control characters the validator refuses (tab, line feed and carriage return it keeps).
# Not U+0085: YAML reads a raw NEL as a line break, so it never reaches a value.
CONTROLS = "\x00\x01\x07\x0b\x1b\x1e\x1f\x7f\x80\x9f"
WORDS = (
    "<script>", "</script>", "<img src=x onerror=alert('phx')>", "<phx phx=phx>", "</title>",
    "<svg onload=alert('phx')>", "javascript:", "alert('phx')", "onerror=", "&lt;", "&gt;",
    "&amp;", "&#60;", "&#x3C;", "&quot;", "](", "![", "```", "---", "...", ": ", "- ", "? ",
    "!!python/object", "*anchor", "&anchor", "{{", "}}", "{%", "->", "--", "label=<", "<<",
    ">>", "URL=", "\"];", "%3C", "\\\"", "<!--", "-->", "<![CDATA[", "]]>", "data:text/html,",
)  # fmt: skip

hostile_text = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(PAYLOADS),
        st.text(alphabet=CHARACTERS, min_size=1, max_size=4),
    ),
    min_size=1,
    max_size=6,
).map("".join)
field_texts = st.lists(hostile_text, min_size=1, max_size=12)
with_control = st.tuples(hostile_text, st.sampled_from(CONTROLS), hostile_text).map("".join)

# Pages made from the plugin's own texts only; parsing them would find nothing new.
STATIC_PAGES = {"referenz.md", "anleitung.md"}
PROBLEM_LINE = re.compile(r"^content/[^:\n]+:\d+:\d+: \S")


def fragment_has_element(text: str) -> bool:
    """Whether ``text``, printed raw into a page as the theme does, makes an element."""
    if "<" not in text:
        return False  # no element without a tag opener; saves most of the parsing
    body = BeautifulSoup(text, "html5lib").body
    return body is not None and body.find(True) is not None


def theme_printed_problems(page: RenderedPage) -> list[str]:
    """Markup in what Material prints without escaping: title, description, tags, TOC."""
    problems = []
    for name, values in (
        ("title", [page.title]),
        ("description", [page.description]),
        ("tag", page.tags),
        ("toc", page.toc_titles),
    ):
        for value in values:
            # Material prints the description into an attribute: a quote would end it.
            if fragment_has_element(value) or (name != "toc" and '"' in value):
                problems.append(f"{page.src}: {name} {value!r} is not plain HTML text")
    return problems


def assert_refused_cleanly(lines: list[str]) -> None:
    assert lines, "refused without a message"
    assert not any("Traceback" in line for line in lines)
    problems = [line for line in lines[1:] if line.strip()]
    assert problems, lines
    for line in problems:
        assert PROBLEM_LINE.match(line), line


@SETTINGS
@given(texts=field_texts)
def test_random_content_never_becomes_markup(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = make_project(Path(folder), hostile_handbook(texts))
        result = run_pipeline(root)
    if result.refused:
        assert_refused_cleanly(result.refused)
        return
    problems: list[str] = []
    assert len(result.pages) > 15
    for page in result.pages:
        if page.src in STATIC_PAGES:
            continue
        soup = BeautifulSoup(page.content, "html5lib")
        problems.extend(markup_problems(soup, page.src, check_scripts=False))
        problems.extend(f"{page.src}: <script> in content" for _ in soup.find_all("script"))
        problems.extend(theme_printed_problems(page))
    assert result.figures
    for key, figure in result.figures.items():
        # Every diagram is well-formed XML (its markup is checked inside its page above).
        assert ET.fromstring(figure).tag == "figure", key
    ET.fromstring(result.feed)
    assert problems == []


@SETTINGS
@given(texts=field_texts, poisoned=with_control)
def test_control_characters_are_refused_with_a_message(texts: list[str], poisoned: str) -> None:
    # The fields take the texts in turn; the last one carries a control character.
    texts = [*texts, poisoned]
    with tempfile.TemporaryDirectory() as folder:
        root = make_project(Path(folder), hostile_handbook(texts))
        result = run_pipeline(root)
    assert result.refused, "content with a control character was accepted"
    assert_refused_cleanly(result.refused)
    assert any("U+00" in line for line in result.refused), result.refused


@settings(SETTINGS, max_examples=max(1, EXAMPLES // 10))
@given(texts=field_texts)
def test_random_content_through_a_real_build(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = make_project(Path(folder), hostile_handbook(texts))
        commit_hostile_history(root, texts)
        result = mkdocs_build(root)
        assert "Traceback" not in result.stderr, result.stderr
        if result.returncode != 0:
            assert not (root / "site").exists()
            return
        verdict = site_problems(root / "site", check_scripts=True)
        ET.fromstring((root / "site/feed.xml").read_bytes())
    assert verdict.problems == []
