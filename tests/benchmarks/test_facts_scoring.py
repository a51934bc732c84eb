"""The comparison scorer on small hand-built gold: each rule of ``facts_scoring``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from facts_scoring import (  # noqa: E402
    Gold,
    GoldRelation,
    GoldStatement,
    Matcher,
    SysAgreement,
    SysConflict,
    SysOmission,
    recall_of_conflicts,
    score_agreements,
    score_disputes,
    score_omissions,
    score_revisions,
)


def statement(doc: str, start: int, cls: str, slot: str = "count:killed", event: str = "E1"):
    return GoldStatement("ecbplus", "g", event, doc, slot, cls, cls, start, start + 4)


def gold() -> Gold:
    g = Gold()
    g.statements = [
        statement("d1", 10, "k5"),
        statement("d2", 20, "k5"),
        statement("d3", 30, "k4"),
        statement("d4", 40, "k7"),
        statement("d1", 50, "tue", slot="when"),
        statement("d2", 60, "tue", slot="when"),
        statement("d5", 70, "k9", event="E2"),
    ]
    g.events = {("g", "E1"): {"d1", "d2", "d3", "d4", "d6"}, ("g", "E2"): {"d5"}}
    g.relations = [
        GoldRelation("g", "E1", "count:killed", "k5", "k4", "dispute"),
        GoldRelation("g", "E1", "count:killed", "k5", "k7", "revision"),
        GoldRelation("g", "E1", "count:killed", "k4", "k7", "dispute"),
    ]
    return g


def test_a_dispute_between_two_gold_classes_is_right() -> None:
    g = gold()
    conflicts = [SysConflict("dispute", "count:killed", (("d1", 11, 12),), (("d3", 30, 34),))]
    tally, why = score_disputes(conflicts, g, Matcher(g))
    assert (tally.right, tally.wrong, tally.unjudged) == (1, 0, 0)
    assert why == {"right": 1}


def test_same_class_revision_and_unmatched_disputes_are_not_right() -> None:
    g = gold()
    conflicts = [
        SysConflict("dispute", "count:killed", (("d1", 10, 14),), (("d2", 20, 24),)),
        SysConflict("dispute", "count:killed", (("d1", 10, 14),), (("d4", 40, 44),)),
        SysConflict("dispute", "count:killed", (("d1", 0, 5),), (("d4", 40, 44),)),
        SysConflict("dispute", "count:killed", (("d1", 10, 14),), (("d5", 70, 74),)),
    ]
    tally, why = score_disputes(conflicts, g, Matcher(g))
    assert why == {"same-class": 1, "revision": 1, "unjudged": 2}
    assert tally.precision() == 0.0 and tally.strict() == 0.0


def test_the_slot_must_match() -> None:
    g = gold()
    conflicts = [SysConflict("dispute", "count:injured", (("d1", 10, 14),), (("d3", 30, 34),))]
    tally, _ = score_disputes(conflicts, g, Matcher(g))
    assert tally.unjudged == 1


def test_agreement_right_only_within_one_event_slot_and_class() -> None:
    g = gold()
    agreements = [
        SysAgreement("count:killed", (("d1", 10, 14), ("d2", 20, 24))),
        SysAgreement("count:killed", (("d1", 10, 14), ("d3", 30, 34))),
        SysAgreement("count:killed", (("d1", 10, 14), ("d5", 70, 74))),
        SysAgreement("count:killed", (("d1", 10, 14), ("d9", 1, 4))),
    ]
    tally = score_agreements(agreements, Matcher(g))
    assert (tally.right, tally.wrong, tally.unjudged) == (1, 2, 1)


def test_recall_counts_each_gold_relation_once_per_reason() -> None:
    g = gold()
    conflicts = [
        SysConflict("dispute", "count:killed", (("d1", 10, 14),), (("d3", 30, 34),)),
        SysConflict("dispute", "count:killed", (("d2", 20, 24),), (("d3", 30, 34),)),
    ]
    assert recall_of_conflicts(conflicts, g, Matcher(g), "dispute") == {"number": (1, 2)}
    revisions = [SysConflict("revision", "count:killed", (("d1", 10, 14),), (("d4", 40, 44),))]
    assert recall_of_conflicts(revisions, g, Matcher(g), "revision") == {"number": (1, 1)}
    assert score_revisions(revisions, g, Matcher(g)).right == 1


def test_a_difference_held_back_counts_only_as_shown_at_all() -> None:
    g = gold()
    held = [SysConflict("held", "count:killed", (("d1", 10, 14),), (("d3", 30, 34),))]
    assert recall_of_conflicts(held, g, Matcher(g), "dispute") == {"number": (0, 2)}
    shown = frozenset({"dispute", "revision", "held"})
    assert recall_of_conflicts(held, g, Matcher(g), "dispute", shown) == {"number": (1, 2)}


def test_a_revision_outside_the_gold_counts_only_once_judged() -> None:
    from facts_scoring import Judgments, dispute_key

    g = gold()
    outside = SysConflict("revision", "count:killed", (("d9", 1, 2),), (("d8", 3, 4),))
    assert score_revisions([outside], g, Matcher(g)).unjudged == 1
    judged = Judgments([{"key": dispute_key(outside), "verdict": "wrong"}])
    tally = score_revisions([outside], g, Matcher(g), judged)
    assert (tally.right, tally.wrong, tally.unjudged, tally.by_hand) == (0, 1, 0, 1)


def test_omissions() -> None:
    g = gold()
    omissions = [
        SysOmission("when", (("d1", 50, 54),), "d3"),  # reports E1, no date: right
        SysOmission("when", (("d1", 50, 54),), "d2"),  # d2 states the date: wrong
        SysOmission("when", (("d1", 50, 54),), "d5"),  # d5 does not report E1: wrong
        SysOmission("when", (("d9", 0, 4),), "d3"),  # fact not in the gold: unjudged
    ]
    tally = score_omissions(omissions, g, Matcher(g))
    assert (tally.right, tally.wrong, tally.unjudged) == (1, 2, 1)


def test_findings_the_gold_leaves_open_take_a_judgment_made_by_hand() -> None:
    from facts_scoring import Judgments, dispute_key

    g = gold()
    open_item = SysConflict("dispute", "count:killed", (("d1", 0, 5),), (("d9", 1, 3),))
    judged = Judgments([{"key": dispute_key(open_item), "verdict": "right"}])
    tally, _ = score_disputes([open_item], g, Matcher(g), judged)
    assert (tally.right, tally.unjudged, tally.by_hand) == (1, 0, 1)
    tally, _ = score_disputes([open_item], g, Matcher(g))
    assert tally.unjudged == 1


def restricted_gold() -> Gold:
    """The gold above plus an event E3 (documents r1, r2) annotated for tolls and dates only."""
    g = gold()
    g.statements += [
        statement("r1", 10, "k2", event="E3"),
        statement("r2", 20, "k3", event="E3"),
        statement("r1", 50, "sat", slot="when", event="E3"),
    ]
    g.events[("g", "E3")] = {"r1", "r2", "r3"}
    g.restricted[("g", "E3")] = frozenset({"count:killed", "when"})
    g.relations.append(GoldRelation("g", "E3", "count:killed", "k2", "k3", "dispute"))
    return g


def test_a_finding_of_a_slot_not_annotated_for_its_event_is_left_out() -> None:
    g = restricted_gold()
    where = SysConflict("dispute", "where", (("r1", 0, 5),), (("r2", 0, 5),))
    age = SysConflict("dispute", "count:age", (("r1", 60, 62),), (("r2", 60, 62),))
    toll = SysConflict("dispute", "count:killed", (("r1", 10, 14),), (("r2", 20, 24),))
    tally, why = score_disputes([where, age, toll], g, Matcher(g))
    assert (tally.right, tally.wrong, tally.unjudged, tally.left_out) == (1, 0, 0, 2)
    assert why == {"left out": 2, "right": 1}
    agreements = [
        SysAgreement("agent", (("r1", 0, 5), ("r2", 0, 5))),
        SysAgreement("when", (("r1", 0, 5), ("r2", 0, 5))),  # annotated slot: unjudged
    ]
    tally = score_agreements(agreements, Matcher(g))
    assert (tally.right, tally.wrong, tally.unjudged, tally.left_out) == (0, 0, 1, 1)
    revision = SysConflict("revision", "patient", (("r1", 0, 5),), (("r2", 0, 5),))
    assert score_revisions([revision], g, Matcher(g)).left_out == 1
    omissions = [
        SysOmission("where", (("r1", 0, 5),), "r3"),
        SysOmission("when", (("r1", 50, 54),), "r3"),  # annotated slot: scored (right)
    ]
    tally = score_omissions(omissions, g, Matcher(g))
    assert (tally.right, tally.wrong, tally.unjudged, tally.left_out) == (1, 0, 0, 1)


def test_a_finding_that_reaches_a_fully_annotated_document_is_still_scored() -> None:
    g = restricted_gold()
    mixed = SysConflict("dispute", "where", (("r1", 0, 5),), (("d1", 0, 5),))
    outside = SysConflict("dispute", "where", (("x1", 0, 5),), (("x2", 0, 5),))
    tally, _ = score_disputes([mixed, outside], g, Matcher(g))
    assert (tally.unjudged, tally.left_out) == (2, 0)
    omission = SysOmission("where", (("r1", 0, 5),), "d3")  # the silent doc is of E1
    assert score_omissions([omission], g, Matcher(g)).left_out == 0


def test_a_slot_prefix_restriction_covers_every_role() -> None:
    g = restricted_gold()
    g.restricted[("g", "E3")] = frozenset({"count", "when"})
    age = SysConflict("dispute", "count:age", (("r1", 60, 62),), (("r2", 60, 62),))
    tally, _ = score_disputes([age], g, Matcher(g))
    assert (tally.unjudged, tally.left_out) == (1, 0)
