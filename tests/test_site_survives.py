"""A failed build leaves the previous site byte for byte as it was, whatever fails.

Each test copies a built handbook, injects a failure into one phase of a real
``mkdocs build`` (a wrapper replaces one function before MkDocs starts) and compares
every file of ``site/`` with the copy taken before.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import MINIMAL
from gitrepo import ERIKA, MAX, GitRepo
from sitebuild import make_project, mkdocs_build, mkdocs_env

# Replaces one attribute (a dotted path below a module) by a function that raises, then
# runs the mkdocs command line as `mkdocs build` would.
INJECT = textwrap.dedent(
    """
    import importlib, sys
    module_name, attribute = sys.argv[1], sys.argv[2]
    owner = importlib.import_module(module_name)
    *parents, name = attribute.split(".")
    for parent in parents:
        owner = getattr(owner, parent)
    def fail(*args, **kwargs):
        raise RuntimeError("eingeschleuster Fehler")
    setattr(owner, name, fail)
    sys.argv = ["mkdocs", "build", *sys.argv[3:]]
    from mkdocs.__main__ import cli
    cli()
    """
)


def build_with_failure(
    root: Path, module: str, attribute: str, *args: str
) -> subprocess.CompletedProcess[str]:
    env = mkdocs_env()
    return subprocess.run(
        [sys.executable, "-c", INJECT, module, attribute, *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def snapshot(site: Path) -> dict[str, bytes]:
    """Every file below ``site`` (hidden ones too) with its bytes."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A handbook in git with history and diagrams, built once."""
    root = make_project(tmp_path_factory.mktemp("built"), MINIMAL)
    repo = GitRepo(root)
    repo.commit("Handbuch angelegt", ERIKA, "2026-01-05T09:00:00+01:00")
    process = root / "content/processes/antrag.yml"
    process.write_text(process.read_text(encoding="utf-8") + "# geprüft\n", encoding="utf-8")
    repo.commit("Kommentar", MAX, "2026-02-05T09:00:00+01:00")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    (root / "site/.git-deploy-marker").write_text("bleibt\n", encoding="utf-8")
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(built, tmp_path / "project", symlinks=True))


PHASES = [
    pytest.param("prozesshandbuch.plugin", "check_handbook", "Inhalte lesen und prüfen", id="load"),
    pytest.param(
        "prozesshandbuch.plugin", "build_relations", "Beziehungen ableiten", id="relations"
    ),
    pytest.param("prozesshandbuch.plugin", "build_diagrams", "Diagramme zeichnen", id="diagrams"),
    pytest.param(
        "prozesshandbuch.plugin", "build_timeline", "Änderungshistorie lesen", id="history"
    ),
    pytest.param("prozesshandbuch.plugin", "build_pages", "Seiten erzeugen", id="pages"),
    pytest.param("prozesshandbuch.plugin", "render_feed", "Seiten erzeugen", id="feed"),
    pytest.param(
        "prozesshandbuch.plugin",
        "ProzesshandbuchPlugin._page_facts",
        "Seiten ausgeben",
        id="render-after-clean",
    ),
    pytest.param(
        "prozesshandbuch.plugin", "StagedSite.publish", "neue Website einsetzen", id="publish"
    ),
]


@pytest.mark.parametrize(("module", "attribute", "phase"), PHASES)
def test_a_failure_in_any_phase_leaves_the_site_untouched(
    project: Path, module: str, attribute: str, phase: str
) -> None:
    before = snapshot(project / "site")

    result = build_with_failure(project, module, attribute)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        f"interner Fehler beim Schritt „{phase}“ (RuntimeError: eingeschleuster Fehler); "
        "die Website wurde nicht verändert." in result.stderr
    )
    assert snapshot(project / "site") == before


def test_a_crash_inside_mkdocs_after_the_clean_leaves_the_site_untouched(project: Path) -> None:
    before = snapshot(project / "site")

    result = build_with_failure(project, "mkdocs.commands.build", "_build_page")

    assert result.returncode == 1
    assert "eingeschleuster Fehler" in result.stderr  # MkDocs' own traceback: not ours
    assert snapshot(project / "site") == before


def test_a_strict_mode_warning_while_rendering_leaves_the_site_untouched(project: Path) -> None:
    before = snapshot(project / "site")
    (project / "docs/index.md").write_text("# Start\n\n[kaputt](fehlt.md)\n", encoding="utf-8")

    result = mkdocs_build(project, "--strict")

    assert result.returncode == 1
    assert "fehlt.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project / "site") == before


def test_a_successful_build_replaces_the_site_and_keeps_hidden_files(project: Path) -> None:
    (project / "site/alt.html").write_text("veraltet", encoding="utf-8")
    (project / "docs/neu.md").write_text("# Neu\n", encoding="utf-8")

    result = mkdocs_build(project)

    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert not (site / "alt.html").exists()
    assert (site / "neu/index.html").is_file()
    assert (site / ".git-deploy-marker").read_text(encoding="utf-8") == "bleibt\n"
    assert sorted(p.name for p in site.iterdir() if p.name.startswith(".")) == [
        ".git-deploy-marker"
    ]


def test_an_old_revision_that_fails_alone_is_a_warning(project: Path) -> None:
    result = build_with_failure(
        project, "prozesshandbuch.analysis.changes.revisions", "describe_change", "--strict"
    )

    assert result.returncode == 1  # --strict counts the warning; the site stays
    assert "Traceback" not in result.stderr
    assert "ältere Version von content/processes/antrag.yml (" in result.stderr
    assert "konnte nicht beschrieben werden (RuntimeError)" in result.stderr

    result = build_with_failure(
        project, "prozesshandbuch.analysis.changes.revisions", "describe_change"
    )

    assert result.returncode == 0, result.stderr
    history = (project / "site/prozesse/antrag/index.html").read_text(encoding="utf-8")
    assert "Datei war in dieser Version fehlerhaft" in history
