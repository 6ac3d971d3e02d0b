"""The site-wide "Was ist neu" page and its Atom feed."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..controlchars import without_controls
from ..history import Change
from ..timeline import NewsItem
from ..urls import FEED, NEWS, entity_src
from .context import GeneratedPage, PageContext
from .render import PageView, front_matter, render


def render_news_page(ctx: PageContext, items: Sequence[NewsItem]) -> GeneratedPage:
    """Latest content changes, newest first, each with its summary in words."""
    view = PageView(ctx, NEWS)
    body = render("news.md.j2", view, items=items, feed=view.ctx.urls.asset(NEWS, FEED))
    return GeneratedPage(NEWS, front_matter(ctx.texts("page.news")) + body)


@dataclass(frozen=True)
class _FeedEntry:
    item: NewsItem
    link: str | None
    summary: str

    @property
    def change(self) -> Change:
        return self.item.change


@functools.cache
def _feed_environment() -> Environment:
    """Jinja for the feed: every value escaped for XML and freed of the characters
    XML 1.0 forbids, so neither content nor git history can make the feed ill-formed."""
    return Environment(
        loader=PackageLoader("prozesshandbuch", "templates"),
        autoescape=True,  # &, <, >, " and ' become entities, valid in XML as in HTML
        finalize=lambda value: without_controls(str(value)),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_feed(
    ctx: PageContext, items: Sequence[NewsItem], site_url: str | None, site_name: str
) -> str:
    """An Atom feed of the same changes. Links are absolute when ``site_url`` is set."""
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    updated = max((i.change.date for i in items), default=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    entries = [
        _FeedEntry(
            item,
            base + ctx.urls.url(entity_src(item.kind, item.entity_id))
            if item.exists and item.kind is not None
            else None,
            "\n".join(f"– {line}" for line in item.lines) or item.change.subject,
        )
        for item in items
    ]
    return (
        _feed_environment()
        .get_template("feed.xml.j2")
        .render(
            t=ctx.texts,
            site_name=site_name,
            base=base,
            feed=FEED,
            updated=updated,
            entries=entries,
        )
    )
