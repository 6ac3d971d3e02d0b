"""Changes in words: what a commit changed in a content file, as a reader would say it.

Both revisions of a file are parsed into the content model and compared field by field,
so a reordered YAML key or a new comment is no change, and a new role id reads as the
role's title: "Schritt ‚Antrag prüfen‘: zuständig jetzt Teamleitung statt Sachbearbeitung".

German by default, English with ``language="en"``. A revision that does not parse is
described as faulty, never raised. Fields without a dedicated phrase (e.g. a field added to
the model later) still show up, as "Felder geändert: a, b".

Modules: ``phrasing`` (the texts), ``compare`` (two models -> lines, pure),
``revisions`` (file contents -> models, history entries -> lines, with a cache by blob)
and ``report`` (a diff as a Markdown merge-request comment).
"""

from __future__ import annotations

from .compare import describe_change, match_steps
from .phrasing import Titles
from .report import diff_report, markdown_escape
from .revisions import (
    MISSING,
    UNREADABLE,
    ChangeDescriber,
    Description,
    Revision,
    RevisionCache,
    Unreadable,
    handbook_titles,
    kind_of_path,
    parse_revision,
)

__all__ = [
    "MISSING",
    "UNREADABLE",
    "ChangeDescriber",
    "Description",
    "Revision",
    "RevisionCache",
    "Titles",
    "Unreadable",
    "describe_change",
    "diff_report",
    "handbook_titles",
    "kind_of_path",
    "markdown_escape",
    "match_steps",
    "parse_revision",
]
