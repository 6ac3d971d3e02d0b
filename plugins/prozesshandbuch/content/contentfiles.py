"""Which files of the content folder are read, refusing what is not a plain content file.

The content folder is untrusted like the files in it: a symbolic link may point at
``/etc/passwd`` or at a folder outside the repository, a folder may be called ``x.yml``,
a link may be broken. None of these may be read or crash the run; each is a problem of
its own path, and the other files are read as usual. YAML files that are not read at all
(an unknown folder such as ``prozesse/``, a subfolder, ``X.YML``) get a warning, since
their author surely meant them to count.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from .model import FOLDER_BY_KIND, EntityKind
from .problems import START, Problem, Severity, closest
from .yamlsource import MAX_BYTES

SUFFIXES = (".yml", ".yaml")
_KIND_BY_FOLDER = {folder: kind for kind, folder in FOLDER_BY_KIND.items()}
# The site's German addresses (/prozesse/, /rollen/) make these folder names likely.
_GERMAN_FOLDERS = {
    "prozesse": "processes",
    "rollen": "roles",
    "einheiten": "units",
    "organisation": "units",
    "systeme": "systems",
}


def find_content_files(
    content_dir: Path, base: str, root: Path, problems: list[Problem]
) -> Iterator[tuple[EntityKind, Path, str]]:
    """The content files to read, sorted, as (kind, path, path relative to ``root``).

    ``base`` is ``content_dir`` relative to ``root``. Links may point anywhere inside the
    handbook's root or the content folder; anything else is reported in ``problems``.
    """
    inside = _Inside(root, content_dir)
    for entry in _entries(content_dir):
        relative = f"{base}/{entry.name}"
        kind = _KIND_BY_FOLDER.get(entry.name)
        if entry.is_symlink() and not inside(entry):
            problems.append(_problem(relative, "symlink-outside"))
        elif kind is not None and entry.is_dir():
            yield from _kind_folder(kind, entry, relative, inside, problems)
        elif entry.is_dir():
            meant = _GERMAN_FOLDERS.get(entry.name.lower()) or closest(
                entry.name, list(_KIND_BY_FOLDER)
            )
            for file in _yaml_files_below(entry, relative):
                problems.append(
                    _not_read(file, "ignored-folder", folder=entry.name, candidate=meant)
                )
        elif _looks_like_yaml(entry.name):
            problems.append(_not_read(relative, "ignored-top-level"))


def read_content_file(file: Path, relative: str, problems: list[Problem]) -> bytes | None:
    """The bytes of one content file, or None with a problem (too large, unreadable)."""
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:  # refused before reading: a huge file must not fill memory
            problems.append(Problem(relative, START, "file-too-large", {"size": str(size)}))
            return None
        return file.read_bytes()
    except OSError as error:
        code = "unreadable-permission" if error.errno == errno.EACCES else "unreadable-file"
        problems.append(_problem(relative, code))
        return None


def _kind_folder(
    kind: EntityKind, folder: Path, relative: str, inside: _Inside, problems: list[Problem]
) -> Iterator[tuple[EntityKind, Path, str]]:
    for entry in _entries(folder):
        path = f"{relative}/{entry.name}"
        suffix = PurePosixPath(entry.name).suffix
        if entry.is_dir() and not entry.is_symlink() and suffix.lower() not in SUFFIXES:
            for file in _yaml_files_below(entry, path):
                problems.append(_not_read(file, "ignored-subfolder", folder=relative))
            continue
        if suffix.lower() not in SUFFIXES:
            continue  # a README or an image next to the content is no content
        if suffix not in SUFFIXES:
            problems.append(_not_read(path, "ignored-suffix", suffix=suffix))
        elif entry.is_symlink() and not entry.exists():
            problems.append(_problem(path, "broken-symlink"))
        elif entry.is_symlink() and not inside(entry):
            problems.append(_problem(path, "symlink-outside"))
        elif not entry.is_file():
            problems.append(_problem(path, "not-a-file"))
        else:
            yield kind, entry, path


class _Inside:
    """Whether a link's target lies inside the handbook's root or the content folder."""

    def __init__(self, root: Path, content_dir: Path) -> None:
        self._bases = (root.resolve(), content_dir.resolve())

    def __call__(self, link: Path) -> bool:
        try:
            target = link.resolve()
        except (OSError, RuntimeError):  # a loop of links
            return False
        return any(target == base or base in target.parents for base in self._bases)


def _entries(folder: Path) -> list[Path]:
    """Visible entries of ``folder``, sorted; none when it cannot be listed."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    return [folder / name for name in names if not name.startswith(".")]


def _yaml_files_below(folder: Path, relative: str) -> Iterator[str]:
    """YAML-looking files below ``folder`` (links not followed), relative paths, sorted."""
    for current, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        prefix = Path(current).relative_to(folder).as_posix()
        for name in sorted(files):
            if _looks_like_yaml(name):
                inner = name if prefix == "." else f"{prefix}/{name}"
                yield f"{relative}/{inner}"


def _looks_like_yaml(name: str) -> bool:
    return not name.startswith(".") and PurePosixPath(name).suffix.lower() in SUFFIXES


def _problem(path: str, code: str) -> Problem:
    return Problem(path, START, code)


def _not_read(path: str, code: str, **args: str | None) -> Problem:
    filled = {key: value for key, value in args.items() if value is not None}
    return Problem(path, START, code, filled, Severity.WARNING)
