"""``handbook.json``: the whole model plus derived relations, as one stable document.

This is the interface for other tools (a portal's Zuständigkeitsfinder, a workflow
engine, a modelling tool). Its JSON Schema is generated from the classes below and
committed as ``schema/handbook.v1.schema.json``; ``format_version`` changes only with
an incompatible change, and then the schema file gets a new name beside the old one.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..analysis.relations import Relations
from ..content.model import Handbook, Process, Role, System, Unit

FORMAT_VERSION = 1
SCHEMA_FILE = f"handbook.v{FORMAT_VERSION}.schema.json"
FILE_NAME = "handbook.json"


def _config(description: str) -> ConfigDict:
    return ConfigDict(frozen=True, extra="forbid", json_schema_extra={"description": description})


_ID = Field(description="Kennung (Dateiname ohne .yml)", examples=["reisepass-beantragen"])


class ProcessEntry(Process):
    model_config = _config("Ein Prozess mit allen Feldern des Inhaltsformats und seiner Kennung")
    id: str = _ID


class RoleEntry(Role):
    model_config = _config("Eine Rolle mit allen Feldern des Inhaltsformats und ihrer Kennung")
    id: str = _ID


class UnitEntry(Unit):
    model_config = _config("Eine Organisationseinheit mit allen Feldern und ihrer Kennung")
    id: str = _ID


class SystemEntry(System):
    model_config = _config("Ein IT-System mit allen Feldern und seiner Kennung")
    id: str = _ID


class Ownership(BaseModel):
    model_config = _config("Wer für einen Prozess verantwortlich ist (A)")
    process: str = Field(description="Prozess-Kennung")
    role: str = Field(description="Verantwortliche Rolle (owner)")
    unit: str | None = Field(description="Federführende Einheit: eigene oder die der Rolle")


class Assignment(BaseModel):
    model_config = _config("Wer was tut: eine Rolle in einem Schritt, mit RACI-Buchstabe")
    role: str = Field(description="Rollen-Kennung")
    process: str = Field(description="Prozess-Kennung")
    step_index: int = Field(description="Position des Schritts im Prozess, ab 0")
    step_id: str | None = Field(description="Kennung des Schritts, falls vergeben")
    step_title: str = Field(description="Titel des Schritts")
    raci: Literal["R", "C", "I"] = Field(
        description="R: führt aus, C: wird beteiligt, I: wird informiert"
    )


class HandoffEntry(BaseModel):
    model_config = _config("Eine Übergabe: Arbeit geht entlang des Ablaufs an eine andere Rolle")
    process: str = Field(description="Prozess-Kennung")
    from_step_index: int = Field(description="Schritt, der übergibt (Position ab 0)")
    to_step_index: int = Field(description="Schritt, der übernimmt (Position ab 0)")
    from_role: str
    to_role: str
    from_unit: str | None
    to_unit: str | None
    crosses_units: bool = Field(description="true: die Übergabe geht an eine andere Einheit")


class CallEntry(BaseModel):
    model_config = _config("Ein Teilprozessaufruf")
    process: str = Field(description="Aufrufender Prozess")
    step_index: int = Field(description="Aufrufender Schritt (Position ab 0)")
    calls: str = Field(description="Aufgerufener Prozess")


class RelationsEntry(BaseModel):
    model_config = _config("Abgeleitete Beziehungen; jede lässt sich aus dem Modell nachrechnen")
    owners: list[Ownership]
    assignments: list[Assignment]
    handoffs: list[HandoffEntry]
    calls: list[CallEntry]


class HandbookDocument(BaseModel):
    model_config = _config(
        "Das ganze Prozesshandbuch als ein Dokument: Modell und abgeleitete Beziehungen"
    )
    format_version: Literal[1] = Field(
        description="Version dieses Formats; ändert sich nur bei inkompatiblen Änderungen"
    )
    processes: list[ProcessEntry]
    roles: list[RoleEntry]
    units: list[UnitEntry]
    systems: list[SystemEntry]
    relations: RelationsEntry


def build_relations_entry(handbook: Handbook, relations: Relations) -> RelationsEntry:
    """The derived relations of a handbook that passed validation."""
    owners = [
        Ownership(process=p.id, role=p.owner, unit=handbook.process_unit(p))
        for p in handbook.processes.values()
    ]
    assignments: list[Assignment] = []
    calls: list[CallEntry] = []
    for process, index, step in handbook.iter_steps():
        common = {
            "process": process.id,
            "step_index": index,
            "step_id": step.id,
            "step_title": step.title,
        }
        letters = [(step.role, "R")] if step.role else []
        letters += [(r, "C") for r in step.consulted] + [(r, "I") for r in step.informed]
        assignments.extend(Assignment(role=r, raci=letter, **common) for r, letter in letters)
        if step.calls:
            calls.append(CallEntry(process=process.id, step_index=index, calls=step.calls))
    handoffs = [
        HandoffEntry(
            process=h.process,
            from_step_index=h.source,
            to_step_index=h.target,
            from_role=h.from_role,
            to_role=h.to_role,
            from_unit=h.from_unit,
            to_unit=h.to_unit,
            crosses_units=h.crosses_units,
        )
        for reach in relations.reach.values()
        for h in reach.handoffs
    ]
    return RelationsEntry(owners=owners, assignments=assignments, handoffs=handoffs, calls=calls)


Entity = Process | Role | Unit | System

_FRAGMENTS: dict[tuple[type, str], tuple[Entity, str]] = {}
"""The last JSON text of each entity by type and id. `mkdocs serve` writes the document
after every save, and usually one entity differs; loading hands back the same immutable
entity for an unchanged file, and its text is a pure function of it."""


def _entity_json(entity: Entity) -> str:
    """The entity as the document holds it: ``{"id": ..., <its fields>}``."""
    key = (type(entity), entity.id)
    last = _FRAGMENTS.get(key)
    if last is not None and (last[0] is entity or last[0] == entity):
        return last[1]
    fields = entity.model_dump_json()  # never "{}": every kind has a required title
    fragment = '{"id":' + json.dumps(entity.id, ensure_ascii=False) + "," + fields[1:]
    _FRAGMENTS[key] = (entity, fragment)
    return fragment


def document_json(handbook: Handbook, relations: Relations) -> str:
    """``handbook.json`` as written into the site: compact, keys in schema order.

    Put together from the JSON text of each entity (see :data:`_FRAGMENTS`): at a thousand
    processes the document has megabytes, and serve rebuilds should not pay for that.
    """
    parts = ['{"format_version":', str(FORMAT_VERSION)]
    for name, entities in (
        ("processes", handbook.processes),
        ("roles", handbook.roles),
        ("units", handbook.units),
        ("systems", handbook.systems),
    ):
        items = ",".join(_entity_json(e) for e in entities.values())
        parts.append(f',"{name}":[{items}]')
    parts.append(',"relations":')
    parts.append(build_relations_entry(handbook, relations).model_dump_json())
    parts.append("}\n")
    return "".join(parts)


def document_schema() -> dict[str, Any]:
    """The JSON Schema of ``handbook.json`` (draft 2020-12)."""
    from ..content.schema import SCHEMA_DIALECT, _without_titles, without_english

    schema = _without_titles(HandbookDocument.model_json_schema(mode="serialization"))
    schema = without_english(schema)  # the entities' fields carry their English descriptions
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"https://prozesshandbuch.invalid/schema/{SCHEMA_FILE}",
        **schema,
        "title": "Prozesshandbuch (handbook.json)",
    }


def schema_text() -> str:
    return json.dumps(document_schema(), ensure_ascii=False, indent=2) + "\n"
