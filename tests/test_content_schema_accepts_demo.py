"""The committed JSON Schemas accept the demo's own files, as an editor would check them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
KINDS = {"process": "processes", "role": "roles", "unit": "units", "system": "systems"}


class _EditorLoader(yaml.SafeLoader):
    """Reads dates as text, the way a JSON-Schema-aware editor sees them."""


_EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_schema_accepts_every_demo_file(kind: str) -> None:
    schema = json.loads((REPO_ROOT / "schema" / f"{kind}.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted((REPO_ROOT / "content" / KINDS[kind]).glob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_EditorLoader)
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], f"{path.name}: {errors}"
