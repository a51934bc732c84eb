"""A report's smaller toll, beside a larger one it also gives, counts a part.

Written for these tests the way a wire report tells a quake: the whole toll and one
warehouse's dead, the main shock and an aftershock. The part is not set against another
report's whole; the two wholes still are.
"""

from __future__ import annotations

from link.test_facts import analyse, disputed

WIRE = (
    "A magnitude 6.2 earthquake struck Lowland province on Wednesday, killing 31 people, "
    "officials said.\n\n"
    "Five workers were killed when a warehouse roof fell in, a foreman said.\n\n"
    "A magnitude 5.1 aftershock rattled the province on Wednesday evening."
)
LOCAL = (
    "Twelve people were killed when a magnitude 5.8 earthquake hit Lowland province on "
    "Wednesday, the provincial disaster agency said.\n\n"
    "Rescuers were searching collapsed homes in Lowland province on Wednesday night."
)


def _pairs(analysis, slot: str, kind: str) -> set[frozenset[str]]:
    return {
        frozenset({f.values[c.a].value, f.values[c.b].value})
        for f in analysis.facts
        if f.slot == slot
        for c in f.conflicts
        if c.kind == kind
    }


def test_a_part_of_the_toll_is_not_set_against_another_reports_whole() -> None:
    analysis = analyse(WIRE, LOCAL)
    killed = _pairs(analysis, "count:killed", "dispute")
    assert frozenset({"5", "12"}) not in killed, killed
    held = {
        h.why
        for f in analysis.facts
        if f.slot == "count:killed"
        for h in f.held_back
        if {f.values[h.a].value, f.values[h.b].value} == {"5", "12"}
    }
    assert held == {"smaller-part"}, held


def test_the_two_wholes_are_still_disputed() -> None:
    analysis = analyse(WIRE, LOCAL)
    assert frozenset({"31", "12"}) in _pairs(analysis, "count:killed", "dispute"), [
        ([v.label for v in f.values], f.held_back) for f in disputed(analysis)
    ]


def test_an_aftershock_is_not_set_against_the_main_shock() -> None:
    analysis = analyse(WIRE, LOCAL)
    magnitudes = _pairs(analysis, "count:magnitude", "dispute")
    assert frozenset({"5.1", "5.8"}) not in magnitudes, magnitudes

