"""Turn dot's SVG into markup that can be inlined in a page and used with a screen reader.

dot writes a stand-alone document: an XML prolog and doctype, comments, a white
background, black strokes, a ``<title>`` with the internal node id (``n3``) on every
element and links only as ``xlink:href``. Inlined in HTML that would give screen readers
"n3" as the name of every step, a white block in the dark scheme and duplicate element
ids on the page. This module rewrites it:

* the root gets ``role="group"`` (it contains links, so it is not a single image), an
  ``aria-label``, and a ``<title>`` and ``<desc>`` that say what the diagram shows and
  where its text alternative is;
* every link gets a real ``href``, and its tooltip becomes its ``<title>`` (the step
  title, not a node id), which is both the tooltip and the link's accessible name;
* ids, dot's titles, comments, the per-label font and the background go (diagrams.css
  sets the font); black becomes ``currentColor``, so
  that even without diagrams.css the drawing follows the text colour of the scheme;
* compact.py then writes the same drawing with less markup.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from .. import i18n
from .compact import compact
from .quoting import printable

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_SVG = f"{{{SVG_NS}}}"
_XLINK = f"{{{XLINK_NS}}}"
# Links in a diagram are computed by SiteUrls and are always relative; anything with a
# scheme ("javascript:", "https:") or a network path ("//host") is dropped as a last guard.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class SvgError(ValueError):
    """dot's output could not be read as SVG; the message is the XML parser's."""


def accessible_svg(svg: str, *, dom_id: str, name: str, description: str) -> str:
    """The SVG markup for inlining, with ``name`` and ``description`` for assistive tech.

    ``dom_id`` prefixes the ids of the added ``<title>`` and ``<desc>``; it must be unique
    on the page.
    """
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as error:
        raise SvgError(str(error)) from error
    _drop_dot_titles(root)
    _drop_background(root)
    for element in root.iter():
        element.attrib.pop("id", None)
        # dot repeats the font on every label; diagrams.css sets it for all diagram text
        # (and wins over the attribute anyway), so it is dead weight on every page.
        element.attrib.pop("font-family", None)
        element.text = element.text if element.text and element.text.strip() else None
        element.tail = None
        for attribute in ("fill", "stroke"):
            if element.get(attribute) == "black":
                element.set(attribute, "currentColor")
    for anchor in list(root.iter(f"{_SVG}a")):
        _rewrite_link(anchor)
    for group in root.iter(f"{_SVG}g"):
        if "edge" in group.get("class", "").split():
            # Branch labels ("ja", "nein") read out of context mean nothing; the steps
            # table says which branch leads where.
            group.set("aria-hidden", "true")
    _drop_empty_groups(root)
    compact(root)
    name, description = _one_line(name), _one_line(description)
    _size_for_reading(root)
    root.set("class", "ph-diagram-svg")
    root.set("role", "group")
    root.set("aria-label", name)
    root.set("aria-describedby", f"{dom_id}-desc")
    title = ET.Element(f"{_SVG}title", {"id": f"{dom_id}-title"})
    title.text = name
    desc = ET.Element(f"{_SVG}desc", {"id": f"{dom_id}-desc"})
    desc.text = description
    root.insert(0, desc)
    root.insert(0, title)
    return _serialise(root)


def figure(svg: str, caption: str, kind: str, language: str = "de", name: str = "") -> str:
    """The inline SVG in a ``<figure>`` with a visible caption, on one line.

    The drawing sits in a box that scrolls sideways when it is wider than the page (a
    named region that keyboard users can focus), so it is never shrunk below a legible
    size; a button, shown by diagram-viewer.js, opens it at full size to pan and zoom.
    One line, because a blank line would end the raw HTML block in Markdown. The figure is
    kept out of the search index: its words repeat the steps table next to it.
    """

    # The name comes from content: one printable line, or a blank line would end the raw
    # HTML block in Markdown.
    name = _one_line(name)

    def say(key: str, **params: object) -> str:
        return html.escape(i18n.text(key, language, **params))

    viewer = " ".join(
        f'data-ph-{key.removeprefix("layout.diagram-")}="{say(key)}"'
        for key in (
            "layout.diagram-hint",
            "layout.diagram-zoom-in",
            "layout.diagram-zoom-out",
            "layout.diagram-zoom-reset",
            "layout.diagram-close",
        )
    )
    return (
        f'<figure class="ph-diagram ph-diagram--{html.escape(kind)}" data-search-exclude="" '
        f'data-ph-view="{say("layout.diagram-view", name=name)}" {viewer}>'
        f'<button type="button" class="md-button ph-diagram-open" hidden="">'
        f"{say('layout.diagram-open')}</button>"
        f'<div class="ph-diagram-scroll" role="region" tabindex="0" '
        f'aria-label="{html.escape(name)}">{svg}</div>'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>"
    )


def is_site_relative(url: str) -> bool:
    """Whether ``url`` is a relative link within the site (no scheme, no host)."""
    return (
        bool(url)
        and not _SCHEME.match(url)
        and not url.startswith(("//", "\\"))
        and not any(char.isspace() or char == "\\" for char in url)
    )


def _serialise(root: ET.Element) -> str:
    # Plain tag names and an explicit xmlns: ElementTree would otherwise invent "ns0:"
    # prefixes, and its default_namespace option rejects attributes without a namespace.
    for element in root.iter():
        if element.tag.startswith(_SVG):
            element.tag = element.tag[len(_SVG) :]
    root.set("xmlns", SVG_NS)
    # A line break left in a tooltip would let a blank line end the raw HTML block in
    # Markdown; as a character reference it means the same and keeps the markup one line.
    # ElementTree writes empty elements as "<rect ... />"; the space is one byte per
    # shape. ">" is always escaped inside attribute values and text, so " />" only ever
    # closes a tag.
    markup = ET.tostring(root, encoding="unicode").replace(" />", "/>")
    return markup.replace("\n", "&#10;")


def _size_for_reading(root: ET.Element) -> None:
    # dot measures in points; drawn at one CSS pixel per point, its smallest text (11 pt)
    # is 11 px. diagrams.css never shrinks a diagram below this size: a wider one
    # scrolls inside its box instead of turning its text into a 6 px blur.
    for attribute in ("width", "height"):
        value = root.get(attribute, "")
        if value.endswith("pt"):
            root.set(attribute, value[: -len("pt")])


def _one_line(text: str) -> str:
    return " ".join(printable(text).split())


def _drop_dot_titles(root: ET.Element) -> None:
    # dot's titles name internal node ids ("n3", "n0->n1"): noise for a screen reader.
    for parent in root.iter():
        for child in list(parent):
            if child.tag == f"{_SVG}title":
                parent.remove(child)


def _drop_background(root: ET.Element) -> None:
    # The page is the background; dot's white rectangle would glare in the dark scheme.
    for group in root.findall(f"{_SVG}g"):
        for child in list(group):
            if child.tag == f"{_SVG}polygon" and child.get("fill") == "white":
                group.remove(child)


def _drop_empty_groups(parent: ET.Element) -> None:
    # Invisible layout helpers (the lane spine) leave groups with nothing to draw.
    for child in list(parent):
        _drop_empty_groups(child)
        if child.tag == f"{_SVG}g" and len(child) == 0 and not child.text:
            parent.remove(child)


def _rewrite_link(anchor: ET.Element) -> None:
    href = anchor.attrib.pop(f"{_XLINK}href", None)
    tooltip = anchor.attrib.pop(f"{_XLINK}title", None)
    for attribute in [name for name in anchor.attrib if name.startswith(_XLINK)]:
        del anchor.attrib[attribute]
    if tooltip:
        title = ET.Element(f"{_SVG}title")
        title.text = tooltip
        anchor.insert(0, title)
    if href is not None and is_site_relative(href):
        # No aria-label beside the <title>: browsers take an SVG link's name from its
        # title (SVG-AAM), and repeating it would cost every step box its length again.
        anchor.set("href", href)
    else:
        # dot wraps tooltips of unlinked shapes in <a> too; a link without a target would
        # be announced as a link, so it becomes a plain group that keeps the tooltip.
        anchor.tag = f"{_SVG}g"
