"""All-or-nothing writing of imported content files.

Files go to a temporary folder next to the content folder first; only when every file
is there are they moved into place, each with an atomic rename. Existing files are never
replaced unless the caller passes ``force``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from ..content.model import FOLDER_BY_KIND, EntityKind

_SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/{kind}.schema.json\n"


def yaml_text(kind: EntityKind, data: dict[str, Any], note: str | None = None) -> str:
    """A content file as the demo writes them: schema line, optional note, block style."""
    body = yaml.dump(
        _with_dates(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100
    )
    head = _SCHEMA_LINE.format(kind=kind)
    if note:
        head += "".join(f"# {line}\n" for line in note.splitlines())
    return head + body


class _Dumper(yaml.SafeDumper):
    """Block style for text with line breaks (``|``), as a person would write it."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # PyYAML falls back to quoting by itself where a block cannot hold the text exactly.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DATE_KEYS = frozenset({"last_reviewed", "since", "until"})


def _with_dates(node: Any, key: str | None = None) -> Any:
    """Dates as YAML dates (``2026-04-06``), as authors write them, not quoted strings."""
    if isinstance(node, dict):
        return {k: _with_dates(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_with_dates(v) for v in node]
    if key in _DATE_KEYS and isinstance(node, str) and _DATE.match(node):
        return dt.date.fromisoformat(node)
    return node


def relative_path(kind: EntityKind, entity_id: str) -> str:
    return f"{FOLDER_BY_KIND[kind]}/{entity_id}.yml"


def existing(content_dir: Path, files: dict[str, str]) -> list[str]:
    """The relative paths among ``files`` that already exist in ``content_dir``."""
    return [relative for relative in files if (content_dir / relative).exists()]


def write_all(content_dir: Path, files: dict[str, str]) -> list[Path]:
    """Write ``files`` (relative path -> text) below ``content_dir``, all or none."""
    content_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".import-", dir=content_dir.parent))
    try:
        for relative, text in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        written = []
        for relative in files:
            final = content_dir / relative
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / relative, final)
            written.append(final)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)
