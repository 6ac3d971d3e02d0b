"""Hostile content for the security tests: payloads, a handbook made of them, and the
oracle that decides whether a built page or search index carries content-made markup.

Every payload carries the canary word ``phx`` (as a tag, an attribute or inside the script
it would run), so a page that contains an element or attribute named after the canary, or
a script mentioning it, has let content through as markup.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup, Tag

from conftest import write_content
from gitrepo import GitRepo

CANARY = "phx"

# Known filter-evasion payloads (OWASP XSS Filter Evasion Cheat Sheet and friends), each
# marked with the canary so a hit can be traced to content.
PAYLOADS: tuple[str, ...] = (
    "<script>alert('phx')</script>",
    "<img src=x onerror=alert('phx')>",
    "<IMG SRC=JaVaScRiPt:alert('phx')>",
    '"><svg onload=alert("phx")>',
    "'><script>alert('phx')</script>",
    "</title><script>alert('phx')</script>",
    "</textarea><phx phx=1>",
    "&lt;img src=x onerror=alert('phx')&gt;",
    "`<img src=x onerror=alert('phx')>`",
    "[phx](javascript:alert('phx'))",
    "![phx](x\" onerror=\"alert('phx'))",
    "<a href=\"javascript:alert('phx')\">phx</a>",
    "<<SCRIPT>alert('phx');//<</SCRIPT>",
    '<IMG """><SCRIPT>alert("phx")</SCRIPT>">',
    "<iframe src=javascript:alert('phx')></iframe>",
    "<svg><script>alert('phx')</script></svg>",
    "<math><mi xlink:href=\"javascript:alert('phx')\">phx</mi></math>",
    "<details open ontoggle=alert('phx')>phx</details>",
    "<BODY ONLOAD=alert('phx')>",
    "<style>@import 'http://phx.invalid/x.css';</style>",
    "<!--<img src=x onerror=alert('phx')>-->",
    "<div style=\"background:url(javascript:alert('phx'))\">phx</div>",
    '" onmouseover="alert(\'phx\')" x="',
    "' onfocus='alert(\"phx\")' autofocus x='",
    '<base href="http://phx.invalid/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(\'phx\')">',
    "<object data=javascript:alert('phx')></object>",
    "javascript:alert('phx')",
    "{{ phx }} {% phx %} ${phx}",
    '"]; phx [URL="javascript:alert(1)" label=<<b>phx</b>>]; x [label="',
    "<phx phx=phx>phx</phx>",
    "&#60;script&#62;alert('phx')&#60;/script&#62;",
    "<scr<script>ipt>alert('phx')</scr</script>ipt>",
    "%3Cscript%3Ealert('phx')%3C/script%3E",
    "Fett **<b onclick=alert('phx')>phx</b>** _<u>phx</u>_",
)


def _yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def hostile_handbook(payload: str | Iterable[str] = PAYLOADS) -> dict[str, str]:
    """A valid handbook whose every free-text field holds payloads.

    With a single string, every field holds that string; with several, the fields take
    them in turn so that each payload lands in many different places.
    """
    texts = [payload] if isinstance(payload, str) else list(payload)

    def cycle() -> Iterator[str]:
        while True:
            yield from texts

    source = cycle()

    def text() -> str:
        return next(source)

    return {
        "units/amt.yml": _yaml(
            {"title": text(), "head": "leitung", "contact": text(), "summary": text()}
        ),
        "units/team.yml": _yaml({"title": text(), "parent": "amt", "summary": text()}),
        "roles/leitung.yml": _yaml(
            {
                "title": text(),
                "unit": "amt",
                "summary": text(),
                "responsibilities": [text(), text()],
                "contact": text(),
                "phone": text(),
                "skills": [text()],
                "holders": [{"name": text(), "username": "emuster"}],
            }
        ),
        "roles/sachbearbeitung.yml": _yaml(
            {
                "title": text(),
                "unit": "team",
                "deputy": "leitung",
                "summary": text(),
                "responsibilities": [text()],
                "holders": [{"name": text()}],
            }
        ),
        "systems/fachverfahren.yml": _yaml(
            {
                "title": text(),
                "kind": text(),
                "vendor": text(),
                "owner": "leitung",
                "summary": text(),
            }
        ),
        "processes/antrag.yml": _yaml(
            {
                "title": text(),
                "summary": text(),
                "owner": "leitung",
                "tags": [text(), text()],
                "keywords": [text(), text()],
                "legal_basis": [text(), {"title": text(), "url": "https://example.org/"}],
                "trigger": text(),
                "result": text(),
                "systems": ["fachverfahren"],
                "documents": [{"title": text()}],
                "review": {"last_reviewed": "2026-06-01"},
                "metrics": {"faelle": text()},
                "weaknesses": [
                    {"title": text(), "step": "pruefen", "kind": "media-break", "measure": text()}
                ],
                "steps": [
                    {
                        "id": "pruefen",
                        "title": text(),
                        "role": "sachbearbeitung",
                        "description": text(),
                        "systems": ["fachverfahren"],
                        "consulted": ["leitung"],
                        "inputs": [text()],
                        "outputs": [text()],
                        "duration": text(),
                    },
                    {
                        "id": "entscheiden",
                        "title": text(),
                        "kind": "decision",
                        "role": "leitung",
                        "next": [
                            {"to": "zeichnen", "when": text()},
                            {"to": "end", "when": text()},
                        ],
                    },
                    {"id": "zeichnen", "title": text(), "role": "leitung"},
                ],
            }
        ),
        "processes/folge.yml": _yaml(
            {
                "title": text(),
                "summary": text(),
                "owner": "sachbearbeitung",
                "tags": [text()],
                "review": {"last_reviewed": "2026-06-01"},
                "steps": [
                    {"title": text(), "role": "sachbearbeitung", "calls": "antrag"},
                ],
            }
        ),
    }


def commit_hostile_history(root: Path, texts: list[str]) -> None:
    """Make the project in ``root`` a git repository with two commits of the hostile
    handbook, the second with the texts shifted and marked, so that every field changed:
    history, "Was ist neu" and ``feed.xml`` then carry the payloads as titles, as changes
    in words, as commit subjects and as author names."""
    repo = GitRepo(root)
    first, second = texts[0], texts[1 % len(texts)]
    one_line = " ".join(first.split())
    repo.commit(
        f"Anlage {first}", (f"Autorin {one_line}", "a@example.org"), "2026-01-05T10:00:00+01:00"
    )
    shifted = [*texts[1:], texts[0]]
    write_content(root, hostile_handbook([f"{text} (neu)" for text in shifted]))
    repo.commit(
        f"Änderung {second}", ("Max Beispiel", "m@example.org"), "2026-02-05T10:00:00+01:00"
    )


# -- the oracle ----------------------------------------------------------------------------

_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"}
_FORBIDDEN_ELEMENTS = {"iframe", "object", "embed", "frame", "frameset", "base", "applet"}
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:text", "data:application")
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
# Material's own search "share" button; clicks are handled by its bundle, never the URL.
_MATERIAL_VOID_LINK = ("search-share", "javascript:void(0)")


def inline_script_hashes(soup: BeautifulSoup) -> set[str]:
    """The CSP source expressions (``'sha256-…'``) that the page's meta tag allows."""
    meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    if not isinstance(meta, Tag):
        return set()
    policy = str(meta.get("content", ""))
    return {token.strip("'") for token in policy.split() if token.startswith("'sha256-")}


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def markup_problems(soup: BeautifulSoup, where: str, *, check_scripts: bool = True) -> list[str]:
    """Every sign of content-made markup in a parsed page, one line each."""
    problems = []
    allowed = inline_script_hashes(soup)
    for element in soup.find_all(True):
        name = element.name.lower()
        if CANARY in name:
            problems.append(f"{where}: element <{element.name}> from content")
        if name in _FORBIDDEN_ELEMENTS:
            problems.append(f"{where}: forbidden element <{element.name}>")
        runs = name == "script" and str(element.get("type", "")).lower() in _SCRIPT_TYPES
        if runs and check_scripts:
            if element.get("src"):
                source = str(element["src"])
                if ":" in source.split("/")[0]:
                    problems.append(f"{where}: script from elsewhere: {source}")
            elif script_hash(element.string or "") not in allowed:
                problems.append(f"{where}: inline script not allowed by CSP: {element!s:.120}")
        if name == "script" and CANARY in (element.string or ""):
            problems.append(f"{where}: script written by content: {element!s:.120}")
        if name == "meta" and element.get("http-equiv", "").lower() == "refresh":
            problems.append(f"{where}: meta refresh from content")
        for attribute, value in element.attrs.items():
            lowered = attribute.lower()
            if CANARY in lowered or lowered.startswith("on"):
                problems.append(f"{where}: attribute {attribute}= on <{element.name}>")
            values = value if isinstance(value, list) else [value]
            if lowered in _URL_ATTRIBUTES:
                for item in values:
                    squeezed = "".join(str(item).split()).lower()
                    material = (element.get("data-md-component"), squeezed) == _MATERIAL_VOID_LINK
                    if squeezed.startswith(_BAD_SCHEMES) and not material:
                        problems.append(f"{where}: {attribute}={item!r} on <{element.name}>")
            if lowered == "style" and "javascript:" in str(value).lower():
                problems.append(f"{where}: script in style on <{element.name}>")
    return problems


def page_problems(html_file: Path, site: Path, *, check_scripts: bool = True) -> list[str]:
    """Content-made markup in one built HTML page, parsed as a browser does (html5lib)."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html5lib")
    where = str(html_file.relative_to(site))
    return markup_problems(soup, where, check_scripts=check_scripts)


def search_index_problems(site: Path) -> list[str]:
    """Content-made markup in Material's search index (it renders titles and tags as HTML)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    problems = []
    for doc in index["docs"]:
        where = f"search_index.json[{doc['location']}]"
        for field in ("title", "text"):
            fragment = BeautifulSoup(doc.get(field, ""), "html5lib")
            problems.extend(markup_problems(fragment, f"{where}.{field}", check_scripts=False))
            if fragment.find("script"):
                problems.append(f"{where}.{field}: <script> in search data")
        for tag in doc.get("tags", []):
            # A tag is shown as HTML by Material; it must be plain escaped text.
            if BeautifulSoup(tag, "html5lib").body.find(True):  # type: ignore[union-attr]
                problems.append(f"{where}.tags: markup in tag {tag!r}")
    return problems


@dataclass(frozen=True)
class SiteVerdict:
    pages: int
    problems: list[str]


def site_problems(site: Path, *, check_scripts: bool = True) -> SiteVerdict:
    """Check every HTML page and the search index of a built site.

    ``check_scripts`` also requires every inline script to be allowed by the page's CSP.
    """
    problems: list[str] = []
    pages = sorted(site.rglob("*.html"))
    for html_file in pages:
        problems.extend(page_problems(html_file, site, check_scripts=check_scripts))
    problems.extend(search_index_problems(site))
    return SiteVerdict(len(pages), problems)
