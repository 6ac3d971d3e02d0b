"""Finished HTML blocks kept away from Markdown, and filled in after it.

A generated page is mostly finished HTML (tables, diagrams, fact lists) between a few
Markdown headings. Python-Markdown would scan every byte of those blocks to find where
each ends, only to pass them through unchanged; on a large handbook that was the
biggest share of the build. So the plugin hands Markdown a skeleton in which each HTML
block is one placeholder paragraph, and puts the blocks back into the rendered page.
Headings stay Markdown, so the table of contents and anchors are built as before.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

_BLOCK_TAGS = (
    "address|article|aside|blockquote|details|div|dl|figure|footer|form|header|nav|ol|p"
    "|pre|section|table|ul"
)
_BLOCK_START = re.compile(rf"<(?:{_BLOCK_TAGS})[\s>]")
_OPENING = re.compile(rf"<({_BLOCK_TAGS})[\s>]")
_CLOSING = re.compile(rf"</({_BLOCK_TAGS})>")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


@dataclass
class HtmlBlocks:
    """Placeholders of one build and the blocks they stand for, per page."""

    token: str = field(default_factory=lambda: "phblock" + secrets.token_hex(6))
    """Unlike anything an author can write, and new in each process."""
    pages: dict[str, dict[str, str]] = field(default_factory=dict)

    def extract(self, page: str, markdown: str) -> str:
        """The page's Markdown with every top-level HTML block replaced by a placeholder."""
        chunks = _BLANK_LINES.split(markdown)
        blocks: dict[str, str] = {}
        out: list[str] = []
        index = 0
        while index < len(chunks):
            chunk = chunks[index]
            match = _BLOCK_START.match(chunk)
            if match is None:
                out.append(chunk)
                index += 1
                continue
            # A block ends where its tags are all closed, which may be after a blank
            # line (a code example in a description keeps its empty lines).
            end = index
            block = chunk
            while not _balanced(block) and end + 1 < len(chunks):
                end += 1
                block = block + "\n\n" + chunks[end]
            if not _balanced(block):
                out.extend(chunks[index:])
                break
            placeholder = f"{self.token}x{len(blocks)}"
            blocks[placeholder] = block
            out.append(placeholder)
            index = end + 1
        if not blocks:
            self.pages.pop(page, None)
            return markdown
        self.pages[page] = blocks
        return "\n\n".join(out)

    def fill(self, page: str, html: str) -> str:
        """The rendered page with its blocks back in place of their placeholders."""
        blocks = self.pages.pop(page, None)
        if not blocks:
            return html
        return re.sub(
            rf"<p>({self.token}x\d+)</p>",
            lambda match: blocks.get(match.group(1), match.group(0)),
            html,
        )


def _balanced(block: str) -> bool:
    """Every block-level tag opened in ``block`` is closed, and it ends with a tag."""
    if not block.rstrip().endswith(">"):
        return False
    opened = sorted(_OPENING.findall(block))
    return opened == sorted(_CLOSING.findall(block))


_EXCLUDED_FIGURE = re.compile(r'(<figure [^>]*data-search-exclude=""[^>]*>)(.*?)(</figure>)', re.S)


@dataclass
class SearchStubs:
    """Diagrams left out of the search plugin's parse, which skips them anyway.

    A diagram is hundreds of SVG elements marked ``data-search-exclude``; Material's
    search parser reads every one of them only to drop them. While it indexes a page
    (``on_page_context``), each such figure is an empty one with the same opening tag,
    which gives the parser the same sections and text; right after, the figures are
    put back. A figure with other ``data-search-`` attributes inside is left alone,
    since the search plugin strips those from the page.
    """

    pages: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def stub(self, page: str, html: str) -> str:
        """``html`` with each excluded figure emptied; remembered for :meth:`restore`."""
        figures: list[tuple[str, str]] = []

        def empty(match: re.Match[str]) -> str:
            if "data-search-" in match.group(2):
                return match.group(0)
            stub = match.group(1) + match.group(3)
            figures.append((stub, match.group(0)))
            return stub

        stubbed = _EXCLUDED_FIGURE.sub(empty, html)
        if figures:
            self.pages[page] = figures
        return stubbed

    def restore(self, page: str, html: str) -> str:
        """The page with its figures back, in order."""
        for stub, figure in self.pages.pop(page, []):
            html = html.replace(stub, figure, 1)
        return html
