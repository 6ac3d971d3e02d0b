"""The page memo of ``mkdocs serve``: after each kind of edit, the pages it reuses and
renders together are exactly the pages a full rendering gives, and an edit that concerns
few pages renders few pages (in-process, on a copy of the demo handbook)."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from browser_support import REPO_ROOT
from pagebuild import content_context
from prozesshandbuch.pages import PageContext, build_pages
from prozesshandbuch.pages.memo import PageMemo

Edit = Callable[[Path], None]


def _context(content: Path) -> PageContext:
    return content_context(content, content.parent)


def _change(path: str, change: Callable[[dict[str, Any]], None]) -> Edit:
    def edit(content: Path) -> None:
        file = content / path
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        change(data)
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")

    return edit


def _step(process: str, index: int, **fields: Any) -> Edit:
    return _change(f"processes/{process}.yml", lambda d: d["steps"][index].update(fields))


def _set(path: str, **fields: Any) -> Edit:
    return _change(path, lambda d: d.update(fields))


def _append(path: str, key: str, value: Any) -> Edit:
    return _change(path, lambda d: d.setdefault(key, []).append(value))


def _new_system(content: Path) -> None:
    (content / "systems/neu.yml").write_text("title: Neues System\n", encoding="utf-8")


def _holder(role: str, name: str) -> Edit:
    return _change(f"roles/{role}.yml", lambda d: d["holders"][0].update(name=name))


EDITS: dict[str, tuple[Edit, bool]] = {
    # name: (edit, whether it concerns few pages: title and status marks show everywhere)
    "step-title": (_step("reisepass-beantragen", 1, title="Identität sorgfältig prüfen"), True),
    "step-role": (_step("reisepass-beantragen", 1, role="sachbearbeitung-gewerbeamt"), True),
    "step-system": (_step("reisepass-beantragen", 1, systems=["dms"]), True),
    "step-consulted": (_step("reisepass-beantragen", 1, consulted=["poststelle"]), True),
    "owner": (_set("processes/reisepass-beantragen.yml", owner="leitung-gewerbeamt"), True),
    "category": (_set("processes/reisepass-beantragen.yml", category="support"), True),
    "holder": (_holder("sachbearbeitung-buergerbuero", "Jana Neumann"), True),
    "phone": (_set("roles/leitung-buergerbuero.yml", phone="0123 4567-999"), True),
    "deputy": (_set("roles/sachbearbeitung-gewerbeamt.yml", deputy="poststelle"), True),
    "onboarding": (
        _append("roles/poststelle.yml", "onboarding", "reisepass-beantragen"),
        True,
    ),
    "unit-parent": (_set("units/gewerbeamt.yml", parent="fb-finanzen"), True),
    "unit-contact": (_set("units/buergerbuero.yml", contact="buergerbuero@example.org"), True),
    "system-owner": (_set("systems/dms.yml", owner="poststelle"), True),
    "process-title": (_set("processes/reisepass-beantragen.yml", title="Pass beantragen"), False),
    "retired": (_set("processes/reisepass-beantragen.yml", status="retired"), False),
    "new-entity": (_new_system, False),
    # Spelled like the demo's "Ausweisdokumente" and sorted before it, this tag takes its
    # page name; pages far from the edited process link to the renamed page.
    "tag-taking-a-name": (
        _append("processes/haushaltsplanung.yml", "tags", "AUSWEISDOKUMENTE"),
        False,
    ),
}


@pytest.fixture(scope="module")
def demo_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("memo-demo")
    shutil.copytree(REPO_ROOT / "content", base / "content")
    return base / "content"


@pytest.fixture(scope="module")
def primed(demo_content: Path) -> PageMemo:
    """A memo after the first build of the demo (paths are relative to the project, so
    it serves every copy); each test works on its own copy of it."""
    memo = PageMemo()
    memo.pages(_context(demo_content), build_pages)
    return memo


@pytest.mark.parametrize("name", list(EDITS))
def test_reused_and_rendered_pages_equal_a_full_rendering(
    tmp_path: Path, demo_content: Path, primed: PageMemo, name: str
) -> None:
    content = tmp_path / "content"
    shutil.copytree(demo_content, content)
    memo = copy.copy(primed)

    edit, concerns_few = EDITS[name]
    edit(content)
    after = _context(content)
    remembered = memo.pages(after, build_pages)

    full = build_pages(after)
    assert [p.src for p in remembered] == [p.src for p in full]
    for got, expected in zip(remembered, full, strict=True):
        assert got == expected, f"{got.src} differs from a full rendering after {name}"
    entity_pages = len(full) - len(build_pages(after, lambda kind, entity_id: False))
    if concerns_few:
        assert 0 < memo.rendered < entity_pages, memo.rendered
    else:
        assert memo.rendered == entity_pages, memo.rendered


def test_unchanged_handbook_renders_no_entity_page(demo_content: Path) -> None:
    memo = PageMemo()
    memo.pages(_context(demo_content), build_pages)
    assert memo.rendered > 0  # the first build renders every entity page
    memo.pages(_context(demo_content), build_pages)
    assert memo.rendered == 0
