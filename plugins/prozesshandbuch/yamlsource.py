"""Read one YAML file safely, keeping a source position for every key and value.

PyYAML's C parser builds the node tree (fast); this module turns nodes into plain
Python values itself so it can record positions, reject duplicate keys (PyYAML keeps
the last one silently) and refuse anchors and aliases (they hide content from the
reader of a merge request and allow "billion laughs" expansion).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Position, Problem

try:  # the C loader is about ten times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 1024 * 1024
FieldPath = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Where each field of a file is: key positions and value positions by field path."""

    path: str
    keys: dict[FieldPath, Position] = field(default_factory=dict)
    values: dict[FieldPath, Position] = field(default_factory=dict)

    def value(self, loc: FieldPath) -> Position:
        """Position of the value at ``loc``, or of the nearest enclosing field."""
        return self._nearest(self.values, loc)

    def key(self, loc: FieldPath) -> Position:
        """Position of the key of ``loc`` (list items: the item), or the nearest known."""
        if loc in self.keys:
            return self.keys[loc]
        return self.value(loc)

    @staticmethod
    def _nearest(table: dict[FieldPath, Position], loc: FieldPath) -> Position:
        for end in range(len(loc), -1, -1):
            found = table.get(loc[:end])
            if found is not None:
                return found
        return Position(1, 1)


class _RejectedError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def read_yaml(raw: bytes, path: str) -> tuple[Any, SourceMap, list[Problem]]:
    """Parse ``raw`` into plain values; problems (syntax, duplicates, aliases) are returned.

    On a problem that makes the content unusable the value is ``None``.
    """
    source = SourceMap(path)
    if len(raw) > MAX_BYTES:
        return (
            None,
            source,
            [Problem(path, Position(1, 1), "file-too-large", {"size": str(len(raw))})],
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, source, [Problem(path, Position(1, 1), "file-encoding")]
    if "&" in text or "*" in text:  # cheap pre-filter; the event scan is exact
        alias = _find_anchor_or_alias(text)
        if alias is not None:
            return None, source, [Problem(path, alias, "yaml-alias")]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, source, []
        problems: list[Problem] = []
        value = _Builder(loader, source, problems).build(node, ())
        return value, source, problems
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = _position(mark) if mark else Position(1, 1)
        detail = error.problem or str(error)
        return None, source, [Problem(path, position, "yaml-syntax", {"detail": detail})]
    except yaml.YAMLError as error:
        return None, source, [Problem(path, Position(1, 1), "yaml-syntax", {"detail": str(error)})]
    except _RejectedError as rejected:
        return None, source, [rejected.problem]
    finally:
        loader.dispose()


def _find_anchor_or_alias(text: str) -> Position | None:
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return _position(event.start_mark)
    except yaml.YAMLError:
        return None  # the real parse reports the syntax error with its position
    return None


class _Builder:
    def __init__(self, loader: Any, source: SourceMap, problems: list[Problem]) -> None:
        self._loader = loader
        self._source = source
        self._problems = problems

    def build(self, node: yaml.Node, loc: FieldPath) -> Any:
        self._source.values[loc] = _position(node.start_mark)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self._source.keys[(*loc, index)] = _position(item.start_mark)
                items.append(self.build(item, (*loc, index)))
            return items
        try:
            return self._loader.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError):
            # An impossible timestamp such as 2026-02-30: keep the text so the schema
            # check reports it as an invalid date at this position.
            return str(node.value)

    def _mapping(self, node: yaml.MappingNode, loc: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _RejectedError(
                    Problem(self._source.path, _position(key_node.start_mark), "yaml-alias")
                )
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            key_position = _position(key_node.start_mark)
            if not isinstance(key, str):
                self._problems.append(
                    Problem(self._source.path, key_position, "yaml-key-not-text", {"key": str(key)})
                )
                continue
            if key in first_line:
                self._problems.append(
                    Problem(
                        self._source.path,
                        key_position,
                        "yaml-duplicate-key",
                        {"key": key, "first_line": str(first_line[key])},
                    )
                )
                continue
            first_line[key] = key_position.line
            self._source.keys[(*loc, key)] = key_position
            result[key] = self.build(value_node, (*loc, key))
        return result
