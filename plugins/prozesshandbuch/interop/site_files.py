"""The exchange files a built site offers: a ``.bpmn`` per process and ``handbook.json``."""

from __future__ import annotations

from collections.abc import Mapping

from ..analysis.relations import Relations
from ..content.model import Handbook, Process
from ..content.urls import bpmn_site_path
from .bpmn_export import export_process
from .handbook_json import FILE_NAME, document_json

_EXPORTED: dict[str, tuple[Process, int, bytes]] = {}
"""The last export of each process by id, with the role titles it was made with (as a
hash). `mkdocs serve` makes every file again after each save, and usually only the saved
process differs; an export is a pure function of the process and the role titles, and
loading hands back the same immutable process for an unchanged file."""


def exchange_files(handbook: Handbook, relations: Relations) -> dict[str, bytes]:
    """Site path -> content of every exchange file, in a stable order."""
    titles = {role_id: role.title for role_id, role in handbook.roles.items()}
    titles_key = hash(tuple(sorted(titles.items())))
    files = {
        bpmn_site_path(process.id): _export(process, titles, titles_key)
        for process in handbook.processes.values()
    }
    files[FILE_NAME] = document_json(handbook, relations).encode("utf-8")
    return files


def _export(process: Process, titles: Mapping[str, str], titles_key: int) -> bytes:
    last = _EXPORTED.get(process.id)
    if last is not None and last[1] == titles_key and (last[0] is process or last[0] == process):
        return last[2]
    exported = export_process(process, titles)
    _EXPORTED[process.id] = (process, titles_key, exported)
    return exported
