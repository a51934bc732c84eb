"""Event mentions of one document on real news sentences, with real ``tag_times`` output."""

from __future__ import annotations

import pytest

import rashomon.link  # noqa: F401  (import order: link before extract.entities)
from rashomon.extract.entities import find_entity_mentions
from rashomon.extract.events import describe_event, find_events, kind_keys, verb_of
from rashomon.extract.timex import tag_times


def analyse(nlp, text: str, published: str | None = "2009-01-06"):
    doc = nlp(text)
    entities = find_entity_mentions(doc, "d")
    times = tag_times(doc, "d", published)
    return doc, entities, times, find_events(doc, "d", entities, times, published)


def event(events, word: str):
    found = [e for e in events if e.text == word]
    assert found, f"no event {word!r} in {[e.text for e in events]}"
    return found[0]


def test_explicit_date_attaches_to_its_clause(nlp):
    text = "On 14 August 1990 Iraqi troops entered the city, officials said."
    _, _, _, events = analyse(nlp, text, None)
    entered = event(events, "entered")
    assert (entered.time_value, entered.time_source) == ("1990-08-14", "explicit")
    assert entered.time_text == "14 August 1990"
    assert "said" not in [e.text for e in events]  # a quote cue, not an event


def test_participants_place_and_relative_date(nlp):
    text = (
        "Israeli warplanes struck a Hamas training camp in Gaza City on Tuesday, "
        "killing 12 people, the army said."
    )
    _, _, _, events = analyse(nlp, text)
    struck = event(events, "struck")
    assert struck.place == "Gaza City"
    assert "Hamas" in struck.participants
    assert (struck.time_value, struck.time_source) == ("2009-01-06", "explicit")
    killing = event(events, "killing")
    assert killing.time_value == "2009-01-06"
    assert killing.place == "Gaza City"


def test_negation_and_denial(nlp):
    text = "Iraqi troops did not attack the palace. Israel denied attacking the convoy."
    _, _, _, events = analyse(nlp, text)
    attacks = [e for e in events if e.lemma == "attack"]
    assert len(attacks) == 2 and all(e.negated for e in attacks)
    assert not event(events, "denied").negated


def test_nominal_triggers_and_non_events(nlp):
    text = (
        "The airstrike came after the siege of the city. The meeting seemed long and "
        "ministers have known the government for years."
    )
    _, _, _, events = analyse(nlp, text)
    words = {e.text for e in events}
    assert {"airstrike", "siege", "meeting"} <= words
    assert not {"seemed", "known", "government", "have"} & words


def test_was_born_and_document_date_only_for_past(nlp):
    text = "Barack Obama was born in Hawaii.\nObama will meet Dmitry Medvedev in Moscow."
    _, _, _, events = analyse(nlp, text)
    born = event(events, "was born")
    assert born.place == "Hawaii" and born.participants == ["Barack Obama"]
    assert (born.time_value, born.time_source) == ("2009-01-06", "document")
    meet = event(events, "meet")
    assert meet.time_source == "none"  # a future event is not dated by the report
    assert meet.place == "Moscow" and "Dmitry Medvedev" in meet.participants


def test_describe_event_on_a_given_span(nlp):
    text = "Two top leaders of a polygamous community in western Canada have been arrested."
    doc = nlp(text)
    entities = find_entity_mentions(doc, "d")
    times = tag_times(doc, "d", "2009-01-07")
    start = text.index("arrested")
    mention = describe_event(doc, "d", start, start + 8, entities, times, "2009-01-07")
    assert mention.lemma == "arrest" and mention.text == "arrested"
    assert mention.time_source == "document"  # perfect tense: reported as past
    assert (mention.sentence_start, mention.sentence_end) == (0, len(text))


def test_derivations_and_kinds():
    assert verb_of("invasion") == "invade"
    assert verb_of("announcement") == "announce"
    assert verb_of("government") is None
    assert kind_keys("airstrike") & kind_keys("attack")
    assert kind_keys("death") & kind_keys("killed".removesuffix("ed"))
    assert not kind_keys("arrest") & kind_keys("earthquake")


def test_real_ecbplus_sentence(benchmarks, nlp):
    path = benchmarks / "ecbplus" / "test" / "dataset.conll"
    if not path.exists():
        pytest.skip("ECB+ not present")
    words = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split("\t")
            if len(parts) > 3 and parts[0] == "36/36ecb/1" and parts[1] == "1":
                words.append(parts[3])
    text = " ".join(words)
    assert text.startswith("Two top leaders")
    _, _, _, events = analyse(nlp, text, "2009-01-07")
    lemmas = {e.lemma for e in events}
    assert {"arrest", "charge"} <= lemmas
    charged = [e for e in events if e.lemma == "charge"][0]
    assert charged.time_source in {"sentence", "explicit"}  # "said Wednesday"
