"""Read one YAML file safely, keeping a source position for every key and value.

PyYAML's C parser builds the node tree (fast); this module turns nodes into plain
Python values itself so it can record positions, reject duplicate keys (PyYAML keeps
the last one silently) and refuse anchors and aliases (they hide content from the
reader of a merge request and allow "billion laughs" expansion).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .controlchars import code_point, first_forbidden
from .problems import YAML_DETAILS, Position, Problem

try:  # the C loader is about ten times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

# First characters of plain scalars that are always text. Letters that can begin a YAML
# 1.1 null, bool or special float (null, true, false, on, off, yes, no, .inf) are left out.
_PLAIN_TEXT_START = frozenset(
    set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZäöüÄÖÜß§(") - set("nNtTfFoOyY")
)


class _Loader(_BaseLoader):
    """The safe loader with a shortcut for the most common scalar: plain text.

    PyYAML tries every implicit type's regular expression on each plain scalar; content
    is mostly German text, so a first-letter check answers most of them at once.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode and implicit[0] and value and value[0] in _PLAIN_TEXT_START:
            return _STR_TAG
        return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]


MAX_BYTES = 1024 * 1024
MAX_DEPTH = 50
"""Nesting levels a file may have. Content needs about five; far below libyaml's own limit
of 1000, and below the depth at which building the values would exhaust Python's stack."""
# An anchor (&name) or alias (*name) starts a value: after a key's colon, a list dash, a
# flow bracket or comma, or at the start of a line. Text such as "H&H" or "**fett**"
# in the middle of a value does not match, so most files skip the event scan.
_MAYBE_ANCHOR = re.compile(r"(?:^|[:\-\[{,]\s*)[&*][^\s*]", re.MULTILINE)
_STR_TAG = "tag:yaml.org,2002:str"
FieldPath = tuple[str | int, ...]


class SourceMap:
    """Where each field of a file is, by field path; built on first use.

    Most files never need a position (they have no problem), and recording the nodes of
    every field up front was a large share of `check`; so the file is parsed a second
    time, with positions, only when a problem is reported for it.
    """

    def __init__(self, path: str, raw: bytes | None = None) -> None:
        self.path = path
        self._raw = raw
        self._keys: dict[FieldPath, yaml.Node] | None = None
        self._values: dict[FieldPath, yaml.Node] = {}

    def value(self, loc: FieldPath) -> Position:
        """Position of the value at ``loc``, or of the nearest enclosing field."""
        self._index()
        return self._nearest(self._values, loc)

    def key(self, loc: FieldPath) -> Position:
        """Position of the key of ``loc`` (list items: the item), or the nearest known."""
        keys = self._index()
        node = keys.get(loc)
        return _position(node.start_mark) if node is not None else self.value(loc)

    def _index(self) -> dict[FieldPath, yaml.Node]:
        if self._keys is None:
            self._keys = {}
            if self._raw is not None:
                _parse(self._raw, self.path, self)
        return self._keys

    def record(self, loc: FieldPath, key: yaml.Node | None, value: yaml.Node) -> None:
        """Called while parsing with positions."""
        if self._keys is None:
            self._keys = {}
        if key is not None:
            self._keys[loc] = key
        self._values[loc] = value

    @staticmethod
    def _nearest(table: dict[FieldPath, yaml.Node], loc: FieldPath) -> Position:
        for end in range(len(loc), -1, -1):
            found = table.get(loc[:end])
            if found is not None:
                return _position(found.start_mark)
        return Position(1, 1)


class _RejectedError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def read_yaml(raw: bytes, path: str) -> tuple[Any, SourceMap, list[Problem]]:
    """Parse ``raw`` into plain values; problems (syntax, duplicates, aliases) are returned.

    On a problem that makes the content unusable the value is ``None``. The source map
    finds positions when asked, by parsing again.
    """
    value, problems = _parse(raw, path, None)
    return value, SourceMap(path, raw), problems


def _parse(raw: bytes, path: str, source: SourceMap | None) -> tuple[Any, list[Problem]]:
    """The values of a file; with ``source``, also record where each field is."""
    if len(raw) > MAX_BYTES:
        return None, [Problem(path, Position(1, 1), "file-too-large", {"size": str(len(raw))})]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [Problem(path, Position(1, 1), "file-encoding")]
    if _MAYBE_ANCHOR.search(text):  # cheap pre-filter; the event scan is exact
        alias = _find_anchor_or_alias(text)
        if alias is not None:
            return None, [Problem(path, alias, "yaml-alias")]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:  # nothing but comments, or nothing at all
            return None, [Problem(path, Position(1, 1), "empty-file")]
        problems: list[Problem] = []
        value = _Builder(loader, path, source, problems).build(node, (), None)
        if value is None:  # `null` or `~` alone: the file would silently vanish
            return None, [Problem(path, _position(node.start_mark), "empty-file")]
        return value, problems
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = _position(mark) if mark else Position(1, 1)
        return None, [_syntax_problem(path, position, error.problem or "")]
    except yaml.reader.ReaderError as error:
        # A control character written into the file itself (not as an escape).
        position = _offset_position(text, error.position)
        character = code_point(chr(error.character)) if isinstance(error.character, int) else "?"
        return None, [Problem(path, position, "control-character", {"character": character})]
    except yaml.YAMLError:
        return None, [Problem(path, Position(1, 1), "yaml-syntax-other")]
    except _RejectedError as rejected:
        return None, [rejected.problem]
    finally:
        loader.dispose()


# PyYAML explains syntax errors in English. The messages table explains the most common
# ones in the reader's language; every other message libyaml can give has a problem code
# of its own, so that no English fragment reaches a German message.
_SAME_AS_KNOWN = {
    # libyaml's words for what the table knows in PyYAML's words
    "mapping values are not allowed in this context": "mapping values are not allowed here",
}
_SYNTAX_CODES = {
    "found a tab character that violates indentation": "yaml-syntax-tab",
    "found a tab character where an indentation space is expected": "yaml-syntax-tab",
    "found character that cannot start any token": "yaml-syntax-bad-start",
    "found unknown escape character": "yaml-syntax-escape",
    "found invalid Unicode character escape code": "yaml-syntax-escape",
    "did not find expected hexdecimal number": "yaml-syntax-escape",
    "but found another document": "yaml-syntax-documents",
    "did not find expected <document start>": "yaml-syntax-documents",
    "found unexpected document indicator": "yaml-syntax-documents",
    "mapping keys are not allowed in this context": "yaml-syntax-structure",
    "block sequence entries are not allowed in this context": "yaml-syntax-structure",
    "did not find expected node content": "yaml-syntax-structure",
    "found unexpected ':'": "yaml-syntax-structure",
    "did not find expected comment or line break": "yaml-syntax-line-end",
    "did not find expected whitespace or line break": "yaml-syntax-line-end",
    "did not find expected whitespace": "yaml-syntax-line-end",
    "found an indentation indicator equal to 0": "yaml-syntax-block",
    "found undefined tag handle": "yaml-syntax-tag",
    "did not find expected '!'": "yaml-syntax-tag",
    "did not find expected tag URI": "yaml-syntax-tag",
    "did not find URI escaped octet": "yaml-syntax-tag",
    "did not find the expected '>'": "yaml-syntax-tag",
    "did not find expected alphabetic or numeric character": "yaml-syntax-tag",
    "found unknown directive name": "yaml-syntax-directive",
    "found incompatible YAML document": "yaml-syntax-directive",
    "found duplicate %YAML directive": "yaml-syntax-directive",
    "found duplicate %TAG directive": "yaml-syntax-directive",
    "did not find expected directive name": "yaml-syntax-directive",
    "did not find expected version number": "yaml-syntax-directive",
    "found extremely long version number": "yaml-syntax-directive",
    "did not find expected digit or '.' character": "yaml-syntax-directive",
}


def _syntax_problem(path: str, position: Position, detail: str) -> Problem:
    detail = _SAME_AS_KNOWN.get(detail, detail)
    if detail == "exceeded maximum nesting depth":  # libyaml's own limit of 1000 levels
        return Problem(path, position, "too-deep", {"limit": str(MAX_DEPTH)})
    code = _SYNTAX_CODES.get(detail)
    if code is not None:
        return Problem(path, position, code)
    if detail in YAML_DETAILS:
        return Problem(path, position, "yaml-syntax", {"detail": detail})
    return Problem(path, position, "yaml-syntax-other")


def _offset_position(text: str, offset: int) -> Position:
    before = text[:offset]
    return Position(before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1)


def _find_anchor_or_alias(text: str) -> Position | None:
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return _position(event.start_mark)
    except yaml.YAMLError:
        return None  # the real parse reports the syntax error with its position
    return None


class _Builder:
    def __init__(
        self, loader: Any, path: str, source: SourceMap | None, problems: list[Problem]
    ) -> None:
        self._loader = loader
        self._path = path
        self._source = source
        self._problems = problems
        self._seen: set[yaml.Node] = set()

    def build(self, node: yaml.Node, loc: FieldPath, key: yaml.Node | None) -> Any:
        if node in self._seen:
            # PyYAML hands out the same node again for an alias the pre-scan missed.
            raise _RejectedError(Problem(self._path, _position(node.start_mark), "yaml-alias"))
        self._seen.add(node)
        if len(loc) > MAX_DEPTH:
            # Refused before going deeper: a file of 500 nested brackets would otherwise
            # end in a RecursionError (and in an old revision, crash the build).
            raise _RejectedError(
                Problem(
                    self._path,
                    _position(node.start_mark),
                    "too-deep",
                    {"limit": str(MAX_DEPTH)},
                )
            )
        if self._source is not None:
            self._source.record(loc, key, node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, index), item) for index, item in enumerate(node.value)]
        if node.tag == _STR_TAG:  # most scalars; skips the constructor's dispatch
            return self._text(node)
        try:
            return self._loader.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError):
            # An impossible timestamp such as 2026-02-30: keep the text so the schema
            # check reports it as an invalid date at this position.
            return str(node.value)

    def _text(self, node: yaml.Node) -> str:
        """A text scalar; a control character (from a YAML escape such as "\\a") is
        reported and removed, so that nothing downstream ever sees it."""
        value = str(node.value)
        forbidden = first_forbidden(value)
        if forbidden is None:
            return value
        self._problems.append(
            Problem(
                self._path,
                _position(node.start_mark),
                "control-character",
                {"character": code_point(forbidden)},
            )
        )
        return "".join(c for c in value if first_forbidden(c) is None)

    def _mapping(self, node: yaml.MappingNode, loc: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _RejectedError(
                    Problem(self._path, _position(key_node.start_mark), "yaml-alias")
                )
            if not isinstance(key_node, yaml.ScalarNode):
                # `[a]: x` or `? {a: b}`: a list or mapping as key has no name to quote.
                self._problems.append(
                    Problem(self._path, _position(key_node.start_mark), "yaml-key-structure")
                )
                continue
            key = self._text(key_node)
            if key in first:
                self._problems.append(
                    Problem(
                        self._path,
                        _position(key_node.start_mark),
                        "yaml-duplicate-key",
                        {"key": key, "first_line": str(first[key].start_mark.line + 1)},
                    )
                )
                continue
            first[key] = key_node
            result[key] = self.build(value_node, (*loc, key), key_node)
        return result
