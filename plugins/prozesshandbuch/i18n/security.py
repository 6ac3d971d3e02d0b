"""Texts of the security measures (Content-Security-Policy)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "security.csp-theme-scripts": (
        "Die Skripte des Themes ließen sich nicht für die Content-Security-Policy "
        "auswerten ({error}); diese Seite erscheint ohne Policy.",
        "The theme's scripts could not be read for the Content-Security-Policy "
        "({error}); this page is published without a policy.",
    ),
}
