"""Fingerprints for caches: the plugin's own code, and a set of content files.

Every cache of the plugin (the results of ``check``, finished pages) puts the code
fingerprint into its key. It hashes the package's files themselves, not only the
version number, so an edited template or an editable install with changed code never
reads what older code wrote.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).parent.parent


@functools.cache
def code_fingerprint() -> str:
    """SHA-256 over the plugin's version and every file of the package (code, templates)."""
    try:
        version = metadata.version("prozesshandbuch")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return package_fingerprint(PACKAGE, version)


def package_fingerprint(folder: Path, version: str) -> str:
    """SHA-256 over ``version`` and every file below ``folder`` but compiled bytecode."""
    digest = hashlib.sha256(version.encode() + b"\0")
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def files_fingerprint(paths: Iterable[tuple[str, Path]]) -> str:
    """SHA-256 over named files' names and bytes; raises OSError if one cannot be read."""
    digest = hashlib.sha256()
    for name, path in paths:
        data = path.read_bytes()
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def value_digest(*parts: object) -> bytes:
    """A short digest of Python values by their ``repr``, for memo keys.

    Only for values whose ``repr`` shows all they hold (strings, numbers, dates, enums,
    and tuples, lists and dicts of these); the memos of :mod:`pages.memo` and
    :mod:`diagrams.build` key what a page or flow is made from with it. The page memo is
    also kept on disk: a value whose ``repr`` differs between processes (a set's order)
    would only cost reuse, never give a stale page.
    """
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(repr(part).encode("utf-8", "surrogatepass"))
        hasher.update(b"\0")
    return hasher.digest()
