"""Where each generated page lives, and relative links between pages.

Page URLs derive from ids only (``/prozesse/<id>/``), so links and bookmarks survive a
renamed title. Links inside raw HTML are not rewritten by MkDocs, so the pipeline
computes final relative URLs itself, for ``use_directory_urls`` on and off alike.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from .model import EntityKind
from .textfold import slugify

AREA: dict[EntityKind, str] = {
    "process": "prozesse",
    "role": "rollen",
    "unit": "einheiten",
    "system": "systeme",
}


AREA_INDEX: dict[EntityKind, str] = {kind: f"{folder}/index.md" for kind, folder in AREA.items()}
"""The index page of each area: the process map, the lists of roles, units and systems."""

# Every other generated page and file, by its virtual source path.
START = "index.md"
FINDER = "zustaendigkeit.md"
FINDER_ANSWERS = "antworten.json"
"""The finder's answer cards (HTML in JSON), beside the finder page (``SiteUrls.beside``)."""
TAGS = "schlagworte.md"
NEWS = "neu.md"
FEED = "feed.xml"
OWNERSHIP = "berichte/verantwortung.md"
REVIEWS = "berichte/pruefung.md"
RISKS = "berichte/wissensrisiko.md"
GUIDE = "anleitung.md"
REFERENCE = "referenz.md"


def tag_src(slug: str) -> str:
    """The virtual Markdown source path of the page of one tag (``slug`` from
    ``tag_slugs``), in the folder of the tag index."""
    return f"{TAGS.removesuffix('.md')}/{slug}.md"


def tag_letter_src(slug: str, key: str) -> str:
    """The page of a large tag's processes whose titles start with ``key`` ("a", "0-9"):
    in a folder named like the tag, where no other tag's page can be."""
    return f"{TAGS.removesuffix('.md')}/{slug}/{key}.md"


def tag_slugs(tags: Iterable[str]) -> dict[str, str]:
    """A distinct path name for each tag: "Lebenslage Umzug" -> "lebenslage-umzug".

    Tags that spell to the same name ("Bauen", "bauen") are numbered in sorted order; a
    tag without letters or digits is "schlagwort"; "index" is taken by the tag index.
    """
    taken = {"index", "readme"}
    slugs: dict[str, str] = {}
    for tag in sorted(set(tags), key=lambda t: (t.casefold(), t)):
        base = slugify(tag) or "schlagwort"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        slugs[tag] = slug
    return slugs


PROCESSES_AZ = "prozesse-a-z"
"""The folder of the A–Z pages of a large handbook's processes: outside ``prozesse/``,
where any name could also be a process id."""


def process_az_src(key: str) -> str:
    """The A–Z page of the processes whose titles start with ``key`` ("a", "0-9")."""
    return f"{PROCESSES_AZ}/{key}.md"


def ownership_src(unit_id: str | None) -> str:
    """The ownership report of one unit's processes (of those without a unit for None),
    in the folder of the ownership report. The prefix keeps a unit called "index" from
    taking the report's own address."""
    name = f"einheit-{unit_id}" if unit_id else "ohne-einheit"
    return f"{OWNERSHIP.removesuffix('.md')}/{name}.md"


def risk_src(unit_id: str | None) -> str:
    """The knowledge-risk report of one unit (of what has no unit for None), in the folder
    of the report; named like the units' ownership reports."""
    name = f"einheit-{unit_id}" if unit_id else "ohne-einheit"
    return f"{RISKS.removesuffix('.md')}/{name}.md"


def entity_src(kind: EntityKind, entity_id: str) -> str:
    """The virtual Markdown source path of an entity's page."""
    return f"{AREA[kind]}/{entity_id}.md"


def area_src(src: str) -> str | None:
    """The area index (``prozesse/index.md``) an entity page (``prozesse/x.md``) belongs to."""
    folder, _, name = src.partition("/")
    if folder in AREA.values() and name and "/" not in name and name != "index.md":
        return f"{folder}/index.md"
    return None


@dataclass(frozen=True)
class SiteUrls:
    """Turns virtual source paths into URLs the way MkDocs does."""

    use_directory_urls: bool = True

    def url(self, src: str) -> str:
        """Site-relative URL of the page built from ``src`` (``prozesse/x.md``)."""
        stem = src[: -len(".md")] if src.endswith(".md") else src
        name = posixpath.basename(stem)
        if not self.use_directory_urls:
            return f"{stem}.html"
        if name in ("index", "README"):
            parent = posixpath.dirname(stem)
            return f"{parent}/" if parent else ""
        return f"{stem}/"

    def link(self, from_src: str, to_src: str, anchor: str | None = None) -> str:
        """Relative URL from the page of ``from_src`` to the page of ``to_src``."""
        return _cached_link(self, from_src, to_src, anchor)

    def _link(self, from_src: str, to_src: str, anchor: str | None) -> str:
        if from_src == to_src:
            return f"#{anchor}" if anchor else "./"
        there = self.url(to_src)
        relative = posixpath.relpath(there or ".", self._folder(from_src) or ".")
        if (there == "" or there.endswith("/")) and not relative.endswith("/"):
            relative += "/"
        return f"{relative}#{anchor}" if anchor else relative

    def _folder(self, src: str) -> str:
        here = self.url(src)
        return here.rstrip("/") if here.endswith("/") else posixpath.dirname(here)

    def beside(self, src: str, name: str) -> str:
        """The site path of a file named ``name`` in the folder of the page built from
        ``src``: a relative link means the same in the page and in that file."""
        folder = self._folder(src)
        return f"{folder}/{name}" if folder else name

    def asset(self, from_src: str, path: str) -> str:
        """Relative URL from a page to a static file of the site (``assets/x.css``)."""
        return posixpath.relpath(path, self._folder(from_src) or ".")


@functools.lru_cache(maxsize=65536)
def _cached_link(urls: SiteUrls, from_src: str, to_src: str, anchor: str | None) -> str:
    # Pages link to the same few targets again and again; relpath is the costly part.
    return urls._link(from_src, to_src, anchor)


def bpmn_file_name(process_id: str) -> str:
    """The file name of a process's BPMN export."""
    return f"{process_id}.bpmn"


def bpmn_site_path(process_id: str) -> str:
    """Where a process's BPMN file lives in the site, beside its page."""
    return f"{AREA['process']}/{bpmn_file_name(process_id)}"
