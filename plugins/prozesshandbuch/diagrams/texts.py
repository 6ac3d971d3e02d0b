"""Words the diagrams show or say to assistive technology: German, or English."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Texts:
    """The user-visible texts of the diagrams in one language."""

    start: str
    """Label of the start node."""
    end: str
    """Label of an end node."""
    step: str
    """Link name of a step node: ``{number}``, ``{title}``."""
    call: str
    """Link name of a sub-process node: ``{number}``, ``{title}``, ``{target}``."""
    role: str
    """Link name of a lane: ``{title}``."""
    unit: str
    """Link name of a unit: ``{title}``."""
    handoff: str
    """Tooltip of an edge that hands work to another unit: ``{source}``, ``{target}``."""
    interface: str
    """Tooltip of a weighted edge in a unit map: ``{source}``, ``{target}``, ``{count}``."""
    process_name: str
    process_description: str
    """``{steps}``, ``{roles}``, ``{units}`` are already counted phrases."""
    process_caption: str
    map_name: str
    neighbourhood_name: str
    """``{title}`` of the unit."""
    map_description: str
    """``{interfaces}``: the list of interfaces in words."""
    map_caption: str
    interface_item: str
    """One interface in words: ``{source}``, ``{target}``, ``{count}``."""
    steps: tuple[str, str]
    """Singular and plural form, ``{n}`` is the count."""
    roles: tuple[str, str]
    units: tuple[str, str]
    handoffs: tuple[str, str]

    def count(self, forms: tuple[str, str], n: int) -> str:
        """``forms`` filled in with ``n`` in singular or plural."""
        return (forms[0] if n == 1 else forms[1]).format(n=n)


GERMAN = Texts(
    start="Start",
    end="Ende",
    step="Schritt {number}: {title}",
    call="Schritt {number}: {title} – Teilprozess „{target}“ öffnen",
    role="Rolle: {title}",
    unit="Organisationseinheit: {title}",
    handoff="Übergabe von {source} an {target}",
    interface="{source} an {target}: {count}",
    process_name="Ablaufdiagramm: {title}",
    process_description=(
        "{steps} in {roles} aus {units}, von oben nach unten; jede Rolle hat eine eigene Bahn. "
        "Die Tabelle der Schritte unten enthält denselben Ablauf als Text."
    ),
    process_caption=(
        "Ablauf nach Rollen. Doppelt umrandet: Teilprozess; gestrichelt: Übergabe an eine "
        "andere Organisationseinheit."
    ),
    map_name="Schnittstellenlandkarte der Organisationseinheiten",
    neighbourhood_name="Schnittstellen von {title}",
    map_description="Übergaben zwischen Organisationseinheiten über alle Prozesse: {interfaces}.",
    map_caption=(
        "Übergaben zwischen Organisationseinheiten über alle Prozesse; Zahl und Linienstärke "
        "zeigen, wie oft Arbeit übergeben wird."
    ),
    interface_item="{source} an {target} {count}",
    steps=("{n} Schritt", "{n} Schritte"),
    roles=("{n} Rolle", "{n} Rollen"),
    units=("{n} Organisationseinheit", "{n} Organisationseinheiten"),
    handoffs=("{n} Übergabe", "{n} Übergaben"),
)

ENGLISH = Texts(
    start="Start",
    end="End",
    step="Step {number}: {title}",
    call="Step {number}: {title} – open sub-process “{target}”",
    role="Role: {title}",
    unit="Unit: {title}",
    handoff="Hand-off from {source} to {target}",
    interface="{source} to {target}: {count}",
    process_name="Flow diagram: {title}",
    process_description=(
        "{steps} in {roles} from {units}, top to bottom; each role has a lane of its own. "
        "The table of steps below contains the same flow as text."
    ),
    process_caption=("Flow by role. Double border: sub-process; dashed: hand-off to another unit."),
    map_name="Interface map of the organisational units",
    neighbourhood_name="Interfaces of {title}",
    map_description="Hand-offs between organisational units over all processes: {interfaces}.",
    map_caption=(
        "Hand-offs between organisational units over all processes; number and line width "
        "show how often work is handed over."
    ),
    interface_item="{source} to {target} {count}",
    steps=("{n} step", "{n} steps"),
    roles=("{n} role", "{n} roles"),
    units=("{n} unit", "{n} units"),
    handoffs=("{n} hand-off", "{n} hand-offs"),
)


def texts_for(language: str) -> Texts:
    """English for ``en`` (and ``en-GB`` etc.), German otherwise."""
    return ENGLISH if language.lower().startswith("en") else GERMAN
