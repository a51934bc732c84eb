"""A source that says someone did not act (or was not acted on) against one that says
they did: a dispute typed "negation", a revision when the assertion comes later, never
an agreement between two denials."""

from __future__ import annotations

from rashomon.model import Analysis, Fact

from .test_facts import analyse

ARRESTED = (
    "Police arrested Daniel Moore, 34, on Tuesday in connection with the shooting outside "
    "the Blue Note lounge in Dayton, police said.\n\n"
    "Moore was arrested at his home in Kettering, Chief Richard Biehl said."
)
NOT_ARRESTED = (
    "Daniel Moore, 34, was not arrested in connection with the shooting outside the Blue "
    "Note lounge in Dayton on Tuesday, his lawyer said.\n\n"
    "Police questioned Moore at his home in Kettering, his lawyer said."
)


def patient_facts(analysis: Analysis) -> list[Fact]:
    return [f for f in analysis.facts if f.slot == "patient" and any(v.denied for v in f.values)]


def test_a_denial_against_an_assertion_of_the_same_day_is_a_negation_dispute() -> None:
    analysis = analyse(ARRESTED, NOT_ARRESTED)
    (fact,) = patient_facts(analysis)
    assert fact.status == "disputed", fact
    (conflict,) = fact.conflicts
    assert conflict.kind == "dispute" and conflict.reason == "negation"
    denied = next(v for v in fact.values if v.denied)
    assert denied.label.endswith("(denied)") and denied.sources == ["d1"]
    (statement,) = denied.statements
    assert NOT_ARRESTED[statement.start : statement.end] == statement.text == "Daniel Moore"


def test_a_denial_followed_by_a_later_assertion_is_a_revision() -> None:
    not_yet = NOT_ARRESTED.replace("was not arrested", "has not been arrested")
    analysis = analyse(not_yet, ARRESTED, dates=("2019-08-05", "2019-08-07"))
    (fact,) = patient_facts(analysis)
    (conflict,) = fact.conflicts
    assert conflict.kind == "revision" and conflict.reason == "negation"
    assert fact.values[conflict.a].denied and not fact.values[conflict.b].denied


def test_undated_reports_hold_the_denial_back_with_why() -> None:
    analysis = analyse(ARRESTED, NOT_ARRESTED, dates=(None, None))  # type: ignore[arg-type]
    (fact,) = patient_facts(analysis)
    assert not fact.conflicts and fact.status == "uncertain"
    assert [d.why for d in fact.held_back] == ["order-unknown"]


def test_denying_another_person_or_another_act_is_no_dispute() -> None:
    other_person = NOT_ARRESTED.replace("Daniel Moore, 34,", "Kevin Hall, 41,").replace(
        "Moore", "Hall"
    )
    other_act = NOT_ARRESTED.replace("was not arrested", "was not charged")
    for text in (other_person, other_act):
        analysis = analyse(ARRESTED, text)
        assert not [c for f in analysis.facts for c in f.conflicts if c.reason == "negation"]


def test_two_denials_never_agree() -> None:
    # "did not return a call" is every report's line: nothing happened to agree on
    a = (
        "Daniel Moore was charged with murder on Tuesday in Dayton. John Reed, his lawyer, "
        "did not return a call seeking comment on the charge."
    )
    b = (
        "Prosecutors charged Daniel Moore with murder on Tuesday in Dayton. John Reed, his "
        "lawyer, did not return a call seeking comment on the charge."
    )
    analysis = analyse(a, b)
    denied = [v for f in analysis.facts for v in f.values if v.denied]
    assert denied, analysis.facts  # the denial is read, in both reports
    assert all(len(v.sources) == 1 for v in denied), denied
