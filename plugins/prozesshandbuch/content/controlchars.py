"""Characters that must never reach a page or the feed: control characters and the like.

Content and git history are untrusted. A control character is invisible to the author
of a merge request, can make ``feed.xml`` not well-formed (XML 1.0 forbids most of them)
and lets a commit subject pose as a separator of git's output. Content that holds one is
refused with a message (see ``yamlsource``); text from git has them removed.
"""

from __future__ import annotations

import re

# C0 and C1 controls without tab, line feed and carriage return (multi-line descriptions
# need those), DEL, lone surrogates (a YAML escape such as "\ud800" makes one; it cannot
# be written as UTF-8) and the two non-characters XML 1.0 forbids.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("[\t\n\r]+")


def first_forbidden(text: str) -> str | None:
    """The first character of ``text`` that content must not contain, or ``None``."""
    found = _FORBIDDEN.search(text)
    return found[0] if found else None


def code_point(character: str) -> str:
    """A character as an author can look it up: ``U+0007``."""
    return f"U+{ord(character):04X}"


def without_controls(text: str) -> str:
    """``text`` with the characters content must not contain removed (line breaks kept)."""
    return _FORBIDDEN.sub("", text)


def one_line(text: str) -> str:
    """``text`` for a one-line field (a commit subject, an author): controls removed,
    tabs and line breaks turned into a space."""
    return _LINE_BREAKS.sub(" ", _FORBIDDEN.sub("", text)).strip()
