"""Confirm a review: set a process's ``review.last_reviewed`` by editing one spot.

The file is the author's: comments, order, quoting and blank lines stay as they are.
Only the date's characters change (or one line is added where there was no date), and
the result is parsed again and compared with the original before anything is written,
so a file whose layout the editor did not foresee is refused rather than damaged.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..content.model import SLUG_PATTERN

_SLUG = re.compile(SLUG_PATTERN)


class StampError(Exception):
    """Why a file was left unchanged; ``code`` selects the text, ``args`` fill it in."""

    def __init__(self, code: str, **args: object) -> None:
        super().__init__(code)
        self.code = code
        self.args_ = args


@dataclass(frozen=True)
class Stamp:
    """The edit for one file: new text, and where the date stands in it (1-based)."""

    text: str
    line: int
    column: int
    previous: str | None
    """The date that was there before, as written; None if there was none."""


def process_file(content_dir: Path, process_id: str) -> Path:
    """The file of ``process_id``; only ids that are file names can name a file."""
    if not _SLUG.match(process_id):
        raise StampError("invalid-id", id=process_id)
    return content_dir / "processes" / f"{process_id}.yml"


def stamp_review(text: str, day: dt.date) -> Stamp:
    """``text`` with ``review.last_reviewed`` set to ``day``, changed in one place only."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        before = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise StampError("unreadable", detail=str(error).splitlines()[0]) from None
    if not isinstance(root, yaml.MappingNode) or not isinstance(before, dict):
        raise StampError("unexpected-layout")
    newline = "\r\n" if "\r\n" in text else "\n"
    stamp = _edit(text, root, day.isoformat(), newline)
    _verify(before, stamp.text, day)
    return stamp


def _value(mapping: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    for key_node, value_node in mapping.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def _edit(text: str, root: yaml.MappingNode, date: str, newline: str) -> Stamp:
    review = _value(root, "review")
    if review is None:
        return _add_review_block(text, root, date, newline)
    _, review_value = review
    if not isinstance(review_value, yaml.MappingNode):
        raise StampError("unexpected-layout")
    found = _value(review_value, "last_reviewed")
    if found is not None:
        _, date_node = found
        if not isinstance(date_node, yaml.ScalarNode):
            raise StampError("unexpected-layout")
        start, end = date_node.start_mark, date_node.end_mark
        previous = text[start.index : end.index]
        return Stamp(
            text[: start.index] + date + text[end.index :],
            start.line + 1,
            start.column + 1,
            previous,
        )
    if review_value.flow_style:
        # `review: {interval_months: 6}` -> `review: {last_reviewed: DATE, interval_months: 6}`
        brace = review_value.start_mark.index
        separator = ", " if review_value.value else ""
        insert = f"last_reviewed: {date}{separator}"
        mark = review_value.start_mark
        column = mark.column + 2 + len("last_reviewed: ")
        return Stamp(text[: brace + 1] + insert + text[brace + 1 :], mark.line + 1, column, None)
    # A block mapping: a new first line with the indentation of its first key.
    first_key = review_value.value[0][0].start_mark
    line_start = first_key.index - first_key.column
    indent = " " * first_key.column
    insert = f"{indent}last_reviewed: {date}{newline}"
    column = first_key.column + 1 + len("last_reviewed: ")
    return Stamp(text[:line_start] + insert + text[line_start:], first_key.line + 1, column, None)


def _add_review_block(text: str, root: yaml.MappingNode, date: str, newline: str) -> Stamp:
    """A new ``review:`` block before ``steps`` (where the demo keeps it), else at the end."""
    if root.flow_style:
        raise StampError("unexpected-layout")
    indent = root.value[0][0].start_mark.column if root.value else 0
    lines = f"{' ' * indent}review:{newline}{' ' * (indent + 2)}last_reviewed: {date}{newline}"
    column = indent + 3 + len("last_reviewed: ")
    steps = _value(root, "steps")
    if steps is not None:
        mark = steps[0].start_mark
        at = mark.index - mark.column
        return Stamp(text[:at] + lines + text[at:], mark.line + 2, column, None)
    if text and not text.endswith("\n"):
        text += newline
    return Stamp(text + lines, text.count("\n") + 2, column, None)


def _verify(before: dict[str, Any], after_text: str, day: dt.date) -> None:
    """The edited file must read as the original with only the date changed."""
    try:
        after = yaml.safe_load(after_text)
    except yaml.YAMLError:
        raise StampError("unexpected-layout") from None
    expected = dict(before)
    review = dict(expected.get("review") or {})
    review["last_reviewed"] = day
    expected["review"] = review
    if after != expected:
        raise StampError("unexpected-layout")


def write_in_place(path: Path, text: str) -> None:
    """Replace ``path`` atomically: a reader never sees half a file."""
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", newline="", dir=path.parent, prefix=".reviewed-", delete=False
    ) as handle:
        handle.write(text)
        temporary = Path(handle.name)
    try:
        os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
