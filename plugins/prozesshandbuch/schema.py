"""JSON Schema for each kind of content file, generated from the models in model.py."""

from __future__ import annotations

import json
from typing import Any

from .model import MODEL_BY_KIND, SLUG_PATTERN, EntityKind

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_TITLES: dict[EntityKind, str] = {
    "process": "Prozess",
    "role": "Rolle",
    "unit": "Organisationseinheit",
    "system": "IT-System",
}


def json_schema(kind: EntityKind) -> dict[str, Any]:
    """The JSON Schema of one kind, with German descriptions and examples on every field."""
    schema = _without_titles(MODEL_BY_KIND[kind].model_json_schema())
    # `id` is derived from the file name; writing it is allowed but must match.
    schema["properties"] = {
        "id": {
            "type": "string",
            "pattern": SLUG_PATTERN,
            "description": "Optional; muss dem Dateinamen (ohne .yml) entsprechen",
            "examples": ["reisepass-beantragen"],
        },
        **schema["properties"],
    }
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"https://prozesshandbuch.invalid/schema/{kind}.schema.json",
        **schema,
        "title": _TITLES[kind],
    }


def schema_text(kind: EntityKind) -> str:
    """The schema as committed: stable key order, two-space indent, final newline."""
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"


def schema_files() -> dict[str, str]:
    """File name -> text for every kind."""
    return {f"{kind}.schema.json": schema_text(kind) for kind in MODEL_BY_KIND}


def _without_titles(node: Any) -> Any:
    """Drop the English titles pydantic derives from field names; descriptions say it all."""
    if isinstance(node, dict):
        return {k: _without_titles(v) for k, v in node.items() if k != "title"}
    if isinstance(node, list):
        return [_without_titles(v) for v in node]
    return node
