"""Temporal expressions: finding them and normalising them to TIMEX3.

``tag_times(doc, doc_id, dct)`` is the entry point the pipeline calls;
``normalize_timex(text, dct, anchor, tense)`` normalises one expression.

Modules, one job each: :mod:`lexicon` (word lists), :mod:`patterns` (finding
candidate spans), :mod:`context` (tense and filters from the spaCy parse),
:mod:`anchoring` (calendar arithmetic), :mod:`relative` (deictic and anaphoric
expressions), :mod:`durations` (durations and sets), :mod:`normalize` (the
TIMEX3 normaliser) and :mod:`tagger` (selection and anchoring in text order).
"""

from .anchoring import Timex
from .normalize import normalize_timex
from .tagger import tag_times

__all__ = ["Timex", "normalize_timex", "tag_times"]
