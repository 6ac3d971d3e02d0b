"""The plugin's options as written in mkdocs.yml, read without MkDocs (for the CLI).

Commands such as ``codeowners`` must agree with the site on settings that live in
``mkdocs.yml``; loading MkDocs' whole configuration machinery for one option would be
slow and would fail on themes or plugins the command does not need. Tags that MkDocs
understands (``!ENV``, ``!relative``, Python tags) are read as empty values.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

PLUGIN_NAME = "prozesshandbuch"


class _TolerantLoader(yaml.SafeLoader):
    """The safe loader, reading every tag it does not know as an empty value."""


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("!", _unknown_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)


def plugin_options(config_file: Path) -> dict[str, Any]:
    """The ``prozesshandbuch`` entry under ``plugins:``; empty when there is none."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    plugins = data.get("plugins") if isinstance(data, dict) else None
    if isinstance(plugins, dict):
        plugins = [{name: value} for name, value in plugins.items()]
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            options = entry[PLUGIN_NAME]
            return options if isinstance(options, dict) else {}
    return {}
