"""The changes in words as one comment in a GitLab merge request, kept up to date.

Runs inside a merge request pipeline: GitLab's predefined variables name the API, the
project and the merge request; a project access token in a CI/CD variable authorises
the call. Each pipeline updates the comment it wrote before (found by an invisible
marker) instead of adding another, so the merge request shows one current description.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

MARKER = "<!-- prozesshandbuch:aenderungen-in-worten -->"
"""First line of the comment; how a later pipeline finds it again."""

DEFAULT_TOKEN_VARIABLE = "PROZESSHANDBUCH_NOTE_TOKEN"

# GitLab refuses notes over 1,000,000 characters; the full text stays in the artifact.
MAX_BODY = 900_000

_TIMEOUT_SECONDS = 30


class NoteError(Exception):
    """The API refused or could not be reached; the message is safe to print."""


@dataclass(frozen=True)
class MergeRequest:
    """Where the comment goes, read from GitLab's predefined CI/CD variables."""

    api_url: str
    project_id: str
    iid: str
    token: str = ""

    @classmethod
    def from_environment(
        cls, environment: Mapping[str, str], token_variable: str = DEFAULT_TOKEN_VARIABLE
    ) -> MergeRequest | None:
        """The merge request of this pipeline, or None outside a merge request pipeline."""
        api = environment.get("CI_API_V4_URL", "")
        project = environment.get("CI_PROJECT_ID", "")
        iid = environment.get("CI_MERGE_REQUEST_IID", "")
        if not (api and project and iid):
            return None
        return cls(api.rstrip("/"), project, iid, environment.get(token_variable, ""))

    @property
    def notes_url(self) -> str:
        project = urllib.parse.quote(self.project_id, safe="")
        iid = urllib.parse.quote(self.iid, safe="")
        return f"{self.api_url}/projects/{project}/merge_requests/{iid}/notes"


def note_body(report: str, artifact_hint: str) -> str:
    """The comment text: marker, report, and a pointer to the artifact if cut short."""
    if len(report) > MAX_BODY:
        report = report[:MAX_BODY].rsplit("\n", 1)[0] + f"\n\n… {artifact_hint}\n"
    return f"{MARKER}\n{report}"


def publish_note(merge_request: MergeRequest, body: str) -> Literal["created", "updated"]:
    """Create the comment, or update the one an earlier pipeline wrote."""
    existing = _find_own_note(merge_request)
    if existing is None:
        _request(merge_request, "POST", merge_request.notes_url, {"body": body})
        return "created"
    _request(merge_request, "PUT", f"{merge_request.notes_url}/{existing}", {"body": body})
    return "updated"


def _find_own_note(merge_request: MergeRequest) -> int | None:
    query = urllib.parse.urlencode({"sort": "desc", "order_by": "updated_at", "per_page": 100})
    notes = _request(merge_request, "GET", f"{merge_request.notes_url}?{query}")
    if not isinstance(notes, list):
        raise NoteError("unexpected answer: not a list of notes")
    for note in notes:
        if isinstance(note, dict) and str(note.get("body", "")).startswith(MARKER):
            note_id = note.get("id")
            if isinstance(note_id, int):
                return note_id
    return None


def _request(
    merge_request: MergeRequest, method: str, url: str, payload: dict[str, str] | None = None
) -> object:
    data = json.dumps(payload).encode("utf-8") if payload is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("PRIVATE-TOKEN", merge_request.token)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=_TIMEOUT_SECONDS) as response:
            text = response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        # The reason only: the answer's body could echo the request, token included.
        raise NoteError(f"{method} {url}: HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        raise NoteError(f"{method} {url}: {reason}") from None
    try:
        return json.loads(text) if text else None
    except json.JSONDecodeError:
        raise NoteError(f"{method} {url}: answer is not JSON") from None
