"""The SQLite store: round trips, incremental runs, nothing stored is lost."""

from __future__ import annotations

import sqlite3

import pytest

from rashomon.extract.entities import find_entity_mentions
from rashomon.link import link_corpus
from rashomon.model import (
    Document,
    DocumentAnalysis,
    IngestError,
    Quantity,
    Quote,
    RemovedLine,
    TimeMention,
)
from rashomon.store import Store

# Wikinews, "Government Accountability Office requests rerun of US Air Force tanker bid".
GAO = (
    "The US Government Accountability Office (GAO) has recommended that the US Air Force "
    "reopen bidding on a US$35 billion contract. Boeing had protested the award to Northrop "
    "Grumman and EADS in March. The GAO said the Air Force made significant errors."
)


def analysis_of(nlp, doc_id: str, text: str) -> DocumentAnalysis:
    document = Document(
        doc_id,
        f"{doc_id}.txt",
        text,
        title="GAO requests rerun",
        published="2008-06-18",
        boilerplate=[RemovedLine("Share this story", "share-prompt")],
    )
    start = text.index("March")
    amount = text.index("US$35 billion")
    said = text.index("the Air Force made")
    return DocumentAnalysis(
        document=document,
        entity_mentions=find_entity_mentions(nlp(text), doc_id),
        times=[
            TimeMention(doc_id, start, start + 5, "March", "DATE", "2008-03", anchor="2008-06-18")
        ],
        quantities=[
            Quantity(
                doc_id, amount, amount + 13, "US$35 billion", 3.5e10, unit="USD", counted="contract"
            )
        ],
        quotes=[
            Quote(
                doc_id,
                said,
                len(text) - 1,
                text[said:-1],
                "GAO",
                "said",
                False,
                text.index("The GAO said") + 4,
                text.index("The GAO said") + 7,
            )
        ],
        words=len(text.split()),
    )


def test_round_trip_keeps_every_field(tmp_path, nlp):
    item = analysis_of(nlp, "d1", GAO)
    with Store(tmp_path / "a.sqlite") as store:
        store.save_document(item, "v1")
        (loaded,) = store.load_documents()
    assert loaded == item


def test_corpus_round_trip_and_speaker_entity(tmp_path, nlp):
    items = [
        analysis_of(nlp, "d1", GAO),
        analysis_of(nlp, "d2", GAO.replace("significant", "serious")),
    ]
    analysis = link_corpus(
        items, [IngestError("bad.txt", "empty file")], [{"source": "c.txt", "duplicate_of": "d1"}]
    )
    gao = next(e for e in analysis.entities if e.name.endswith("Government Accountability Office"))
    assert set(gao.docs) == {"d1", "d2"}
    assert all(q.speaker_entity == gao.id for q in analysis.quotes)
    with Store(tmp_path / "a.sqlite") as store:
        for item in items:
            store.save_document(item)
        store.save_corpus(analysis)
    with Store(tmp_path / "a.sqlite") as store:
        assert store.load_analysis() == analysis


def test_incremental_save_keeps_earlier_documents(tmp_path, nlp):
    path = tmp_path / "a.sqlite"
    with Store(path) as store:
        store.save_document(analysis_of(nlp, "d1", GAO), "v1")
    with Store(path) as store:
        store.save_document(analysis_of(nlp, "d2", GAO + " Boeing welcomed it."), "v1")
        assert store.stored_documents("v1") == {"d1", "d2"}
        assert store.stored_documents("v2") == set()
        assert [a.document.id for a in store.load_documents()] == ["d1", "d2"]


def test_a_failed_write_leaves_the_stored_document_intact(tmp_path, nlp):
    path = tmp_path / "a.sqlite"
    good = analysis_of(nlp, "d1", GAO)
    with Store(path) as store:
        store.save_document(good)
        broken = analysis_of(nlp, "d1", GAO)
        broken.times[0].start = object()  # not storable: the transaction must roll back
        with pytest.raises(sqlite3.Error):
            store.save_document(broken)
        assert store.load_documents() == [good]


def test_word_vectors_are_kept_and_an_older_store_has_none(tmp_path):
    with Store(tmp_path / "a.sqlite") as store:
        assert store.load_word_vectors() == {}  # no table yet: nothing cached
        store.save_word_vectors({"invade": b"\x00\x00\x80?", "quake": b"\x00\x00\x00@"})
        store.save_word_vectors({"invade": b"\x00\x00\x00\x00"})  # a known word keeps its vector
    with Store(tmp_path / "a.sqlite") as store:
        assert store.load_word_vectors() == {"invade": b"\x00\x00\x80?", "quake": b"\x00\x00\x00@"}


def test_lemma_forms_are_kept_and_an_older_store_has_none(tmp_path):
    with Store(tmp_path / "a.sqlite") as store:
        assert store.load_lemma_forms() == {}  # no table yet: nothing kept
        store.save_lemma_forms({"v|sacked": '["sack", "sacked"]'})
        store.save_lemma_forms({"v|sacked": '["other"]', "v|bombs": '["bomb", "bombs"]'})
    with Store(tmp_path / "a.sqlite") as store:  # a known word keeps its forms
        assert store.load_lemma_forms() == {
            "v|sacked": '["sack", "sacked"]',
            "v|bombs": '["bomb", "bombs"]',
        }


def test_sentence_tones_are_kept_exactly_and_an_older_store_has_none(tmp_path):
    with Store(tmp_path / "a.sqlite") as store:
        assert store.load_sentence_tones() == {}  # no table yet: nothing cached
        store.save_sentence_tones({"a1": -0.4404, "b2": 1 / 3})
        store.save_sentence_tones({"a1": 0.0})  # a known sentence keeps its tone
    with Store(tmp_path / "a.sqlite") as store:
        assert store.load_sentence_tones() == {"a1": -0.4404, "b2": 1 / 3}


def test_an_older_store_gains_the_toll_scope_column_and_keeps_its_facts(tmp_path, nlp):
    from rashomon.extract.pipeline import extract_document

    text = (
        "Nine people were killed in Dunmore district when the quake struck on Tuesday, "
        "district officials said."
    )
    item = extract_document(Document("d1", "d1.txt", text, published="2019-08-06"))
    (toll,) = [f for f in item.facts if f.slot == "count:killed"]
    assert toll.scope == "dunmore district" and toll.attribution
    path = tmp_path / "a.sqlite"
    with Store(path) as store:
        store.save_document(item, "v1")
    with sqlite3.connect(path) as db:  # as a store written before tolls kept their place
        db.execute("ALTER TABLE fact_mentions DROP COLUMN scope")
    with Store(path) as store:  # the column comes back last in the table
        (loaded,) = store.load_documents()
        (old,) = [f for f in loaded.facts if f.slot == "count:killed"]
        assert old.scope is None
        assert old.attribution == toll.attribution
        assert old.attribution_start == toll.attribution_start
        store.save_document(item, "v1")
        (again,) = store.load_documents()
    assert again == item
