"""Texts about untrusted input: files that cannot be read safely, and git data."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "problem.too-deep": (
        "die Datei ist zu tief verschachtelt (mehr als {limit} Ebenen); Inhalte brauchen "
        "nur wenige Ebenen – ist eine Klammer [ oder {{ zu viel?",
        "the file is nested too deeply (more than {limit} levels); content needs only a "
        "few levels – is there a [ or {{ too many?",
    ),
    "problem.control-character": (
        "unsichtbares Steuerzeichen {character} ist nicht erlaubt; bitte entfernen",
        "invisible control character {character} is not allowed; please remove it",
    ),
    "history.revision-failed": (
        "ältere Version von {where} konnte nicht beschrieben werden ({error}); sie wird in "
        "der Änderungshistorie als fehlerhaft gezeigt",
        "an older version of {where} could not be described ({error}); the change history "
        "shows it as faulty",
    ),
    "history.skipped-commits": (
        "git konnte Autor oder Datum der Commits {commits} nicht lesen; ihre Änderungen "
        "fehlen in der Historie",
        "git could not read the author or date of the commits {commits}; their changes are "
        "missing from the history",
    ),
    "history.unreadable-log": (
        "die Ausgabe von git log hat eine unerwartete Form; ältere Einträge fehlen",
        "the output of git log has an unexpected form; older entries are missing",
    ),
    "build.phase-failed": (
        "interner Fehler beim Schritt „{phase}“ ({error}); die Website wurde nicht "
        "verändert. Einzelheiten zeigt mkdocs build --verbose; bitte den Fehler melden",
        "internal error in the step “{phase}” ({error}); the site was left unchanged. "
        "mkdocs build --verbose shows details; please report the error",
    ),
    "build.phase.load": ("Inhalte lesen und prüfen", "reading and checking the content"),
    "build.phase.staging": ("Bauordner anlegen", "creating the build folder"),
    "build.phase.relations": ("Beziehungen ableiten", "deriving relations"),
    "build.phase.diagrams": ("Diagramme zeichnen", "drawing diagrams"),
    "build.phase.history": ("Änderungshistorie lesen", "reading the change history"),
    "build.phase.pages": ("Seiten erzeugen", "generating pages"),
    "build.phase.files": ("Dateien bereitstellen", "providing files"),
    "build.phase.render": ("Seiten ausgeben", "rendering pages"),
    "build.phase.publish": ("neue Website einsetzen", "putting the new site in place"),
}
