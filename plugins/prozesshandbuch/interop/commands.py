"""The ``export`` and ``import`` commands of ``prozesshandbuch``; cli.py only adds them."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from ..check import check_handbook
from ..i18n import DEFAULT_LANGUAGE, text
from .importing import ImportOutcome, apply_plan

# As in cli.py: help is printed before options are read, so its language comes from the
# environment.
_HELP_LANGUAGE = os.environ.get("PROZESSHANDBUCH_LANG", DEFAULT_LANGUAGE)


def _help(key: str) -> str:
    return text(key, _HELP_LANGUAGE)


_LANGUAGE = click.option(
    "--lang",
    "language",
    type=click.Choice(["de", "en"]),
    default=lambda: os.environ.get("PROZESSHANDBUCH_LANG", DEFAULT_LANGUAGE),
    help=_help("cli.help.lang"),
)
_CONTENT = click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path),
    default=Path("content"),
    help=_help("cli.help.content"),
)


def _root_for(content_dir: Path) -> Path:
    """Paths in messages are relative to the working directory when the folder is in it."""
    root = Path.cwd()
    return root if content_dir.resolve().is_relative_to(root.resolve()) else content_dir.parent


@click.group("export", help=_help("interop.help.export"))
def export_group() -> None:
    """Export content for other tools; the help text comes from the catalogue."""


@export_group.command("bpmn", help=_help("interop.help.export-bpmn"))
@click.argument("process_ids", nargs=-1)
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    default=Path("bpmn"),
    help=_help("interop.help.export-output"),
)
@_CONTENT
@_LANGUAGE
def export_bpmn(
    process_ids: tuple[str, ...], output: Path, content_dir: Path, language: str
) -> None:
    """Write one ``<id>.bpmn`` per process, every process when no id is given."""
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
            click.echo(text("problem.unknown-process", language, id=pid), err=True)
        sys.exit(1)
    titles = {role_id: role.title for role_id, role in handbook.roles.items()}
    chosen = list(process_ids) or list(handbook.processes)
    output.mkdir(parents=True, exist_ok=True)
    for pid in chosen:
        target = output / bpmn_file_name(pid)
        target.write_bytes(export_process(handbook.processes[pid], titles))
        click.echo(text("cli.file-written", language, path=target), err=True)


@click.group("import", help=_help("interop.help.import"))
def import_group() -> None:
    """Import content from other tools; the help text comes from the catalogue."""


_FORCE = click.option("--force", is_flag=True, help=_help("interop.help.force"))


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


@import_group.command("bpmn", help=_help("interop.help.import-bpmn"))
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_CONTENT
@_FORCE
@_LANGUAGE
def import_bpmn(files: tuple[Path, ...], content_dir: Path, force: bool, language: str) -> None:
    """Convert BPMN files into process files, all or nothing."""
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


@import_group.command("koos", help=_help("interop.help.import-koos"))
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@_CONTENT
@_FORCE
@_LANGUAGE
def import_koos(folder: Path, content_dir: Path, force: bool, language: str) -> None:
    """Convert a KOOS folder into units, roles and processes, all or nothing."""
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
