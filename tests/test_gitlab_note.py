"""`prozesshandbuch mr-note`: the changes in words as one merge-request comment.

GitLab itself cannot be reached from the tests; a local HTTP server answers the three
calls of GitLab's notes API (list, create, update) as documented, so the real command
makes real HTTP requests up to that boundary.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from prozesshandbuch.tools.gitlab_note import MARKER, MAX_BODY, note_body

NOTES_PATH = "/api/v4/projects/17/merge_requests/5/notes"
TOKEN = "glpat-geheim"


@dataclass
class FakeGitLab:
    """Notes of one merge request, and every request the command made."""

    notes: list[dict[str, object]] = field(default_factory=list)
    requests: list[tuple[str, str, str | None, object]] = field(default_factory=list)
    refuse: bool = False


def _handler(state: FakeGitLab) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def _answer(self, status: int, value: object) -> None:
            body = json.dumps(value).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            payload = json.loads(self.rfile.read(length)) if length else None
            token = self.headers.get("PRIVATE-TOKEN")
            state.requests.append((self.command, self.path, token, payload))
            if state.refuse or token != TOKEN:
                self._answer(401, {"message": "401 Unauthorized"})
                return
            path = self.path.split("?")[0]
            if self.command == "GET" and path == NOTES_PATH:
                self._answer(200, list(reversed(state.notes)))
            elif self.command == "POST" and path == NOTES_PATH:
                assert isinstance(payload, dict)
                note = {"id": 100 + len(state.notes), "body": payload["body"]}
                state.notes.append(note)
                self._answer(201, note)
            elif self.command == "PUT" and path.startswith(NOTES_PATH + "/"):
                assert isinstance(payload, dict)
                note_id = int(path.rsplit("/", 1)[1])
                [note] = [n for n in state.notes if n["id"] == note_id]
                note["body"] = payload["body"]
                self._answer(200, note)
            else:
                self._answer(404, {"message": "404 Not Found"})

        do_GET = do_POST = do_PUT = _handle  # noqa: N815 - names http.server calls

    return Handler


@pytest.fixture
def gitlab() -> Iterator[tuple[FakeGitLab, str]]:
    state = FakeGitLab()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}/api/v4"
    finally:
        server.shutdown()
        server.server_close()


def mr_note(report: Path, api: str | None, token: str | None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CI_")}
    environment.pop("PROZESSHANDBUCH_NOTE_TOKEN", None)
    if api is not None:
        environment |= {"CI_API_V4_URL": api, "CI_PROJECT_ID": "17", "CI_MERGE_REQUEST_IID": "5"}
    if token is not None:
        environment["PROZESSHANDBUCH_NOTE_TOKEN"] = token
    return subprocess.run(
        [sys.executable, "-m", "prozesshandbuch", "mr-note", str(report)],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_first_run_creates_the_comment_and_later_runs_update_it(
    tmp_path: Path, gitlab: tuple[FakeGitLab, str]
) -> None:
    state, api = gitlab
    state.notes.append({"id": 7, "body": "Sieht gut aus!"})
    report = tmp_path / "aenderungen.md"
    report.write_text("## Änderungen\n\n- Schritt 'Prüfen' neu\n", encoding="utf-8")

    first = mr_note(report, api, TOKEN)
    assert first.returncode == 0, first.stderr
    assert "Kommentar im Merge-Request !5 geschrieben" in first.stderr
    report.write_text("## Änderungen\n\n- Schritt 'Prüfen' entfernt\n", encoding="utf-8")
    second = mr_note(report, api, TOKEN)
    assert second.returncode == 0, second.stderr
    assert "aktualisiert" in second.stderr

    assert [(method, path.split("?")[0]) for method, path, _, _ in state.requests] == [
        ("GET", NOTES_PATH),
        ("POST", NOTES_PATH),
        ("GET", NOTES_PATH),
        ("PUT", f"{NOTES_PATH}/101"),
    ]
    assert {token for _, _, token, _ in state.requests} == {TOKEN}
    assert state.notes == [
        {"id": 7, "body": "Sieht gut aus!"},
        {"id": 101, "body": f"{MARKER}\n## Änderungen\n\n- Schritt 'Prüfen' entfernt\n"},
    ]


def test_without_token_only_a_hint_and_success(
    tmp_path: Path, gitlab: tuple[FakeGitLab, str]
) -> None:
    state, api = gitlab
    report = tmp_path / "aenderungen.md"
    report.write_text("nichts\n", encoding="utf-8")
    result = mr_note(report, api, None)
    assert result.returncode == 0
    assert "die Variable PROZESSHANDBUCH_NOTE_TOKEN ist nicht gesetzt" in result.stderr
    assert state.requests == []


def test_refused_token_is_exit_code_3_without_leaking_it(
    tmp_path: Path, gitlab: tuple[FakeGitLab, str]
) -> None:
    state, api = gitlab
    state.refuse = True
    report = tmp_path / "aenderungen.md"
    report.write_text("x\n", encoding="utf-8")
    result = mr_note(report, api, TOKEN)
    assert result.returncode == 3
    assert "HTTP 401" in result.stderr
    assert TOKEN not in result.stderr
    assert "Traceback" not in result.stderr


def test_token_outside_a_merge_request_pipeline(tmp_path: Path) -> None:
    report = tmp_path / "aenderungen.md"
    report.write_text("x\n", encoding="utf-8")
    result = mr_note(report, None, TOKEN)
    assert result.returncode == 2
    assert "keine Merge-Request-Pipeline" in result.stderr


def test_unreachable_api_is_a_clear_line(tmp_path: Path) -> None:
    report = tmp_path / "aenderungen.md"
    report.write_text("x\n", encoding="utf-8")
    # Port 9 (discard) on the loopback: nothing listens there.
    result = mr_note(report, "http://127.0.0.1:9/api/v4", TOKEN)
    assert result.returncode == 3
    assert "Kommentar konnte nicht gespeichert werden" in result.stderr
    assert "Traceback" not in result.stderr


def test_overlong_report_is_cut_at_a_line_with_a_pointer() -> None:
    report = "".join(f"- Zeile {n}\n" for n in range(MAX_BODY // 10))
    body = note_body(report, "gekürzt; vollständig im Artefakt")
    assert len(body) < MAX_BODY + 200
    assert body.startswith(MARKER + "\n- Zeile 0\n")
    assert body.endswith("\n\n… gekürzt; vollständig im Artefakt\n")
    assert body.splitlines()[-3].startswith("- Zeile ")
