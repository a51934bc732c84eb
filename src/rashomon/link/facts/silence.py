"""Whether a document is silent on a slot: it says nothing that could be the value.

An omission is a claim about a source ("it does not say when"), so it must
not rest on what the extractor failed to read. A document is listed as
omitting a slot of an event it reports only when nothing in the whole
document could be that slot's value:

* ``when``: it states no date or time at all (an undated report's "yesterday",
  which cannot be placed on the calendar, still says when);
* ``where``: never called omitted, since a report may tell the place without
  naming it ("at the office", "off the coast");
* ``agent``, ``patient``: never called omitted, since a source that does not
  name the actor may still describe them ("a former employee"), and telling a
  description of the same person from no statement needs coreference we do not
  have;
* counts by role (killed, injured, arrested ...): it tells of no happening of
  that kind at all (no killing, no death; no word of the role: "escaped
  unharmed", "took them into custody"), so it cannot have given a toll, and it
  gives none of the other sources' figures anywhere ("turned back two vans
  carrying 14 smugglers" may be its count of the 14 arrested);
  counts of other things are never called omitted.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from rashomon.extract.events import kind_keys
from rashomon.model import DocumentAnalysis

from .values import ROLE_KINDS, slot_kind

PLACE_SLOTS = frozenset({"where"})
UNSAYABLE = frozenset({"agent", "patient"})
DATED = frozenset({"DATE", "TIME"})
# The words of each counted role, as stems: any of them in a document means it speaks
# of that toll, whether or not a figure was read.
ROLE_WORDS = {
    "count:killed": re.compile(r"\b(kill|dead|death|die|dying|fatal|bod(y|ies)|lives|toll)", re.I),
    "count:injured": re.compile(r"\b(injur|wound|hurt|harm|hospital|casualt)", re.I),
    "count:arrested": re.compile(r"\b(arrest|detain|custody|captur|nab|apprehend|held)", re.I),
}


class Silence:
    """Per document: whether it dates anything, the names it uses, its kinds of action."""

    def __init__(
        self,
        analyses: Sequence[DocumentAnalysis],
        mentioned: Mapping[str, set[str]],
        names: Mapping[str, str],
    ) -> None:
        self.dated: set[str] = set()
        self.kinds: dict[str, set[str]] = defaultdict(set)
        self.slots: dict[str, set[str]] = defaultdict(set)
        self.mentioned = mentioned
        self.names = names
        self.texts: dict[str, str] = {}
        self.figures: dict[str, set[float]] = defaultdict(set)
        for a in analyses:
            for q in a.quantities:
                self.figures[a.document.id].update(
                    v for v in (q.value, q.low, q.high) if v is not None
                )
            doc = a.document.id
            if any(t.type in DATED for t in a.times):  # "yesterday" unplaced still dates
                self.dated.add(doc)
            for e in a.events:
                self.kinds[doc] |= kind_keys(e.lemma)
            for f in a.facts:
                self.slots[doc].add(f.slot)
            self.texts[doc] = a.document.text

    def silent(self, doc: str, slot: str, values: Sequence[str]) -> bool:
        """Whether ``doc`` says nothing that could fill ``slot`` (given the others' values)."""
        kind = slot_kind(slot)
        if kind == "when":
            return doc not in self.dated
        if kind in UNSAYABLE:
            return False
        if kind in PLACE_SLOTS:
            return False  # a place may be told without a name ("the office", "offshore")
        role_kind = ROLE_KINDS.get(slot)
        if role_kind is None or slot not in ROLE_WORDS:
            return False  # only casualty and arrest tolls are called omitted
        words = ROLE_WORDS.get(slot)
        if words is not None and words.search(self.texts.get(doc, "")):
            return False
        if any(_number(v) in self.figures.get(doc, ()) for v in values):
            return False  # it gives one of the figures, counting something we did not read
        return slot not in self.slots.get(doc, ()) and role_kind not in self.kinds.get(doc, ())


def _number(value: str) -> float | None:
    """The figure of a count value ("26"; None for a range or a bound: "24-120", ">=200")."""
    try:
        return float(value)
    except ValueError:
        return None
