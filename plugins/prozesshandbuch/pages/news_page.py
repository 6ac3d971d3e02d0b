"""The site-wide "Was ist neu" page and its Atom feed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from ..model import EntityKind
from ..urls import entity_src
from .context import GeneratedPage, PageContext
from .render import PageView, front_matter, render

NEWS = "neu.md"
FEED = "feed.xml"


def render_news_page(ctx: PageContext, items: Sequence[Any]) -> GeneratedPage:
    """Latest content changes, newest first, each with its summary in words."""
    view = PageView(ctx, NEWS)
    body = render("news.md.j2", view, items=items, feed=view.ctx.urls.asset(NEWS, FEED))
    return GeneratedPage(NEWS, front_matter(ctx.texts("page.news")) + body)


def render_feed(
    ctx: PageContext, items: Sequence[Any], site_url: str | None, site_name: str
) -> str:
    """An Atom feed of the same changes. Links are absolute when ``site_url`` is set."""
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    updated = max((i.change.date for i in items), default=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    entries = []
    for item in items:
        change = item.change
        link = ""
        if item.exists and item.kind is not None:
            target = ctx.urls.url(entity_src(_kind(item.kind), item.entity_id))
            link = f"\n    <link href={quoteattr(base + target)}/>"
        summary = "\n".join(f"– {line}" for line in item.lines) or change.subject
        entries.append(
            f"""  <entry>
    <id>urn:prozesshandbuch:{change.hexsha}:{escape(change.path)}</id>
    <title>{escape(item.title)}: {escape(change.subject)}</title>
    <updated>{change.date.isoformat()}</updated>
    <author><name>{escape(change.author)}</name></author>{link}
    <summary>{escape(summary)}</summary>
  </entry>"""
        )
    self_link = f'\n  <link rel="self" href={quoteattr(base + FEED)}/>' if base else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <id>urn:prozesshandbuch:{escape(site_name)}:neu</id>\n"
        f"  <title>{escape(site_name)} – {escape(ctx.texts('page.news'))}</title>\n"
        f"  <updated>{updated.isoformat()}</updated>{self_link}\n"
        + "\n".join(entries)
        + "\n</feed>\n"
    )


def _kind(kind: str) -> EntityKind:
    return kind  # type: ignore[return-value]
