"""The words of the handbook, for the search box's spelling help (assets/search.js).

Material's search only finds words as they are indexed; the search script replaces a
query word that is one typo or an umlaut spelling away from one of these words. The
order says which word wins when two are equally close: names before step texts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from .model import Handbook

_WORD = re.compile(r"[^\W_]{4,}")
"""Letters and digits; shorter words are never corrected, so they are left out."""


def handbook_words(handbook: Handbook) -> list[str]:
    """Every word of titles, keywords, tags and responsibilities, most important first."""
    texts: list[Iterable[str]] = []
    for process in handbook.processes.values():
        texts.append([process.title, *process.keywords])
    for role in handbook.roles.values():
        texts.append([role.title, *role.responsibilities])
    texts.append(unit.title for unit in handbook.units.values())
    texts.append(system.title for system in handbook.systems.values())
    for process in handbook.processes.values():
        texts.append(process.tags)
    for process in handbook.processes.values():
        texts.append(step.title for step in process.steps)
    seen: dict[str, None] = {}
    for group in texts:
        for text in group:
            for word in _WORD.findall(text):
                seen.setdefault(word, None)
    return list(seen)


def vocabulary_json(handbook: Handbook) -> bytes:
    """The words as the JSON file the search script loads."""
    return json.dumps(handbook_words(handbook), ensure_ascii=False).encode("utf-8")
