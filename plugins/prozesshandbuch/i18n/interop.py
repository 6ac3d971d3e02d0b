"""Texts of the exchange with other tools: BPMN and KOOS import and export."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "interop.download-bpmn": (
        "Ablauf als BPMN 2.0 herunterladen",
        "Download the flow as BPMN 2.0",
    ),
    "interop.download-bpmn-hint": (
        "zum Öffnen in Camunda Modeler, Signavio, bpmn.io und anderen Werkzeugen",
        "to open in Camunda Modeler, Signavio, bpmn.io and other tools",
    ),
    "interop.export-content-errors": (
        "Export abgebrochen: die Inhalte enthalten Fehler (siehe oben).",
        "Export stopped: the content has errors (see above).",
    ),
    "interop.export-unknown-process": (
        "unbekannter Prozess '{id}'",
        "unknown process '{id}'",
    ),
    "interop.written": ("{path}: geschrieben", "{path}: written"),
}
