"""The finder "Wer ist zuständig?": one answer card per process and role.

The cards are complete, escaped HTML like any page, but they lie in a file of their own
beside the page (``antworten.json``: HTML in JSON, so that it is not a page of the site),
one string per card, with the texts to match and each entry's status in lists of the
same order. The finder script loads it when the page opens, ranks the entries as one
types and puts only the cards it shows into the page. So the page weighs the same for ten
processes or five thousand, and only a reader who opens the finder loads the cards.
Without JavaScript the page points to the lists of processes and roles.
"""

from __future__ import annotations

import json
import re

from ..analysis.finder import finder_entries
from ..content.urls import AREA_INDEX, FINDER, FINDER_ANSWERS
from .context import GeneratedPage, PageContext
from .render import PageView, front_matter, render, template_module

_NOT_DIALLED = re.compile(r"[^0-9+]")


def tel_href(phone: str) -> str | None:
    """A ``tel:`` link for a phone number as written ("0123 4567-100"), or None."""
    digits = _NOT_DIALLED.sub("", phone)
    return f"tel:{digits}" if len(digits) >= 3 else None


def render_finder(ctx: PageContext) -> GeneratedPage:
    view = PageView(ctx, FINDER)
    entries = finder_entries(ctx.handbook)
    entries.sort(key=lambda e: (e.kind != "process", ctx.title(e.kind, e.entity_id).casefold()))
    card = template_module("finder_answers.html.j2", view, tel_href=tel_href).card
    cards = [str(card(entry)).strip() for entry in entries]
    body = render(
        "finder.md.j2",
        view,
        answers_url=FINDER_ANSWERS,
        process_index=AREA_INDEX["process"],
        role_index=AREA_INDEX["role"],
    )
    # The finder is found by the question, not by every word on it.
    meta = front_matter(
        ctx.texts("page.finder"),
        tags=ctx.texts("page.finder-search-terms").split(", "),
        extra={"hide": ["toc"]},
    )
    # The texts to match and the status go beside the cards, in card order: the script
    # ranks every entry from them and turns only the cards it shows into markup.
    match = [entry.texts for entry in entries]
    standing = [view.standing_value(e.entity_id) if e.kind == "process" else "" for e in entries]
    answers = json.dumps(
        {"cards": cards, "match": match, "standing": standing},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return GeneratedPage(
        FINDER, meta + body, files=((ctx.urls.beside(FINDER, FINDER_ANSWERS), answers),)
    )
