"""Framing across sources: labels lined up, stance, loaded share."""

from __future__ import annotations

import pytest

from rashomon.extract.entities import find_entity_mentions
from rashomon.extract.framing import find_framing_terms
from rashomon.extract.quotes import find_quotes
from rashomon.link import framing as framing_module
from rashomon.link.entities import key_index, link_entities
from rashomon.link.framing import framing_table, link_framing, loaded_share, source_summary
from rashomon.model import Document, DocumentAnalysis, Sentence

WIRE = (
    "President Bashar al-Assad met United Nations envoy Geir Pedersen in Damascus on Tuesday, "
    "the Syrian government said.\n\nThe Assad government said the talks covered the "
    "constitutional committee and the return of refugees."
)
OPINION = (
    "Bashar al-Assad, the brutal dictator, welcomed the United Nations envoy Geir Pedersen "
    "to Damascus on Tuesday.\n\nThe Assad regime has gassed and starved its own people, and "
    "the tyrant's “talks” are a cynical charade."
)
QUOTING_WIRE = (
    "Bashar al-Assad met Geir Pedersen in Damascus on Tuesday. "
    '"Assad is a butcher and a war criminal," an opposition spokesman said.'
)


def analyse(nlp, doc_id: str, text: str, outlet: str) -> DocumentAnalysis:
    parsed = nlp(text)
    mentions = find_entity_mentions(parsed, doc_id)
    return DocumentAnalysis(
        document=Document(doc_id, f"{doc_id}.txt", text, outlet=outlet),
        sentences=[Sentence(doc_id, s.start_char, s.end_char) for s in parsed.sents],
        entity_mentions=mentions,
        quotes=find_quotes(parsed, doc_id, mentions),
        framing_terms=find_framing_terms(parsed, doc_id, mentions),
    )


@pytest.fixture(scope="module")
def linked(nlp):
    analyses = [
        analyse(nlp, "wire", WIRE, "Wire"),
        analyse(nlp, "op", OPINION, "Opinion"),
        analyse(nlp, "quoting", QUOTING_WIRE, "Quoting wire"),
    ]
    entities, index = link_entities(analyses)
    keys = key_index(analyses, index)
    framings = link_framing(analyses, keys)
    assad = next(e for e in entities if e.name == "Bashar al-Assad")
    framing = next(f for f in framings if f.target == assad.id)
    return analyses, entities, framings, framing


def test_stance_negative_for_dictator_and_neutral_for_wire(linked):
    *_, framing = linked
    assert framing.stance["op"] == "negative"
    assert framing.stance["wire"] == "neutral"


def test_quoted_insults_do_not_make_the_reporter_negative(linked):
    *_, framing = linked
    assert framing.stance["quoting"] == "neutral"
    assert not any("butcher" in label for label in framing.labels.get("quoting", []))


def test_labels_per_source_are_loaded_words_never_role_nouns(linked):
    *_, framing = linked
    assert framing.labels["wire"] == []  # "President", "government": how anyone names him
    assert "regime" in framing.labels["op"]
    assert all(label not in ("president", "government") for ls in framing.labels.values()
               for label in ls)  # fmt: skip
    assert loaded_share(framing, "op") > loaded_share(framing, "wire") == 0.0
    assert framing.evidence["op"] and framing.evidence["op"][0].doc == "op"


def test_table_lines_up_the_opinion_labels(linked):
    analyses, entities, framings, framing = linked
    rows = framing_table(framings, [a.document for a in analyses], entities)
    row = next(r for r in rows if r.target == framing.target)
    assert row.name == "Bashar al-Assad"
    cells = {c.doc: c for c in row.cells}
    assert cells["wire"].by_slot == {}
    assert any("regime" in labels for labels in cells["op"].by_slot.values())
    assert cells["op"].stance == "negative" and cells["op"].source == "Opinion"


def test_group_labels_share_a_slot(nlp):
    texts = {
        "a": "Houthi militants seized the port of Hodeidah, the Houthis said.",
        "b": "Houthi terrorists seized the port of Hodeidah, the Houthis said.",
        "c": "Houthi jihadists seized the port of Hodeidah, the Houthis said.",
    }
    analyses = [analyse(nlp, k, v, k.upper()) for k, v in texts.items()]
    entities, index = link_entities(analyses)
    framings = link_framing(analyses, key_index(analyses, index))
    rows = framing_table(framings, [a.document for a in analyses], entities)
    row = next(r for r in rows if any("terrorists" in c.labels for c in r.cells))
    slots = {c.doc: next(iter(c.by_slot)) for c in row.cells if c.by_slot}
    assert len(slots) == 3 and len(set(slots.values())) == 1


def test_source_summary(linked):
    *_, framings, _ = linked
    summary = source_summary(framings)
    assert summary["op"]["loaded_share"] > summary["wire"]["loaded_share"]
    assert summary["op"]["negative"] >= 1


def test_partisan_loaded_verb_is_listed_and_the_wire_stays_silent(nlp):
    texts = {
        "partisan": (
            "Speaker John Boehner caves to Democrats on the debt ceiling, again. "
            "The spineless Boehner surrendered without a fight."
        ),
        "wire": (
            "Speaker John Boehner reached a deal with Democrats on the debt ceiling on "
            "Tuesday, officials said. The group of employees at the Treasury welcomed it."
        ),
    }
    analyses = [analyse(nlp, k, v, k.title()) for k, v in texts.items()]
    entities, index = link_entities(analyses)
    framings = link_framing(analyses, key_index(analyses, index))
    boehner = next(e for e in entities if e.name == "John Boehner")
    framing = next(f for f in framings if f.target == boehner.id)
    assert "caves" in framing.labels["partisan"]
    assert framing.labels["wire"] == []
    assert framing.stance["wire"] == "neutral"


def test_one_loaded_word_is_not_a_stance(nlp):
    texts = {
        "a": "Senator Maria Lopez gave a fiery speech in Albany on Monday about the budget.",
        "b": "Senator Maria Lopez spoke in Albany on Monday about the budget.",
    }
    analyses = [analyse(nlp, k, v, k) for k, v in texts.items()]
    entities, index = link_entities(analyses)
    framings = link_framing(analyses, key_index(analyses, index))
    assert all(s == "neutral" for f in framings for s in f.stance.values())


def test_a_sentence_is_scored_once_and_a_kept_tone_is_the_one_computed():
    text = "The brutal regime crushed the peaceful protest, witnesses said."
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer().polarity_scores(text)["compound"]
    fresh = framing_module.sentence_tone(text)
    assert fresh == vader < 0
    key = framing_module.tone_key(text)
    assert framing_module.new_tones({})[key] == fresh  # to be kept by the store
    assert key not in framing_module.new_tones({key: fresh})
    other = "A second sentence nobody scored before, with a kept tone."
    framing_module.remember_tones({framing_module.tone_key(other): 0.25})
    assert framing_module.sentence_tone(other) == 0.25  # read back, not scored again
    assert framing_module.tone_key(other) not in framing_module.new_tones({})
