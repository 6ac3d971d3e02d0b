"""Texts shared by every area: numbers as words."""

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
}
