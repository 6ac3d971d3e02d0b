"""The order people expect in lists: numbers by value ("Fachbereich 2" before
"Fachbereich 10"), umlauts next to their vowels, and units in their chart order."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

from .model import Handbook

T = TypeVar("T")

_NUMBER = re.compile(r"(\d+)")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key comparing digit runs as numbers and letters without case or umlauts."""
    parts = _NUMBER.split(text.casefold().translate(_FOLD))
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in parts if part)


def units_in_chart_order(handbook: Handbook, unit_ids: Iterable[str]) -> list[str]:
    """Units by their explicit ``order``, then naturally by title (units without an order
    after those with one)."""

    def key(unit_id: str) -> tuple[int, float, tuple[tuple[int, int | str], ...]]:
        unit = handbook.units.get(unit_id)
        if unit is None:
            return (1, 0.0, natural_key(unit_id))
        order = unit.order
        return (0 if order is not None else 1, order or 0.0, natural_key(unit.title))

    return sorted(unit_ids, key=key)


def by_unit_in_chart_order(handbook: Handbook, by_unit: dict[str | None, T]) -> dict[str | None, T]:
    """``by_unit`` with its units in chart order and what has no unit (None) last: the
    order of the reports that are split by unit."""
    order: list[str | None] = [
        *units_in_chart_order(handbook, [unit_id for unit_id in by_unit if unit_id is not None])
    ]
    if None in by_unit:
        order.append(None)
    return {unit_id: by_unit[unit_id] for unit_id in order}
