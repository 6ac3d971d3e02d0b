"""The text catalogue: complete in both languages, every text used, none defined twice."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import get_args

import pytest

from prozesshandbuch.analysis.health import RiskKind
from prozesshandbuch.content.model import (
    NAMED_METRICS,
    Category,
    Customer,
    EntityKind,
    Status,
    StepKind,
    Variant,
    WeaknessKind,
)
from prozesshandbuch.content.review import ReviewState
from prozesshandbuch.i18n import (
    CATALOGUE,
    Texts,
    format_date,
    number_words,
    plural,
    text,
)

PACKAGE = Path(__file__).parents[1] / "plugins" / "prozesshandbuch"
PLURAL_FORMS = (".one", ".other")


def _placeholders(template: str) -> set[str]:
    return {
        f"{name}!{conversion}" if conversion else name
        for _, name, _, conversion in string.Formatter().parse(template)
        if name is not None
    }


def _code(*, lookups: bool) -> str:
    """Code and templates outside the catalogue's text modules.

    With ``lookups``, the catalogue's own functions are included (``number_words`` builds
    ``number.N``); without, only the modules that use the catalogue.
    """
    sources = [
        p
        for p in sorted(PACKAGE.rglob("*"))
        if p.suffix in (".py", ".j2", ".html")
        and ("i18n" not in p.parts or (lookups and p.name == "__init__.py"))
    ]
    return "\n".join(p.read_text(encoding="utf-8") for p in sources)


CODE = _code(lookups=True)
USERS = _code(lookups=False)


def _literal(value: str) -> bool:
    return f'"{value}"' in CODE or f"'{value}'" in CODE


def _values(enum: Iterable[object]) -> set[str]:
    return {str(getattr(member, "value", member)) for member in enum}


# Keys built at run time from a value. Each family is complete (a key for every value and
# no other) and its prefix is written in the code where the key is built.
FAMILIES: dict[str, set[str]] = {
    "status.": _values(Status),
    "category.": _values(Category),
    "categories.": _values(Category),
    "variant.": _values(Variant),
    "customer.": _values(Customer),
    "weakness.": _values(WeaknessKind),
    "risk.": _values(RiskKind),
    "review.": _values(ReviewState),
    "metric.": set(NAMED_METRICS),
    "number.": {str(n) for n in range(13)},
    "report.kind.": {*get_args(EntityKind), "file"},
    "change.created-": {*get_args(EntityKind), "file"},
    "change.deleted-": {*get_args(EntityKind), "file"},
    "change.step-kind-": _values(StepKind),
    "diagram.direction.": {"TB", "LR"},
    "forge.edit.": set(get_args(EntityKind)),
}
# Keys built from a code that the code writes as a string literal of its own
# (``Problem(..., "unknown-role")`` -> ``problem.unknown-role``,
# ``start_counting("render", ...)`` -> ``progress.phase.render``, ``_guard("load")``
# -> ``build.phase.load``).
CODED = ("problem.", "history.", "progress.phase.", "build.phase.")


def _family(key: str) -> str | None:
    return next((prefix for prefix in FAMILIES if key.startswith(prefix)), None)


def _plural_form(key: str) -> bool:
    return key.endswith(PLURAL_FORMS) and _family(key) is None


def _used(key: str) -> bool:
    if _literal(key):
        return True
    if _family(key) is not None:
        return True  # checked family by family below
    if _plural_form(key):
        return _literal(key.rsplit(".", 1)[0])
    coded = next((prefix for prefix in CODED if key.startswith(prefix)), None)
    return coded is not None and _literal(key.removeprefix(coded))


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_both_languages_have_text_with_the_same_placeholders(key: str) -> None:
    german, english = CATALOGUE[key]
    assert german.strip()
    assert english.strip()
    assert _placeholders(german) == _placeholders(english)
    # Every text is a format string: it fills in without error from its own placeholders.
    params = {name.split("!")[0]: "x" for name in _placeholders(german)}
    text(key, "de", **params)
    text(key, "en", **params)


# Keys another change registered before the code that uses them has landed. Each must
# still be unused (the test below fails once it is used, so the list only shrinks).
NOT_YET_USED: dict[str, str] = {}


def test_every_key_is_used_in_code_or_templates() -> None:
    unused = [key for key in sorted(CATALOGUE) if not _used(key)]
    assert [key for key in unused if key not in NOT_YET_USED] == []
    assert [key for key in NOT_YET_USED if key not in unused] == [], "drop it from the list"


# A lookup with a literal key: text("page.owner"), t("page.owner"), say("change.title"),
# texts.plural("count.steps", n); a key built from a value must start like some key.
LOOKUP = re.compile(
    r"\b(?:text|say|_say|t|texts|_help|help_text|plural|ph_text)\(\s*(f?)[\"']([a-z][a-z0-9._-]*)"
)


def test_every_key_the_code_looks_up_exists() -> None:
    missing = set()
    for is_template, key in LOOKUP.findall(USERS):
        if is_template or key.endswith((".", "-")):  # built: f"x.{y}" or "x." ~ y
            if not any(known.startswith(key) for known in CATALOGUE):
                missing.add(key)
        elif key not in CATALOGUE and f"{key}.one" not in CATALOGUE:
            missing.add(key)
    assert missing == set()


@pytest.mark.parametrize("prefix", sorted(FAMILIES))
def test_every_family_of_built_keys_is_complete_and_built_in_code(prefix: str) -> None:
    keys = {key.removeprefix(prefix) for key in CATALOGUE if _family(key) == prefix}
    assert keys == FAMILIES[prefix]
    # The prefix occurs where the key is built: "status." ~ value, f"change.created-{kind}".
    assert re.search(rf"[\"']{re.escape(prefix)}(\{{|[\"'])", CODE), prefix


def test_plural_keys_come_in_pairs() -> None:
    bases = {key.rsplit(".", 1)[0] for key in CATALOGUE if _plural_form(key)}
    for base in bases:
        assert {f"{base}.one", f"{base}.other"} <= CATALOGUE.keys(), base


# German texts that are deliberately the same under two keys, and why.
SAME_GERMAN: dict[frozenset[str], str] = {
    frozenset({"page.start", "diagram.start"}): "English: the home page vs a flow's start node",
    frozenset({"page.legal-basis", "change.noun.legal-basis.other"}): (
        "English: the uncountable heading vs the plural of a counted noun"
    ),
    frozenset({"page.result", "change.noun.outputs.one"}): (
        "English: a process's result vs a step's output"
    ),
}
# Counted nouns of list fields are looked up by field name; they may repeat a label.
COUNTED_NOUNS = "change.noun."


def _justified(keys: list[str]) -> bool:
    rest = [k for k in keys if not k.startswith(COUNTED_NOUNS)]
    if len({k.rsplit(".", 1)[0] if _plural_form(k) else k for k in rest}) <= 1:
        return True
    if frozenset(rest) in SAME_GERMAN:
        return True
    # German capitalises nouns everywhere; English only in headings and table cells, so a
    # label and the same word in running text differ in English by case alone.
    englishes = [CATALOGUE[k][1] for k in rest]
    return len(set(englishes)) == len(englishes) and len({e.casefold() for e in englishes}) == 1


def test_no_german_text_is_defined_twice_without_a_reason() -> None:
    by_german: dict[str, list[str]] = defaultdict(list)
    for key, (german, _) in CATALOGUE.items():
        by_german[german].append(key)
    twice = {german: keys for german, keys in by_german.items() if len(keys) > 1}
    assert {german: keys for german, keys in twice.items() if not _justified(keys)} == {}


def test_no_module_outside_the_catalogue_keeps_a_language_table() -> None:
    # The old shapes: {"de": ..., "en": ...} tables and "fall back to German" lookups.
    assert not re.search(r"[\"']de[\"']\s*:", USERS)
    assert not re.search(r"\.get\(\s*language\s*,", USERS)
    assert 'language == "en"' not in USERS


def test_dates_use_the_language_format() -> None:
    day = dt.date(2027, 3, 1)
    assert format_date(day, "de") == "01.03.2027"
    assert format_date(day, "en") == "Mar 1, 2027"
    assert Texts("en").date(day) == "Mar 1, 2027"


def test_plural_and_number_words() -> None:
    # Running text writes numbers up to twelve as words (DIN 5008), larger ones as digits.
    assert plural("count.steps", 1, "de") == "ein Schritt"
    assert plural("count.steps", 3, "en") == "three steps"
    assert plural("count.steps", 13, "de") == "13 Schritte"
    assert number_words(2, "de") == "zwei"
    assert number_words(12, "en") == "twelve"
    assert number_words(1038, "de") == "1.038"
    assert number_words(1038, "en") == "1,038"


def test_unknown_language_reads_german() -> None:
    assert text("page.owner", "fr") == text("page.owner", "de") == "Verantwortlich"
