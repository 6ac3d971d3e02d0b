"""MkDocs adapter: wires the pipeline into MkDocs events. The only module importing MkDocs
besides config.py; everything it calls is plain Python and testable without a build."""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from . import i18n
from .analysis.changes import RevisionCache
from .analysis.findings import build_findings
from .analysis.relations import Relations, build_relations
from .analysis.timeline import Timeline, build_timeline
from .build.config import PluginConfig
from .build.csp import add_policy_meta, policy, theme_script_hashes, theme_script_templates
from .build.htmlblocks import HtmlBlocks, SearchStubs
from .build.incremental import PageReuse, page_key
from .build.progress import BuildProgress
from .build.search_index import add_names_to_file
from .build.staging import StagedSite, WarningCounter
from .build.timing import Timings
from .content.check import CheckResult, check_handbook
from .content.model import Handbook
from .content.textfold import slugify
from .content.urls import FEED, FINDER, SiteUrls, area_src
from .content.vocabulary import vocabulary_json
from .diagrams import Diagrams, GraphvizMissingError, build_diagrams
from .diagrams.render import find_dot
from .i18n import Texts, format_date, text
from .interop.site_files import exchange_files
from .pages import GeneratedPage, PageContext, build_pages
from .pages.memo import PageMemo
from .pages.memo_store import FILE_NAME as MEMO_FILE
from .pages.memo_store import load_memo, memo_stamp, save_memo
from .pages.news_page import feed_link, render_feed, render_news_page

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent / "assets"
THEME_OVERRIDES = Path(__file__).parent / "theme"
ASSET_PREFIX = "assets/prozesshandbuch/"
EARLY_SCRIPTS = frozenset({"search-on-demand.js"})
"""Loaded by theme/main.html before Material's bundle, not as extra_javascript after it."""
SEARCH_WORDS = "search-words.json"
"""The handbook's words for the search box's spelling help (assets/search.js)."""
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SOURCE_COMPONENT = 'class="md-source" data-md-component="source"'
_SOURCE_LINK = 'class="md-source"'


class ProzesshandbuchPlugin(BasePlugin[PluginConfig]):  # type: ignore[no-untyped-call]
    """Generates the handbook's pages from the YAML content folder."""

    def __init__(self) -> None:
        self._timings = Timings()
        self._progress = BuildProgress(log.info, "de")
        self._build_started = 0.0
        self._check: CheckResult | None = None
        self._root = Path.cwd()
        self._generated: dict[str, GeneratedPage] = {}
        self._timeline = Timeline()
        # Parsed old revisions by blob hash; blobs never change, so `mkdocs serve`
        # rebuilds keep it.
        self._revision_cache: RevisionCache = {}
        self._pages: list[GeneratedPage] = []
        self._other_files: list[File] = []
        self._search_names: dict[str, tuple[str, ...]] = {}
        self._serving = False
        self._dirty = False
        self._staged: StagedSite | None = None
        self._strict_warnings: WarningCounter | None = None
        self._lit_area: Any = None
        self._theme_env: Environment | None = None
        self._script_templates: list[str] = []
        self._policies: dict[str, str] = {}
        """Page source or theme template name -> its Content-Security-Policy."""

        # Pages of the last builds of this `mkdocs serve --dirty` session (see
        # incremental.py); the plugin object lives as long as the session.
        self._reuse = PageReuse()
        self._memo = PageMemo()
        self._memo_stamp: str | None = None
        self._memo_unsaved: tuple[Path, str] | None = None
        """Where and with which stamp the memo is to be written, if it changed."""
        self._doc_files: list[File] = []
        self._html_blocks = HtmlBlocks()
        self._search_stubs = SearchStubs()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `mkdocs serve` builds into a temporary folder of its own, and a dirty build
        # rewrites only changed pages: neither may be staged into an empty folder.
        self._serving = command == "serve"
        self._dirty = dirty
        self._reuse.start(command=command, dirty=dirty)

    @property
    def reused_pages(self) -> int:
        """Pages the last build took unchanged from the site folder."""
        return self._reuse.reused

    # Everything that can fail on the author's input runs here, before MkDocs cleans the
    # site folder, so a failed build leaves the previously built site untouched. First of
    # all plugins, so that every other one already writes into the staging folder.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self._timings = Timings()
        self._progress = BuildProgress(log.info, self.config.language)
        self._build_started = time.perf_counter()
        self._reuse.begin()
        with self._guard("load"), self._timings.phase("load_validate"):
            result = check_handbook(self._content_dir(), self._root, self._today())
        self._check = result
        files = result.loaded.file_count
        self._progress.phase_done("content", files, files, self._timings.seconds["load_validate"])
        if result.errors:
            raise PluginError(self._report("build.failed", result.errors))
        if config.strict and result.warnings:
            raise PluginError(self._report("build.strict-warnings", result.warnings))
        for problem in result.warnings:
            log.warning(problem.format(self.config.language))
        if self.config.diagrams:
            try:
                find_dot()
            except GraphvizMissingError as error:
                raise PluginError(error.message(self.config.language)) from None
        self._configure_layout(config)
        for pattern, target in (("*.css", config.extra_css), ("*.js", config.extra_javascript)):
            for name in sorted(p.name for p in ASSETS.glob(pattern)):
                if name not in EARLY_SCRIPTS and ASSET_PREFIX + name not in target:
                    target.append(ASSET_PREFIX + name)
        self._stage(config)
        return config

    def _stage(self, config: MkDocsConfig) -> None:
        """Let this build write into a staging folder; see :mod:`staging`."""
        self._staged = None
        if self._serving or self._dirty:
            return
        staged = StagedSite(Path(config.site_dir))
        with self._guard("staging"):
            config.site_dir = str(staged.prepare())
        self._staged = staged
        if config.strict:
            # MkDocs counts warnings in strict mode only after the last plugin event; the
            # new site must not be published when it is about to reject the build.
            self._strict_warnings = WarningCounter.attach()

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Diagrams, history and pages are made here, before MkDocs cleans the site
        # folder: a failure then leaves the previous site as it was (and the staging
        # folder protects it from anything that fails later).
        assert self._check is not None  # on_config always ran first
        handbook = self._check.handbook
        urls = SiteUrls(config.use_directory_urls)
        with self._guard("relations"), self._timings.phase("relations"):
            relations = build_relations(handbook)
        with self._guard("diagrams"):
            diagrams = self._diagrams(handbook, relations, urls)
        with self._guard("history"):
            self._timeline = self._history(handbook, config)
        today = self._today()
        with self._guard("relations"):
            findings = build_findings(handbook, relations, today, self._timeline.created)
        ctx = PageContext(
            handbook=handbook,
            relations=relations,
            urls=urls,
            texts=Texts(self.config.language),
            today=today,
            findings=findings,
            show_holders=self.config.show_holders,
            diagrams=diagrams,
            histories=self._timeline.histories,
            edit_base=self._edit_base(config),
            created=self._timeline.created,
            review_confirmations=self._timeline.review_confirmations,
            repo_url=config.repo_url,
        )
        with self._guard("pages"), self._timings.phase("pages"):
            # Only pages that may show a changed entity are rendered; the others come from
            # the last build of this process or, for the first, from .cache/ (memo_store).
            handbook_pages = self._memo_pages(ctx, config)
            pages = [*handbook_pages, render_news_page(ctx, self._timeline.news)]
            feed = render_feed(ctx, self._timeline.news, config.site_url, config.site_name)
        self._timings.count("pages", len(pages))
        reused = self._memo.reused
        self._progress.phase_done(
            "pages",
            len(pages),
            len(pages),
            self._timings.seconds["pages"],
            self._progress.reuse_detail(reused) if reused else None,
        )
        with self._guard("files"):
            self._pages = pages
            self._other_files = self._other_generated_files(config, handbook, feed)
            with self._timings.phase("exchange_files"):
                # The .bpmn of every process and handbook.json (see interop/site_files.py).
                self._other_files += [
                    self._reuse.output_file(config, path, content)
                    for path, content in exchange_files(handbook, relations).items()
                ]
            # Files a page loads itself (the finder's answer cards), made with the page.
            self._other_files += [
                self._reuse.output_file(config, path, content)
                for page in pages
                for path, content in page.files
            ]

    def _memo_pages(self, ctx: PageContext, config: MkDocsConfig) -> list[GeneratedPage]:
        path = self._root / self.config.cache_dir / MEMO_FILE
        # What page sources read of MkDocs' settings (not site_url: `mkdocs serve`
        # rewrites it, and a build and a serve session should share the memo).
        settings = {
            "plugin": dict(self.config),
            "mkdocs": [config.use_directory_urls, config.repo_url, config.edit_uri],
        }
        stamp = memo_stamp(settings)
        if stamp != self._memo_stamp:
            self._memo.forget()
        self._memo_stamp = stamp
        if self._memo.empty:
            load_memo(self._memo, path, stamp)
        pages = self._memo.pages(ctx, build_pages)
        if self._memo.rendered:
            # Written when MkDocs shuts down: under serve not after every save, where it
            # would delay the preview by writing tens of megabytes.
            self._memo_unsaved = (path, stamp)
        return pages

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._generated = {}
        self._search_names = {}
        for page in self._pages:
            if files.get_file_from_path(page.src) is not None:
                continue  # a hand-written page of the same name wins
            # Entity pages and the pages of tags, initials and units' reports are reached
            # from index pages, the finder and search, never from the sidebar; saying so
            # keeps MkDocs from listing each as "not in nav".
            listed = page.in_nav and not page.source_path
            inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
            key = page_key(page.markdown, *self._page_meta(page, config))
            file = self._reuse.generated_file(config, page.src, page.markdown, inclusion, key)
            files.append(file)
            self._generated[page.src] = page
            if page.search_names:
                self._search_names[file.url] = page.search_names
        for file in self._other_files:
            files.append(file)
        return files

    def _other_generated_files(
        self, config: MkDocsConfig, handbook: Handbook, feed: str
    ) -> list[File]:
        """The feed, the plugin's assets and (if asked for) the YAML sources."""
        found = [
            File.generated(config, FEED, content=feed),
            File.generated(config, ASSET_PREFIX + SEARCH_WORDS, content=vocabulary_json(handbook)),
        ]
        for asset in sorted(ASSETS.iterdir()):
            if asset.is_file():
                found.append(
                    File.generated(config, ASSET_PREFIX + asset.name, content=asset.read_bytes())
                )
        if self.config.publish_sources:
            for path in sorted(handbook.paths.values()):
                found.append(
                    File.generated(
                        config, f"quellen/{path}", content=(self._root / path).read_bytes()
                    )
                )
        return found

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> None:
        with self._guard("render"):
            self._reuse.decide(config, files, nav)
        inclusion = (
            InclusionLevel.is_in_serve if self._reuse.enabled else InclusionLevel.is_included
        )
        self._doc_files = list(files.documentation_pages(inclusion=inclusion))
        self._progress.start_counting("markdown", len(self._doc_files) - self._reuse.reused)

    # First, so that other plugins see the finished page.
    @event_priority(100)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        self._progress.advance()
        return self._html_blocks.fill(page.file.src_uri, html)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self._progress.finish_counting()
        self._progress.start_counting("render", len(self._doc_files) - self._reuse.reused)
        self._reuse.writing()
        language = self.config.language
        # The handbook's theme templates (theme/) read their texts from the catalogue.
        env.globals["ph_text"] = lambda key, **params: i18n.text(key, language, **params)
        self._theme_env = env
        self._script_templates = theme_script_templates(env)
        self._policies = {}
        return env

    # Last, so that other plugins see the page's HTML blocks, not their placeholders.
    @event_priority(-100)
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        with self._guard("render"):
            self._page_facts(page, config)
        return self._html_blocks.extract(page.file.src_uri, markdown)

    def _page_facts(self, page: Page, config: MkDocsConfig) -> None:
        """Edit link and revision date of a generated entity page."""
        generated = self._generated.get(page.file.src_uri)
        stand = self._stand(generated)
        if stand is not None:
            page.meta["ph_stand"] = i18n.format_date(stand, self.config.language)
        if generated is None or not generated.source_path:
            return
        page.edit_url, revision_date, _ = self._page_meta(generated, config)
        if revision_date is not None:
            # Material shows this in the page footer ("Letzte Aktualisierung").
            page.meta["revision_date"] = revision_date

    def _page_meta(
        self, page: GeneratedPage, config: MkDocsConfig
    ) -> tuple[str | None, str | None, str | None]:
        """What MkDocs shows with a generated page besides its Markdown: edit link,
        revision date and the day the content last changed."""
        stand = self._stand(page)
        shown = stand.isoformat() if stand is not None else None
        if not page.source_path:
            return None, None, shown
        base = self._edit_base(config)
        edit_url = f"{base}/{page.source_path}" if base else None
        history = self._timeline.histories.get(page.source_path)
        if history is None or not history.entries:
            return edit_url, None, shown
        return edit_url, format_date(history.entries[0].date.date(), self.config.language), shown

    # Before the search plugin (priority 0) indexes the page.
    @event_priority(100)
    def _on_page_context_before_search(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if page.content is not None:
            page.content = self._search_stubs.stub(page.file.src_uri, page.content)
        return context

    # After the search plugin: what it indexed belongs to this page.
    @event_priority(-100)
    def _on_page_context_after_search(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if page.content is not None:
            page.content = self._search_stubs.restore(page.file.src_uri, page.content)
        self._reuse.page_indexed(config, page)
        return context

    def _light_up_area(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        # Entity pages are outside the navigation; lighting up their area (Prozesse,
        # Rollen, ...) in the sidebar tells readers where they are. Undone after rendering.
        area = area_src(page.file.src_uri)
        if area is not None:
            for item in nav.pages:
                if item.file.src_uri == area:
                    item.active = True
                    self._lit_area = item
        self._remember_policy(page.file.src_uri, context)
        return context

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        self._remember_policy(template_name, context)
        return context

    on_page_context = CombinedEvent(
        _on_page_context_before_search, _light_up_area, _on_page_context_after_search
    )

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self._lit_area is not None:
            self._lit_area.active = False
            self._lit_area = None
        # Pages only: the theme's own templates (404.html, sitemap.xml) are not counted.
        self._progress.advance()
        output = self._repair_header(output)
        with self._guard("render"):
            head = feed_link(
                get_relative_url(FEED, page.url), text("page.news", self.config.language)
            )
            if page.file.src_uri == FINDER:
                # Must run before Material's bundle, which reads ?q= for its own search.
                src = get_relative_url(ASSET_PREFIX + "finder-query.js", page.url)
                head += f'<script src="{src}" data-ph-finder-query></script>'
            output = output.replace("</head>", head + "</head>", 1)
        page_policy = self._policies.pop(page.file.src_uri, None)
        return add_policy_meta(output, page_policy) if page_policy else output

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        # 404.html is a theme template, not a page: it needs the same repair.
        output = self._repair_header(output_content)
        page_policy = self._policies.pop(template_name, None)
        if page_policy is None or not template_name.endswith(".html"):
            return output
        return add_policy_meta(output, page_policy)

    def _repair_header(self, output: str) -> str:
        """Name the search dialog, and keep the header's repository link a plain link."""
        # Material's search dialog has no accessible name (axe: aria-dialog-name, serious).
        with self._guard("render"):
            label = text("page.search", self.config.language)
            search = f'{_SEARCH_DIALOG[:-1]} aria-label="{label}">'
            output = output.replace(_SEARCH_DIALOG, search, 1)
            # Material asks the forge's API for stars and forks when `repo_url` names a
            # GitLab or GitHub host; without the component the header keeps a plain link,
            # and the site requests nothing from another host.
            return output.replace(_SOURCE_COMPONENT, _SOURCE_LINK)

    # Before the search plugin's: it writes the index, which must hold every page.
    @event_priority(100)
    def _complete_search_index(self, *, config: MkDocsConfig) -> None:
        with self._guard("render"):
            self._reuse.finish(config, self._doc_files)

    @event_priority(-100)  # last: every plugin has written its files into the staging folder
    def _publish(self, *, config: MkDocsConfig) -> None:
        rejected = self._strict_warnings is not None and self._strict_warnings.count > 0
        if not rejected:
            # Material's search plugin (priority 0) has written its index by now.
            with self._guard("search"):
                search_index = Path(config.site_dir) / "search" / "search_index.json"
                add_names_to_file(search_index, self._search_names)
        self._detach_counter()
        staged = self._staged
        if staged is not None:
            config.site_dir = str(staged.site_dir)  # gh-deploy publishes from here
            if rejected:
                staged.discard()  # MkDocs aborts next, and the previous site stays
            else:
                with self._guard("publish"):  # on failure, on_build_error discards it
                    staged.publish()
            self._staged = None
        total = time.perf_counter() - self._build_started
        self._timings.seconds["mkdocs_render"] = total - sum(self._timings.seconds.values())
        self._timings.seconds["total"] = total
        self._timings.write_if_requested()
        reused = self._reuse.reused
        self._progress.finish_counting(self._progress.reuse_detail(reused) if reused else None)
        self._progress.summary(self._timings.seconds, total)

    on_post_build = CombinedEvent(_complete_search_index, _publish)

    def on_build_error(self, *, error: Exception) -> None:
        self._reuse.failed()
        staged, self._staged = self._staged, None
        self._detach_counter()
        if staged is not None:
            staged.discard()

    def on_shutdown(self) -> None:
        self._detach_counter()
        if self._memo_unsaved is not None:
            save_memo(self._memo, *self._memo_unsaved)
            self._memo_unsaved = None

    def _detach_counter(self) -> None:
        if self._strict_warnings is not None:
            self._strict_warnings.detach()
            self._strict_warnings = None

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self._content_dir()))
        return server

    # -- pipeline steps --------------------------------------------------------------------

    def _diagrams(
        self, handbook: Handbook, relations: Relations, urls: SiteUrls
    ) -> Diagrams | None:
        if not self.config.diagrams:
            return None
        with self._timings.phase("diagrams"):
            try:
                diagrams = build_diagrams(
                    handbook,
                    relations,
                    urls,
                    cache_dir=self._root / self.config.cache_dir / "diagrams",
                    language=self.config.language,
                )
            except GraphvizMissingError as error:
                raise PluginError(error.message(self.config.language)) from None
        language = self.config.language
        for key, detail in sorted(diagrams.simplified_after_failure.items()):
            note = text("diagram.simplified-after-failure", language, detail=detail)
            log.warning(f"{key}: {note}")
        for key, detail in sorted(diagrams.failures.items()):
            log.warning(text("diagram.failed", self.config.language, key=key, detail=detail))
        self._timings.count("dot_runs", diagrams.dot_runs)
        self._timings.count("diagrams_rendered", diagrams.rendered)
        self._timings.count("diagrams_cached", diagrams.cached)
        done = diagrams.rendered + diagrams.cached
        self._progress.phase_done(
            "diagrams",
            done,
            len(diagrams.figures) + len(diagrams.failures),
            self._timings.seconds["diagrams"],
            self._progress.diagram_detail(diagrams.rendered, diagrams.cached),
        )
        return diagrams

    def _history(self, handbook: Handbook, config: MkDocsConfig) -> Timeline:
        if not self.config.history:
            return Timeline()
        with self._timings.phase("history"):
            timeline = build_timeline(
                self._root,
                self._content_dir(),
                handbook,
                language=self.config.language,
                show_holders=self.config.show_holders,
                repo_url=config.repo_url,
                cache=self._revision_cache,
            )
        self._timings.count("git_runs", timeline.git_runs)
        files = len(handbook.paths)
        self._progress.phase_done("history", files, files, self._timings.seconds["history"])
        report = log.warning if self.config.strict_history else log.info
        if timeline.problem:
            report(timeline.problem.message(self.config.language))
        for failure in timeline.revision_failures:  # a bug, not a state of the repository
            log.warning(failure.message(self.config.language))
        return timeline

    # -- helpers ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def _guard(self, phase: str) -> Iterator[None]:
        """Turn an unforeseen failure of one phase into a build error without traceback.

        Problems in the content are reported as such long before; what arrives here is a
        bug or a broken environment, and the reader's site must survive it either way.
        """
        try:
            yield
        except (PluginError, Abort):
            raise
        except Exception as error:
            log.debug("", exc_info=True)  # the traceback, for `mkdocs build --verbose`
            language = self.config.language
            raise PluginError(
                text(
                    "build.phase-failed",
                    language,
                    phase=text(f"build.phase.{phase}", language),
                    error=f"{type(error).__name__}: {error}",
                )
            ) from None

    def _configure_layout(self, config: MkDocsConfig) -> None:
        """German anchors, the handbook's theme templates and no "Made with" footer."""
        # One slug function for every heading: "Übergaben" -> #uebergaben, the same
        # transliteration the plugin's own anchors use.
        if "toc" not in config.markdown_extensions:
            config.markdown_extensions.append("toc")
        config.mdx_configs.setdefault("toc", {}).setdefault("slugify", slugify)
        # Set `extra: generator: true` in mkdocs.yml to show Material's credit again.
        config.extra.setdefault("generator", False)
        dirs = config.theme.dirs
        if str(THEME_OVERRIDES) not in dirs:
            # After a site's own custom_dir, before Material's templates.
            position = next(
                (n for n, d in enumerate(dirs) if Path(d).name == "templates"), len(dirs)
            )
            dirs.insert(position, str(THEME_OVERRIDES))

    def _stand(self, generated: GeneratedPage | None) -> dt.date | None:
        """The day a page's content last changed: its file's, or the newest of all."""
        if generated is not None and generated.source_path:
            history = self._timeline.histories.get(generated.source_path)
            if history is not None and history.entries:
                return history.entries[0].date.date()
        if self._timeline.news:
            return max(item.change.date for item in self._timeline.news).date()
        return None

    def _remember_policy(self, key: str, context: TemplateContext) -> None:
        """The page's policy, allowing the theme's inline scripts as rendered for it."""
        if not self.config.content_security_policy or self._theme_env is None:
            return
        try:
            hashes = theme_script_hashes(self._theme_env, self._script_templates, context)
        except TemplateError as error:
            # Without the hashes the browser would refuse the theme's scripts; better no
            # policy on this page than a broken page, and say so.
            log.warning(text("security.csp-theme-scripts", self.config.language, error=error))
            return
        self._policies[key] = policy(hashes)

    def _content_dir(self) -> Path:
        return (self._root / self.config.content_dir).resolve()

    def _today(self) -> dt.date:
        return self.config.today or dt.date.today()

    def _report(self, key: str, problems: list[Any]) -> str:
        language = self.config.language
        lines = [text(key, language, count=len(problems))]
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
