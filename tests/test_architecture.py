"""The package's folders are the pipeline's stages, and imports only run down the pipeline.

The README's "Aufbau des Codes" promises this order; the test reads every import of every
module (also the ones inside functions) and fails on one that runs against it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "plugins" / "prozesshandbuch"

# folder -> the folders its modules may import from (besides itself)
ALLOWED: dict[str, set[str]] = {
    "i18n": set(),
    "content": {"i18n"},
    "analysis": {"content", "i18n"},
    "diagrams": {"content", "analysis", "i18n"},
    "pages": {"content", "analysis", "diagrams", "i18n"},
    "build": {"content", "i18n"},
    "tools": {"content", "analysis", "i18n"},
    "interop": {"content", "analysis", "tools", "i18n"},
}
# the two entry points conduct the stages and may import any of them
ENTRY_POINTS = {"plugin", "cli", "__main__", "__init__"}
MKDOCS_ALLOWED = {"plugin.py", "build/config.py", "build/incremental.py"}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imported(path: Path, package_root: Path = PACKAGE) -> list[tuple[int, str]]:
    """(line, absolute module) for every import in ``path``, relative ones resolved."""
    relative = path.relative_to(package_root.parent).with_suffix("")
    package = list(relative.parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
                # "from .. import i18n" imports the module i18n, not the package
                if node.module:
                    found.append((node.lineno, target))
                else:
                    found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module or ""))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


def _folder(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "prozesshandbuch" or len(parts) < 2:
        return None
    return parts[1]


def test_every_folder_of_the_package_has_a_place_in_the_pipeline() -> None:
    folders = {p.parent.relative_to(PACKAGE).parts[0] for p in _modules() if p.parent != PACKAGE}
    top_level = {p.stem for p in PACKAGE.glob("*.py")}
    assert folders == set(ALLOWED)
    assert top_level == ENTRY_POINTS


def test_every_folder_of_the_package_is_a_regular_package() -> None:
    # Without __init__.py a folder still imports (as a namespace package) in the source
    # tree, but setuptools' package finder leaves it out of a wheel: an installed plugin
    # would then miss it. (The build/ folder once lost its __init__.py to a .gitignore.)
    folders = {path.parent for path in _modules()}
    assert (
        sorted(str(f.relative_to(PACKAGE)) for f in folders if not (f / "__init__.py").is_file())
        == []
    )


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_down_the_pipeline(path: Path) -> None:
    own = path.relative_to(PACKAGE).parts[0] if path.parent != PACKAGE else None
    if own is None:
        return  # an entry point
    wrong = [
        f"{path.relative_to(PACKAGE)}:{line}: {module}"
        for line, module in _imported(path)
        if (folder := _folder(module)) is not None and folder != own and folder not in ALLOWED[own]
    ]
    assert wrong == []


def test_only_the_build_modules_import_mkdocs() -> None:
    importing = {
        str(path.relative_to(PACKAGE))
        for path in _modules()
        if any(module.split(".")[0] == "mkdocs" for _, module in _imported(path))
    }
    assert importing == MKDOCS_ALLOWED


def test_the_checker_sees_an_import_that_runs_against_the_pipeline(tmp_path: Path) -> None:
    # guard against a resolver that never finds anything: a made-up module in content/
    # that imports from pages/ must be seen as importing prozesshandbuch.pages
    fake_package = tmp_path / "prozesshandbuch" / "content"
    fake_package.mkdir(parents=True)
    module = fake_package / "x.py"
    module.write_text("def f():\n    from ..pages import build_pages\n    from .. import i18n\n")
    assert _imported(module, tmp_path / "prozesshandbuch") == [
        (2, "prozesshandbuch.pages"),
        (3, "prozesshandbuch.i18n"),
    ]
