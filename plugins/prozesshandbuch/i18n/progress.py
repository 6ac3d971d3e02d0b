"""Texts of the build's progress lines on the console."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "progress.phase.content": ("Inhalte", "Content"),
    "progress.phase.relations": ("Beziehungen", "Relations"),
    "progress.phase.diagrams": ("Diagramme", "Diagrams"),
    "progress.phase.history": ("Historie", "History"),
    "progress.phase.pages": ("Seitenquellen", "Page sources"),
    "progress.phase.markdown": ("Markdown", "Markdown"),
    "progress.phase.render": ("Seiten", "Pages"),
    "progress.phase.mkdocs": ("MkDocs", "MkDocs"),
    "progress.running": ("{phase} {done}/{total} …", "{phase} {done}/{total} …"),
    "progress.done": ("{phase} {done}/{total} in {seconds}", "{phase} {done}/{total} in {seconds}"),
    "progress.done-detail": (
        "{phase} {done}/{total} in {seconds} ({detail})",
        "{phase} {done}/{total} in {seconds} ({detail})",
    ),
    "progress.diagram-detail": (
        "{rendered} neu gezeichnet, {cached} aus dem Cache",
        "{rendered} drawn, {cached} from the cache",
    ),
    "progress.reuse-detail": (
        "{reused} unverändert aus dem letzten Bau übernommen",
        "{reused} kept unchanged from the last build",
    ),
    "progress.summary": (
        "Handbuch gebaut in {seconds}: {phases}",
        "Handbook built in {seconds}: {phases}",
    ),
    "progress.summary-phase": ("{phase} {seconds}", "{phase} {seconds}"),
    "progress.seconds": ("{value} s", "{value} s"),
    "progress.check.no-cache-help": (
        "Ergebnis nicht aus dem Cache in .cache/ lesen, sondern neu prüfen",
        "do not read the result from the cache in .cache/, check afresh",
    ),
}
