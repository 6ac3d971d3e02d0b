"""Finished HTML kept away from Markdown and from the search parser, and put back."""

from __future__ import annotations

import markdown
from material.plugins.search.plugin import Parser

from prozesshandbuch.build.htmlblocks import HtmlBlocks, SearchStubs

PAGE = """# Titel

<div class="ph-facts">
<dl><dt>Rolle</dt><dd><a href="../x/">X</a></dd></dl>
</div>

## Ablauf

<figure class="ph-diagram" data-search-exclude=""><svg><g><text>Schritt</text></g></svg></figure>

<p class="ph-summary">Kurz.</p>
<ul class="ph-next">
<li>weiter</li>
</ul>

<div class="ph-summary"><pre><code>Zeile eins

Zeile drei</code></pre></div>

Ein *Absatz* in Markdown.
"""


def test_blocks_pass_markdown_untouched_and_come_back_in_place() -> None:
    blocks = HtmlBlocks()
    skeleton = blocks.extract("p.md", PAGE)
    assert "ph-facts" not in skeleton
    assert "Zeile drei" not in skeleton  # the block went on past its blank line
    assert skeleton.count(blocks.token) == 4
    html = blocks.fill("p.md", markdown.markdown(skeleton))
    assert "<h2>Ablauf</h2>" in html
    for block in (
        '<div class="ph-facts">\n<dl><dt>Rolle</dt><dd><a href="../x/">X</a></dd></dl>\n</div>',
        "<pre><code>Zeile eins\n\nZeile drei</code></pre></div>",
        '<p class="ph-summary">Kurz.</p>\n<ul class="ph-next">\n<li>weiter</li>\n</ul>',
    ):
        assert block in html
    assert "<p>Ein <em>Absatz</em> in Markdown.</p>" in html
    assert blocks.token not in html


def test_an_unclosed_block_is_left_to_markdown() -> None:
    blocks = HtmlBlocks()
    text = "# T\n\n<div>\nnie geschlossen\n\nText"
    assert blocks.extract("p.md", text) == text
    assert blocks.fill("p.md", "<p>x</p>") == "<p>x</p>"


def sections(html: str) -> list[tuple[str, str]]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [("".join(s.title), "".join(s.text)) for s in parser.data]


def test_search_parser_sees_the_same_page_without_the_diagram() -> None:
    html = markdown.markdown(PAGE, extensions=["toc"])
    stubs = SearchStubs()
    stubbed = stubs.stub("p.md", html)
    assert "<svg>" not in stubbed
    assert sections(stubbed) == sections(html)
    assert stubs.restore("p.md", stubbed) == html


def test_a_figure_with_search_attributes_inside_stays() -> None:
    html = '<figure data-search-exclude=""><p data-search-boost="2">x</p></figure>'
    stubs = SearchStubs()
    assert stubs.stub("p.md", html) == html
    assert stubs.restore("p.md", html) == html
