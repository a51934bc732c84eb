"""The facts of an analysis arranged for people: disputes, revisions, agreements, and
the source × fact matrix of each event.

Shared by ``rashomon compare``, the HTML report and the web app, so every view
selects and orders the same way. Plain data out; rendering is the caller's.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rashomon.model import (
    HELD_BACK_REASONS,
    Analysis,
    Event,
    Fact,
    FactConflict,
    FactDifference,
    FactStatement,
    FactValue,
)

# What one source does for one fact, as the matrix shows it.
SUPPORTS = "supports"  # gives a value another independent source also gives
STATES = "states"  # the only source of its value, undisputed
DISPUTES = "disputes"  # gives a value another source disputes
REVISES = "revises"  # gives the later value of a revision
REVISED = "revised"  # gives the earlier value of a revision
COPIES = "copies"  # its statement is copied from another source
OMITS = "omits"  # reports the event, says nothing of this slot
SLOT_ORDER = ("when", "where", "agent", "patient")


SLOT_NAMES = {
    "when": "when",
    "where": "where",
    "agent": "who acted",
    "patient": "who was acted on",
    "outcome": "outcome",
    "outcome:charge": "charged with",
    "count:killed": "killed",
    "count:injured": "injured",
    "count:arrested": "arrested",
    "count:charged": "charged",
    "count:missing": "missing",
    "count:displaced": "displaced",
    "count:rescued": "rescued",
    "count:kidnapped": "kidnapped",
    "count:shot": "shot",
    "count:casualties": "casualties",
    "count:affected": "affected",
    "count:money": "how much money",
    "count:percent": "what share",
    "count:age": "age",
    "count:distance": "how far",
    "count:weight": "how heavy",
    "count:area": "how large",
    "count:magnitude": "magnitude",
}


def slot_label(slot: str) -> str:
    """ "count:killed" -> "killed", "agent" -> "who acted", "count:boat" -> "how many boats"."""
    if slot in SLOT_NAMES:
        return SLOT_NAMES[slot]
    if slot.startswith("count:money:"):
        return f"how much money ({slot.rsplit(':', 1)[1]})"
    if slot.startswith("count:"):
        noun = slot.split(":", 1)[1]
        return f"how many {noun if noun.endswith('s') else noun + 's'}"
    return slot


def slot_sort_key(slot: str) -> tuple[int, str]:
    if slot in SLOT_ORDER:
        return (SLOT_ORDER.index(slot), slot)
    return (len(SLOT_ORDER) if slot.startswith("count:") else len(SLOT_ORDER) + 1, slot)


def fact_docs(fact: Fact) -> list[str]:
    """The documents of the incident a fact belongs to: stating or omitting it."""
    return sorted({s.doc for v in fact.values for s in v.statements} | set(fact.omitted))


def sources_of(fact: Fact) -> set[str]:
    return {d for v in fact.values for d in v.sources}


@dataclass(slots=True)
class Dispute:
    fact: Fact
    conflict: FactConflict

    @property
    def a(self) -> FactValue:
        return self.fact.values[self.conflict.a]

    @property
    def b(self) -> FactValue:
        return self.fact.values[self.conflict.b]


def disputes(analysis: Analysis, top: int | None = None) -> list[Dispute]:
    """Disputes, most confident first, then the most sources."""
    found = [Dispute(f, c) for f in analysis.facts for c in f.conflicts if c.kind == "dispute"]
    found.sort(key=lambda d: (-d.conflict.confidence, -len(sources_of(d.fact)), d.fact.id))
    return found[:top] if top is not None else found


def revisions(analysis: Analysis) -> list[Dispute]:
    """Revisions in time order of the revising report."""
    found = [Dispute(f, c) for f in analysis.facts for c in f.conflicts if c.kind == "revision"]

    def when(d: Dispute) -> str:
        return min((s.published or "9999") for s in d.b.statements)

    return sorted(found, key=lambda d: (when(d), d.fact.id))


@dataclass(slots=True)
class HeldBack:
    """Two values that cannot both hold, which the comparison did not call a dispute."""

    fact: Fact
    difference: FactDifference

    @property
    def a(self) -> FactValue:
        return self.fact.values[self.difference.a]

    @property
    def b(self) -> FactValue:
        return self.fact.values[self.difference.b]

    @property
    def why(self) -> str:
        return HELD_BACK_REASONS.get(self.difference.why, self.difference.why)


def held_back(analysis: Analysis, top: int | None = None) -> list[HeldBack]:
    """Differences the comparison abstained on, with why: those between the most
    independent sources first, so a reader checks the weightiest by hand first."""
    found = [
        HeldBack(f, d)
        for f in analysis.facts
        if f.status == "uncertain"
        for d in f.held_back
        if d.a < len(f.values) and d.b < len(f.values)
    ]
    found.sort(key=lambda h: (-(len(h.a.sources) + len(h.b.sources)), h.fact.id, h.difference.a))
    return found[:top] if top is not None else found


def agreements(analysis: Analysis, top: int | None = None) -> list[tuple[Fact, FactValue]]:
    """Values that two or more independent sources give, in undisputed facts."""
    found = [(f, v) for f in analysis.facts for v in f.agreed_values()]
    found.sort(key=lambda fv: (-len(fv[1].sources), fv[0].id))
    return found[:top] if top is not None else found


@dataclass(slots=True)
class Cell:
    state: str
    value: str = ""
    statement: FactStatement | None = None
    copied_from: str | None = None


@dataclass(slots=True)
class Incident:
    """One event as a set of sources reporting the same happening, with its facts."""

    event: Event | None
    docs: list[str]
    facts: list[Fact] = field(default_factory=list)

    @property
    def slots(self) -> list[str]:
        return sorted({f.slot for f in self.facts}, key=slot_sort_key)

    def cell(self, doc: str, slot: str) -> Cell | None:
        for fact in self.facts:
            if fact.slot != slot:
                continue
            return cell_of(fact, doc)
        return None


def cell_of(fact: Fact, doc: str) -> Cell | None:
    """What ``doc`` does for ``fact`` (None: not one of its sources). A source that
    gives several values shows the one in a dispute or revision first."""
    if doc in fact.omitted:
        return Cell(OMITS)
    cells = []
    for i, value in enumerate(fact.values):
        statement = next((s for s in value.statements if s.doc == doc), None)
        if statement is None:
            continue
        if statement.copied_from:
            cells.append((3, Cell(COPIES, value.label, statement, statement.copied_from)))
            continue
        kinds = {(c.kind, "a" if c.a == i else "b") for c in fact.conflicts if i in (c.a, c.b)}
        if ("dispute", "a") in kinds or ("dispute", "b") in kinds:
            cells.append((0, Cell(DISPUTES, value.label, statement)))
        elif ("revision", "b") in kinds:
            cells.append((1, Cell(REVISES, value.label, statement)))
        elif ("revision", "a") in kinds:
            cells.append((1, Cell(REVISED, value.label, statement)))
        elif any(v is value for v in fact.agreed_values()):
            cells.append((2, Cell(SUPPORTS, value.label, statement)))
        else:
            cells.append((4, Cell(STATES, value.label, statement)))
    return min(cells, key=lambda c: c[0])[1] if cells else None


def incidents(analysis: Analysis) -> list[Incident]:
    """Each event's incidents (the documents its facts were compared across), the most
    sources first."""
    events = {e.id: e for e in analysis.events}
    grouped: dict[tuple[str, tuple[str, ...]], list[Fact]] = defaultdict(list)
    for fact in analysis.facts:
        grouped[(fact.event, tuple(fact_docs(fact)))].append(fact)
    found = [
        Incident(events.get(event), list(docs), sorted(facts, key=lambda f: slot_sort_key(f.slot)))
        for (event, docs), facts in grouped.items()
    ]
    found.sort(
        key=lambda i: (
            -sum(1 for f in i.facts if f.status == "disputed"),
            -len(i.docs),
            -len(i.facts),
            i.facts[0].id,
        )
    )
    return found
