"""Content-Security-Policy for every page: defence in depth behind the escaping.

Should content ever slip through as markup, the browser still refuses to run it: scripts
come only from the site's own files or, for the few inline scripts the theme needs, by
the SHA-256 hash of their exact text. The hashes are taken from the theme's own script
templates rendered for the page at hand, never from the finished page, so a script that
content smuggled into a page can never be allowed by accident; and a theme update that
changes its scripts changes the hashes with it.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Mapping
from html.parser import HTMLParser
from typing import Any

from jinja2 import Environment

# Types under which a browser runs a <script> element; others (JSON data) are inert and
# not subject to script-src.
_SCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})

# Directives a policy in a <meta> element may carry (frame-ancestors, report-uri and
# sandbox only work as an HTTP header; see README "Sicherheit").
# - style-src: the theme and the plugin style only through stylesheets; inline style
#   attributes and <style> elements from content are refused, which also blocks CSS
#   tricks that read attribute values.
# - img-src data: Material draws its icons as data: SVGs inside its stylesheet.
# - connect-src/worker-src: the search worker and its index come from the site.
_FIXED_DIRECTIVES = (
    ("default-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


class _InlineScripts(HTMLParser):
    """Collects the text of every inline script a browser would run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        values = {name: value or "" for name, value in attrs}
        runs = values.get("type", "").strip().lower() in _SCRIPT_TYPES
        self._current = [] if runs and "src" not in values else None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> list[str]:
    """The exact text of each inline, runnable ``<script>`` in an HTML fragment."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def script_hash(script: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(script_hashes: Iterable[str]) -> str:
    """The policy of one page, allowing the given inline-script hashes and nothing else."""
    scripts = " ".join(["'self'", *sorted(set(script_hashes))])
    directives = [("script-src", scripts), *_FIXED_DIRECTIVES]
    return "; ".join(f"{name} {value}" for name, value in directives)


def add_policy_meta(page_html: str, page_policy: str) -> str:
    """The page with its policy as the first element after ``<meta charset>``.

    A policy in a ``<meta>`` element only guards what comes after it, so it goes before
    any script, style or content.
    """
    tag = f'<meta http-equiv="Content-Security-Policy" content="{page_policy}">'
    for anchor in ('<meta charset="utf-8">', "<head>"):
        at = page_html.find(anchor)
        if at != -1:
            end = at + len(anchor)
            return page_html[:end] + "\n    " + tag + page_html[end:]
    return page_html


# Where Material keeps the templates of its inline scripts.
SCRIPT_TEMPLATES = "partials/javascripts/"


def theme_script_templates(env: Environment) -> list[str]:
    """The theme's script templates; listed once per build (listing walks the theme)."""
    return sorted(env.list_templates(filter_func=lambda name: name.startswith(SCRIPT_TEMPLATES)))


def theme_script_hashes(
    env: Environment, templates: Iterable[str], context: Mapping[str, Any]
) -> set[str]:
    """Hashes of the theme's inline scripts as they come out for one page's context."""
    rendered = "".join(env.get_template(name).render(context) for name in templates)
    return {script_hash(script) for script in inline_scripts(rendered)}
