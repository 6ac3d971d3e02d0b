"""The ``export`` and ``import`` commands of ``prozesshandbuch``; cli.py only adds them."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from ..check import check_handbook
from ..i18n import text
from .importing import ImportOutcome, apply_plan

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


@click.group("import")
def import_group() -> None:
    """Inhalte aus anderen Werkzeugen übernehmen (BPMN 2.0, KOOS)."""


_FORCE = click.option("--force", is_flag=True, help="Vorhandene Dateien überschreiben")


def _finish(outcome: ImportOutcome) -> None:
    for line in outcome.lines:
        click.echo(line, err=True)
    sys.exit(outcome.exit_code)


def _shown(path: Path) -> str:
    """A path as the user typed it relative to here, else as given."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@import_group.command("bpmn")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_CONTENT
@_FORCE
@_LANGUAGE
def import_bpmn(files: tuple[Path, ...], content_dir: Path, force: bool, language: str) -> None:
    """BPMN-2.0-Dateien als Prozesse übernehmen (Bahnen werden zu Rollen).

    Alles oder nichts: geschrieben wird erst, wenn jede Datei umgewandelt ist und die
    Prüfung der neuen Dateien keinen Fehler findet. Vorhandene Dateien bleiben ohne
    --force unberührt.
    """
    from .bpmn_plan import bpmn_plan
    from .notices import ImportRefusedError

    try:
        plan = bpmn_plan([(f, _shown(f)) for f in files], content_dir, language)
    except ImportRefusedError as refused:
        lines = [n.format(language) for n in refused.notices]
        _finish(ImportOutcome([*lines, text("interop.nothing-written", language)], 1))
        return
    _finish(
        apply_plan(
            plan,
            content_dir,
            _shown(content_dir),
            force=force,
            language=language,
            today=dt.date.today(),
        )
    )


@import_group.command("koos")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@_CONTENT
@_FORCE
@_LANGUAGE
def import_koos(folder: Path, content_dir: Path, force: bool, language: str) -> None:
    """Eine KOOS-Ablage (orga.yaml, prozesse/*.md) übernehmen: Einheiten, Rollen, Prozesse.

    Alles oder nichts wie beim BPMN-Import; vorhandene Dateien bleiben ohne --force
    unberührt.
    """
    from .koos_plan import koos_plan
    from .notices import ImportRefusedError

    try:
        plan = koos_plan(folder, _shown(folder), language)
    except ImportRefusedError as refused:
        lines = [n.format(language) for n in refused.notices]
        _finish(ImportOutcome([*lines, text("interop.nothing-written", language)], 1))
        return
    _finish(
        apply_plan(
            plan,
            content_dir,
            _shown(content_dir),
            force=force,
            language=language,
            today=dt.date.today(),
        )
    )
