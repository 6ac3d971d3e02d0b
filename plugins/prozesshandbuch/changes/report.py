"""A Markdown report of a diff, meant as a merge-request comment."""

from __future__ import annotations

import re

from ..history import Diff
from .revisions import ChangeDescriber

_REPORT: dict[str, dict[str, str]] = {
    "heading": {"de": "## Änderungen im Prozesshandbuch", "en": "## Changes to the handbook"},
    "range": {"de": "Vergleich `{rev}`: {count}.", "en": "Comparing `{rev}`: {count}."},
    "range-worktree": {
        "de": "Vergleich `{rev}` mit dem Arbeitsverzeichnis: {count}.",
        "en": "Comparing `{rev}` with the working tree: {count}.",
    },
    "count-one": {"de": "1 Inhaltsdatei geändert", "en": "1 content file changed"},
    "count-many": {"de": "{n} Inhaltsdateien geändert", "en": "{n} content files changed"},
    "none": {"de": "Keine Änderungen an Inhaltsdateien.", "en": "No changes to content files."},
    "process": {"de": "Prozess", "en": "process"},
    "role": {"de": "Rolle", "en": "role"},
    "unit": {"de": "Organisationseinheit", "en": "organisational unit"},
    "system": {"de": "IT-System", "en": "IT system"},
    "file": {"de": "Datei", "en": "file"},
}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _report_text(key: str, language: str, **args: str) -> str:
    texts = _REPORT[key]
    return texts.get(language, texts["de"]).format(**args)


def markdown_escape(text: str) -> str:
    """Author text made literal in Markdown (a title like ``VOIS|MESO`` or ``*neu*``)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def diff_report(
    diff: Diff, describer: ChangeDescriber, revisions: str, language: str = "de"
) -> str:
    """A Markdown comment for a merge request: each changed content file in words."""
    count = len(diff.files)
    counted = (
        _report_text("count-one", language)
        if count == 1
        else _report_text("count-many", language, n=str(count))
    )
    range_key = "range" if ".." in revisions else "range-worktree"
    lines = [_report_text("heading", language), ""]
    if not diff.files:
        lines.append(_report_text("none", language))
        return "\n".join(lines) + "\n"
    lines += [_report_text(range_key, language, rev=revisions, count=counted), ""]
    contents = [(file, diff.old_content(file), diff.new_content(file)) for file in diff.files]
    for file, old, new in contents:  # all titles first, so the order of files does not matter
        describer.learn_title(file.path, new)
        describer.learn_title(file.old_path or file.path, old)
    for file, old, new in contents:
        description = describer.describe_files(
            file.path, file.status, old, new, old_path=file.old_path
        )
        kind = _report_text(description.kind or "file", language)
        title = markdown_escape(description.title)
        lines.append(f"- **{title}** ({kind}, `{file.path}`)")
        lines += [f"  - {markdown_escape(line)}" for line in description.lines]
    return "\n".join(lines) + "\n"
