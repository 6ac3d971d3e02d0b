"""The content format reference, generated from the JSON Schema so it never drifts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..model import MODEL_BY_KIND
from ..schema import json_schema
from .context import GeneratedPage, PageContext
from .render import PageView, front_matter, render

REFERENCE = "referenz.md"
_FOLDERS = {
    "process": "content/processes/",
    "role": "content/roles/",
    "unit": "content/units/",
    "system": "content/systems/",
}


@dataclass(frozen=True)
class FieldDoc:
    name: str
    type: str
    required: bool
    description: str
    example: str


@dataclass(frozen=True)
class ObjectDoc:
    title: str
    description: str
    fields: list[FieldDoc]


def _type_name(spec: dict[str, Any]) -> str:
    if "$ref" in spec:
        return str(spec["$ref"]).rsplit("/", 1)[-1]
    if "enum" in spec:
        return " | ".join(str(v) for v in spec["enum"])
    if "anyOf" in spec or "oneOf" in spec:
        options = spec.get("anyOf") or spec.get("oneOf") or []
        names = [_type_name(o) for o in options if o.get("type") != "null"]
        return " | ".join(dict.fromkeys(names))
    kind = spec.get("type", "")
    if kind == "array":
        return f"Liste von {_type_name(spec.get('items', {}))}"
    if kind == "object":
        return "Zuordnung"
    if spec.get("format") == "date":
        return "Datum"
    return {"string": "Text", "integer": "Zahl", "number": "Zahl", "boolean": "ja/nein"}.get(
        str(kind), str(kind)
    )


def _object_doc(title: str, schema: dict[str, Any]) -> ObjectDoc:
    required = set(schema.get("required", []))
    fields = []
    for name, spec in schema.get("properties", {}).items():
        examples = spec.get("examples") or []
        example = json.dumps(examples[0], ensure_ascii=False) if examples else ""
        fields.append(
            FieldDoc(name, _type_name(spec), name in required, spec.get("description", ""), example)
        )
    return ObjectDoc(title, schema.get("description", ""), fields)


def reference_objects() -> list[tuple[str, ObjectDoc, list[ObjectDoc]]]:
    """For each kind: its folder, its own fields, and its nested objects (steps, ...)."""
    result = []
    for kind in MODEL_BY_KIND:
        schema = json_schema(kind)
        nested = [
            _object_doc(name, spec)
            for name, spec in schema.get("$defs", {}).items()
            if spec.get("type") == "object"
        ]
        result.append((_FOLDERS[kind], _object_doc(str(schema["title"]), schema), nested))
    return result


def render_reference(ctx: PageContext) -> GeneratedPage:
    view = PageView(ctx, REFERENCE)
    body = render("reference.md.j2", view, kinds=reference_objects())
    return GeneratedPage(REFERENCE, front_matter(ctx.labels.reference) + body)
