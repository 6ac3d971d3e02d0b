"""The one place that turns text into DOT: string literals and attribute lists.

Everything an author writes (titles, branch labels) and everything the generator computes
(tooltips, relative URLs, CSS classes) reaches Graphviz through :func:`quote`, so that no
content can close a string, add an attribute, start a statement or name a port. Node ids
are never content: the graph builders use synthetic ids such as ``n0``.

Graphviz reads a quoted string in several passes, and :func:`quote` undoes all of them:

* the parser ends the string at an unescaped ``"``;
* labels expand ``\\N``, ``\\G``, ... and ``\\n``, ``\\l``, ``\\r``, turn ``\\\\`` into one
  backslash, and decode HTML entities such as ``&amp;``;
* tooltips go through one more pass first (``\\\\`` -> ``\\``, ``\\n`` -> newline), then the
  same substitution of ``\\N``, ``\\G``, ``\\E``, ``\\L``, ... as labels.

So a backslash is written twice in a label and four times in a tooltip, and ``&`` as
``&amp;``; then every pass hands back the author's text unchanged, and ``a\\b``, ``\\N``,
``&lt;`` or a trailing backslash are drawn as written. ``tests/test_diagrams_svg.py``
checks this against the real ``dot`` for every character that has a meaning to it.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping

AttrValue = str | int | float | bool

_ATTRIBUTE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Characters that XML 1.0 cannot carry (control characters other than the newline, lone
# surrogates, U+FFFE/U+FFFF): dot would copy them into the SVG and break it.
_UNPRINTABLE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def quote(text: str, *, tooltip: bool = False) -> str:
    """A DOT string literal that Graphviz shows as exactly ``text``.

    ``tooltip`` selects the escaping for the ``tooltip`` attribute, which Graphviz unescapes
    once more than labels. A newline becomes a line break (``\\n``); other control
    characters, lone surrogates and XML non-characters become spaces, because the SVG
    could not hold them.
    """
    backslash = "\\" * (4 if tooltip else 2)
    cleaned = printable(text)
    escaped = cleaned.replace("\\", backslash).replace('"', '\\"').replace("&", "&amp;")
    return '"' + escaped.replace("\n", "\\n") + '"'


def attr_list(attrs: Mapping[str, AttrValue]) -> str:
    """``[name="value", ...]`` with every value passed through :func:`quote`.

    Names come from code, never from content; a name that is not an identifier is a bug.
    """
    parts = []
    for name, value in attrs.items():
        if not _ATTRIBUTE_NAME.fullmatch(name):
            raise ValueError(f"not a DOT attribute name: {name!r}")
        parts.append(f"{name}={quote(_format(value), tooltip=name == 'tooltip')}")
    return "[" + ", ".join(parts) + "]"


def wrap(text: str, width: int) -> str:
    """Break ``text`` into lines of about ``width`` characters, keeping the author's breaks.

    Words are never split, so joining the lines with spaces gives the text back (the
    tests rely on this to compare what dot drew with what the author wrote).
    """
    lines: list[str] = []
    for paragraph in printable(text).split("\n"):
        lines.extend(
            textwrap.wrap(
                paragraph,
                width,
                break_long_words=False,
                break_on_hyphens=False,
                replace_whitespace=False,
                drop_whitespace=True,
            )
            or [""]
        )
    return "\n".join(lines)


def _format(value: AttrValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(value)


def printable(text: str) -> str:
    """``text`` with line ends as ``\\n`` and characters XML cannot hold as spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNPRINTABLE.sub(" ", text)
