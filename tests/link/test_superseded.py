"""A figure a report tells as an earlier one, since replaced, is never a dispute.

Written for these tests in the way reports of a shooting correct an early toll. When
one report tells the earlier figure and the figure now together, that is a revision;
when the earlier figure stands in one report and the figure now in another, they may
be two happenings, and the pair is held back with its reason.
"""

from __future__ import annotations

from link.test_facts import analyse

CORRECTING = (
    "A gunman opened fire at an accounting office on Elm Street in Fairview on Monday, "
    "police said.\n\n"
    "Local television initially reported that two of the three victims died. Police later "
    "said one victim died at the office and two were wounded."
)
RECALLING = (
    "A gunman opened fire at an accounting office on Elm Street in Fairview on Monday, "
    "police said.\n\n"
    "Local television initially reported that two of the three victims died."
)
LATER = (
    "One person was killed and two were injured when a gunman opened fire at an "
    "accounting office on Elm Street in Fairview on Monday, police said."
)


def _killed(analysis) -> tuple[list[tuple[str, str, str]], set[str]]:
    facts = [f for f in analysis.facts if f.slot == "count:killed"]
    conflicts = [
        (c.kind, f.values[c.a].value, f.values[c.b].value) for f in facts for c in f.conflicts
    ]
    return conflicts, {h.why for f in facts for h in f.held_back}


def test_an_early_toll_told_with_the_toll_now_is_a_revision() -> None:
    conflicts, _ = _killed(analyse(CORRECTING, LATER))
    assert ("revision", ">=2", "1") in conflicts, conflicts
    assert not [c for c in conflicts if c[0] == "dispute"], conflicts


def test_an_early_toll_in_another_report_is_held_back_not_disputed() -> None:
    conflicts, held = _killed(analyse(RECALLING, LATER))
    assert not conflicts, conflicts
    assert "superseded" in held, held
