"""``rashomon compare`` shows, for each agreed fact, what every supporting source says."""

from __future__ import annotations

from link.test_facts import CONTRACT_A, CONTRACT_B, analyse

from rashomon.report.compare import compare_view
from rashomon.report.facts import agreements
from report.test_compare_held_back import render


def test_an_agreement_shows_each_sources_own_sentence() -> None:
    """A reader checks an agreement as a dispute: by the sentences. Each supporter's
    sentence is shown, so two reports that word the figure apart are both visible."""
    analysis = analyse(CONTRACT_A, CONTRACT_B)
    assert any(f.slot == "count:tanker" for f, _ in agreements(analysis, 10))
    agreed = render(compare_view(analysis)).split("Agreed facts", 1)[1]
    text = " ".join(agreed.split())
    assert "awarded a contract to build" in text  # the first report's words
    assert "will supply the Air Force" in text  # the second's
