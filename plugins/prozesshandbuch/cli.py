"""The `prozesshandbuch` command: check content, write schemas, and more."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from .content.checkcache import check_content
from .content.problems import errors, warnings
from .i18n import text as say
from .interop.commands import export_group, import_group
from .tools.cli_options import content_option, help_text, language_option
from .tools.problem_formats import REPORT_FORMATS, ReportFormat, render_report, text_lines


@click.group(help=help_text("cli.help.main"))
def main() -> None:
    """The command group; each command's help text comes from the catalogue."""


@main.command(help=help_text("cli.help.check"))
@click.argument("path", type=click.Path(path_type=Path), default=Path("content"))
@click.option("--strict", is_flag=True, help=help_text("cli.help.strict"))
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help=help_text("cli.help.today-review"))
@click.option(
    "--format",
    "report_format",
    type=click.Choice(REPORT_FORMATS),
    default="text",
    help=help_text("forge.check.format-help"),
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=help_text("forge.check.output-help"),
)
@click.option("--no-cache", is_flag=True, help=help_text("progress.check.no-cache-help"))
@language_option
def check(
    path: Path,
    strict: bool,
    today: dt.datetime | None,
    report_format: ReportFormat,
    output: Path | None,
    language: str,
    no_cache: bool,
) -> None:
    """Check the content files and report every problem, as text or for a CI system."""
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
            note = say("forge.output-failed", language, path=output, reason=reason)
            click.echo(note, err=True)
            sys.exit(2)
    else:
        click.echo(report, nl=False, err=report_format == "text")
    counts = {
        "files": result.file_count,
        "errors": len(errors(problems)),
        "warnings": len(warnings(problems)),
    }
    click.echo(say("cli.check-ok", language, **counts), err=True)
    failed = bool(errors(problems)) or (strict and bool(warnings(problems)))
    sys.exit(1 if failed else 0)


def schema_files() -> dict[str, str]:
    """File name -> text for every content kind's schema, and for ``handbook.json``'s."""
    # the model and pydantic: imported here because a cached ``check`` does not need them
    from .content.model import MODEL_BY_KIND
    from .content.schema import schema_text
    from .interop import handbook_json

    files = {f"{kind}.schema.json": schema_text(kind) for kind in MODEL_BY_KIND}
    files[handbook_json.SCHEMA_FILE] = handbook_json.schema_text()
    return files


@main.command(help=help_text("cli.help.schema"))
@click.option(
    "--out", type=click.Path(path_type=Path), default=Path("schema"), help=help_text("cli.help.out")
)
@click.option("--check", "verify", is_flag=True, help=help_text("cli.help.check-schema"))
@language_option
def schema(out: Path, verify: bool, language: str) -> None:
    """Write (or only compare) the JSON schemas of the content files."""
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
        key = "cli.schema-stale" if verify else "cli.file-written"
        click.echo(say(key, language, path=target), err=True)
    sys.exit(1 if verify and stale else 0)


# --- history and review routing -----------------------------------------------------------
# Imports are local so that `check` and `schema` start without loading GitPython.


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


@main.command("diff", help=help_text("cli.help.diff"))
@click.argument("revisions")
@content_option
@language_option
def diff_command(revisions: str, content_dir: Path, language: str) -> None:
    """Print the content changes of REVISIONS in words, as a Markdown comment."""
    from .analysis.changes import ChangeDescriber, diff_report, handbook_titles
    from .analysis.history import read_diff
    from .content.load import load_handbook

    root = _repository_root(content_dir)
    with read_diff(root, content_dir, revisions) as diff:
        if diff.problem is not None:
            detail = diff.problem.detail(language)
            click.echo(say("cli.cannot-compare", language, detail=detail), err=True)
            sys.exit(2)
        titles = handbook_titles(load_handbook(content_dir, root).handbook)
        describer = ChangeDescriber.for_history(diff, titles, language)
        click.echo(diff_report(diff, describer, revisions, language), nl=False)


@main.command(help=help_text("forge.help.reviewed"))
@click.argument("process_ids", metavar="ID...", nargs=-1, required=True)
@content_option
@click.option(
    "--today", type=click.DateTime(["%Y-%m-%d"]), help=help_text("forge.reviewed.today-help")
)
@language_option
def reviewed(
    process_ids: tuple[str, ...], content_dir: Path, today: dt.datetime | None, language: str
) -> None:
    """Set ``review.last_reviewed`` of the processes to the day, all or none of them."""
    from .tools.review_stamp import Stamp, StampError, process_file, stamp_review, write_in_place

    day = today.date() if today else dt.date.today()
    root = _repository_root(content_dir)
    known = sorted(p.stem for p in (content_dir / "processes").glob("*.yml"))
    stamps: list[tuple[Path, Stamp]] = []
    failed = False
    for process_id in dict.fromkeys(process_ids):
        try:
            path = process_file(content_dir, process_id)
            if not path.is_file():
                raise StampError("unknown-process", id=process_id)
            stamp = stamp_review(path.read_bytes().decode("utf-8"), day)
        except (StampError, OSError, UnicodeDecodeError) as error:
            failed = True
            click.echo(_stamp_problem(process_id, error, known, language), err=True)
            continue
        stamps.append((path, stamp))
    if failed:
        click.echo(say("forge.reviewed.nothing-changed", language), err=True)
        sys.exit(2)
    for path, stamp in stamps:
        shown = _shown_path(path, root)
        date = day.isoformat()
        if stamp.previous == date:
            note = say("forge.reviewed.current", language, date=date)
        else:
            write_in_place(path, stamp.text)
            if stamp.previous is None:
                note = say("forge.reviewed.added", language, date=date)
            else:
                note = say("forge.reviewed.changed", language, previous=stamp.previous, date=date)
        click.echo(f"{shown}:{stamp.line}:{stamp.column}: {note}", err=True)


def _shown_path(path: Path, root: Path) -> str:
    resolved, base = path.resolve(), root.resolve()
    return resolved.relative_to(base).as_posix() if resolved.is_relative_to(base) else str(path)


# Why `reviewed` left a file alone, by StampError code.
_STAMP_TEXTS = {
    "invalid-id": "forge.reviewed.invalid-id",
    "unknown-process": "problem.unknown-process",
    "unreadable": "forge.reviewed.unreadable",
    "unexpected-layout": "forge.reviewed.unexpected-layout",
}


def _stamp_problem(process_id: str, error: Exception, known: list[str], language: str) -> str:
    from .content.problems import closest
    from .tools.review_stamp import StampError

    if isinstance(error, StampError):
        said = say(_STAMP_TEXTS[error.code], language, **error.args_)
        if error.code in ("unknown-process", "invalid-id"):
            candidate = closest(process_id, known)
            if candidate:
                said += say("problem.did-you-mean", language, candidate=candidate)
        return f"{process_id}: {said}"
    reason = getattr(error, "strerror", None) or str(error)
    return f"{process_id}: {reason}"


@main.command("mr-note", help=help_text("forge.help.mr-note"))
@click.argument("report", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--token-variable",
    default="PROZESSHANDBUCH_NOTE_TOKEN",
    help=help_text("forge.note.help-token"),
)
@language_option
def mr_note(report: Path, token_variable: str, language: str) -> None:
    """Post REPORT as the handbook's comment in the GitLab merge request of this pipeline."""
    from .tools.gitlab_note import MergeRequest, NoteError, note_body, publish_note

    merge_request = MergeRequest.from_environment(os.environ, token_variable)
    if merge_request is None or not merge_request.token:
        if merge_request is None and os.environ.get(token_variable):
            click.echo(say("forge.note.no-merge-request", language), err=True)
            sys.exit(2)
        click.echo(say("forge.note.no-token", language, variable=token_variable), err=True)
        return
    hint = say("forge.note.truncated", language)
    body = note_body(report.read_text(encoding="utf-8"), hint)
    try:
        outcome = publish_note(merge_request, body)
    except NoteError as error:
        click.echo(say("forge.note.failed", language, reason=error), err=True)
        sys.exit(3)
    key = "forge.note.created" if outcome == "created" else "forge.note.updated"
    click.echo(say(key, language, iid=merge_request.iid), err=True)


@main.command(help=help_text("cli.help.codeowners"))
@click.option(
    "--format",
    "forge",
    type=click.Choice(["gitlab", "github"]),
    default="gitlab",
    help=help_text("cli.help.format"),
)
@click.option(
    "--output",
    default=None,
    help=help_text("cli.help.output"),
)
@click.option("--check", "verify", is_flag=True, help=help_text("cli.help.check-file"))
@content_option
@click.option(
    "--fallback",
    multiple=True,
    help=help_text("cli.help.fallback"),
)
@click.option(
    "--today", type=click.DateTime(["%Y-%m-%d"]), help=help_text("cli.help.today-holders")
)
@language_option
def codeowners(
    forge: str,
    output: str | None,
    verify: bool,
    content_dir: Path,
    fallback: tuple[str, ...],
    today: dt.datetime | None,
    language: str,
) -> None:
    """Write (or only compare) CODEOWNERS: each content file to its accountable people."""
    from .content.load import load_handbook
    from .content.problems import errors
    from .tools.codeowners import (
        DEFAULT_PATHS,
        Forge,
        invalid_names,
        regenerate_command,
        render_codeowners,
    )
    from .tools.mkdocs_options import plugin_options

    root = _repository_root(content_dir)
    # The editorial group can also live in mkdocs.yml, so that CI's plain `--check` and
    # the site agree on it; it is checked like a command-line name.
    configured = plugin_options(root / "mkdocs.yml").get("codeowners_fallback") or ()
    configured = (configured,) if isinstance(configured, str) else tuple(map(str, configured))
    for name in invalid_names((*fallback, *configured)):
        # A line break in a name would add a line of its own to CODEOWNERS.
        shown = name.encode("unicode_escape").decode("ascii")
        click.echo(say("cli.invalid-fallback", language, name=shown), err=True)
        sys.exit(2)
    loaded = load_handbook(content_dir, root)
    if not content_dir.is_dir():
        click.echo(loaded.problems[0].format(language), err=True)
        sys.exit(2)
    faulty = errors(loaded.problems)
    if faulty:
        click.echo(say("cli.codeowners-faulty", language, count=len(faulty)), err=True)
    # The header names the content folder relative to the repository, where the command
    # is meant to run, so that it does not depend on the working directory.
    folder, base = content_dir.resolve(), root.resolve()
    content = folder.relative_to(base).as_posix() if folder.is_relative_to(base) else str(folder)
    kind: Forge = "github" if forge == "github" else "gitlab"
    command = regenerate_command(kind, content, fallback)
    day = today.date() if today else dt.date.today()
    # Owners from mkdocs.yml are not part of the command: it finds them there again.
    text = render_codeowners(
        loaded.handbook,
        day,
        kind,
        language=language,
        command=command,
        fallback=(*fallback, *configured),
    )
    if output == "-":
        if verify:
            click.echo(say("cli.check-needs-file", language), err=True)
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
            click.echo(say("cli.file-current", language, path=shown), err=True)
            return 0
        if verify:
            key = "cli.file-missing" if current is None else "cli.file-stale"
            click.echo(say(key, language, path=shown, command=command), err=True)
            return 1
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        click.echo(say("cli.file-error", language, path=shown, reason=reason), err=True)
        return 2
    click.echo(say("cli.file-written", language, path=shown), err=True)
    return 0


# --- exchange with other tools (BPMN, KOOS): commands live in interop/commands.py --------
main.add_command(export_group)
main.add_command(import_group)
