"""Check-worthy statements on real news text: the bundled example corpus (always
present) and the shared benchmark corpora (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import rashomon.link  # noqa: F401  (import order: link before extract.entities)
from rashomon.extract.claims import find_claims
from rashomon.extract.embeddings import DIMENSION, load_encoder
from rashomon.extract.nlp import load_nlp
from rashomon.extract.pipeline import analyse_parsed
from rashomon.ingest.pipeline import ingest_paths
from rashomon.model import Document

PROJECT = Path(__file__).resolve().parents[2]
EXAMPLE_CORPUS = PROJECT / "examples" / "corpus"
BENCHMARKS = PROJECT.parent / "shared" / "benchmarks"


def claims_of(text: str, published: str | None = "2008-07-02", doc_id: str = "d"):
    document = Document(doc_id, doc_id, text, published=published)
    doc = load_nlp()(text)
    analysis = analyse_parsed(document, doc)
    return find_claims(doc, analysis, load_encoder())


@pytest.fixture(scope="module")
def wire():
    docs = ingest_paths([EXAMPLE_CORPUS / "wire"]).documents
    (document,) = [d for d in docs if "northrop" in d.source]
    doc = load_nlp()(document.text)
    analysis = analyse_parsed(document, doc)
    return document, find_claims(doc, analysis, load_encoder())


def test_example_article_statements_have_offsets_and_features(wire):
    document, claims = wire
    assert len(claims) >= 15
    for c in claims:
        assert document.text[c.start : c.end] == c.text
        vector = np.frombuffer(c.vector, dtype=np.float16)
        assert vector.shape == (DIMENSION,)
        assert abs(float(np.linalg.norm(vector.astype(np.float32))) - 1) < 0.01
    lead = next(c for c in claims if "defeated Boeing" in c.text)
    assert lead.kind == "quantity"
    assert "40 billion USD" in lead.quantities
    assert "179 tankers" in lead.quantities
    assert {"Boeing", "Northrop Grumman"} <= set(lead.entities)
    # the actors come first: "Northrop Grumman and ... EADS have defeated Boeing"
    assert lead.entities[0] == "Northrop Grumman"


def test_attribution_and_denial_in_example_article(wire):
    _, claims = wire
    nesbit = next(c for c in claims if "Nesbit" in c.text)
    assert nesbit.speaker == "Paul Nesbit"
    assert "100 billion USD" in nesbit.quantities
    denial = next(c for c in claims if "denied that creating jobs" in c.text)
    assert denial.negated
    assert not nesbit.negated


def test_skips_questions_fragments_and_opinion():
    claims = claims_of(
        "Share this article: Facebook | X | LinkedIn | Email\n\n"
        "Will Boeing challenge the decision?\n\n"
        "Air Force tanker deal\n\n"
        "It is a great plane.\n\n"
        "The Government Accountability Office on June 18 called for a re-run of the bidding "
        "for the U.S. Air Force $40 billion tanker contract."
    )
    assert [c.text[:30] for c in claims] == ["The Government Accountability "]
    (gao,) = claims
    assert gao.times == ["2008-06-18"]
    assert gao.kind == "quantity"


def test_negation_forms():
    sentences = {
        "Boeing did not win the contract to supply the Air Force with tankers.": True,
        "The Air Force never selected Boeing for the tanker contract.": True,
        "Boeing won the contract to supply the Air Force with tankers.": False,
        "Congressional lawmakers rejected the proposal in October 2004.": False,
        "The Pentagon rejected claims that the contest favoured Northrop Grumman.": True,
    }
    for text, negated in sentences.items():
        (claim,) = claims_of(text)
        assert claim.negated is negated, text


def test_clauses_split_at_semicolon():
    claims = claims_of(
        "USAF also denied that creating jobs in the US was a factor; job supply had been the "
        "reason Boeing were expected to win, with the airframer promising 44,000 new positions."
    )
    assert len(claims) == 2
    assert claims[0].negated and not claims[1].negated
    assert claims[1].quantities == ["44,000 positions"]


def test_basil_articles_yield_statements_with_valid_offsets():
    folder = BENCHMARKS / "basil" / "articles"
    if not folder.is_dir():
        pytest.skip("BASIL corpus absent")
    path = sorted(folder.glob("*/*.json"))[0]
    data = json.loads(path.read_text("utf-8"))
    text = "\n\n".join(" ".join(p) for p in data["body-paragraphs"][:8])
    claims = claims_of(text, data.get("date"))
    assert len(claims) >= 3
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert not c.text.rstrip().endswith("?")
        assert c.entities or c.times or c.quantities
