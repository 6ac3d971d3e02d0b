"""How the change descriptions speak: the catalogue in one language, titles and quoting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...i18n import format_date, has, plural, text

Titles = Callable[[str, str], str]
"""``titles(kind, id)``: the current title of an entity, or the id when unknown."""

# Enum values read as on the site: one wording for pages and for changes in words.
ENUM_FAMILIES = ("status", "category", "variant", "customer")


@dataclass(frozen=True)
class Say:
    """Phrasing in one language, with the titles of the current handbook."""

    language: str
    titles: Titles
    show_holders: bool = True

    def __call__(self, key: str, **params: str) -> str:
        return text(key, self.language, **params)

    def noun(self, key: str, count: int) -> str:
        """The singular or plural noun of a list field (``change.noun.tags``)."""
        return plural(key, count, self.language)

    def quote(self, quoted: str) -> str:
        return text("change.quote", self.language, text=quoted)

    def date(self, day: dt.date) -> str:
        return format_date(day, self.language)

    def enum(self, value: Any) -> str:
        raw = str(getattr(value, "value", value))
        for family in ENUM_FAMILIES:
            if has(f"{family}.{raw}"):
                return text(f"{family}.{raw}", self.language)
        return raw

    def title(self, kind: str, entity_id: str | None) -> str:
        return self.titles(kind, entity_id) if entity_id else "–"
