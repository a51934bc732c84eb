"""Quotes and attributions: who is reported as saying what.

``direct`` finds the quoted spans from the quotation marks, ``attribution``
reads cue verbs, speakers and reported clauses off the dependency parse (with
the lexicon in ``cues``), ``speakers`` names speakers against the entity
mentions, and ``assemble`` joins them into :class:`rashomon.model.Quote`.
"""

from rashomon.extract.quotes.assemble import find_quotes

__all__ = ["find_quotes"]
