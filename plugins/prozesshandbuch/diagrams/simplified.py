"""A simplified flow for processes too branched for a full swimlane layout.

dot's crossing minimisation and coordinate assignment grow with the number of ranks every
edge spans: a dense decision graph of 250 steps whose branches jump back and forth made
dot run past its time limit on every build, and the page lost its diagram. Such a
process is drawn as a single column in step order instead: only transitions to the next
step are arrows, every other one is written in the step's box ("→ ja: 12; nein: Ende").
That layout has no crossings to minimise and always comes out quickly; the caption says
that the diagram is simplified, and the steps table next to it has every detail.
"""

from __future__ import annotations

from ..content import flow
from ..content.model import Process
from ..content.urls import entity_src
from ..i18n import Texts
from .quoting import AttrValue, attr_list, wrap
from .source import DotDiagram
from .style import defaults

LAYOUT_COST_LIMIT = 1500
"""Above this estimate a process is drawn simplified from the start. The estimate is the
number of ranks all transitions span together; the largest process of the demo handbook
costs under 100, the dense 250-step graph that timed out over 60,000."""
LABEL_WIDTH = 40


def layout_cost(process: Process) -> int:
    """How many ranks the transitions of ``process`` span together, a proxy for dot's work."""
    return sum(
        abs(edge.target - edge.source) for edge in flow.edges(process) if edge.target is not None
    ) + len(process.steps)


def simplified_process_diagram(process: Process, texts: Texts) -> DotDiagram:
    """The steps of ``process`` in one column, jumps written out; see the module."""
    edges = flow.edges(process)
    jumps: dict[int, list[str]] = {}
    for edge in edges:
        if edge.target == edge.source + 1:
            continue
        target = texts("page.end") if edge.target is None else str(edge.target + 1)
        jumps.setdefault(edge.source, []).append(
            f"{edge.label}: {target}" if edge.label else target
        )
    lines = [
        "digraph G {",
        *defaults({"class": "ph-flow ph-flow--simplified", "rankdir": "TB", "ranksep": 0.25}),
        "s "
        + attr_list({"label": texts("diagram.start"), "class": "ph-start", "shape": "circle"})
        + ";",
    ]
    for index, step in enumerate(process.steps):
        label = wrap(f"{index + 1}. {step.title}", LABEL_WIDTH)
        if index in jumps:
            label += "\n" + wrap("→ " + "; ".join(jumps[index]), LABEL_WIDTH)
        kind = "ph-decision" if flow.is_decision(step) else "ph-task"
        attrs: dict[str, AttrValue] = {"label": label, "class": f"ph-step {kind}"}
        lines.append(f"n{index} {attr_list(attrs)};")
    lines.append("s -> n0 " + attr_list({"class": "ph-edge"}) + ";")
    followed = {edge.source for edge in edges if edge.target == edge.source + 1}
    for index in range(len(process.steps) - 1):
        # An invisible edge keeps the column in step order where the flow does not go on.
        style: dict[str, AttrValue] = (
            {"class": "ph-edge"} if index in followed else {"style": "invis"}
        )
        lines.append(f"n{index} -> n{index + 1} {attr_list(style)};")
    lines.append("}")
    return DotDiagram(
        key=f"process:{process.id}",
        page_src=entity_src("process", process.id),
        source="\n".join(lines) + "\n",
        name=texts("diagram.process-name", title=process.title),
        description=texts("diagram.simplified-description"),
        caption=texts("diagram.simplified-caption"),
        kind="process",
        simplified=True,
    )
