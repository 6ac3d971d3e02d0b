"""Synthetic handbooks for the benchmark, and the plain-MkDocs "floor" of the same size.

One seeded random generator makes a town administration of ``N`` processes with units,
roles and systems in the proportions of a real one (units ≈ N/25 + 5, roles ≈ N/4 + 10,
systems ≈ N/40 + 5). Processes have 5 to 40 steps, some decisions with a loop back, some
sub-process calls (acyclic: a process only calls processes generated before it),
keywords, tags and review dates. The same data is written twice:

* as a handbook project (``mkdocs.yml`` shaped like the repository's, ``content/``,
  ``docs/``, a git repository with one commit at a fixed date), and
* as a plain mkdocs-material site with one Markdown page per entity and per navigation
  entry, of about the same text volume as the plugin's pages (headings, fact tables, a
  table of steps, lists, paragraphs), and the same navigation (area pages only).

Everything is deterministic: the same ``N`` and seed give byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import random
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

TODAY = dt.date(2026, 11, 23)
"""The reference date for review states: the plugin's ``today`` and ``check --today``."""
COMMIT_DATE = "2026-11-01T10:00:00+01:00"
DEFAULT_SEED = 20261123
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/{kind}.schema.json\n"
FOLDER = {"process": "processes", "role": "roles", "unit": "units", "system": "systems"}

Doc = dict[str, Any]
"""One YAML file's content, in the key order authors write."""


# -- vocabulary ------------------------------------------------------------------------------

# fmt: off
DEPARTMENTS = [
    "Zentrale Dienste", "Finanzen", "Bürgerdienste", "Ordnung und Sicherheit",
    "Bauen und Umwelt", "Soziales, Jugend und Familie", "Schule, Kultur und Sport",
]
OFFICES = [
    "Bürgerbüro", "Standesamt", "Ordnungsamt", "Gewerbeamt", "Straßenverkehrsbehörde",
    "Bauaufsicht", "Stadtplanung", "Umweltamt", "Sozialamt", "Jugendamt", "Schulverwaltung",
    "Kulturamt", "Sportamt", "Personalamt", "IT-Service", "Stadtkasse", "Kämmerei", "Steueramt",
    "Liegenschaftsamt", "Tiefbauamt", "Grünflächenamt", "Friedhofsverwaltung", "Feuerwehr",
    "Wahlamt", "Rechtsamt", "Vergabestelle", "Poststelle", "Wohngeldstelle", "Ausländerbehörde",
    "Bauhof",
]
CENTRAL_SERVICES = {
    "stadtkasse", "poststelle", "it-service", "personalamt", "rechtsamt", "kaemmerei",
    "vergabestelle",
}
SECTIONS = [
    "Grundsatz", "Service", "Verfahren", "Widerspruch", "Außendienst", "Vollzug", "Beratung",
]
FUNCTIONS = [
    "Sachbearbeitung", "Teamleitung", "Fachberatung", "Verwaltungsfachkraft", "Assistenz",
    "Sachbearbeitung Widerspruch", "Koordination", "Außendienst",
]
FIRST_NAMES = [
    "Erika", "Max", "Fatma", "Peter", "Sophie", "Marcel", "Anna", "Lukas", "Stefanie", "Daniel",
    "Martina", "Jonas", "Aylin", "Thomas", "Katrin", "Mehmet", "Julia", "Sven", "Nadine",
    "Oliver", "Sabine", "Tobias", "Leonie", "Michael", "Birgit", "Paul",
]
LAST_NAMES = [
    "Mustermann", "Kaya", "Lehmann", "Winter", "Jung", "Zimmermann", "Engel", "Wagner",
    "Schuster", "Krause", "Becker", "Yilmaz", "Hoffmann", "Schulz", "Richter", "Wolf",
    "Neumann", "Schwarz", "Braun", "Hartmann", "Krüger", "Lange", "Peters", "Vogel",
]
SYSTEMS = [
    ("Einwohnermeldeverfahren", "Fachverfahren"),
    ("Gewerbeverfahren", "Fachverfahren"),
    ("Finanzsoftware", "ERP"),
    ("E-Akte (Dokumentenmanagement)", "Dokumentenmanagementsystem"),
    ("Ticketsystem", "Servicemanagement"),
    ("Personalverwaltung", "Fachverfahren"),
    ("Online-Terminvergabe", "Portal"),
    ("Kassensystem", "Kasse"),
    ("Serviceportal", "Portal"),
    ("Bauantragsverfahren", "Fachverfahren"),
    ("Geoinformationssystem", "GIS"),
    ("Standesamtsverfahren", "Fachverfahren"),
    ("Ratsinformationssystem", "Portal"),
    ("Vergabeplattform", "Portal"),
    ("Hundesteuerverfahren", "Fachverfahren"),
    ("Bußgeldverfahren", "Fachverfahren"),
    ("Kita-Verwaltung", "Fachverfahren"),
    ("Wohngeldverfahren", "Fachverfahren"),
    ("Ausländerverfahren", "Fachverfahren"),
    ("Friedhofsverwaltung", "Fachverfahren"),
]
VENDORS = [
    "Musterware Kommunal GmbH", "Kommunal-IT eG", "Datenzentrale Land", "Beispiel AG",
]
OBJECTS = [
    "Reisepass", "Personalausweis", "Wohnsitz", "Gewerbe", "Hund", "Baugenehmigung",
    "Bewohnerparkausweis", "Sondernutzung", "Fundsache", "Eheschließung", "Geburt",
    "Sterbefall", "Kita-Platz", "Wohngeld", "Vereinszuschuss", "Eingangsrechnung", "Mahnung",
    "Stellenbesetzung", "Fortbildung", "Dienstreise", "IT-Zugang", "Beschwerde",
    "Bürgeranfrage", "Mietvertrag", "Vergabe", "Straßensperrung", "Veranstaltung",
    "Baumfällung", "Grabstelle", "Wahlhelfereinsatz", "Steuerbescheid", "Widerspruch",
    "Akteneinsicht", "Führungszeugnis", "Meldebescheinigung", "Beglaubigung",
    "Aufenthaltstitel", "Einbürgerung", "Halteverbot", "Schwerbehindertenparkausweis",
    "Gaststättenerlaubnis", "Marktstand", "Plakatierung", "Hausnummer", "Grundsteuer",
    "Hundesteuer", "Spielplatzmangel", "Schlagloch", "Sperrmüll", "Ratsvorlage",
    "Haushaltsplan", "Inventur", "Datenschutzauskunft", "Informationsfreiheitsantrag",
    "Schulanmeldung", "Schülerbeförderung", "Sportstättenbelegung", "Bibliotheksausweis",
    "Feuerwehreinsatz", "Brandschau", "Fahrerlaubnis", "Bauvoranfrage",
]
ACTIONS = [
    "beantragen", "bearbeiten", "prüfen", "genehmigen", "ändern", "verlängern", "abmelden",
    "anmelden", "erstatten", "ausstellen", "widerrufen", "bescheiden", "erfassen", "abrechnen",
    "weiterleiten", "archivieren", "veröffentlichen", "planen", "melden", "abschließen",
]
STEP_TITLES = [
    "Antrag entgegennehmen", "Eingang im Fachverfahren erfassen", "Akte anlegen",
    "Identität prüfen", "Unterlagen sichten", "Zuständigkeit klären", "Stellungnahme einholen",
    "Daten mit dem Register abgleichen", "Gebühr berechnen", "Bescheid entwerfen",
    "Bescheid zeichnen", "Bescheid versenden", "Ergebnis mitteilen", "Termin vereinbaren",
    "Ortsbesichtigung durchführen", "Vorgang dokumentieren", "Rechnung sachlich prüfen",
    "Zahlung anweisen", "Vorgang an die Fachabteilung abgeben", "Rückmeldung auswerten",
    "Frist überwachen", "Vorgang archivieren", "Statistik melden", "Beteiligte informieren",
    "Entscheidungsvorlage erstellen", "Unterschrift einholen", "Daten übermitteln",
    "Dokument aushändigen", "Beleg scannen", "Vorgang abschließen",
]
DECISIONS = [
    ("Unterlagen vollständig?", "Fehlende Unterlagen nachfordern"),
    ("Zuständigkeit gegeben?", "Vorgang an die zuständige Stelle abgeben und nachfassen"),
    ("Gebühr bezahlt?", "Zahlungserinnerung versenden"),
    ("Genehmigungsfähig?", "Nachbesserung mit der antragstellenden Person abstimmen"),
    ("Angaben plausibel?", "Rückfrage stellen"),
    ("Freigabe erteilt?", "Vorlage überarbeiten"),
]
SENTENCES = [
    "Die Angaben werden mit den vorhandenen Registerdaten abgeglichen.",
    "Bei Unklarheiten wird die antragstellende Person telefonisch kontaktiert.",
    "Fristen richten sich nach der jeweiligen Satzung und werden im Fachverfahren notiert.",
    "Das Ergebnis wird **schriftlich** festgehalten und zur Akte genommen.",
    "Für Minderjährige gelten besondere Regeln, die im Merkblatt beschrieben sind.",
    "Die Prüfung erfolgt nach dem Vier-Augen-Prinzip.",
    "Sind Gebühren fällig, wird ein Kassenzeichen vergeben.",
    "Eingehende Unterlagen werden gescannt und in der E-Akte abgelegt.",
    "Rückfragen anderer Stellen werden innerhalb von zwei Arbeitstagen beantwortet.",
    "Die Vorlage folgt dem Muster aus dem Intranet.",
]
INPUTS = [
    "Antrag", "Nachweise", "Lichtbild", "Rechnung", "Stellungnahme", "Vollmacht",
]
OUTPUTS = [
    "Bescheid", "Aktenvermerk", "Quittung", "Datensatz", "Schreiben", "Bescheinigung",
]
DURATIONS = [
    "5 min", "10 min", "20 min", "1 Stunde", "1 Tag", "2 Tage", "1 Woche",
]
TAGS = [
    "Lebenslage Umzug", "Lebenslage Reisen", "Lebenslage Heirat", "Lebenslage Geburt",
    "Lebenslage Unternehmensgründung", "Ausweisdokumente", "Finanzen", "Personal", "IT",
    "Verkehr", "Bauen", "Ordnung", "Soziales", "Bildung", "Kultur", "Umwelt", "Gebühren",
    "Onlinedienst", "OZG", "Datenschutz", "Beschaffung", "Gremien",
]
KEYWORDS = [
    "Antrag", "Formular", "Termin", "Gebühr", "Frist", "Nachweis", "Bescheinigung", "Erlaubnis",
    "Genehmigung", "Zuschuss", "Erstattung", "Online", "Vordruck", "Kosten", "Wartezeit",
    "Vollmacht", "Abholung", "Eilantrag", "Ummeldung", "Verlust",
]
WEAKNESS_KINDS = [
    "media-break", "waiting", "duplicate-entry", "unclear-responsibility", "other",
]
CATEGORIES = ["core"] * 7 + ["support"] * 2 + ["management"]
CUSTOMERS = [
    "citizens", "businesses", "internal", "authorities",
]
# fmt: on


def slugify(text: str) -> str:
    """The id people would write for ``text``: lower case, umlauts spelled out, dashes."""
    folded = text.lower()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        folded = folded.replace(umlaut, spelled)
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def unique(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` … whichever is still free; marks it taken."""
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    taken.add(candidate)
    return candidate


# -- the data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Proportions:
    """How many units, roles and systems a handbook of ``processes`` processes has."""

    processes: int

    @property
    def units(self) -> int:
        return self.processes // 25 + 5

    @property
    def roles(self) -> int:
        return self.processes // 4 + 10

    @property
    def systems(self) -> int:
        return self.processes // 40 + 5


@dataclass
class Handbook:
    """A generated handbook: id -> YAML document per kind, in generation order."""

    units: dict[str, Doc] = field(default_factory=dict)
    roles: dict[str, Doc] = field(default_factory=dict)
    systems: dict[str, Doc] = field(default_factory=dict)
    processes: dict[str, Doc] = field(default_factory=dict)

    def documents(self) -> Iterator[tuple[str, str, Doc]]:
        """(kind, id, document) of every entity."""
        for kind, table in (
            ("unit", self.units),
            ("role", self.roles),
            ("system", self.systems),
            ("process", self.processes),
        ):
            for entity_id, doc in table.items():
                yield kind, entity_id, doc

    def title(self, kind: str, entity_id: str) -> str:
        table = {"unit": self.units, "role": self.roles, "system": self.systems}.get(
            kind, self.processes
        )
        return str(table[entity_id]["title"])


class _Generator:
    def __init__(self, processes: int, seed: int) -> None:
        self.rnd = random.Random(seed)
        self.size = Proportions(processes)
        self.hb = Handbook()
        self.roles_of_unit: dict[str, list[str]] = {}
        self.head_of: dict[str, str] = {}
        self.offices: list[str] = []
        self.central: set[str] = set()
        self.role_use: dict[str, int] = {}

    def run(self) -> Handbook:
        self._units()
        self._roles()
        self._systems()
        for index in range(self.size.processes):
            self._process(index)
        self._reference_every_role()
        return self.hb

    # -- units and roles -----------------------------------------------------------------

    def _units(self) -> None:
        count = self.size.units
        top = "buergermeisterin"
        self.hb.units[top] = {
            "title": "Bürgermeisterin",
            "contact": "buergermeisterin@musterstadt.de",
            "summary": "Leitung der Stadtverwaltung.",
        }
        departments = min(len(DEPARTMENTS), max(2, count // 6))
        department_ids = []
        for number, name in enumerate(DEPARTMENTS[:departments], start=1):
            unit_id = slugify(f"fb {name}")
            department_ids.append(unit_id)
            self.hb.units[unit_id] = {
                "title": f"Fachbereich {number} – {name}",
                "parent": top,
                "summary": f"Fachbereich {name}: Steuerung der zugehörigen Ämter.",
            }
        taken = set(self.hb.units)
        # Every working unit is a Sachgebiet of an office, at every size. Names carry into
        # role titles and links, so a naming scheme that grew with the handbook (plain
        # office names for the first 30, longer ones after) would make large handbooks'
        # pages heavier for a reason no real town has.
        for number in range(count - 1 - departments):
            office = OFFICES[number % len(OFFICES)]
            section = SECTIONS[(number // len(OFFICES)) % len(SECTIONS)]
            name = f"{office} – Sachgebiet {section}"
            unit_id = unique(slugify(name), taken)
            self.offices.append(unit_id)
            if number < len(OFFICES) and slugify(office) in CENTRAL_SERVICES:
                self.central.add(unit_id)  # the office's first Sachgebiet serves all others
            self.hb.units[unit_id] = {
                "title": name,
                "parent": department_ids[number % len(department_ids)],
                "contact": f"{unit_id}@musterstadt.de",
                "summary": self._sentences(1, 2),
            }

    def _roles(self) -> None:
        taken: set[str] = set()
        # Every unit has a head; the top's head is the mayor.
        for unit_id, unit in self.hb.units.items():
            title = "Bürgermeisterin" if "parent" not in unit else f"Leitung {unit['title']}"
            role_id = unique(slugify(title), taken)
            self._add_role(role_id, title, unit_id)
            self.head_of[unit_id] = role_id
            unit["head"] = role_id
        remaining = self.size.roles - len(self.hb.roles)
        for number in range(max(0, remaining)):
            unit_id = self.offices[number % len(self.offices)]
            function = FUNCTIONS[(number // len(self.offices)) % len(FUNCTIONS)]
            title = f"{function} {self.hb.units[unit_id]['title']}"
            role_id = unique(slugify(title), taken)
            self._add_role(role_id, title, unit_id)
        for role_id, role in self.hb.roles.items():
            holders = role["holders"]
            if len([h for h in holders if "until" not in h]) == 1:
                role["deputy"] = self._deputy_for(role_id, role["unit"])

    def _add_role(self, role_id: str, title: str, unit_id: str) -> None:
        holders = []
        for _ in range(self.rnd.choice([1, 1, 2, 2, 3, 4])):
            first, last = self.rnd.choice(FIRST_NAMES), self.rnd.choice(LAST_NAMES)
            since = TODAY - dt.timedelta(days=self.rnd.randint(200, 7000))
            holders.append(
                {"name": f"{first} {last}", "username": slugify(first[0] + last), "since": since}
            )
        if len(holders) > 1 and self.rnd.random() < 0.2:
            holders[-1]["until"] = TODAY - dt.timedelta(days=self.rnd.randint(10, 300))
        doc: Doc = {"title": title, "unit": unit_id}
        doc["summary"] = self._sentences(1, 2)
        doc["responsibilities"] = self.rnd.sample(OBJECTS, self.rnd.randint(1, 4))
        doc["contact"] = f"{slugify(title)}@musterstadt.de"
        doc["phone"] = f"0123 4567-{self.rnd.randint(100, 999)}"
        doc["holders"] = holders
        if self.rnd.random() < 0.3:
            doc["skills"] = self.rnd.sample(KEYWORDS, 2)
        self.hb.roles[role_id] = doc
        self.roles_of_unit.setdefault(unit_id, []).append(role_id)
        self.role_use[role_id] = 0

    def _deputy_for(self, role_id: str, unit_id: str) -> str:
        colleagues = [r for r in self.roles_of_unit[unit_id] if r != role_id]
        if colleagues:
            return colleagues[0]
        parent = self.hb.units[unit_id].get("parent")
        return self.head_of[parent] if parent else next(r for r in self.hb.roles if r != role_id)

    def _systems(self) -> None:
        it_unit = next((u for u in self.offices if u.startswith("it-service")), self.offices[0])
        it_roles = self.roles_of_unit[it_unit]
        taken: set[str] = set()
        for number in range(self.size.systems):
            title, kind = SYSTEMS[number % len(SYSTEMS)]
            if number >= len(SYSTEMS):
                title = f"{title} {number // len(SYSTEMS) + 1}"
            system_id = unique(slugify(title), taken)
            self.hb.systems[system_id] = {
                "title": title,
                "kind": kind,
                "owner": it_roles[number % len(it_roles)],
                "vendor": self.rnd.choice(VENDORS),
                "summary": self._sentences(1, 2),
            }

    # -- processes -----------------------------------------------------------------------

    def _process(self, index: int) -> None:
        rnd = self.rnd
        unit_id = self.offices[index % len(self.offices)]
        task = f"{OBJECTS[index % len(OBJECTS)]} {ACTIONS[(index // len(OBJECTS)) % len(ACTIONS)]}"
        # The unit in the title keeps titles unique beyond the 1,240 tasks, and it is there
        # at every size so that titles are as long in a small handbook as in a large one.
        title = f"{task} ({self.hb.units[unit_id]['title']})"
        process_id = unique(slugify(title), set(self.hb.processes))
        own = self.roles_of_unit[unit_id]
        cast = self._least_used(own, rnd.randint(1, min(4, len(own))))
        if rnd.random() < 0.4:  # work crosses into other units
            cast += self._least_used(self._partners(unit_id), rnd.randint(1, 2))
        systems = rnd.sample(list(self.hb.systems), rnd.randint(1, min(3, len(self.hb.systems))))
        steps = self._steps(index, cast, systems)
        doc: Doc = {
            "title": title,
            "summary": self._sentences(2, 4),
            "owner": self.head_of[unit_id] if rnd.random() < 0.7 else cast[0],
            "unit": unit_id,
            "category": rnd.choice(CATEGORIES),
        }
        if rnd.random() < 0.05:
            doc["status"] = "draft"
        doc["tags"] = rnd.sample(TAGS, rnd.randint(1, 3))
        doc["keywords"] = rnd.sample(KEYWORDS, rnd.randint(0, 6))
        if rnd.random() < 0.4:
            doc["service_key"] = "".join(str(rnd.randint(0, 9)) for _ in range(14))
        if rnd.random() < 0.6:
            doc["legal_basis"] = [
                f"§ {rnd.randint(1, 120)} Verwaltungsverfahrensgesetz (VwVfG)",
                {
                    "title": f"Satzung über {OBJECTS[index % len(OBJECTS)]}",
                    "url": f"https://www.musterstadt.de/ortsrecht/{process_id}",
                },
            ][: rnd.randint(1, 2)]
        if rnd.random() < 0.7:
            doc["trigger"] = f"{OBJECTS[index % len(OBJECTS)]}: Anliegen geht ein"
            doc["result"] = "Vorgang ist abgeschlossen und dokumentiert"
        doc["customers"] = rnd.sample(CUSTOMERS, rnd.randint(1, 2))
        doc["systems"] = systems
        if rnd.random() < 0.5:
            doc["documents"] = [{"title": f"Merkblatt {task}"}]
        if rnd.random() < 0.95:
            doc["review"] = {
                "last_reviewed": TODAY - dt.timedelta(days=rnd.randint(20, 330)),
                "interval_months": rnd.choice([12, 12, 24]),
            }
        if rnd.random() < 0.3:
            doc["metrics"] = {
                "cases_per_year": rnd.randint(10, 20000),
                "lead_time": f"{rnd.randint(1, 8)} Wochen",
            }
        with_ids = [s for s in steps if "id" in s]
        if with_ids and rnd.random() < 0.15:
            doc["weaknesses"] = [
                {
                    "title": f"{step['title']}: {rnd.choice(SENTENCES)}",
                    "step": step["id"],
                    "kind": rnd.choice(WEAKNESS_KINDS),
                    "measure": rnd.choice(SENTENCES),
                }
                for step in rnd.sample(with_ids, min(len(with_ids), rnd.randint(1, 2)))
            ]
        doc["steps"] = steps
        self.hb.processes[process_id] = doc

    def _partners(self, unit_id: str) -> list[str]:
        """Roles another unit's processes hand work to: mostly the central services
        (cash office, post room, IT, HR, legal, finance, procurement), else a sibling
        office of the same department. Real hand-offs are this uneven, not uniform."""
        if self.rnd.random() < 0.7:
            units = [u for u in self.offices if u in self.central and u != unit_id]
        else:
            parent = self.hb.units[unit_id].get("parent")
            units = [
                u for u in self.offices if self.hb.units[u].get("parent") == parent and u != unit_id
            ]
        units = units or [u for u in self.offices if u != unit_id] or [unit_id]
        return [role for unit in units for role in self.roles_of_unit[unit]]

    def _least_used(self, roles: list[str], count: int) -> list[str]:
        """``count`` roles, the least used first, so that every role gets work."""
        chosen = sorted(roles, key=lambda r: (self.role_use[r], self.rnd.random()))[:count]
        for role_id in chosen:
            self.role_use[role_id] += 1
        return chosen

    def _steps(self, index: int, cast: list[str], systems: list[str]) -> list[Doc]:
        rnd = self.rnd
        count = round(rnd.triangular(5, 40, 9))
        kinds = ["task"] * count
        # Decisions at least three steps apart; each is followed by its rework step,
        # which loops back, and needs one more step after it for the "yes" branch.
        position = rnd.randint(1, 4)
        while position + 2 < count and rnd.random() < 0.6:
            kinds[position], kinds[position + 1] = "decision", "rework"
            position += rnd.randint(3, 8)
        callable_ids = list(self.hb.processes)[:index]
        for position in range(1, count - 1):
            if kinds[position] == "task" and callable_ids and rnd.random() < 0.04:
                kinds[position] = "call"
        steps: list[Doc] = []
        taken: set[str] = set()
        decision_text = ("", "")
        for position, kind in enumerate(kinds):
            step: Doc = {}
            if kind == "decision":
                decision_text = rnd.choice(DECISIONS)
                step["title"] = decision_text[0]
            elif kind == "rework":
                step["title"] = decision_text[1]
            elif kind == "call":
                step["title"] = "Teilprozess durchführen"
            else:
                # From "Antrag entgegennehmen" to "Vorgang abschließen", like a real case.
                step["title"] = STEP_TITLES[position * len(STEP_TITLES) // count]
            if kind == "call":
                # Calls go to earlier processes only, so they can never form a cycle;
                # the first few processes are shared services that many call.
                pool = callable_ids[: max(3, len(callable_ids) // 20)]
                step["calls"] = rnd.choice(pool if rnd.random() < 0.7 else callable_ids)
                step["title"] = f"{self.hb.processes[step['calls']]['title']} (Teilprozess)"
            else:
                step["role"] = rnd.choice(cast)
            if kind in ("decision", "rework") or rnd.random() < 0.3:
                step["id"] = unique(slugify(step["title"])[:24].strip("-"), taken)
            steps.append(step)
        for position, kind in enumerate(kinds):
            step = steps[position]
            if kind == "decision":
                branches = [
                    {"to": self._step_id(steps[position + 2], position + 2, taken), "when": "ja"},
                    {"to": steps[position + 1]["id"], "when": "nein"},
                ]
                if rnd.random() < 0.3:
                    branches.append({"to": "end", "when": "Antrag zurückgezogen"})
                step["kind"] = "decision"
                step["next"] = branches
            elif kind == "rework":
                back = position - 1 if rnd.random() < 0.5 else max(0, position - 2)
                step["next"] = self._step_id(steps[back], back, taken)
            elif kind in ("task", "call"):
                self._details(step, cast, systems)
        if kinds[-1] == "task" and rnd.random() < 0.5:
            steps[-1]["next"] = "end"
        return [self._ordered(step) for step in steps]

    def _step_id(self, step: Doc, position: int, taken: set[str]) -> str:
        if "id" not in step:
            step["id"] = unique(slugify(step["title"])[:24].strip("-") or f"s{position}", taken)
        return str(step["id"])

    def _details(self, step: Doc, cast: list[str], systems: list[str]) -> None:
        rnd = self.rnd
        if rnd.random() < 0.5:
            step["description"] = self._sentences(1, 3)
        if "role" in step and rnd.random() < 0.5:
            step["systems"] = [rnd.choice(systems)]
        if "role" in step and len(cast) > 1 and rnd.random() < 0.1:
            step["consulted"] = [r for r in cast if r != step["role"]][:1]
        if rnd.random() < 0.3:
            step["inputs"] = rnd.sample(INPUTS, rnd.randint(1, 2))
        if rnd.random() < 0.3:
            step["outputs"] = rnd.sample(OUTPUTS, rnd.randint(1, 2))
        if rnd.random() < 0.4:
            step["duration"] = rnd.choice(DURATIONS)

    @staticmethod
    def _ordered(step: Doc) -> Doc:
        order = [
            "id", "title", "kind", "role", "calls", "description", "systems", "consulted",
            "informed", "inputs", "outputs", "duration", "next",
        ]  # fmt: skip
        return {key: step[key] for key in order if key in step}

    def _reference_every_role(self) -> None:
        """Roles that no process, deputy, head or system names are informed of a step."""
        used = {str(u["head"]) for u in self.hb.units.values()}
        used |= {str(s["owner"]) for s in self.hb.systems.values()}
        used |= {str(r["deputy"]) for r in self.hb.roles.values() if "deputy" in r}
        for process in self.hb.processes.values():
            used.add(process["owner"])
            for step in process["steps"]:
                used.update([step.get("role"), *step.get("consulted", [])])
        processes = list(self.hb.processes.values())
        for role_id in self.hb.roles:
            if role_id in used:
                continue
            steps = self.rnd.choice(processes)["steps"]
            index = self.rnd.choice([i for i, step in enumerate(steps) if "role" in step])
            informed = [*steps[index].get("informed", []), role_id]
            steps[index] = self._ordered(steps[index] | {"informed": informed})

    def _sentences(self, low: int, high: int) -> str:
        return " ".join(self.rnd.sample(SENTENCES, self.rnd.randint(low, high)))


def generate(processes: int, seed: int = DEFAULT_SEED) -> Handbook:
    """A synthetic handbook of ``processes`` processes; the same seed gives the same data."""
    if processes < 1:
        raise ValueError("a handbook needs at least one process")
    return _Generator(processes, seed).run()


# -- the handbook project ------------------------------------------------------------------


def yaml_text(kind: str, doc: Doc) -> str:
    """A content file as an author writes it: the schema line, then the fields."""
    body = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)
    return SCHEMA_LINE.format(kind=kind) + body


def project_config(repo_root: Path, *, handbook: bool) -> dict[str, Any]:
    """The repository's ``mkdocs.yml`` with the plugin pinned to the benchmark's date, or
    (``handbook=False``) with only the search plugin: same theme, extensions and nav."""
    config: dict[str, Any] = yaml.safe_load((repo_root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_name"] = "Benchmark-Handbuch" if handbook else "Benchmark-Vergleich"
    config["docs_dir"] = "docs"
    for key in ("repo_url", "edit_uri", "site_dir"):
        config.pop(key, None)
    plugins = []
    for entry in config.get("plugins", []):
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        if name == "prozesshandbuch":
            if not handbook:
                continue
            options = dict(entry[name] or {}) if isinstance(entry, dict) else {}
            options |= {"content_dir": "content", "today": TODAY.isoformat()}
            entry = {name: options}
        plugins.append(entry)
    config["plugins"] = plugins
    return config


def nav_pages(nav: Any) -> Iterator[str]:
    """Every Markdown path named in a MkDocs ``nav``."""
    if isinstance(nav, str):
        if nav.endswith(".md"):
            yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_pages(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_pages(value)


def write_handbook(target: Path, handbook: Handbook, repo_root: Path) -> Path:
    """The complete handbook project in ``target``, committed once to a fresh git repo."""
    target.mkdir(parents=True, exist_ok=True)
    config = project_config(repo_root, handbook=True)
    _write_yaml(target / "mkdocs.yml", config)
    _copy_tree(repo_root / "docs", target / "docs")
    _copy_tree(repo_root / "schema", target / "schema")
    for kind, entity_id, doc in handbook.documents():
        path = target / "content" / FOLDER[kind] / f"{entity_id}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml_text(kind, doc), encoding="utf-8")
    commit_all(target, "Handbuch für den Benchmark erzeugen")
    return target


def commit_all(root: Path, message: str) -> None:
    """``git init`` and one commit of everything, at a fixed date by a fixed author."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Benchmark",
        "GIT_AUTHOR_EMAIL": "benchmark@musterstadt.de",
        "GIT_AUTHOR_DATE": COMMIT_DATE,
        "GIT_COMMITTER_NAME": "Benchmark",
        "GIT_COMMITTER_EMAIL": "benchmark@musterstadt.de",
        "GIT_COMMITTER_DATE": COMMIT_DATE,
    }
    for command in (
        ["git", "init", "-q", "-b", "main"],
        ["git", "add", "-A"],
        ["git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message],
    ):
        subprocess.run(command, cwd=root, env=env, check=True, capture_output=True)


def _write_yaml(path: Path, data: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")


def _copy_tree(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, dirs_exist_ok=True)
    target.mkdir(parents=True, exist_ok=True)


# -- the floor: plain MkDocs with comparable pages ------------------------------------------

AREA = {"process": "prozesse", "role": "rollen", "unit": "einheiten", "system": "systeme"}


def write_floor(target: Path, handbook: Handbook, repo_root: Path) -> Path:
    """A plain mkdocs-material site with a page per entity and per navigation entry."""
    target.mkdir(parents=True, exist_ok=True)
    config = project_config(repo_root, handbook=False)
    _write_yaml(target / "mkdocs.yml", config)
    docs = target / "docs"
    _copy_tree(repo_root / "docs", docs)
    pages = _Floor(handbook)
    for kind, entity_id, doc in handbook.documents():
        _write_page(docs / AREA[kind] / f"{entity_id}.md", pages.entity(kind, entity_id, doc))
    for src in nav_pages(config.get("nav", [])):
        if not (docs / src).exists():
            _write_page(docs / src, pages.overview(src))
    for tag, process_ids in _tagged(handbook).items():
        _write_page(docs / _tag_src(tag), pages.tag(tag, process_ids))
        for key, letter_ids in _initials_split(handbook, process_ids).items():
            _write_page(docs / _tag_letter_src(tag, key), pages.tag(tag, letter_ids, 2))
    for unit_id, process_ids in _ownership_split(handbook).items():
        _write_page(docs / _ownership_src(unit_id), pages.ownership(unit_id, process_ids))
    for unit_id, role_ids in _risk_split(handbook).items():
        _write_page(docs / _risk_src(unit_id), pages.risks(unit_id, role_ids))
    for key, process_ids in _az_split(handbook).items():
        _write_page(docs / f"prozesse-a-z/{key}.md", pages.az(key, process_ids))
    return target


def write_minimal_floor(target: Path, handbook: Handbook, repo_root: Path) -> Path:
    """The floor's pages and navigation, each page only a title and one short paragraph.

    What Material costs per page when a page costs nearly nothing; the handbook's page
    weight is reported against it too.
    """
    target.mkdir(parents=True, exist_ok=True)
    config = project_config(repo_root, handbook=False)
    _write_yaml(target / "mkdocs.yml", config)
    docs = target / "docs"
    _copy_tree(repo_root / "docs", docs)
    text = "Eine kurze Seite ohne Tabellen, Diagramme oder Listen.\n"
    for kind, entity_id, doc in handbook.documents():
        _write_page(docs / AREA[kind] / f"{entity_id}.md", f"# {doc['title']}\n\n{text}")
    for src in nav_pages(config.get("nav", [])):
        if not (docs / src).exists():
            title = Path(src).stem.replace("-", " ").capitalize()
            _write_page(docs / src, f"# {title}\n\n{text}")
    for tag, process_ids in _tagged(handbook).items():
        _write_page(docs / _tag_src(tag), f"# {tag}\n\n{text}")
        for key in _initials_split(handbook, process_ids):
            _write_page(docs / _tag_letter_src(tag, key), f"# {tag}: {key}\n\n{text}")
    for unit_id in _ownership_split(handbook):
        _write_page(docs / _ownership_src(unit_id), f"# {unit_id}\n\n{text}")
    for unit_id in _risk_split(handbook):
        _write_page(docs / _risk_src(unit_id), f"# {unit_id}\n\n{text}")
    for key in _az_split(handbook):
        _write_page(docs / f"prozesse-a-z/{key}.md", f"# {key.upper()}\n\n{text}")
    return target


def _tagged(handbook: Handbook) -> dict[str, list[str]]:
    """Each tag and its processes: the handbook has a page per tag, so the floors do too."""
    tagged: dict[str, list[str]] = {}
    for process_id, doc in handbook.processes.items():
        for tag in doc.get("tags", []):
            tagged.setdefault(tag, []).append(process_id)
    return tagged


def _tag_src(tag: str) -> str:
    return f"schlagworte/{slugify(tag)}.md"


def _tag_letter_src(tag: str, key: str) -> str:
    return f"schlagworte/{slugify(tag)}/{key}.md"


SPLIT_LIMIT = 250
"""The plugin's ``OWNERSHIP_SPLIT_LIMIT``, ``AZ_SPLIT_LIMIT`` and ``TAG_SPLIT_LIMIT``: above
it the ownership report has a page per unit, and the A–Z list and a tag's page a page per
initial."""


def _ownership_split(handbook: Handbook) -> dict[str, list[str]]:
    """Each unit's processes when the ownership report is split, else nothing."""
    if len(handbook.processes) <= SPLIT_LIMIT:
        return {}
    by_unit: dict[str, list[str]] = {}
    for process_id, doc in handbook.processes.items():
        by_unit.setdefault(doc["unit"], []).append(process_id)
    return by_unit


def _risk_split(handbook: Handbook) -> dict[str, list[str]]:
    """Each unit with processes or with roles that processes depend on, and those roles,
    when the knowledge-risk report is split (the plugin's ``RISK_SPLIT_LIMIT``)."""
    if len(handbook.processes) <= SPLIT_LIMIT:
        return {}
    depended_on = set()
    by_unit: dict[str, list[str]] = {}
    for doc in handbook.processes.values():
        by_unit.setdefault(doc["unit"], [])
        depended_on.add(doc["owner"])
        depended_on.update(step["role"] for step in doc["steps"] if "role" in step)
    for role_id, doc in handbook.roles.items():
        if role_id in depended_on:
            by_unit.setdefault(doc["unit"], []).append(role_id)
    return by_unit


def _risk_src(unit_id: str) -> str:
    return f"berichte/wissensrisiko/einheit-{unit_id}.md"


def _az_split(handbook: Handbook) -> dict[str, list[str]]:
    """The processes by initial when the plugin gives each initial a page (its
    ``AZ_SPLIT_LIMIT``), else nothing."""
    return _initials_split(handbook, list(handbook.processes))


def _initials_split(handbook: Handbook, process_ids: list[str]) -> dict[str, list[str]]:
    """These processes by initial when there are more than the plugin lists on one page
    (its ``AZ_SPLIT_LIMIT`` and ``TAG_SPLIT_LIMIT``), else nothing."""
    if len(process_ids) <= SPLIT_LIMIT:
        return {}
    by_key: dict[str, list[str]] = {}
    for process_id in process_ids:
        first = slugify(handbook.processes[process_id]["title"])[:1]
        key = "0-9" if first.isdigit() else first or "weitere"
        by_key.setdefault(key, []).append(process_id)
    return by_key


def _ownership_src(unit_id: str) -> str:
    return f"berichte/verantwortung/einheit-{unit_id}.md"


def _write_page(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


class _Floor:
    """Markdown of the same shape and volume as the plugin's pages, without the plugin."""

    def __init__(self, handbook: Handbook) -> None:
        self.hb = handbook
        self.owned: dict[str, list[str]] = {}
        self.performs: dict[str, list[str]] = {}
        self.unit_processes: dict[str, list[str]] = {}
        self.system_processes: dict[str, list[str]] = {}
        for process_id, process in handbook.processes.items():
            self.owned.setdefault(process["owner"], []).append(process_id)
            self.unit_processes.setdefault(process["unit"], []).append(process_id)
            for system_id in process.get("systems", []):
                self.system_processes.setdefault(system_id, []).append(process_id)
            for step in process["steps"]:
                if "role" in step and process_id not in self.performs.get(step["role"], []):
                    self.performs.setdefault(step["role"], []).append(process_id)

    def link(self, kind: str, entity_id: str, depth: int = 1) -> str:
        up = "../" * depth
        return f"[{_cell(self.hb.title(kind, entity_id))}]({up}{AREA[kind]}/{entity_id}.md)"

    def links(self, kind: str, ids: Iterable[str], depth: int = 1) -> str:
        return ", ".join(self.link(kind, i, depth) for i in ids)

    def entity(self, kind: str, entity_id: str, doc: Doc) -> str:
        if kind == "process":
            return self.process(doc)
        lines = [f"# {doc['title']}", "", "| | |", "|---|---|"]
        if kind == "role":
            lines.append(f"| Organisationseinheit | {self.link('unit', doc['unit'])} |")
            lines.append(f"| Kontakt | {doc.get('contact', '')} |")
            lines.append(f"| Telefon | {doc.get('phone', '')} |")
            names = ", ".join(h["name"] for h in doc.get("holders", []) if "until" not in h)
            lines.append(f"| Stelleninhaber | {names} |")
            if "deputy" in doc:
                lines.append(f"| Vertretung | {self.link('role', doc['deputy'])} |")
        elif kind == "unit":
            if "parent" in doc:
                lines.append(f"| Übergeordnet | {self.link('unit', doc['parent'])} |")
            lines.append(f"| Leitung | {self.link('role', doc['head'])} |")
        else:
            lines.append(f"| Art | {doc.get('kind', '')} |")
            lines.append(f"| Betreuung | {self.link('role', doc['owner'])} |")
            lines.append(f"| Hersteller | {doc.get('vendor', '')} |")
        lines += ["", doc.get("summary", ""), ""]
        if kind == "role":
            lines += ["## Aufgaben", ""] + [f"- {r}" for r in doc.get("responsibilities", [])]
            lines += ["", "## Verantwortet", ""]
            lines += [f"- {self.link('process', p)}" for p in self.owned.get(entity_id, [])]
            lines += ["", "## Arbeitet mit in", ""]
            lines += [f"- {self.link('process', p)}" for p in self.performs.get(entity_id, [])]
        elif kind == "unit":
            lines += ["## Rollen", ""]
            roles = [r for r, d in self.hb.roles.items() if d["unit"] == entity_id]
            lines += [f"- {self.link('role', r)}" for r in roles]
            lines += ["", "## Federführend in diesen Prozessen", ""]
            lines += [
                f"- {self.link('process', p)}" for p in self.unit_processes.get(entity_id, [])
            ]
        else:
            lines += ["## Eingesetzt in", ""]
            lines += [
                f"- {self.link('process', p)}" for p in self.system_processes.get(entity_id, [])
            ]
        return "\n".join(lines) + "\n"

    def process(self, doc: Doc) -> str:
        steps = doc["steps"]
        lines = [f"# {doc['title']}", "", "| | |", "|---|---|"]
        lines.append(f"| Verantwortlich | {self.link('role', doc['owner'])} |")
        lines.append(f"| Organisationseinheit | {self.link('unit', doc['unit'])} |")
        lines.append(f"| Kategorie | {doc['category']} |")
        review = doc.get("review", {})
        lines.append(f"| Prüfung | {review.get('last_reviewed', 'nie')} |")
        if "service_key" in doc:
            lines.append(f"| Leistungsschlüssel | `{doc['service_key']}` |")
        lines += ["", doc["summary"], ""]
        if "trigger" in doc:
            lines += [f"**Auslöser:** {doc['trigger']}  ", f"**Ergebnis:** {doc['result']}", ""]
        lines += ["## Ablauf", "", "Das Diagramm fehlt im Vergleichsaufbau.", ""]
        lines += ["## Schritte", ""]
        lines += ["| Nr. | Schritt | Wer | IT-Systeme | Eingaben / Ergebnisse | Dauer |"]
        lines += ["|---|---|---|---|---|---|"]
        for number, step in enumerate(steps, start=1):
            what = f"**{_cell(step['title'])}**"
            if "calls" in step:
                what += f"<br>Teilprozess: {self.link('process', step['calls'])}"
            if "description" in step:
                what += f"<br>{_cell(step['description'])}"
            if isinstance(step.get("next"), list):
                what += "<br>" + "; ".join(
                    f"{b['when']}: weiter mit {b['to']}" for b in step["next"]
                )
            who = self.link("role", step["role"]) if "role" in step else ""
            for label, key in (("C", "consulted"), ("I", "informed")):
                if step.get(key):
                    who += f"<br>{label}: {self.links('role', step[key])}"
            io = ", ".join([*step.get("inputs", []), *step.get("outputs", [])])
            systems = self.links("system", step.get("systems", []))
            lines.append(
                f"| {number} | {what} | {who} | {systems} | {io} | {step.get('duration', '')} |"
            )
        roles = [doc["owner"]]
        for step in steps:
            for role_id in [
                step.get("role"),
                *step.get("consulted", []),
                *step.get("informed", []),
            ]:
                if role_id and role_id not in roles:
                    roles.append(role_id)
        lines += ["", "## Verantwortlichkeiten (RACI)", ""]
        lines += ["| Schritt | " + " | ".join(self.link("role", r) for r in roles) + " |"]
        lines += ["|---" * (len(roles) + 1) + "|"]
        for number, step in enumerate(steps, start=1):
            cells = []
            for role_id in roles:
                letters = ["R"] if step.get("role") == role_id else []
                letters += ["A"] if role_id == doc["owner"] else []
                letters += ["C"] if role_id in step.get("consulted", []) else []
                letters += ["I"] if role_id in step.get("informed", []) else []
                cells.append(", ".join(letters))
            lines.append(f"| {number}. {_cell(step['title'])} | " + " | ".join(cells) + " |")
        lines += ["", "## Übergaben", ""]
        performers = [s["role"] for s in steps if "role" in s]
        for number, (before, after) in enumerate(itertools.pairwise(performers), start=1):
            if before != after:
                lines.append(
                    f"- {number} → {number + 1}: {self.link('role', before)} → "
                    f"{self.link('role', after)}"
                )
        for heading, key in (("Rechtsgrundlagen", "legal_basis"), ("Dokumente", "documents")):
            if doc.get(key):
                lines += ["", f"## {heading}", ""]
                for item in doc[key]:
                    if isinstance(item, dict) and item.get("url"):
                        lines.append(f"- [{item['title']}]({item['url']})")
                    else:
                        lines.append(f"- {item['title'] if isinstance(item, dict) else item}")
        lines += ["", "## IT-Systeme", ""]
        lines += [f"- {self.link('system', s)}" for s in doc.get("systems", [])]
        if "metrics" in doc:
            lines += ["", "## Kennzahlen", ""]
            lines += [f"- {key}: {value}" for key, value in doc["metrics"].items()]
        if "weaknesses" in doc:
            lines += ["", "## Schwachstellen und Maßnahmen", ""]
            lines += ["| Schwachstelle | Art | Schritt | Maßnahme |", "|---|---|---|---|"]
            for weak in doc["weaknesses"]:
                lines.append(
                    f"| {_cell(weak['title'])} | {weak['kind']} | {weak['step']} | "
                    f"{_cell(weak.get('measure', ''))} |"
                )
        lines += ["", "**Schlagworte:** " + ", ".join(doc.get("tags", []))]
        return "\n".join(lines) + "\n"

    def ownership(self, unit_id: str, process_ids: list[str]) -> str:
        lines = [f"# Verantwortung: {self.hb.title('unit', unit_id)}", ""]
        lines += ["| Prozess | Verantwortlich | Prüfung |", "|---|---|---|"]
        for process_id in process_ids:
            doc = self.hb.processes[process_id]
            review = doc.get("review", {}).get("last_reviewed", "nie")
            lines.append(
                f"| {self.link('process', process_id, 2)} | "
                f"{self.link('role', doc['owner'], 2)} | {review} |"
            )
        return "\n".join(lines) + "\n"

    def risks(self, unit_id: str, role_ids: list[str]) -> str:
        lines = [f"# Wissensrisiko: {self.hb.title('unit', unit_id)}", ""]
        lines += ["| Rolle | verantwortet | arbeitet mit in |", "|---|---|---|"]
        for role_id in role_ids:
            owned = len(self.owned.get(role_id, []))
            performs = len(self.performs.get(role_id, []))
            lines.append(f"| {self.link('role', role_id, 2)} | {owned} | {performs} |")
        return "\n".join(lines) + "\n"

    def az(self, key: str, process_ids: list[str]) -> str:
        lines = [f"# Prozesse A–Z: {key.upper()}", ""]
        lines += [f"- {self.link('process', p, 1)}" for p in process_ids]
        return "\n".join(lines) + "\n"

    def tag(self, tag: str, process_ids: list[str], depth: int = 1) -> str:
        lines = [f"# {tag}", ""]
        lines += [f"- {self.link('process', p, depth)}" for p in process_ids]
        return "\n".join(lines) + "\n"

    @staticmethod
    def _sentences_block(count: int) -> str:
        """Fixed prose for pages whose size does not depend on the handbook."""
        return "\n\n".join(SENTENCES[i % len(SENTENCES)] for i in range(count))

    def overview(self, src: str) -> str:
        depth = src.count("/")
        title = Path(src).stem.replace("-", " ").capitalize()
        lines = [f"# {title}", ""]
        if src.startswith("rollen/"):
            lines += ["| Rolle | Organisationseinheit |", "|---|---|"]
            lines += [
                f"| {self.link('role', r, depth)} | {self.link('unit', d['unit'], depth)} |"
                for r, d in self.hb.roles.items()
            ]
        elif src.startswith("einheiten/"):
            lines += [f"- {self.link('unit', u, depth)}" for u in self.hb.units]
        elif src.startswith("systeme/"):
            lines += [f"- {self.link('system', s, depth)}" for s in self.hb.systems]
        elif src == "berichte/verantwortung.md" and _ownership_split(self.hb):
            lines += ["| Organisationseinheit | Prozesse |", "|---|---|"]
            for unit_id, ids in _ownership_split(self.hb).items():
                name = _cell(self.hb.title("unit", unit_id))
                lines.append(f"| [{name}](verantwortung/einheit-{unit_id}.md) | {len(ids)} |")
        elif src == "prozesse/index.md" and _az_split(self.hb):
            initials = sorted(_az_split(self.hb))
            lines += [f"- [{key.upper()}](../prozesse-a-z/{key}.md)" for key in initials]
        elif src == "schlagworte.md":
            lines += [
                f"- [{_cell(tag)}]({_tag_src(tag)}) ({len(ids)})"
                for tag, ids in sorted(_tagged(self.hb).items())
            ]
        elif src in ("index.md", "anleitung.md", "referenz.md", "neu.md"):
            lines += [self._sentences_block(12)]
        elif src == "zustaendigkeit.md":
            lines += ["| Begriff | Prozess | Zuständig |", "|---|---|---|"]
            for process_id, doc in self.hb.processes.items():
                for term in [doc["title"], *doc.get("keywords", [])]:
                    lines.append(
                        f"| {_cell(term)} | {self.link('process', process_id, depth)} | "
                        f"{self.link('role', doc['owner'], depth)} |"
                    )
        else:
            lines += ["| Prozess | Verantwortlich | Prüfung |", "|---|---|---|"]
            for process_id, doc in self.hb.processes.items():
                review = doc.get("review", {}).get("last_reviewed", "nie")
                lines.append(
                    f"| {self.link('process', process_id, depth)} | "
                    f"{self.link('role', doc['owner'], depth)} | {review} |"
                )
        return "\n".join(lines) + "\n"
