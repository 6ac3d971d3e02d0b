"""The exchange files a built site offers: a ``.bpmn`` per process and ``handbook.json``."""

from __future__ import annotations

from ..model import Handbook
from ..relations import Relations
from ..urls import AREA
from .bpmn_export import bpmn_file_name, export_process
from .handbook_json import FILE_NAME, document_json


def bpmn_site_path(process_id: str) -> str:
    """Where a process's BPMN file lives in the site, beside its page."""
    return f"{AREA['process']}/{bpmn_file_name(process_id)}"


def exchange_files(handbook: Handbook, relations: Relations) -> dict[str, bytes]:
    """Site path -> content of every exchange file, in a stable order."""
    titles = {role_id: role.title for role_id, role in handbook.roles.items()}
    files = {
        bpmn_site_path(process.id): export_process(process, titles)
        for process in handbook.processes.values()
    }
    files[FILE_NAME] = document_json(handbook, relations).encode("utf-8")
    return files
