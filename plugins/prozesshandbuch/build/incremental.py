"""Reusing finished pages between the rebuilds of ``mkdocs serve --dirty``.

MkDocs renders every page on every rebuild; at a thousand processes that is minutes
after each save. Under ``--dirty`` MkDocs skips a page whose file says it is not
modified, but a generated file always says it is, and Material's search index would
then only hold the pages rebuilt last. This module closes both gaps:

* A generated page's file reports "not modified" when the HTML in the site folder was
  built in this ``serve`` session from the same *page key* (its Markdown, edit link,
  revision date and "Stand" date) under the same *site key* (plugin code and templates,
  ``mkdocs.yml``, theme and its overrides, the hand-written pages, the navigation).
  Anything a page shows is in its Markdown, so a changed title, holder or template
  changes a key and the page is built.
* The search entries of every built page are remembered; before the search plugin
  writes its index, the entries of skipped pages are put back, in page order, so the
  index always holds every page, in the order a full build writes it.

A build that fails while writing pages leaves the site folder in an unknown state: then
everything is forgotten and the next build renders every page. Outside ``serve
--dirty`` nothing is reused. This is MkDocs glue, like plugin.py.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..content.fingerprint import code_fingerprint


class ReusableFile(File):
    """A generated page that may tell MkDocs its HTML in the site folder is current."""

    current = False
    """Set by :class:`PageReuse`: the HTML at ``abs_dest_path`` is this page's."""

    def is_modified(self) -> bool:
        return not self.current


class OutputFile(File):
    """A generated file of the site that no page's HTML follows from: a download, data.

    Left out of the site key, so that adding or removing one (the ``.bpmn`` of a new or
    deleted process) does not rebuild every page. MkDocs writes it on every build, like
    any generated file, so it is always current.
    """


def page_key(
    markdown: str, edit_url: str | None, revision_date: str | None, stand: str | None
) -> str:
    """What the HTML of a generated page follows from, besides the site key."""
    parts = (markdown, edit_url or "", revision_date or "", stand or "")
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def search_plugin(config: MkDocsConfig) -> Any:
    """Material's search plugin if it is configured and looks as expected, else None."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if hasattr(plugin, "search_index_prev") and isinstance(
            getattr(index, "entries", None), list
        ):
            return plugin
    return None


class PageReuse:
    """What one ``serve`` session has written to its site folder, and its search entries."""

    def __init__(self) -> None:
        self.enabled = False
        """True under ``mkdocs serve --dirty`` only."""
        self._site_key: str | None = None
        self._built: dict[str, tuple[str, str]] = {}
        """src_uri -> page key and path of the HTML in the site folder (generated pages)."""
        self._entries: dict[str, list[Any]] = {}
        """src_uri -> search entries of the page's last build (every page)."""
        self._pending: dict[str, tuple[str, str]] = {}
        self._outputs: dict[str, str] = {}
        """src_uri -> path in the site folder of the output files this session may have
        written (see :class:`OutputFile`)."""
        self._pending_outputs: dict[str, str] = {}
        self._fresh: dict[str, list[Any]] = {}
        self._mark = 0
        self._writing = False
        self.reused = 0

    def start(self, *, command: str, dirty: bool) -> None:
        self.enabled = command == "serve" and dirty

    def begin(self) -> None:
        """A build starts (``on_config``)."""
        self._pending = {}
        self._pending_outputs = {}
        self._fresh = {}
        self._mark = 0
        self._writing = False
        self.reused = 0

    def generated_file(
        self, config: MkDocsConfig, src: str, markdown: str, inclusion: InclusionLevel, key: str
    ) -> File:
        """The MkDocs file of a generated page, marked current if its HTML can stay."""
        file = ReusableFile.generated(config, src, content=markdown, inclusion=inclusion)
        assert isinstance(file, ReusableFile)
        self._pending[src] = (key, file.abs_dest_path)
        return file

    def output_file(self, config: MkDocsConfig, src: str, content: str | bytes) -> File:
        """The MkDocs file of a generated download or data file (:class:`OutputFile`)."""
        file = OutputFile.generated(config, src, content=content)
        self._pending_outputs[src] = file.abs_dest_path
        return file

    def decide(self, config: MkDocsConfig, files: Files, nav: Navigation) -> None:
        """Mark the pages whose HTML is current (``on_nav``, before any page is read)."""
        if self.enabled:
            # An output file that is no longer made (its process was deleted) must not
            # stay in the site folder; whatever this build makes may be written from now.
            for src, path in self._outputs.items():
                if src not in self._pending_outputs:
                    Path(path).unlink(missing_ok=True)
            self._outputs = dict(self._pending_outputs)
        if not self.enabled or (search_plugin(config) is None and _has_search(config)):
            self._forget()
            return
        key = site_key(config, files, nav)
        if key != self._site_key:
            self._forget()
            self._site_key = key
            # Hand-written pages follow their file's time under --dirty; after a change
            # of the site they must be built again too.
            for file in files.documentation_pages():
                if not isinstance(file, ReusableFile) and file.abs_dest_path:
                    Path(file.abs_dest_path).unlink(missing_ok=True)
        # A page that is gone (its entity was deleted) must not stay in the site folder.
        for src in [src for src in self._built if src not in self._pending]:
            Path(self._built.pop(src)[1]).unlink(missing_ok=True)
        for file in files.documentation_pages():
            if isinstance(file, ReusableFile):
                built = self._built.get(file.src_uri)
                file.current = (
                    built is not None
                    and built == self._pending.get(file.src_uri)
                    and file.src_uri in self._entries
                    and os.path.isfile(file.abs_dest_path)
                )
                self.reused += file.current

    def page_indexed(self, config: MkDocsConfig, page: Page) -> None:
        """Remember the search entries the search plugin just made for ``page``."""
        search = search_plugin(config)
        if search is None:
            return
        entries = search.search_index.entries
        self._fresh[page.file.src_uri] = entries[self._mark :]
        self._mark = len(entries)

    def writing(self) -> None:
        """Pages are about to be written (``on_env``)."""
        self._writing = True

    def finish(self, config: MkDocsConfig, pages: Iterable[File]) -> None:
        """Complete the search index and commit what was built (``on_post_build``)."""
        search = search_plugin(config)
        entries: list[Any] = []
        for file in pages:
            src = file.src_uri
            if src in self._fresh:
                self._entries[src] = self._fresh[src]
            entries.extend(self._entries.get(src, []))
        if search is not None and self.enabled:
            search.search_index.entries = entries
            # Material's own merge assumes a single rebuilt page; the list is complete.
            search.search_index_prev = None
        for src, built in self._pending.items():
            if src in self._fresh:
                self._built[src] = built
        self._writing = False

    def failed(self) -> None:
        """A build failed (``on_build_error``): distrust the site folder if pages changed."""
        if self._writing:
            self._forget()

    def _forget(self) -> None:
        self._site_key = None
        self._built.clear()
        self._entries.clear()


def _has_search(config: MkDocsConfig) -> bool:
    return any(name.endswith("search") for name in config.plugins)


def site_key(config: MkDocsConfig, files: Files, nav: Navigation) -> str:
    """What every page's HTML follows from besides its own content."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for package in ("mkdocs", "mkdocs-material"):
        try:
            digest.update(metadata.version(package).encode())
        except metadata.PackageNotFoundError:
            digest.update(b"-")
    if config.config_file_path:
        digest.update(Path(config.config_file_path).read_bytes())
    # A site's own theme overrides (`custom_dir`); installed themes count by version.
    custom = config.theme.custom_dir
    if custom:
        for path in sorted(Path(custom).rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    for file in files:
        if not isinstance(file, (ReusableFile, OutputFile)):
            digest.update(file.src_uri.encode() + b"\0")
            if file.abs_src_path:
                stat = os.stat(file.abs_src_path)
                digest.update(f"{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    for page in nav.pages:
        digest.update(page.file.src_uri.encode() + b"\0")
        digest.update((page.title or "").encode() + b"\0")
        if page.title is None and isinstance(page.file, ReusableFile):
            digest.update(page.file.content_bytes)
    return digest.hexdigest()
