"""The content model: one typed, frozen class per kind of YAML file.

These classes are the single source for three things: validation of what authors write,
the JSON Schema that editors use for completion (``prozesshandbuch schema``), and the
objects the rest of the pipeline reads. Descriptions are German because they are shown to
authors in their editor and in the generated reference.

Ids are not fields an author must write: a file's id is its file name. An ``id`` key is
allowed for clarity but must then match the file name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, WithJsonSchema
from pydantic.json_schema import SkipJsonSchema

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
USERNAME_PATTERN = r"^@?[A-Za-z0-9_][A-Za-z0-9_.\-]*(/[A-Za-z0-9_][A-Za-z0-9_.\-]*)*$"
"""A user or group name on GitLab or GitHub (``gruppe/untergruppe`` for groups); a
leading ``@`` is allowed. Anything else would break a CODEOWNERS line."""
END = "end"
"""The reserved `next` target that ends a process."""


def _ref(kind: str, description: str, example: str, *, required: bool = False) -> Any:
    """A reference to another entity by id; existence is checked after loading."""
    extra: dict[str, Any] = {} if required else {"default": None}
    return Field(
        **extra,
        description=f"{description} (Kennung einer {kind})",
        examples=[example],
        json_schema_extra={"pattern": SLUG_PATTERN},
    )


NAMED_METRICS = (
    "cases_per_year",
    "lead_time",
    "processing_time",
    "waiting_time",
    "cost_per_case",
    "fee",
    "online_share",
    "staff",
)
"""Metric keys the site shows with a readable name (catalogue ``metric.<key>``); other keys
are shown as written."""


def _strict(german_description: str) -> ConfigDict:
    """Model settings; the German description goes into the JSON Schema for authors."""
    # Unknown keys are typos more often than not ("ownr"), so they are errors.
    return ConfigDict(
        frozen=True,
        extra="forbid",
        json_schema_extra={"description": german_description},
    )


class _Strict(BaseModel):
    model_config = _strict("")


class Category(str, Enum):
    MANAGEMENT = "management"
    CORE = "core"
    SUPPORT = "support"


class Status(str, Enum):
    DRAFT = "draft"
    ACTIVE = "active"
    RETIRED = "retired"


class Variant(str, Enum):
    AS_IS = "as-is"
    TO_BE = "to-be"


class Customer(str, Enum):
    CITIZENS = "citizens"
    BUSINESSES = "businesses"
    INTERNAL = "internal"
    AUTHORITIES = "authorities"


class StepKind(str, Enum):
    TASK = "task"
    DECISION = "decision"


class WeaknessKind(str, Enum):
    MEDIA_BREAK = "media-break"
    WAITING = "waiting"
    DUPLICATE_ENTRY = "duplicate-entry"
    UNCLEAR_RESPONSIBILITY = "unclear-responsibility"
    OTHER = "other"


class Link(_Strict):
    """A titled reference to a document or a legal text, optionally with a URL."""

    model_config = _strict("Verweis mit Bezeichnung und optionaler Adresse")

    title: str = Field(
        description="Bezeichnung, wie sie auf der Seite erscheint",
        examples=["Passverordnung (PassV)"],
    )
    url: str | None = Field(
        default=None,
        description="Adresse (nur http, https oder mailto); andere Schemata werden abgelehnt",
        examples=["https://www.gesetze-im-internet.de/passv_2007/"],
    )


def _text_or_link(value: Any) -> str:
    return "~text" if isinstance(value, str) else "~link"


TextOrLink = Annotated[
    Annotated[str, Tag("~text")] | Annotated[Link, Tag("~link")],
    Discriminator(_text_or_link),
]
"""A plain string, or ``{title, url}``.

Unions are tagged so that a wrong value yields one error, not one per alternative; tags
start with ``~`` so the error reporter can drop them from the field path.
"""


class Review(_Strict):
    """When the process was last checked for being correct and complete."""

    model_config = _strict("Prüfzyklus: wann der Prozess zuletzt fachlich geprüft wurde")

    last_reviewed: dt.date | None = Field(
        default=None,
        description="Datum der letzten fachlichen Prüfung (JJJJ-MM-TT)",
        examples=["2026-02-15"],
    )
    interval_months: int = Field(
        default=12,
        ge=1,
        le=120,
        description="Prüfintervall in Monaten",
        examples=[12],
    )


class Weakness(_Strict):
    """A finding of the as-is analysis, optionally tied to a step."""

    model_config = _strict("Schwachstelle aus der Ist-Analyse, optional mit Schritt und Maßnahme")

    title: str = Field(
        description="Kurzbeschreibung der Schwachstelle",
        examples=["Gebühr wird bar kassiert, Quittung von Hand"],
    )
    step: str | None = Field(
        default=None,
        description="Kennung des betroffenen Schritts",
        examples=["gebuehr"],
    )
    kind: WeaknessKind = Field(
        default=WeaknessKind.OTHER,
        description=(
            "Art: media-break (Medienbruch), waiting (Wartezeit), duplicate-entry "
            "(Doppelerfassung), unclear-responsibility (unklare Zuständigkeit), other (Sonstiges)"
        ),
        examples=["media-break"],
    )
    measure: str | None = Field(
        default=None,
        description="Geplante oder umgesetzte Maßnahme",
        examples=["Kartenzahlung am Schalter"],
    )


class Branch(_Strict):
    """One outgoing branch of a decision."""

    model_config = _strict("Ein Zweig einer Entscheidung")

    to: str = Field(
        description="Kennung des nächsten Schritts oder `end`",
        examples=["erfassen"],
    )
    when: str = Field(
        description="Bedingung, unter der dieser Zweig gilt (Beschriftung im Diagramm)",
        examples=["ja"],
    )


def _next_form(value: Any) -> str:
    return "~target" if isinstance(value, str) else "~branches"


def _scalar_form(value: Any) -> str | None:
    for kind in (bool, int, float, str):
        if isinstance(value, kind):
            return f"~{kind.__name__}"
    return None


MetricValue = Annotated[
    Annotated[bool, Tag("~bool")]
    | Annotated[int, Tag("~int")]
    | Annotated[float, Tag("~float")]
    | Annotated[str, Tag("~str")],
    Discriminator(_scalar_form),
    # As a oneOf, every whole number matched both "integer" and "number" and failed.
    WithJsonSchema({"type": ["boolean", "number", "string"]}),
]


NextStep = Annotated[
    Annotated[str, Tag("~target")] | Annotated[list[Branch], Tag("~branches")],
    Discriminator(_next_form),
]


class Step(_Strict):
    """One step of a process: who does what, with which systems."""

    model_config = _strict("Ein Schritt: wer tut was, mit welchen Systemen")

    id: str | None = Field(
        default=None,
        description="Kennung des Schritts; nötig, wenn ein anderer Schritt hierher verweist",
        examples=["pruefen"],
        json_schema_extra={"pattern": SLUG_PATTERN},
    )
    title: str = Field(description="Was getan wird", examples=["Unterlagen prüfen"])
    kind: StepKind = Field(
        default=StepKind.TASK,
        description="task (Aufgabe) oder decision (Entscheidung mit mehreren Zweigen)",
        examples=["decision"],
    )
    role: str | None = _ref(
        "Rolle",
        "Wer den Schritt ausführt (R); Pflicht, außer bei `calls`",
        "sachbearbeitung-buergerbuero",
    )
    calls: str | None = _ref(
        "Prozess", "Teilprozess, der in diesem Schritt durchlaufen wird", "gebuehren-kassieren"
    )
    description: str | None = Field(
        default=None,
        description="Ausführliche Beschreibung (Markdown)",
        examples=["Lichtbild auf Biometrietauglichkeit prüfen."],
    )
    systems: list[str] = Field(
        default_factory=list,
        description="IT-Systeme, die in diesem Schritt genutzt werden (Kennungen)",
        examples=[["voismeso"]],
    )
    consulted: list[str] = Field(
        default_factory=list,
        description="Rollen, die beteiligt werden (C)",
        examples=[["teamleitung-buergerbuero"]],
    )
    informed: list[str] = Field(
        default_factory=list,
        description="Rollen, die informiert werden (I)",
        examples=[["leitung-buergerbuero"]],
    )
    inputs: list[str] = Field(
        default_factory=list,
        description="Was der Schritt braucht (freier Text)",
        examples=[["Personalausweis", "Lichtbild"]],
    )
    outputs: list[str] = Field(
        default_factory=list,
        description="Was der Schritt ergibt (freier Text)",
        examples=[["Antragsdaten"]],
    )
    duration: str | None = Field(
        default=None, description="Typische Dauer (freier Text)", examples=["15 min"]
    )
    automated: bool = Field(
        default=False,
        description=(
            "true: Der Schritt läuft ohne Bearbeitung durch eine Person im IT-System ab "
            "(BPMN: serviceTask); `role` ist dann die Rolle, die das System betreut"
        ),
        examples=[True],
    )
    next: NextStep | None = Field(
        default=None,
        description=(
            "Nächster Schritt: eine Schritt-Kennung, `end`, oder bei Entscheidungen eine Liste "
            "von Zweigen {to, when}. Ohne Angabe geht es mit dem folgenden Schritt weiter."
        ),
        examples=["end", [{"to": "erfassen", "when": "ja"}, {"to": "nachfordern", "when": "nein"}]],
    )


class Process(_Strict):
    """A process (Verwaltungsprozess): one YAML file in ``content/processes/``."""

    model_config = _strict(
        "Ein Prozess; eine Datei in content/processes/, der Dateiname ist die Kennung"
    )

    id: SkipJsonSchema[str] = Field(default="", exclude=True)
    title: str = Field(description="Name des Prozesses", examples=["Reisepass beantragen"])
    summary: str | None = Field(
        default=None,
        description="Kurzbeschreibung (Markdown); empfohlen",
        examples=["Bürgerinnen und Bürger beantragen im Bürgerbüro einen neuen Reisepass."],
    )
    owner: str = _ref(
        "Rolle",
        "Prozessverantwortliche Rolle (A), genau eine",
        "leitung-buergerbuero",
        required=True,
    )
    unit: str | None = _ref(
        "Organisationseinheit",
        "Federführende Organisationseinheit; Standard: die Einheit der verantwortlichen Rolle",
        "buergerbuero",
    )
    category: Category = Field(
        default=Category.CORE,
        description="management (Führung), core (Kern) oder support (Unterstützung)",
        examples=["core"],
    )
    status: Status = Field(
        default=Status.ACTIVE,
        description="draft (Entwurf), active (gültig) oder retired (außer Kraft)",
        examples=["active"],
    )
    variant: Variant | None = Field(
        default=None,
        description="as-is (Ist-Prozess) oder to-be (Soll-Prozess)",
        examples=["as-is"],
    )
    variant_of: str | None = _ref(
        "Prozess", "Die andere Variante desselben Prozesses", "reisepass-beantragen-soll"
    )
    replaced_by: str | None = _ref(
        "Prozess", "Nachfolger, wenn der Prozess außer Kraft ist", "reisepass-online"
    )
    due: dt.date | None = Field(
        default=None,
        description=(
            "Für Soll-Prozesse (variant: to-be): bis wann der Prozess umgesetzt sein soll "
            "(JJJJ-MM-TT); erscheint im Hinweis oben auf der Seite"
        ),
        examples=["2027-06-30"],
    )
    retired_on: dt.date | None = Field(
        default=None,
        description=(
            "Für Prozesse mit status: retired: seit wann der Prozess außer Kraft ist "
            "(JJJJ-MM-TT); erscheint im Hinweis oben auf der Seite"
        ),
        examples=["2025-07-01"],
    )
    tags: list[str] = Field(
        default_factory=list,
        description="Schlagworte für Navigation und Gruppierung",
        examples=[["Ausweisdokumente", "Lebenslage Reisen"]],
    )
    keywords: list[str] = Field(
        default_factory=list,
        description="Suchbegriffe und Synonyme, unter denen Menschen den Prozess suchen",
        examples=[["Pass", "Kinderreisepass"]],
    )
    service_key: str | None = Field(
        default=None,
        pattern=r"^[0-9]{14}$",
        description="LeiKa-/FIM-Leistungsschlüssel, 14 Ziffern (in Anführungszeichen)",
        examples=["99086001001000"],
    )
    legal_basis: list[TextOrLink] = Field(
        default_factory=list,
        description="Rechtsgrundlagen: Text oder {title, url}",
        examples=[["§ 6 Passgesetz (PassG)"]],
    )
    trigger: str | None = Field(
        default=None,
        description="Auslöser: womit der Prozess beginnt",
        examples=["Bürgerin oder Bürger nimmt den gebuchten Termin wahr"],
    )
    result: str | None = Field(
        default=None,
        description="Ergebnis: womit der Prozess endet",
        examples=["Reisepass ist ausgehändigt"],
    )
    customers: list[Customer] = Field(
        default_factory=list,
        description="Für wen: citizens, businesses, internal, authorities",
        examples=[["citizens"]],
    )
    systems: list[str] = Field(
        default_factory=list,
        description="IT-Systeme des Prozesses (Kennungen)",
        examples=[["voismeso"]],
    )
    documents: list[Link] = Field(
        default_factory=list,
        description="Formulare, Vorlagen, Merkblätter: {title, url}",
        examples=[[{"title": "Antrag auf Ausstellung eines Reisepasses"}]],
    )
    review: Review = Field(
        default_factory=Review,
        description="Prüfzyklus: letzte Prüfung und Intervall",
        examples=[{"last_reviewed": "2026-02-15", "interval_months": 12}],
    )
    metrics: dict[str, MetricValue] = Field(
        default_factory=dict,
        description="Kennzahlen mit freien Schlüsseln und einfachen Werten; mit lesbarem "
        "Namen angezeigt werden: " + ", ".join(NAMED_METRICS),
        examples=[{"cases_per_year": 4200, "lead_time": "3 Wochen"}],
    )
    weaknesses: list[Weakness] = Field(
        default_factory=list,
        description="Schwachstellen aus der Ist-Analyse, mit Maßnahmen",
        examples=[[{"title": "Quittung von Hand", "kind": "media-break"}]],
    )
    steps: list[Step] = Field(
        min_length=1,
        description="Die Schritte in ihrer Reihenfolge; mindestens einer",
        examples=[[{"title": "Antrag erfassen", "role": "sachbearbeitung-buergerbuero"}]],
    )


class Holder(_Strict):
    """A person who holds a role, now or in the past."""

    model_config = _strict("Eine Person in der Rolle, aktuell oder früher")

    name: str = Field(description="Name der Person", examples=["Erika Mustermann"])
    username: str | None = Field(
        default=None,
        description="Benutzername in der Git-Plattform (für die Zuweisung von Prüfungen)",
        examples=["emustermann"],
    )
    since: dt.date | None = Field(
        default=None, description="In der Rolle seit (JJJJ-MM-TT)", examples=["2021-04-01"]
    )
    until: dt.date | None = Field(
        default=None,
        description="In der Rolle bis; ein vergangenes Datum bedeutet: ausgeschieden",
        examples=["2027-03-31"],
    )

    def is_current(self, on: dt.date) -> bool:
        """Whether the person holds the role on the given day."""
        started = self.since is None or self.since <= on
        return started and (self.until is None or self.until >= on)


class Role(_Strict):
    """A role (Stelle oder Funktion): one YAML file in ``content/roles/``."""

    model_config = _strict("Eine Rolle (Stelle oder Funktion); eine Datei in content/roles/")

    id: SkipJsonSchema[str] = Field(default="", exclude=True)
    title: str = Field(description="Bezeichnung der Rolle", examples=["Sachbearbeitung Bürgerbüro"])
    unit: str = _ref(
        "Organisationseinheit", "Einheit, zu der die Rolle gehört", "buergerbuero", required=True
    )
    summary: str | None = Field(
        default=None,
        description="Kurzbeschreibung (Markdown)",
        examples=["Erste Anlaufstelle für Melde- und Ausweisangelegenheiten."],
    )
    responsibilities: list[str] = Field(
        default_factory=list,
        description="Aufgabengebiete (freier Text), erscheinen im Zuständigkeitsfinder",
        examples=[["Pass- und Ausweiswesen", "Meldewesen"]],
    )
    contact: str | None = Field(
        default=None,
        description="Kontakt, am besten ein Funktionspostfach statt einer Person",
        examples=["buergerbuero@musterstadt.de"],
    )
    phone: str | None = Field(
        default=None, description="Telefonnummer (in Anführungszeichen)", examples=["0123 4567-100"]
    )
    deputy: str | None = _ref("Rolle", "Vertretung", "teamleitung-buergerbuero")
    holders: list[Holder] = Field(
        default_factory=list,
        description="Personen in dieser Rolle; darf aus Datenschutzgründen fehlen",
        examples=[[{"name": "Erika Mustermann", "username": "emustermann"}]],
    )
    skills: list[str] = Field(
        default_factory=list,
        description="Nötige Kenntnisse",
        examples=[["Passrecht", "VOIS|MESO"]],
    )
    onboarding: list[str] = Field(
        default_factory=list,
        description="Leseliste für neue Mitarbeitende: Prozess-Kennungen in Lesereihenfolge",
        examples=[["reisepass-beantragen"]],
    )

    def current_holders(self, on: dt.date) -> list[Holder]:
        """Holders who hold the role on the given day."""
        return [h for h in self.holders if h.is_current(on)]


class Unit(_Strict):
    """An organisational unit (Amt, Fachbereich, Sachgebiet): one file in ``content/units/``."""

    model_config = _strict(
        "Eine Organisationseinheit (Amt, Fachbereich, Sachgebiet); eine Datei in content/units/"
    )

    id: SkipJsonSchema[str] = Field(default="", exclude=True)
    title: str = Field(description="Name der Einheit", examples=["Bürgerbüro"])
    parent: str | None = _ref(
        "Organisationseinheit", "Übergeordnete Einheit; fehlt bei der obersten", "fb-buergerdienste"
    )
    head: str | None = _ref("Rolle", "Leitung der Einheit", "leitung-buergerbuero")
    order: int | None = Field(
        default=None,
        description=(
            "Position im Organigramm unter der übergeordneten Einheit (kleinere zuerst); "
            "ohne Angabe nach Namen sortiert, Zahlen nach Wert (Fachbereich 2 vor 10)"
        ),
        examples=[1],
    )
    contact: str | None = Field(
        default=None, description="Kontakt der Einheit", examples=["buergerbuero@musterstadt.de"]
    )
    summary: str | None = Field(
        default=None,
        description="Kurzbeschreibung (Markdown)",
        examples=["Melde-, Pass- und Ausweisangelegenheiten an einem Ort."],
    )


class System(_Strict):
    """An IT system (Fachverfahren): one file in ``content/systems/``."""

    model_config = _strict("Ein IT-System (Fachverfahren); eine Datei in content/systems/")

    id: SkipJsonSchema[str] = Field(default="", exclude=True)
    title: str = Field(description="Name des Systems", examples=["VOIS|MESO"])
    kind: str | None = Field(
        default=None, description="Art des Systems (freier Text)", examples=["Fachverfahren"]
    )
    owner: str | None = _ref("Rolle", "Fachverfahrensbetreuung", "it-fachverfahren")
    vendor: str | None = Field(default=None, description="Hersteller", examples=["HSH"])
    summary: str | None = Field(
        default=None,
        description="Kurzbeschreibung (Markdown)",
        examples=["Einwohnermeldewesen und Ausweisverwaltung."],
    )


EntityKind = Literal["process", "role", "unit", "system"]
Entity = Process | Role | Unit | System

MODEL_BY_KIND: dict[EntityKind, type[Process] | type[Role] | type[Unit] | type[System]] = {
    "process": Process,
    "role": Role,
    "unit": Unit,
    "system": System,
}
FOLDER_BY_KIND: dict[EntityKind, str] = {
    "process": "processes",
    "role": "roles",
    "unit": "units",
    "system": "systems",
}


@dataclass(frozen=True)
class Handbook:
    """All entities of one content folder, each mapping id -> entity, sorted by id."""

    processes: dict[str, Process] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    systems: dict[str, System] = field(default_factory=dict)
    paths: dict[tuple[EntityKind, str], str] = field(default_factory=dict)
    """Source file of each entity, relative to the handbook root (for messages and edit links)."""

    def entities(self, kind: EntityKind) -> dict[str, Any]:
        """The id -> entity mapping for one kind."""
        tables: dict[EntityKind, dict[str, Any]] = {
            "process": self.processes,
            "role": self.roles,
            "unit": self.units,
            "system": self.systems,
        }
        return tables[kind]

    def process_unit(self, process: Process) -> str | None:
        """The unit responsible for a process: its own, or its owner's."""
        if process.unit:
            return process.unit
        owner = self.roles.get(process.owner)
        return owner.unit if owner else None

    def iter_steps(self) -> Iterator[tuple[Process, int, Step]]:
        """Every step of every process with its 0-based index."""
        for process in self.processes.values():
            for index, step in enumerate(process.steps):
                yield process, index, step
