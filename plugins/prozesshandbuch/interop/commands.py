"""The ``export`` and ``import`` commands of ``prozesshandbuch``; cli.py only adds them."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from ..check import check_handbook
from ..i18n import text

_LANGUAGE = click.option(
    "--lang",
    "language",
    type=click.Choice(["de", "en"]),
    default=lambda: os.environ.get("PROZESSHANDBUCH_LANG", "de"),
    help="Sprache der Meldungen / language of messages",
)
_CONTENT = click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path),
    default=Path("content"),
    help="Inhaltsordner (Standard: ./content)",
)


def _root_for(content_dir: Path) -> Path:
    """Paths in messages are relative to the working directory when the folder is in it."""
    root = Path.cwd()
    return root if content_dir.resolve().is_relative_to(root.resolve()) else content_dir.parent


@click.group("export")
def export_group() -> None:
    """Inhalte für andere Werkzeuge ausgeben (BPMN 2.0)."""


@export_group.command("bpmn")
@click.argument("process_ids", nargs=-1)
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    default=Path("bpmn"),
    help="Zielordner (Standard: ./bpmn)",
)
@_CONTENT
@_LANGUAGE
def export_bpmn(
    process_ids: tuple[str, ...], output: Path, content_dir: Path, language: str
) -> None:
    """Je Prozess eine Datei <kennung>.bpmn schreiben (ohne PROCESS_IDS: alle Prozesse)."""
    from .bpmn_export import bpmn_file_name, export_process

    result = check_handbook(content_dir, _root_for(content_dir), dt.date.today())
    if result.errors:
        for problem in result.errors:
            click.echo(problem.format(language), err=True)
        click.echo(text("interop.export-content-errors", language), err=True)
        sys.exit(1)
    handbook = result.handbook
    unknown = [pid for pid in process_ids if pid not in handbook.processes]
    if unknown:
        for pid in unknown:
            click.echo(text("interop.export-unknown-process", language, id=pid), err=True)
        sys.exit(1)
    titles = {role_id: role.title for role_id, role in handbook.roles.items()}
    chosen = list(process_ids) or list(handbook.processes)
    output.mkdir(parents=True, exist_ok=True)
    for pid in chosen:
        target = output / bpmn_file_name(pid)
        target.write_bytes(export_process(handbook.processes[pid], titles))
        click.echo(text("interop.written", language, path=target), err=True)
