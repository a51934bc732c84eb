"""Values that cannot both hold but were not compared carry the reason why.

A fact-checker must be able to tell "the sources agree" from "Rashomon did not
compare them": every pair of incompatible values that is neither a dispute nor a
revision is kept on the fact (``Fact.held_back``) with the gate that stopped it.
"""

from __future__ import annotations

import json
from importlib import resources

from rashomon.model import HELD_BACK_REASONS, Fact

from .test_facts import SHOOTING_A, SHOOTING_B, analyse


def killed(facts: list[Fact]) -> Fact:
    (fact,) = [f for f in facts if f.slot == "count:killed"]
    return fact


def test_undated_reports_tolls_are_held_back_with_the_reason() -> None:
    # without report dates, "late Sunday night" and "early Monday" cannot be placed
    # on one night, so the two tolls may tell two happenings: not a dispute, but shown
    analysis = analyse(SHOOTING_A, SHOOTING_B, dates=(None, None))  # type: ignore[arg-type]
    fact = killed(analysis.facts)
    assert fact.status == "uncertain" and not fact.conflicts
    assert fact.held_back, fact
    pair = fact.held_back[0]
    assert {fact.values[pair.a].value, fact.values[pair.b].value} == {"4", "5"}
    assert pair.why == "other-detail"
    assert "differ on another detail" in HELD_BACK_REASONS[pair.why]


def test_a_dispute_is_not_also_held_back() -> None:
    analysis = analyse(SHOOTING_A, SHOOTING_B)
    fact = killed(analysis.facts)
    assert fact.status == "disputed"
    disputed = {(c.a, c.b) for c in fact.conflicts} | {(c.b, c.a) for c in fact.conflicts}
    assert not [d for d in fact.held_back if (d.a, d.b) in disputed]


def test_agreed_and_single_facts_hold_nothing_back() -> None:
    analysis = analyse(SHOOTING_A, SHOOTING_B)
    for fact in analysis.facts:
        if fact.status in ("agreed", "single"):
            assert not fact.held_back, fact


def test_every_reason_is_in_the_export_schema() -> None:
    schema = json.loads(
        resources.files("rashomon.schema").joinpath("analysis.schema.json").read_text()
    )
    held = schema["$defs"]["fact"]["properties"]["held_back"]["items"]["properties"]["why"]
    assert held["enum"] == list(HELD_BACK_REASONS)
