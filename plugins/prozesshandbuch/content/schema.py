"""JSON Schema for each kind of content file, generated from the models in model.py."""

from __future__ import annotations

import json
from typing import Any

from .model import DESCRIPTION_EN, MODEL_BY_KIND, SLUG_PATTERN, EntityKind

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
TITLE_EN = "title_en"
"""Schema key of a kind's English title; like ``description_en``, never published."""
_TITLES: dict[EntityKind, tuple[str, str]] = {
    "process": ("Prozess", "Process"),
    "role": ("Rolle", "Role"),
    "unit": ("Organisationseinheit", "Organisational unit"),
    "system": ("IT-System", "IT system"),
}


def json_schema(kind: EntityKind) -> dict[str, Any]:
    """The JSON Schema of one kind, with German descriptions and examples on every field."""
    published: dict[str, Any] = without_english(annotated_schema(kind))
    return published


def annotated_schema(kind: EntityKind) -> dict[str, Any]:
    """The JSON Schema with each English title and description beside the German one.

    For the reference page of an English handbook; ``json_schema`` is the published form.
    """
    schema = _without_titles(MODEL_BY_KIND[kind].model_json_schema())
    # `id` is derived from the file name; writing it is allowed but must match.
    schema["properties"] = {
        "id": {
            "type": "string",
            "pattern": SLUG_PATTERN,
            "description": "Optional; muss dem Dateinamen (ohne .yml) entsprechen",
            DESCRIPTION_EN: "Optional; must match the file name (without .yml)",
            "examples": ["reisepass-beantragen"],
        },
        **schema["properties"],
    }
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"https://prozesshandbuch.invalid/schema/{kind}.schema.json",
        **schema,
        "title": _TITLES[kind][0],
        TITLE_EN: _TITLES[kind][1],
    }


def schema_text(kind: EntityKind) -> str:
    """The schema as committed: stable key order, two-space indent, final newline."""
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"


def _without_titles(node: Any) -> Any:
    """Drop the English titles pydantic derives from field names; descriptions say it all."""
    return _without(node, frozenset({"title"}))


def without_english(node: Any) -> Any:
    """Drop the English texts meant for the reference page: editors show authors German."""
    return _without(node, frozenset({DESCRIPTION_EN, TITLE_EN}))


def _without(node: Any, keys: frozenset[str], *, field_names: bool = False) -> Any:
    """``node`` without the annotation ``keys``, at any depth.

    Keys of a ``properties`` mapping are field names, not annotations: a field that is
    itself called ``title`` stays (dropping it made every file fail in the editor).
    """
    if isinstance(node, dict):
        return {
            k: _without(v, keys, field_names=k == "properties" and not field_names)
            for k, v in node.items()
            if field_names or k not in keys
        }
    if isinstance(node, list):
        return [_without(v, keys) for v in node]
    return node
