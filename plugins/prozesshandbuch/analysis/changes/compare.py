"""Two revisions of one entity compared, field by field, in words.

Pure functions of the models: no git, no files. Each kind has a comparer with a phrase per
field; fields it does not know (e.g. one added to the model later) are still named by
the generic "Felder geändert: a, b".
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from typing import Any

from ...content.model import (
    END,
    Entity,
    EntityKind,
    Holder,
    Link,
    Process,
    Role,
    Step,
    System,
    Unit,
)
from ...i18n import text
from .phrasing import Say, Titles


def describe_change(
    kind: EntityKind,
    old: Entity | None,
    new: Entity | None,
    titles: Titles,
    language: str = "de",
    *,
    show_holders: bool = True,
) -> list[str]:
    """What changed from ``old`` to ``new`` (``None``: the entity did not exist), in words.

    ``show_holders=False`` keeps names of people out of the text (privacy setting).
    Returns an empty list when the two are equal.
    """
    say = Say(language, titles, show_holders)
    if old is None and new is None:
        return []
    if old is None:
        return [say(f"change.created-{kind}")]
    if new is None:
        return [say(f"change.deleted-{kind}")]
    compare = _COMPARERS.get(type(new))
    if compare is None or type(old) is not type(new):
        return _generic(old, new, set(), say)
    return compare(old, new, say)


# --- helpers ---------------------------------------------------------------------------

Comparer = Callable[[Any, Any, Say], list[str]]


def _generic(old: Any, new: Any, handled: set[str], say: Say) -> list[str]:
    """Differing fields without a phrase of their own, by name ("Felder geändert: …")."""
    names = [
        name
        for name in type(new).model_fields
        if name != "id" and name not in handled and getattr(old, name) != getattr(new, name)
    ]
    return [say("change.fields", fields=", ".join(names))] if names else []


def _text(label_key: str, old: str | None, new: str | None, say: Say) -> list[str]:
    """Long free text (Markdown): only whether it was added, revised or removed."""
    if old == new:
        return []
    label = say(label_key)
    if not old:
        return [say("change.text-added", label=label)]
    if not new:
        return [say("change.text-removed", label=label)]
    return [say("change.text-changed", label=label)]


def _value(label: str, old: str | None, new: str | None, say: Say) -> list[str]:
    """A short value shown in full; callers quote free text and leave titles bare."""
    if old == new:
        return []
    if old is None:
        return [say("change.value-added", label=label, new=str(new))]
    if new is None:
        return [say("change.value-removed", label=label, old=old)]
    return [say("change.value-changed", label=label, old=old, new=new)]


def _ref(label: str, kind: str, old: str | None, new: str | None, say: Say) -> list[str]:
    """A reference to another entity, shown by its title."""
    if old == new:
        return []
    if new is None:
        return [say("change.value-removed", label=label, old=say.title(kind, old))]
    if old is None:
        return [say("change.ref-added", label=label, new=say.title(kind, new))]
    return [
        say("change.ref-changed", label=label, old=say.title(kind, old), new=say.title(kind, new))
    ]


def _items(noun_key: str, old: Sequence[str], new: Sequence[str], say: Say) -> list[str]:
    """Items added to and removed from a list (order changes are not worth a line)."""
    added = [item for item in dict.fromkeys(new) if item not in old]
    removed = [item for item in dict.fromkeys(old) if item not in new]
    lines = []
    if added:
        noun = _cap(say.noun(noun_key, len(added)))
        lines.append(say("change.items-added", noun=noun, items=", ".join(added)))
    if removed:
        noun = _cap(say.noun(noun_key, len(removed)))
        lines.append(say("change.items-removed", noun=noun, items=", ".join(removed)))
    return lines


def _links(
    noun_key: str, old: Sequence[Link | str], new: Sequence[Link | str], say: Say
) -> list[str]:
    """Titled links (legal basis, documents): by title, plus a changed address."""
    old_urls = {_link_title(item): _link_url(item) for item in old}
    new_urls = {_link_title(item): _link_url(item) for item in new}
    lines = _items(noun_key, list(old_urls), list(new_urls), say)
    for title, url in new_urls.items():
        if title in old_urls and old_urls[title] != url:
            noun = _cap(say.noun(noun_key, 1))
            lines.append(say("change.address-changed", noun=noun, title=title))
    return lines


def _link_title(item: Link | str) -> str:
    return item if isinstance(item, str) else item.title


def _link_url(item: Link | str) -> str | None:
    return None if isinstance(item, str) else item.url


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _titles_of(kind: str, ids: Sequence[str], say: Say) -> list[str]:
    return [say.title(kind, entity_id) for entity_id in ids]


# --- processes ---------------------------------------------------------------------------


def _compare_process(old: Process, new: Process, say: Say) -> list[str]:
    lines: list[str] = []
    if old.title != new.title:
        lines.append(say("change.title", old=say.quote(old.title), new=say.quote(new.title)))
    if old.status != new.status:
        lines += _value(say("page.status"), say.enum(old.status), say.enum(new.status), say)
    if old.owner != new.owner:
        lines.append(
            say("change.owner", old=say.title("role", old.owner), new=say.title("role", new.owner))
        )
    lines += _ref(say("change.field.process-unit"), "unit", old.unit, new.unit, say)
    lines += _text("page.summary", old.summary, new.summary, say)
    if old.category != new.category:
        lines += _value(say("page.category"), say.enum(old.category), say.enum(new.category), say)
    if old.variant != new.variant:
        lines += _value(
            say("page.variant"),
            say.enum(old.variant) if old.variant else None,
            say.enum(new.variant) if new.variant else None,
            say,
        )
    lines += _ref(say("change.field.variant-of"), "process", old.variant_of, new.variant_of, say)
    lines += _ref(say("page.replaced-by"), "process", old.replaced_by, new.replaced_by, say)
    lines += _value(say("page.service-key"), old.service_key, new.service_key, say)
    lines += _links("change.noun.legal-basis", old.legal_basis, new.legal_basis, say)
    lines += _value(say("page.trigger"), _q(old.trigger, say), _q(new.trigger, say), say)
    lines += _value(say("page.result"), _q(old.result, say), _q(new.result, say), say)
    lines += _items(
        "change.noun.customers",
        [say.enum(c) for c in old.customers],
        [say.enum(c) for c in new.customers],
        say,
    )
    lines += _items(
        "change.noun.systems",
        _titles_of("system", old.systems, say),
        _titles_of("system", new.systems, say),
        say,
    )
    lines += _links("change.noun.documents", old.documents, new.documents, say)
    lines += _items("change.noun.tags", old.tags, new.tags, say)
    lines += _items("change.noun.keywords", old.keywords, new.keywords, say)
    lines += _review(old, new, say)
    lines += _metrics(old.metrics, new.metrics, say)
    lines += _weaknesses(old, new, say)
    lines += _steps(old.steps, new.steps, say)
    handled = {
        "title", "status", "owner", "unit", "summary", "category", "variant", "variant_of",
        "replaced_by", "service_key", "legal_basis", "trigger", "result", "customers",
        "systems", "documents", "tags", "keywords", "review", "metrics", "weaknesses", "steps",
    }  # fmt: skip
    return lines + _generic(old, new, handled, say)


def _q(text: str | None, say: Say) -> str | None:
    return say.quote(text) if text is not None else None


def _review(old: Process, new: Process, say: Say) -> list[str]:
    lines = []
    before, after = old.review.last_reviewed, new.review.last_reviewed
    if before != after:
        if after is None:
            lines.append(say("change.review-date-removed"))
        else:
            lines.append(say("change.reviewed", date=say.date(after)))
    if old.review.interval_months != new.review.interval_months:
        lines.append(
            say(
                "change.interval",
                old=str(old.review.interval_months),
                new=str(new.review.interval_months),
            )
        )
    return lines


def _metrics(old: dict[str, Any], new: dict[str, Any], say: Say) -> list[str]:
    lines = []
    renamed = _renamed_keys(old, new)
    for before, after in renamed.items():
        lines.append(text("rename.metric", say.language, old=before, new=after))
    for name in sorted(old.keys() | new.keys()):
        if name in renamed or name in renamed.values():
            continue
        if name not in new:
            lines.append(say("change.metric-removed", name=name))
        elif name not in old:
            lines.append(say("change.metric-added", name=name, new=str(new[name])))
        elif old[name] != new[name]:
            lines.append(
                say("change.metric-changed", name=name, old=str(old[name]), new=str(new[name]))
            )
    return lines


def _renamed_keys(old: dict[str, Any], new: dict[str, Any]) -> dict[str, str]:
    """Removed key -> added key where the value stayed the same: a renamed metric is one
    change ("umbenannt"), not one removed and one added."""
    added = [k for k in sorted(new) if k not in old]
    renamed: dict[str, str] = {}
    for before in sorted(k for k in old if k not in new):
        match = next((k for k in added if new[k] == old[before]), None)
        if match is not None:
            renamed[before] = match
            added.remove(match)
    return renamed


def _weaknesses(old: Process, new: Process, say: Say) -> list[str]:
    before = {w.title: w for w in old.weaknesses}
    after = {w.title: w for w in new.weaknesses}
    lines = _items("change.noun.weaknesses", list(before), list(after), say)
    for title, weakness in after.items():
        previous = before.get(title)
        if previous is None or previous == weakness:
            continue
        if previous.model_copy(update={"measure": weakness.measure}) == weakness:
            measure = say.quote(weakness.measure) if weakness.measure else "–"
            lines.append(say("change.weakness-measure", title=say.quote(title), measure=measure))
        else:
            lines.append(say("change.weakness-revised", title=say.quote(title)))
    return lines


# --- steps -------------------------------------------------------------------------------

_SIMILAR_TITLE = 0.5


def match_steps(old: Sequence[Step], new: Sequence[Step]) -> list[tuple[int, int]]:
    """Pairs (old index, new index) of the same step in two revisions, by old index.

    A step is the same when its id is; steps without a common id pair by equal title,
    then by equal position when the title is similar or role and sub-process agree.
    """
    pairs: dict[int, int] = {}
    used: set[int] = set()
    old_by_id = {step.id: index for index, step in enumerate(old) if step.id}
    for new_index, step in enumerate(new):
        old_index = old_by_id.get(step.id) if step.id else None
        if old_index is not None and old_index not in pairs:
            pairs[old_index] = new_index
            used.add(new_index)
    for new_index, step in enumerate(new):
        if new_index in used:
            continue
        for old_index, candidate in enumerate(old):
            if old_index not in pairs and candidate.title == step.title:
                pairs[old_index] = new_index
                used.add(new_index)
                break
    for new_index, step in enumerate(new):
        if new_index in used or new_index >= len(old) or new_index in pairs:
            continue
        candidate = old[new_index]
        similar = difflib.SequenceMatcher(None, candidate.title, step.title).ratio()
        same_actor = (candidate.role, candidate.calls) == (step.role, step.calls)
        if similar >= _SIMILAR_TITLE or same_actor:
            pairs[new_index] = new_index
            used.add(new_index)
    return sorted(pairs.items())


def _steps(old: Sequence[Step], new: Sequence[Step], say: Say) -> list[str]:
    pairs = match_steps(old, new)
    matched_old = {o for o, _ in pairs}
    matched_new = {n for _, n in pairs}
    lines: list[str] = []
    for old_index, step in enumerate(old):
        if old_index not in matched_old:
            lines.append(say("change.step-removed", title=say.quote(step.title)))
    for new_index, step in enumerate(new):
        if new_index not in matched_new:
            lines.append(say("change.step-new", title=say.quote(step.title)))
    new_order = [n for _, n in pairs]
    if new_order != sorted(new_order):
        lines.append(say("change.steps-order"))
    for old_index, new_index in pairs:
        lines += _step(old, old_index, new, new_index, say)
    return lines


def _step(
    old_steps: Sequence[Step], old_index: int, new_steps: Sequence[Step], new_index: int, say: Say
) -> list[str]:
    old, new = old_steps[old_index], new_steps[new_index]
    if old == new:
        return []
    lines: list[str] = []
    if old.title != new.title:
        lines.append(say("change.step-renamed", old=say.quote(old.title), new=say.quote(new.title)))
    changes: list[str] = []
    if old.kind != new.kind:
        changes.append(say(f"change.step-kind-{new.kind.value}"))
    if old.role != new.role:
        if old.role is None:
            changes.append(say("change.step-role-added", new=say.title("role", new.role)))
        elif new.role is None:
            changes.append(say("change.step-role-removed", old=say.title("role", old.role)))
        else:
            changes.append(
                say(
                    "change.step-role",
                    old=say.title("role", old.role),
                    new=say.title("role", new.role),
                )
            )
    if old.calls != new.calls:
        if new.calls is None:
            changes.append(say("change.step-calls-removed", old=say.title("process", old.calls)))
        else:
            changes.append(say("change.step-calls", new=say.title("process", new.calls)))
    changes += _text("change.field.description", old.description, new.description, say)
    changes += _items(
        "change.noun.systems",
        _titles_of("system", old.systems, say),
        _titles_of("system", new.systems, say),
        say,
    )
    changes += _items(
        "change.noun.consulted",
        _titles_of("role", old.consulted, say),
        _titles_of("role", new.consulted, say),
        say,
    )
    changes += _items(
        "change.noun.informed",
        _titles_of("role", old.informed, say),
        _titles_of("role", new.informed, say),
        say,
    )
    changes += _items("change.noun.inputs", old.inputs, new.inputs, say)
    changes += _items("change.noun.outputs", old.outputs, new.outputs, say)
    changes += _value(say("page.duration"), old.duration, new.duration, say)
    if old.next != new.next:
        before, after = _next_text(old.next, old_steps, say), _next_text(new.next, new_steps, say)
        if before != after:
            changes.append(say("change.step-next", old=before, new=after))
    handled = {
        "title", "kind", "role", "calls", "description", "systems", "consulted", "informed",
        "inputs", "outputs", "duration", "next",
    }  # fmt: skip
    changes += _generic(old, new, handled, say)
    title = say.quote(new.title)
    return lines + [say("change.step-prefix", title=title, change=change) for change in changes]


def _next_text(target: Any, steps: Sequence[Step], say: Say) -> str:
    """How a `next` value reads: the target step's title, "Ende", or the branches."""
    if target is None:
        return say("change.next-following")
    if isinstance(target, str):
        return _target_text(target, steps, say)
    return ", ".join(f"{branch.when} → {_target_text(branch.to, steps, say)}" for branch in target)


def _target_text(target: str, steps: Sequence[Step], say: Say) -> str:
    if target == END:
        return say("change.next-end")
    for step in steps:
        if step.id == target:
            return say.quote(step.title)
    return say.quote(target)


# --- roles, units, systems ---------------------------------------------------------------


def _compare_role(old: Role, new: Role, say: Say) -> list[str]:
    lines: list[str] = []
    if old.title != new.title:
        lines.append(say("change.title", old=say.quote(old.title), new=say.quote(new.title)))
    lines += _ref(say("change.field.unit"), "unit", old.unit, new.unit, say)
    lines += _holders(old.holders, new.holders, say)
    lines += _ref(say("page.deputy"), "role", old.deputy, new.deputy, say)
    lines += _text("page.summary", old.summary, new.summary, say)
    lines += _items("change.noun.responsibilities", old.responsibilities, new.responsibilities, say)
    lines += _value(say("page.contact"), old.contact, new.contact, say)
    lines += _value(say("page.phone"), old.phone, new.phone, say)
    lines += _items("change.noun.skills", old.skills, new.skills, say)
    if old.onboarding != new.onboarding:
        lines.append(say("change.onboarding"))
    handled = {
        "title", "unit", "holders", "deputy", "summary", "responsibilities", "contact", "phone",
        "skills", "onboarding",
    }  # fmt: skip
    return lines + _generic(old, new, handled, say)


def _holders(old: Sequence[Holder], new: Sequence[Holder], say: Say) -> list[str]:
    if list(old) == list(new):
        return []
    if not say.show_holders:
        return [say("change.holders-changed")]
    before = {h.name: h for h in old}
    after = {h.name: h for h in new}
    lines: list[str] = []
    joined = [name for name in after if name not in before]
    left = [name for name in before if name not in after]
    if joined:
        lines.append(say("change.holders-new", names=", ".join(joined)))
    if left:
        lines.append(say("change.holders-left", names=", ".join(left)))
    for name, holder in after.items():
        previous = before.get(name)
        if previous is None:
            continue
        if previous.until != holder.until:
            if holder.until is None:
                lines.append(say("change.holder-until-removed", name=name))
            else:
                lines.append(say("change.holder-until", name=name, date=say.date(holder.until)))
        if previous.since != holder.since and holder.since is not None:
            lines.append(say("change.holder-since", name=name, date=say.date(holder.since)))
        if previous.username != holder.username:
            lines.append(say("change.holder-username", name=name))
    return lines or [say("change.holders-changed")]


def _compare_unit(old: Unit, new: Unit, say: Say) -> list[str]:
    lines: list[str] = []
    if old.title != new.title:
        lines.append(say("change.title", old=say.quote(old.title), new=say.quote(new.title)))
    lines += _ref(say("page.head"), "role", old.head, new.head, say)
    lines += _ref(say("change.field.parent"), "unit", old.parent, new.parent, say)
    lines += _value(say("page.contact"), old.contact, new.contact, say)
    lines += _text("page.summary", old.summary, new.summary, say)
    return lines + _generic(old, new, {"title", "head", "parent", "contact", "summary"}, say)


def _compare_system(old: System, new: System, say: Say) -> list[str]:
    lines: list[str] = []
    if old.title != new.title:
        lines.append(say("change.title", old=say.quote(old.title), new=say.quote(new.title)))
    lines += _ref(say("page.system-owner"), "role", old.owner, new.owner, say)
    lines += _value(say("page.kind"), old.kind, new.kind, say)
    lines += _value(say("page.vendor"), old.vendor, new.vendor, say)
    lines += _text("page.summary", old.summary, new.summary, say)
    return lines + _generic(old, new, {"title", "owner", "kind", "vendor", "summary"}, say)


_COMPARERS: dict[type, Comparer] = {
    Process: _compare_process,
    Role: _compare_role,
    Unit: _compare_unit,
    System: _compare_system,
}
