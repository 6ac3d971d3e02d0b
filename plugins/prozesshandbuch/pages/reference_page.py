"""The content format reference, generated from the JSON Schema so it never drifts.

Field descriptions are German, as in the published schema; an English handbook shows
the English description each field carries beside its German one (``model.py``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..content.model import DESCRIPTION_EN, MODEL_BY_KIND
from ..content.schema import TITLE_EN, annotated_schema
from ..content.urls import REFERENCE
from ..i18n import Texts, language_index
from .context import GeneratedPage, PageContext
from .render import PageView, front_matter, render

_FOLDERS = {
    "process": "content/processes/",
    "role": "content/roles/",
    "unit": "content/units/",
    "system": "content/systems/",
}


_TYPE_KEYS = {
    "string": "type.text",
    "integer": "reference.number",
    "number": "reference.number",
    "boolean": "reference.boolean",
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


def _type_name(spec: dict[str, Any], t: Texts) -> str:
    if "$ref" in spec:
        return str(spec["$ref"]).rsplit("/", 1)[-1]
    if "enum" in spec:
        return " | ".join(str(v) for v in spec["enum"])
    if "anyOf" in spec or "oneOf" in spec:
        options = spec.get("anyOf") or spec.get("oneOf") or []
        names = [_type_name(o, t) for o in options if o.get("type") != "null"]
        return " | ".join(dict.fromkeys(names))
    kind = spec.get("type", "")
    if kind == "array":
        return t("reference.list-of", item=_type_name(spec.get("items", {}), t))
    if kind == "object":
        return t("reference.mapping")
    if spec.get("format") == "date":
        return t("reference.date")
    key = _TYPE_KEYS.get(str(kind))
    return t(key) if key else str(kind)


def _english(t: Texts) -> bool:
    return language_index(t.language) == 1


def _description(spec: dict[str, Any], t: Texts) -> str:
    """The field's or object's description in the page's language (German if unknown)."""
    german = str(spec.get("description", ""))
    return str(spec.get(DESCRIPTION_EN, german)) if _english(t) else german


def _object_doc(title: str, schema: dict[str, Any], t: Texts) -> ObjectDoc:
    required = set(schema.get("required", []))
    fields = []
    for name, spec in schema.get("properties", {}).items():
        examples = spec.get("examples") or []
        example = json.dumps(examples[0], ensure_ascii=False) if examples else ""
        fields.append(
            FieldDoc(name, _type_name(spec, t), name in required, _description(spec, t), example)
        )
    return ObjectDoc(title, _description(schema, t), fields)


def reference_objects(t: Texts) -> list[tuple[str, ObjectDoc, list[ObjectDoc]]]:
    """For each kind: its folder, its own fields, and its nested objects (steps, ...)."""
    result = []
    for kind in MODEL_BY_KIND:
        schema = annotated_schema(kind)
        nested = [
            _object_doc(name, spec, t)
            for name, spec in schema.get("$defs", {}).items()
            if spec.get("type") == "object"
        ]
        title = str(schema[TITLE_EN] if _english(t) else schema["title"])
        result.append((_FOLDERS[kind], _object_doc(title, schema, t), nested))
    return result


def render_reference(ctx: PageContext) -> GeneratedPage:
    view = PageView(ctx, REFERENCE)
    body = render("reference.md.j2", view, kinds=reference_objects(ctx.texts))
    return GeneratedPage(REFERENCE, front_matter(ctx.texts("page.reference")) + body)
