"""Build real MkDocs sites from fixture handbooks in a temporary folder."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import write_content

MKDOCS_YML = """
site_name: Testhandbuch
docs_dir: docs
theme:
  name: material
  language: de
  font: false
  features:
    - content.action.edit
plugins:
  - search:
      lang: de
  - prozesshandbuch:
      today: "2026-11-23"
{plugin_options}
markdown_extensions:
  - attr_list
  - tables
nav:
  - Start: index.md
  - Prozesse: prozesse/index.md
  - Rollen: rollen/index.md
  - Organisation: einheiten/index.md
  - IT-Systeme: systeme/index.md
  - Wer ist zuständig?: zustaendigkeit.md
{extra_config}
"""


def make_project(
    root: Path,
    files: dict[str, str],
    *,
    plugin_options: str = "",
    extra_config: str = "",
    strict_history: bool = False,
) -> Path:
    """A complete handbook project (mkdocs.yml, docs/, content/) below ``root``.

    Fixture projects are usually not git repositories; unless ``strict_history`` is set,
    the plugin reports that as information so that ``--strict`` builds still pass.
    """
    write_content(root, files)
    if not strict_history:
        plugin_options = "strict_history: false\n" + textwrap.dedent(plugin_options)
    (root / "docs").mkdir(exist_ok=True)
    options = textwrap.indent(textwrap.dedent(plugin_options).strip(), " " * 6)
    text = MKDOCS_YML.format(plugin_options=options, extra_config=textwrap.dedent(extra_config))
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    return root


def mkdocs_env(**extra: str) -> dict[str, str]:
    """The environment every MkDocs run of the tests gets: no banner, no timing file."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}
    env.pop("PROZESSHANDBUCH_TIMINGS", None)
    return env


def mkdocs_build(
    root: Path, *args: str, env: dict[str, str] | None = None, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    """Run a real ``mkdocs build`` in ``root`` and return the finished process.

    ``env`` adds to (or overrides) the environment of :func:`mkdocs_env`.
    """
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=root,
        env=mkdocs_env(**(env or {})),
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


def built_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]
) -> Path:
    """A folder ``build`` fills once per test session, shared by all xdist workers.

    The first worker to ask builds while holding a lock; the others wait and reuse the
    result. Tests only read what is in it: a test that changes files works on a copy.
    A failed build leaves nothing behind, so a later request fails the same way.
    """
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the session's folder above each worker's own
    root = base / f"shared-{name}"
    with (base / f"shared-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (base / f"shared-{name}.done").is_file():
            return root
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir()
        build(root)
        (base / f"shared-{name}.done").touch()
    return root


def copy_project(source: Path, target: Path) -> Path:
    """A writable copy of a shared project (built site included) at ``target``."""
    shutil.copytree(source, target, symlinks=True, dirs_exist_ok=True)
    return target


def page(site: Path, url_path: str) -> BeautifulSoup:
    """Parse the built page at ``url_path`` (``prozesse/x/`` or ``prozesse/x.html``)."""
    target = site / url_path
    if url_path.endswith("/") or url_path == "":
        target = target / "index.html"
    return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
