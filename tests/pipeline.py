"""The handbook pipeline run in-process, for property tests and for tests of what pages
say (``RenderedSite`` in pagebuild.py): the plugin's own MkDocs events and MkDocs' own
Markdown rendering, without the subprocess and the theme. A page's ``content`` is what
the theme puts into its ``<article>``, HTML blocks filled in (``on_page_content``).

What the theme would print without escaping (page title, description, search tags,
table of contents) is returned as-is, so a test can check it is plain HTML text.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from prozesshandbuch.analysis.relations import build_relations
from prozesshandbuch.content.check import check_handbook
from prozesshandbuch.content.urls import SiteUrls
from prozesshandbuch.diagrams import build_diagrams

TODAY = dt.date(2026, 11, 23)


@dataclass(frozen=True)
class RenderedPage:
    """One page as MkDocs hands it to the theme."""

    src: str
    url: str
    title: str
    description: str
    tags: list[str]
    toc_titles: list[str]
    content: str


@dataclass
class PipelineResult:
    """Either the problems the content was refused with, or everything it turned into."""

    refused: list[str] = field(default_factory=list)
    pages: list[RenderedPage] = field(default_factory=list)
    figures: dict[str, str] = field(default_factory=dict)
    feed: str = ""
    answers: dict[str, Any] = field(default_factory=dict)
    """The finder's answer cards and their texts (``zustaendigkeit/antworten.json``)."""


def _toc_titles(links: list[AnchorLink]) -> list[str]:
    titles = []
    for link in links:
        titles.append(link.title)
        titles.extend(_toc_titles(link.children))
    return titles


def run_pipeline(root: Path, *, strict: bool = False, figures: bool = True) -> PipelineResult:
    """Load, check and render the project in ``root`` (made by ``make_project``).

    ``strict`` is ``mkdocs build --strict``: the plugin refuses content with warnings.
    ``figures`` also collects the diagrams (made once more on their own).
    """
    config = load_config(str(root / "mkdocs.yml"), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    # The events in the order `mkdocs build` sends them, up to the theme.
    try:
        config = config.plugins.on_config(config)
    except PluginError as refused:
        return PipelineResult(refused=str(refused).splitlines())
    config.plugins.on_pre_build(config=config)
    files = config.plugins.on_files(get_files(config), config=config)
    nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
    assert nav is not None
    result = PipelineResult()
    for file in files.documentation_pages():
        page = file.page if file.page is not None else Page(None, file, config)
        page.read_source(config)
        markdown = config.plugins.on_page_markdown(
            page.markdown or "", page=page, config=config, files=files
        )
        page.markdown = markdown
        page.render(config, files)
        page.content = config.plugins.on_page_content(
            page.content or "", page=page, config=config, files=files
        )
        meta = page.meta
        result.pages.append(
            RenderedPage(
                src=file.src_uri,
                url=file.url,
                title=str(page.title or ""),
                description=str(meta.get("description", "")),
                tags=[str(tag) for tag in meta.get("tags", [])],
                toc_titles=_toc_titles(list(page.toc)),
                content=page.content or "",
            )
        )
    feed = files.get_file_from_path("feed.xml")
    result.feed = feed.content_string if feed is not None else ""
    answers = files.get_file_from_path("zustaendigkeit/antworten.json")
    result.answers = json.loads(answers.content_string) if answers is not None else {}
    config.plugins.on_shutdown()
    if not figures:
        return result
    checked = check_handbook(root / "content", root, TODAY)
    relations = build_relations(checked.handbook)
    diagrams = build_diagrams(
        checked.handbook,
        relations,
        SiteUrls(True),
        cache_dir=root / ".cache/prozesshandbuch/diagrams",
    )
    result.figures = dict(diagrams.figures)
    return result
