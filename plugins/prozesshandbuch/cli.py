"""The `prozesshandbuch` command: check content, write schemas, and more."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from . import i18n
from .checkcache import check_content
from .messages import message
from .problem_formats import REPORT_FORMATS, ReportFormat, render_report, text_lines
from .problems import errors, warnings

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
@click.option(
    "--format",
    "report_format",
    type=click.Choice(REPORT_FORMATS),
    default="text",
    help=i18n.text("forge.check.format-help"),
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=i18n.text("forge.check.output-help"),
)
@click.option("--no-cache", is_flag=True, help=i18n.text("progress.check.no-cache-help"))
@_LANGUAGE
def check(
    path: Path,
    strict: bool,
    today: dt.datetime | None,
    report_format: ReportFormat,
    output: Path | None,
    language: str,
    no_cache: bool,
) -> None:
    """Inhalte in PATH prüfen, ohne die Website zu bauen (Standard: ./content).

    Probleme stehen als 'pfad:zeile:spalte: meldung' auf der Standardfehlerausgabe.
    Mit --format gitlab, github oder json kommt der Bericht für CI-Systeme auf die
    Standardausgabe (oder mit --output in eine Datei); bei gitlab und json stehen die
    Zeilen zusätzlich im Protokoll.
    """
    content_dir = path
    root = Path.cwd()
    if not content_dir.resolve().is_relative_to(root.resolve()):
        root = content_dir.parent
    day = today.date() if today else dt.date.today()
    result = check_content(content_dir, root, day, cached=not no_cache)
    problems = result.problems
    report = render_report(problems, report_format, language)
    if report_format in ("gitlab", "json"):
        for line in text_lines(problems, language):
            click.echo(line, err=True)
    if output is not None:
        try:
            output.write_text(report, encoding="utf-8")
        except OSError as error:
            reason = error.strerror or str(error)
            note = i18n.text("forge.output-failed", language, path=output, reason=reason)
            click.echo(note, err=True)
            sys.exit(2)
    else:
        click.echo(report, nl=False, err=report_format == "text")
    counts = {
        "files": str(result.file_count),
        "errors": str(len(errors(problems))),
        "warnings": str(len(warnings(problems))),
    }
    click.echo(message("check-ok", language, counts), err=True)
    failed = bool(errors(problems)) or (strict and bool(warnings(problems)))
    sys.exit(1 if failed else 0)


@main.command()
@click.option("--out", type=click.Path(path_type=Path), default=Path("schema"), help="Zielordner")
@click.option("--check", "verify", is_flag=True, help="Nur prüfen, ob die Dateien aktuell sind")
def schema(out: Path, verify: bool) -> None:
    """JSON-Schemas der Inhaltsdateien schreiben (für Editoren wie VS Code)."""
    from .schema import schema_files  # the model and pydantic: not needed by a cached check

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


# --- history and review routing -----------------------------------------------------------
# Imports are local so that `check` and `schema` start without loading GitPython.


def _say(language: str, german: str, english: str) -> str:
    return english if language == "en" else german


def _repository_root(content_dir: Path) -> Path:
    """The folder whose paths CODEOWNERS and reports use: the nearest one with ``.git``.

    Found without git, so it works where git is missing; falls back to the rule of
    ``check`` (the working directory, or the content folder's parent).
    """
    start = content_dir.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    root = Path.cwd()
    return root if start.is_relative_to(root.resolve()) else content_dir.parent


@main.command("diff")
@click.argument("revisions")
@click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path),
    default=Path("content"),
    help="Inhaltsordner (Standard: ./content)",
)
@_LANGUAGE
def diff_command(revisions: str, content_dir: Path, language: str) -> None:
    """Änderungen an Inhalten in Worten, als Markdown für einen Merge-Request-Kommentar.

    REVISIONS wie bei git diff: A..B vergleicht zwei Commits; A...B vergleicht ab dem
    gemeinsamen Vorfahren (die Sicht eines Merge Requests, z. B. origin/main...HEAD);
    A allein vergleicht A mit dem Arbeitsverzeichnis, einschließlich noch nicht
    hinzugefügter Dateien. Rollentitel stammen aus dem aktuellen Inhaltsordner.
    """
    from .changes import ChangeDescriber, diff_report, handbook_titles
    from .history import read_diff
    from .load import load_handbook

    root = _repository_root(content_dir)
    with read_diff(root, content_dir, revisions) as diff:
        if diff.problem is not None:
            prefix = _say(language, "Vergleich nicht möglich", "cannot compare")
            click.echo(f"{prefix}: {diff.problem.detail(language)}", err=True)
            sys.exit(2)
        titles = handbook_titles(load_handbook(content_dir, root).handbook)
        describer = ChangeDescriber.for_history(diff, titles, language)
        click.echo(diff_report(diff, describer, revisions, language), nl=False)


@main.command()
@click.option(
    "--format",
    "forge",
    type=click.Choice(["gitlab", "github"]),
    default="gitlab",
    help="Syntax der Git-Plattform (Standard: gitlab)",
)
@click.option(
    "--output",
    default=None,
    help="Zieldatei, '-' für die Standardausgabe "
    "(Standard: .gitlab/CODEOWNERS bzw. .github/CODEOWNERS im Repository)",
)
@click.option("--check", "verify", is_flag=True, help="Nur prüfen, ob die Datei aktuell ist")
@click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path),
    default=Path("content"),
    help="Inhaltsordner (Standard: ./content)",
)
@click.option(
    "--fallback",
    multiple=True,
    help="Benutzer oder Gruppe für Dateien ohne Zuordnung (mehrfach möglich)",
)
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="Stichtag für 'holders'")
@_LANGUAGE
def codeowners(
    forge: str,
    output: str | None,
    verify: bool,
    content_dir: Path,
    fallback: tuple[str, ...],
    today: dt.datetime | None,
    language: str,
) -> None:
    """CODEOWNERS schreiben: jede Inhaltsdatei geht an die verantwortlichen Personen.

    Prozesse gehen an die Personen der verantwortlichen Rolle ('owner'), Rollen an ihre
    eigenen Personen, Einheiten an die Personen der Leitungsrolle ('head'), IT-Systeme an
    die der Fachverfahrensbetreuung ('owner'); jeweils wer am Stichtag in der Rolle ist
    und einen 'username' hat. Mit --check: Exit-Code 1, wenn die Datei veraltet ist.
    """
    from .codeowners import (
        DEFAULT_PATHS,
        Forge,
        invalid_names,
        regenerate_command,
        render_codeowners,
    )
    from .load import load_handbook
    from .problems import errors

    for name in invalid_names(fallback):
        # A line break in a name would add a line of its own to CODEOWNERS.
        shown = name.encode("unicode_escape").decode("ascii")
        click.echo(i18n.text("cli.invalid-fallback", language, name=shown), err=True)
        sys.exit(2)

    root = _repository_root(content_dir)
    loaded = load_handbook(content_dir, root)
    if not content_dir.is_dir():
        click.echo(loaded.problems[0].format(language), err=True)
        sys.exit(2)
    faulty = errors(loaded.problems)
    if faulty:
        click.echo(
            _say(
                language,
                f"Hinweis: {len(faulty)} Fehler in Inhaltsdateien; fehlerhafte Dateien fehlen "
                "in CODEOWNERS (Einzelheiten: prozesshandbuch check)",
                f"note: {len(faulty)} error(s) in content files; faulty files are missing "
                "from CODEOWNERS (details: prozesshandbuch check)",
            ),
            err=True,
        )
    # The header names the content folder relative to the repository, where the command
    # is meant to run, so that it does not depend on the working directory.
    folder, base = content_dir.resolve(), root.resolve()
    content = folder.relative_to(base).as_posix() if folder.is_relative_to(base) else str(folder)
    kind: Forge = "github" if forge == "github" else "gitlab"
    command = regenerate_command(kind, content, fallback)
    day = today.date() if today else dt.date.today()
    text = render_codeowners(
        loaded.handbook, day, kind, language=language, command=command, fallback=fallback
    )
    if output == "-":
        if verify:
            click.echo(
                _say(language, "--check braucht eine Datei", "--check needs a file"), err=True
            )
            sys.exit(2)
        click.echo(text, nl=False)
        return
    target = Path(output) if output else root / DEFAULT_PATHS[kind]
    again = f"{command} --output {output}" if output else command
    sys.exit(_sync_file(target, text, root, verify=verify, command=again, language=language))


def _sync_file(
    target: Path, text: str, root: Path, *, verify: bool, command: str, language: str
) -> int:
    """Write ``text`` to ``target`` unless it is there already, or only compare (``verify``).

    Returns the exit code; every outcome is one line on stderr.
    """
    shown = target.relative_to(root) if target.is_relative_to(root) else target
    try:
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            click.echo(_say(language, f"{shown}: aktuell", f"{shown}: up to date"), err=True)
            return 0
        if verify:
            state = (
                _say(language, "fehlt", "is missing")
                if current is None
                else _say(language, "ist nicht aktuell", "is out of date")
            )
            hint = _say(language, "neu erzeugen mit", "regenerate with")
            click.echo(f"{shown}: {state} – {hint}: {command}", err=True)
            return 1
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        click.echo(f"{shown}: {_say(language, 'Fehler', 'error')}: {reason}", err=True)
        return 2
    click.echo(_say(language, f"{shown}: geschrieben", f"{shown}: written"), err=True)
    return 0
