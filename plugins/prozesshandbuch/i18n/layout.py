"""Texts of the page layout: orientation, print, reflow, diagram viewer, landscape, 404."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # The hand-off sentence of a process page; numbers up to twelve as words.
    "layout.handoff-sentence": (
        "Dieser Vorgang geht {desks} {units} und {handoffs}{crossing}.",
        "This process {desks} {units} and {handoffs}{crossing}.",
    ),
    "layout.desks.one": ("über einen Schreibtisch", "passes one desk"),
    "layout.desks.other": ("über {count_words} Schreibtische", "passes {count_words} desks"),
    "layout.units-in.one": ("in einer Organisationseinheit", "in one organisational unit"),
    "layout.units-in.other": (
        "in {count_words} Organisationseinheiten",
        "in {count_words} organisational units",
    ),
    "layout.handoffs-none": ("wird nicht übergeben", "is not handed over"),
    "layout.handoffs.one": ("wird einmal übergeben", "is handed over once"),
    "layout.handoffs.other": ("wird {times} übergeben", "is handed over {times}"),
    "layout.crossing.one": (
        ", davon einmal an eine andere Organisationseinheit",
        ", once to another unit",
    ),
    "layout.crossing.other": (
        ", davon {times} an eine andere Organisationseinheit",
        ", {times} to another unit",
    ),
    "layout.times-words": ("{words}mal", "{words} times"),
    "layout.times-digits": ("{number}-mal", "{number} times"),
    # Process page wording
    "layout.variant-counterpart": ("Gegenstück", "counterpart"),
    "layout.related-processes": ("Verbundene Prozesse", "Related processes"),
    # Orientation
    "layout.breadcrumb": ("Brotkrümelnavigation", "Breadcrumb"),
    "layout.reading-path": ("Einarbeitung {role}", "Onboarding {role}"),
    "layout.reading-position": ("{position} von {total}", "{position} of {total}"),
    "layout.previous": ("Vorheriger Prozess", "Previous process"),
    "layout.next": ("Nächster Prozess", "Next process"),
    # Print
    "layout.print": ("Drucken", "Print"),
    "layout.print-title": ("Diese Seite drucken", "Print this page"),
    "layout.stand": ("Stand: {date}", "As of: {date}"),
    "layout.printed": ("gedruckt am", "printed on"),
    "layout.address": ("Adresse", "Address"),
    "layout.profile": ("Steckbrief", "Profile"),
    # Full-size diagram view
    "layout.diagram-open": ("Diagramm in voller Größe öffnen", "Open the diagram at full size"),
    "layout.diagram-close": ("Schließen", "Close"),
    "layout.diagram-zoom-in": ("Vergrößern", "Zoom in"),
    "layout.diagram-zoom-out": ("Verkleinern", "Zoom out"),
    "layout.diagram-zoom-reset": ("Originalgröße", "Actual size"),
    "layout.diagram-view": ("Diagramm in voller Größe: {name}", "Diagram at full size: {name}"),
    "layout.diagram-hint": (
        "Ziehen oder Pfeiltasten verschieben, + und − zoomen, Escape schließt.",
        "Drag or use the arrow keys to move, + and − to zoom, Escape closes.",
    ),
    # Hand-off matrix beside the interface map
    "layout.matrix": ("Übergabematrix", "Hand-off matrix"),
    "layout.matrix-intro": (
        "Wie oft Arbeit von einer Organisationseinheit (Zeile) an eine andere (Spalte) "
        "geht: Übergaben zwischen Rollen und Aufrufe von Teilprozessen, über alle Prozesse.",
        "How often work passes from one organisational unit (row) to another (column): "
        "hand-offs between roles and calls of sub-processes, over all processes.",
    ),
    "layout.matrix-corner": ("von ↓ an →", "from ↓ to →"),
    "layout.paths-intro": (
        "Wie oft Arbeit von einer Organisationseinheit an eine andere geht: Übergaben "
        "zwischen Rollen und Aufrufe von Teilprozessen, über alle Prozesse; nur Wege, auf "
        "denen Arbeit wechselt.",
        "How often work passes from one organisational unit to another: hand-offs between "
        "roles and calls of sub-processes, over all processes; only paths that work takes.",
    ),
    "layout.paths-busiest": (
        "Hier stehen die {shown} häufigsten von {total} Wegen; die Seite jeder "
        "Organisationseinheit zeigt alle ihre Partner.",
        "Shown are the {shown} busiest of {total} paths; each organisational unit's page "
        "shows all of its partners.",
    ),
    "layout.paths-from": ("Von", "From"),
    "layout.paths-to": ("An", "To"),
    # The interface map of all units, when it is not drawn
    "layout.map-too-large": (
        "Bei {units} Organisationseinheiten und {paths} Übergabewegen wäre die Karte nicht "
        "lesbar; die Tabelle unten zeigt die Übergaben.",
        "With {units} organisational units and {paths} hand-off paths the map would not be "
        "readable; the table below shows the hand-offs.",
    ),
    "layout.neighbourhood-too-large": (
        "Mit {units} Organisationseinheiten wäre die Karte nicht lesbar; die Tabelle zeigt "
        "jede davon mit ihren Übergaben.",
        "With {units} organisational units the map would not be readable; the table shows "
        "each of them with its hand-offs.",
    ),
    "layout.map-none": (
        "Hier wird keine Karte gezeigt: Diagramme sind abgeschaltet oder keine Arbeit wechselt "
        "die Organisationseinheit.",
        "No map is shown here: diagrams are switched off or no work changes units.",
    ),
    # Prozesslandkarte
    "layout.landscape-more.one": ("einen Prozess ansehen", "see one process"),
    "layout.landscape-more.other": (
        "{count_words} Prozesse ansehen",
        "see {count_words} processes",
    ),
    "layout.landscape-compact": (
        "{count} Prozesse: die Karte zeigt je Organisationseinheit die Zahl; die Einheit "
        "öffnet ihre eigene Prozesslandkarte.",
        "{count} processes: the map shows the number per organisational unit; each unit "
        "opens its own process map.",
    ),
    # 404
    "layout.not-found-title": ("Seite nicht gefunden", "Page not found"),
    "layout.not-found-text": (
        "Diese Seite gibt es nicht (mehr). Vielleicht wurde der Prozess umbenannt "
        "oder die Adresse ist unvollständig.",
        "This page does not exist (any more). The process may have been renamed, "
        "or the address is incomplete.",
    ),
    "layout.not-found-search": ("Im Handbuch suchen", "Search the handbook"),
    "layout.not-found-search-hint": (
        "Suchbegriff, z. B. Reisepass",
        "Search term, e.g. passport",
    ),
    "layout.not-found-start": ("Zur Startseite", "To the start page"),
}
