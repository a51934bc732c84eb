"""Framing and word choice in one document: labels, evaluative words, scare quotes.

:func:`find_framing_terms` returns the :class:`~rashomon.model.FramingTerm`
of a parsed document: the labels it gives entities and groups
(:mod:`.labels`), the scare quotes (:mod:`.scare`), and the loaded
evaluative words with the entity each is about (:mod:`.evaluative`). How
loaded a word is comes from VADER's packaged lexicon and a word table built
offline from MiniLM embeddings (:mod:`.lexicon`), not from a fixed word list;
extraction runs no model beyond the spaCy parse. Pure per document.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from rashomon.extract.framing.context import FramingContext
from rashomon.extract.framing.evaluative import find_evaluative
from rashomon.extract.framing.labels import find_labels
from rashomon.extract.framing.lexicon import THRESHOLDS, is_loaded, load_lexicon
from rashomon.extract.framing.scare import find_scare_quotes
from rashomon.model import EntityMention, FramingTerm

__all__ = ["THRESHOLDS", "find_framing_terms", "is_loaded", "is_loaded_term", "load_lexicon"]


def find_framing_terms(
    doc: Doc, doc_id: str, entity_mentions: Sequence[EntityMention] = ()
) -> list[FramingTerm]:
    """Every label, scare quote and loaded evaluative word of ``doc``, by offset."""
    ctx = FramingContext(doc, doc_id, list(entity_mentions))
    labels = find_labels(ctx)
    scare = find_scare_quotes(ctx, labels)
    covered: set[int] = set()
    for term in labels + scare:
        span = doc.char_span(term.start, term.end, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
    evaluative = find_evaluative(ctx, labels, covered)
    return sorted(labels + scare + evaluative, key=lambda t: (t.start, t.end))


def is_loaded_term(term: FramingTerm) -> bool:
    """Whether a term is loaded: a scare quote, or a label/word of non-zero polarity."""
    if term.kind == "scare-quote":
        return True
    return term.polarity is not None and term.polarity != 0.0
