"""Texts of the finder, the search and the status marks (badges and banners)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # The fact line "Status" on a process page.
    "standing.fact.draft": ("Entwurf – noch nicht freigegeben", "draft – not yet approved"),
    "standing.fact.to-be": ("Soll-Prozess – noch umzusetzen", "to-be – still to be implemented"),
    # The banner at the top of a process page that is not in force.
    "standing.banner.draft": (
        "Entwurf – noch nicht freigegeben. So wird heute noch nicht gearbeitet.",
        "Draft – not yet approved. This is not how the work is done today.",
    ),
    "standing.banner.to-be": (
        "Soll-Prozess – noch umzusetzen.",
        "To-be process – still to be implemented.",
    ),
    "standing.banner.to-be-due": (
        "Soll-Prozess – umzusetzen bis {date}.",
        "To-be process – to be implemented by {date}.",
    ),
    "standing.banner.retired": ("Außer Kraft.", "Repealed."),
    "standing.banner.retired-since": ("Außer Kraft seit {date}.", "Repealed since {date}."),
    "standing.banner.valid-today": ("Heute gilt", "In force today"),
    "standing.banner.label": ("Hinweis zum Status", "Status notice"),
    # Lists that keep repealed processes apart.
    "standing.retired-apart": (
        "Außer Kraft (nur zur Nachvollziehbarkeit alter Vorgänge):",
        "Repealed (kept only to trace old cases):",
    ),
    "review.not-required": ("keine Prüfung nötig (außer Kraft)", "no review needed (repealed)"),
    # The finder "Wer ist zuständig?".
    "answer.label": (
        "Was möchten Sie erledigen oder wissen?",
        "What do you need to get done or know?",
    ),
    "answer.placeholder": (
        "z. B. Gewerbeanmeldung, Führerschein, Drucker kaputt",
        "e.g. business registration, driving licence, printer broken",
    ),
    "answer.submit": ("Suchen", "Search"),
    "answer.hint": (
        "Die Antwort nennt, wer es macht – mit Telefon und E-Mail – und wer verantwortlich "
        "ist. Umlaute dürfen als ae, oe, ue und ss geschrieben werden, ein Tippfehler je Wort "
        "wird verziehen, mehrere Wörter müssen alle vorkommen.",
        "The answer names who does it – with phone and e-mail – and who is accountable. "
        "One typo per word is forgiven; several words must all occur.",
    ),
    "answer.count.one": ("1 Treffer für „{query}“", "1 match for “{query}”"),
    "answer.count.other": ("{count} Treffer für „{query}“", "{count} matches for “{query}”"),
    "answer.none": (
        "Keine Treffer für „{query}“. Versuchen Sie ein anderes oder kürzeres Wort.",
        "No matches for “{query}”. Try another or a shorter word.",
    ),
    "answer.empty": (
        "{count} Prozesse und Rollen. Geben Sie ein Stichwort ein, um zu sehen, wer zuständig ist.",
        "{count} processes and roles. Enter a word to see who is responsible.",
    ),
    "answer.doer": ("Zuständig", "Does the work"),
    "answer.more": ("Weitere Treffer anzeigen (noch {count})", "Show more matches ({count} left)"),
    "answer.loading": ("Die Antworten werden geladen …", "Loading the answers …"),
    "answer.failed": (
        "Die Antworten konnten nicht geladen werden. Bitte laden Sie die Seite neu.",
        "The answers could not be loaded. Please reload the page.",
    ),
    "answer.noscript": (
        "Die Suche nach Zuständigkeiten braucht JavaScript. Ohne finden Sie alle Einträge in "
        "den Listen:",
        "Finding who is responsible needs JavaScript. Without it, every entry is in the lists:",
    ),
    # "Was ist neu".
    "news.filter-all": ("alle", "all"),
    "news.count.one": ("1 Änderung für diese Auswahl", "1 change for this choice"),
    "news.count.other": ("{count} Änderungen für diese Auswahl", "{count} changes for this choice"),
    "news.and-more": ("und {count} weitere", "and {count} more"),
    # The feedback line on every entity page.
    "feedback.lead": ("Fehler oder Frage?", "Mistake or question?"),
    "feedback.to": ("Hinweis an {role}", "Tell {role}"),
    "feedback.mail": ("E-Mail", "e-mail"),
    "feedback.issue": ("neues Ticket", "new issue"),
    "feedback.issue-plain": ("Hinweis als neues Ticket", "Report as a new issue"),
    "feedback.ask": ("Bitte wenden Sie sich an", "Please contact"),
    "feedback.subject": ("Hinweis zu „{title}“", "Note on “{title}”"),
    # Changes in words: a metric whose key was renamed, value unchanged.
    "rename.metric": ("Kennzahl {old} umbenannt in {new}", "Metric {old} renamed to {new}"),
    # The last review on a process page.
    "reviewed.last": ("zuletzt geprüft am {date}", "last reviewed on {date}"),
    "reviewed.last-by": (
        "zuletzt geprüft am {date}, bestätigt von {author}",
        "last reviewed on {date}, confirmed by {author}",
    ),
    "build.phase.search": ("Suchindex ergänzen", "completing the search index"),
}
