"""Build into a staging folder and swap it in only when the whole build succeeded.

MkDocs empties the site folder early in a build, before pages are rendered; any failure
after that (a bug, a theme error, a warning in ``--strict`` mode) used to leave readers
with an empty or half-written handbook. Building into a staging folder keeps the previous
site as it is until the new one is complete.

Both folders live *inside* the site folder as hidden entries: MkDocs' own cleaning leaves
hidden entries alone, the web server's folder keeps its identity (a mount point, its
permissions), and every move is a rename within one file system, so the swap takes
milliseconds. Hidden entries of the old site (``.git`` of a deployment checkout, say)
stay, as they do with MkDocs' own cleaning.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

STAGING = ".prozesshandbuch-staging"
PREVIOUS = ".prozesshandbuch-previous"


class StagedSite:
    """The site folder and its staging folder for one build."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.staging = site_dir / STAGING
        self._previous = site_dir / PREVIOUS

    def prepare(self) -> Path:
        """Create an empty staging folder (left-overs of a killed build are removed)."""
        self.discard()
        shutil.rmtree(self._previous, ignore_errors=True)
        self.staging.mkdir(parents=True)
        return self.staging

    def publish(self) -> None:
        """Replace the visible entries of the site folder with the staged ones."""
        self._previous.mkdir()
        moved_out: list[str] = []
        moved_in: list[str] = []
        try:
            for entry in _visible_entries(self.site_dir):
                os.replace(entry, self._previous / entry.name)
                moved_out.append(entry.name)
            for entry in sorted(self.staging.iterdir()):
                os.replace(entry, self.site_dir / entry.name)
                moved_in.append(entry.name)
        except OSError:
            # Put the previous site back as it was; the caller reports the failure.
            for name in reversed(moved_in):
                os.replace(self.site_dir / name, self.staging / name)
            for name in reversed(moved_out):
                os.replace(self._previous / name, self.site_dir / name)
            shutil.rmtree(self._previous, ignore_errors=True)
            raise
        self.discard()
        shutil.rmtree(self._previous, ignore_errors=True)

    def discard(self) -> None:
        """Remove the staging folder; the site folder stays as it was."""
        shutil.rmtree(self.staging, ignore_errors=True)


def _visible_entries(folder: Path) -> list[Path]:
    return sorted(entry for entry in folder.iterdir() if not entry.name.startswith("."))


class WarningCounter(logging.Handler):
    """Counts warnings of MkDocs and its plugins, as ``--strict`` will count them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    @classmethod
    def attach(cls) -> WarningCounter:
        """A counter listening to the ``mkdocs`` logger from now on."""
        counter = cls()
        logging.getLogger("mkdocs").addHandler(counter)
        return counter

    def detach(self) -> None:
        """Stop listening."""
        logging.getLogger("mkdocs").removeHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
