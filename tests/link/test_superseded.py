"""A figure a report tells as an earlier one, since replaced, is a revision, not a
dispute.

Written for these tests in the way reports of a shooting correct an early toll: one
report says what local television first reported and what the police say now.
"""

from __future__ import annotations

from link.test_facts import analyse

CORRECTING = (
    "A gunman opened fire at an accounting office on Elm Street in Fairview on Monday, "
    "police said.\n\n"
    "Local television initially reported that two of the three victims died.\n\n"
    "Police said on Tuesday that one person was killed and two were wounded in the "
    "shooting at the Elm Street office."
)
LATER = (
    "One person was killed and two were injured when a gunman opened fire at an "
    "accounting office on Elm Street in Fairview on Monday, police said."
)


def _conflicts(analysis, slot: str) -> list[tuple[str, str, str]]:
    return [
        (c.kind, f.values[c.a].value, f.values[c.b].value)
        for f in analysis.facts
        if f.slot == slot
        for c in f.conflicts
    ]


def test_an_early_toll_told_as_such_is_revised_not_disputed() -> None:
    analysis = analyse(CORRECTING, LATER)
    killed = _conflicts(analysis, "count:killed")
    assert killed == [("revision", ">=2", "1")], killed


def test_without_the_words_that_date_it_the_early_toll_is_no_revision() -> None:
    plain = CORRECTING.replace("Local television initially reported that", "Police said")
    assert not [k for k in _conflicts(analyse(plain, LATER), "count:killed") if k[0] == "revision"]
