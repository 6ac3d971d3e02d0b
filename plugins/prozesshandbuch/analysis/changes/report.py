"""A Markdown report of a diff, meant as a merge-request comment."""

from __future__ import annotations

import re

from ...i18n import DEFAULT_LANGUAGE, plural, text
from ..history import Diff
from .revisions import ChangeDescriber

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def markdown_escape(text: str) -> str:
    """Author text made literal in Markdown (a title like ``VOIS|MESO`` or ``*neu*``)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def diff_report(
    diff: Diff, describer: ChangeDescriber, revisions: str, language: str = DEFAULT_LANGUAGE
) -> str:
    """A Markdown comment for a merge request: each changed content file in words."""
    counted = plural("report.count", len(diff.files), language)
    range_key = "report.range" if ".." in revisions else "report.range-worktree"
    lines = [text("report.heading", language), ""]
    if not diff.files:
        lines.append(text("report.none", language))
        return "\n".join(lines) + "\n"
    lines += [text(range_key, language, rev=revisions, count=counted), ""]
    contents = [(file, diff.old_content(file), diff.new_content(file)) for file in diff.files]
    for file, old, new in contents:  # all titles first, so the order of files does not matter
        describer.learn_title(file.path, new)
        describer.learn_title(file.old_path or file.path, old)
    for file, old, new in contents:
        description = describer.describe_files(
            file.path, file.status, old, new, old_path=file.old_path
        )
        kind = text(f"report.kind.{description.kind or 'file'}", language)
        title = markdown_escape(description.title)
        lines.append(f"- **{title}** ({kind}, `{file.path}`)")
        lines += [f"  - {markdown_escape(line)}" for line in description.lines]
    return "\n".join(lines) + "\n"
