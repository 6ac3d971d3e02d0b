"""Why git could not give (all of) the change history."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "history.git-missing": (
        "das Programm git wurde nicht gefunden; bitte git installieren",
        "the git program was not found; please install git",
    ),
    "history.not-a-repository": (
        "{path} liegt nicht in einem Git-Repository",
        "{path} is not inside a git repository",
    ),
    "history.bare-repository": (
        "{path} ist ein Git-Repository ohne Arbeitsverzeichnis",
        "{path} is a git repository without a working tree",
    ),
    "history.outside-repository": (
        "der Inhaltsordner {path} liegt außerhalb des Git-Repositorys {repo}",
        "the content folder {path} is outside the git repository {repo}",
    ),
    "history.dubious-ownership": (
        "git verweigert den Zugriff auf {path}, weil das Verzeichnis einem anderen Benutzer "
        "gehört ('dubious ownership'); freigeben mit: git config --global --add safe.directory "
        "{path}",
        "git refuses to access {path} because the folder belongs to another user ('dubious "
        "ownership'); allow it with: git config --global --add safe.directory {path}",
    ),
    "history.no-commits": (
        "das Git-Repository hat noch keine Commits",
        "the git repository has no commits yet",
    ),
    "history.shallow": (
        "flacher Git-Klon (shallow clone); für die ganze Historie 'git fetch --unshallow' "
        "ausführen oder in der CI die volle Tiefe laden (GitLab: GIT_DEPTH: 0, GitHub Actions: "
        "fetch-depth: 0)",
        "shallow git clone; for the full history run 'git fetch --unshallow' or fetch the full "
        "depth in CI (GitLab: GIT_DEPTH: 0, GitHub Actions: fetch-depth: 0)",
    ),
    "history.bad-revision": (
        "unbekannte Version '{rev}' (erwartet: Commit, Branch oder Tag, z. B. main..HEAD)",
        "unknown revision '{rev}' (expected a commit, branch or tag, e.g. main..HEAD)",
    ),
    "history.git-failed": ("git meldet: {detail}", "git reports: {detail}"),
    "history.prefix.unavailable": (
        "Änderungshistorie nicht verfügbar",
        "change history unavailable",
    ),
    "history.prefix.incomplete": ("Änderungshistorie unvollständig", "change history incomplete"),
    "history.prefix.empty": ("Änderungshistorie leer", "change history empty"),
}
