"""The ``export`` and ``import`` commands of ``prozesshandbuch``; cli.py only adds them."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

import click

from ..content.check import check_handbook
from ..i18n import text
from ..tools.cli_options import content_option, help_text, language_option
from .importing import ImportOutcome, ImportPlan, apply_plan


def _root_for(content_dir: Path) -> Path:
    """Paths in messages are relative to the working directory when the folder is in it."""
    root = Path.cwd()
    return root if content_dir.resolve().is_relative_to(root.resolve()) else content_dir.parent


@click.group("export", help=help_text("interop.help.export"))
def export_group() -> None:
    """Export content for other tools; the help text comes from the catalogue."""


@export_group.command("bpmn", help=help_text("interop.help.export-bpmn"))
@click.argument("process_ids", nargs=-1)
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    default=Path("bpmn"),
    help=help_text("interop.help.export-output"),
)
@content_option
@language_option
def export_bpmn(
    process_ids: tuple[str, ...], output: Path, content_dir: Path, language: str
) -> None:
    """Write one ``<id>.bpmn`` per process, every process when no id is given."""
    from ..content.urls import bpmn_file_name
    from .bpmn_export import export_process

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


@click.group("import", help=help_text("interop.help.import"))
def import_group() -> None:
    """Import content from other tools; the help text comes from the catalogue."""


_FORCE = click.option("--force", is_flag=True, help=help_text("interop.help.force"))


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


@import_group.command("bpmn", help=help_text("interop.help.import-bpmn"))
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@content_option
@_FORCE
@language_option
def import_bpmn(files: tuple[Path, ...], content_dir: Path, force: bool, language: str) -> None:
    """Convert BPMN files into process files, all or nothing."""
    from .bpmn_plan import bpmn_plan

    _import(
        lambda: bpmn_plan([(f, _shown(f)) for f in files], content_dir, language),
        content_dir,
        force,
        language,
    )


@import_group.command("koos", help=help_text("interop.help.import-koos"))
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@content_option
@_FORCE
@language_option
def import_koos(folder: Path, content_dir: Path, force: bool, language: str) -> None:
    """Convert a KOOS folder into units, roles and processes, all or nothing."""
    from .koos_plan import koos_plan

    _import(lambda: koos_plan(folder, _shown(folder), language), content_dir, force, language)


def _import(plan: Callable[[], ImportPlan], content_dir: Path, force: bool, language: str) -> None:
    """Make the plan and write it, all or nothing: a refused import writes no file."""
    from .notices import ImportRefusedError

    try:
        made = plan()
    except ImportRefusedError as refused:
        lines = [n.format(language) for n in refused.notices]
        _finish(ImportOutcome([*lines, text("interop.nothing-written", language)], 1))
        return
    _finish(
        apply_plan(
            made,
            content_dir,
            _shown(content_dir),
            force=force,
            language=language,
            today=dt.date.today(),
        )
    )
