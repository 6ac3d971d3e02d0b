"""The command line: what `prozesshandbuch` prints besides the problems themselves."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "cli.schema-stale": ("{path}: veraltet", "{path}: out of date"),
    "cli.cannot-compare": ("Vergleich nicht möglich: {detail}", "cannot compare: {detail}"),
    "cli.codeowners-faulty": (
        "Hinweis: {count} Fehler in Inhaltsdateien; fehlerhafte Dateien fehlen in CODEOWNERS "
        "(Einzelheiten: prozesshandbuch check)",
        "note: {count} error(s) in content files; faulty files are missing from CODEOWNERS "
        "(details: prozesshandbuch check)",
    ),
    "cli.check-needs-file": ("--check braucht eine Datei", "--check needs a file"),
    "cli.file-current": ("{path}: aktuell", "{path}: up to date"),
    "cli.file-missing": (
        "{path}: fehlt – neu erzeugen mit: {command}",
        "{path}: is missing – regenerate with: {command}",
    ),
    "cli.file-stale": (
        "{path}: ist nicht aktuell – neu erzeugen mit: {command}",
        "{path}: is out of date – regenerate with: {command}",
    ),
    "cli.file-error": ("{path}: Fehler: {reason}", "{path}: error: {reason}"),
    "cli.file-written": ("{path}: geschrieben", "{path}: written"),
    "build.bad-today": (
        "ungültiges Datum '{value}' (erwartet JJJJ-MM-TT, z. B. 2026-11-23)",
        "invalid date '{value}' (expected YYYY-MM-DD, e.g. 2026-11-23)",
    ),
    # Help texts (``--help``), in the language of PROZESSHANDBUCH_LANG
    "cli.help.main": (
        "Prozesshandbuch: Prozessdokumentation als Website.",
        "Prozesshandbuch: process documentation as a website.",
    ),
    "cli.help.lang": ("Sprache der Meldungen", "language of messages"),
    "cli.help.check": (
        "Inhalte in PATH prüfen, ohne die Website zu bauen (Standard: ./content).\n\n"
        "Probleme stehen als 'pfad:zeile:spalte: meldung' auf der Standardfehlerausgabe. "
        "Mit --format gitlab, github oder json kommt der Bericht für CI-Systeme auf die "
        "Standardausgabe (oder mit --output in eine Datei); bei gitlab und json stehen die "
        "Zeilen zusätzlich im Protokoll.",
        "Check the content in PATH without building the site (default: ./content).\n\n"
        "Problems are printed as 'path:line:column: message' on standard error. With "
        "--format gitlab, github or json the report for CI systems goes to standard output "
        "(or with --output to a file); with gitlab and json the lines are also in the log.",
    ),
    "cli.help.strict": ("Warnungen als Fehler zählen", "count warnings as errors"),
    "cli.help.today-review": ("Stichtag für Prüffristen", "reference day for review deadlines"),
    "cli.help.schema": (
        "JSON-Schemas der Inhaltsdateien schreiben (für Editoren wie VS Code).",
        "Write the JSON schemas of the content files (for editors such as VS Code).",
    ),
    "cli.help.out": ("Zielordner", "target folder"),
    "cli.help.check-schema": (
        "Nur prüfen, ob die Dateien aktuell sind",
        "only check whether the files are up to date",
    ),
    "cli.help.content": (
        "Inhaltsordner (Standard: ./content)",
        "content folder (default: ./content)",
    ),
    "cli.help.diff": (
        "Änderungen an Inhalten in Worten, als Markdown für einen Merge-Request-Kommentar.\n\n"
        "REVISIONS wie bei git diff: A..B vergleicht zwei Commits; A...B vergleicht ab dem "
        "gemeinsamen Vorfahren (die Sicht eines Merge Requests, z. B. origin/main...HEAD); "
        "A allein vergleicht A mit dem Arbeitsverzeichnis, einschließlich noch nicht "
        "hinzugefügter Dateien. Rollentitel stammen aus dem aktuellen Inhaltsordner.",
        "Changes to content in words, as Markdown for a merge request comment.\n\n"
        "REVISIONS as for git diff: A..B compares two commits; A...B compares from the "
        "common ancestor (the view of a merge request, e.g. origin/main...HEAD); A alone "
        "compares A with the working tree, including files not yet added. Role titles come "
        "from the current content folder.",
    ),
    "cli.help.codeowners": (
        "CODEOWNERS schreiben: jede Inhaltsdatei geht an die verantwortlichen Personen.\n\n"
        "Prozesse gehen an die Personen der verantwortlichen Rolle ('owner'), Rollen an ihre "
        "eigenen Personen, Einheiten an die Personen der Leitungsrolle ('head'), IT-Systeme "
        "an die der Fachverfahrensbetreuung ('owner'); jeweils wer am Stichtag in der Rolle "
        "ist und einen 'username' hat. Mit --check: Exit-Code 1, wenn die Datei veraltet ist.",
        "Write CODEOWNERS: each content file goes to the people accountable for it.\n\n"
        "Processes go to the holders of the owner role ('owner'), roles to their own "
        "holders, units to the holders of the head role ('head'), IT systems to those of the "
        "system owner ('owner'); each time whoever holds the role on the reference day and "
        "has a 'username'. With --check: exit code 1 when the file is out of date.",
    ),
    "cli.help.format": (
        "Syntax der Git-Plattform (Standard: gitlab)",
        "syntax of the git forge (default: gitlab)",
    ),
    "cli.help.output": (
        "Zieldatei, '-' für die Standardausgabe "
        "(Standard: .gitlab/CODEOWNERS bzw. .github/CODEOWNERS im Repository)",
        "target file, '-' for standard output "
        "(default: .gitlab/CODEOWNERS or .github/CODEOWNERS in the repository)",
    ),
    "cli.help.check-file": (
        "Nur prüfen, ob die Datei aktuell ist",
        "only check whether the file is up to date",
    ),
    "cli.help.fallback": (
        "Benutzer oder Gruppe für Dateien, deren Rolle und Vertretung unbesetzt sind "
        "(mehrfach möglich; dauerhaft: Plugin-Option codeowners_fallback in mkdocs.yml)",
        "user or group for files whose role and deputy are vacant (may be given more than "
        "once; permanently: plugin option codeowners_fallback in mkdocs.yml)",
    ),
    "cli.help.today-holders": ("Stichtag für 'holders'", "reference day for 'holders'"),
}
