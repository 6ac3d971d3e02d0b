"""The content model: one typed, frozen class per kind of YAML file.

These classes are the single source for three things: validation of what authors write,
the JSON Schema that editors use for completion (``prozesshandbuch schema``), and the
objects the rest of the pipeline reads. Descriptions are German because they are shown to
authors in their editor and in the generated reference; each carries its English version
beside it (``_en``) for the reference page of an English handbook.

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


DESCRIPTION_EN = "description_en"
"""Schema key of a field's English description, written next to the German one.

Only the reference page of an English handbook shows it; the published JSON Schema
(``prozesshandbuch schema``, what editors show authors) drops it and stays German."""


def _en(english: str, **extra: Any) -> dict[str, Any]:
    """``json_schema_extra`` with a field's English description (and any other keys)."""
    return {DESCRIPTION_EN: english, **extra}


# The German genitive of each kind: "Kennung eines Prozesses", "Kennung einer Rolle".
_KIND_DE = {
    "Rolle": "einer Rolle",
    "Prozess": "eines Prozesses",
    "Organisationseinheit": "einer Organisationseinheit",
}
_KIND_EN = {
    "Rolle": "a role",
    "Prozess": "a process",
    "Organisationseinheit": "an organisational unit",
}


def _ref(kind: str, description: str, example: str, *, english: str, required: bool = False) -> Any:
    """A reference to another entity by id; existence is checked after loading."""
    extra: dict[str, Any] = {} if required else {"default": None}
    return Field(
        **extra,
        description=f"{description} (Kennung {_KIND_DE[kind]})",
        examples=[example],
        json_schema_extra=_en(f"{english} (id of {_KIND_EN[kind]})", pattern=SLUG_PATTERN),
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


def _strict(german_description: str, english_description: str) -> ConfigDict:
    """Model settings; the German description goes into the JSON Schema for authors."""
    # Unknown keys are typos more often than not ("ownr"), so they are errors.
    return ConfigDict(
        frozen=True,
        extra="forbid",
        json_schema_extra={"description": german_description, **_en(english_description)},
    )


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


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

    model_config = _strict(
        "Verweis mit Bezeichnung und optionaler Adresse",
        "A reference with a title and an optional address",
    )

    title: str = Field(
        description="Bezeichnung, wie sie auf der Seite erscheint",
        examples=["Passverordnung (PassV)"],
        json_schema_extra=_en("Title as it appears on the page"),
    )
    url: str | None = Field(
        default=None,
        description="Adresse (nur http, https oder mailto); andere Schemata werden abgelehnt",
        examples=["https://www.gesetze-im-internet.de/passv_2007/"],
        json_schema_extra=_en("Address (http, https or mailto only); other schemes are rejected"),
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

    model_config = _strict(
        "Prüfzyklus: wann der Prozess zuletzt fachlich geprüft wurde",
        "Review cycle: when the content of the process was last checked",
    )

    last_reviewed: dt.date | None = Field(
        default=None,
        description="Datum der letzten fachlichen Prüfung (JJJJ-MM-TT)",
        examples=["2026-02-15"],
        json_schema_extra=_en("Date of the last review of the content (YYYY-MM-DD)"),
    )
    interval_months: int = Field(
        default=12,
        ge=1,
        le=120,
        description="Prüfintervall in Monaten",
        examples=[12],
        json_schema_extra=_en("Review interval in months"),
    )


class Weakness(_Strict):
    """A finding of the as-is analysis, optionally tied to a step."""

    model_config = _strict(
        "Schwachstelle aus der Ist-Analyse, optional mit Schritt und Maßnahme",
        "A weakness found in the as-is analysis, optionally with its step and a measure",
    )

    title: str = Field(
        description="Kurzbeschreibung der Schwachstelle",
        examples=["Gebühr wird bar kassiert, Quittung von Hand"],
        json_schema_extra=_en("Short description of the weakness"),
    )
    step: str | None = Field(
        default=None,
        description="Kennung des betroffenen Schritts",
        examples=["gebuehr"],
        json_schema_extra=_en("Id of the step concerned"),
    )
    kind: WeaknessKind = Field(
        default=WeaknessKind.OTHER,
        description=(
            "Art: media-break (Medienbruch), waiting (Wartezeit), duplicate-entry "
            "(Doppelerfassung), unclear-responsibility (unklare Zuständigkeit), other (Sonstiges)"
        ),
        examples=["media-break"],
        json_schema_extra=_en(
            "Kind: media-break (change of medium), waiting (waiting time), duplicate-entry (data "
            "entered twice), unclear-responsibility, other"
        ),
    )
    measure: str | None = Field(
        default=None,
        description="Geplante oder umgesetzte Maßnahme",
        examples=["Kartenzahlung am Schalter"],
        json_schema_extra=_en("Measure planned or taken"),
    )


class Branch(_Strict):
    """One outgoing branch of a decision."""

    model_config = _strict("Ein Zweig einer Entscheidung", "One branch of a decision")

    to: str = Field(
        description="Kennung des nächsten Schritts oder `end`",
        examples=["erfassen"],
        json_schema_extra=_en("Id of the next step, or `end`"),
    )
    when: str = Field(
        description="Bedingung, unter der dieser Zweig gilt (Beschriftung im Diagramm)",
        examples=["ja"],
        json_schema_extra=_en("Condition under which this branch applies (label in the diagram)"),
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

    model_config = _strict(
        "Ein Schritt: wer tut was, mit welchen Systemen",
        "A step: who does what, with which systems",
    )

    id: str | None = Field(
        default=None,
        description="Kennung des Schritts; nötig, wenn ein anderer Schritt hierher verweist",
        examples=["pruefen"],
        json_schema_extra=_en(
            "Id of the step; needed when another step points here", pattern=SLUG_PATTERN
        ),
    )
    title: str = Field(
        description="Was getan wird",
        examples=["Unterlagen prüfen"],
        json_schema_extra=_en("What is done"),
    )
    kind: StepKind = Field(
        default=StepKind.TASK,
        description="task (Aufgabe) oder decision (Entscheidung mit mehreren Zweigen)",
        examples=["decision"],
        json_schema_extra=_en("task, or decision (with several branches)"),
    )
    role: str | None = _ref(
        "Rolle",
        "Wer den Schritt ausführt (R); Pflicht, außer bei `calls`",
        "sachbearbeitung-buergerbuero",
        english="Who carries out the step (R); required unless `calls` is given",
    )
    calls: str | None = _ref(
        "Prozess",
        "Teilprozess, der in diesem Schritt durchlaufen wird",
        "gebuehren-kassieren",
        english="Sub-process that is run through in this step",
    )
    description: str | None = Field(
        default=None,
        description="Ausführliche Beschreibung (Markdown)",
        examples=["Lichtbild auf Biometrietauglichkeit prüfen."],
        json_schema_extra=_en("Detailed description (Markdown)"),
    )
    systems: list[str] = Field(
        default_factory=list,
        description="IT-Systeme, die in diesem Schritt genutzt werden (Kennungen)",
        examples=[["voismeso"]],
        json_schema_extra=_en("IT systems used in this step (ids)"),
    )
    consulted: list[str] = Field(
        default_factory=list,
        description="Rollen, die beteiligt werden (C)",
        examples=[["teamleitung-buergerbuero"]],
        json_schema_extra=_en("Roles that are consulted (C)"),
    )
    informed: list[str] = Field(
        default_factory=list,
        description="Rollen, die informiert werden (I)",
        examples=[["leitung-buergerbuero"]],
        json_schema_extra=_en("Roles that are informed (I)"),
    )
    inputs: list[str] = Field(
        default_factory=list,
        description="Was der Schritt braucht (freier Text)",
        examples=[["Personalausweis", "Lichtbild"]],
        json_schema_extra=_en("What the step needs (free text)"),
    )
    outputs: list[str] = Field(
        default_factory=list,
        description="Was der Schritt ergibt (freier Text)",
        examples=[["Antragsdaten"]],
        json_schema_extra=_en("What the step produces (free text)"),
    )
    duration: str | None = Field(
        default=None,
        description="Typische Dauer (freier Text)",
        examples=["15 min"],
        json_schema_extra=_en("Typical duration (free text)"),
    )
    automated: bool = Field(
        default=False,
        description=(
            "true: Der Schritt läuft ohne Bearbeitung durch eine Person im IT-System ab "
            "(BPMN: serviceTask); `role` ist dann die Rolle, die das System betreut"
        ),
        examples=[True],
        json_schema_extra=_en(
            "true: the step runs in the IT system without a person working on it (BPMN: "
            "serviceTask); `role` is then the role that looks after the system"
        ),
    )
    next: NextStep | None = Field(
        default=None,
        description=(
            "Nächster Schritt: eine Schritt-Kennung, `end`, oder bei Entscheidungen eine Liste "
            "von Zweigen {to, when}. Ohne Angabe geht es mit dem folgenden Schritt weiter."
        ),
        examples=["end", [{"to": "erfassen", "when": "ja"}, {"to": "nachfordern", "when": "nein"}]],
        json_schema_extra=_en(
            "Next step: a step id, `end`, or for decisions a list of branches {to, when}. If "
            "omitted, the process goes on with the following step."
        ),
    )


class Process(_Strict):
    """A process (Verwaltungsprozess): one YAML file in ``content/processes/``."""

    model_config = _strict(
        "Ein Prozess; eine Datei in content/processes/, der Dateiname ist die Kennung",
        "A process; one file in content/processes/, the file name is its id",
    )

    id: SkipJsonSchema[str] = Field(default="", exclude=True)
    title: str = Field(
        description="Name des Prozesses",
        examples=["Reisepass beantragen"],
        json_schema_extra=_en("Name of the process"),
    )
    summary: str | None = Field(
        default=None,
        description="Kurzbeschreibung (Markdown); empfohlen",
        examples=["Bürgerinnen und Bürger beantragen im Bürgerbüro einen neuen Reisepass."],
        json_schema_extra=_en("Short description (Markdown); recommended"),
    )
    owner: str = _ref(
        "Rolle",
        "Prozessverantwortliche Rolle (A), genau eine",
        "leitung-buergerbuero",
        required=True,
        english="Role responsible for the process (A), exactly one",
    )
    unit: str | None = _ref(
        "Organisationseinheit",
        "Federführende Organisationseinheit; Standard: die Einheit der verantwortlichen Rolle",
        "buergerbuero",
        english="Lead organisational unit; default: the unit of the owner role",
    )
    category: Category = Field(
        default=Category.CORE,
        description="management (Führung), core (Kern) oder support (Unterstützung)",
        examples=["core"],
        json_schema_extra=_en("Kind of process: management, core or support"),
    )
    status: Status = Field(
        default=Status.ACTIVE,
        description="draft (Entwurf), active (gültig) oder retired (außer Kraft)",
        examples=["active"],
        json_schema_extra=_en("draft, active (in force) or retired (no longer in force)"),
    )
    variant: Variant | None = Field(
        default=None,
        description="as-is (Ist-Prozess) oder to-be (Soll-Prozess)",
        examples=["as-is"],
        json_schema_extra=_en("as-is (current process) or to-be (target process)"),
    )
    variant_of: str | None = _ref(
        "Prozess",
        "Die andere Variante desselben Prozesses",
        "reisepass-beantragen-soll",
        english="The other variant of the same process",
    )
    replaced_by: str | None = _ref(
        "Prozess",
        "Nachfolger, wenn der Prozess außer Kraft ist",
        "reisepass-online",
        english="Successor, when the process is no longer in force",
    )
    due: dt.date | None = Field(
        default=None,
        description=(
            "Für Soll-Prozesse (variant: to-be): bis wann der Prozess umgesetzt sein soll "
            "(JJJJ-MM-TT); erscheint im Hinweis oben auf der Seite"
        ),
        examples=["2027-06-30"],
        json_schema_extra=_en(
            "For to-be processes (variant: to-be): by when the process is to be put into practice "
            "(YYYY-MM-DD); shown in the notice at the top of the page"
        ),
    )
    retired_on: dt.date | None = Field(
        default=None,
        description=(
            "Für Prozesse mit status: retired: seit wann der Prozess außer Kraft ist "
            "(JJJJ-MM-TT); erscheint im Hinweis oben auf der Seite"
        ),
        examples=["2025-07-01"],
        json_schema_extra=_en(
            "For processes with status: retired: since when the process is no longer in force "
            "(YYYY-MM-DD); shown in the notice at the top of the page"
        ),
    )
    tags: list[str] = Field(
        default_factory=list,
        description="Schlagworte für Navigation und Gruppierung",
        examples=[["Ausweisdokumente", "Lebenslage Reisen"]],
        json_schema_extra=_en("Tags for navigation and grouping"),
    )
    keywords: list[str] = Field(
        default_factory=list,
        description="Suchbegriffe und Synonyme, unter denen Menschen den Prozess suchen",
        examples=[["Pass", "Kinderreisepass"]],
        json_schema_extra=_en("Search terms and synonyms people use when looking for the process"),
    )
    service_key: str | None = Field(
        default=None,
        pattern=r"^[0-9]{14}$",
        description="LeiKa-/FIM-Leistungsschlüssel, 14 Ziffern (in Anführungszeichen)",
        examples=["99086001001000"],
        json_schema_extra=_en("LeiKa/FIM service key, 14 digits (in quotes)"),
    )
    legal_basis: list[TextOrLink] = Field(
        default_factory=list,
        description="Rechtsgrundlagen: Text oder {title, url}",
        examples=[["§ 6 Passgesetz (PassG)"]],
        json_schema_extra=_en("Legal basis: text or {title, url}"),
    )
    trigger: str | None = Field(
        default=None,
        description="Auslöser: womit der Prozess beginnt",
        examples=["Bürgerin oder Bürger nimmt den gebuchten Termin wahr"],
        json_schema_extra=_en("Trigger: what starts the process"),
    )
    result: str | None = Field(
        default=None,
        description="Ergebnis: womit der Prozess endet",
        examples=["Reisepass ist ausgehändigt"],
        json_schema_extra=_en("Result: what the process ends with"),
    )
    customers: list[Customer] = Field(
        default_factory=list,
        description="Für wen: citizens, businesses, internal, authorities",
        examples=[["citizens"]],
        json_schema_extra=_en("For whom: citizens, businesses, internal, authorities"),
    )
    systems: list[str] = Field(
        default_factory=list,
        description="IT-Systeme des Prozesses (Kennungen)",
        examples=[["voismeso"]],
        json_schema_extra=_en("IT systems of the process (ids)"),
    )
    documents: list[Link] = Field(
        default_factory=list,
        description="Formulare, Vorlagen, Merkblätter: {title, url}",
        examples=[[{"title": "Antrag auf Ausstellung eines Reisepasses"}]],
        json_schema_extra=_en("Forms, templates, leaflets: {title, url}"),
    )
    review: Review = Field(
        default_factory=Review,
        description="Prüfzyklus: letzte Prüfung und Intervall",
        examples=[{"last_reviewed": "2026-02-15", "interval_months": 12}],
        json_schema_extra=_en("Review cycle: last review and interval"),
    )
    metrics: dict[str, MetricValue] = Field(
        default_factory=dict,
        description="Kennzahlen mit freien Schlüsseln und einfachen Werten; mit lesbarem "
        "Namen angezeigt werden: " + ", ".join(NAMED_METRICS),
        examples=[{"cases_per_year": 4200, "lead_time": "3 Wochen"}],
        json_schema_extra=_en(
            "Key figures with free keys and simple values; shown with a readable name: "
            + ", ".join(NAMED_METRICS)
        ),
    )
    weaknesses: list[Weakness] = Field(
        default_factory=list,
        description="Schwachstellen aus der Ist-Analyse, mit Maßnahmen",
        examples=[[{"title": "Quittung von Hand", "kind": "media-break"}]],
        json_schema_extra=_en("Weaknesses from the as-is analysis, with measures"),
    )
    steps: list[Step] = Field(
        min_length=1,
        description="Die Schritte in ihrer Reihenfolge; mindestens einer",
        examples=[[{"title": "Antrag erfassen", "role": "sachbearbeitung-buergerbuero"}]],
        json_schema_extra=_en("The steps in their order; at least one"),
    )


class Holder(_Strict):
    """A person who holds a role, now or in the past."""

    model_config = _strict(
        "Eine Person in der Rolle, aktuell oder früher", "A person in the role, now or in the past"
    )

    name: str = Field(
        description="Name der Person",
        examples=["Erika Mustermann"],
        json_schema_extra=_en("Name of the person"),
    )
    username: str | None = Field(
        default=None,
        description="Benutzername in der Git-Plattform (für die Zuweisung von Prüfungen)",
        examples=["emustermann"],
        json_schema_extra=_en("User name on the Git platform (for assigning reviews)"),
    )
    since: dt.date | None = Field(
        default=None,
        description="In der Rolle seit (JJJJ-MM-TT)",
        examples=["2021-04-01"],
        json_schema_extra=_en("In the role since (YYYY-MM-DD)"),
    )
    until: dt.date | None = Field(
        default=None,
        description="In der Rolle bis; ein vergangenes Datum bedeutet: ausgeschieden",
        examples=["2027-03-31"],
        json_schema_extra=_en("In the role until; a date in the past means: has left"),
    )

    def is_current(self, on: dt.date) -> bool:
        """Whether the person holds the role on the given day."""
        started = self.since is None or self.since <= on
        return started and (self.until is None or self.until >= on)


class Role(_Strict):
    """A role (Stelle oder Funktion): one YAML file in ``content/roles/``."""

    model_config = _strict(
        "Eine Rolle (Stelle oder Funktion); eine Datei in content/roles/",
        "A role (post or function); one file in content/roles/",
    )

    id: SkipJsonSchema[str] = Field(default="", exclude=True)
    title: str = Field(
        description="Bezeichnung der Rolle",
        examples=["Sachbearbeitung Bürgerbüro"],
        json_schema_extra=_en("Name of the role"),
    )
    unit: str = _ref(
        "Organisationseinheit",
        "Einheit, zu der die Rolle gehört",
        "buergerbuero",
        required=True,
        english="Unit the role belongs to",
    )
    summary: str | None = Field(
        default=None,
        description="Kurzbeschreibung (Markdown)",
        examples=["Erste Anlaufstelle für Melde- und Ausweisangelegenheiten."],
        json_schema_extra=_en("Short description (Markdown)"),
    )
    responsibilities: list[str] = Field(
        default_factory=list,
        description="Aufgabengebiete (freier Text), erscheinen im Zuständigkeitsfinder",
        examples=[["Pass- und Ausweiswesen", "Meldewesen"]],
        json_schema_extra=_en(
            "Areas of responsibility (free text), shown in the finder “Who is responsible?”"
        ),
    )
    contact: str | None = Field(
        default=None,
        description="Kontakt, am besten ein Funktionspostfach statt einer Person",
        examples=["buergerbuero@musterstadt.de"],
        json_schema_extra=_en("Contact, preferably a shared mailbox rather than a person"),
    )
    phone: str | None = Field(
        default=None,
        description="Telefonnummer (in Anführungszeichen)",
        examples=["0123 4567-100"],
        json_schema_extra=_en("Phone number (in quotes)"),
    )
    deputy: str | None = _ref("Rolle", "Vertretung", "teamleitung-buergerbuero", english="Deputy")
    holders: list[Holder] = Field(
        default_factory=list,
        description="Personen in dieser Rolle; darf aus Datenschutzgründen fehlen",
        examples=[[{"name": "Erika Mustermann", "username": "emustermann"}]],
        json_schema_extra=_en("People in this role; may be left out for data protection reasons"),
    )
    skills: list[str] = Field(
        default_factory=list,
        description="Nötige Kenntnisse",
        examples=[["Passrecht", "VOIS|MESO"]],
        json_schema_extra=_en("Knowledge needed"),
    )
    onboarding: list[str] = Field(
        default_factory=list,
        description="Leseliste für neue Mitarbeitende: Prozess-Kennungen in Lesereihenfolge",
        examples=[["reisepass-beantragen"]],
        json_schema_extra=_en("Reading list for new staff: process ids in reading order"),
    )

    def current_holders(self, on: dt.date) -> list[Holder]:
        """Holders who hold the role on the given day."""
        return [h for h in self.holders if h.is_current(on)]


class Unit(_Strict):
    """An organisational unit (Amt, Fachbereich, Sachgebiet): one file in ``content/units/``."""

    model_config = _strict(
        "Eine Organisationseinheit (Amt, Fachbereich, Sachgebiet); eine Datei in content/units/",
        "An organisational unit (office, department, section); one file in content/units/",
    )

    id: SkipJsonSchema[str] = Field(default="", exclude=True)
    title: str = Field(
        description="Name der Einheit",
        examples=["Bürgerbüro"],
        json_schema_extra=_en("Name of the unit"),
    )
    parent: str | None = _ref(
        "Organisationseinheit",
        "Übergeordnete Einheit; fehlt bei der obersten",
        "fb-buergerdienste",
        english="Parent unit; left out for the top one",
    )
    head: str | None = _ref(
        "Rolle", "Leitung der Einheit", "leitung-buergerbuero", english="Head of the unit"
    )
    order: int | None = Field(
        default=None,
        description=(
            "Position im Organigramm unter der übergeordneten Einheit (kleinere zuerst); "
            "ohne Angabe nach Namen sortiert, Zahlen nach Wert (Fachbereich 2 vor 10)"
        ),
        examples=[1],
        json_schema_extra=_en(
            "Position in the organisation chart under the parent unit (smaller first); if omitted, "
            "sorted by name, numbers by value (department 2 before 10)"
        ),
    )
    contact: str | None = Field(
        default=None,
        description="Kontakt der Einheit",
        examples=["buergerbuero@musterstadt.de"],
        json_schema_extra=_en("Contact of the unit"),
    )
    summary: str | None = Field(
        default=None,
        description="Kurzbeschreibung (Markdown)",
        examples=["Melde-, Pass- und Ausweisangelegenheiten an einem Ort."],
        json_schema_extra=_en("Short description (Markdown)"),
    )


class System(_Strict):
    """An IT system (Fachverfahren): one file in ``content/systems/``."""

    model_config = _strict(
        "Ein IT-System (Fachverfahren); eine Datei in content/systems/",
        "An IT system (specialist application); one file in content/systems/",
    )

    id: SkipJsonSchema[str] = Field(default="", exclude=True)
    title: str = Field(
        description="Name des Systems",
        examples=["VOIS|MESO"],
        json_schema_extra=_en("Name of the system"),
    )
    kind: str | None = Field(
        default=None,
        description="Art des Systems (freier Text)",
        examples=["Fachverfahren"],
        json_schema_extra=_en("Kind of system (free text)"),
    )
    owner: str | None = _ref(
        "Rolle",
        "Fachverfahrensbetreuung",
        "it-fachverfahren",
        english="Role that looks after the application",
    )
    vendor: str | None = Field(
        default=None, description="Hersteller", examples=["HSH"], json_schema_extra=_en("Vendor")
    )
    summary: str | None = Field(
        default=None,
        description="Kurzbeschreibung (Markdown)",
        examples=["Einwohnermeldewesen und Ausweisverwaltung."],
        json_schema_extra=_en("Short description (Markdown)"),
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
