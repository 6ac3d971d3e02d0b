"""A KOOS import as files to write."""

from __future__ import annotations

from pathlib import Path

from ..i18n import text
from .bpmn_plan import process_data
from .importing import ImportPlan
from .koos_import import convert_koos
from .writer import relative_path, yaml_text


def koos_plan(folder: Path, shown: str, language: str) -> ImportPlan:
    """Convert a KOOS checkout; raises ImportRefusedError when it cannot be converted."""
    result = convert_koos(folder, shown, language)
    plan = ImportPlan(notices=result.notices)
    note = text("interop.note-koos", language, source=shown)
    for unit_id, unit in result.units.items():
        plan.files[relative_path("unit", unit_id)] = yaml_text(
            "unit", unit.model_dump(mode="json", exclude_defaults=True), note
        )
    for role_id, role in result.roles.items():
        plan.files[relative_path("role", role_id)] = yaml_text(
            "role", role.model_dump(mode="json", exclude_defaults=True), note
        )
    for process_id, process in result.processes.items():
        plan.files[relative_path("process", process_id)] = yaml_text(
            "process", process_data(process), note
        )
    return plan
