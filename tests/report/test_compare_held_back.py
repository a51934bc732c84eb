"""``rashomon compare`` and the event page show the values they did not compare, and why."""

from __future__ import annotations

from link.test_facts import SHOOTING_A, SHOOTING_B, analyse
from rich.console import Console

from rashomon.model import HELD_BACK_REASONS, to_dict
from rashomon.report.compare import compare_view
from rashomon.report.facts import held_back
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
