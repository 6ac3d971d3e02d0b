"""A CODEOWNERS file that routes each content file's merge requests to its owners.

Who reviews a change is who is accountable for the content: a process goes to the current
holders of its owner role, a role to its own holders, a unit to the holders of its head
role, a system to the holders of its owner role. Holders are matched by their forge
``username``. When that role has nobody with a username, its deputy role's people review;
when they are missing too, the configured fallback owners (an editorial group) do. Each
such file also gets a comment line saying why, so the gap stays visible.

GitLab and GitHub read the same line syntax (``/path @user1 @user2``, paths anchored at
the repository root by a leading ``/``); only GitLab knows sections (``[Prozesse]``).
The text depends only on the content and the day, so ``--check`` in CI can compare it
with the committed file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from ..analysis.relations import accountable_role
from ..content.model import USERNAME_PATTERN, EntityKind, Handbook, Role
from ..i18n import DEFAULT_LANGUAGE, text

Forge = Literal["gitlab", "github"]

DEFAULT_PATHS: dict[Forge, str] = {
    "gitlab": ".gitlab/CODEOWNERS",
    "github": ".github/CODEOWNERS",
}
"""Where each forge looks for the file (both also accept other places; these are tidy)."""

# Usernames, or groups and teams such as `@fachbereich/buergerbuero`, `@org/team`.
_USERNAME = re.compile(USERNAME_PATTERN)

_ORDER: tuple[EntityKind, ...] = ("process", "role", "unit", "system")
_SECTIONS: dict[EntityKind, str] = {
    "process": "page.processes",
    "role": "page.roles",
    "unit": "codeowners.section-unit",
    "system": "page.systems",
}


@dataclass(frozen=True)
class Route:
    """Who reviews one content file; no owners means unrouted, with the reason."""

    kind: EntityKind
    path: str
    owners: tuple[str, ...]
    reason: str = ""
    """Why the accountable role's own people do not review it (empty if they do)."""
    deputy: str | None = None
    """The deputy role whose people review it because the accountable role is vacant."""


def routes(handbook: Handbook, today: dt.date, language: str = DEFAULT_LANGUAGE) -> list[Route]:
    """A route for every content file of ``handbook``, sorted by kind and path."""
    found = []
    for kind in _ORDER:
        for entity_id in handbook.entities(kind):
            path = handbook.paths.get((kind, entity_id))
            if path is None:
                continue
            role_id = accountable_role(handbook, kind, entity_id)
            role = handbook.roles.get(role_id) if role_id else None
            owners = _usernames(role, today) if role else ()
            reason, deputy = "", None
            if role_id is None:
                reason = text("codeowners.no-role", language)
            elif role is None:
                reason = text("codeowners.unknown-role", language, role=role_id)
            elif not owners:
                reason = text("codeowners.no-username", language, role=role_id)
                # A vacant role is covered by its deputy, in review as in daily work.
                stand_in = handbook.roles.get(role.deputy) if role.deputy else None
                if stand_in is not None:
                    owners = _usernames(stand_in, today)
                    deputy = stand_in.id if owners else None
            found.append(Route(kind, path, owners, reason, deputy))
    return sorted(found, key=lambda route: (_ORDER.index(route.kind), route.path))


def _usernames(role: Role, today: dt.date) -> tuple[str, ...]:
    names = {
        holder.username.strip().removeprefix("@")
        for holder in role.current_holders(today)
        if holder.username
    }
    # `check` refuses a name with a space or other odd character; should one arrive anyway,
    # it is left out rather than break the line (the file then shows up as unrouted).
    return tuple(sorted(name for name in names if _USERNAME.match(name)))


def regenerate_command(forge: Forge, content: str, fallback: tuple[str, ...] = ()) -> str:
    """The command line that writes this file, for its header and for ``--check`` hints."""
    parts = ["prozesshandbuch codeowners", f"--format {forge}"]
    if content != "content":
        parts.append(f"--content {content}")
    parts += [f"--fallback {name}" for name in _names(fallback)]
    return " ".join(parts)


def invalid_names(usernames: tuple[str, ...]) -> list[str]:
    """The names that cannot stand in a CODEOWNERS line (a space, a line break, ...)."""
    return [name for name in usernames if not _USERNAME.match(name.strip())]


def _names(usernames: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({name.strip().removeprefix("@") for name in usernames if name.strip()}))


def render_codeowners(
    handbook: Handbook,
    today: dt.date,
    forge: Forge = "gitlab",
    *,
    language: str = DEFAULT_LANGUAGE,
    command: str = "prozesshandbuch codeowners",
    fallback: tuple[str, ...] = (),
) -> str:
    """The CODEOWNERS text for ``handbook`` as of ``today``.

    A vacant accountable role hands its files to the people of its deputy role; the
    ``fallback`` owners (e.g. the editorial team) get the files that would still be
    unrouted, so no file is left without reviewers. They are written per file rather
    than as one ``/content/`` line, because GitLab sections add up (a file matched in
    two sections needs both approvals) while GitHub lets the last match win; per-file
    lines mean the same on both.
    """
    extra = _names(fallback)
    lines = [text("codeowners.header", language, command=command), ""]
    current: EntityKind | None = None
    for route in routes(handbook, today, language):
        if route.kind != current:
            if current is not None:
                lines.append("")
            current = route.kind
            section = text(_SECTIONS[route.kind], language)
            lines.append(f"[{section}]" if forge == "gitlab" else f"# {section}")
        if route.deputy:
            lines.append(
                text(
                    "forge.codeowners.via-deputy",
                    language,
                    path=_pattern(route.path),
                    reason=route.reason,
                    deputy=route.deputy,
                )
            )
        elif not route.owners:
            lines.append(
                text(
                    "codeowners.unrouted", language, path=_pattern(route.path), reason=route.reason
                )
            )
        owners = route.owners or extra
        if owners:
            lines.append(f"{_pattern(route.path)} {' '.join(f'@{name}' for name in owners)}")
    return "\n".join(lines).rstrip("\n") + "\n"


def _pattern(path: str) -> str:
    """An anchored CODEOWNERS pattern; spaces escaped, as both forges expect."""
    return "/" + path.lstrip("/").replace(" ", "\\ ")
