"""Folding German text to ASCII: the one place that turns "Übergaben" into "uebergaben".

Search variants, anchors of every heading (Markdown's toc extension is configured with
:func:`slugify`) and anchors the plugin writes itself all go through here, so a link to
``#schwachstellen-und-massnahmen`` and the heading it points to always agree.
"""

from __future__ import annotations

import re
import unicodedata

_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def fold_umlauts(text: str) -> str:
    """The spelling people type without umlaut keys: 'Bürgerbüro' -> 'Buergerbuero'."""
    return text.translate(_GERMAN)


def slugify(value: str, separator: str = "-") -> str:
    """An anchor for a heading: umlauts transliterated, other accents dropped.

    'Übergaben' -> 'uebergaben', 'Schwachstellen und Maßnahmen' ->
    'schwachstellen-und-massnahmen', 'Café' -> 'cafe'. The signature is the one
    Markdown's toc extension expects for its ``slugify`` option.
    """
    folded = unicodedata.normalize("NFKD", fold_umlauts(value))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_SLUG.sub(separator, ascii_only).strip(separator)
