"""Sentence embeddings from the packaged MiniLM ONNX model."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon.extract.embeddings import DIMENSION, load_encoder

# Sentences after Wikinews tanker articles (CC BY 2.5) and unrelated news.
AWARD = "Northrop Grumman and EADS defeated Boeing for a US$40 billion Air Force tanker contract."
AWARD_PARAPHRASE = (
    "The US Air Force awarded the $40bn refuelling tanker deal to Northrop and EADS, not Boeing."
)
UNRELATED = "Heavy rain flooded several villages in northern Bangladesh on Sunday."


@pytest.fixture(scope="module")
def encoder():
    return load_encoder()


def test_vectors_are_unit_length(encoder):
    vectors = encoder.encode([AWARD, UNRELATED])
    assert vectors.shape == (2, DIMENSION)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_paraphrase_is_closer_than_unrelated_news(encoder):
    award, paraphrase, unrelated = encoder.encode([AWARD, AWARD_PARAPHRASE, UNRELATED])
    assert award @ paraphrase > 0.6
    assert award @ unrelated < 0.3


def test_batching_and_length_sorting_do_not_change_vectors(encoder):
    sentences = [UNRELATED, AWARD, AWARD_PARAPHRASE, "Boeing protested."]
    together = encoder.encode(sentences, batch_size=2)
    alone = np.vstack([encoder.encode([s]) for s in sentences])
    assert np.allclose(together, alone, atol=1e-4)


def test_empty_input(encoder):
    assert encoder.encode([]).shape == (0, DIMENSION)
