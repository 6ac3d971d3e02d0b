"""The Content-Security-Policy every page carries (issue 9, defence in depth).

Unit tests for the policy text and its placement; a real build checks that every page
has the policy before its first script and that it allows exactly the theme's own
inline scripts, including on the 404 page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from hostile import (
    inline_script_hashes,
    script_hash,
    site_problems,
)
from prozesshandbuch.build.csp import add_policy_meta, inline_scripts, policy
from sitebuild import make_project, mkdocs_build


def directives(text: str) -> dict[str, list[str]]:
    parsed = {}
    for part in text.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def test_policy_allows_scripts_only_from_the_site_and_by_hash() -> None:
    allowed = "'sha256-AAAA'"
    parsed = directives(policy([allowed, allowed]))
    assert parsed["script-src"] == ["'self'", allowed]
    assert parsed["object-src"] == ["'none'"]
    assert parsed["base-uri"] == ["'self'"]
    assert parsed["default-src"] == ["'self'"]
    assert parsed["style-src"] == ["'self'"]
    assert not any("unsafe" in value for values in parsed.values() for value in values)


def test_only_runnable_inline_scripts_are_collected() -> None:
    fragment = (
        "<script>var a=1</script>"
        '<script src="x.js"></script>'
        '<script id="__config" type="application/json">{"a": 1}</script>'
        "<script type=module>b()</script>"
        "<p>&lt;script&gt;no&lt;/script&gt;</p>"
    )
    assert inline_scripts(fragment) == ["var a=1", "b()"]


def test_policy_goes_right_after_the_charset_before_any_script() -> None:
    page = '<html><head><meta charset="utf-8"><script>x()</script></head></html>'
    soup = BeautifulSoup(add_policy_meta(page, "script-src 'self'"), "html5lib")
    head = soup.head
    assert head is not None
    first, second, third = head.find_all(True)[:3]
    assert first.get("charset") == "utf-8"
    assert second.get("http-equiv") == "Content-Security-Policy"
    assert second.get("content") == "script-src 'self'"
    assert third.name == "script"


@pytest.fixture(scope="module")
def site(hostile_build: Path) -> Path:
    """The hostile handbook with its hostile history (shared_sites.py), built once."""
    return hostile_build


def test_every_page_has_one_policy_before_its_first_script(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 15
    for html_file in pages:
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html5lib")
        metas = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert len(metas) == 1, html_file
        meta = metas[0]
        assert isinstance(meta, Tag)
        first_script = soup.find("script")
        assert first_script is not None
        assert meta in first_script.find_all_previous("meta"), html_file


def test_policy_allows_every_theme_script_on_the_page(site: Path) -> None:
    for html_file in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html5lib")
        used = {
            script_hash(script.string or "")
            for script in soup.find_all("script")
            if not script.get("src") and not script.get("type")
        }
        assert used, html_file
        assert used <= inline_script_hashes(soup), html_file


def test_hostile_site_has_no_markup_from_content_and_no_unhashed_script(site: Path) -> None:
    verdict = site_problems(site, check_scripts=True)
    assert verdict.problems == []


def test_policy_can_be_switched_off(tmp_path: Path, minimal_files: dict[str, str]) -> None:
    root = make_project(tmp_path, minimal_files, plugin_options="content_security_policy: false")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((root / "site/index.html").read_text(encoding="utf-8"), "html5lib")
    assert soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"}) is None
