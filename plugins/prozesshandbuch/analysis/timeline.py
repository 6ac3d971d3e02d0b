"""History as pages need it: per-file histories in words, the site-wide news, creation dates.

Reads git once through :mod:`history` (one ``git log`` and one ``git cat-file`` process per
build, whatever the number of files) and describes changes with :mod:`changes`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..content.model import EntityKind, Handbook
from .changes import ChangeDescriber, Description, RevisionCache, handbook_titles
from .changes.revisions import RevisionFailure
from .history import Change, ChangeStatus, History, HistoryProblem, commit_url, read_history
from .review_trail import ReviewConfirmation, review_confirmations

DESCRIBED_PER_FILE = 30
"""Older entries are listed without words: they are rarely read and cost a parse each."""
NEWS_ITEMS = 50


@dataclass(frozen=True)
class PageHistory:
    """The change history of one page's source file, newest first, with words and links."""

    entries: list[Change] = field(default_factory=list)
    """History entries, newest first."""
    summaries: dict[str, list[str]] = field(default_factory=dict)
    """Commit hash -> changes in words."""
    commit_urls: dict[str, str] = field(default_factory=dict)
    """Commit hash -> URL of the commit in the forge."""


@dataclass(frozen=True)
class NewsItem:
    """One change on the "Was ist neu" page and in the feed."""

    change: Change
    kind: EntityKind | None
    entity_id: str
    title: str
    lines: list[str]
    exists: bool
    """Whether the entity still exists (a deleted process has no page to link to)."""


@dataclass(frozen=True)
class Timeline:
    histories: dict[str, PageHistory] = field(default_factory=dict)
    news: list[NewsItem] = field(default_factory=list)
    created: dict[str, dt.date] = field(default_factory=dict)
    """Process id -> day its file (under any earlier name) was first committed."""
    problem: HistoryProblem | None = None
    revision_failures: list[RevisionFailure] = field(default_factory=list)
    """Old revisions that failed alone; each is shown as faulty on its page."""
    git_runs: int = 0
    review_confirmations: dict[str, ReviewConfirmation] = field(default_factory=dict)
    """Process id -> who confirmed its current review date in git, and when."""


def build_timeline(
    root: Path,
    content_dir: Path,
    handbook: Handbook,
    *,
    language: str = "de",
    show_holders: bool = True,
    repo_url: str | None = None,
    cache: RevisionCache | None = None,
) -> Timeline:
    """Read the history of ``content_dir`` and put it into the shapes pages use."""
    with read_history(root, content_dir) as history:
        return _from_history(history, handbook, language, show_holders, repo_url, cache)


def _from_history(
    history: History,
    handbook: Handbook,
    language: str,
    show_holders: bool,
    repo_url: str | None,
    cache: RevisionCache | None,
) -> Timeline:
    describer = ChangeDescriber.for_history(
        history, handbook_titles(handbook), language, show_holders=show_holders, cache=cache
    )
    current_paths = set(handbook.paths.values())
    per_file = {path: history.entries(path) for path in current_paths}
    news_changes = history.all_changes()[:NEWS_ITEMS]
    wanted: dict[tuple[str, str], Change] = {}
    for entries in per_file.values():
        for change in entries[:DESCRIBED_PER_FILE]:
            wanted[(change.hexsha, change.path)] = change
    for change in news_changes:
        wanted[(change.hexsha, change.path)] = change
    keys = list(wanted)
    words: dict[tuple[str, str], Description] = dict(
        zip(keys, describer.describe_many(wanted[k] for k in keys), strict=True)
    )

    histories: dict[str, PageHistory] = {}
    for path, entries in per_file.items():
        if not entries:
            continue
        summaries = {
            c.hexsha: words[(c.hexsha, c.path)].lines
            for c in entries
            if (c.hexsha, c.path) in words
        }
        urls = {c.hexsha: commit_url(repo_url, c.hexsha) for c in entries} if repo_url else {}
        histories[path] = PageHistory(list(entries), summaries, urls)

    news = []
    for change in news_changes:
        description = words[(change.hexsha, change.path)]
        exists = (
            description.kind is not None
            and change.status is not ChangeStatus.DELETED
            and description.entity_id in handbook.entities(description.kind)
        )
        news.append(
            NewsItem(
                change,
                description.kind,
                description.entity_id,
                description.title,
                description.lines,
                exists,
            )
        )

    created = {}
    for (kind, entity_id), path in handbook.paths.items():
        entries = per_file.get(path) or []
        if kind == "process" and entries:
            created[entity_id] = entries[-1].date.date()
    described = {path: entries[:DESCRIBED_PER_FILE] for path, entries in per_file.items()}
    return Timeline(
        histories,
        news,
        created,
        history.problem,
        describer.failures,
        history.git_runs,
        review_confirmations(handbook, described, describer.revisions),
    )
