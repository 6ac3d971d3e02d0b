"""What every ``prozesshandbuch`` command shares: help texts in the reader's language and
the ``--lang`` and ``--content`` options. Used by :mod:`cli` and :mod:`interop.commands`."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..i18n import DEFAULT_LANGUAGE, text

LANGUAGE_VARIABLE = "PROZESSHANDBUCH_LANG"

# Help is printed before options are read, so its language comes from the environment.
HELP_LANGUAGE = os.environ.get(LANGUAGE_VARIABLE, DEFAULT_LANGUAGE)


def help_text(key: str) -> str:
    """A command's or option's help from the catalogue."""
    return text(key, HELP_LANGUAGE)


language_option = click.option(
    "--lang",
    "language",
    type=click.Choice(["de", "en"]),
    default=lambda: os.environ.get(LANGUAGE_VARIABLE, DEFAULT_LANGUAGE),
    help=help_text("cli.help.lang"),
)

content_option = click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path),
    default=Path("content"),
    help=help_text("cli.help.content"),
)
