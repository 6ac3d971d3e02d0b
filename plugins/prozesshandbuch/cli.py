"""The `prozesshandbuch` command: check content, write schemas, and more."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from .check import check_handbook
from .messages import message
from .schema import schema_files

_LANGUAGE = click.option(
    "--lang",
    "language",
    type=click.Choice(["de", "en"]),
    default=lambda: os.environ.get("PROZESSHANDBUCH_LANG", "de"),
    help="Sprache der Meldungen / language of messages",
)


@click.group()
def main() -> None:
    """Prozesshandbuch: Prozessdokumentation als Website."""


@main.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path("content"))
@click.option("--strict", is_flag=True, help="Warnungen als Fehler zählen")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="Stichtag für Prüffristen")
@_LANGUAGE
def check(path: Path, strict: bool, today: dt.datetime | None, language: str) -> None:
    """Inhalte in PATH prüfen, ohne die Website zu bauen (Standard: ./content)."""
    content_dir = path
    root = Path.cwd()
    if not content_dir.resolve().is_relative_to(root.resolve()):
        root = content_dir.parent
    day = today.date() if today else dt.date.today()
    result = check_handbook(content_dir, root, day)
    for problem in result.problems:
        click.echo(problem.format(language), err=True)
    counts = {
        "files": str(result.loaded.file_count),
        "errors": str(len(result.errors)),
        "warnings": str(len(result.warnings)),
    }
    click.echo(message("check-ok", language, counts), err=True)
    failed = bool(result.errors) or (strict and bool(result.warnings))
    sys.exit(1 if failed else 0)


@main.command()
@click.option("--out", type=click.Path(path_type=Path), default=Path("schema"), help="Zielordner")
@click.option("--check", "verify", is_flag=True, help="Nur prüfen, ob die Dateien aktuell sind")
def schema(out: Path, verify: bool) -> None:
    """JSON-Schemas der Inhaltsdateien schreiben (für Editoren wie VS Code)."""
    stale = []
    for name, text in schema_files().items():
        target = out / name
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        stale.append(target)
        if not verify:
            out.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    for target in stale:
        verb = "veraltet" if verify else "geschrieben"
        click.echo(f"{target}: {verb}", err=True)
    sys.exit(1 if verify and stale else 0)

