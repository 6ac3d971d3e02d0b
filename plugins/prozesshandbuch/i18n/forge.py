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
}
