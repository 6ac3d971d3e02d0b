"""What page rendering needs from the rest of the pipeline, and what it produces."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

from ..analysis.findings import Findings
from ..analysis.relations import Relations
from ..analysis.review_trail import ReviewConfirmation
from ..analysis.timeline import PageHistory
from ..content.model import EntityKind, Handbook
from ..content.urls import SiteUrls, entity_src, tag_letter_src, tag_slugs, tag_src
from ..diagrams.unit_map import Interfaces, map_interfaces
from ..i18n import Texts


class DiagramSource(Protocol):
    """Inline SVG diagrams, each already made relative to the page it belongs on."""

    def process_svg(self, process_id: str) -> str | None: ...

    def unit_map_svg(self) -> str | None: ...

    def unit_neighbourhood_svg(self, unit_id: str) -> str | None: ...


@dataclass(frozen=True)
class GeneratedPage:
    """A page the plugin adds to the site: a virtual Markdown source and its metadata."""

    src: str
    markdown: str
    source_path: str | None = None
    """The content file the page is made from (relative to the repository root)."""
    search_names: tuple[str, ...] = ()
    """Names the search ranks this page first for, in a field no result shows."""
    files: tuple[tuple[str, str], ...] = ()
    """(site path, text) of files the page loads itself, made with it (the finder's cards)."""
    in_nav: bool = True
    """False for pages reached from an index page, never from the sidebar (a tag's page);
    entity pages (with a ``source_path``) are never in the sidebar either."""


@dataclass(frozen=True)
class PageContext:
    """Everything the page renderers read. Built once per build."""

    handbook: Handbook
    relations: Relations
    urls: SiteUrls
    texts: Texts
    today: dt.date
    findings: Findings
    """Review states and risks on ``today``, computed once for every page."""
    show_holders: bool = True
    diagrams: DiagramSource | None = None
    histories: dict[str, PageHistory] = field(default_factory=dict)
    """Content file path -> its history; empty when history is off or unavailable."""
    edit_base: str | None = None
    """Forge URL that a content file path is appended to for editing, if configured."""
    created: dict[str, dt.date] = field(default_factory=dict)
    """Process id -> day its file was first committed (from history; may be empty)."""
    review_confirmations: dict[str, ReviewConfirmation] = field(default_factory=dict)
    """Process id -> who confirmed its last review in git, and when (may be empty)."""
    repo_url: str | None = None
    """The forge repository (MkDocs ``repo_url``); feedback opens an issue there."""

    def title(self, kind: EntityKind, entity_id: str) -> str:
        """The title of an entity, or its id when it does not exist."""
        entity = self.handbook.entities(kind).get(entity_id)
        return str(entity.title) if entity is not None else entity_id

    def edit_url(self, source_path: str | None) -> str | None:
        """Where to edit a content file in the forge, or None."""
        if not self.edit_base or not source_path:
            return None
        return self.edit_base.rstrip("/") + "/" + source_path

    @cached_property
    def interfaces(self) -> Interfaces:
        """Hand-offs and calls between units, for the unit pages and the interface map.

        Derived from every process, so computed once per build, not once per unit page.
        """
        return map_interfaces(self.handbook, self.relations)

    @cached_property
    def tag_slugs(self) -> dict[str, str]:
        """Each tag's distinct path name (its page, its anchor on the tag index)."""
        return tag_slugs(self.relations.tagged)

    def tag_page(self, tag: str) -> str:
        """The virtual source path of a tag's page."""
        return tag_src(self.tag_slugs[tag])

    def tag_letter_page(self, tag: str, key: str) -> str:
        """The virtual source path of a large tag's page of one initial ("a", "0-9")."""
        return tag_letter_src(self.tag_slugs[tag], key)

    def link(
        self, from_src: str, kind: EntityKind, entity_id: str, anchor: str | None = None
    ) -> str:
        """Relative URL from page ``from_src`` to an entity's page."""
        return self.urls.link(from_src, entity_src(kind, entity_id), anchor)
