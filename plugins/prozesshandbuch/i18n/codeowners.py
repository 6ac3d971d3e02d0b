"""The generated CODEOWNERS file: its header, sections and unrouted files."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "codeowners.header": (
        "# Automatisch erzeugt – bitte nicht von Hand ändern, sondern neu erzeugen mit:\n#   "
        "{command}\n# Jede Inhaltsdatei geht zur Prüfung an die Personen, die für sie "
        "verantwortlich\n# sind (Rollen mit 'holders' und 'username'). Nach Personalwechseln neu "
        "erzeugen.",
        "# Generated – do not edit by hand; regenerate with:\n#   {command}\n# Each content file "
        "is routed for review to the people accountable for it\n# (roles with 'holders' and "
        "'username'). Regenerate after staff changes.",
    ),
    "codeowners.section-unit": ("Organisationseinheiten", "Organisational units"),
    "codeowners.unrouted": (
        "# nicht zugeordnet: {path} – {reason}",
        "# unrouted: {path} – {reason}",
    ),
    "codeowners.no-role": ("keine verantwortliche Rolle angegeben", "no accountable role given"),
    "codeowners.unknown-role": ("Rolle '{role}' gibt es nicht", "role '{role}' does not exist"),
    "codeowners.no-username": (
        "Rolle '{role}' hat derzeit niemanden mit 'username'",
        "role '{role}' has no current holder with a 'username'",
    ),
}
