"""The shipped CI templates: parsed, checked for the keys each forge needs, and the
commands they run executed here, up to the boundary of GitLab and GitHub themselves."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import MINIMAL
from sitebuild import make_project, mkdocs_build

REPO = Path(__file__).resolve().parents[1]
GITLAB_CI = REPO / ".gitlab-ci.yml"
GITHUB_PULL_REQUEST = REPO / ".github" / "workflows" / "pull-request.yml"
GITHUB_PAGES = REPO / ".github" / "workflows" / "pages.yml"

# Keywords GitLab reads at the top level; everything else is a job.
GITLAB_GLOBAL_KEYS = {"workflow", "stages", "variables", "default", "include", "image"}


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def gitlab_jobs() -> dict[str, dict[str, Any]]:
    return {k: v for k, v in load(GITLAB_CI).items() if k not in GITLAB_GLOBAL_KEYS}


def github_jobs(path: Path) -> dict[str, dict[str, Any]]:
    jobs = load(path)["jobs"]
    assert isinstance(jobs, dict)
    return jobs


def github_triggers(path: Path) -> dict[str, Any]:
    data = load(path)
    # YAML 1.1 reads the key `on` as the boolean true.
    triggers = data.get("on", data.get(True))
    assert isinstance(triggers, dict)
    return triggers


def make_check_command() -> list[str]:
    """The command line of `make check`, as the Makefile states it."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^check:.*\n\t(?P<command>.+)$", makefile, re.MULTILINE)
    assert recipe, "Makefile has no check recipe"
    return shlex.split(recipe["command"].replace("$(BIN)/", ""))


def without_report_options(argv: list[str]) -> list[str]:
    """``argv`` minus ``--format X`` and ``--output Y``, which only choose the form."""
    kept, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--format", "--output"):
            skip = True
        else:
            kept.append(arg)
    return kept


def script_lines(job: dict[str, Any]) -> list[str]:
    script = job["script"]
    assert isinstance(script, list)
    return [str(line).strip() for line in script]


def run_lines(job: dict[str, Any]) -> list[str]:
    return [str(step["run"]) for step in job["steps"] if "run" in step]


def command_line(lines: list[str], start: str) -> list[str]:
    """The one script line that starts with ``start``, split like a shell would."""
    found = [line for line in lines if line.startswith(start)]
    assert len(found) == 1, f"expected one line starting with {start!r} in {lines}"
    return shlex.split(found[0])


# --- GitLab -------------------------------------------------------------------------------


def test_gitlab_every_job_is_complete() -> None:
    config = load(GITLAB_CI)
    stages = config["stages"]
    assert config["variables"]["GIT_DEPTH"] == "0"
    assert config["default"]["image"].startswith("python:3.")
    for name, job in gitlab_jobs().items():
        assert job["stage"] in stages, name
        assert script_lines(job), name
    rules = [rule.get("if", "") for rule in config["workflow"]["rules"]]
    assert '$CI_PIPELINE_SOURCE == "merge_request_event"' in rules


def test_gitlab_check_job_runs_make_check_and_reports_code_quality() -> None:
    job = gitlab_jobs()["inhalte-pruefen"]
    argv = command_line(script_lines(job), "prozesshandbuch check")
    assert without_report_options(argv) == make_check_command()
    assert argv[argv.index("--format") + 1] == "gitlab"
    report = argv[argv.index("--output") + 1]
    assert job["artifacts"]["reports"]["codequality"] == report
    # Uploaded also when the check fails: that is when the findings matter.
    assert job["artifacts"]["when"] == "always"
    assert "rules" not in job  # on every pipeline, merge request or not


def merge_request_only(job: dict[str, Any]) -> bool:
    return [rule["if"] for rule in job["rules"]] == ['$CI_PIPELINE_SOURCE == "merge_request_event"']


def default_branch_only(job: dict[str, Any]) -> bool:
    return [rule["if"] for rule in job["rules"]] == ["$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"]


def test_gitlab_changes_in_words_go_to_log_artifact_and_note() -> None:
    job = gitlab_jobs()["aenderungen-in-worten"]
    assert merge_request_only(job)
    lines = script_lines(job)
    diff = command_line(lines, "prozesshandbuch diff")
    assert diff[:3] == ["prozesshandbuch", "diff", "$CI_MERGE_REQUEST_DIFF_BASE_SHA...HEAD"]
    report = diff[diff.index(">") + 1]
    assert f"cat {report}" in lines
    assert command_line(lines, "prozesshandbuch mr-note") == [
        "prozesshandbuch",
        "mr-note",
        report,
    ]
    assert job["artifacts"]["paths"] == [report]
    assert job["artifacts"]["expose_as"]
    assert job["allow_failure"] == {"exit_codes": 3}


def test_gitlab_preview_is_a_review_app_from_the_jobs_artifacts() -> None:
    job = gitlab_jobs()["vorschau"]
    assert merge_request_only(job)
    assert job["needs"] == []
    assert job["artifacts"]["paths"] == ["public/"]
    assert job["artifacts"]["expose_as"]
    dotenv = job["artifacts"]["reports"]["dotenv"]
    assert job["environment"]["url"] == "$VORSCHAU_URL"
    assert job["environment"]["name"].startswith("vorschau/")
    lines = script_lines(job)
    assert any(line.strip().startswith('echo "VORSCHAU_URL=') for line in lines)
    assert any(line.strip().endswith(f"> {dotenv}") for line in lines)
    build = command_line(lines, "mkdocs build")
    assert build[build.index("--site-dir") + 1] == "public/"


def test_gitlab_pages_publishes_the_default_branch() -> None:
    jobs = gitlab_jobs()
    pages = jobs["pages"]
    assert default_branch_only(pages)
    assert pages["stage"] == "deploy"
    assert pages["artifacts"]["paths"] == ["public/"]
    build = command_line(script_lines(pages), "mkdocs build")
    assert build == ["mkdocs", "build", "--site-dir", "public/"]
    owners = jobs["codeowners-aktuell"]
    assert default_branch_only(owners)
    assert command_line(script_lines(owners), "prozesshandbuch codeowners") == [
        "prozesshandbuch",
        "codeowners",
        "--check",
        "--format",
        "gitlab",
    ]


# --- GitHub -------------------------------------------------------------------------------


def checkout_is_full(job: dict[str, Any]) -> bool:
    return any(
        str(step.get("uses", "")).startswith("actions/checkout@")
        and step.get("with", {}).get("fetch-depth") == 0
        for step in job["steps"]
    )


def test_github_pull_request_checks_annotate_and_summarise() -> None:
    assert "pull_request" in github_triggers(GITHUB_PULL_REQUEST)
    assert load(GITHUB_PULL_REQUEST)["permissions"] == {"contents": "read"}
    jobs = github_jobs(GITHUB_PULL_REQUEST)
    check = jobs["pruefen"]
    assert checkout_is_full(check)
    argv = command_line(run_lines(check), "prozesshandbuch check")
    assert without_report_options(argv) == make_check_command()
    assert argv[argv.index("--format") + 1] == "github"
    diff = command_line(run_lines(check), "prozesshandbuch diff")
    assert diff[:3] == ["prozesshandbuch", "diff", "$BASE_SHA...HEAD"]
    assert diff[-2:] == [">>", "$GITHUB_STEP_SUMMARY"]
    preview = jobs["vorschau"]
    assert checkout_is_full(preview)
    uploads = [s for s in preview["steps"] if str(s.get("uses", "")).startswith("actions/upload")]
    assert [s["with"]["path"] for s in uploads] == ["vorschau/"]


def test_github_scripts_take_event_data_from_the_environment() -> None:
    # Values such as branch names are attacker-controlled; `${{ }}` inside `run:` would
    # splice them into the shell script (GitHub's script-injection advice).
    for path in (GITHUB_PULL_REQUEST, GITHUB_PAGES):
        for name, job in github_jobs(path).items():
            for script in run_lines(job):
                assert "${{" not in script, f"{path.name}:{name}: {script}"


def test_github_pages_workflow_builds_and_deploys() -> None:
    assert github_triggers(GITHUB_PAGES)["push"]["branches"] == ["main"]
    jobs = github_jobs(GITHUB_PAGES)
    build = jobs["bauen"]
    assert checkout_is_full(build)
    assert command_line(run_lines(build), "mkdocs build") == [
        "mkdocs",
        "build",
        "--site-dir",
        "site/",
    ]
    [upload] = [s for s in build["steps"] if "upload-pages-artifact" in str(s.get("uses"))]
    assert upload["with"]["path"] == "site/"
    deploy = jobs["veroeffentlichen"]
    assert deploy["needs"] == "bauen"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any("actions/deploy-pages@" in str(s.get("uses")) for s in deploy["steps"])
    owners = command_line(run_lines(jobs["codeowners"]), "prozesshandbuch codeowners")
    assert owners == ["prozesshandbuch", "codeowners", "--check", "--format", "github"]


# --- the commands, run here ---------------------------------------------------------------


@pytest.mark.parametrize("forge", ["gitlab", "github"])
def test_committed_codeowners_of_each_forge_is_current(forge: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "prozesshandbuch", "codeowners", "--check", "--format", forge,
         "--today", "2026-11-23"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_gitlab_check_command_writes_an_empty_report_for_the_demo(tmp_path: Path) -> None:
    argv = command_line(script_lines(gitlab_jobs()["inhalte-pruefen"]), "prozesshandbuch check")
    report = tmp_path / "report.json"
    argv[argv.index("--output") + 1] = str(report)
    result = subprocess.run(
        [sys.executable, "-m", "prozesshandbuch", *argv[1:], "--today", "2026-11-23"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(report.read_text(encoding="utf-8")) == []


def preview_lines(lines: list[str]) -> list[str]:
    """The two lines that build the preview: the inherited config and `mkdocs build`."""
    return [line for line in lines if line.startswith(("printf 'INHERIT", "mkdocs build"))]


def test_both_forges_build_the_preview_the_same_way() -> None:
    gitlab = preview_lines(script_lines(gitlab_jobs()["vorschau"]))
    github = preview_lines(
        "\n".join(run_lines(github_jobs(GITHUB_PULL_REQUEST)["vorschau"])).splitlines()
    )
    assert [line.replace("public/", "SITE") for line in gitlab] == [
        line.replace("vorschau/", "SITE") for line in github
    ]


def test_preview_commands_build_a_site_that_opens_from_a_folder(tmp_path: Path) -> None:
    project = make_project(tmp_path, dict(MINIMAL))
    printf, build = preview_lines(script_lines(gitlab_jobs()["vorschau"]))
    subprocess.run(["sh", "-c", printf], cwd=project, check=True)
    argv = shlex.split(build)
    result = mkdocs_build(project, *argv[2:])
    assert result.returncode == 0, result.stderr
    site = project / "public"
    assert (site / "index.html").is_file()
    # Every page is a file of its own, so that the artifact browser can show it.
    assert (site / "prozesse" / "antrag.html").is_file()
    assert not (site / "prozesse" / "antrag").exists()


def test_preview_url_is_the_artifact_address_gitlab_pages_serves(tmp_path: Path) -> None:
    lines = script_lines(gitlab_jobs()["vorschau"])
    [echo] = [line for line in lines if line.startswith('echo "VORSCHAU_URL=')]
    environment = {
        "CI_PROJECT_ROOT_NAMESPACE": "musterstadt",
        "CI_PAGES_DOMAIN": "pages.example.org",
        "CI_PROJECT_PATH": "musterstadt/organisation/prozesshandbuch",
        "CI_JOB_ID": "4711",
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run(["sh", "-c", echo], cwd=tmp_path, env=environment, check=True)
    assert (tmp_path / "vorschau.env").read_text(encoding="utf-8") == (
        "VORSCHAU_URL=https://musterstadt.pages.example.org/-/organisation/prozesshandbuch"
        "/-/jobs/4711/artifacts/public/index.html\n"
    )
