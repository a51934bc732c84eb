"""The offence charged, across sources: the same charge against the same person agrees;
one person's charge never confirms another's."""

from __future__ import annotations

from rashomon.model import Analysis, FactValue

from .test_facts import analyse

CHARGED_A = (
    "Prosecutors charged Daniel Moore, 34, with first-degree murder on Tuesday in the "
    "shooting outside the Blue Note lounge in Dayton."
)
CHARGED_B = (
    "Daniel Moore, 34, was charged with first-degree murder on Tuesday in the shooting "
    "outside the Blue Note lounge in Dayton, prosecutors said."
)
OTHER_MAN = (
    "Kevin Hall, 41, was charged with first-degree murder on Tuesday in the shooting "
    "outside the Blue Note lounge in Dayton, prosecutors said."
)


def charges(analysis: Analysis) -> list[FactValue]:
    return [v for f in analysis.facts if f.slot == "outcome:charge" for v in f.values]


def test_the_same_charge_against_the_same_person_agrees() -> None:
    analysis = analyse(CHARGED_A, CHARGED_B)
    (murder,) = [v for v in charges(analysis) if v.value == "murder"]
    assert murder.sources == ["d0", "d1"]
    assert {s.text for s in murder.statements} == {"first-degree murder"}


def test_another_persons_charge_does_not_confirm() -> None:
    analysis = analyse(CHARGED_A, OTHER_MAN)
    assert all(len(v.sources) < 2 for v in charges(analysis)), charges(analysis)


MANSLAUGHTER = CHARGED_B.replace("first-degree murder", "manslaughter")


def test_two_charges_are_never_set_against_each_other() -> None:
    # a person may face several charges, and prosecutors file alternatives (murder and
    # manslaughter): one report naming one and another the other is no dispute, and
    # the agreement on the charge both give still stands
    analysis = analyse(CHARGED_A, MANSLAUGHTER, CHARGED_B)
    facts = [f for f in analysis.facts if f.slot == "outcome:charge"]
    assert facts and not [c for f in facts for c in f.conflicts]
    (murder,) = [v for f in facts for v in f.values if v.value == "murder"]
    assert murder.sources == ["d0", "d2"]
