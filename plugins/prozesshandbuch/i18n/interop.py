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
    # Help texts (``--help``), in the language of PROZESSHANDBUCH_LANG
    "interop.help.export": (
        "Inhalte für andere Werkzeuge ausgeben (BPMN 2.0).",
        "Export content for other tools (BPMN 2.0).",
    ),
    "interop.help.export-bpmn": (
        "Je Prozess eine Datei <kennung>.bpmn schreiben (ohne PROCESS_IDS: alle Prozesse).",
        "Write one file <id>.bpmn per process (without PROCESS_IDS: every process).",
    ),
    "interop.help.export-output": (
        "Zielordner (Standard: ./bpmn)",
        "target folder (default: ./bpmn)",
    ),
    "interop.help.import": (
        "Inhalte aus anderen Werkzeugen übernehmen (BPMN 2.0, KOOS).",
        "Import content from other tools (BPMN 2.0, KOOS).",
    ),
    "interop.help.import-bpmn": (
        "BPMN-2.0-Dateien als Prozesse übernehmen (Bahnen werden zu Rollen).\n\n"
        "Alles oder nichts: geschrieben wird erst, wenn jede Datei umgewandelt ist und die "
        "Prüfung der neuen Dateien keinen Fehler findet. Vorhandene Dateien bleiben ohne "
        "--force unberührt.",
        "Import BPMN 2.0 files as processes (lanes become roles).\n\n"
        "All or nothing: files are written only when every file converted and the check of "
        "the new files finds no error. Existing files stay untouched without --force.",
    ),
    "interop.help.import-koos": (
        "Eine KOOS-Ablage (orga.yaml, prozesse/*.md) übernehmen: Organisationseinheiten, "
        "Rollen und Prozesse.\n\n"
        "Alles oder nichts wie beim BPMN-Import; vorhandene Dateien bleiben ohne --force "
        "unberührt.",
        "Import a KOOS folder (orga.yaml, prozesse/*.md): units, roles, processes.\n\n"
        "All or nothing as for the BPMN import; existing files stay untouched without "
        "--force.",
    ),
    "interop.help.force": ("Vorhandene Dateien überschreiben", "overwrite existing files"),
    # Texts the imports write into content files, in the language of the import
    "interop.stub-unit-title": ("Noch zuzuordnen", "To be assigned"),
    "interop.branch-default": ("sonst", "otherwise"),
    "interop.branch-numbered": ("Zweig {number}", "Branch {number}"),
    "interop.branch-numbered-parallel": ("Zweig {number} (parallel)", "Branch {number} (parallel)"),
    "interop.title-parallel-gateway": (
        "Alle Zweige bearbeiten (parallel)",
        "Work on all branches (in parallel)",
    ),
    "interop.title-inclusive-gateway": (
        "Zutreffende Zweige bearbeiten",
        "Work on the branches that apply",
    ),
    "interop.title-complex-gateway": (
        "Zweige nach Bedingung bearbeiten",
        "Work on branches by condition",
    ),
    "interop.title-event-gateway": (
        "Auf das erste eintretende Ereignis warten",
        "Wait for the first event to occur",
    ),
    "interop.koos-head-role": ("Leitung {unit}", "Head of {unit}"),
    "interop.koos-special-function": (
        "Organisationsweite Sonderfunktion",
        "Organisation-wide special function",
    ),
    # Reading input files
    "interop.cannot-read": (
        "Datei kann nicht gelesen werden: {reason}",
        "cannot read the file: {reason}",
    ),
    "interop.too-large": (
        "Datei ist zu groß ({size} MB, höchstens {limit} MB); sie wurde nicht gelesen",
        "file is too large ({size} MB, at most {limit} MB); it was not read",
    ),
    "interop.doctype": (
        "DOCTYPE- und ENTITY-Deklarationen sind nicht erlaubt (Schutz vor externen Entitäten, "
        "Netzwerkzugriffen und Entity-Expansion); BPMN braucht keine – die Datei wurde nicht "
        "gelesen",
        "DOCTYPE and ENTITY declarations are not allowed (protection against external "
        "entities, network access and entity expansion); BPMN needs none – the file was not "
        "read",
    ),
    "interop.xml-syntax": (
        "kein gültiges XML: {detail}",
        "not well-formed XML: {detail}",
    ),
    "interop.not-bpmn": (
        "keine BPMN-2.0-Datei: das Wurzelelement ist {root} statt bpmn:definitions "
        "(Namensraum http://www.omg.org/spec/BPMN/20100524/MODEL)",
        "not a BPMN 2.0 file: the root element is {root}, not bpmn:definitions "
        "(namespace http://www.omg.org/spec/BPMN/20100524/MODEL)",
    ),
    "interop.no-flow": (
        "die Datei enthält keinen Prozess mit Ablauf (keine Aufgaben, Ereignisse oder "
        "Gateways); daraus lässt sich kein Prozess machen",
        "the file has no process with a flow (no tasks, events or gateways); no process can "
        "be made from it",
    ),
    "interop.no-start": (
        "Prozess '{id}': kein Startereignis und kein Element ohne eingehenden Fluss – "
        "der Anfang des Ablaufs ist nicht erkennbar",
        "process '{id}': no start event and no element without incoming flow – the start of "
        "the flow cannot be told",
    ),
    "interop.no-steps": (
        "Prozess '{id}': keine Aufgabe, kein Gateway und kein Teilprozess – nichts, woraus "
        "Schritte werden könnten",
        "process '{id}': no task, gateway or sub-process – nothing to make steps from",
    ),
    "interop.invalid-process": (
        "Prozess '{id}' lässt sich nicht ins Inhaltsformat übertragen: {detail}",
        "process '{id}' cannot be expressed in the content format: {detail}",
    ),
    # Nearest equivalents (warnings)
    "interop.no-start-event": (
        "Prozess '{id}' hat kein Startereignis; der Ablauf beginnt bei '{first}'",
        "process '{id}' has no start event; the flow starts at '{first}'",
    ),
    "interop.extra-start": (
        "weiteres Startereignis '{id}' nicht übernommen: ein Prozess beginnt im "
        "Inhaltsformat an einer Stelle",
        "further start event '{id}' not imported: a process starts at one place in the "
        "content format",
    ),
    "interop.black-box-pool": (
        "Pool '{id}' ohne Prozess (Blackbox) nicht übernommen",
        "pool '{id}' without a process (black box) not imported",
    ),
    "interop.message-flow": (
        "Nachrichtenfluss '{id}' {name} nicht übernommen: das Inhaltsformat kennt keine "
        "Nachrichten zwischen Pools",
        "message flow '{id}' {name} not imported: the content format has no messages between pools",
    ),
    "interop.import-not-followed": (
        "Verweis auf '{location}' wird nicht geladen (kein Netzwerk- oder Dateizugriff)",
        "reference to '{location}' is not loaded (no network or file access)",
    ),
    "interop.element-ignored": (
        "{kind} '{id}' nicht übernommen: das Inhaltsformat hat dafür keinen Platz",
        "{kind} '{id}' not imported: the content format has no place for it",
    ),
    "interop.flow-dangling": (
        "Sequenzfluss '{id}' verbindet kein bekanntes Element und wurde nicht übernommen",
        "sequence flow '{id}' connects no known element and was not imported",
    ),
    "interop.boundary-event": (
        "angeheftetes Ereignis '{id}' als zusätzlicher Zweig von '{host}' übernommen",
        "boundary event '{id}' imported as an extra branch of '{host}'",
    ),
    "interop.gateway-as-decision": (
        "{kind} '{id}' als Entscheidung übernommen: das Inhaltsformat kennt nur "
        "exklusive Verzweigungen (parallele Zweige laufen nun nacheinander bzw. alternativ)",
        "{kind} '{id}' imported as a decision: the content format has exclusive branches only",
    ),
    "interop.join": (
        "{kind} '{id}' (Zusammenführung) übergangen: der Ablauf geht direkt weiter",
        "{kind} '{id}' (join) passed over: the flow goes straight on",
    ),
    "interop.event-as-step": (
        "{kind} '{id}' als Schritt übernommen",
        "{kind} '{id}' imported as a step",
    ),
    "interop.sub-process": (
        "aufgeklappter Teilprozess '{id}' als ein Schritt übernommen; seine {count} "
        "benannten Elemente stehen in der Beschreibung",
        "expanded sub-process '{id}' imported as one step; its {count} named elements are "
        "listed in the description",
    ),
    "interop.call-unknown": (
        "Aufrufaktivität '{id}' ruft '{called}' auf, den es im Inhaltsordner nicht gibt; "
        "als Aufgabe übernommen",
        "call activity '{id}' calls '{called}', which the content folder lacks; imported as a task",
    ),
    "interop.unnamed": (
        "{kind} '{id}' hat keinen Namen; die Kennung dient als Titel",
        "{kind} '{id}' has no name; its id serves as title",
    ),
    "interop.branch-unnamed": (
        "ein Ausgang von '{id}' hat weder Namen noch Bedingung; übernommen als '{label}'",
        "an outgoing flow of '{id}' has neither name nor condition; imported as '{label}'",
    ),
    "interop.task-split": (
        "'{id}' hat {count} ausgehende Flüsse ohne Gateway; als Zweige des Schritts übernommen",
        "'{id}' has {count} outgoing flows without a gateway; imported as branches of the step",
    ),
    "interop.label-dropped": (
        "Beschriftung '{label}' des einzigen Ausgangs von '{id}' nicht übernommen",
        "label '{label}' of the only outgoing flow of '{id}' not imported",
    ),
    "interop.fields-invalid": (
        "Erweiterung ph:fields von '{id}' ist kein gültiges JSON-Objekt und wurde übergangen",
        "extension ph:fields of '{id}' is not a valid JSON object and was skipped",
    ),
    "interop.owner-guessed": (
        "keine verantwortliche Rolle angegeben; vorläufig '{role}' (bitte prüfen)",
        "no accountable role given; '{role}' for now (please check)",
    ),
    "interop.role-stub": (
        "Rolle '{role}' ({title}) gibt es noch nicht; eine Vorlage wird angelegt – bitte "
        "Einheit und Beschreibung ergänzen",
        "role '{role}' ({title}) does not exist yet; a stub is created – please fill in its "
        "unit and description",
    ),
    "interop.no-lanes": (
        "Prozess '{id}' hat keine Bahnen (Lanes); alle Schritte gehen an die Rolle '{role}'",
        "process '{id}' has no lanes; every step goes to role '{role}'",
    ),
    # Notes written into created files
    "interop.note-imported": (
        "Übernommen aus {source} (prozesshandbuch import). Bitte fachlich prüfen.",
        "Imported from {source} (prozesshandbuch import). Please review.",
    ),
    "interop.note-role-stub": (
        "VORLAGE aus dem Import ({source}): Diese Rolle gab es noch nicht.\n"
        "Bitte 'unit' auf die richtige Einheit setzen und Beschreibung, Kontakt und "
        "Personen ergänzen.",
        "STUB from an import ({source}): this role did not exist.\n"
        "Please set 'unit' to the right unit and add summary, contact and holders.",
    ),
    "interop.note-unit-stub": (
        "VORLAGE aus dem Import: Sammelstelle für Rollen, deren Einheit noch offen ist.\n"
        "Bitte die Rollen den richtigen Einheiten zuordnen und diese Datei dann löschen.",
        "STUB from an import: holds roles whose unit is still open.\n"
        "Please move the roles to their proper units, then delete this file.",
    ),
    # Outcome
    "interop.exists": (
        "{path}: gibt es schon; mit --force überschreiben",
        "{path}: exists already; use --force to overwrite",
    ),
    "interop.nothing-written": ("Nichts geschrieben.", "Nothing written."),
    "interop.check-failed": (
        "Die übernommenen Dateien hätten {count} Fehler im Handbuch verursacht.",
        "The imported files would have caused {count} error(s) in the handbook.",
    ),
    "interop.created": ("{path}: neu angelegt", "{path}: created"),
    "interop.check-summary": (
        "Prüfung nach dem Import: {files} Dateien, {errors} Fehler, {warnings} Warnungen",
        "Check after the import: {files} files, {errors} errors, {warnings} warnings",
    ),
    # KOOS
    "interop.note-koos": (
        "Übernommen aus der KOOS-Ablage {source} (prozesshandbuch import koos).",
        "Imported from the KOOS data {source} (prozesshandbuch import koos).",
    ),
    "interop.koos-yaml": ("YAML-Fehler: {detail}", "YAML error: {detail}"),
    "interop.koos-no-orga": (
        "orga.yaml fehlt: ist das eine KOOS-Ablage?",
        "orga.yaml is missing: is this KOOS data?",
    ),
    "interop.koos-no-units": (
        "orga.yaml enthält keine Liste 'einheiten'",
        "orga.yaml has no list 'einheiten'",
    ),
    "interop.koos-unit-invalid": (
        "Eintrag in 'einheiten' ohne 'id'",
        "entry in 'einheiten' without 'id'",
    ),
    "interop.koos-no-processes": (
        "Ordner prozesse/ fehlt: ist das eine KOOS-Ablage?",
        "folder prozesse/ is missing: is this KOOS data?",
    ),
    "interop.koos-duplicates-skipped.one": (
        "eine Datei in _duplikate/ übergangen (Dublette laut KOOS)",
        "one file in _duplikate/ skipped (a duplicate according to KOOS)",
    ),
    "interop.koos-duplicates-skipped.other": (
        "{count} Dateien in _duplikate/ übergangen (Dubletten laut KOOS)",
        "{count} files in _duplikate/ skipped (duplicates according to KOOS)",
    ),
    "interop.koos-no-front-matter": (
        "kein YAML-Kopf (Front Matter zwischen zwei Zeilen '---')",
        "no YAML front matter (between two lines '---')",
    ),
    "interop.koos-front-matter-invalid": (
        "der YAML-Kopf ist keine Zuordnung von Feldern",
        "the front matter is not a mapping of fields",
    ),
    "interop.koos-id-slugified": (
        "Kennung '{id}' ist kein gültiger Name; verwendet wird '{slug}'",
        "id '{id}' is not a valid name; '{slug}' is used",
    ),
    "interop.koos-id-mismatch": (
        "id '{id}' weicht vom Dateinamen ab; der Dateiname '{stem}' gilt (KOOS: der Dateiname "
        "ist die ID)",
        "id '{id}' differs from the file name; the file name '{stem}' counts",
    ),
    "interop.koos-unit-unknown": (
        "Einheit '{unit}' steht nicht in orga.yaml; der Prozess kommt zu 'Noch zuzuordnen'",
        "unit '{unit}' is not in orga.yaml; the process goes to 'to be assigned'",
    ),
    "interop.koos-role-matched": (
        "zustaendigeRolle '{name}' als Rolle '{role}' der Einheit gedeutet",
        "zustaendigeRolle '{name}' read as the unit's role '{role}'",
    ),
    "interop.koos-role-added": (
        "zustaendigeRolle '{name}' steht nicht in orga.yaml; wird neue Rolle der Einheit '{unit}'",
        "zustaendigeRolle '{name}' is not in orga.yaml; created as a new role of unit '{unit}'",
    ),
    "interop.koos-unit-without-roles": (
        "Einheit '{unit}' hat keine Rollen; angelegt wird '{role}'",
        "unit '{unit}' has no roles; '{role}' is created",
    ),
    "interop.koos-no-steps": (
        "keine Prozessschritte (**01 Titel**) gefunden; ein Schritt mit dem Prozesstitel "
        "wird angelegt",
        "no process steps (**01 Title**) found; one step with the process title is created",
    ),
    "interop.koos-status": (
        "unbekannter Status '{status}'; übernommen als active",
        "unknown status '{status}'; imported as active",
    ),
    "interop.koos-leika": (
        "leika_id '{value}' hat nicht 14 Ziffern; als Suchbegriff übernommen",
        "leika_id '{value}' does not have 14 digits; imported as a keyword",
    ),
    "interop.koos-date": (
        "letzte-aktualisierung '{value}' ist kein Datum (JJJJ-MM-TT); nicht übernommen",
        "letzte-aktualisierung '{value}' is not a date (YYYY-MM-DD); not imported",
    ),
    "interop.koos-key-skipped.one": (
        "Feld '{field}' (in einer Datei) hat keine Entsprechung und wurde nicht übernommen",
        "field '{field}' (in one file) has no counterpart and was not imported",
    ),
    "interop.koos-key-skipped.other": (
        "Feld '{field}' (in {count} Dateien) hat keine Entsprechung und wurde nicht übernommen",
        "field '{field}' (in {count} files) has no counterpart and was not imported",
    ),
    "interop.koos-owner-rule.one": (
        "ein Prozess ohne zustaendigeRolle: verantwortlich ist die erste Rolle der "
        "zuständigen Einheit (ihre Leitung), die Schritte führt ihre letzte Rolle aus – bitte "
        "prüfen",
        "one process without zustaendigeRolle: the first role of the unit (its head) is "
        "accountable, its last role performs the steps – please check",
    ),
    "interop.koos-owner-rule.other": (
        "{count} Prozesse ohne zustaendigeRolle: verantwortlich ist die erste Rolle der "
        "zuständigen Einheit (ihre Leitung), die Schritte führt ihre letzte Rolle aus – bitte "
        "prüfen",
        "{count} processes without zustaendigeRolle: the first role of the unit (its head) is "
        "accountable, its last role performs the steps – please check",
    ),
}
