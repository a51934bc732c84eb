"""The data model's own rules: which values of a fact count as agreed."""

from __future__ import annotations

from rashomon.model import Fact, FactDifference, FactValue


def value(label: str, *sources: str) -> FactValue:
    return FactValue(label, label, [], list(sources))


def test_values_two_sources_give_are_agreed_also_beside_a_value_held_back() -> None:
    thursday, friday = value("2011-11-10", "d1", "d2", "d3"), value("2011-11-11", "d4")
    held = [FactDifference(0, 1, "several-answers")]
    uncertain = Fact("f1", "e1", "when", "uncertain", [thursday, friday], held_back=held)
    assert uncertain.agreed_values() == [thursday]
    agreed = Fact("f2", "e1", "when", "agreed", [thursday])
    assert agreed.agreed_values() == [thursday]


def test_no_value_is_agreed_where_a_dispute_or_revision_is_called() -> None:
    five, four = value("5", "d1", "d2"), value("4", "d3", "d4")
    for status in ("disputed", "revised"):
        assert Fact("f1", "e1", "count:killed", status, [five, four]).agreed_values() == []
    assert Fact("f3", "e1", "count:killed", "single", [value("5", "d1")]).agreed_values() == []
