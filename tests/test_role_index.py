"""The role index: every role while a handbook is small; each unit with its number of
roles once it is large (292 kB for 1,260 roles at 5,000 processes).

The limit is lowered for the test, so that the demo handbook counts as large.
"""

from __future__ import annotations

from collections import Counter

import pytest

from pagebuild import demo_context, generated_body, pages_by_src
from prozesshandbuch.content.textfold import slugify
from prozesshandbuch.i18n import text
from prozesshandbuch.pages import PageContext, overview_pages


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> PageContext:
    return demo_context(tmp_path_factory.mktemp("roles"))


def test_a_small_handbook_lists_every_role_under_its_unit(demo: PageContext) -> None:
    body = generated_body(pages_by_src(demo)["rollen/index.md"])
    links = [a["href"] for a in body.select(".ph-roles a")]
    assert sorted(links) == sorted(f"{role_id}/" for role_id in demo.handbook.roles)
    assert not body.select(".ph-roles--units")


def test_a_large_handbook_names_each_unit_with_its_roles(
    demo: PageContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(overview_pages, "ROLE_SPLIT_LIMIT", 1)
    built = pages_by_src(demo)
    body = generated_body(built["rollen/index.md"])
    per_unit = Counter(role.unit for role in demo.handbook.roles.values())
    intro = body.select_one("p")
    assert intro is not None
    assert intro.get_text().startswith(
        f"{len(demo.handbook.roles)} Rollen in {len(per_unit)} Organisationseinheiten"
    )
    items = body.select(".ph-roles--units li")
    assert len(items) == len(per_unit)
    anchor = slugify(text("page.roles"))
    for item in items:
        href = item.a["href"]
        unit_id = href.split("/")[-2]
        assert href == f"../einheiten/{unit_id}/#{anchor}"
        # The unit's page has the heading the anchor names, and lists the roles there.
        unit_page = built[f"einheiten/{unit_id}.md"].markdown
        assert f"\n## {text('page.roles')}\n" in unit_page
        count = per_unit[unit_id]
        assert unit_page.count('href="../../rollen/') >= count
        assert item.a.get_text() == demo.handbook.units[unit_id].title
        assert " ".join(item.get_text().split()).endswith(
            "(1 Rolle)" if count == 1 else f"({count} Rollen)"
        )
    assert not body.select(".ph-roles:not(.ph-roles--units)")
