"""What the diagrams show and say to assistive technology."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "diagram.start": ("Start", "Start"),
    "diagram.step": ("Schritt {number}: {title}", "Step {number}: {title}"),
    "diagram.call": (
        "Schritt {number}: {title} – Teilprozess „{target}“ öffnen",
        "Step {number}: {title} – open sub-process “{target}”",
    ),
    "diagram.role": ("Rolle: {title}", "Role: {title}"),
    "diagram.unit": ("Organisationseinheit: {title}", "Unit: {title}"),
    "diagram.handoff": ("Übergabe von {source} an {target}", "Hand-off from {source} to {target}"),
    "diagram.interface": ("{source} an {target}: {count}", "{source} to {target}: {count}"),
    "diagram.process-name": ("Ablaufdiagramm: {title}", "Flow diagram: {title}"),
    "diagram.process-description": (
        "Ablauf: {steps} in {roles} aus {units}, {direction}; jede Rolle hat eine eigene "
        "Bahn. Die Tabelle der Schritte unten enthält denselben Ablauf als Text.",
        "Flow: {steps} in {roles} from {units}, {direction}; each role has a lane of its "
        "own. The table of steps below contains the same flow as text.",
    ),
    # Which way the flow reads: wide processes are drawn across, with the lanes as rows.
    "diagram.direction.TB": ("von oben nach unten", "top to bottom"),
    "diagram.direction.LR": ("von links nach rechts", "left to right"),
    "diagram.process-caption": (
        "Ablauf nach Rollen. Doppelt umrandet: Teilprozess; gestrichelt: Übergabe an eine andere "
        "Organisationseinheit.",
        "Flow by role. Double border: sub-process; dashed: hand-off to another unit.",
    ),
    "diagram.map-name": (
        "Schnittstellenlandkarte der Organisationseinheiten",
        "Interface map of the organisational units",
    ),
    "diagram.neighbourhood-name": ("Schnittstellen von {title}", "Interfaces of {title}"),
    "diagram.map-description": (
        "Übergaben zwischen Organisationseinheiten über alle Prozesse: {interfaces}.",
        "Hand-offs between organisational units over all processes: {interfaces}.",
    ),
    "diagram.map-caption": (
        "Übergaben zwischen Organisationseinheiten über alle Prozesse; Zahl und Linienstärke "
        "zeigen, wie oft Arbeit übergeben wird.",
        "Hand-offs between organisational units over all processes; number and line width show "
        "how often work is handed over.",
    ),
    "diagram.interface-item": ("{source} an {target} {count}", "{source} to {target} {count}"),
    # Why a diagram is missing: build warnings
    "diagram.failed": (
        "{key}: Diagramm konnte nicht gezeichnet werden: {detail}",
        "{key}: diagram could not be drawn: {detail}",
    ),
    "diagram.dot-timeout": (
        "Zeitüberschreitung: dot lief länger als {seconds} s",
        "timeout: dot ran longer than {seconds} s",
    ),
    "diagram.dot-count": (
        "dot lieferte {got} statt {wanted} SVG-Grafiken",
        "dot returned {got} instead of {wanted} SVG graphics",
    ),
    "diagram.dot-exit": ("dot endete mit Code {code}", "dot ended with code {code}"),
    "diagram.svg-unreadable": (
        "SVG von dot nicht lesbar: {detail}",
        "SVG from dot is unreadable: {detail}",
    ),
    "diagram.graphviz-missing": (
        "Graphviz fehlt: bitte mit 'sudo apt-get install graphviz' installieren oder im Plugin "
        "'diagrams: false' setzen.",
        "Graphviz is missing: please install it with 'sudo apt-get install graphviz' or set "
        "'diagrams: false' in the plugin.",
    ),
}
