"""The page of one process: facts, flow, steps, RACI, hand-offs and everything around it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import i18n
from ..analysis.relations import Handoff, ProcessReach
from ..analysis.standing import Standing, standing
from ..content.flow import step_anchor, step_index, targets
from ..content.model import END, Process, Step
from ..content.urls import bpmn_site_path, entity_src
from ..i18n import Texts
from .context import GeneratedPage, PageContext
from .render import PageView, front_matter, render
from .text import plain_text, search_names, search_terms

# Processes rank above roles (3) and units (4) that mention them; those not in force
# below those in force, a repealed one below everything it was replaced by.
_SEARCH_BOOST = {None: 5.0, Standing.TO_BE: 3.0, Standing.DRAFT: 3.0, Standing.RETIRED: 0.5}


@dataclass(frozen=True)
class NextLink:
    label: str | None
    anchor: str | None
    """Anchor of the target step; None means the process ends."""
    title: str


@dataclass(frozen=True)
class StepRow:
    number: int
    anchor: str
    step: Step
    following: list[NextLink]


@dataclass(frozen=True)
class HandoffGroup:
    """The hand-offs from one role to another in a process: the roles (and units) once,
    then the steps where the work passes, in flow order."""

    first: Handoff
    steps: list[tuple[int, int]]


def handoff_groups(reach: ProcessReach) -> list[HandoffGroup]:
    """Hand-offs grouped by who passes to whom, in the order each pair first occurs.

    Two desks that pass a case back and forth eight times were eight lines with both
    names each; as two lines the reader sees the pair and how often at a glance, and the
    order of all steps stays in the steps table and the diagram.
    """
    groups: dict[tuple[str, str], HandoffGroup] = {}
    for handoff in reach.handoffs:
        key = (handoff.from_role, handoff.to_role)
        if key not in groups:
            groups[key] = HandoffGroup(handoff, [])
        groups[key].steps.append((handoff.source, handoff.target))
    return list(groups.values())


def handoff_sentence(reach: ProcessReach, t: Texts) -> str:
    """One sentence that counts desks, units and hand-offs; numbers up to twelve as words."""
    language = t.language
    handoffs = len(reach.handoffs)
    crossing = sum(1 for h in reach.handoffs if h.crosses_units)
    if handoffs == 0:
        handed = i18n.text("layout.handoffs-none", language)
    else:
        handed = i18n.plural("layout.handoffs", handoffs, language, times=times(handoffs, language))
    return i18n.text(
        "layout.handoff-sentence",
        language,
        desks=i18n.plural("layout.desks", len(reach.roles), language),
        units=i18n.plural("layout.units-in", len(reach.units), language),
        handoffs=handed,
        crossing=(
            i18n.plural("layout.crossing", crossing, language, times=times(crossing, language))
            if crossing
            else ""
        ),
    )


def times(count: int, language: str) -> str:
    """'dreimal', '13-mal' / 'three times', '13 times'."""
    if 0 <= count <= 12:
        return i18n.text("layout.times-words", language, words=i18n.number_words(count, language))
    return i18n.text("layout.times-digits", language, number=i18n.format_number(count, language))


def step_rows(process: Process, t: Texts) -> list[StepRow]:
    ids = step_index(process)
    rows = []
    last = len(process.steps) - 1
    for index, step in enumerate(process.steps):
        following: list[NextLink] = []
        named = targets(step)
        if not named and index == last:
            following.append(NextLink(None, None, t("page.end")))
        for target, label in named:
            if target == END:
                following.append(NextLink(label, None, t("page.end")))
            elif target in ids:
                other = process.steps[ids[target]]
                following.append(NextLink(label, step_anchor(other, ids[target]), other.title))
        rows.append(StepRow(index + 1, step_anchor(step, index), step, following))
    return rows


def raci(process: Process) -> tuple[list[str], list[list[str]]]:
    """Role columns (owner first, then in order of appearance) and the letters per step."""
    columns = [process.owner]
    for step in process.steps:
        for role_id in [step.role, *step.consulted, *step.informed]:
            if role_id and role_id not in columns:
                columns.append(role_id)
    cells = []
    for step in process.steps:
        row = []
        for role_id in columns:
            letters = []
            if step.role == role_id:
                letters.append("R")
            if role_id == process.owner:
                letters.append("A")
            if role_id in step.consulted:
                letters.append("C")
            if role_id in step.informed:
                letters.append("I")
            row.append(", ".join(letters))
        cells.append(row)
    return columns, cells


@dataclass(frozen=True)
class ReadingStop:
    """Where a process stands in one role's onboarding reading order."""

    role: str
    position: int
    total: int
    previous: str | None
    next: str | None


def reading_stops(ctx: PageContext, process: Process) -> list[ReadingStop]:
    """Previous and next process for every role whose reading order lists ``process``."""
    stops = []
    for role_id in ctx.relations.onboarding_for.get(process.id, []):
        role = ctx.handbook.roles.get(role_id)
        if role is None:
            continue
        order = [p for p in role.onboarding if p in ctx.handbook.processes]
        if process.id not in order:
            continue
        at = order.index(process.id)
        stops.append(
            ReadingStop(
                role_id,
                at + 1,
                len(order),
                order[at - 1] if at > 0 else None,
                order[at + 1] if at + 1 < len(order) else None,
            )
        )
    return stops


def variant_facts(ctx: PageContext, process: Process) -> dict[str, Any]:
    reach = ctx.relations.reach[process.id]
    return {
        "process": process,
        "steps": len(process.steps),
        "desks": len(reach.roles),
        "units": len(reach.units),
        "handoffs": len(reach.handoffs),
        "weaknesses": len(process.weaknesses),
    }


def render_process_page(ctx: PageContext, process: Process) -> GeneratedPage:
    src = entity_src("process", process.id)
    view = PageView(ctx, src)
    t = ctx.texts
    reach = ctx.relations.reach[process.id]
    columns, cells = raci(process)
    systems = list(process.systems)
    for step in process.steps:
        systems.extend(s for s in step.systems if s not in systems)
    partner = ctx.relations.variant_partner.get(process.id)
    other = ctx.handbook.processes.get(partner) if partner else None
    variants = None
    if other is not None:
        pair = [process, other]
        if process.variant and process.variant.value == "to-be":
            pair.reverse()
        variants = [variant_facts(ctx, p) for p in pair]
    source_path = ctx.handbook.paths.get(("process", process.id))
    history = ctx.histories.get(source_path or "")
    body = render(
        "process.md.j2",
        view,
        process=process,
        unit=ctx.handbook.process_unit(process),
        owner_role=ctx.handbook.roles.get(process.owner),
        review=ctx.findings.reviews[process.id],
        standing=standing(process),
        diagram=ctx.diagrams.process_svg(process.id) if ctx.diagrams else None,
        rows=step_rows(process, t),
        raci_columns=columns,
        raci_cells=cells,
        reach=reach,
        handoff_sentence=handoff_sentence(reach, t),
        handoff_groups=handoff_groups(reach),
        systems=systems,
        calls=ctx.relations.calls.get(process.id, []),
        called_by=ctx.relations.called_by.get(process.id, []),
        variants=variants,
        onboarding_for=ctx.relations.onboarding_for.get(process.id, []),
        reading_paths=reading_stops(ctx, process),
        history=history,
        source_path=source_path,
        bpmn_url=ctx.urls.asset(src, bpmn_site_path(process.id)),
    )
    tags = search_terms(process.keywords, process.tags)
    meta = front_matter(
        process.title,
        tags=tags,
        boost=_SEARCH_BOOST.get(standing(process), 5),
        description=plain_text(process.summary),
    )
    names = search_names([process.title], process.keywords, process.tags)
    return GeneratedPage(src, meta + body, source_path, names)
