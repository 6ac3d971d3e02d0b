"""Hostile and broken BPMN input: a clear message with file and line, exit 1, nothing written.

The parser must neither resolve entities nor touch the network; the tests serve a
would-be external entity from 127.0.0.1 and assert that nothing ever asked for it.
"""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from prozesshandbuch.cli import main
from prozesshandbuch.interop.xml_input import MAX_BYTES, _parser

REPO_ROOT = Path(__file__).resolve().parents[1]
SECRET = "geheimes-passwort-4711"


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: list[str]

    def do_GET(self) -> None:
        self.hits.append(self.path)
        body = f'<!ENTITY leak "{SECRET}">'.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request made to it."""
    hits: list[str] = []
    handler = type("Handler", (_CountingHandler,), {"hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", folder)
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _refused(content: Path, file: Path) -> str:
    before = _snapshot(content)
    result = CliRunner().invoke(main, ["import", "bpmn", str(file), "--content", str(content)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.output.rstrip().endswith("Nichts geschrieben.")
    assert _snapshot(content) == before
    return result.output


MINIMAL_FLOW = """
  <bpmn:process id="p" name="P">
    <bpmn:startEvent id="s"/>
    <bpmn:task id="t" name="{name}"/>
    <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="t"/>
  </bpmn:process>
"""


def _bpmn(prolog: str, name: str = "Aufgabe") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}'
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
        'id="d" targetNamespace="urn:x">'
        f"{MINIMAL_FLOW.format(name=name)}</bpmn:definitions>\n"
    )


def test_malformed_xml_names_line_and_column(content: Path, tmp_path: Path) -> None:
    file = tmp_path / "kaputt.bpmn"
    file.write_text(_bpmn("").replace("</bpmn:process>", "</bpmn:prozess>"), encoding="utf-8")
    output = _refused(content, file)
    assert f"{file}:7:" in output
    assert "kein gültiges XML: Opening and ending tag mismatch" in output


def test_a_file_that_is_not_bpmn(content: Path, tmp_path: Path) -> None:
    file = tmp_path / "tabelle.bpmn"
    file.write_text("<table><tr><td>1</td></tr></table>\n", encoding="utf-8")
    output = _refused(content, file)
    assert f"{file}:1:1: keine BPMN-2.0-Datei: das Wurzelelement ist table statt" in output


def test_bpmn_without_any_flow(content: Path, tmp_path: Path) -> None:
    file = tmp_path / "leer.bpmn"
    file.write_text(
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
        'id="d" targetNamespace="urn:x"><bpmn:process id="p"/></bpmn:definitions>',
        encoding="utf-8",
    )
    output = _refused(content, file)
    assert f"{file}:1:1: die Datei enthält keinen Prozess mit Ablauf" in output


def test_external_entity_xxe_is_refused_and_never_read(content: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    file = tmp_path / "xxe.bpmn"
    prolog = f'<!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
    file.write_text(_bpmn(prolog, name="&xxe;"), encoding="utf-8")
    output = _refused(content, file)
    assert f"{file}:2:1: DOCTYPE- und ENTITY-Deklarationen sind nicht erlaubt" in output
    assert SECRET not in output


def test_entity_expansion_bomb_is_refused(content: Path, tmp_path: Path) -> None:
    entities = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    file = tmp_path / "bombe.bpmn"
    file.write_text(_bpmn(f"<!DOCTYPE d [{entities}]>\n", name="&l9;"), encoding="utf-8")
    output = _refused(content, file)
    assert "DOCTYPE- und ENTITY-Deklarationen sind nicht erlaubt" in output


def test_network_references_are_refused_and_never_fetched(
    content: Path, tmp_path: Path, listener: tuple[str, list[str]]
) -> None:
    base, hits = listener
    file = tmp_path / "netz.bpmn"
    file.write_text(_bpmn(f'<!DOCTYPE d SYSTEM "{base}/bpmn.dtd">\n'), encoding="utf-8")
    output = _refused(content, file)
    assert "DOCTYPE- und ENTITY-Deklarationen sind nicht erlaubt" in output
    assert hits == []


def test_the_parser_itself_resolves_nothing_and_stays_off_the_network(
    listener: tuple[str, list[str]],
) -> None:
    """Defence in depth: even past the DOCTYPE check, lxml is configured safely."""
    base, hits = listener
    document = (
        _bpmn(
            f'<!DOCTYPE d [<!ENTITY % remote SYSTEM "{base}/e.dtd"> %remote;'
            f'<!ENTITY ext SYSTEM "{base}/x">]>\n'
        )
        .replace(
            "</bpmn:definitions>",
            "<bpmn:documentation>&ext;</bpmn:documentation></bpmn:definitions>",
        )
        .encode()
    )
    root = etree.fromstring(document, _parser())
    assert SECRET not in etree.tostring(root, encoding="unicode")
    assert hits == []


def test_an_import_element_pointing_at_a_network_location_is_not_followed(
    content: Path, tmp_path: Path, listener: tuple[str, list[str]]
) -> None:
    base, hits = listener
    file = tmp_path / "import.bpmn"
    file.write_text(
        _bpmn("").replace(
            'targetNamespace="urn:x">',
            'targetNamespace="urn:x"><bpmn:import importType="http://www.w3.org/2001/XMLSchema" '
            f'location="{base}/typen.xsd" namespace="urn:y"/>',
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["import", "bpmn", str(file), "--content", str(content)])
    assert f"{file}:2:1: Warnung: Verweis auf '{base}/typen.xsd' wird nicht geladen" in (
        result.output
    )
    assert hits == []


def test_a_huge_file_is_refused_before_reading(content: Path, tmp_path: Path) -> None:
    file = tmp_path / "riesig.bpmn"
    with file.open("wb") as handle:
        handle.write(_bpmn("").encode())
        handle.write(b" " * (MAX_BYTES + 1))
    output = _refused(content, file)
    assert f"{file}:1:1: Datei ist zu groß (10 MB, höchstens 10 MB)" in output
