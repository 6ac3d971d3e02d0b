"""Run builds the way one ``mkdocs serve --dirty`` session runs them, in this process.

Used by tests as a script: ``python serve_session.py PROJECT SITE STEPS.json``. Each
step is a dict of files to write (path relative to the project -> text, or null to
delete) followed by one dirty build into SITE with the plugin objects kept, as ``mkdocs
serve`` keeps them. The key ``@code`` stands for another version of the plugin's code.
Prints one JSON line per build: pages reused, or that the build failed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

import prozesshandbuch.build.incremental

SERVE_URL = "http://127.0.0.1:8000/"


def main() -> None:
    project, site, steps_file = (Path(arg) for arg in sys.argv[1:4])
    steps = json.loads(steps_file.read_text(encoding="utf-8"))
    dirty = "--clean" not in sys.argv
    started = False
    for changes in steps:
        for relative, text in changes.items():
            if relative == "@code":
                prozesshandbuch.build.incremental.code_fingerprint = lambda text=text: text
                continue
            target = project / relative
            if text is None:
                target.unlink()
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
        if not started:
            config.plugins.on_startup(command="serve", dirty=dirty)
            started = True
        config.site_url = SERVE_URL
        try:
            build(config, serve_url=SERVE_URL, dirty=dirty)
        except (Abort, PluginError):
            print(json.dumps({"failed": True}), flush=True)
            continue
        plugin = config.plugins["prozesshandbuch"]
        print(json.dumps({"reused": plugin.reused_pages}), flush=True)
    config.plugins.on_shutdown()


if __name__ == "__main__":
    main()
