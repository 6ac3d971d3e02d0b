"""The Atom feed: well-formed whatever content and git history say."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import MINIMAL
from pagebuild import page_context
from prozesshandbuch.analysis.history import Change, ChangeStatus
from prozesshandbuch.analysis.timeline import NewsItem
from prozesshandbuch.pages.news_page import render_feed

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = "<b>Fisch & Chips</b> ]]> \"quoted\" 'single' \x07bell\x1b[31m \ufffe"


def _item(
    title: str, subject: str, author: str, *, exists: bool = True, commit: str = "a"
) -> NewsItem:
    change = Change(
        hexsha=commit * 40,
        short="aaaaaaaa",
        author=author,
        author_email="x@example.org",
        date=dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC),
        subject=subject,
        status=ChangeStatus.MODIFIED,
        path="content/processes/antrag.yml",
    )
    return NewsItem(change, "process", "antrag", title, [subject, "zweite Zeile"], exists)


def test_feed_escapes_text_and_drops_characters_xml_forbids(tmp_path: Path) -> None:
    ctx = page_context(tmp_path, MINIMAL)
    items = [
        _item(HOSTILE, HOSTILE, HOSTILE),
        _item("Gelöscht", "weg", "Max", exists=False, commit="b"),
    ]
    feed = render_feed(ctx, items, "https://intra.example/handbuch?a=1&b=2", HOSTILE)
    root = ET.fromstring(feed.encode("utf-8"))  # well-formed, or this raises
    visible = "<b>Fisch & Chips</b> ]]> \"quoted\" 'single' bell[31m "
    assert root.findtext(f"{ATOM}title") == f"{visible} – Was ist neu"
    first, second = root.findall(f"{ATOM}entry")
    assert first.findtext(f"{ATOM}title") == f"{visible}: {visible}"
    assert first.findtext(f"{ATOM}author/{ATOM}name") == visible
    assert first.findtext(f"{ATOM}summary") == f"{visible}:\n– {visible}\n– zweite Zeile"
    assert first.findtext(f"{ATOM}id") == "urn:prozesshandbuch:commit:" + "a" * 40
    link = first.find(f"{ATOM}link")
    assert link is not None
    assert link.get("href") == "https://intra.example/handbuch?a=1&b=2/prozesse/antrag/"
    assert second.find(f"{ATOM}link") is None  # a deleted process has no page
    self_link = root.find(f"{ATOM}link")
    assert self_link is not None
    assert self_link.get("href") == "https://intra.example/handbuch?a=1&b=2/feed.xml"


def test_feed_without_site_url_has_relative_links_and_no_self_link(tmp_path: Path) -> None:
    ctx = page_context(tmp_path, MINIMAL, language="en")
    root = ET.fromstring(render_feed(ctx, [_item("Antrag", "Neu", "Erika")], None, "Handbook"))
    assert root.findtext(f"{ATOM}title") == "Handbook – What's new"
    assert root.findtext(f"{ATOM}updated") == "2026-11-20T10:00:00+00:00"
    assert [link.get("href") for link in root.iter(f"{ATOM}link")] == ["prozesse/antrag/"]


def test_empty_feed_is_valid(tmp_path: Path) -> None:
    root = ET.fromstring(render_feed(page_context(tmp_path, MINIMAL), [], None, "H"))
    assert root.findall(f"{ATOM}entry") == []
    assert root.findtext(f"{ATOM}updated") == "2000-01-01T00:00:00+00:00"


def test_one_feed_entry_per_commit_names_its_pages(tmp_path: Path) -> None:
    ctx = page_context(tmp_path, MINIMAL)
    items = [_item(f"Prozess {n}", "Zuständigkeiten geklärt", "Erika") for n in range(1, 6)]
    root = ET.fromstring(render_feed(ctx, items, None, "Handbuch Musterstadt"))
    (entry,) = root.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == (
        "Prozess 1, Prozess 2, Prozess 3 und 2 weitere: Zuständigkeiten geklärt"
    )
    # Atom ids are IRIs: the site name's space is percent-encoded.
    assert root.findtext(f"{ATOM}id") == "urn:prozesshandbuch:Handbuch%20Musterstadt:neu"
