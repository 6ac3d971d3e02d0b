"""Problems in content files, their parts, and the build's and check's verdicts."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "problem.warning-prefix": ("Warnung", "warning"),
    "problem.did-you-mean": (" – meinten Sie '{candidate}'?", " – did you mean '{candidate}'?"),
    "problem.yaml-syntax": ("YAML-Syntaxfehler: {detail}", "YAML syntax error: {detail}"),
    "problem.yaml-duplicate-key": (
        "Schlüssel '{key}' kommt doppelt vor (zuerst in Zeile {first_line})",
        "key '{key}' appears twice (first on line {first_line})",
    ),
    "problem.yaml-alias": (
        "Anker und Aliase (& und *) sind nicht erlaubt; bitte den Inhalt ausschreiben",
        "anchors and aliases (& and *) are not allowed; please write the content out",
    ),
    "problem.yaml-not-mapping": (
        "die Datei muss Felder der Form 'schlüssel: wert' enthalten",
        "the file must contain fields of the form 'key: value'",
    ),
    "problem.file-too-large": (
        "Datei ist größer als 1 MiB ({size} Bytes); bitte aufteilen",
        "file is larger than 1 MiB ({size} bytes); please split it",
    ),
    "problem.file-encoding": ("Datei ist nicht in UTF-8 kodiert", "file is not UTF-8 encoded"),
    "problem.content-dir-missing": (
        "Inhaltsordner '{path}' fehlt",
        "content folder '{path}' is missing",
    ),
    "problem.missing": ("Pflichtfeld '{field}' fehlt", "required field '{field}' is missing"),
    "problem.unknown-key": ("unbekannter Schlüssel '{key}'", "unknown key '{key}'"),
    "problem.wrong-type": (
        "'{field}' muss {expected} sein, nicht {actual}",
        "'{field}' must be {expected}, not {actual}",
    ),
    "problem.wrong-type-quote": (
        "'{field}' muss Text sein; Zahlen bitte in Anführungszeichen setzen: \"{value}\"",
        "'{field}' must be text; please put numbers in quotes: \"{value}\"",
    ),
    "problem.unknown-value": (
        "unbekannter Wert '{value}' für '{field}' (erlaubt: {allowed})",
        "unknown value '{value}' for '{field}' (allowed: {allowed})",
    ),
    "problem.invalid-date": (
        "ungültiges Datum '{value}' in '{field}' (erwartet JJJJ-MM-TT)",
        "invalid date '{value}' in '{field}' (expected YYYY-MM-DD)",
    ),
    "problem.pattern-service-key": (
        "'{field}' muss aus genau 14 Ziffern bestehen",
        "'{field}' must consist of exactly 14 digits",
    ),
    "problem.too-short": (
        "'{field}' braucht mindestens {min} Eintrag",
        "'{field}' needs at least {min} entry",
    ),
    "problem.too-small": (
        "'{field}' muss mindestens {limit} sein",
        "'{field}' must be at least {limit}",
    ),
    "problem.too-large": (
        "'{field}' darf höchstens {limit} sein",
        "'{field}' must be at most {limit}",
    ),
    "problem.bad-id": (
        "Kennung '{id}' ist ungültig: nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche "
        "(z. B. '{example}')",
        "id '{id}' is invalid: only lower-case letters a–z, digits and single hyphens (e.g. "
        "'{example}')",
    ),
    "problem.id-mismatch": (
        "Kennung '{id}' passt nicht zum Dateinamen '{expected}'",
        "id '{id}' does not match the file name '{expected}'",
    ),
    "problem.duplicate-id": (
        "Kennung '{id}' gibt es schon in {other}",
        "id '{id}' already exists in {other}",
    ),
    "problem.unknown-role": ("unbekannte Rolle '{id}'", "unknown role '{id}'"),
    "problem.unknown-unit": (
        "unbekannte Organisationseinheit '{id}'",
        "unknown organisational unit '{id}'",
    ),
    "problem.unknown-process": ("unbekannter Prozess '{id}'", "unknown process '{id}'"),
    "problem.unknown-system": ("unbekanntes System '{id}'", "unknown system '{id}'"),
    "problem.unknown-step": ("unbekannter Schritt '{id}'", "unknown step '{id}'"),
    "problem.unsafe-url": (
        "Adresse '{url}' ist nicht erlaubt: nur http:, https: und mailto: sind zulässig",
        "address '{url}' is not allowed: only http:, https: and mailto: are permitted",
    ),
    "problem.duplicate-step-id": (
        "Schritt-Kennung '{id}' kommt doppelt vor (zuerst in Zeile {first_line})",
        "step id '{id}' appears twice (first on line {first_line})",
    ),
    "problem.step-needs-role": (
        "Schritt '{title}' braucht 'role' (wer ist zuständig?) oder 'calls'",
        "step '{title}' needs 'role' (who is responsible?) or 'calls'",
    ),
    "problem.decision-branches": (
        "Entscheidung '{title}' braucht unter 'next' mindestens zwei Zweige {{to, when}}",
        "decision '{title}' needs at least two branches {{to, when}} under 'next'",
    ),
    "problem.step-unreachable": (
        "Schritt '{title}' ist vom ersten Schritt aus nicht erreichbar",
        "step '{title}' cannot be reached from the first step",
    ),
    "problem.step-no-end": (
        "von Schritt '{title}' aus ist kein Ende erreichbar (Endlosschleife)",
        "no end can be reached from step '{title}' (endless loop)",
    ),
    "problem.call-cycle": (
        "Teilprozess-Aufrufe bilden einen Kreis: {cycle}",
        "sub-process calls form a cycle: {cycle}",
    ),
    "problem.unit-cycle": (
        "übergeordnete Einheiten bilden einen Kreis: {cycle}",
        "parent units form a cycle: {cycle}",
    ),
    "problem.calls-self": (
        "Schritt '{title}' ruft den eigenen Prozess auf",
        "step '{title}' calls its own process",
    ),
    "problem.review-overdue": (
        "Prüfung überfällig seit {due} (letzte Prüfung {last}, Intervall {months} Monate)",
        "review overdue since {due} (last review {last}, interval {months} months)",
    ),
    "problem.owner-no-holder": (
        "die verantwortliche Rolle '{role}' hat derzeit niemanden, der sie innehat",
        "the owner role '{role}' has no current holder",
    ),
    "problem.single-holder-no-deputy": (
        "Rolle hat nur eine Person ({name}) und keine Vertretung ('deputy')",
        "role has a single holder ({name}) and no deputy",
    ),
    "problem.no-summary": ("Prozess ohne Zusammenfassung ('summary')", "process without summary"),
    "problem.role-unreferenced": (
        "Rolle '{id}' wird nirgends verwendet",
        "role '{id}' is not referred to anywhere",
    ),
    "problem.unit-unreferenced": (
        "Einheit '{id}' wird nirgends verwendet",
        "unit '{id}' is not referred to anywhere",
    ),
    "type.text": ("Text", "text"),
    "type.number": ("eine ganze Zahl", "a whole number"),
    "type.decimal": ("eine Zahl", "a number"),
    "type.boolean": ("true oder false", "true or false"),
    "type.list": ("eine Liste", "a list"),
    "type.mapping": ("eine Zuordnung (schlüssel: wert)", "a mapping (key: value)"),
    "type.date": ("ein Datum", "a date"),
    "type.empty": ("leer", "empty"),
    "type.scalar": ("ein einfacher Wert", "a simple value"),
    "build.failed": (
        "Das Handbuch enthält {count} Fehler; die Website wurde nicht verändert:",
        "The handbook has {count} error(s); the site was left unchanged:",
    ),
    "build.strict-warnings": (
        "{count} Warnung(en) im strikten Modus; die Website wurde nicht verändert:",
        "{count} warning(s) in strict mode; the site was left unchanged:",
    ),
    "cli.check-ok": (
        "{files} Dateien geprüft: {errors} Fehler, {warnings} Warnungen",
        "{files} files checked: {errors} errors, {warnings} warnings",
    ),
    "yaml.mapping-value": (
        "hier ist kein 'schlüssel: wert' erlaubt – steht ein Text mit ':' ohne Anführungszeichen "
        "da?",
        "a 'key: value' is not allowed here – is there text with ':' that needs quotes?",
    ),
    "yaml.expected-colon": (
        "':' erwartet – fehlt ein Doppelpunkt nach dem Schlüssel?",
        "expected ':' – is a colon missing after the key?",
    ),
    "yaml.expected-key": (
        "Schlüssel erwartet – stimmt die Einrückung?",
        "expected a key – is the indentation right?",
    ),
    "yaml.expected-dash": (
        "'-' erwartet – stimmt die Einrückung der Liste?",
        "expected '-' – is the list indented correctly?",
    ),
    "yaml.tab": (
        "Tabulatorzeichen sind nicht erlaubt; bitte Leerzeichen zum Einrücken verwenden",
        "tab characters are not allowed; please indent with spaces",
    ),
    "yaml.unclosed-list": (
        "',' oder ']' erwartet – ist eine Liste in [ ] nicht geschlossen?",
        "expected ',' or ']' – is a list in [ ] not closed?",
    ),
    "yaml.unclosed-mapping": (
        "',' oder '}}' erwartet – ist eine Zuordnung in {{ }} nicht geschlossen?",
        "expected ',' or '}}' – is a mapping in {{ }} not closed?",
    ),
    "yaml.end-of-stream": (
        "Datei endet unerwartet – fehlt ein schließendes Anführungszeichen?",
        "unexpected end of file – is a closing quote missing?",
    ),
}
