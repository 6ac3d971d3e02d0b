"""The page memo on disk, so that the next ``mkdocs build`` reuses the entity pages of the
last one.

The memo (see :mod:`memo`) decides from the handbook which pages may have changed; across
processes it must also know that nothing else that makes a page changed. So the file is
stamped with the plugin's code (version, every module and template), the plugin's
settings and the MkDocs settings pages read (addresses, repository links). A file with
another stamp, another format, or anything that cannot be read is ignored whole and
overwritten after the build, never partly used. It lives in ``.cache/`` and is safe to
delete. JSON, not pickle: a cache file must not be able to run code.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from ..content.fingerprint import code_fingerprint, value_digest
from .memo import PageMemo

FILE_NAME = "pages.json"
FORMAT = 1


def memo_stamp(settings: Any) -> str:
    """What besides the handbook decides the pages: the code and ``settings`` (JSON data)."""
    return value_digest(FORMAT, code_fingerprint(), settings).hex()


def load_memo(memo: PageMemo, path: Path, stamp: str) -> bool:
    """Fill ``memo`` from ``path`` if the file is whole and carries ``stamp``."""
    try:
        with path.open(encoding="utf-8") as source:
            data = json.load(source)
    except (OSError, ValueError):
        return False
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("stamp") != stamp:
        return False
    return memo.restore(data.get("memo"))


def save_memo(memo: PageMemo, path: Path, stamp: str) -> None:
    """Write ``memo`` to ``path``; a file that cannot be written costs the next build time."""
    exported = memo.export()
    if exported is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so that a parallel build never reads half a file.
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"format": FORMAT, "stamp": stamp, "memo": exported}, out)
            os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)
    except OSError:
        pass
