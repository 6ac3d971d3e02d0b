"""Texts about untrusted input: files that cannot be read safely, and git data."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "problem.too-deep": (
        "die Datei ist zu tief verschachtelt (mehr als {limit} Ebenen); Inhalte brauchen "
        "nur wenige Ebenen – ist eine Klammer [ oder {{ zu viel?",
        "the file is nested too deeply (more than {limit} levels); content needs only a "
        "few levels – is there a [ or {{ too many?",
    ),
    "problem.control-character": (
        "unsichtbares Steuerzeichen {character} ist nicht erlaubt; bitte entfernen",
        "invisible control character {character} is not allowed; please remove it",
    ),
    "history.revision-failed": (
        "ältere Version von {where} konnte nicht beschrieben werden ({error}); sie wird in "
        "der Änderungshistorie als fehlerhaft gezeigt",
        "an older version of {where} could not be described ({error}); the change history "
        "shows it as faulty",
    ),
    "history.skipped-commits": (
        "git konnte Autor oder Datum der Commits {commits} nicht lesen; ihre Änderungen "
        "fehlen in der Historie",
        "git could not read the author or date of the commits {commits}; their changes are "
        "missing from the history",
    ),
    "history.unreadable-log": (
        "die Ausgabe von git log hat eine unerwartete Form; ältere Einträge fehlen",
        "the output of git log has an unexpected form; older entries are missing",
    ),
    "build.phase-failed": (
        "interner Fehler beim Schritt „{phase}“ ({error}); die Website wurde nicht "
        "verändert. Einzelheiten zeigt mkdocs build --verbose; bitte den Fehler melden",
        "internal error in the step “{phase}” ({error}); the site was left unchanged. "
        "mkdocs build --verbose shows details; please report the error",
    ),
    "build.phase.load": ("Inhalte lesen und prüfen", "reading and checking the content"),
    "build.phase.staging": ("Bauordner anlegen", "creating the build folder"),
    "build.phase.relations": ("Beziehungen ableiten", "deriving relations"),
    "build.phase.diagrams": ("Diagramme zeichnen", "drawing diagrams"),
    "build.phase.history": ("Änderungshistorie lesen", "reading the change history"),
    "build.phase.pages": ("Seiten erzeugen", "generating pages"),
    "build.phase.files": ("Dateien bereitstellen", "providing files"),
    "build.phase.render": ("Seiten ausgeben", "rendering pages"),
    "build.phase.publish": ("neue Website einsetzen", "putting the new site in place"),
    "problem.empty-file": (
        "die Datei ist leer oder enthält nur 'null'; sie braucht Felder wie 'title: …' "
        "(wird sie nicht mehr gebraucht, bitte löschen)",
        "the file is empty or holds only 'null'; it needs fields such as 'title: …' (if it "
        "is no longer needed, please delete it)",
    ),
    "problem.symlink-outside": (
        "symbolischer Link auf ein Ziel außerhalb des Repositorys; er wird nicht gelesen",
        "symbolic link to a target outside the repository; it is not read",
    ),
    "problem.broken-symlink": (
        "symbolischer Link, dessen Ziel fehlt",
        "symbolic link whose target is missing",
    ),
    "problem.not-a-file": (
        "ist keine Datei (ein Ordner?); Inhalte stehen in Dateien wie 'kennung.yml'",
        "is not a file (a folder?); content lives in files such as 'id.yml'",
    ),
    "problem.unreadable-permission": (
        "Datei kann nicht gelesen werden: keine Leseberechtigung",
        "file cannot be read: no read permission",
    ),
    "problem.unreadable-file": (
        "Datei kann nicht gelesen werden",
        "file cannot be read",
    ),
    "problem.ignored-folder": (
        "wird nicht gelesen: der Ordner '{folder}' ist keiner der Inhaltsordner processes, "
        "roles, units, systems",
        "is not read: the folder '{folder}' is none of the content folders processes, roles, "
        "units, systems",
    ),
    "problem.ignored-top-level": (
        "wird nicht gelesen: Inhaltsdateien gehören in processes/, roles/, units/ oder systems/",
        "is not read: content files belong in processes/, roles/, units/ or systems/",
    ),
    "problem.ignored-subfolder": (
        "wird nicht gelesen: Unterordner werden nicht gelesen; bitte direkt in {folder}/ ablegen",
        "is not read: subfolders are not read; please put it directly in {folder}/",
    ),
    "problem.ignored-suffix": (
        "wird nicht gelesen: die Endung '{suffix}' muss klein geschrieben '.yml' lauten",
        "is not read: the ending '{suffix}' must be the lower-case '.yml'",
    ),
    "problem.deputy-self": (
        "die Rolle nennt sich selbst als Vertretung ('deputy'); bitte eine andere Rolle eintragen",
        "the role names itself as its deputy; please name another role",
    ),
    "problem.invalid-username": (
        "Benutzername '{name}' ist ungültig: erlaubt sind Buchstaben, Ziffern, '_', '.' und "
        "'-' (Gruppen als 'gruppe/untergruppe')",
        "user name '{name}' is invalid: letters, digits, '_', '.' and '-' are allowed "
        "(groups as 'group/subgroup')",
    ),
    "cli.invalid-fallback": (
        "--fallback '{name}' ist kein gültiger Benutzer- oder Gruppenname (erlaubt sind "
        "Buchstaben, Ziffern, '_', '.', '-' und '/')",
        "--fallback '{name}' is not a valid user or group name (letters, digits, '_', '.', "
        "'-' and '/' are allowed)",
    ),
    "history.revision-with-path": (
        "'{rev}' enthält einen Dateipfad (':'); verglichen werden ganze Versionen wie "
        "main..HEAD, der Inhaltsordner wird mit --content gewählt",
        "'{rev}' contains a file path (':'); whole revisions such as main..HEAD are "
        "compared, the content folder is chosen with --content",
    ),
    "diagram.simplified-caption": (
        "Vereinfachte Darstellung: der Ablauf ist zu verzweigt für ein Diagramm nach Rollen. "
        "Die Schritte stehen in ihrer Reihenfolge, Sprünge als „→ Schritt“ im Kasten; alle "
        "Einzelheiten in der Tabelle der Schritte.",
        "Simplified view: the flow is too branched for a diagram by role. The steps are shown "
        "in order, jumps as “→ step” in the box; every detail is in the table of steps.",
    ),
    "diagram.simplified-description": (
        "Die Schritte von oben nach unten in ihrer Reihenfolge; Sprünge zu anderen Schritten "
        "stehen als Nummer im Kasten. Die Tabelle der Schritte unten enthält denselben Ablauf "
        "als Text.",
        "The steps top to bottom in their order; jumps to other steps are given as a number "
        "in the box. The table of steps below contains the same flow as text.",
    ),
    "diagram.simplified-after-failure": (
        "Diagramm vereinfacht gezeichnet, weil Graphviz das vollständige nicht zeichnen "
        "konnte: {detail}",
        "diagram drawn simplified because Graphviz could not draw the full one: {detail}",
    ),
    "problem.yaml-syntax-tab": (
        "YAML-Syntaxfehler: Tabulatorzeichen in der Einrückung; bitte mit Leerzeichen einrücken",
        "YAML syntax error: a tab character in the indentation; please indent with spaces",
    ),
    "problem.yaml-syntax-bad-start": (
        "YAML-Syntaxfehler: dieses Zeichen kann keinen Wert beginnen (z. B. @ oder `); "
        "bitte den Wert in Anführungszeichen setzen",
        "YAML syntax error: this character cannot start a value (e.g. @ or `); please put "
        "the value in quotes",
    ),
    "problem.yaml-syntax-escape": (
        "YAML-Syntaxfehler: ungültige Escape-Folge mit \\ in doppelten Anführungszeichen; "
        "einfache Anführungszeichen nehmen den Text wörtlich",
        "YAML syntax error: an invalid escape sequence with \\ in double quotes; single "
        "quotes take the text literally",
    ),
    "problem.yaml-syntax-documents": (
        "YAML-Syntaxfehler: die Datei enthält mehr als ein YAML-Dokument ('---'); erlaubt "
        "ist eines je Datei",
        "YAML syntax error: the file holds more than one YAML document ('---'); one per file "
        "is allowed",
    ),
    "problem.yaml-syntax-structure": (
        "YAML-Syntaxfehler: hier ist kein Schlüssel, Listeneintrag oder Wert erlaubt – stimmt "
        "die Einrückung?",
        "YAML syntax error: no key, list entry or value is allowed here – is the indentation "
        "right?",
    ),
    "problem.yaml-syntax-line-end": (
        "YAML-Syntaxfehler: nach dem Wert ist ein Leerzeichen oder ein Zeilenende erwartet "
        "– fehlen Anführungszeichen?",
        "YAML syntax error: a space or the end of the line is expected after the value – are "
        "quotes missing?",
    ),
    "problem.yaml-syntax-block": (
        "YAML-Syntaxfehler: ungültige Angabe nach | oder > (die Einrückung darf nicht 0 sein)",
        "YAML syntax error: an invalid indicator after | or > (the indentation cannot be 0)",
    ),
    "problem.yaml-syntax-tag": (
        "YAML-Syntaxfehler: ungültiges Tag oder ungültiger Anker (mit ! oder &); bitte den "
        "Wert in Anführungszeichen setzen",
        "YAML syntax error: an invalid tag or anchor (with ! or &); please put the value in quotes",
    ),
    "problem.yaml-syntax-directive": (
        "YAML-Syntaxfehler: ungültige Direktive (eine Zeile mit %); Inhaltsdateien brauchen keine",
        "YAML syntax error: an invalid directive (a line with %); content files need none",
    ),
    "problem.yaml-syntax-other": (
        "YAML-Syntaxfehler: die Datei ist kein gültiges YAML; bitte Einrückung, Doppelpunkte "
        "und Anführungszeichen prüfen",
        "YAML syntax error: the file is not valid YAML; please check indentation, colons and "
        "quotes",
    ),
    "problem.yaml-key-structure": (
        "ein Schlüssel muss ein einfacher Text sein, keine Liste und keine Zuordnung",
        "a key must be plain text, not a list or a mapping",
    ),
    "problem.invalid-value-unknown": (
        "ungültiger Wert in '{field}'; was das Feld erwartet, steht in der Referenz "
        "(„Mitmachen → Inhaltsformat“)",
        "invalid value in '{field}'; the reference (“Mitmachen → Inhaltsformat”) says what "
        "the field expects",
    ),
}
