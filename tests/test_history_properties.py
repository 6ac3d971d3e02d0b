"""Property tests: any author name or commit subject goes through the real history
pipeline (git, the log parser, changes in words, the news page and the feed) without a
crash, a forged entry, a control character or content-made markup."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXED_TODAY, MINIMAL, write_content
from gitrepo import isolated_git_env
from hostile import PAYLOADS, markup_problems
from prozesshandbuch.analysis.findings import build_findings
from prozesshandbuch.analysis.relations import build_relations
from prozesshandbuch.analysis.timeline import build_timeline
from prozesshandbuch.content.check import check_handbook
from prozesshandbuch.content.controlchars import first_forbidden
from prozesshandbuch.content.urls import SiteUrls
from prozesshandbuch.i18n import Texts
from prozesshandbuch.pages import PageContext
from prozesshandbuch.pages.news_page import render_feed, render_news_page

ATOM = "{http://www.w3.org/2005/Atom}"
PROCESS = "content/processes/antrag.yml"
# HTML, Markdown, YAML, DOT and the separators git's log format once relied on, plus
# every C0 control but NUL (which no command line can carry), DEL and C1 controls.
SPECIAL = list("<>&\"'`*_[](){}#|\\:-!=;/%@ ~^$") + [
    chr(code) for code in [*range(1, 32), 0x7F, 0x85, 0x9B, 0x2028, 0x202E, 0xFFFE]
]
FRAGMENT = st.one_of(
    st.text(st.sampled_from(SPECIAL) | st.characters(codec="utf-8"), max_size=30),
    st.sampled_from(PAYLOADS),
)
NOTE = st.lists(FRAGMENT, min_size=1, max_size=3).map("".join).filter(lambda t: "\0" not in t)
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
FUZZING = "FUZZ_EXAMPLES" in os.environ  # `make fuzz`: new examples each run


def commit(root: Path, env: dict[str, str], author: str, subject: str, day: int) -> str:
    """Commit every change with this author and subject, exactly as given."""
    ident = {
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": "autor@example.org",
        "GIT_AUTHOR_DATE": f"2026-01-{day:02d}T10:00:00+01:00",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_COMMITTER_DATE": f"2026-01-{day:02d}T10:00:00+01:00",
    }
    run = {"cwd": root, "env": {**env, **ident}, "check": True, "capture_output": True}
    subprocess.run(["git", "add", "--all"], **run)  # type: ignore[call-overload]
    subprocess.run(
        [
            "git",
            "commit",
            "--quiet",
            "--no-gpg-sign",
            "--allow-empty-message",
            "--cleanup=verbatim",
            "-m",
            subject,
        ],
        **run,  # type: ignore[call-overload]
    )
    done = subprocess.run(["git", "rev-parse", "HEAD"], **run, text=True)  # type: ignore[call-overload]
    return str(done.stdout).strip()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    # In `make test` the examples are the same on every run: no flaky failures.
    derandomize=not FUZZING,
    database=None if not FUZZING else settings.default.database,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(notes=st.lists(st.tuples(NOTE, NOTE), min_size=1, max_size=3))
def test_any_author_and_subject_through_the_history_pipeline(
    tmp_path_factory: pytest.TempPathFactory, notes: list[tuple[str, str]]
) -> None:
    root = tmp_path_factory.mktemp("repo")
    env = {**os.environ, **isolated_git_env(root.parent / f"{root.name}.gitconfig")}
    subprocess.run(
        ["git", "init", "--quiet", "--initial-branch=main"], cwd=root, env=env, check=True
    )
    write_content(root, MINIMAL)
    made = []
    for day, (author, subject) in enumerate(notes, start=1):
        process = root / PROCESS
        process.write_text(process.read_text(encoding="utf-8") + f"# {day}\n", encoding="utf-8")
        made.append(commit(root, env, "A" + author, subject, day))
    handbook = check_handbook(root / "content", root, FIXED_TODAY).handbook

    timeline = build_timeline(root, root / "content", handbook, repo_url="https://git.example/h")

    changes = [item.change for item in timeline.news]
    assert timeline.problem is None
    # One entry per commit that touched the process, newest first: nothing forged.
    assert [c.hexsha for c in changes if c.path == PROCESS] == made[::-1]
    for change in changes:
        for field in (change.author, change.author_email, change.subject):
            assert first_forbidden(field) is None
            assert not {"\t", "\n", "\r"} & set(field)
    relations = build_relations(handbook)
    ctx = PageContext(
        handbook=handbook,
        relations=relations,
        urls=SiteUrls(),
        texts=Texts("de"),
        today=FIXED_TODAY,
        findings=build_findings(handbook, relations, FIXED_TODAY, timeline.created),
        show_holders=True,
        diagrams=None,
        histories=timeline.histories,
        edit_base=None,
        created=timeline.created,
    )
    feed = ET.fromstring(render_feed(ctx, timeline.news, "https://handbuch.example/", "HB"))
    names = [entry.findtext(f"{ATOM}author/{ATOM}name") for entry in feed.iter(f"{ATOM}entry")]
    # One feed entry per commit, newest first.
    by_commit = {change.hexsha: change.author for change in changes}
    assert names == list(by_commit.values())
    page = render_news_page(ctx, timeline.news).markdown
    html = markdown.markdown(page.split("---", 2)[-1], extensions=["attr_list", "tables", "toc"])
    assert markup_problems(BeautifulSoup(html, "html5lib"), "neu.md", check_scripts=False) == []
    assert dt.date(2026, 1, 1) <= timeline.created["antrag"]
