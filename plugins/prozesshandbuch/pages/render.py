"""The Jinja environment and the helpers every page template uses."""

from __future__ import annotations

import datetime as dt
import functools
import html
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from ..flow import step_anchor
from ..model import EntityKind
from ..review import ReviewStatus
from .context import PageContext
from .text import escape_markdown, render_markdown, safe_url


@functools.cache
def environment() -> Environment:
    """One environment per process; autoescape makes every content string literal HTML."""
    env = Environment(
        loader=PackageLoader("prozesshandbuch", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = render_markdown
    env.filters["mdline"] = lambda text: Markup(escape_markdown(str(text)))
    env.filters["safe_url"] = safe_url
    return env


def front_matter(
    title: str,
    *,
    tags: list[str] | None = None,
    boost: float | None = None,
    description: str | None = None,
    extra: dict[str, Any] | None = None,
) -> str:
    """YAML front matter; ``tags`` feed Material's search index with the highest weight.

    Title, description and tags are handed over HTML-escaped: MkDocs treats a page title
    as markup, and Material prints title (``<title>``, header, nav), description
    (``<meta>``) and search tags without escaping, so plain text must arrive as HTML text.
    """
    meta: dict[str, Any] = {"title": as_html_text(title)}
    if description:
        meta["description"] = as_html_text(description)
    if tags:
        meta["tags"] = [as_html_text(tag) for tag in tags]
    if boost:
        meta["search"] = {"boost": boost}
    if extra:
        meta.update(extra)
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


def as_html_text(text: str) -> str:
    """Plain text as HTML that shows exactly that text, in an element or an attribute."""
    return html.escape(" ".join(text.split()), quote=True)


class PageView:
    """Template helpers bound to one page, so links come out relative to it."""

    def __init__(self, ctx: PageContext, src: str) -> None:
        self.ctx = ctx
        self.src = src
        self.t = ctx.labels
        self._refs: dict[tuple[str, str], Markup] = {}

    def url(self, kind: EntityKind, entity_id: str, anchor: str | None = None) -> str:
        return self.ctx.link(self.src, kind, entity_id, anchor)

    def page_url(self, src: str, anchor: str | None = None) -> str:
        return self.ctx.urls.link(self.src, src, anchor)

    def ref(self, kind: EntityKind, entity_id: str | None) -> Markup:
        """A link to an entity's page with its title as text."""
        if not entity_id:
            return Markup("")
        cached = self._refs.get((kind, entity_id))
        if cached is None:
            title = self.ctx.title(kind, entity_id)
            cached = Markup('<a href="{}">{}</a>').format(self.url(kind, entity_id), title)
            self._refs[(kind, entity_id)] = cached
        return cached

    def refs(self, kind: EntityKind, ids: list[str] | tuple[str, ...]) -> Markup:
        return Markup(", ").join(self.ref(kind, i) for i in ids)

    def holders(self, role_id: str) -> Markup:
        """Current holders' names, or a note that names are hidden or nobody holds it."""
        role = self.ctx.handbook.roles.get(role_id)
        if role is None or not self.ctx.show_holders:
            return Markup("")
        names = [h.name for h in role.current_holders(self.ctx.today)]
        if not names:
            return Markup('<span class="ph-muted">{}</span>').format(self.t.no_holder)
        return escape(", ".join(names))

    def review_badge(self, status: ReviewStatus) -> Markup:
        label = self.t("review_" + status.state.value)
        due = ""
        if status.due is not None:
            due = f" ({self.t.due_on} {status.due.strftime('%d.%m.%Y')})"
        return Markup('<span class="ph-badge ph-badge--{}">{}</span>{}').format(
            status.state.value, label, due
        )

    @staticmethod
    def step_anchor(process: Any, index: int) -> str:
        return step_anchor(process.steps[index], index)

    def date(self, value: dt.date) -> str:
        """A date as readers expect it: 23.11.2026 in German, ISO otherwise."""
        return value.strftime("%d.%m.%Y") if self.t.language == "de" else value.isoformat()


def render(template: str, view: PageView, **values: Any) -> str:
    """Render one template with the page's helpers."""
    return environment().get_template(template).render(v=view, t=view.t, **values)
