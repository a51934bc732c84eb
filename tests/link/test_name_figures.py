"""Two statements of one name agree only when their sentences do not count the same
thing differently.

Written for these tests: two reports of a coach's firing that both tell the new
interim coach's career; "has worked 11 seasons with the team" and "worked three
seasons as its scout" are two facts about him, not one told twice.
"""

from __future__ import annotations

from link.test_facts import analyse

FIRST = (
    "The Hawks fired head coach Lyle Brant on Saturday after a 9-14 start, the team "
    "said.\n\n"
    "Assistant general manager Tony Marsh will take over as interim coach. Marsh has worked "
    "11 seasons with the Hawks and became assistant general manager in 2015."
)
SECOND = (
    "The Hawks fired head coach Lyle Brant on Saturday, ending a season that began with "
    "nine wins in 23 games.\n\n"
    "Tony Marsh, the assistant general manager, replaces him. Before that, Marsh worked three "
    "seasons as the Hawks' chief scout."
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
        "worked three seasons as the Hawks' chief scout", "has worked 11 seasons with the Hawks"
    )
    analysis = analyse(FIRST, second)
    assert any(any("Marsh" in t for t in texts) for _, texts in _agreed_names(analysis)), (
        _agreed_names(analysis)
    )
