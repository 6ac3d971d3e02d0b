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
    # Counted nouns in running text, for plural(): "zwei Schritte", "13 Schritte"
    "count.steps.one": ("ein Schritt", "one step"),
    "count.steps.other": ("{count_words} Schritte", "{count_words} steps"),
    "count.roles.one": ("eine Rolle", "one role"),
    "count.roles.other": ("{count_words} Rollen", "{count_words} roles"),
    "count.units.one": ("eine Organisationseinheit", "one organisational unit"),
    "count.units.other": (
        "{count_words} Organisationseinheiten",
        "{count_words} organisational units",
    ),
    "count.handoffs.one": ("eine Übergabe", "one hand-off"),
    "count.handoffs.other": ("{count_words} Übergaben", "{count_words} hand-offs"),
}
