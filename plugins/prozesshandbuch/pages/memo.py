"""Page sources of the previous build, reused when nothing a page shows has changed.

Under ``mkdocs serve`` a process owner saves one file and waits for its page. Rendering
all page sources again costs seconds at a thousand processes, although one save changes
few pages. The memo keeps the previous build's entity pages and renders again only the
pages that may show something of a changed entity. Between two ``mkdocs build`` runs it
is kept in ``.cache/`` (see :mod:`memo_store`).

Which pages may show an entity's data is over-approximated from references: a page
shows its own entity and what lies within two references of it in either direction
(a process -> its roles -> their unit: the unit page lists the process; a process ->
its roles -> their other processes). Everything that every page shows (titles, status
marks, language, day, links) forms a *global key*; when it changes, or an entity is
added or removed, every page is rendered. Each entity also carries the derived things
its page embeds (history, diagram, review state), so a change there renders its page.
Overview pages (start, indexes, tag and A–Z pages, finder, reports) read everything and
are always rendered. ``tests/test_page_memo.py`` checks the reused pages against a full
rendering for each kind of edit, ``tests/test_page_memo_store.py`` the memo on disk.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..content.fingerprint import value_digest
from ..content.model import EntityKind, Handbook, Process, Role, System, Unit
from ..content.textfold import slugify
from ..content.urls import entity_src
from .context import GeneratedPage, PageContext

EntityRef = tuple[EntityKind, str]
HOPS = 2
"""How far from a changed entity a page may show its data (see the module text)."""


def references(kind: EntityKind, entity: Process | Role | Unit | System) -> set[EntityRef]:
    """The entities one entity names in its file."""
    found: set[EntityRef] = set()
    if isinstance(entity, Process):
        found.add(("role", entity.owner))
        found.update(("unit", u) for u in [entity.unit] if u)
        found.update(("process", p) for p in (entity.variant_of, entity.replaced_by) if p)
        found.update(("system", s) for s in entity.systems)
        for step in entity.steps:
            found.update(("role", r) for r in [step.role, *step.consulted, *step.informed] if r)
            found.update(("process", p) for p in [step.calls] if p)
            found.update(("system", s) for s in step.systems)
    elif isinstance(entity, Role):
        found.add(("unit", entity.unit))
        found.update(("role", r) for r in [entity.deputy] if r)
        found.update(("process", p) for p in entity.onboarding)
    elif isinstance(entity, Unit):
        found.update(("unit", u) for u in [entity.parent] if u)
        found.update(("role", r) for r in [entity.head] if r)
    elif entity.owner:
        found.add(("role", entity.owner))
    found.discard((kind, entity.id))
    return found


def _entities(handbook: Handbook) -> Iterable[tuple[EntityKind, Process | Role | Unit | System]]:
    yield from (("process", e) for e in handbook.processes.values())
    yield from (("role", e) for e in handbook.roles.values())
    yield from (("unit", e) for e in handbook.units.values())
    yield from (("system", e) for e in handbook.systems.values())


@dataclass(frozen=True)
class _Snapshot:
    global_key: bytes
    entity_keys: dict[EntityRef, bytes]
    neighbours: dict[EntityRef, set[EntityRef]]
    pages: dict[str, GeneratedPage]


def _global_key(ctx: PageContext) -> bytes:
    hb = ctx.handbook
    shown_everywhere = [
        (kind, entity.id, entity.title, hb.paths.get((kind, entity.id)))
        for kind, entity in _entities(hb)
    ]
    marks = [(p.id, p.status, p.variant, p.replaced_by) for p in hb.processes.values()]
    # A tag's page name is its spelling unless another tag spells the same ("Bauen",
    # "bauen"); then the names depend on all tags, and every tag link may change.
    renamed_tags = sorted((t, slug) for t, slug in ctx.tag_slugs.items() if slug != slugify(t))
    return value_digest(
        ctx.texts.language,
        ctx.today,
        ctx.show_holders,
        ctx.edit_base,
        ctx.repo_url,
        ctx.urls.use_directory_urls,
        ctx.diagrams is None,
        shown_everywhere,
        marks,
        renamed_tags,
    )


def _entity_key(
    ctx: PageContext, kind: EntityKind, entity: Process | Role | Unit | System
) -> bytes:
    """The entity's data and what its own page embeds besides it."""
    path = ctx.handbook.paths.get((kind, entity.id), "")
    history = ctx.histories.get(path)
    embedded: list[object] = [
        [(c.hexsha, c.status) for c in history.entries] if history else None,
        sorted(history.summaries.items()) if history else None,
    ]
    if kind == "process":
        embedded += [
            ctx.findings.reviews.get(entity.id),
            ctx.created.get(entity.id),
            ctx.review_confirmations.get(entity.id),
            ctx.diagrams.process_svg(entity.id) if ctx.diagrams else None,
        ]
    elif kind == "unit":
        embedded.append(ctx.diagrams.unit_neighbourhood_svg(entity.id) if ctx.diagrams else None)
    return value_digest(entity.model_dump_json(), embedded)


def _neighbours(handbook: Handbook) -> dict[EntityRef, set[EntityRef]]:
    """Each entity's references and referrers together."""
    linked: defaultdict[EntityRef, set[EntityRef]] = defaultdict(set)
    for kind, entity in _entities(handbook):
        here: EntityRef = (kind, entity.id)
        for there in references(kind, entity):
            linked[here].add(there)
            linked[there].add(here)
    return dict(linked)


def _within(start: EntityRef, neighbours: dict[EntityRef, set[EntityRef]]) -> set[EntityRef]:
    reached = {start}
    frontier = {start}
    for _ in range(HOPS):
        frontier = {n for e in frontier for n in neighbours.get(e, ())} - reached
        reached |= frontier
    return reached


class PageMemo:
    """Remembers the entity pages of the last build; see the module text."""

    def __init__(self) -> None:
        self._last: _Snapshot | None = None
        self.rendered = 0
        """Entity pages rendered by the last call of :meth:`pages`."""
        self.reused = 0
        """Entity pages the last call of :meth:`pages` took from the build before."""

    def forget(self) -> None:
        self._last = None

    @property
    def empty(self) -> bool:
        return self._last is None

    def export(self) -> dict[str, Any] | None:
        """The remembered build as JSON data (see :mod:`memo_store`); None if there is none."""
        last = self._last
        if last is None:
            return None
        return {
            "global_key": last.global_key.hex(),
            "entities": [
                [kind, entity_id, key.hex()] for (kind, entity_id), key in last.entity_keys.items()
            ],
            "neighbours": [
                [kind, entity_id, sorted([k, i] for k, i in others)]
                for (kind, entity_id), others in last.neighbours.items()
            ],
            "pages": [
                {
                    "src": page.src,
                    "markdown": page.markdown,
                    "source_path": page.source_path,
                    "search_names": list(page.search_names),
                    "files": [list(f) for f in page.files],
                    "in_nav": page.in_nav,
                }
                for page in last.pages.values()
            ],
        }

    def restore(self, data: Any) -> bool:
        """Remember the build ``data`` describes (from :meth:`export`); on any entry of
        the wrong shape nothing is remembered and False is returned."""
        try:
            snapshot = _Snapshot(
                bytes.fromhex(data["global_key"]),
                {(_kind(k), _text(i)): bytes.fromhex(key) for k, i, key in data["entities"]},
                {
                    (_kind(k), _text(i)): {(_kind(ok), _text(oi)) for ok, oi in others}
                    for k, i, others in data["neighbours"]
                },
                {
                    _text(p["src"]): GeneratedPage(
                        src=_text(p["src"]),
                        markdown=_text(p["markdown"]),
                        source_path=None if p["source_path"] is None else _text(p["source_path"]),
                        search_names=tuple(_text(n) for n in p["search_names"]),
                        files=tuple((_text(a), _text(b)) for a, b in p["files"]),
                        in_nav=bool(p["in_nav"]),
                    )
                    for p in data["pages"]
                },
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            return False
        self._last = snapshot
        return True

    def pages(
        self,
        ctx: PageContext,
        render_all: Callable[[PageContext, Callable[[EntityKind, str], bool]], list[GeneratedPage]],
    ) -> list[GeneratedPage]:
        """Every page of ``ctx``: ``render_all(ctx, wanted)`` renders the overview pages
        and each entity page for which ``wanted(kind, id)`` is true; the others are
        taken from the previous build."""
        global_key = _global_key(ctx)
        keys = {(k, e.id): _entity_key(ctx, k, e) for k, e in _entities(ctx.handbook)}
        neighbours = _neighbours(ctx.handbook)
        stale = self._stale(global_key, keys, neighbours)
        last = self._last
        self.rendered = 0

        def wanted(kind: EntityKind, entity_id: str) -> bool:
            render = (
                stale is None
                or last is None
                or (kind, entity_id) in stale
                or entity_src(kind, entity_id) not in last.pages
            )
            self.rendered += render
            return render

        fresh = render_all(ctx, wanted)
        by_src = {page.src: page for page in fresh}
        self.reused = 0
        if last is not None:
            for kind, entity_id in keys:
                src = entity_src(kind, entity_id)
                if src not in by_src and src in last.pages:
                    by_src[src] = last.pages[src]
                    self.reused += 1
        entity_srcs = {entity_src(kind, entity_id) for kind, entity_id in keys}
        self._last = _Snapshot(
            global_key,
            keys,
            neighbours,
            {src: page for src, page in by_src.items() if src in entity_srcs},
        )
        order = [page.src for page in fresh]
        known = set(order)
        order += [src for src in by_src if src not in known]
        return _in_site_order(ctx, by_src, order)

    def _stale(
        self,
        global_key: bytes,
        keys: dict[EntityRef, bytes],
        neighbours: dict[EntityRef, set[EntityRef]],
    ) -> set[EntityRef] | None:
        """Entity pages to render again, or None for all of them."""
        last = self._last
        if last is None or last.global_key != global_key or last.entity_keys.keys() != keys.keys():
            return None
        stale: set[EntityRef] = set()
        for ref, key in keys.items():
            if last.entity_keys[ref] != key:
                stale |= _within(ref, last.neighbours) | _within(ref, neighbours)
        return stale


_KINDS: tuple[EntityKind, ...] = ("process", "role", "unit", "system")


def _kind(value: Any) -> EntityKind:
    if value not in _KINDS:
        raise ValueError(f"not a kind of entity: {value!r}")
    return value  # type: ignore[no-any-return]


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"not a text: {value!r}")
    return value


def _in_site_order(
    ctx: PageContext, by_src: dict[str, GeneratedPage], order: list[str]
) -> list[GeneratedPage]:
    """The pages in the order a full rendering gives them (overview pages, then entities
    by kind in handbook order), so that MkDocs sees the same file order either way."""
    entity_order = [entity_src(kind, e.id) for kind, e in _entities(ctx.handbook)]
    entities = set(entity_order)
    overview = [src for src in order if src not in entities]
    return [by_src[src] for src in overview + entity_order if src in by_src]
