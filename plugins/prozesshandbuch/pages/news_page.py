"""The site-wide "Was ist neu" page and its Atom feed: one entry per commit, its changes
in words beneath, filterable by unit and role."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import quote
from xml.sax.saxutils import quoteattr

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..analysis.history import Change
from ..analysis.timeline import NewsItem
from ..content.controlchars import without_controls
from ..content.model import EntityKind, Handbook
from ..content.urls import FEED, NEWS, entity_src
from .context import GeneratedPage, PageContext
from .render import PageView, front_matter, render

TITLES_IN_FEED_ENTRY = 3
"""A feed entry's title names at most this many changed pages, then "und N weitere"."""


@dataclass
class CommitNews:
    """One commit on the news page: when, who, why, and what it changed, per page."""

    change: Change
    """The first change of the commit (date, author, subject are the commit's)."""
    items: list[NewsItem] = field(default_factory=list)
    units: set[str] = field(default_factory=set)
    """Units the changed pages belong to, for the filter."""
    roles: set[str] = field(default_factory=set)
    """Roles the changed pages concern, for the filter."""


def concerned(
    handbook: Handbook, kind: EntityKind | None, entity_id: str
) -> tuple[set[str], set[str]]:
    """The units and roles a change to an entity concerns: a process concerns its unit,
    owner and the roles of its steps; a role itself and its unit; a unit itself; a system
    its owner."""
    units: set[str] = set()
    roles: set[str] = set()
    if kind == "process" and entity_id in handbook.processes:
        process = handbook.processes[entity_id]
        unit = handbook.process_unit(process)
        units.update([unit] if unit else [])
        roles.add(process.owner)
        roles.update(step.role for step in process.steps if step.role)
    elif kind == "role" and entity_id in handbook.roles:
        roles.add(entity_id)
        units.add(handbook.roles[entity_id].unit)
    elif kind == "unit" and entity_id in handbook.units:
        units.add(entity_id)
    elif kind == "system" and entity_id in handbook.systems:
        owner = handbook.systems[entity_id].owner
        roles.update([owner] if owner else [])
    units.update(handbook.roles[r].unit for r in roles if r in handbook.roles)
    return units, roles


def group_by_commit(handbook: Handbook, items: Sequence[NewsItem]) -> list[CommitNews]:
    """The news items grouped into one entry per commit, newest commit first."""
    commits: dict[str, CommitNews] = {}
    for item in items:
        news = commits.setdefault(item.change.hexsha, CommitNews(item.change))
        news.items.append(item)
        units, roles = concerned(handbook, item.kind, item.entity_id)
        news.units |= units
        news.roles |= roles
    return list(commits.values())


def render_news_page(ctx: PageContext, items: Sequence[NewsItem]) -> GeneratedPage:
    """Latest content changes, one entry per commit, each page's change in words beneath."""
    view = PageView(ctx, NEWS)
    commits = group_by_commit(ctx.handbook, items)
    units = sorted({u for c in commits for u in c.units}, key=lambda u: ctx.title("unit", u))
    roles = sorted({r for c in commits for r in c.roles}, key=lambda r: ctx.title("role", r))
    body = render(
        "news.md.j2",
        view,
        commits=commits,
        units=units,
        roles=roles,
        feed=view.ctx.urls.asset(NEWS, FEED),
    )
    return GeneratedPage(NEWS, front_matter(ctx.texts("page.news")) + body)


def feed_link(href: str, title: str) -> str:
    """The ``<link>`` in every page's head that lets browsers and readers find the feed."""
    return (
        f'<link rel="alternate" type="application/atom+xml" '
        f"href={quoteattr(href)} title={quoteattr(title)}>"
    )


def iri_part(text: str) -> str:
    """Text made safe inside an IRI: no spaces or other characters an IRI forbids."""
    return quote(text, safe="/-._~")


@dataclass(frozen=True)
class _FeedEntry:
    change: Change
    id: str
    title: str
    link: str | None
    summary: str


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


def _feed_entry(ctx: PageContext, commit: CommitNews, base: str) -> _FeedEntry:
    change = commit.change
    linked = [i for i in commit.items if i.exists and i.kind is not None]
    link = None
    if linked and linked[0].kind is not None:
        link = base + ctx.urls.url(entity_src(linked[0].kind, linked[0].entity_id))
    lines = []
    for item in commit.items:
        lines.append(f"{item.title}:")
        lines.extend(f"– {line}" for line in item.lines)
    names = list(dict.fromkeys(item.title for item in commit.items))
    titles = ", ".join(names[:TITLES_IN_FEED_ENTRY])
    if len(names) > TITLES_IN_FEED_ENTRY:
        more = ctx.texts("news.and-more", count=len(names) - TITLES_IN_FEED_ENTRY)
        titles = f"{titles} {more}"
    return _FeedEntry(
        change=change,
        id=f"urn:prozesshandbuch:commit:{iri_part(change.hexsha)}",
        title=f"{titles}: {change.subject}",
        link=link,
        summary="\n".join(lines) or change.subject,
    )


def render_feed(
    ctx: PageContext, items: Sequence[NewsItem], site_url: str | None, site_name: str
) -> str:
    """An Atom feed of the same changes, one entry per commit. Links are absolute when
    ``site_url`` is set."""
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    updated = max((i.change.date for i in items), default=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    entries = [_feed_entry(ctx, commit, base) for commit in group_by_commit(ctx.handbook, items)]
    return (
        _feed_environment()
        .get_template("feed.xml.j2")
        .render(
            t=ctx.texts,
            site_name=site_name,
            feed_id=f"urn:prozesshandbuch:{iri_part(site_name)}:neu",
            base=base,
            feed=FEED,
            updated=updated,
            entries=entries,
        )
    )
