"""The Jinja environment and the helpers every page template uses."""

from __future__ import annotations

import datetime as dt
import functools
import html
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from .. import i18n
from ..analysis.standing import BADGE_KEYS, FACT_KEYS, Standing, standing
from ..content.flow import step_anchor
from ..content.model import EntityKind
from ..content.ordering import units_in_chart_order
from ..content.review import ReviewState, ReviewStatus
from ..content.urls import AREA_INDEX
from ..i18n import format_date, has
from .context import PageContext
from .feedback import feedback_target
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
    dumped = yaml.dump(meta, Dumper=_YAML_DUMPER, allow_unicode=True, sort_keys=False)
    return "---\n" + dumped + "---\n\n"


# libyaml's emitter writes the same YAML as PyYAML's own, ten times faster; front matter
# is written for every page on every build.
_YAML_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def as_html_text(text: str) -> str:
    """Plain text as HTML that shows exactly that text, in an element or an attribute."""
    return html.escape(" ".join(text.split()), quote=True)


_AREA_LABEL: dict[EntityKind, str] = {
    "process": "page.processes",
    "role": "page.roles",
    "unit": "page.units",
    "system": "page.systems",
}


class PageView:
    """Template helpers bound to one page, so links come out relative to it."""

    def __init__(self, ctx: PageContext, src: str) -> None:
        self.ctx = ctx
        self.src = src
        self.t = ctx.texts
        self._refs: dict[tuple[str, str], Markup] = {}

    def url(self, kind: EntityKind, entity_id: str, anchor: str | None = None) -> str:
        return self.ctx.link(self.src, kind, entity_id, anchor)

    def page_url(self, src: str, anchor: str | None = None) -> str:
        return self.ctx.urls.link(self.src, src, anchor)

    def ref(self, kind: EntityKind, entity_id: str | None) -> Markup:
        """A link to an entity's page with its title as text.

        A link to a process that is not in force carries its status badge, so every list
        of processes says at a glance which ones do not apply (yet or any more).
        """
        if not entity_id:
            return Markup("")
        cached = self._refs.get((kind, entity_id))
        if cached is None:
            title = self.ctx.title(kind, entity_id)
            cached = Markup('<a href="{}">{}</a>').format(self.url(kind, entity_id), title)
            if kind == "process":
                badge = self.status_badge(entity_id)
                if badge:
                    cached = cached + Markup(" ") + badge
            self._refs[(kind, entity_id)] = cached
        return cached

    def status_badge(self, process_id: str) -> Markup:
        """The status badge of a process that is not in force ("Entwurf", "Soll-Prozess",
        "außer Kraft"), or nothing for one in force. The one helper every list uses."""
        process = self.ctx.handbook.processes.get(process_id)
        mark = standing(process) if process is not None else None
        if mark is None:
            return Markup("")
        return Markup('<span class="ph-standing ph-standing--{}">{}</span>').format(
            mark.value, self.t(BADGE_KEYS[mark])
        )

    def refs(self, kind: EntityKind, ids: list[str] | tuple[str, ...]) -> Markup:
        return Markup(", ").join(self.ref(kind, i) for i in ids)

    def holders(self, role_id: str) -> Markup:
        """Current holders' names, or a note that names are hidden or nobody holds it."""
        role = self.ctx.handbook.roles.get(role_id)
        if role is None or not self.ctx.show_holders:
            return Markup("")
        names = [h.name for h in role.current_holders(self.ctx.today)]
        if not names:
            return Markup('<span class="ph-muted">{}</span>').format(self.t("page.no-holder"))
        return escape(", ".join(names))

    def units_in_order(self, unit_ids: list[str]) -> list[str]:
        """Units in organisation chart order (explicit ``order``, then natural by title)."""
        return units_in_chart_order(self.ctx.handbook, unit_ids)

    def standing_value(self, process_id: str) -> str:
        """The status mark of a process as a plain word for data attributes, or ""."""
        process = self.ctx.handbook.processes.get(process_id)
        mark = standing(process) if process is not None else None
        return mark.value if mark is not None else ""

    @staticmethod
    def standing_fact_key(mark: Standing) -> str:
        """The catalogue key of the "Status" fact of a process that is not in force."""
        return FACT_KEYS[mark]

    def status_banner(self, process_id: str) -> Markup:
        """The notice at the top of a process page that is not in force: since when it is
        repealed and what replaces it, that it is a draft, or by when a to-be process is to
        be implemented and which process applies until then."""
        process = self.ctx.handbook.processes.get(process_id)
        mark = standing(process) if process is not None else None
        if process is None or mark is None:
            return Markup("")
        say = self.t
        sentences: list[Markup] = []
        pointer: tuple[str, str | None] = ("", None)
        if mark is Standing.RETIRED:
            sentences.append(
                Markup(say("standing.banner.retired-since", date=self.date(process.retired_on)))
                if process.retired_on
                else Markup(say("standing.banner.retired"))
            )
            pointer = (say("page.replaced-by"), process.replaced_by)
        elif mark is Standing.DRAFT:
            sentences.append(Markup(say("standing.banner.draft")))
        else:
            sentences.append(
                Markup(say("standing.banner.to-be-due", date=self.date(process.due)))
                if process.due
                else Markup(say("standing.banner.to-be"))
            )
            pointer = (
                say("standing.banner.valid-today"),
                self.ctx.relations.variant_partner.get(process.id),
            )
        text = Markup("<strong>{}</strong>").format(sentences[0])
        label, target = pointer
        if target and target in self.ctx.handbook.processes:
            text += Markup(" {}: {}.").format(label, self.ref("process", target))
        kind = {"retired": "danger", "draft": "warning", "to-be": "info"}[mark.value]
        return Markup(
            '<div class="admonition {} ph-banner ph-banner--{}" role="note" aria-label="{}">'
            "<p>{}</p></div>"
        ).format(kind, mark.value, say("standing.banner.label"), text)

    def feedback(self, kind: EntityKind, entity_id: str) -> Markup:
        """ "Fehler oder Frage? Hinweis an <role>" with a mail or new-issue link."""
        say = self.t
        subject = say("feedback.subject", title=self.ctx.title(kind, entity_id))
        role_id, href = feedback_target(
            self.ctx.handbook, kind, entity_id, subject, self.ctx.repo_url
        )
        if role_id and href:
            action = Markup('<a href="{}">{}</a> ({})').format(
                href,
                say("feedback.to", role=self.ctx.title("role", role_id)),
                say("feedback.issue" if href.startswith("http") else "feedback.mail"),
            )
        elif href:
            action = Markup('<a href="{}">{}</a>').format(href, say("feedback.issue-plain"))
        elif role_id:
            action = Markup("{} {}").format(say("feedback.ask"), self.ref("role", role_id))
        else:
            return Markup("")
        return Markup('<p class="ph-feedback">{} {}</p>').format(say("feedback.lead"), action)

    def last_review(self, process: Any) -> str:
        """ "Zuletzt geprüft am 15.02.2026, bestätigt von Erika Muster" (the name from git)."""
        day = self.date(process.review.last_reviewed)
        confirmation = self.ctx.review_confirmations.get(process.id)
        if confirmation is None:
            return self.t("reviewed.last", date=day)
        return self.t("reviewed.last-by", date=day, author=confirmation.author)

    def review_badge(self, status: ReviewStatus) -> Markup:
        if status.state is ReviewState.NOT_REQUIRED:
            return Markup('<span class="ph-muted">{}</span>').format(self.t("review.not-required"))
        label = self.t("review." + status.state.value)
        due = ""
        if status.due is not None:
            due = f" ({self.t('page.due-on')} {self.date(status.due)})"
        return Markup('<span class="ph-badge ph-badge--{}">{}</span>{}').format(
            status.state.value, label, due
        )

    def say(self, key: str, /, **params: object) -> str:
        """A text of the catalogue (:mod:`..i18n`) in the page's language."""
        return i18n.text(key, self.t.language, **params)

    def say_plural(self, key: str, count: int, /, **params: object) -> str:
        """A counted text of the catalogue: ``key.one`` or ``key.other``."""
        return i18n.plural(key, count, self.t.language, **params)

    @staticmethod
    def table_region(label: str) -> Markup:
        """The opening tag of a table's box: on a narrow screen the table scrolls inside
        it, so the box is a named region that keyboard users can focus and scroll."""
        return Markup(
            '<div class="ph-table-wrap" role="region" tabindex="0" aria-label="{}">'
        ).format(label)

    def breadcrumb(self, kind: EntityKind, entity_id: str) -> Markup:
        """Area › unit (with its parents) › page, on every entity page."""
        hb = self.ctx.handbook
        area = AREA_INDEX[kind]
        trail: list[tuple[str, str | None]] = [(self.t(_AREA_LABEL[kind]), self.page_url(area))]
        unit_id: str | None = None
        if kind == "process":
            unit_id = hb.process_unit(hb.processes[entity_id])
        elif kind == "role":
            unit_id = hb.roles[entity_id].unit
        elif kind == "unit":
            unit_id = hb.units[entity_id].parent
        elif kind == "system":
            owner = hb.roles.get(hb.systems[entity_id].owner or "")
            unit_id = owner.unit if owner else None
        if unit_id and unit_id in hb.units:
            trail.append((self.ctx.title("unit", unit_id), self.url("unit", unit_id)))
        trail.append((self.ctx.title(kind, entity_id), None))
        items = []
        for position, (title, href) in enumerate(trail):
            if position == len(trail) - 1:
                items.append(Markup('<li aria-current="page">{}</li>').format(title))
            elif href:
                items.append(Markup('<li><a href="{}">{}</a></li>').format(href, title))
            else:
                items.append(Markup("<li>{}</li>").format(title))
        return Markup('<nav class="ph-breadcrumb" aria-label="{}"><ol>{}</ol></nav>').format(
            self.say("layout.breadcrumb"), Markup("").join(items)
        )

    @staticmethod
    def step_anchor(process: Any, index: int) -> str:
        return step_anchor(process.steps[index], index)

    def date(self, value: dt.date) -> str:
        """A date in the site language's format (a timestamp reads as its day)."""
        day = value.date() if isinstance(value, dt.datetime) else value
        return format_date(day, self.t.language)

    def metric(self, key: str) -> str:
        """A readable name for a metric key; unknown keys are shown as written."""
        known = f"metric.{key}"
        return self.t(known) if has(known) else key.replace("_", " ")


def render(template: str, view: PageView, **values: Any) -> str:
    """Render one template with the page's helpers."""
    return environment().get_template(template).render(v=view, t=view.t, **values)


def template_module(template: str, view: PageView, **values: Any) -> Any:
    """A template's macros, bound to the page's helpers: for markup made piece by piece."""
    return environment().get_template(template).make_module({"v": view, "t": view.t, **values})
