"""File revisions parsed into models, and history entries described with them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from pydantic import ValidationError

from ...content.model import FOLDER_BY_KIND, MODEL_BY_KIND, Entity, EntityKind, Handbook
from ...content.yamlsource import read_yaml
from ...i18n import text
from ..history import Change, ChangeStatus, Diff, History
from .compare import describe_change
from .phrasing import Say, Titles


def handbook_titles(handbook: Handbook) -> Titles:
    """Titles from ``handbook``; an id that is not (or no longer) there stays the id."""

    def titles(kind: str, entity_id: str) -> str:
        tables: dict[str, dict[str, Any]] = {
            "process": handbook.processes,
            "role": handbook.roles,
            "unit": handbook.units,
            "system": handbook.systems,
        }
        entity = tables.get(kind, {}).get(entity_id)
        return str(entity.title) if entity is not None else entity_id

    return titles


def kind_of_path(rel_path: str) -> EntityKind | None:
    """The entity kind of a content file from its folder, e.g. ``…/processes/x.yml``."""
    path = PurePosixPath(rel_path)
    if path.suffix not in (".yml", ".yaml"):
        return None
    for kind, folder in FOLDER_BY_KIND.items():
        if path.parent.name == folder:
            return kind
    return None


class Unreadable:
    """A revision that cannot be compared: invalid, or its content is not available."""

    def __init__(self, *, missing: bool = False) -> None:
        self.missing = missing
        """The content could not be read from git (e.g. a partial clone), as opposed to
        content that is not valid YAML or does not fit the model."""


UNREADABLE = Unreadable()
MISSING = Unreadable(missing=True)
Revision = Entity | Unreadable | None
"""A parsed revision: the entity, :data:`UNREADABLE`, or ``None`` when the file is absent."""


def parse_revision(kind: EntityKind, raw: bytes, rel_path: str) -> Entity | Unreadable:
    """Parse one revision of a content file with the main loader, or :data:`UNREADABLE`.

    An old revision is as untrusted as the current file and may never have passed the
    check (500 nested brackets, control characters, duplicate keys): any problem the
    loader reports makes it unreadable, described as faulty rather than guessed at.
    """
    data, _, problems = read_yaml(raw, rel_path)
    if problems or not isinstance(data, dict):
        return UNREADABLE
    data.pop("id", None)  # the file name is the id; a mismatch is the checker's business
    try:
        entity = MODEL_BY_KIND[kind].model_validate(data)
    except (ValidationError, TypeError, ValueError):
        return UNREADABLE
    return entity.model_copy(update={"id": PurePosixPath(rel_path).stem})


@dataclass(frozen=True)
class Description:
    """A file change in words, with the entity it concerns."""

    kind: EntityKind | None
    entity_id: str
    title: str
    """The entity's title in the newer revision, else the older, else the id."""
    lines: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RevisionFailure:
    """An old revision that could not be described for an unforeseen reason."""

    path: str
    commit: str
    """The short commit hash; empty when the revision is not from a commit."""
    error: str
    """The kind of failure (the exception's class name), for the maintainer."""

    def message(self, language: str = "de") -> str:
        """A one-line warning; the page shows the revision as faulty."""
        where = f"{self.path} ({self.commit})" if self.commit else self.path
        return text("history.revision-failed", language, where=where, error=self.error)


RevisionCache = dict[tuple[EntityKind, str], "Entity | Unreadable"]
"""Parsed revisions by (kind, blob hash). Blobs never change, so one cache may be kept
across builds (``mkdocs serve``), whatever the titles or the language."""


class ChangeDescriber:
    """Describes file changes, parsing every revision at most once (cached by blob)."""

    def __init__(
        self,
        read_blobs: Callable[[Iterable[str]], dict[str, bytes]],
        titles: Titles,
        language: str = "de",
        *,
        show_holders: bool = True,
        cache: RevisionCache | None = None,
    ) -> None:
        self._read_blobs = read_blobs
        self._known: dict[tuple[str, str], str] = {}
        self._say = Say(language, self._title, show_holders)
        self._titles = titles
        self._cache: RevisionCache = {} if cache is None else cache
        self.failures: list[RevisionFailure] = []
        """Revisions that failed in an unforeseen way; each is shown as faulty and the
        others are described as usual."""

    def _title(self, kind: str, entity_id: str) -> str:
        title = self._titles(kind, entity_id)
        return self._known.get((kind, entity_id), title) if title == entity_id else title

    def learn_title(self, path: str, raw: bytes | None) -> None:
        """Remember the title in one revision of a file, for entities no longer present.

        A role deleted in the same merge request is then still named by its title
        ("statt Sachbearbeitung") rather than its id; current titles always win.
        """
        kind = kind_of_path(path)
        if kind is None or raw is None:
            return
        revision = self._parse(kind, raw, path)
        if revision is not None and not isinstance(revision, Unreadable):
            self._known.setdefault((kind, revision.id), revision.title)

    @classmethod
    def for_history(
        cls,
        history: History | Diff,
        titles: Titles,
        language: str = "de",
        *,
        show_holders: bool = True,
        cache: RevisionCache | None = None,
    ) -> ChangeDescriber:
        """A describer that reads old revisions through ``history``'s git process."""
        return cls(history.read_blobs, titles, language, show_holders=show_holders, cache=cache)

    def describe_many(self, changes: Iterable[Change]) -> list[Description]:
        """Several history entries in words, their revisions read in one batch."""
        changes = list(changes)
        missing: dict[str, tuple[EntityKind, str]] = {}
        for change in changes:
            kind = kind_of_path(change.path)
            if kind is None:
                continue
            sides = (
                (change.old_blob, change.old_path or change.path),
                (change.new_blob, change.path),
            )
            for blob, path in sides:
                if blob is not None and (kind, blob) not in self._cache:
                    missing[blob] = (kind, path)
        found = self._read_blobs(missing)
        for blob, (kind, path) in missing.items():
            raw = found.get(blob)
            parsed = MISSING if raw is None else self._parse_alone(kind, raw, path)
            self._cache[(kind, blob)] = parsed
        return [self._describe_alone(change) for change in changes]

    def _describe_alone(self, change: Change) -> Description:
        # The fault boundary of one history entry: whatever an old revision holds, the
        # other entries and the build go on, and the build says which one failed.
        try:
            return self.describe(change)
        except Exception as error:  # see above
            self.failures.append(RevisionFailure(change.path, change.short, type(error).__name__))
            stem = PurePosixPath(change.path).stem
            return Description(kind_of_path(change.path), stem, stem, [self._say("change.broken")])

    def revisions(self, change: Change) -> tuple[Revision, Revision]:
        """The parsed older and newer revision of a history entry (cached by blob)."""
        kind = kind_of_path(change.path)
        old = self._revision(kind, change.old_blob, change.old_path or change.path)
        return old, self._revision(kind, change.new_blob, change.path)

    def describe(self, change: Change) -> Description:
        """One history entry in words (for many, :meth:`describe_many` is faster)."""
        kind = kind_of_path(change.path)
        old = self._revision(kind, change.old_blob, change.old_path or change.path)
        new = self._revision(kind, change.new_blob, change.path)
        description = self.describe_revisions(
            change.path, change.status, old, new, old_path=change.old_path
        )
        if change.boundary and change.status is ChangeStatus.ADDED:
            description.lines[:1] = [self._say("change.boundary")]
        return description

    def describe_files(
        self,
        path: str,
        status: ChangeStatus,
        old_raw: bytes | None,
        new_raw: bytes | None,
        *,
        old_path: str | None = None,
    ) -> Description:
        """A change given by the file contents at both sides (``None``: absent)."""
        kind = kind_of_path(path)
        old = self._parse(kind, old_raw, old_path or path)
        new = self._parse(kind, new_raw, path)
        return self.describe_revisions(path, status, old, new, old_path=old_path)

    def describe_revisions(
        self,
        path: str,
        status: ChangeStatus,
        old: Revision,
        new: Revision,
        *,
        old_path: str | None = None,
    ) -> Description:
        """The lines for parsed revisions; handles unreadable ones and renames."""
        say = self._say
        kind = kind_of_path(path)
        entity_id = PurePosixPath(path).stem
        title = _title_of(new) or _title_of(old) or entity_id
        lines: list[str] = []
        if status is ChangeStatus.RENAMED and old_path:
            lines.append(say("change.renamed-file", old=say.quote(old_path)))
        if kind is None:
            key = {
                ChangeStatus.ADDED: "change.created-file",
                ChangeStatus.DELETED: "change.deleted-file",
            }
            if status is not ChangeStatus.RENAMED:
                lines.append(say(key.get(status, "change.changed-file")))
            return Description(None, entity_id, title, lines)
        if isinstance(new, Unreadable):
            if status is ChangeStatus.ADDED:
                lines.append(say(f"change.created-{kind}"))
            lines.append(say("change.missing" if new.missing else "change.broken"))
        elif isinstance(old, Unreadable):
            if new is None:
                lines.append(say(f"change.deleted-{kind}"))
            else:
                lines.append(say("change.missing" if old.missing else "change.fixed"))
        else:
            words = describe_change(
                kind, old, new, say.titles, say.language, show_holders=say.show_holders
            )
            if not words and status is not ChangeStatus.RENAMED:
                words = [say("change.cosmetic")]
            lines.extend(words)
        return Description(kind, entity_id, title, lines)

    def _revision(self, kind: EntityKind | None, blob: str | None, path: str) -> Revision:
        if blob is None or kind is None:
            return None
        cached = self._cache.get((kind, blob))
        if cached is None:
            raw = self._read_blobs([blob]).get(blob)
            cached = MISSING if raw is None else self._parse_alone(kind, raw, path)
            self._cache[(kind, blob)] = cached
        return _with_id(cached, path)

    def _parse(self, kind: EntityKind | None, raw: bytes | None, path: str) -> Revision:
        if raw is None or kind is None:
            return None
        return self._parse_alone(kind, raw, path)

    def _parse_alone(self, kind: EntityKind, raw: bytes, path: str) -> Entity | Unreadable:
        try:
            return parse_revision(kind, raw, path)
        except Exception as error:  # one revision may fail alone
            self.failures.append(RevisionFailure(path, "", type(error).__name__))
            return UNREADABLE


def _with_id(revision: Entity | Unreadable, path: str) -> Entity | Unreadable:
    # The same blob may live under two names (a rename): the id follows the file name.
    stem = PurePosixPath(path).stem
    if isinstance(revision, Unreadable) or revision.id == stem:
        return revision
    return revision.model_copy(update={"id": stem})


def _title_of(revision: Revision) -> str | None:
    if revision is None or isinstance(revision, Unreadable):
        return None
    return revision.title
