"""Events across documents: the same airstrike told by two outlets is one event; a
later strike on the same place is another."""

from __future__ import annotations

import pytest

import rashomon.link  # noqa: F401  (import order: link before extract.entities)
from rashomon.extract.entities import find_entity_mentions
from rashomon.extract.events import find_events
from rashomon.extract.timex import tag_times
from rashomon.link.entities import key_index, link_entities
from rashomon.link.events import (
    LinkParams,
    cluster_event_mentions,
    link_events,
    time_interval,
)
from rashomon.model import Document, DocumentAnalysis, EventMention

REPORTS = {
    "wire": (
        "2024-03-06",
        "Israeli warplanes struck a Hamas weapons depot in Gaza City on Tuesday, killing "
        "five militants, the military said.\nThe airstrike destroyed the building.",
    ),
    "local": (
        "2024-03-06",
        "An Israeli airstrike hit a Hamas weapons depot in Gaza City on Tuesday, "
        "Palestinian officials said.\nFive people were killed in the attack, they said.",
    ),
    "later": (
        "2024-04-10",
        "Israeli jets struck a Hamas weapons depot in Gaza City on April 9, killing "
        "three people, witnesses said.",
    ),
}


@pytest.fixture(scope="module")
def analyses(nlp) -> list[DocumentAnalysis]:
    result = []
    for doc_id, (published, text) in REPORTS.items():
        doc = nlp(text)
        entities = find_entity_mentions(doc, doc_id)
        times = tag_times(doc, doc_id, published)
        document = Document(doc_id, doc_id, text, outlet=doc_id, published=published)
        analysis = DocumentAnalysis(document, entity_mentions=entities, times=times)
        analysis.events = find_events(doc, doc_id, entities, times, published)
        result.append(analysis)
    return result


def find(analyses, doc_id: str, word: str) -> EventMention:
    for analysis in analyses:
        for event in analysis.events:
            if event.doc == doc_id and event.text == word:
                return event
    raise AssertionError(f"no {word!r} in {doc_id}")


def test_same_strike_in_two_outlets_is_one_event_and_later_strike_is_not(analyses):
    _, index = link_entities(analyses)
    keys = key_index(analyses, index)
    events = link_events(analyses, keys)
    by_mention = {(m.doc, m.text): e for e in events for m in e.mentions}
    strike = by_mention[("wire", "struck")]
    assert by_mention[("local", "airstrike")] is strike  # different wording, same event
    assert by_mention[("wire", "airstrike")] is strike  # mentioned twice in one document
    assert by_mention[("later", "struck")] is not strike  # a month later: another event
    assert strike.time.value == "2024-03-05"
    assert set(strike.docs) == {"wire", "local"}
    assert strike.place is not None and strike.place == by_mention[("later", "struck")].place
    assert "Gaza City" in strike.summary and "2024-03-05" in strike.summary
    ids = [e.id for e in link_events(analyses, keys)]
    assert ids == [e.id for e in events]  # stable


def test_contradicting_dates_are_never_merged():
    def mention(doc: str, value: str, source: str = "explicit") -> EventMention:
        return EventMention(
            doc, 0, 6, "struck", "strike", 0, 40, ["Israel"], "Gaza", value, None, source
        )

    mentions = [
        mention("a", "2024-03-05"),
        mention("b", "2024-03"),  # compatible at month granularity
        mention("c", "2024-04-09"),
        mention("d", "2024-04-10", "document"),  # an undated report of the next day
    ]
    groups = cluster_event_mentions(mentions, params=LinkParams(threshold=0.3))
    assert sorted(map(sorted, groups)) == [[0, 1], [2, 3]]


def test_different_kinds_are_not_compared():
    a = EventMention("a", 0, 8, "arrested", "arrest", 0, 30, ["Oler"], "Canada", None)
    b = EventMention("b", 0, 5, "quake", "quake", 0, 30, ["Oler"], "Canada", None)
    c = EventMention("c", 0, 8, "detained", "detain", 0, 30, ["Oler"], "Canada", None)
    groups = cluster_event_mentions([a, b, c], params=LinkParams(threshold=0.3))
    assert sorted(map(sorted, groups)) == [[0, 2], [1]]


def test_time_intervals():
    assert time_interval("2024-03") == (738_946, 738_976)
    assert time_interval("2024-W10")[1] - time_interval("2024-W10")[0] == 6
    assert time_interval("2024-SU") is not None
    assert time_interval("P3Y") is None and time_interval(None) is None
