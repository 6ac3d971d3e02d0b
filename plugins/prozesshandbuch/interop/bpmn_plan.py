"""A BPMN import as files to write: processes, role stubs and the stub unit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..content.load import load_handbook
from ..content.model import Process, Role
from ..i18n import text
from .bpmn_import import STUB_UNIT, KnownContent, convert_bpmn
from .importing import ImportPlan
from .writer import relative_path, yaml_text


def known_content(content_dir: Path) -> KnownContent:
    """Roles, processes and units already in ``content_dir`` (files that load)."""
    if not content_dir.is_dir():
        return KnownContent()
    handbook = load_handbook(content_dir, content_dir.parent).handbook
    return KnownContent(
        role_titles={role_id: role.title for role_id, role in handbook.roles.items()},
        process_ids=frozenset(handbook.processes),
        unit_ids=frozenset(handbook.units),
    )


def process_data(process: Process) -> dict[str, Any]:
    """The process as its YAML file holds it: no defaults, steps in order."""
    data = process.model_dump(mode="json", exclude_defaults=True, exclude={"steps"})
    data["steps"] = [step.model_dump(mode="json", exclude_defaults=True) for step in process.steps]
    return data


def bpmn_plan(files: list[tuple[Path, str]], content_dir: Path, language: str) -> ImportPlan:
    """Convert ``files``; raises ImportRefusedError when one cannot be converted."""
    result = convert_bpmn(files, known_content(content_dir), language)
    plan = ImportPlan(notices=result.notices)
    for item in result.processes:
        plan.files[relative_path("process", item.process.id)] = yaml_text(
            "process", process_data(item.process), _note(item.source, language)
        )
    for role_id, role in result.role_stubs.items():
        plan.files[relative_path("role", role_id)] = yaml_text(
            "role",
            _role_data(role),
            _stub_note(result.role_stub_sources[role_id], language),
        )
    if result.needs_unit_stub:
        plan.files[relative_path("unit", STUB_UNIT)] = yaml_text(
            "unit",
            {"title": text("interop.stub-unit-title", language)},
            _unit_note(language),
        )
    return plan


def _role_data(role: Role) -> dict[str, Any]:
    return role.model_dump(mode="json", exclude_defaults=True)


def _note(source: str, language: str) -> str:
    return text("interop.note-imported", language, source=source)


def _stub_note(source: str, language: str) -> str:
    return text("interop.note-role-stub", language, source=source)


def _unit_note(language: str) -> str:
    return text("interop.note-unit-stub", language)
