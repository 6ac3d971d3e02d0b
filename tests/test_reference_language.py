"""The content format reference and the authors' guide in the handbook's language.

Field descriptions are written German and English side by side in ``model.py``; the
published JSON Schema keeps only the German ones, the reference page shows either.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, get_args

import pytest
from bs4 import BeautifulSoup

from pagebuild import page_context
from prozesshandbuch.content.model import DESCRIPTION_EN, EntityKind
from prozesshandbuch.content.schema import TITLE_EN, annotated_schema, json_schema
from prozesshandbuch.interop.handbook_json import document_schema
from prozesshandbuch.pages.guide_page import guide_text, render_guide
from prozesshandbuch.pages.reference_page import render_reference

KINDS: tuple[EntityKind, ...] = get_args(EntityKind)


def _described(kind: EntityKind) -> list[tuple[str, dict[str, Any]]]:
    """Every object of the kind's schema and every field of each, by a readable name."""
    schema = annotated_schema(kind)
    objects = {kind: schema, **schema.get("$defs", {})}
    found = []
    for name, spec in objects.items():
        if spec.get("type") != "object":
            continue  # enums: their values are listed in the field's description
        found.append((name, spec))
        found.extend((f"{name}.{field}", s) for field, s in spec["properties"].items())
    return found


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_and_object_has_an_english_description(kind: EntityKind) -> None:
    described = _described(kind)
    assert len(described) > 5
    for name, spec in described:
        german, english = spec.get("description"), spec.get(DESCRIPTION_EN)
        assert german, f"{kind}: {name} has no German description"
        assert english, f"{kind}: {name} has no English description"
        assert english != german, f"{kind}: {name} is not translated"
        assert not re.search(r"[äöüß]|Kennung", english), f"{kind}: {name}: {english}"
    assert annotated_schema(kind)[TITLE_EN]


def _keys(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node).union(*(_keys(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_keys(v) for v in node))
    return set()


def test_published_schemas_carry_only_the_german_texts() -> None:
    for schema in [*(json_schema(kind) for kind in KINDS), document_schema()]:
        assert DESCRIPTION_EN not in _keys(schema)
        assert TITLE_EN not in _keys(schema)
    assert "title" in json_schema("process")["properties"]  # a field named like a key stays


FILES = {
    "content/units/amt.yml": "title: Amt\n",
    "content/roles/leitung.yml": "title: Leitung\nunit: amt\n",
    "content/processes/antrag.yml": (
        "title: Antrag\nowner: leitung\nsteps:\n  - title: Prüfen\n    role: leitung\n"
    ),
}


def _reference(tmp_path: Path, language: str) -> BeautifulSoup:
    page = render_reference(page_context(tmp_path, FILES, language=language))
    return BeautifulSoup(page.markdown, "html.parser")


def _meanings(soup: BeautifulSoup) -> dict[str, str]:
    """Field name -> meaning, of the first table (the process's own fields)."""
    rows = soup.select("table")[0].select("tbody tr")
    return {r.select("td")[0].get_text(): r.select("td")[3].get_text() for r in rows}


def test_english_reference_shows_english_descriptions(tmp_path: Path) -> None:
    soup = _reference(tmp_path, "en")
    meanings = _meanings(soup)
    assert meanings["title"] == "Name of the process"
    assert meanings["owner"] == ("Role responsible for the process (A), exactly one (id of a role)")
    assert meanings["id"] == "Optional; must match the file name (without .yml)"
    text = soup.get_text()
    assert "A step: who does what, with which systems" in text
    assert "## Organisational unit" in text
    assert "Kennung" not in text
    assert "Name des Prozesses" not in text


@pytest.mark.parametrize("language", ["de", "fr"])
def test_german_reference_is_unchanged(tmp_path: Path, language: str) -> None:
    soup = _reference(tmp_path, language)
    meanings = _meanings(soup)
    assert meanings["title"] == "Name des Prozesses"
    assert meanings["owner"] == (
        "Prozessverantwortliche Rolle (A), genau eine (Kennung einer Rolle)"
    )
    assert "## Organisationseinheit" in soup.get_text()
    assert "Name of the process" not in soup.get_text()


def test_guide_in_each_language_unknown_reads_german(tmp_path: Path) -> None:
    german, english = guide_text("de"), guide_text("en")
    assert guide_text("fr") == german
    for language, expected in (("de", german), ("en", english), ("fr", german)):
        page = render_guide(page_context(tmp_path / language, FILES, language=language))
        assert page.markdown.endswith(expected)
    assert english.startswith("# Guide: maintaining the handbook in the browser\n")


def _skeleton(markdown: str) -> dict[str, list[str]]:
    """What both versions must share: images, link targets, code, and the outline."""
    return {
        "images": re.findall(r"!\[[^\]]*\]\(([^)]+)\)", markdown),
        "links": re.findall(r"(?<!!)\[[^\]]*\]\(([^)]+)\)", markdown),
        "headings": [m.count("#") * "#" for m in re.findall(r"^#+ ", markdown, re.M)],
        "table rows": [str(line.count("|")) for line in markdown.splitlines() if "|" in line],
        "list items": re.findall(r"^ *(?:\d+\.|-) ", markdown, re.M),
        "paths": sorted(set(re.findall(r"`(/[a-z]+/)<", markdown))),
        "commands": re.findall(r"`((?:make|prozesshandbuch) [a-z]+)", markdown),
    }


def test_english_guide_has_the_shape_of_the_german_one() -> None:
    german, english = _skeleton(guide_text("de")), _skeleton(guide_text("en"))
    assert english == german
    assert len(german["images"]) == 2
    assert german["links"] == ["referenz.md"]
