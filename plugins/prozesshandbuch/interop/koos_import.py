"""A checkout of KOOS data -> units, roles and processes of the handbook.

KOOS (Kern-Organisations-Operations-System) keeps a municipality's organisation in
``orga.yaml`` (a flat list of units with ``parent`` and free-text ``rollen``) and one
process per ``prozesse/<id>.md`` (YAML front matter plus Markdown with numbered steps
``**01 Titel**`` and an italic description below each). The mapping, with what it
assumes, is in the README; every assumption that does not hold for a file is a warning.

- unit (``einheiten[]``) -> unit, same id; ``name`` -> title, ``hinweis`` -> summary; its
  first listed role is its head (KOOS lists the Leitung first).
- ``rollen`` -> one role each (id from the name); ``sonderfunktionen`` -> a further role,
  or a responsibility of the role of the same name.
- process -> process, same id: ``titel``, ``status``, ``zustaendigeEinheit`` -> unit;
  ``zustaendigeRolle`` (matched by name in the unit, else a new role) or else the unit's
  head -> owner; steps from the body, performed by ``zustaendigeRolle`` or else the
  unit's last listed role (the desk that does the work); ``daten.input``/``output`` ->
  inputs of the first / outputs of the last step; ``regelungen`` -> legal basis (ids
  resolved to names); ``leika_id`` -> service key; ``ozg_id`` -> keyword;
  ``letzte-aktualisierung`` -> last review; the text before and after the steps,
  ``beteiligte`` and ``daten.datenspeicher`` -> summary.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..content.load import slugify
from ..content.model import Process, Role, Unit
from ..content.yamlsource import read_yaml
from ..i18n import DEFAULT_LANGUAGE
from ..i18n import text as say
from .bpmn_ids import is_slug
from .notices import ImportRefusedError, Notice

_STATUS = {"aktiv": "active", "entwurf": "draft", "archiviert": "retired"}
_STEP = re.compile(r"^\*\*\s*(\d+)[.)]?\s+(.+?)\s*\*\*\s*$")
_ITALIC = re.compile(r"^\*(?!\*)(.*?)\*\s*$")
_PLACEHOLDER = "(noch nicht erfasst)"
_KNOWN_KEYS = {
    "id",
    "titel",
    "status",
    "zustaendigeEinheit",
    "zustaendigeRolle",
    "beteiligte",
    "daten",
    "regelungen",
    "leika_id",
    "ozg_id",
    "letzte-aktualisierung",
}
MAX_FILE_BYTES = 1024 * 1024


@dataclass
class KoosImport:
    units: dict[str, Unit] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    processes: dict[str, Process] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)


@dataclass
class _UnitRoles:
    ordered: list[str] = field(default_factory=list)
    """Role ids in the order orga.yaml lists them."""


class _Reader:
    def __init__(self, folder: Path, shown: str, language: str) -> None:
        self.folder = folder
        self.language = language
        """The language of the texts written into content (made-up role titles)."""
        self.shown = shown.rstrip("/")
        self.result = KoosImport()
        self.errors: list[Notice] = []
        self.unit_roles: dict[str, _UnitRoles] = defaultdict(_UnitRoles)
        self.role_titles: dict[tuple[str, str], str] = {}
        """(unit, title) -> role id"""
        self.skipped_keys: dict[str, int] = defaultdict(int)
        self.owner_is_head = 0

    def path(self, relative: str) -> str:
        return f"{self.shown}/{relative}"

    def warn(
        self, relative: str, line: int, key: str, count: int | None = None, **params: object
    ) -> None:
        notice = Notice(self.path(relative), line, key, params, warning=True, count=count)
        self.result.notices.append(notice)

    def error(self, relative: str, line: int, key: str, **params: object) -> None:
        self.errors.append(Notice(self.path(relative), line, key, params))

    # -- files -------------------------------------------------------------------------

    def yaml_file(self, relative: str, text: bytes, line_offset: int = 0) -> Any:
        data, _source, problems = read_yaml(text, self.path(relative))
        for problem in problems:
            self.errors.append(
                Notice(
                    self.path(relative),
                    problem.position.line + line_offset,
                    "interop.koos-yaml",
                    {"detail": problem.message("de")},
                    column=problem.position.column,
                )
            )
        return data

    def read_bytes(self, relative: str) -> bytes | None:
        target = self.folder / relative
        try:
            if target.stat().st_size > MAX_FILE_BYTES:
                self.error(relative, 1, "interop.too-large", size=1, limit=1)
                return None
            return target.read_bytes()
        except OSError as problem:
            self.error(relative, 1, "interop.cannot-read", reason=problem.strerror or problem)
            return None

    # -- organisation ------------------------------------------------------------------

    def organisation(self) -> None:
        if not (self.folder / "orga.yaml").is_file():
            raise ImportRefusedError([Notice(self.path("orga.yaml"), 1, "interop.koos-no-orga")])
        raw = self.read_bytes("orga.yaml")
        data = self.yaml_file("orga.yaml", raw) if raw is not None else None
        units = data.get("einheiten") if isinstance(data, dict) else None
        if not isinstance(units, list):
            if not self.errors:
                self.error("orga.yaml", 1, "interop.koos-no-units")
            return
        text = raw.decode("utf-8", "replace") if raw else ""
        for entry in units:
            if not isinstance(entry, dict) or not entry.get("id"):
                self.error("orga.yaml", 1, "interop.koos-unit-invalid")
                continue
            self.unit(entry, _line_of(text, f"id: {entry['id']}"))

    def unit(self, entry: dict[str, Any], line: int) -> None:
        unit_id = str(entry["id"])
        if not is_slug(unit_id):
            self.warn(
                "orga.yaml", line, "interop.koos-id-slugified", id=unit_id, slug=slugify(unit_id)
            )
            unit_id = slugify(unit_id)
        names = [str(n) for n in entry.get("rollen") or [] if n]
        for name in names:
            self.add_role(unit_id, name, line)
        special_function = say("interop.koos-special-function", self.language)
        for special in entry.get("sonderfunktionen") or []:
            role_id = self.role_titles.get((unit_id, str(special)))
            if role_id:
                role = self.result.roles[role_id]
                self.result.roles[role_id] = role.model_copy(
                    update={
                        "responsibilities": [
                            *role.responsibilities,
                            special_function,
                        ]
                    }
                )
            else:
                role_id = self.add_role(unit_id, str(special), line)
                role = self.result.roles[role_id]
                self.result.roles[role_id] = role.model_copy(
                    update={"responsibilities": [special_function]}
                )
        parent = entry.get("parent")
        ordered = self.unit_roles[unit_id].ordered
        data: dict[str, Any] = {"title": str(entry.get("name") or unit_id)}
        if parent:
            data["parent"] = str(parent) if is_slug(str(parent)) else slugify(str(parent))
        if ordered:
            data["head"] = ordered[0]
        if entry.get("hinweis"):
            data["summary"] = str(entry["hinweis"]).strip()
        self.result.units[unit_id] = Unit.model_validate(data).model_copy(update={"id": unit_id})

    def add_role(self, unit_id: str, title: str, line: int) -> str:
        existing = self.role_titles.get((unit_id, title))
        if existing:
            return existing
        base = slugify(title)
        role_id = base
        if role_id in self.result.roles:
            role_id = f"{base}-{unit_id.removeprefix('oe-')}"
        self.result.roles[role_id] = Role.model_validate(
            {"title": title, "unit": unit_id}
        ).model_copy(update={"id": role_id})
        self.role_titles[(unit_id, title)] = role_id
        self.unit_roles[unit_id].ordered.append(role_id)
        return role_id

    # -- processes ---------------------------------------------------------------------

    def processes(self) -> None:
        folder = self.folder / "prozesse"
        if not folder.is_dir():
            raise ImportRefusedError(
                [Notice(self.path("prozesse/"), 1, "interop.koos-no-processes")]
            )
        duplicates = folder / "_duplikate"
        if duplicates.is_dir():
            count = len(list(duplicates.glob("*.md")))
            self.warn("prozesse/_duplikate/", 1, "interop.koos-duplicates-skipped", count)
        for file in sorted(folder.glob("*.md")):
            self.process(f"prozesse/{file.name}", file.stem)

    def process(self, relative: str, stem: str) -> None:
        raw = self.read_bytes(relative)
        if raw is None:
            return
        text = raw.decode("utf-8", "replace")
        front, body, body_line = _split_front_matter(text)
        if front is None:
            self.error(relative, 1, "interop.koos-no-front-matter")
            return
        data = self.yaml_file(relative, front.encode("utf-8"), line_offset=1)
        if not isinstance(data, dict):
            self.error(relative, 2, "interop.koos-front-matter-invalid")
            return
        process_id = stem if is_slug(stem) else slugify(stem)
        if process_id != stem:
            self.warn(relative, 1, "interop.koos-id-slugified", id=stem, slug=process_id)
        if data.get("id") and str(data["id"]) != stem:
            self.warn(
                relative,
                _line_of(text, "id:"),
                "interop.koos-id-mismatch",
                id=data["id"],
                stem=stem,
            )
        for key in data:
            if key not in _KNOWN_KEYS:
                self.skipped_keys[str(key)] += 1
        unit_id = str(data.get("zustaendigeEinheit") or "")
        line_unit = _line_of(text, "zustaendigeEinheit:")
        if unit_id not in self.result.units:
            self.warn(relative, line_unit, "interop.koos-unit-unknown", unit=unit_id or "–")
            unit_id = self.stub_unit()
        owner, worker = self.responsible(
            relative, text, unit_id, str(data.get("zustaendigeRolle") or "")
        )
        summary, steps = _body(body)
        if not steps:
            self.warn(relative, body_line, "interop.koos-no-steps")
            steps = [{"title": str(data.get("titel") or stem)}]
        for step in steps:
            step["role"] = worker
        raw_daten = data.get("daten")
        daten: dict[str, Any] = raw_daten if isinstance(raw_daten, dict) else {}
        inputs = [str(i) for i in daten.get("input") or [] if i]
        outputs = [str(o) for o in daten.get("output") or [] if o]
        if inputs:
            steps[0]["inputs"] = inputs
        if outputs:
            steps[-1]["outputs"] = outputs
        extra = self.summary_parts(relative, text, data, daten)
        process: dict[str, Any] = {"title": str(data.get("titel") or stem)}
        full_summary = "\n\n".join(p for p in [summary, *extra] if p)
        if full_summary:
            process["summary"] = full_summary
        process["owner"] = owner
        process["unit"] = unit_id
        status = str(data.get("status") or "aktiv")
        if status not in _STATUS:
            self.warn(relative, _line_of(text, "status:"), "interop.koos-status", status=status)
        process["status"] = _STATUS.get(status, "active")
        legal = self.legal_basis(data.get("regelungen"))
        if legal:
            process["legal_basis"] = legal
        leika = str(data.get("leika_id") or "")
        keywords = []
        if leika:
            if re.fullmatch(r"[0-9]{14}", leika):
                process["service_key"] = leika
            else:
                self.warn(relative, _line_of(text, "leika_id:"), "interop.koos-leika", value=leika)
                keywords.append(f"LeiKa {leika}")
        if data.get("ozg_id"):
            keywords.append(f"OZG {data['ozg_id']}")
        if keywords:
            process["keywords"] = keywords
        reviewed = _date(data.get("letzte-aktualisierung"))
        if reviewed:
            process["review"] = {"last_reviewed": reviewed}
        elif data.get("letzte-aktualisierung"):
            self.warn(
                relative,
                _line_of(text, "letzte-aktualisierung:"),
                "interop.koos-date",
                value=data["letzte-aktualisierung"],
            )
        process["steps"] = steps
        try:
            model = Process.model_validate(process)
        except ValidationError as problem:
            self.error(
                relative,
                1,
                "interop.invalid-process",
                id=process_id,
                detail=str(problem.errors()[0]["msg"]),
            )
            return
        self.result.processes[process_id] = model.model_copy(update={"id": process_id})

    def responsible(
        self, relative: str, text: str, unit_id: str, role_name: str
    ) -> tuple[str, str]:
        """(owner, performer of the steps) for a process of ``unit_id``."""
        ordered = self.unit_roles[unit_id].ordered
        if role_name:
            titles = {self.result.roles[r].title: r for r in ordered}
            match = titles.get(role_name)
            if match is None:
                guess = _same_role(role_name, list(titles))
                line = _line_of(text, "zustaendigeRolle:")
                if guess:
                    match = titles[guess]
                    self.warn(
                        relative, line, "interop.koos-role-matched", name=role_name, role=guess
                    )
                else:
                    match = self.add_role(unit_id, role_name, line)
                    self.warn(
                        relative, line, "interop.koos-role-added", name=role_name, unit=unit_id
                    )
            return match, match
        if not ordered:
            head = say(
                "interop.koos-head-role", self.language, unit=self.result.units[unit_id].title
            )
            role_id = self.add_role(unit_id, head, 1)
            self.warn(relative, 1, "interop.koos-unit-without-roles", unit=unit_id, role=role_id)
            ordered = self.unit_roles[unit_id].ordered
        self.owner_is_head += 1
        return ordered[0], ordered[-1]

    def stub_unit(self) -> str:
        from .bpmn_import import STUB_UNIT

        if STUB_UNIT not in self.result.units:
            self.result.units[STUB_UNIT] = Unit.model_validate(
                {"title": say("interop.stub-unit-title", self.language)}
            ).model_copy(update={"id": STUB_UNIT})
        return STUB_UNIT

    def summary_parts(
        self, relative: str, text: str, data: dict[str, Any], daten: dict[str, Any]
    ) -> list[str]:
        parts = []
        involved = []
        for entry in data.get("beteiligte") or []:
            if not isinstance(entry, dict):
                continue
            unit_id = str(entry.get("einheit") or "")
            unit = self.result.units.get(unit_id)
            if unit is None:
                self.warn(
                    relative,
                    _line_of(text, f"einheit: {unit_id}"),
                    "interop.koos-unit-unknown",
                    unit=unit_id or "–",
                )
                continue
            task = str(entry.get("aufgabe") or "").strip()
            involved.append(f"{unit.title} ({task})" if task else unit.title)
        if involved:
            parts.append("**Beteiligt:** " + "; ".join(involved))
        stores = []
        for entry in daten.get("datenspeicher") or []:
            store_id = str(entry.get("id") if isinstance(entry, dict) else entry or "")
            if store_id:
                stores.append(self.name_of("daten", store_id))
        if stores:
            parts.append("**Datenarten:** " + ", ".join(stores))
        return parts

    def legal_basis(self, items: Any) -> list[str]:
        result = []
        for item in items or []:
            value = str(item).strip()
            if value.startswith("reg-"):
                name = self.name_of("regelungen", value)
                value = f"{name} ({value})" if name != value else value
            if value and value not in result:
                result.append(value)
        return result

    def name_of(self, folder: str, entity_id: str) -> str:
        """The ``name`` in ``<folder>/<id>.md`` front matter, or the id."""
        if not is_slug(entity_id):  # free text, or a path that would leave the folder
            return entity_id
        target = self.folder / folder / f"{entity_id}.md"
        if not target.is_file() or target.stat().st_size > MAX_FILE_BYTES:
            return entity_id
        front, _body, _line = _split_front_matter(
            target.read_text(encoding="utf-8", errors="replace")
        )
        if front is None:
            return entity_id
        data, _source, problems = read_yaml(front.encode("utf-8"), str(target))
        if problems or not isinstance(data, dict):
            return entity_id
        return str(data.get("name") or data.get("titel") or entity_id)


def _same_role(name: str, titles: list[str]) -> str | None:
    """The unit's role that ``name`` spells differently, e.g. with an abbreviation added.

    Only case and an added part count ("Informationssicherheitsbeauftragte/r (ISB)");
    similar-looking names are often different roles ("Sachbearbeitung Wohngeld" is not
    "Sachbearbeitung Wohnungswesen"), so those become a new role instead.
    """
    folded = name.casefold()
    for title in titles:
        other = title.casefold()
        if folded == other or folded.startswith(other) or other.startswith(folded):
            return title
    return None


def _split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter, body, line where the body starts)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    return None, text, 1


def _body(body: str) -> tuple[str, list[dict[str, Any]]]:
    """(summary Markdown, steps) from a KOOS process body."""
    before: list[str] = []
    after: list[str] = []
    steps: list[dict[str, Any]] = []
    in_steps = False
    for raw in body.splitlines():
        line = raw.rstrip()
        if re.match(r"^#\s", line):
            continue  # the title again
        if re.match(r"^##\s+Prozessschritte\s*$", line):
            in_steps = True
            continue
        if in_steps and re.match(r"^##\s", line):
            in_steps = False
        match = _STEP.match(line.strip()) if in_steps else None
        if match:
            steps.append({"title": match.group(2).strip()})
            continue
        if in_steps and steps and line.strip():
            italic = _ITALIC.match(line.strip())
            note = italic.group(1).strip() if italic else line.strip()
            if italic and line.strip().startswith("*Quelle"):
                after.append(note)
                continue
            previous = steps[-1].get("description")
            steps[-1]["description"] = f"{previous}\n{note}" if previous else note
            continue
        (after if steps else before).append(line)
    summary = "\n".join(_demote_headings(before + after)).strip()
    summary = "\n".join(line for line in summary.splitlines() if line.strip() != _PLACEHOLDER)
    summary = re.sub(r"\n{3,}", "\n\n", summary).strip()
    # A summary of headings only ("**Zweck**") says nothing.
    meaningful = [
        text
        for text in summary.splitlines()
        if text.strip() and not re.fullmatch(r"\*\*[^*]+\*\*", text.strip())
    ]
    return (summary if meaningful else ""), steps


def _demote_headings(lines: list[str]) -> list[str]:
    """Headings inside a summary would break the page's outline; make them bold lines."""
    result = []
    for line in lines:
        heading = re.match(r"^#{2,6}\s+(.*)$", line)
        if heading and heading.group(1).strip() == "Zweck":
            continue  # the summary is the purpose; the heading would only repeat that
        result.append(f"**{heading.group(1).strip()}**" if heading else line)
    return result


def _date(value: Any) -> str | None:
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat() if value else None
    except ValueError:
        return None


def _line_of(text: str, needle: str) -> int:
    position = text.find(needle)
    return text.count("\n", 0, position) + 1 if position >= 0 else 1


def convert_koos(folder: Path, shown: str, language: str = DEFAULT_LANGUAGE) -> KoosImport:
    """Read a KOOS checkout; raises ImportRefusedError when it cannot be converted.

    Texts the import makes up (role titles, the stub unit) are in ``language``.
    """
    reader = _Reader(folder, shown, language)
    reader.organisation()
    reader.processes()
    if reader.errors:
        raise ImportRefusedError(reader.errors)
    for key, count in sorted(reader.skipped_keys.items()):
        reader.warn("prozesse/", 1, "interop.koos-key-skipped", count, field=key)
    if reader.owner_is_head:
        reader.warn("prozesse/", 1, "interop.koos-owner-rule", reader.owner_is_head)
    return reader.result
