"""Load a content folder into a Handbook, collecting every schema problem of every file."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import textfold
from .contentfiles import find_content_files, read_content_file
from .model import MODEL_BY_KIND, SLUG_PATTERN, EntityKind, Handbook
from .problems import Position, Problem, closest
from .yamlsource import FieldPath, SourceMap, read_yaml

_SLUG = re.compile(SLUG_PATTERN)


@dataclass
class LoadResult:
    """What loading produced: the handbook (valid entities only), sources and problems."""

    handbook: Handbook
    sources: dict[str, SourceMap] = field(default_factory=dict)
    """Source map of each file by its path relative to the root."""
    problems: list[Problem] = field(default_factory=list)
    file_count: int = 0
    invalid_ids: set[tuple[EntityKind, str]] = field(default_factory=set)
    """Entities whose file exists but failed to load: references to them are not reported
    again as unknown, since the file's own problems already say what is wrong."""


def slugify(text: str) -> str:
    """A slug suggestion for an invalid id (used in the message only)."""
    return textfold.slugify(text) or "beispiel"


def load_handbook(content_dir: Path, root: Path) -> LoadResult:
    """Read every ``*.yml``/``*.yaml`` file below the four kind folders of ``content_dir``.

    Paths in problems are relative to ``root`` (the handbook's repository root).
    Files are never written.
    """
    entities: dict[EntityKind, dict[str, Any]] = {k: {} for k in MODEL_BY_KIND}
    paths: dict[tuple[EntityKind, str], str] = {}
    result = LoadResult(Handbook())
    if not content_dir.is_dir():
        result.problems.append(
            Problem(
                _relative(content_dir, root),
                Position(1, 1),
                "content-dir-missing",
                {"path": _relative(content_dir, root)},
            )
        )
        return result
    # Resolved once: resolving every file's path was a noticeable share of `check`.
    base = _relative(content_dir, root)
    for kind, file, relative in find_content_files(content_dir, base, root, result.problems):
        result.file_count += 1
        entity = _load_file_cached(kind, file, relative, result)
        if entity is None:
            result.invalid_ids.add((kind, file.stem))
            continue
        existing = paths.get((kind, entity.id))
        if existing is not None:
            result.problems.append(
                Problem(
                    relative,
                    Position(1, 1),
                    "duplicate-id",
                    {"id": entity.id, "other": existing},
                )
            )
            continue
        entities[kind][entity.id] = entity
        paths[(kind, entity.id)] = relative
    result.handbook = Handbook(
        processes=dict(sorted(entities["process"].items())),
        roles=dict(sorted(entities["role"].items())),
        units=dict(sorted(entities["unit"].items())),
        systems=dict(sorted(entities["system"].items())),
        paths=paths,
    )
    return result


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True)
class _Parsed:
    """One file's bytes and what loading them gave."""

    content: bytes
    entity: Any
    source: SourceMap
    problems: tuple[Problem, ...]


_PARSED: dict[tuple[EntityKind, str], _Parsed] = {}
"""The last load of each file by kind and path. `mkdocs serve` loads the whole folder
after every save, and only the saved file has other bytes; loading is a pure function
of kind, path and bytes, and entities are immutable, so the result can be reused."""


def _load_file_cached(kind: EntityKind, file: Path, relative: str, result: LoadResult) -> Any:
    raw = read_content_file(file, relative, result.problems)
    if raw is None:
        return None
    parsed = _PARSED.get((kind, relative))
    if parsed is None or parsed.content != raw:
        scratch = LoadResult(Handbook())
        entity = _load_file(kind, raw, file.stem, relative, scratch)
        parsed = _Parsed(raw, entity, scratch.sources[relative], tuple(scratch.problems))
        _PARSED[(kind, relative)] = parsed
    result.sources[relative] = parsed.source
    result.problems.extend(parsed.problems)
    return parsed.entity


def _load_file(kind: EntityKind, raw: bytes, stem: str, relative: str, result: LoadResult) -> Any:
    data, source, problems = read_yaml(raw, relative)
    result.sources[relative] = source
    result.problems.extend(problems)
    if data is None:
        return None
    if not isinstance(data, dict):
        result.problems.append(Problem(relative, source.value(()), "yaml-not-mapping"))
        return None
    entity_id = stem
    id_ok = True
    if not _SLUG.match(entity_id):
        result.problems.append(
            Problem(
                relative, Position(1, 1), "bad-id", {"id": entity_id, "example": slugify(entity_id)}
            )
        )
        id_ok = False
    written_id = data.pop("id", None)
    if written_id is not None and written_id != entity_id:
        result.problems.append(
            Problem(
                relative,
                source.value(("id",)),
                "id-mismatch",
                {"id": str(written_id), "expected": entity_id},
            )
        )
    model = MODEL_BY_KIND[kind]
    try:
        entity = model.model_validate(data)
    except ValidationError as error:
        result.problems.extend(_translate(error, model, source))
        entity = _best_effort(model, data, error)
        if entity is None:
            return None
    return entity.model_copy(update={"id": entity_id}) if id_ok else None


def _best_effort(model: type[Any], data: dict[str, Any], error: ValidationError) -> Any:
    """The entity without its faulty fields, so cross-file checks still run on the rest.

    The file's schema errors are already reported and fail the build; this only keeps one
    typo from hiding the file's other problems. Gives up when a list item or a required
    field is at fault, since removing it would shift positions or leave nothing to check.
    """
    pruned = copy.deepcopy(data)
    for item in error.errors(include_url=False):
        loc = _clean_loc(item["loc"])
        if item["type"] == "missing" or not loc or isinstance(loc[-1], int):
            return None
        container: Any = pruned
        for part in loc[:-1]:
            container = container[part]
        if isinstance(container, dict):
            container.pop(loc[-1], None)
    try:
        return model.model_validate(pruned)
    except (ValidationError, KeyError, IndexError, TypeError):
        return None


# --- pydantic errors -> positioned problems ---------------------------------------------

_TYPE_NAMES = {
    "string_type": "type.text",
    "int_type": "type.number",
    "int_parsing": "type.number",
    "int_from_float": "type.number",
    "float_type": "type.decimal",
    "float_parsing": "type.decimal",
    "bool_type": "type.boolean",
    "bool_parsing": "type.boolean",
    "list_type": "type.list",
    "dict_type": "type.mapping",
    "model_type": "type.mapping",
    "model_attributes_type": "type.mapping",
    "union_tag_not_found": "type.scalar",
}
_DATE_ERRORS = {
    "date_type",
    "date_parsing",
    "date_from_datetime_parsing",
    "date_from_datetime_inexact",
}


def _clean_loc(loc: tuple[Any, ...]) -> FieldPath:
    # Union tags start with "~" (see model.py); they are not part of the author's path.
    return tuple(p for p in loc if not (isinstance(p, str) and p.startswith("~")))


def _field_name(loc: FieldPath) -> str:
    """The path as an author reads it: ``steps[3].role`` (1-based list positions)."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text or "Datei"


def _type_of(value: Any) -> str:
    if value is None:
        return "type.empty"
    if isinstance(value, bool):
        return "type.boolean"
    if isinstance(value, int):
        return "type.number"
    if isinstance(value, float):
        return "type.decimal"
    if isinstance(value, str):
        return "type.text"
    if isinstance(value, list):
        return "type.list"
    if isinstance(value, dict):
        return "type.mapping"
    return "type.date"


def _known_keys(model: type[Any], loc: FieldPath) -> list[str]:
    """Field names of the (nested) model that holds ``loc``'s last key."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    fields = getattr(current, "model_fields", {})
    return [name for name, info in fields.items() if not info.exclude]


def _inner_model(annotation: Any) -> Any:
    from typing import get_args

    if hasattr(annotation, "model_fields"):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _translate(error: ValidationError, model: type[Any], source: SourceMap) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[FieldPath] = set()
    for item in error.errors(include_url=False):
        loc = _clean_loc(item["loc"])
        kind = item["type"]
        value = item.get("input")
        name = _field_name(loc)
        path = source.path
        if loc in seen:  # one message per field is enough
            continue
        seen.add(loc)
        if kind == "missing":
            problems.append(
                Problem(path, source.value(loc[:-1]), "missing", {"field": str(loc[-1])})
            )
        elif kind == "extra_forbidden":
            key = str(loc[-1])
            args = {"key": key}
            candidate = closest(key, _known_keys(model, loc))
            if candidate:
                args["candidate"] = candidate
            problems.append(Problem(path, source.key(loc), "unknown-key", args))
        elif kind == "enum":
            allowed = item.get("ctx", {}).get("expected", "")
            options = re.findall(r"'([^']*)'", allowed)
            args = {"value": str(value), "field": name, "allowed": ", ".join(options)}
            candidate = closest(str(value), options)
            if candidate:
                args["candidate"] = candidate
            problems.append(Problem(path, source.value(loc), "unknown-value", args))
        elif kind in _DATE_ERRORS:
            problems.append(
                Problem(
                    path, source.value(loc), "invalid-date", {"value": str(value), "field": name}
                )
            )
        elif (
            kind == "string_type" and isinstance(value, int | float) and not isinstance(value, bool)
        ):
            problems.append(
                Problem(
                    path,
                    source.value(loc),
                    "wrong-type-quote",
                    {"field": name, "value": str(value)},
                )
            )
        elif kind in _TYPE_NAMES:
            problems.append(
                Problem(
                    path,
                    source.value(loc),
                    "wrong-type",
                    {
                        "field": name,
                        "expected": f"@{_TYPE_NAMES[kind]}",
                        "actual": f"@{_type_of(value)}",
                    },
                )
            )
        elif kind == "string_pattern_mismatch":
            problems.append(
                Problem(path, source.value(loc), "pattern-service-key", {"field": name})
            )
        elif kind == "too_short":
            problems.append(
                Problem(
                    path,
                    source.value(loc),
                    "too-short",
                    {"field": name, "min": str(item.get("ctx", {}).get("min_length", 1))},
                )
            )
        elif kind in {"greater_than_equal", "less_than_equal"}:
            ctx = item.get("ctx", {})
            code, limit = (
                ("too-small", ctx.get("ge"))
                if kind == "greater_than_equal"
                else ("too-large", ctx.get("le"))
            )
            problems.append(
                Problem(path, source.value(loc), code, {"field": name, "limit": str(limit)})
            )
        else:
            # pydantic's own explanation is English; German messages never quote it.
            problems.append(
                Problem(path, source.value(loc), "invalid-value-unknown", {"field": name})
            )
    return problems
