"""The feedback line on every entity page: "Fehler oder Frage? Hinweis an <role>".

A hint goes to the role accountable for the page (the same routing as CODEOWNERS): as a
new issue in the forge when the site knows its repository, else as an e-mail to the
role's mailbox with the page in the subject, else the role is named for a call.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from ..analysis.relations import accountable_role
from ..content.model import EntityKind, Handbook


def new_issue_url(repo_url: str, title: str) -> str:
    """The forge's "new issue" form with the title filled in (GitHub or GitLab style)."""
    base = repo_url.rstrip("/")
    if urlsplit(base).hostname == "github.com":
        return f"{base}/issues/new?title={quote(title)}"
    return f"{base}/-/issues/new?issue%5Btitle%5D={quote(title)}"


def feedback_target(
    handbook: Handbook, kind: EntityKind, entity_id: str, subject: str, repo_url: str | None
) -> tuple[str | None, str | None]:
    """(role to tell, link to tell it) for an entity page; either may be None."""
    role_id = accountable_role(handbook, kind, entity_id)
    if kind == "unit":
        # A unit without a head of its own: the head of the nearest unit above it.
        seen = {entity_id}
        unit = handbook.units.get(entity_id)
        while role_id is None and unit is not None and unit.parent and unit.parent not in seen:
            seen.add(unit.parent)
            unit = handbook.units.get(unit.parent)
            role_id = unit.head if unit is not None else None
    role = handbook.roles.get(role_id or "")
    if repo_url and urlsplit(repo_url).scheme in ("http", "https"):
        return role_id if role else None, new_issue_url(repo_url, subject)
    if role is not None and role.contact and "@" in role.contact and " " not in role.contact:
        return role_id, f"mailto:{quote(role.contact, safe='@.+-_')}?subject={quote(subject)}"
    return (role_id if role else None), None
