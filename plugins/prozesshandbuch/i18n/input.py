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
}
