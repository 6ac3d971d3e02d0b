"""The guide for process owners: how to write and change content.

Shipped with the plugin so every handbook has it, in German (``guide.de.md``) and English
(``guide.en.md``); a hand-written ``docs/anleitung.md`` replaces it.
"""

from __future__ import annotations

from importlib.resources import files

from ..content.urls import GUIDE
from ..i18n import LANGUAGES, language_index
from .context import GeneratedPage, PageContext
from .render import front_matter


def guide_text(language: str) -> str:
    """The guide's Markdown in ``language``; unknown languages read German."""
    name = f"templates/guide.{LANGUAGES[language_index(language)]}.md"
    return files("prozesshandbuch").joinpath(name).read_text(encoding="utf-8")


def render_guide(ctx: PageContext) -> GeneratedPage:
    text = guide_text(ctx.texts.language)
    title = text.splitlines()[0].lstrip("# ").strip()
    return GeneratedPage(GUIDE, front_matter(title) + text)
