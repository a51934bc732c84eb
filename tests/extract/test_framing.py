"""Framing terms on realistic news sentences and on PTC / BASIL text."""

from __future__ import annotations

import json

import pytest

from rashomon.extract.entities import find_entity_mentions
from rashomon.extract.framing import find_framing_terms, is_loaded_term
from rashomon.extract.framing.lexicon import load_lexicon


def terms(nlp, text: str, doc_id: str = "d"):
    doc = nlp(text)
    return find_framing_terms(doc, doc_id, find_entity_mentions(doc, doc_id))


def by_text(found):
    return {t.text.lower(): t for t in found}


def test_apposition_label_with_target_and_negative_polarity(nlp):
    found = by_text(
        terms(nlp, "Muammar Gaddafi, the brutal dictator, ordered troops into Benghazi.")
    )
    label = found["brutal dictator"]
    assert label.kind == "label"
    assert label.target == "Muammar Gaddafi"
    assert label.polarity is not None and label.polarity < -0.3


def test_regime_and_government_for_the_same_name(nlp):
    a = by_text(terms(nlp, "The Assad regime shelled the suburbs of Damascus on Sunday."))
    b = by_text(terms(nlp, "The Assad government shelled the suburbs of Damascus on Sunday."))
    assert a["regime"].target == b["government"].target == "Assad"
    assert is_loaded_term(a["regime"]) and not is_loaded_term(b["government"])


def test_nominal_mention_resolves_to_earlier_label(nlp):
    text = (
        "Bashar al-Assad's government denied the report on Monday. "
        "The regime has used barrel bombs against civilians before."
    )
    found = by_text(terms(nlp, text))
    assert found["government"].target == "Bashar al-Assad"
    assert found["regime"].target == "Bashar al-Assad"


def test_group_labels_militants_rebels_freedom_fighters(nlp):
    for word in ("militants", "rebels", "freedom fighters", "terrorists"):
        text = f"Houthi {word} seized the port of Hodeidah, the Houthis said."
        found = by_text(terms(nlp, text))
        assert word in found, (word, list(found))
        assert found[word].kind == "label"
    assert is_loaded_term(by_text(terms(nlp, "Houthi terrorists seized the port."))["terrorists"])


def test_scare_quotes_and_so_called(nlp):
    found = terms(nlp, "The army shelled the “rebels” in Homs while the so-called government hid.")
    scare = {t.text for t in found if t.kind == "scare-quote"}
    assert "rebels" in scare
    assert any(s.startswith("so-called") for s in scare)


def test_quoted_speech_is_not_a_scare_quote(nlp):
    found = terms(nlp, 'The minister said "we will not negotiate" with the group.')
    assert not [t for t in found if t.kind == "scare-quote"]


def test_neutral_wire_has_no_loaded_labels(nlp):
    text = (
        "President Bashar al-Assad met United Nations envoy Geir Pedersen in Damascus on "
        "Tuesday, the Syrian government said. The two discussed the constitutional committee, "
        "according to a statement from the presidency."
    )
    loaded = [t for t in terms(nlp, text) if t.kind != "evaluative" and is_loaded_term(t)]
    assert loaded == []


def test_loadedness_generalises_beyond_the_seeds():
    lexicon = load_lexicon()
    scores = lexicon.score_many(["thuggish", "junta", "announced", "meeting", "killed"])
    assert scores["thuggish"].loaded and scores["junta"].loaded
    assert not scores["announced"].loaded and not scores["meeting"].loaded
    assert not scores["killed"].loaded  # negative, but the plain word of news


def test_ptc_loaded_language_words_are_found(nlp, benchmarks):
    base = benchmarks / "ptc_semeval2020"
    labels = base / "train-task2-TC.labels"
    if not labels.exists():
        pytest.skip("PTC is not present")
    article = "111111112"
    text = (base / "train-articles" / f"article{article}.txt").read_text("utf-8")
    gold = [
        (int(s), int(e))
        for a, tech, s, e in (line.split("\t") for line in labels.read_text().splitlines())
        if a == article and tech in ("Loaded_Language", "Name_Calling,Labeling")
    ]
    found = [t for t in terms(nlp, text) if is_loaded_term(t)]
    hits = [g for g in gold if any(t.start < g[1] and g[0] < t.end for t in found)]
    assert gold and len(hits) >= len(gold) // 3


def test_basil_lexical_bias_span_overlaps(nlp, benchmarks):
    path = next(iter(sorted((benchmarks / "basil" / "annotations").glob("*/*_ann.json"))), None)
    if path is None:
        pytest.skip("BASIL is not present")
    hits = total = 0
    for ann_path in sorted((benchmarks / "basil" / "annotations").glob("2016/*_ann.json"))[:6]:
        ann = json.loads(ann_path.read_text("utf-8"))
        art = json.loads(
            (
                benchmarks / "basil" / "articles" / "2016" / ann_path.name.replace("_ann", "")
            ).read_text("utf-8")
        )
        sentences = [s for p in art["body-paragraphs"] for s in p]
        for span in ann["phrase-level-annotations"]:
            if span["bias"] != "lex" or not span["id"].startswith("p"):
                continue
            sentence = sentences[int(span["id"][1:])]
            found = [t for t in terms(nlp, sentence) if is_loaded_term(t)]
            total += 1
            hits += any(t.start < span["end"] and span["start"] < t.end for t in found)
    assert total and hits / total >= 0.3


ROLE_NOUN_TEXT = (
    "President Joe Biden met union officials in Detroit on Tuesday. The group said "
    "employees at the plant would return on Monday, and federal forces left the city. "
    "Officials from the administration declined to comment."
)


def test_role_nouns_are_never_loaded(nlp):
    found = terms(nlp, ROLE_NOUN_TEXT)
    loaded = {t.text.lower() for t in found if is_loaded_term(t)}
    for word in ("president", "group", "employees", "forces", "officials", "administration"):
        assert word not in loaded, (word, loaded)
    assert loaded == set()


def test_loaded_verb_caves_is_aimed_at_its_subject(nlp):
    found = by_text(terms(nlp, "Speaker John Boehner caves on tax hikes, again."))
    caves = found["caves"]
    assert caves.kind == "evaluative" and caves.target == "John Boehner"
    assert caves.polarity is not None and caves.polarity < 0
    plain = by_text(terms(nlp, "Speaker John Boehner voted on tax hikes, again."))
    assert "voted" not in plain


def test_loaded_verb_of_an_unnamed_subject_goes_to_no_other_name(nlp):
    # spaCy does not take "Pelosi" for a name here; the verb must not fall to the White House.
    found = by_text(terms(nlp, "Pelosi caved to the White House on Wednesday."))
    assert "caved" in found and found["caved"].target is None


def test_scare_quote_attaches_to_the_quoted_phrase_owner(nlp):
    text = (
        "Maria Lopez met Governor Tom Reeve in Albany on Monday. "
        'Reeve\'s "reforms" have cut school budgets by a third.'
    )
    scare = [t for t in terms(nlp, text) if t.kind == "scare-quote"]
    assert [(t.text, t.target) for t in scare] == [("reforms", "Tom Reeve")]


def test_unattached_scare_quote_has_no_target(nlp):
    text = 'Senator Ted Cruz spoke after Maria Lopez. The "moderate" plan was released later.'
    scare = [t for t in terms(nlp, text) if t.kind == "scare-quote"]
    assert [(t.text, t.target) for t in scare] == [("moderate", None)]


def test_extraction_runs_no_embedding_model(nlp, monkeypatch):
    import rashomon.extract.embeddings as embeddings

    def refuse():
        raise AssertionError("framing must not load the encoder")

    monkeypatch.setattr(embeddings, "load_encoder", refuse)
    found = by_text(terms(nlp, "Muammar Gaddafi, the brutal dictator, ordered troops out."))
    assert is_loaded_term(found["brutal dictator"])


def test_word_table_lookups():
    lexicon = load_lexicon()
    assert lexicon.score("caves", "VERB", "cave").loaded
    assert not lexicon.score("caves", "NOUN", "cave").loaded
    assert lexicon.word_class("regime").actor and lexicon.word_class("president").person
    assert lexicon.similarity("militants", "rebels") >= 0.55
    assert lexicon.similarity("militants", "budget") == 0.0
