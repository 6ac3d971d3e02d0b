"""export -> import -> export on every demo process gives the same model and the same file."""

from __future__ import annotations

from pathlib import Path

import pytest

from prozesshandbuch.content import flow
from prozesshandbuch.content.load import load_handbook
from prozesshandbuch.content.model import Handbook, Process
from prozesshandbuch.interop.bpmn_export import export_process
from prozesshandbuch.interop.bpmn_import import convert_bpmn
from prozesshandbuch.interop.bpmn_plan import known_content

REPO_ROOT = Path(__file__).resolve().parents[1]
DEMO_IDS = sorted(p.stem for p in (REPO_ROOT / "content" / "processes").glob("*.yml"))


@pytest.fixture(scope="module")
def demo() -> Handbook:
    return load_handbook(REPO_ROOT / "content", REPO_ROOT).handbook


def _without_next(process: Process) -> dict[str, object]:
    """The model with `next` left out; the flow it spells is compared as edges."""
    data = process.model_dump()
    for step in data["steps"]:
        step.pop("next")
    return data


@pytest.mark.parametrize("process_id", DEMO_IDS)
def test_round_trip_gives_the_same_model_and_file(
    demo: Handbook, process_id: str, tmp_path: Path
) -> None:
    titles = {role_id: role.title for role_id, role in demo.roles.items()}
    original = demo.processes[process_id]
    first = export_process(original, titles)
    file = tmp_path / f"{process_id}.bpmn"
    file.write_bytes(first)
    result = convert_bpmn([(file, file.name)], known_content(REPO_ROOT / "content"))
    assert [n.format("de") for n in result.notices] == []
    assert result.role_stubs == {}
    (imported,) = [item.process for item in result.processes]
    assert imported.id == process_id
    # `next: end` on the last step and `next` naming the following step say nothing the
    # list order does not; the import leaves them out, so the flow is compared as edges.
    assert flow.edges(imported) == flow.edges(original)
    assert _without_next(imported) == _without_next(original)
    assert export_process(imported, titles) == first
