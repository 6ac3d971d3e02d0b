"""The finder "Wer ist zuständig?": one answer card per process and role.

The cards are complete HTML (they work without JavaScript as a plain list); the finder
script ranks and filters them as one types, using the texts in ``data-match``.
"""

from __future__ import annotations

import json
import re

from ..analysis.finder import FinderEntry, finder_entries
from ..content.urls import FINDER
from .context import GeneratedPage, PageContext
from .render import PageView, front_matter, render

_NOT_DIALLED = re.compile(r"[^0-9+]")


def tel_href(phone: str) -> str | None:
    """A ``tel:`` link for a phone number as written ("0123 4567-100"), or None."""
    digits = _NOT_DIALLED.sub("", phone)
    return f"tel:{digits}" if len(digits) >= 3 else None


def match_data(entry: FinderEntry) -> str:
    """The texts the finder script matches, as JSON for a ``data-`` attribute."""
    return json.dumps(entry.texts, ensure_ascii=False, separators=(",", ":"))


def render_finder(ctx: PageContext) -> GeneratedPage:
    view = PageView(ctx, FINDER)
    entries = finder_entries(ctx.handbook)
    entries.sort(key=lambda e: (e.kind != "process", ctx.title(e.kind, e.entity_id).casefold()))
    body = render(
        "finder.md.j2",
        view,
        entries=entries,
        match_data=match_data,
        tel_href=tel_href,
    )
    # The finder is found by the question, not by every word on it: its cards repeat
    # every title, which would put it on top of every search.
    meta = front_matter(
        ctx.texts("page.finder"),
        tags=ctx.texts("page.finder-search-terms").split(", "),
        extra={"hide": ["toc"]},
    )
    return GeneratedPage(FINDER, meta + body)
