"""The page memo on disk: the next ``mkdocs build`` reuses the entity pages of the last
one, gives the same pages as a full rendering, and ignores a file it cannot trust."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from browser_support import REPO_ROOT
from conftest import MINIMAL
from pagebuild import content_context
from prozesshandbuch.pages import build_pages, memo_store
from prozesshandbuch.pages.memo import PageMemo
from prozesshandbuch.pages.memo_store import load_memo, memo_stamp, save_memo
from sitebuild import make_project, mkdocs_build
from test_incremental import assert_same_site, run_session

STAMP = memo_stamp({"plugin": {"language": "de"}})


@pytest.fixture
def demo_content(tmp_path: Path) -> Path:
    return Path(shutil.copytree(REPO_ROOT / "content", tmp_path / "content"))


def _markdown(pages: list) -> dict[str, str]:
    return {page.src: page.markdown for page in pages}


def test_a_saved_memo_gives_the_pages_of_a_full_rendering(
    demo_content: Path, tmp_path: Path
) -> None:
    ctx = content_context(demo_content, tmp_path)
    first = PageMemo()
    first.pages(ctx, build_pages)
    save_memo(first, tmp_path / "pages.json", STAMP)

    # Unchanged: a new process takes every entity page from the file.
    unchanged = PageMemo()
    assert load_memo(unchanged, tmp_path / "pages.json", STAMP)
    pages = unchanged.pages(ctx, build_pages)
    assert unchanged.rendered == 0
    assert unchanged.reused == len(ctx.handbook.paths)
    assert _markdown(pages) == _markdown(build_pages(ctx))

    # A holder's name changes: the pages that show it are rendered, the rest reused.
    role = demo_content / "roles/sachbearbeitung-buergerbuero.yml"
    data = yaml.safe_load(role.read_text(encoding="utf-8"))
    data["holders"][0]["name"] = "Jana Neumann"
    role.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    edited = content_context(demo_content, tmp_path)
    after = PageMemo()
    assert load_memo(after, tmp_path / "pages.json", STAMP)
    pages = after.pages(edited, build_pages)
    assert 0 < after.rendered < len(edited.handbook.paths)
    assert _markdown(pages) == _markdown(build_pages(edited))
    assert any("Jana Neumann" in page.markdown for page in pages)


def _saved(tmp_path: Path, demo_content: Path) -> Path:
    memo = PageMemo()
    memo.pages(content_context(demo_content, tmp_path), build_pages)
    save_memo(memo, tmp_path / "pages.json", STAMP)
    return tmp_path / "pages.json"


def _damage(path: Path, change: str) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    if change == "stamp":
        data["stamp"] = memo_stamp({"plugin": {"language": "en"}})
    elif change == "format":
        data["format"] = memo_store.FORMAT + 1
    elif change == "kind":
        data["memo"]["entities"][0][0] = "prozess"
    elif change == "page":
        data["memo"]["pages"][3]["markdown"] = None
    elif change == "key":
        data["memo"]["global_key"] = "not hex"
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("change", ["stamp", "format", "kind", "page", "key"])
def test_a_file_of_another_stamp_or_shape_is_ignored_whole(
    demo_content: Path, tmp_path: Path, change: str
) -> None:
    path = _saved(tmp_path, demo_content)
    _damage(path, change)
    memo = PageMemo()
    assert not load_memo(memo, path, STAMP)
    assert memo.empty


def test_a_cut_or_missing_file_is_ignored(demo_content: Path, tmp_path: Path) -> None:
    path = _saved(tmp_path, demo_content)
    path.write_bytes(path.read_bytes()[:1000])
    memo = PageMemo()
    assert not load_memo(memo, path, STAMP)
    assert not load_memo(memo, tmp_path / "missing.json", STAMP)
    assert memo.empty


def test_the_stamp_follows_the_code_and_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = {"plugin": {"language": "de", "show_holders": True}}
    before = memo_stamp(settings)
    assert memo_stamp({"plugin": {"language": "de", "show_holders": False}}) != before
    monkeypatch.setattr(memo_store, "code_fingerprint", lambda: "another version")
    assert memo_stamp(settings) != before


# -- real builds ---------------------------------------------------------------------------


def _build(project: Path, site: str) -> str:
    done = mkdocs_build(project, "-d", site, env={"PROZESSHANDBUCH_TODAY": "2026-11-30"})
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stderr


def _reused_line(log: str) -> str:
    return next(line for line in log.splitlines() if "Seitenquellen" in line)


def test_the_next_build_reuses_pages_and_writes_the_same_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", MINIMAL)
    first = _build(project, "site-1")
    assert "übernommen" not in _reused_line(first)
    assert (project / ".cache/prozesshandbuch/pages.json").is_file()
    second = _build(project, "site-2")
    # MINIMAL has four entities: two roles, a unit, a process.
    assert "(4 unverändert aus dem letzten Bau übernommen)" in _reused_line(second)
    assert_same_site(project / "site-2", project / "site-1")


def test_other_settings_render_every_page_again(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", MINIMAL)
    config = project / "mkdocs.yml"
    _build(project, "site-1")

    def add_option(option: str) -> None:
        text = config.read_text(encoding="utf-8")
        config.write_text(
            text.replace("strict_history: false", f"strict_history: false\n      {option}"),
            encoding="utf-8",
        )

    # An option the page sources do not show is still part of the stamp.
    add_option("content_security_policy: false")
    assert "übernommen" not in _reused_line(_build(project, "site-2"))
    assert "übernommen" in _reused_line(_build(project, "site-3"))

    # An option the pages show: the holders' names go.
    add_option("show_holders: false")
    assert "übernommen" not in _reused_line(_build(project, "site-4"))
    assert "Erika Muster" in (project / "site-3/rollen/leitung/index.html").read_text("utf-8")
    assert "Erika Muster" not in (project / "site-4/rollen/leitung/index.html").read_text("utf-8")


def test_a_serve_session_leaves_its_memo_for_the_next_build(tmp_path: Path) -> None:
    # serve rewrites site_url and saves the memo only when it shuts down.
    project = make_project(tmp_path / "p", MINIMAL)
    run_session(project, tmp_path / "served", [{}])
    assert (project / ".cache/prozesshandbuch/pages.json").is_file()
    assert "(4 unverändert aus dem letzten Bau übernommen)" in _reused_line(_build(project, "site"))
