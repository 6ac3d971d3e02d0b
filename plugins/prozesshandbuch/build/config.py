"""The plugin's configuration schema (the `prozesshandbuch` entry under `plugins:`)."""

from __future__ import annotations

import datetime as dt
import os

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config, ValidationError

from ..i18n import text

TODAY_VARIABLE = "PROZESSHANDBUCH_TODAY"
"""Sets the reference day when ``mkdocs.yml`` does not: for reproducible builds (tests,
rebuilding an old state) without editing the configuration everybody shares."""


class Day(BaseConfigOption[dt.date | None]):
    """A day, written as YAML writes dates: ``2026-11-23``, with or without quotes.

    Unset, it is read from the environment variable ``PROZESSHANDBUCH_TODAY`` if that is
    set, else it stays empty (the build day).
    """

    def run_validation(self, value: object, /) -> dt.date | str | None:
        if value is None or isinstance(value, str):
            return value  # parsed after validation, when the message language is known
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        raise ValidationError(text("build.bad-today", "de", value=str(value)))

    def post_validation(self, config: Config, key_name: str) -> None:
        value = config[key_name]
        if value is None and os.environ.get(TODAY_VARIABLE):
            value = config[key_name] = os.environ[TODAY_VARIABLE]
        if isinstance(value, str):
            try:
                config[key_name] = dt.date.fromisoformat(value)
            except ValueError:
                language = str(config.get("language") or "de")
                raise ValidationError(text("build.bad-today", language, value=value)) from None


class PluginConfig(Config):  # type: ignore[no-untyped-call]
    """Options; paths are relative to the folder of mkdocs.yml."""

    content_dir = c.Type(str, default="content")
    """Folder with processes/, roles/, units/ and systems/."""
    language = c.Choice(("de", "en"), default="de")
    """Language of generated labels and of messages."""
    today = Day()
    """Reference date for review states (YYYY-MM-DD); default: $PROZESSHANDBUCH_TODAY, else
    the build date."""
    diagrams = c.Type(bool, default=True)
    """Render diagrams with Graphviz; `false` builds without them (no Graphviz needed)."""
    show_holders = c.Type(bool, default=True)
    """Show the names of the people holding roles; `false` for privacy."""
    history = c.Type(bool, default=True)
    """Read the change history of content files from git."""
    strict_history = c.Type(bool, default=True)
    """Whether trouble reading git (shallow clone, no repository, ...) is a warning that
    `--strict` counts; `false` reports it as information only."""
    publish_sources = c.Type(bool, default=False)
    """Also publish the YAML files under `quellen/`."""
    cache_dir = c.Type(str, default=".cache/prozesshandbuch")
    """Where rendered diagrams are cached between builds."""
    edit_uri = c.Optional(c.Type(str))
    """Path from `repo_url` to the content files for edit links, e.g. `edit/main/`.
    Default: the theme's `edit_uri` with the docs folder name removed."""
    content_security_policy = c.Type(bool, default=True)
    """Give every page a Content-Security-Policy that lets only the site's own scripts run
    (files, and the theme's inline scripts by hash); `false` only for themes or
    extensions that need other scripts."""
    codeowners_fallback = c.ListOfItems(c.Type(str), default=[])
    """Forge users or groups (e.g. `stadt/redaktion`) who review the files whose
    accountable role and its deputy have nobody with a `username`; read by
    `prozesshandbuch codeowners`."""
