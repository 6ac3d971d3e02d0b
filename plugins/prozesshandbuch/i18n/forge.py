"""Texts of the merge-request workflow: CI report formats, edit button, review command."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "forge.check.format-help": (
        "Ausgabeformat: text (Zeilen pfad:zeile:spalte), gitlab (Code-Quality-Bericht), "
        "github (Workflow-Befehle für Anmerkungen), json (Liste)",
        "output format: text (path:line:column lines), gitlab (Code Quality report), "
        "github (workflow commands for annotations), json (list)",
    ),
    "forge.check.output-help": (
        "Bericht in diese Datei schreiben statt auf die Standardausgabe",
        "write the report to this file instead of standard output",
    ),
    "forge.output-failed": (
        "{path}: kann nicht geschrieben werden: {reason}",
        "{path}: cannot be written: {reason}",
    ),
    # Help texts (``--help``), in the language of PROZESSHANDBUCH_LANG
    "forge.help.reviewed": (
        "Prüfung bestätigen: 'review.last_reviewed' der Prozesse ID... auf heute setzen.\n\n"
        "Für Maintainer; ändert nur das Datum in der Datei (Kommentare und Formatierung "
        "bleiben). Ist eine Kennung unbekannt, wird keine Datei geändert (Exit-Code 2).",
        "Confirm a review: set 'review.last_reviewed' of the processes ID... to today.\n\n"
        "For maintainers; changes only the date in the file (comments and formatting "
        "stay). If an id is unknown, no file is changed (exit code 2).",
    ),
    "forge.help.mr-note": (
        "REPORT als Kommentar im GitLab-Merge-Request, etwa aus 'prozesshandbuch diff'.\n\n"
        "Für GitLab-CI: liest API, Projekt und Merge-Request aus den vordefinierten "
        "Variablen, das Token aus der genannten CI/CD-Variable. Ein späterer Lauf "
        "aktualisiert denselben Kommentar. Ohne Token: nur ein Hinweis, Exit-Code 0. "
        "Exit-Code 3, wenn GitLab den Kommentar ablehnt.",
        "REPORT as a comment in the GitLab merge request, such as from 'prozesshandbuch "
        "diff'.\n\n"
        "For GitLab CI: reads API, project and merge request from the predefined "
        "variables, the token from the named CI/CD variable. A later run updates the same "
        "comment. Without a token: only a note, exit code 0. Exit code 3 when GitLab "
        "refuses the comment.",
    ),
    "forge.note.help-token": (
        "CI/CD-Variable mit dem Zugangstoken (Standard: PROZESSHANDBUCH_NOTE_TOKEN)",
        "CI/CD variable holding the access token (default: PROZESSHANDBUCH_NOTE_TOKEN)",
    ),
    "forge.note.no-token": (
        "Kein Kommentar im Merge-Request: die Variable {variable} ist nicht gesetzt. Die "
        "Änderungen stehen oben im Protokoll und im Artefakt „Änderungen in Worten“.",
        "No comment in the merge request: the variable {variable} is not set. The changes "
        "are in the log above and in the artifact “Änderungen in Worten”.",
    ),
    "forge.note.no-merge-request": (
        "Kein Kommentar: das ist keine Merge-Request-Pipeline (CI_API_V4_URL, "
        "CI_PROJECT_ID oder CI_MERGE_REQUEST_IID fehlen)",
        "No comment: this is not a merge request pipeline (CI_API_V4_URL, CI_PROJECT_ID "
        "or CI_MERGE_REQUEST_IID missing)",
    ),
    "forge.note.created": (
        "Kommentar im Merge-Request !{iid} geschrieben",
        "Comment added to merge request !{iid}",
    ),
    "forge.note.updated": (
        "Kommentar im Merge-Request !{iid} aktualisiert",
        "Comment in merge request !{iid} updated",
    ),
    "forge.note.failed": (
        "Kommentar konnte nicht gespeichert werden: {reason}. Die Änderungen stehen im "
        "Protokoll und im Artefakt; Token und Berechtigung (Rolle Reporter, Bereich api) "
        "prüfen.",
        "The comment could not be saved: {reason}. The changes are in the log and the "
        "artifact; check the token and its rights (role Reporter, scope api).",
    ),
    "forge.note.truncated": (
        "gekürzt; vollständig im Artefakt „Änderungen in Worten“ des Jobs",
        "shortened; complete in the job's artifact “Änderungen in Worten”",
    ),
    "forge.edit.process": ("Diesen Prozess bearbeiten", "Edit this process"),
    "forge.edit.role": ("Diese Rolle bearbeiten", "Edit this role"),
    "forge.edit.unit": ("Diese Organisationseinheit bearbeiten", "Edit this unit"),
    "forge.edit.system": ("Dieses IT-System bearbeiten", "Edit this IT system"),
    "forge.reviewed.today-help": (
        "Datum der Prüfung (Standard: heute)",
        "date of the review (default: today)",
    ),
    "forge.reviewed.invalid-id": (
        "'{id}' ist keine Prozesskennung (nur Kleinbuchstaben a–z, Ziffern und Bindestriche)",
        "'{id}' is not a process id (only lower-case letters a–z, digits and hyphens)",
    ),
    "forge.reviewed.unreadable": (
        "Datei kann nicht gelesen werden: {detail} (Einzelheiten: prozesshandbuch check)",
        "file cannot be read: {detail} (details: prozesshandbuch check)",
    ),
    "forge.reviewed.unexpected-layout": (
        "'review' hat eine unerwartete Form; bitte 'last_reviewed' von Hand setzen",
        "'review' has an unexpected form; please set 'last_reviewed' by hand",
    ),
    "forge.reviewed.nothing-changed": (
        "keine Datei geändert",
        "no file changed",
    ),
    "forge.reviewed.changed": (
        "last_reviewed: {previous} → {date}",
        "last_reviewed: {previous} → {date}",
    ),
    "forge.reviewed.added": (
        "last_reviewed: {date} eingetragen",
        "last_reviewed: {date} added",
    ),
    "forge.reviewed.current": (
        "last_reviewed ist schon {date}",
        "last_reviewed is already {date}",
    ),
    "forge.codeowners.via-deputy": (
        "# Vertretung: {path} – {reason}; es prüft die Vertretung '{deputy}'",
        "# deputy: {path} – {reason}; the deputy role '{deputy}' reviews",
    ),
}
