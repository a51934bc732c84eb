"""A figure a report tells as an earlier one, since replaced, is never a dispute.

Written for these tests in the way reports of a bus crash correct an early toll. When
one report tells the earlier figure and the figure now together, that is a revision;
when the earlier figure stands in one report and the figure now in another, they may
be two happenings, and the pair is held back with its reason.
"""

from __future__ import annotations

from link.test_facts import analyse

CORRECTING = (
    "A bus overturned on Route 9 near Dunmore on Monday, police said.\n\n"
    "Early reports said four of the six passengers were killed. Police later said one "
    "passenger died at the scene and five were injured."
)
RECALLING = (
    "A bus overturned on Route 9 near Dunmore on Monday, police said.\n\n"
    "Early reports said four of the six passengers were killed."
)
LATER = (
    "One passenger was killed and five were injured when a bus overturned on Route 9 near "
    "Dunmore on Monday, police said."
)


def _killed(analysis) -> tuple[list[tuple[str, str, str]], set[str]]:
    facts = [f for f in analysis.facts if f.slot == "count:killed"]
    conflicts = [
        (c.kind, f.values[c.a].value, f.values[c.b].value) for f in facts for c in f.conflicts
    ]
    return conflicts, {h.why for f in facts for h in f.held_back}


def test_an_early_toll_told_with_the_toll_now_is_a_revision() -> None:
    conflicts, _ = _killed(analyse(CORRECTING, LATER))
    assert ("revision", ">=4", "1") in conflicts, conflicts
    assert not [c for c in conflicts if c[0] == "dispute"], conflicts


def test_an_early_toll_in_another_report_is_held_back_not_disputed() -> None:
    conflicts, held = _killed(analyse(RECALLING, LATER))
    assert not conflicts, conflicts
    assert "superseded" in held, held
