"""``rashomon compare`` and the event page show the values they did not compare, and why."""

from __future__ import annotations

from link.test_facts import SHOOTING_A, SHOOTING_B, analyse
from rich.console import Console

from rashomon.model import HELD_BACK_REASONS, Fact, FactDifference, FactValue, to_dict
from rashomon.report.compare import compare_view, held_back_rows
from rashomon.report.facts import HeldBack, held_back
from rashomon.report.pages.event import fact_matrix
from rashomon.report.pages.event import held_back as page_held_back


def render(parts: list) -> str:
    console = Console(record=True, width=200)
    for part in parts:
        console.print(part)
    return console.export_text()


def test_compare_lists_the_tolls_it_did_not_compare_with_why() -> None:
    analysis = analyse(SHOOTING_A, SHOOTING_B, dates=(None, None))  # type: ignore[arg-type]
    found = [h for h in held_back(analysis) if h.fact.slot == "count:killed"]
    assert found and found[0].why == HELD_BACK_REASONS["other-detail"]
    text = " ".join(render(compare_view(analysis)).split())
    assert "not called disputes" in text
    assert "Four people" in text and "Five people" in text
    assert "they may tell two happenings" in text


def test_compare_of_a_real_dispute_lists_it_as_disputed_not_held_back() -> None:
    analysis = analyse(SHOOTING_A, SHOOTING_B)
    assert not [h for h in held_back(analysis) if h.fact.slot == "count:killed"]
    text = " ".join(render(compare_view(analysis)).split())
    assert "Disputed facts" in text


def test_event_page_shows_held_back_pairs_and_their_cells_say_why() -> None:
    analysis = analyse(SHOOTING_A, SHOOTING_B, dates=(None, None))  # type: ignore[arg-type]
    facts = [to_dict(f) for f in analysis.facts if f.slot == "count:killed"]
    (pair,) = page_held_back(facts)
    assert {pair["a"], pair["b"]} == {"Four people", "Five people"}
    assert pair["why"] == HELD_BACK_REASONS["other-detail"]
    docs = sorted({d.id for d in analysis.documents})
    notes = [c["note"] for row in fact_matrix(facts, docs) for c in row if c]
    assert notes and all(n.startswith("not compared with ") for n in notes), notes


def test_the_pairs_of_one_fact_held_back_for_one_reason_are_one_row() -> None:
    """A source that gives a total and four itemised sums makes ten held-back pairs: the
    list shows them as one row, the weightiest value against the others, each once."""
    labels = ["$750,000", "$14,000", "$2,306.08", "$3,544.00", "$4,272.78"]
    values = [FactValue(str(i), label) for i, label in enumerate(labels)]
    pairs = [(a, b) for a in range(5) for b in range(a + 1, 5)]
    fact = Fact(
        "f1",
        "e1",
        "count:money:USD",
        "uncertain",
        values=values,
        held_back=[FactDifference(a, b, "several-answers") for a, b in pairs],
    )
    other = Fact(
        "f2",
        "e1",
        "when",
        "uncertain",
        values=[FactValue("2013-02-20", "20 Feb"), FactValue("2013-02-15", "15 Feb")],
        held_back=[FactDifference(0, 1, "no-shared-detail")],
    )
    found = [HeldBack(fact, d) for d in fact.held_back] + [HeldBack(other, other.held_back[0])]
    rows = held_back_rows(found)
    assert len(rows) == 2
    first, others = rows[0]
    assert first.a.label == "$750,000"
    assert [v.label for v in others] == labels[1:]
    assert [v.label for v in rows[1][1]] == ["15 Feb"]
