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
    score_pairs,
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
    texts = dict.fromkeys("abcd", "Israeli jets struck a Hamas depot in Gaza City.")  # one story
    groups = cluster_event_mentions(mentions, None, texts, params=LinkParams(threshold=1e-3))
    group_of = {i: k for k, g in enumerate(groups) for i in g}
    assert group_of[0] == group_of[1]  # a day inside the month: compatible
    assert group_of[0] != group_of[2]  # two different days written next to the triggers
    loose = LinkParams(threshold=1e-3, veto_explicit_dates=False)
    off = cluster_event_mentions(mentions, None, texts, params=loose)
    assert len(off) < len(groups)  # without the veto the permissive threshold merges them


def test_in_a_large_story_only_kinds_of_action_that_match_are_compared():
    a = EventMention("a", 0, 8, "arrested", "arrest", 0, 30, ["Oler"], "Canada", None)
    b = EventMention("b", 0, 5, "quake", "quake", 0, 30, ["Oler"], "Canada", None)
    c = EventMention("c", 0, 8, "detained", "detain", 0, 30, ["Oler"], "Canada", None)
    texts = dict.fromkeys("abc", "Police in Canada arrested Oler after the quake.")
    scored = score_pairs([a, b, c], None, texts, params=LinkParams(max_block=1))
    assert list(zip(scored.left.tolist(), scored.right.tolist(), strict=True)) == [(0, 2)]
    small = score_pairs([a, b, c], None, texts)  # a small story: every pair is scored
    assert len(small.left) == 3


def test_one_sentence_repeated_stays_linear():
    """Issue 12: a document of one sentence repeated thousands of times."""
    import time
    import tracemalloc

    sentence = "Troops attacked the town and killed three people. "
    n = 1500
    text = sentence * n
    step = len(sentence)
    mentions = []
    for k in range(n):
        base = k * step
        for word, lemma in (("attacked", "attack"), ("killed", "kill")):
            start = base + sentence.index(word)
            mentions.append(
                EventMention("d", start, start + len(word), word, lemma, base, base + step - 1)
            )
    tracemalloc.start()
    started = time.perf_counter()
    scored = score_pairs(mentions, None, {"d": text})
    groups = cluster_event_mentions(mentions, None, {"d": text})
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    # pairs grow with the mentions times a constant, not with their square
    assert len(scored.left) <= LinkParams().max_neighbours * len(mentions)
    assert sum(len(g) for g in groups) == len(mentions)
    assert peak < 400 * 2**20 and seconds < 120  # was 4.2 GB and 242 s for 4,000 repeats


def test_time_intervals():
    assert time_interval("2024-03") == (738_946, 738_976)
    assert time_interval("2024-W10")[1] - time_interval("2024-W10")[0] == 6
    assert time_interval("2024-SU") is not None
    assert time_interval("P3Y") is None and time_interval(None) is None


def test_sentence_word_columns_do_not_depend_on_the_hash_seed() -> None:
    """The wording index's MinHash signatures are built on these columns: with words
    numbered as a set iterates, two runs of the same corpus found different pairs."""
    import os
    import subprocess
    import sys

    code = (
        "from rashomon.link.events.features import set_rows;"
        "m = set_rows([{'gunman', 'opened', 'fire', 'lounge', 'dayton'},"
        " {'police', 'said', 'gunman', 'killed'}]);"
        "print(m.indices.tolist())"
    )
    seen = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        seen.add(out.stdout)
    assert len(seen) == 1, seen
