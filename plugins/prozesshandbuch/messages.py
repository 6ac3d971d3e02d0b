"""User-facing message texts, German by default, English selectable.

Every message has both languages; a test checks that no code lacks one.
"""

from __future__ import annotations

from .i18n import text as catalogue_text

LANGUAGES = ("de", "en")

MESSAGES: dict[str, dict[str, str]] = {
    "warning-prefix": {"de": "Warnung", "en": "warning"},
    "did-you-mean": {"de": " – meinten Sie '{candidate}'?", "en": " – did you mean '{candidate}'?"},
    # Reading files
    "yaml-syntax": {
        "de": "YAML-Syntaxfehler: {detail}",
        "en": "YAML syntax error: {detail}",
    },
    "yaml-duplicate-key": {
        "de": "Schlüssel '{key}' kommt doppelt vor (zuerst in Zeile {first_line})",
        "en": "key '{key}' appears twice (first on line {first_line})",
    },
    "yaml-alias": {
        "de": "Anker und Aliase (& und *) sind nicht erlaubt; bitte den Inhalt ausschreiben",
        "en": "anchors and aliases (& and *) are not allowed; please write the content out",
    },
    "yaml-not-mapping": {
        "de": "die Datei muss Felder der Form 'schlüssel: wert' enthalten",
        "en": "the file must contain fields of the form 'key: value'",
    },
    "yaml-key-not-text": {
        "de": "Schlüssel '{key}' muss Text sein",
        "en": "key '{key}' must be text",
    },
    "file-too-large": {
        "de": "Datei ist größer als 1 MiB ({size} Bytes); bitte aufteilen",
        "en": "file is larger than 1 MiB ({size} bytes); please split it",
    },
    "file-encoding": {
        "de": "Datei ist nicht in UTF-8 kodiert",
        "en": "file is not UTF-8 encoded",
    },
    "content-dir-missing": {
        "de": "Inhaltsordner '{path}' fehlt",
        "en": "content folder '{path}' is missing",
    },
    # Schema
    "missing": {"de": "Pflichtfeld '{field}' fehlt", "en": "required field '{field}' is missing"},
    "unknown-key": {"de": "unbekannter Schlüssel '{key}'", "en": "unknown key '{key}'"},
    "wrong-type": {
        "de": "'{field}' muss {expected} sein, nicht {actual}",
        "en": "'{field}' must be {expected}, not {actual}",
    },
    "wrong-type-quote": {
        "de": "'{field}' muss Text sein; Zahlen bitte in Anführungszeichen setzen: \"{value}\"",
        "en": "'{field}' must be text; please put numbers in quotes: \"{value}\"",
    },
    "unknown-value": {
        "de": "unbekannter Wert '{value}' für '{field}' (erlaubt: {allowed})",
        "en": "unknown value '{value}' for '{field}' (allowed: {allowed})",
    },
    "invalid-date": {
        "de": "ungültiges Datum '{value}' in '{field}' (erwartet JJJJ-MM-TT)",
        "en": "invalid date '{value}' in '{field}' (expected YYYY-MM-DD)",
    },
    "pattern-service-key": {
        "de": "'{field}' muss aus genau 14 Ziffern bestehen",
        "en": "'{field}' must consist of exactly 14 digits",
    },
    "too-short": {
        "de": "'{field}' braucht mindestens {min} Eintrag",
        "en": "'{field}' needs at least {min} entry",
    },
    "too-small": {
        "de": "'{field}' muss mindestens {limit} sein",
        "en": "'{field}' must be at least {limit}",
    },
    "too-large": {
        "de": "'{field}' darf höchstens {limit} sein",
        "en": "'{field}' must be at most {limit}",
    },
    "invalid-value": {
        "de": "ungültiger Wert in '{field}': {detail}",
        "en": "invalid value in '{field}': {detail}",
    },
    # Ids and references
    "bad-id": {
        "de": "Kennung '{id}' ist ungültig: nur Kleinbuchstaben a–z, Ziffern und einzelne "
        "Bindestriche (z. B. '{example}')",
        "en": "id '{id}' is invalid: only lower-case letters a–z, digits and single hyphens "
        "(e.g. '{example}')",
    },
    "id-mismatch": {
        "de": "Kennung '{id}' passt nicht zum Dateinamen '{expected}'",
        "en": "id '{id}' does not match the file name '{expected}'",
    },
    "duplicate-id": {
        "de": "Kennung '{id}' gibt es schon in {other}",
        "en": "id '{id}' already exists in {other}",
    },
    "unknown-role": {"de": "unbekannte Rolle '{id}'", "en": "unknown role '{id}'"},
    "unknown-unit": {
        "de": "unbekannte Organisationseinheit '{id}'",
        "en": "unknown organisational unit '{id}'",
    },
    "unknown-process": {"de": "unbekannter Prozess '{id}'", "en": "unknown process '{id}'"},
    "unknown-system": {"de": "unbekanntes System '{id}'", "en": "unknown system '{id}'"},
    "unknown-step": {"de": "unbekannter Schritt '{id}'", "en": "unknown step '{id}'"},
    "unsafe-url": {
        "de": "Adresse '{url}' ist nicht erlaubt: nur http:, https: und mailto: sind zulässig",
        "en": "address '{url}' is not allowed: only http:, https: and mailto: are permitted",
    },
    # Flow
    "duplicate-step-id": {
        "de": "Schritt-Kennung '{id}' kommt doppelt vor (zuerst in Zeile {first_line})",
        "en": "step id '{id}' appears twice (first on line {first_line})",
    },
    "step-needs-role": {
        "de": "Schritt '{title}' braucht 'role' (wer ist zuständig?) oder 'calls'",
        "en": "step '{title}' needs 'role' (who is responsible?) or 'calls'",
    },
    "decision-branches": {
        "de": "Entscheidung '{title}' braucht unter 'next' mindestens zwei Zweige {{to, when}}",
        "en": "decision '{title}' needs at least two branches {{to, when}} under 'next'",
    },
    "step-unreachable": {
        "de": "Schritt '{title}' ist vom ersten Schritt aus nicht erreichbar",
        "en": "step '{title}' cannot be reached from the first step",
    },
    "step-no-end": {
        "de": "von Schritt '{title}' aus ist kein Ende erreichbar (Endlosschleife)",
        "en": "no end can be reached from step '{title}' (endless loop)",
    },
    "call-cycle": {
        "de": "Teilprozess-Aufrufe bilden einen Kreis: {cycle}",
        "en": "sub-process calls form a cycle: {cycle}",
    },
    "unit-cycle": {
        "de": "übergeordnete Einheiten bilden einen Kreis: {cycle}",
        "en": "parent units form a cycle: {cycle}",
    },
    "calls-self": {
        "de": "Schritt '{title}' ruft den eigenen Prozess auf",
        "en": "step '{title}' calls its own process",
    },
    # Warnings
    "review-overdue": {
        "de": "Prüfung überfällig seit {due} (letzte Prüfung {last}, Intervall {months} Monate)",
        "en": "review overdue since {due} (last review {last}, interval {months} months)",
    },
    "owner-no-holder": {
        "de": "die verantwortliche Rolle '{role}' hat derzeit niemanden, der sie innehat",
        "en": "the owner role '{role}' has no current holder",
    },
    "single-holder-no-deputy": {
        "de": "Rolle hat nur eine Person ({name}) und keine Vertretung ('deputy')",
        "en": "role has a single holder ({name}) and no deputy",
    },
    "no-summary": {
        "de": "Prozess ohne Zusammenfassung ('summary')",
        "en": "process without summary",
    },
    "role-unreferenced": {
        "de": "Rolle '{id}' wird nirgends verwendet",
        "en": "role '{id}' is not referred to anywhere",
    },
    "unit-unreferenced": {
        "de": "Einheit '{id}' wird nirgends verwendet",
        "en": "unit '{id}' is not referred to anywhere",
    },
    # Types, as used in wrong-type
    "type-text": {"de": "Text", "en": "text"},
    "type-number": {"de": "eine ganze Zahl", "en": "a whole number"},
    "type-decimal": {"de": "eine Zahl", "en": "a number"},
    "type-boolean": {"de": "true oder false", "en": "true or false"},
    "type-list": {"de": "eine Liste", "en": "a list"},
    "type-mapping": {"de": "eine Zuordnung (schlüssel: wert)", "en": "a mapping (key: value)"},
    "type-date": {"de": "ein Datum", "en": "a date"},
    "type-empty": {"de": "leer", "en": "empty"},
    "type-scalar": {"de": "ein einfacher Wert", "en": "a simple value"},
    "type-text-or-link": {"de": "Text oder {{title, url}}", "en": "text or {{title, url}}"},
    "type-next": {
        "de": "eine Schritt-Kennung oder eine Liste von Zweigen",
        "en": "a step id or a list of branches",
    },
    # Build and CLI
    "build-failed": {
        "de": "Das Handbuch enthält {count} Fehler; die Website wurde nicht verändert:",
        "en": "The handbook has {count} error(s); the site was left unchanged:",
    },
    "strict-warnings": {
        "de": "{count} Warnung(en) im strikten Modus; die Website wurde nicht verändert:",
        "en": "{count} warning(s) in strict mode; the site was left unchanged:",
    },
    "check-ok": {
        "de": "{files} Dateien geprüft: {errors} Fehler, {warnings} Warnungen",
        "en": "{files} files checked: {errors} errors, {warnings} warnings",
    },
}


# PyYAML explains syntax errors in English; the frequent ones get a German explanation.
YAML_DETAILS: dict[str, dict[str, str]] = {
    "mapping values are not allowed here": {
        "de": "hier ist kein 'schlüssel: wert' erlaubt – steht ein Text mit ':' ohne "
        "Anführungszeichen da?",
        "en": "a 'key: value' is not allowed here – is there text with ':' that needs quotes?",
    },
    "could not find expected ':'": {
        "de": "':' erwartet – fehlt ein Doppelpunkt nach dem Schlüssel?",
        "en": "expected ':' – is a colon missing after the key?",
    },
    "did not find expected key": {
        "de": "Schlüssel erwartet – stimmt die Einrückung?",
        "en": "expected a key – is the indentation right?",
    },
    "did not find expected '-' indicator": {
        "de": "'-' erwartet – stimmt die Einrückung der Liste?",
        "en": "expected '-' – is the list indented correctly?",
    },
    "found character '\\t' that cannot start any token": {
        "de": "Tabulatorzeichen sind nicht erlaubt; bitte Leerzeichen zum Einrücken verwenden",
        "en": "tab characters are not allowed; please indent with spaces",
    },
    "did not find expected ',' or ']'": {
        "de": "',' oder ']' erwartet – ist eine Liste in [ ] nicht geschlossen?",
        "en": "expected ',' or ']' – is a list in [ ] not closed?",
    },
    "did not find expected ',' or '}'": {
        "de": "',' oder '}' erwartet – ist eine Zuordnung in { } nicht geschlossen?",
        "en": "expected ',' or '}' – is a mapping in { } not closed?",
    },
    "found unexpected end of stream": {
        "de": "Datei endet unerwartet – fehlt ein schließendes Anführungszeichen?",
        "en": "unexpected end of file – is a closing quote missing?",
    },
}


def is_known_yaml_detail(detail: str) -> bool:
    """Whether PyYAML's ``detail`` has an explanation in every language."""
    return detail in YAML_DETAILS


def yaml_detail(detail: str, language: str) -> str:
    """PyYAML's explanation, in German where a translation is known."""
    known = YAML_DETAILS.get(detail)
    return known.get(language, detail) if known else detail


def message(code: str, language: str, args: dict[str, str]) -> str:
    """Fill in the text of ``code``; a ``candidate`` argument adds a "did you mean".

    An argument written ``@other-code`` is itself a message (e.g. a type name), so that a
    problem stays language-neutral until it is formatted.
    """
    filled = {
        key: message(value[1:], language, {}) if value.startswith("@") else value
        for key, value in args.items()
    }
    if code == "yaml-syntax" and "detail" in filled:
        filled["detail"] = yaml_detail(filled["detail"], language)
    texts = MESSAGES.get(code)
    if texts is None:  # newer problems live in the text catalogue as problem.<code>
        text = catalogue_text(f"problem.{code}", language, **filled)
    else:
        text = texts.get(language, texts["de"]).format(**filled)
    candidate = args.get("candidate")
    if candidate and code != "did-you-mean":
        text += message("did-you-mean", language, {"candidate": candidate})
    return text
