"""Git history is untrusted input: hostile commits and old blobs forge and crash nothing."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import MINIMAL
from gitrepo import ERIKA, MAX, GitRepo
from pagebuild import RenderedSite
from prozesshandbuch.analysis.history import HistoryProblem, parse_log, read_history
from prozesshandbuch.cli import main
from sitebuild import make_project

ATOM = "{http://www.w3.org/2005/Atom}"
PROCESS = "content/processes/antrag.yml"
FAKE_SHA = "f" * 40
# What a subject needed to forge an entry in the old RS/US-separated log format.
FORGED_SUBJECT = (
    "Tippfehler\x1e" + FAKE_SHA + "\x1fMallory\x1fmallory@evil.example"
    "\x1f2099-01-01T00:00:00+00:00\x1fGefälschter Eintrag"
)


pytestmark = pytest.mark.usefixtures("no_user_git_config")  # conftest.py


def test_separators_in_a_subject_forge_no_entry_and_are_stripped(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.write(PROCESS, "title: Antrag\n")
    repo.commit("Anlegen", ERIKA, "2026-01-05T10:00:00+01:00")
    repo.write(PROCESS, "title: Antrag prüfen\n")
    repo.commit(FORGED_SUBJECT, MAX, "2026-02-05T10:00:00+01:00")
    repo.write(PROCESS, "title: Antrag prüfen und bescheiden\n")
    # A bad date after the separator crashed the old parser with a ValueError.
    repo.commit(
        "a\x1eb\x1fc\x1fd\x1fkein-datum\x1fe\x07\x1b[31m", ERIKA, "2026-03-05T10:00:00+01:00"
    )

    history = read_history(repo.path, repo.path / "content")

    entries = history.entries(PROCESS)
    assert history.problem is None
    assert [(e.author, e.date.year) for e in entries] == [
        ("Erika Muster", 2026),
        ("Max Beispiel", 2026),
        ("Erika Muster", 2026),
    ]
    assert entries[1].subject == (
        f"Tippfehler{FAKE_SHA}Mallorymallory@evil.example2099-01-01T00:00:00+00:00"
        "Gefälschter Eintrag"
    )
    assert entries[0].subject == "abcdkein-datume[31m"
    assert all(e.hexsha != FAKE_SHA for e in history.all_changes())


def test_a_commit_git_cannot_read_is_left_out_and_named(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.write(PROCESS, "title: Antrag\n")
    repo.commit("Anlegen", ERIKA, "2026-01-05T10:00:00+01:00")
    repo.write(PROCESS, "title: Antrag prüfen\n")
    repo.git("add", "--all")
    tree = repo.git("write-tree").strip()
    parent = repo.git("rev-parse", "HEAD").strip()
    # A hand-made commit object (git accepts it on push unless fsck is enabled) whose
    # author line git cannot parse: git then prints its placeholders, not a date.
    body = (
        f"tree {tree}\nparent {parent}\n"
        "author Mallory\0 <m@evil.example> 1767600000 +0000\n"
        "committer Mallory <m@evil.example> 1767600000 +0000\n\nKaputt\n"
    )
    (tmp_path / "commit").write_bytes(body.encode())
    bad = repo.git("hash-object", "-t", "commit", "-w", str(tmp_path / "commit")).strip()
    repo.git("update-ref", "refs/heads/main", bad)

    history = read_history(repo.path, repo.path / "content")

    assert [e.subject for e in history.entries(PROCESS)] == ["Anlegen"]
    assert history.problem == HistoryProblem("skipped-commits", {"commits": bad[:8]})
    assert history.problem.message() == (
        f"Änderungshistorie unvollständig: git konnte Autor oder Datum der Commits {bad[:8]} "
        "nicht lesen; ihre Änderungen fehlen in der Historie"
    )


def test_a_record_that_does_not_end_with_its_own_hash_stops_the_reading() -> None:
    sha, other = "a" * 40, "b" * 40
    good = f"{sha}\0Erika\0e@x\0002026-01-05T10:00:00+01:00\0Anlegen\0{sha}\0\0".encode()
    entry = f"\n:000000 100644 {'0' * 40} {'c' * 40} A\0{PROCESS}\0".encode()
    # As if a name could hold NUL: the fields shift and the record ends with another hash.
    shifted = f"{other}\0Mal\0lory\0m@x\0002026-01-05T10:00:00+01:00\0X\0{other}\0\0".encode()

    log = parse_log(good + entry + shifted + entry, lambda path: path)

    assert [c.hexsha for c in log.changes] == [sha]
    assert log.problem == HistoryProblem("unreadable-log")


def test_hostile_subjects_and_authors_on_the_site_and_in_the_feed(tmp_path: Path) -> None:
    root = make_project(tmp_path, MINIMAL)
    repo = GitRepo(root)
    repo.commit("Handbuch angelegt", ERIKA, "2026-01-05T09:00:00+01:00")
    process = root / PROCESS
    process.write_text(process.read_text(encoding="utf-8") + "# 1\n", encoding="utf-8")
    repo.commit(
        FORGED_SUBJECT + "\x0b\x0c\x7f",
        ('Max\x07 & "Beispiel"\x1b', MAX[1]),
        "2026-02-05T10:00:00+01:00",
    )

    site = RenderedSite(root)  # an exception would fail the test as a Traceback would

    feed = ET.fromstring(site.feed.encode("utf-8"))  # well-formed XML
    authors = [e.findtext(f"{ATOM}author/{ATOM}name") for e in feed.findall(f"{ATOM}entry")]
    assert "Mallory" not in authors
    assert 'Max & "Beispiel' in authors  # git itself drops < and > and a closing quote
    news = site.article("neu/").get_text(" ")
    assert "Mallory" not in news.replace(FORGED_SUBJECT.replace("\x1e", "").replace("\x1f", ""), "")
    assert "2099" not in news.replace("2099-01-01", "")


# --- old revisions that never passed the check ----------------------------------------

NESTED = "title: Antrag\nsteps: " + "[" * 500 + "]" * 500 + "\n"


@pytest.fixture
def poisoned(tmp_path: Path) -> GitRepo:
    """A process that once held 500 nested brackets, fixed in the next commit."""
    root = make_project(tmp_path, MINIMAL)
    repo = GitRepo(root)
    repo.commit("Handbuch angelegt", ERIKA, "2026-01-05T09:00:00+01:00")
    good = (root / PROCESS).read_text(encoding="utf-8")
    (root / PROCESS).write_text(NESTED, encoding="utf-8")
    repo.commit("Verschachtelt", MAX, "2026-02-05T10:00:00+01:00")
    (root / PROCESS).write_text(good, encoding="utf-8")
    repo.commit("Repariert", ERIKA, "2026-03-05T10:00:00+01:00")
    return repo


def test_a_poisoned_old_blob_is_shown_as_faulty_in_the_build(poisoned: GitRepo) -> None:
    site = RenderedSite(poisoned.path, strict=True)

    entries = site.article("prozesse/antrag/").select("ol.ph-history > li")
    texts = [li.get_text(" ", strip=True) for li in entries]
    assert "Fehler in der Datei behoben" in texts[0]
    assert "Datei war in dieser Version fehlerhaft" in texts[1]


def test_a_poisoned_old_blob_in_prozesshandbuch_diff(poisoned: GitRepo) -> None:
    content = str(poisoned.path / "content")

    broke = CliRunner().invoke(main, ["diff", "HEAD~2..HEAD~1", "--content", content])
    fixed = CliRunner().invoke(main, ["diff", "HEAD~1..HEAD", "--content", content])

    assert broke.exit_code == 0, broke.output
    assert "  - Datei war in dieser Version fehlerhaft\n" in broke.stdout
    assert fixed.exit_code == 0, fixed.output
    assert "  - Fehler in der Datei behoben\n" in fixed.stdout


def test_a_file_name_with_control_characters_in_the_history(tmp_path: Path) -> None:
    root = make_project(tmp_path, MINIMAL)
    repo = GitRepo(root)
    repo.commit("Handbuch angelegt", ERIKA, "2026-01-05T09:00:00+01:00")
    odd = root / "content/processes/x\x07\x1b.yml"
    odd.write_text("title: Kurz da\n", encoding="utf-8")
    repo.commit("Versehen", MAX, "2026-02-05T10:00:00+01:00")
    odd.unlink()
    repo.commit("Wieder weg", MAX, "2026-02-06T10:00:00+01:00")

    site = RenderedSite(root)

    feed = ET.fromstring(site.feed.encode("utf-8"))  # well-formed XML
    summaries = [entry.findtext(f"{ATOM}summary") or "" for entry in feed.findall(f"{ATOM}entry")]
    assert any(summary.startswith("x:\n") for summary in summaries), summaries
    assert not any(ch in "".join(summaries) for ch in "\x07\x1b")
