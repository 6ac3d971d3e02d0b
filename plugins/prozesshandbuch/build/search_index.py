"""Adds a hidden field of names to Material's search index after Material wrote it.

Material's search indexes a page's title, text and tags, and shows all three with each
result. Two things need a field that counts but is never shown: the umlaut-free
spellings of names ("Fuehrerschein"), which must be found but would look like typos
next to the real name, and a weight above tags, so that a process page ranks first for
its own name although role pages list the same name among their responsibilities.
Material's worker indexes every field named in the index's ``config.fields``.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

NAMES_FIELD = "names"
NAMES_BOOST = 1e7
"""Above Material's tags (1e6) and titles (1e3): a page's own name decides first."""


def add_names(index: dict[str, Any], names: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    """The index with ``names`` (page location -> names) on each page's first entry."""
    fields = index.setdefault("config", {}).setdefault("fields", {})
    fields[NAMES_FIELD] = {"boost": NAMES_BOOST}
    for doc in index.get("docs", []):
        page_names = names.get(doc.get("location", ""))
        if page_names:
            # Never shown, but escaped like Material's other fields, in case it ever is.
            doc[NAMES_FIELD] = [html.escape(name, quote=False) for name in page_names]
    return index


def add_names_to_file(path: Path, names: dict[str, tuple[str, ...]]) -> bool:
    """Rewrite Material's ``search_index.json`` with the names; False if there is none."""
    if not path.is_file():
        return False
    index = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(
        json.dumps(add_names(index, names), ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8",
    )
    return True
