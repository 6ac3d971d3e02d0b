"""Reading XML that comes from outside: hardened, bounded, with positioned errors.

BPMN files come from other tools and other people. The parser never resolves
entities, never loads a DTD and never touches the network; a file with a DOCTYPE is
refused outright (BPMN needs none, and it is how XXE and entity-expansion bombs
arrive); a file above the size limit is not read at all.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from .notices import ImportRefusedError, Notice

MAX_BYTES = 10 * 1024 * 1024
"""Larger than any real process model; a bigger file is refused before parsing."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=True,
    )


def read_xml(path: Path, shown: str) -> etree._Element:
    """The root element of ``path``; ``shown`` is the path used in messages."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ImportRefusedError(
            [Notice(shown, 1, "interop.cannot-read", {"reason": error.strerror or str(error)})]
        ) from None
    if size > MAX_BYTES:
        raise ImportRefusedError(
            [
                Notice(
                    shown,
                    1,
                    "interop.too-large",
                    {"size": size // (1024 * 1024), "limit": MAX_BYTES // (1024 * 1024)},
                )
            ]
        )
    data = path.read_bytes()
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data or _utf16_doctype(data):
        raise ImportRefusedError([Notice(shown, _line_of(data, b"<!"), "interop.doctype")])
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        line = error.lineno or 1
        column = error.offset or 1
        raise ImportRefusedError(
            [Notice(shown, line, "interop.xml-syntax", {"detail": error.msg}, column=column)]
        ) from None
    if root.getroottree().docinfo.internalDTD is not None:  # a spelling the check missed
        raise ImportRefusedError([Notice(shown, 1, "interop.doctype")])
    return root


def _utf16_doctype(data: bytes) -> bool:
    """A DOCTYPE in a UTF-16 file, which the byte check above cannot see."""
    if data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        return False
    try:
        return "<!DOCTYPE" in data.decode("utf-16") or "<!ENTITY" in data.decode("utf-16")
    except UnicodeDecodeError:
        return False


def _line_of(data: bytes, needle: bytes) -> int:
    position = data.find(b"<!DOCTYPE")
    if position < 0:
        position = data.find(needle)
    return data.count(b"\n", 0, max(position, 0)) + 1
