"""Tolls told for a part of a disaster are not set against the whole or each other.

Written for these tests in the way wire and local reports tell one quake on one day:
the whole toll, a district's, a village's. None of them disputes another; two reports
of the same toll for the same place still do.
"""

from __future__ import annotations

from link.test_facts import analyse, disputed

QUAKE_WIRE = (
    "A magnitude 6.1 earthquake struck Highland province on Tuesday, killing at least 20 "
    "people and destroying hundreds of homes, officials said.\n\n"
    "In the village of Marrow Creek, one man was killed when a landslide buried his house, "
    "the village head said."
)
QUAKE_LOCAL = (
    "Nine people were killed in Dunmore district when a 6.1-magnitude earthquake shook "
    "Highland province on Tuesday, district officials said.\n\n"
    "Rescuers in Dunmore were still searching collapsed homes on Tuesday night."
)
QUAKE_HOSPITAL = (
    "Two people died in hospital after the 6.1-magnitude earthquake that shook Highland "
    "province on Tuesday, officials said.\n\n"
    "Hundreds of homes were destroyed across Highland province."
)
DUNMORE_OTHER = (
    "Seven people were killed in Dunmore district when a 6.1-magnitude earthquake shook "
    "Highland province on Tuesday, police in Dunmore said.\n\n"
    "Rescuers in Dunmore were still searching collapsed homes on Tuesday night."
)


def test_a_village_a_district_and_a_hospital_toll_are_parts_not_rivals() -> None:
    analysis = analyse(QUAKE_WIRE, QUAKE_LOCAL, QUAKE_HOSPITAL)
    assert not disputed(analysis, "count:killed"), [
        [v.label for v in f.values] for f in disputed(analysis, "count:killed")
    ]
    held = {
        h.why for f in analysis.facts if f.slot == "count:killed" for h in f.held_back
    }
    assert "other-place" in held


def test_two_tolls_for_the_same_place_are_still_disputed() -> None:
    analysis = analyse(QUAKE_LOCAL, DUNMORE_OTHER)
    killed = disputed(analysis, "count:killed")
    assert killed, [(f.slot, [v.label for v in f.values], f.held_back) for f in analysis.facts]
    values = {v.value for v in killed[0].values}
    assert {"7", "9"} <= values
