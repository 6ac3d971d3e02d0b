"""The words of the change descriptions: German and English texts, labels and quoting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..pages.labels import LABELS

Titles = Callable[[str, str], str]
"""``titles(kind, id)``: the current title of an entity, or the id when unknown."""

TEXTS: dict[str, dict[str, str]] = {
    "created-process": {"de": "Prozess angelegt", "en": "Process created"},
    "created-role": {"de": "Rolle angelegt", "en": "Role created"},
    "created-unit": {"de": "Organisationseinheit angelegt", "en": "Organisational unit created"},
    "created-system": {"de": "IT-System angelegt", "en": "IT system created"},
    "created-file": {"de": "Datei angelegt", "en": "File created"},
    "deleted-process": {"de": "Prozess gelöscht", "en": "Process deleted"},
    "deleted-role": {"de": "Rolle gelöscht", "en": "Role deleted"},
    "deleted-unit": {"de": "Organisationseinheit gelöscht", "en": "Organisational unit deleted"},
    "deleted-system": {"de": "IT-System gelöscht", "en": "IT system deleted"},
    "deleted-file": {"de": "Datei gelöscht", "en": "File deleted"},
    "changed-file": {"de": "Datei geändert", "en": "File changed"},
    "renamed-file": {"de": "Datei umbenannt von {old}", "en": "File renamed from {old}"},
    "broken": {
        "de": "Datei war in dieser Version fehlerhaft",
        "en": "File was invalid in this version",
    },
    "missing": {
        "de": "Inhalt dieser Version nicht verfügbar; Änderung nicht beschreibbar",
        "en": "Content of this version not available; change cannot be described",
    },
    "fixed": {"de": "Fehler in der Datei behoben", "en": "Errors in the file fixed"},
    "cosmetic": {
        "de": "Nur Formatierung oder Kommentare geändert",
        "en": "Only formatting or comments changed",
    },
    "boundary": {
        "de": "Älteste verfügbare Version; die frühere Historie fehlt (flacher Klon)",
        "en": "Oldest available version; earlier history is missing (shallow clone)",
    },
    "fields": {"de": "Felder geändert: {fields}", "en": "Fields changed: {fields}"},
    "title": {"de": "Titel geändert: {old} → {new}", "en": "Title changed: {old} → {new}"},
    "text-changed": {"de": "{label} überarbeitet", "en": "{label} revised"},
    "text-added": {"de": "{label} ergänzt", "en": "{label} added"},
    "text-removed": {"de": "{label} entfernt", "en": "{label} removed"},
    "value-changed": {"de": "{label}: {old} → {new}", "en": "{label}: {old} → {new}"},
    "value-added": {"de": "{label} ergänzt: {new}", "en": "{label} added: {new}"},
    "value-removed": {"de": "{label} entfernt (bisher {old})", "en": "{label} removed (was {old})"},
    "ref-changed": {
        "de": "{label} jetzt {new} statt {old}",
        "en": "{label} now {new} instead of {old}",
    },
    "ref-added": {"de": "{label} jetzt {new}", "en": "{label} now {new}"},
    "items-added": {"de": "{noun} ergänzt: {items}", "en": "{noun} added: {items}"},
    "items-removed": {"de": "{noun} entfernt: {items}", "en": "{noun} removed: {items}"},
    "address-changed": {
        "de": "{noun} {title}: Adresse geändert",
        "en": "{noun} {title}: address changed",
    },
    "owner": {
        "de": "Prozessverantwortung an {new} übergeben (bisher {old})",
        "en": "Process ownership handed over to {new} (previously {old})",
    },
    "reviewed": {"de": "Prüfung bestätigt am {date}", "en": "Review confirmed on {date}"},
    "review-date-removed": {"de": "Prüfdatum entfernt", "en": "Review date removed"},
    "interval": {
        "de": "Prüfintervall: {old} → {new} Monate",
        "en": "Review interval: {old} → {new} months",
    },
    "metric-changed": {
        "de": "Kennzahl {name}: {old} → {new}",
        "en": "Metric {name}: {old} → {new}",
    },
    "metric-added": {"de": "Kennzahl {name} ergänzt: {new}", "en": "Metric {name} added: {new}"},
    "metric-removed": {"de": "Kennzahl {name} entfernt", "en": "Metric {name} removed"},
    "weakness-revised": {
        "de": "Schwachstelle {title} überarbeitet",
        "en": "Weakness {title} revised",
    },
    "weakness-measure": {
        "de": "Schwachstelle {title}: Maßnahme jetzt {measure}",
        "en": "Weakness {title}: measure now {measure}",
    },
    "steps-order": {"de": "Reihenfolge der Schritte geändert", "en": "Order of steps changed"},
    "step-new": {"de": "Schritt {title} neu", "en": "Step {title} added"},
    "step-removed": {"de": "Schritt {title} entfernt", "en": "Step {title} removed"},
    "step-renamed": {"de": "Schritt {old} umbenannt in {new}", "en": "Step {old} renamed to {new}"},
    "step-prefix": {"de": "Schritt {title}: {change}", "en": "Step {title}: {change}"},
    "step-role": {
        "de": "zuständig jetzt {new} statt {old}",
        "en": "now done by {new} instead of {old}",
    },
    "step-role-added": {"de": "zuständig jetzt {new}", "en": "now done by {new}"},
    "step-role-removed": {
        "de": "keine zuständige Rolle mehr (bisher {old})",
        "en": "no responsible role any more (was {old})",
    },
    "step-calls": {"de": "ruft jetzt Teilprozess {new} auf", "en": "now calls sub-process {new}"},
    "step-calls-removed": {
        "de": "ruft keinen Teilprozess mehr auf (bisher {old})",
        "en": "no longer calls a sub-process (was {old})",
    },
    "step-kind-decision": {"de": "jetzt eine Entscheidung", "en": "now a decision"},
    "step-kind-task": {"de": "jetzt eine Aufgabe", "en": "now a task"},
    "step-next": {
        "de": "Ablauf danach jetzt {new} (bisher {old})",
        "en": "next now {new} (previously {old})",
    },
    "next-following": {"de": "folgender Schritt", "en": "following step"},
    "next-end": {"de": "Ende", "en": "end"},
    "holders-new": {"de": "Neu in der Rolle: {names}", "en": "New in the role: {names}"},
    "holders-left": {
        "de": "Nicht mehr in der Rolle: {names}",
        "en": "No longer in the role: {names}",
    },
    "holder-until": {
        "de": "{name} in der Rolle bis {date}",
        "en": "{name} in the role until {date}",
    },
    "holder-until-removed": {
        "de": "{name}: Enddatum entfernt",
        "en": "{name}: end date removed",
    },
    "holder-since": {
        "de": "{name} in der Rolle seit {date}",
        "en": "{name} in the role since {date}",
    },
    "holder-username": {"de": "{name}: Benutzername geändert", "en": "{name}: username changed"},
    "holders-changed": {"de": "Besetzung geändert", "en": "Holders changed"},
    "onboarding": {
        "de": "Leseliste für neue Mitarbeitende geändert",
        "en": "Reading list for newcomers changed",
    },
}

# Labels of single-valued fields and nouns (singular, plural) of list fields.
_LABELS: dict[str, dict[str, str]] = {
    "summary": {"de": "Zusammenfassung", "en": "Summary"},
    "description": {"de": "Beschreibung", "en": "Description"},
    "trigger": {"de": "Auslöser", "en": "Trigger"},
    "result": {"de": "Ergebnis", "en": "Result"},
    "category": {"de": "Kategorie", "en": "Category"},
    "status": {"de": "Status", "en": "Status"},
    "variant": {"de": "Variante", "en": "Variant"},
    "variant_of": {"de": "Andere Variante", "en": "Other variant"},
    "replaced_by": {"de": "Ersetzt durch", "en": "Replaced by"},
    "service_key": {"de": "Leistungsschlüssel", "en": "Service key"},
    "process_unit": {"de": "Federführende Einheit", "en": "Lead unit"},
    "unit": {"de": "Einheit", "en": "Unit"},
    "contact": {"de": "Kontakt", "en": "Contact"},
    "phone": {"de": "Telefon", "en": "Phone"},
    "deputy": {"de": "Vertretung", "en": "Deputy"},
    "parent": {"de": "Übergeordnete Einheit", "en": "Parent unit"},
    "head": {"de": "Leitung", "en": "Head"},
    "system_owner": {"de": "Fachverfahrensbetreuung", "en": "System owner"},
    "system_kind": {"de": "Art", "en": "Kind"},
    "vendor": {"de": "Hersteller", "en": "Vendor"},
    "duration": {"de": "Dauer", "en": "Duration"},
}
_NOUNS: dict[str, dict[str, tuple[str, str]]] = {
    "tags": {"de": ("Schlagwort", "Schlagworte"), "en": ("tag", "tags")},
    "keywords": {"de": ("Suchbegriff", "Suchbegriffe"), "en": ("keyword", "keywords")},
    "legal_basis": {
        "de": ("Rechtsgrundlage", "Rechtsgrundlagen"),
        "en": ("legal basis", "legal bases"),
    },
    "customers": {"de": ("Zielgruppe", "Zielgruppen"), "en": ("customer group", "customer groups")},
    "systems": {"de": ("IT-System", "IT-Systeme"), "en": ("IT system", "IT systems")},
    "documents": {"de": ("Dokument", "Dokumente"), "en": ("document", "documents")},
    "weaknesses": {"de": ("Schwachstelle", "Schwachstellen"), "en": ("weakness", "weaknesses")},
    "consulted": {
        "de": ("Beteiligte Rolle (C)", "Beteiligte Rollen (C)"),
        "en": ("consulted role", "consulted roles"),
    },
    "informed": {
        "de": ("Informierte Rolle (I)", "Informierte Rollen (I)"),
        "en": ("informed role", "informed roles"),
    },
    "inputs": {"de": ("Eingabe", "Eingaben"), "en": ("input", "inputs")},
    "outputs": {"de": ("Ergebnis", "Ergebnisse"), "en": ("output", "outputs")},
    "responsibilities": {
        "de": ("Aufgabe", "Aufgaben"),
        "en": ("responsibility", "responsibilities"),
    },
    "skills": {"de": ("Kenntnis", "Kenntnisse"), "en": ("skill", "skills")},
}
# Enum values read as on the site: one wording for pages and for changes in words.
_ENUM_LABEL_PREFIXES = ("status_", "category_", "variant_", "customer_")


@dataclass(frozen=True)
class Say:
    """Phrasing in one language, with the titles of the current handbook."""

    language: str
    titles: Titles
    show_holders: bool = True

    def __call__(self, key: str, **args: str) -> str:
        texts = TEXTS[key]
        return texts.get(self.language, texts["de"]).format(**args)

    def label(self, key: str) -> str:
        return _LABELS[key].get(self.language, _LABELS[key]["de"])

    def noun(self, key: str, count: int) -> str:
        one, many = _NOUNS[key].get(self.language, _NOUNS[key]["de"])
        return one if count == 1 else many

    def quote(self, text: str) -> str:
        return f"‚{text}‘" if self.language == "de" else f"‘{text}’"

    def enum(self, value: Any) -> str:
        raw = str(getattr(value, "value", value))
        table = LABELS.get(self.language, LABELS["de"])
        for prefix in _ENUM_LABEL_PREFIXES:
            if prefix + raw in table:
                return table[prefix + raw]
        return raw

    def title(self, kind: str, entity_id: str | None) -> str:
        return self.titles(kind, entity_id) if entity_id else "–"
