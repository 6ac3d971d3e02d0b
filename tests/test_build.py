"""Real `mkdocs build` runs of small fixture handbooks."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from shared_sites import FLOW
from sitebuild import copy_project, make_project, mkdocs_build, page


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` with the hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_fixture_handbook_builds_with_pages_for_every_entity(minimal_project: Path) -> None:
    # minimal_project (shared_sites.py): MINIMAL, built once with --strict.
    site = minimal_project / "site"
    for path in (
        "prozesse/antrag/",
        "rollen/leitung/",
        "rollen/sachbearbeitung/",
        "einheiten/amt/",
    ):
        assert (site / path / "index.html").is_file(), path
    title = page(site, "prozesse/antrag/").select_one("article h1")
    assert title is not None
    assert title.get_text(strip=True) == "Antrag bearbeiten"


def test_failed_build_leaves_previous_site_byte_for_byte(
    tmp_path: Path, minimal_project: Path
) -> None:
    copy_project(minimal_project, tmp_path)  # built before
    before = snapshot(tmp_path / "site")
    broken = tmp_path / "content/processes/antrag.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("owner: leitung", "owner: leitng"))
    (tmp_path / "content/roles/sachbearbeitung.yml").write_text(
        "title: S\nunit: amtt\ndeputy: leitung\n", encoding="utf-8"
    )

    result = mkdocs_build(tmp_path)

    assert result.returncode != 0
    assert snapshot(tmp_path / "site") == before
    assert "Traceback" not in result.stderr
    # one message listing all problems of all files
    assert "Das Handbuch enthält 2 Fehler; die Website wurde nicht verändert:" in result.stderr
    assert (
        "content/processes/antrag.yml:3:8: unbekannte Rolle 'leitng' – meinten Sie 'leitung'?"
        in result.stderr
    )
    assert "content/roles/sachbearbeitung.yml:2:7: unbekannte Organisationseinheit 'amtt'" in (
        result.stderr
    )


def test_strict_build_with_warning_fails_and_keeps_site(
    tmp_path: Path, minimal_project: Path
) -> None:
    copy_project(minimal_project, tmp_path)  # built with --strict before
    (tmp_path / "content/roles/frei.yml").write_text("title: Frei\nunit: amt\n", encoding="utf-8")

    relaxed = mkdocs_build(tmp_path, "--dirty")  # a normal build shows the warning only
    assert relaxed.returncode == 0
    assert "Warnung: Rolle 'frei' wird nirgends verwendet" in relaxed.stderr
    (tmp_path / "site").joinpath("marker").write_text("x")
    before = snapshot(tmp_path / "site")

    strict = mkdocs_build(tmp_path, "--strict")
    assert strict.returncode != 0
    assert "1 Warnung(en) im strikten Modus" in strict.stderr
    assert snapshot(tmp_path / "site") == before


def test_generator_never_writes_into_content(
    tmp_path: Path, minimal_files: dict[str, str], minimal_project: Path
) -> None:
    # The content of the built project is what make_project writes, byte for byte.
    make_project(tmp_path, minimal_files)
    assert snapshot(minimal_project / "content") == snapshot(tmp_path / "content")


def test_yaml_sources_are_not_published_by_default(minimal_project: Path) -> None:
    assert list((minimal_project / "content").rglob("*.yml"))
    assert not list((minimal_project / "site").rglob("*.yml"))


@pytest.mark.parametrize("directory_urls", [True, False])
def test_links_resolve_in_both_directions_and_url_styles(
    tmp_path: Path, minimal_files: dict[str, str], minimal_project: Path, directory_urls: bool
) -> None:
    if directory_urls:  # MkDocs' default, as minimal_project is built
        site = minimal_project / "site"
    else:
        make_project(tmp_path, minimal_files, extra_config="use_directory_urls: false")
        assert mkdocs_build(tmp_path, "--strict").returncode == 0
        site = tmp_path / "site"

    def url(path: str) -> str:
        return f"{path}/" if directory_urls else f"{path}.html"

    def targets(path: str) -> set[Path]:
        soup = page(site, url(path))
        found = set()
        here = (site / url(path)).parent if not directory_urls else site / path
        for link in soup.select("article a[href]"):
            href = str(link["href"]).split("#")[0]
            if not href or href.startswith(("http", "mailto")):
                continue
            target = (here / href).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{path}: broken link {href}"
            found.add(target)
        return found

    process = (site / url("prozesse/antrag")).resolve()
    role = (site / url("rollen/sachbearbeitung")).resolve()
    unit = (site / url("einheiten/amt")).resolve()
    if directory_urls:
        process, role, unit = (p / "index.html" for p in (process, role, unit))
    assert role in targets("prozesse/antrag")
    assert process in targets("rollen/sachbearbeitung")
    assert unit in targets("rollen/sachbearbeitung")
    assert role in targets("einheiten/amt")


def _internal_links(site: Path) -> list[tuple[Path, str]]:
    found = []
    for html_file in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("article a[href]"):
            href = str(link["href"])
            if not href.startswith(("http:", "https:", "mailto:")):
                found.append((html_file, href))
    # The finder's cards lie beside its page and are shown in it: same folder, same links.
    for answers in sorted(site.rglob("antworten.json")):
        cards = json.loads(answers.read_text(encoding="utf-8"))["cards"]
        for link in BeautifulSoup("".join(cards), "html.parser").select("a[href]"):
            href = str(link["href"])
            if not href.startswith(("http:", "https:", "mailto:", "tel:")):
                found.append((answers, href))
    return found


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_link_and_anchor_in_the_site_resolves(
    tmp_path: Path, flow_site: Path, directory_urls: bool
) -> None:
    if directory_urls:  # MkDocs' default, as flow_site (shared_sites.py) is built
        site = flow_site
    else:
        make_project(tmp_path, FLOW, extra_config="use_directory_urls: false")
        assert mkdocs_build(tmp_path, "--strict").returncode == 0
        site = tmp_path / "site"
    links = _internal_links(site)
    assert len(links) > 100
    for html_file, href in links:
        path, _, anchor = href.partition("#")
        if path.startswith("/"):
            # The 404 page is served at any address, so its links start at the site root.
            assert html_file.name == "404.html", f"{html_file.relative_to(site)}: {href}"
            target = site / path.lstrip("/")
        else:
            target = (html_file.parent / path).resolve() if path else html_file
        if target.is_dir():
            target = target / "index.html"
        assert target.is_file(), f"{html_file.relative_to(site)}: broken link {href}"
        if anchor:
            soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
            assert soup.find(id=anchor) is not None, f"{html_file.relative_to(site)}: {href}"


def test_missing_graphviz_gives_one_clear_message_and_keeps_the_site(
    tmp_path: Path, minimal_files: dict[str, str], minimal_project: Path
) -> None:
    import shutil
    import sys

    copy_project(minimal_project, tmp_path)  # built before
    before = snapshot(tmp_path / "site")
    # A PATH with the virtual environment and git, but without dot.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    git = shutil.which("git")
    assert git is not None
    (bin_dir / "git").symlink_to(git)
    venv_bin = Path(sys.executable).parent
    assert not (venv_bin / "dot").exists()
    path = f"{venv_bin}:{bin_dir}"
    result = mkdocs_build(tmp_path, env={"PATH": path})
    assert result.returncode != 0
    assert "Graphviz fehlt" in result.stderr
    assert "apt-get install graphviz" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(tmp_path / "site") == before

    make_project(tmp_path, minimal_files, plugin_options="diagrams: false")
    without = mkdocs_build(tmp_path, env={"PATH": path})
    assert without.returncode == 0, without.stderr
