"""Facts of one document: what it states about each event, slot by slot.

A fact is a statement a source makes about one event mention: the slot it
fills (``when``, ``where``, ``agent``, ``patient``, ``count:<role>``) and its
value, with the span, the attribution ("police said") and whether it is
quoted, hedged, negated or given as an update. Roles come from the parse, so
this runs in the extraction stage (the link stage has no parse); the link
stage compares the facts of coreferent events across sources
(:mod:`rashomon.link.facts`).

Slot finders are registered, each reading the shared :class:`FactContext`.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from rashomon.model import DocumentAnalysis, FactMention

from .context import FactContext
from .counts import count_facts
from .outcomes import outcome_facts
from .participants import participant_facts
from .roles import count_value
from .when import when_facts

SlotFinder = Callable[[FactContext], list[FactMention]]
SLOT_FINDERS: dict[str, SlotFinder] = {
    "counts": count_facts,
    "when": when_facts,
    "participants": participant_facts,
    "outcomes": outcome_facts,
}

DENIABLE_SLOTS = frozenset({"agent", "patient"})

__all__ = ["DENIABLE_SLOTS", "SLOT_FINDERS", "FactContext", "count_value", "find_facts"]


def find_facts(doc: Doc, analysis: DocumentAnalysis) -> list[FactMention]:
    """The facts one parsed document states about its event mentions, in text order."""
    ctx = FactContext.build(doc, analysis)
    # what a source says did not happen states no value of it ("no one was hurt" is the
    # toll 0), except who did not act or was not acted on ("Moore was not arrested"):
    # kept, marked negated, for the link stage to set a denial against an assertion
    facts = [
        fact
        for finder in SLOT_FINDERS.values()
        for fact in finder(ctx)
        if not fact.negated or fact.value == "0" or fact.slot in DENIABLE_SLOTS
    ]
    facts.sort(key=lambda f: (f.start, f.slot))
    return facts
