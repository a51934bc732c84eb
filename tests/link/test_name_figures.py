"""Two statements of one name agree only when their sentences do not count the same
thing differently.

Written for these tests: two reports of a coach's firing that both tell the new
interim coach's career; "has spent 19 seasons with the team" and "spent four seasons
as its director" are two facts about him, not one told twice.
"""

from __future__ import annotations

from link.test_facts import analyse

FIRST = (
    "The Hawks fired head coach Lyle Brant on Saturday after a 9-14 start, the team "
    "said.\n\n"
    "Assistant general manager Tony Marsh will take over as interim coach. Marsh has spent "
    "19 seasons with the Hawks and was promoted to assistant general manager in 2003."
)
SECOND = (
    "The Hawks fired head coach Lyle Brant on Saturday, ending a season that began with "
    "nine wins in 23 games.\n\n"
    "Tony Marsh, the assistant general manager, replaces him. Before that, Marsh spent four "
    "seasons as the Hawks' director of player personnel."
)


def _agreed_names(analysis) -> list[tuple[str, list[str]]]:
    return [
        (f.slot, [s.text for v in f.agreed_values() for s in v.statements])
        for f in analysis.facts
        if f.slot in ("agent", "patient") and f.agreed_values()
    ]


def test_the_same_thing_counted_differently_is_not_one_fact() -> None:
    analysis = analyse(FIRST, SECOND)
    spent = [
        (slot, texts) for slot, texts in _agreed_names(analysis) if any("Marsh" in t for t in texts)
    ]
    assert not spent, spent


def test_the_same_count_still_agrees() -> None:
    second = SECOND.replace(
        "spent four seasons as the Hawks' director of player personnel",
        "has spent 19 seasons with the Hawks",
    )
    analysis = analyse(FIRST, second)
    assert any(any("Marsh" in t for t in texts) for _, texts in _agreed_names(analysis)), (
        _agreed_names(analysis)
    )
