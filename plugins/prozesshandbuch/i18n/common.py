"""Texts shared by every area: numbers as words and counted nouns."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "number.0": ("null", "zero"),
    "number.1": ("eins", "one"),
    "number.2": ("zwei", "two"),
    "number.3": ("drei", "three"),
    "number.4": ("vier", "four"),
    "number.5": ("fünf", "five"),
    "number.6": ("sechs", "six"),
    "number.7": ("sieben", "seven"),
    "number.8": ("acht", "eight"),
    "number.9": ("neun", "nine"),
    "number.10": ("zehn", "ten"),
    "number.11": ("elf", "eleven"),
    "number.12": ("zwölf", "twelve"),
    # Counted nouns, for plural(): "{count} Schritte"
    "count.steps.one": ("{count} Schritt", "{count} step"),
    "count.steps.other": ("{count} Schritte", "{count} steps"),
    "count.roles.one": ("{count} Rolle", "{count} role"),
    "count.roles.other": ("{count} Rollen", "{count} roles"),
    "count.units.one": ("{count} Organisationseinheit", "{count} organisational unit"),
    "count.units.other": ("{count} Organisationseinheiten", "{count} organisational units"),
    "count.handoffs.one": ("{count} Übergabe", "{count} hand-off"),
    "count.handoffs.other": ("{count} Übergaben", "{count} hand-offs"),
}
