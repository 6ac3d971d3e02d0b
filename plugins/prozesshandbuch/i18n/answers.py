"""Texts of the finder, the search and the status marks (badges and banners)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # A short mark next to every link to a process that is not in force.
    "standing.badge.draft": ("Entwurf", "draft"),
    "standing.badge.to-be": ("Soll-Prozess", "to-be"),
    "standing.badge.retired": ("außer Kraft", "repealed"),
    # The fact line "Status" on a process page.
    "standing.fact.draft": ("Entwurf – noch nicht freigegeben", "draft – not yet approved"),
    "standing.fact.to-be": ("Soll-Prozess – noch umzusetzen", "to-be – still to be implemented"),
    "standing.fact.retired": ("außer Kraft", "repealed"),
    # The banner at the top of a process page that is not in force.
    "standing.banner.draft": (
        "Entwurf – noch nicht freigegeben. So wird heute noch nicht gearbeitet.",
        "Draft – not yet approved. This is not how the work is done today.",
    ),
    "standing.banner.to-be": (
        "Soll-Prozess – noch umzusetzen.",
        "To-be process – still to be implemented.",
    ),
    "standing.banner.to-be-due": (
        "Soll-Prozess – umzusetzen bis {date}.",
        "To-be process – to be implemented by {date}.",
    ),
    "standing.banner.retired": ("Außer Kraft.", "Repealed."),
    "standing.banner.retired-since": ("Außer Kraft seit {date}.", "Repealed since {date}."),
    "standing.banner.replaced-by": ("Ersetzt durch", "Replaced by"),
    "standing.banner.valid-today": ("Heute gilt", "In force today"),
    "standing.banner.label": ("Hinweis zum Status", "Status notice"),
    # Lists that keep repealed processes apart.
    "standing.retired-apart": (
        "Außer Kraft (nur zur Nachvollziehbarkeit alter Vorgänge):",
        "Repealed (kept only to trace old cases):",
    ),
    "review.not-required": ("keine Prüfung nötig (außer Kraft)", "no review needed (repealed)"),
}
