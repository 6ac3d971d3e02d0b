"""MkDocs adapter: wires the pipeline into MkDocs events. The only module importing MkDocs
besides config.py; everything it calls is plain Python and testable without a build."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .check import CheckResult, check_handbook
from .config import PluginConfig
from .messages import message
from .pages import GeneratedPage, PageContext, build_pages
from .pages.labels import Labels
from .relations import build_relations
from .timing import Timings
from .urls import SiteUrls

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent / "assets"
ASSET_PREFIX = "assets/prozesshandbuch/"


class ProzesshandbuchPlugin(BasePlugin[PluginConfig]):  # type: ignore[no-untyped-call]
    """Generates the handbook's pages from the YAML content folder."""

    def __init__(self) -> None:
        self._timings = Timings()
        self._build_started = 0.0
        self._check: CheckResult | None = None
        self._root = Path.cwd()
        self._generated: dict[str, GeneratedPage] = {}

    # Validation runs in on_config, before MkDocs cleans the site folder, so a failed
    # build leaves the previously built site untouched.
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        language = self.config.language
        self._timings = Timings()
        self._build_started = time.perf_counter()
        with self._timings.phase("load_validate"):
            result = check_handbook(self._content_dir(), self._root, self._today())
        self._check = result
        if result.errors:
            raise PluginError(self._report("build-failed", result.errors))
        if config.strict and result.warnings:
            raise PluginError(self._report("strict-warnings", result.warnings))
        for problem in result.warnings:
            log.warning(problem.format(language))
        for name in sorted(p.name for p in ASSETS.glob("*.css")):
            if ASSET_PREFIX + name not in config.extra_css:
                config.extra_css.append(ASSET_PREFIX + name)
        for name in sorted(p.name for p in ASSETS.glob("*.js")):
            if ASSET_PREFIX + name not in config.extra_javascript:
                config.extra_javascript.append(ASSET_PREFIX + name)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self._check is not None  # on_config always ran first
        handbook = self._check.handbook
        with self._timings.phase("relations"):
            relations = build_relations(handbook)
        ctx = PageContext(
            handbook=handbook,
            relations=relations,
            urls=SiteUrls(config.use_directory_urls),
            labels=Labels(self.config.language),
            today=self._today(),
            show_holders=self.config.show_holders,
            edit_base=self._edit_base(config),
        )
        self._generated = {}
        with self._timings.phase("pages"):
            pages = build_pages(ctx)
        self._timings.count("pages", len(pages))
        for page in pages:
            if files.get_file_from_path(page.src) is not None:
                continue  # a hand-written page of the same name wins
            files.append(File.generated(config, page.src, content=page.markdown))
            self._generated[page.src] = page
        for asset in sorted(ASSETS.iterdir()):
            if asset.is_file():
                files.append(
                    File.generated(config, ASSET_PREFIX + asset.name, content=asset.read_bytes())
                )
        if self.config.publish_sources:
            for path in sorted(handbook.paths.values()):
                files.append(
                    File.generated(
                        config, f"quellen/{path}", content=(self._root / path).read_bytes()
                    )
                )
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        generated = self._generated.get(page.file.src_uri)
        if generated is not None:
            base = self._edit_base(config)
            page.edit_url = (
                f"{base}/{generated.source_path}" if base and generated.source_path else None
            )
        return markdown

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        total = time.perf_counter() - self._build_started
        self._timings.seconds["mkdocs_render"] = total - sum(self._timings.seconds.values())
        self._timings.seconds["total"] = total
        self._timings.write_if_requested()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self._content_dir()))
        return server

    # -- helpers ---------------------------------------------------------------------------

    def _content_dir(self) -> Path:
        return (self._root / self.config.content_dir).resolve()

    def _today(self) -> dt.date:
        if self.config.today:
            try:
                return dt.date.fromisoformat(self.config.today)
            except ValueError as error:
                raise PluginError(f"prozesshandbuch: today: {error}") from None
        return dt.date.today()

    def _report(self, code: str, problems: list[Any]) -> str:
        language = self.config.language
        lines = [message(code, language, {"count": str(len(problems))})]
        lines.extend(p.format(language) for p in problems)
        return "\n".join(lines)

    def _edit_base(self, config: MkDocsConfig) -> str | None:
        """Forge URL of the repository root for editing, or None when not configured."""
        if not config.repo_url:
            return None
        edit_uri = self.config.edit_uri
        if edit_uri is None:
            edit_uri = config.edit_uri or ""
            docs_name = Path(config.docs_dir).name
            if edit_uri.rstrip("/").endswith(docs_name):
                edit_uri = edit_uri.rstrip("/")[: -len(docs_name)]
        if not edit_uri:
            return None
        return config.repo_url.rstrip("/") + "/" + edit_uri.strip("/")
