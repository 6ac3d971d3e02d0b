"""Pages rendered in-process from a fixture handbook: no subprocess, no theme."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import FIXED_TODAY, write_content
from pipeline import run_pipeline
from prozesshandbuch.analysis.findings import build_findings
from prozesshandbuch.analysis.relations import build_relations
from prozesshandbuch.content.check import check_handbook
from prozesshandbuch.content.urls import SiteUrls
from prozesshandbuch.i18n import Texts
from prozesshandbuch.pages import PageContext, build_pages
from prozesshandbuch.pages.context import GeneratedPage

REPO_ROOT = Path(__file__).resolve().parents[1]


def page_context(
    root: Path, files: dict[str, str], *, language: str = "de", today: dt.date = FIXED_TODAY
) -> PageContext:
    """The context the plugin would give the page renderers, for ``files`` below ``root``."""
    return content_context(write_content(root, files), root, language=language, today=today)


def content_context(
    content: Path, root: Path, *, language: str = "de", today: dt.date = FIXED_TODAY
) -> PageContext:
    """The page context for a content folder that is already written."""
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


class RenderedSite:
    """A project's pages as MkDocs hands them to the theme, rendered in this process.

    The plugin's own events and MkDocs' own Markdown rendering (``pipeline.py``), without
    the subprocess, the theme and the search index: for tests that check what a page
    says. ``strict`` refuses content with warnings, as ``mkdocs build --strict`` does.
    ``article(url)`` is the page's content as the theme puts it into ``<article>``.
    """

    def __init__(self, root: Path, *, strict: bool = False) -> None:
        result = run_pipeline(root, strict=strict, figures=False)
        assert not result.refused, result.refused
        self.pages = {page.url: page for page in result.pages}
        self.feed = result.feed
        self.answers = BeautifulSoup("".join(result.answers.get("cards", [])), "html.parser")
        """The finder's answer cards, from the file its page loads."""
        self.answer_texts: list[dict[str, list[str]]] = result.answers.get("match", [])
        """The texts the finder matches, one entry per card, in card order."""

    def article(self, url: str) -> BeautifulSoup:
        """The content of the page at ``url`` (``prozesse/x/``), inside an ``<article>``."""
        return BeautifulSoup(f"<article>{self.pages[url].content}</article>", "html.parser")


def demo_context(root: Path) -> PageContext:
    """The page context of a copy of the demo handbook below ``root``."""
    shutil.copytree(REPO_ROOT / "content", root / "content")
    return content_context(root / "content", root)


def pages_by_src(ctx: PageContext) -> dict[str, GeneratedPage]:
    """Every page the plugin generates for ``ctx``, by its source path ("rollen/index.md")."""
    return {page.src: page for page in build_pages(ctx)}


def generated_body(page: GeneratedPage) -> BeautifulSoup:
    """A generated page's source after its front matter, parsed as HTML."""
    return BeautifulSoup(page.markdown.split("---\n", 2)[2], "html.parser")
