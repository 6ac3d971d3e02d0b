"""Safe text for generated pages: escaping, sanitised Markdown, search variants."""

from __future__ import annotations

import functools
import html
import re

import markdown as markdown_lib
import nh3
from markupsafe import Markup

from ..content.textfold import fold_umlauts

# Backslash escapes that Python-Markdown understands; together with HTML escaping this
# makes any content string literal inside a Markdown heading or paragraph.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")
_ALLOWED_SCHEMES = {"http", "https", "mailto"}
_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h3",
    "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "strong", "sub", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip


@functools.cache
def _markdown() -> markdown_lib.Markdown:
    # Building a Markdown instance costs far more than converting a short text with it.
    return markdown_lib.Markdown(extensions=["sane_lists", "tables"])


def escape_markdown(text: str) -> str:
    """Content text made literal for a Markdown line (headings, plain paragraphs)."""
    one_line = " ".join(text.split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(one_line, quote=False))


# Remembered by text: pure functions, and a `mkdocs serve` rebuild renders the same
# descriptions again; a step's description also appears on several pages.
@functools.lru_cache(maxsize=16384)
def render_markdown(text: str | None) -> Markup:
    """Author Markdown rendered and sanitised: no script, no event handlers, no
    ``javascript:``/``data:`` links, no raw HTML beyond simple formatting."""
    if not text:
        return Markup("")
    rendered = _markdown().reset().convert(text)
    clean = nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}},
        url_schemes=_ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return Markup(clean)


@functools.lru_cache(maxsize=16384)
def plain_text(text: str | None, limit: int = 200) -> str:
    """Markdown reduced to plain text, for page descriptions."""
    if not text:
        return ""
    stripped = nh3.clean(_markdown().reset().convert(text), tags=set())
    one_line = " ".join(html.unescape(stripped).split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1].rstrip() + "…"


def search_terms(*groups: list[str] | tuple[str, ...]) -> list[str]:
    """Terms for the search index's tags, as written, in order, once. Material shows tags
    with each result, so only real words go here (no umlaut-free spellings)."""
    terms: list[str] = []
    for group in groups:
        for term in group:
            if term and term not in terms:
                terms.append(term)
    return terms


def search_names(*groups: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The names a page is found by first: as written and in umlaut-free spelling
    ('Führerschein', 'Fuehrerschein'). They go into a search field nobody sees."""
    names: list[str] = []
    for group in groups:
        for term in group:
            for variant in (term, fold_umlauts(term)):
                if variant and variant not in names:
                    names.append(variant)
    return tuple(names)


def safe_url(url: str | None) -> str | None:
    """The URL if its scheme is allowed, else None (validation also rejects it)."""
    if not url:
        return None
    scheme = url.strip().split(":", 1)[0].lower() if ":" in url else ""
    return url.strip() if scheme in _ALLOWED_SCHEMES else None
