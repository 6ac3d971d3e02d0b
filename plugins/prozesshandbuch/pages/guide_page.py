"""The guide for process owners: how to write and change content.

Shipped with the plugin so every handbook has it; a hand-written ``docs/anleitung.md``
replaces it. The guide is German only for now.
"""

from __future__ import annotations

from importlib.resources import files

from ..urls import GUIDE
from .context import GeneratedPage, PageContext
from .render import front_matter


def render_guide(ctx: PageContext) -> GeneratedPage:
    text = files("prozesshandbuch").joinpath("templates/guide.de.md").read_text(encoding="utf-8")
    title = text.splitlines()[0].lstrip("# ").strip()
    return GeneratedPage(GUIDE, front_matter(title) + text)
