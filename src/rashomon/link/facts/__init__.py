"""Facts across sources: for each slot of each linked event, who agrees, disputes,
revises or is silent.

The per-document statements (:class:`rashomon.model.FactMention`, found in the
extraction stage from the parse) are grouped by the **event** they are about
(the corpus event their trigger belongs to, :mod:`rashomon.link.events`) and
the **slot** they fill, never by wording. A count whose own trigger only one
source reports ("23 were nabbed") moves to the most widely reported event of
its sentence ("... in the raid"), since the toll belongs to the incident.

Inside an event, the documents are first split into incidents by the details
they state (:mod:`incidents`): two statements about different incidents are
never compared. Within one incident and slot the statements become values
(same normalised value, same corpus entity or names that contain each other);
each value lists its independent sources, a passage copied from another source
counting as that source (:mod:`voices`). Two values that cannot both be true
become a dispute or a revision (:mod:`conflicts`) only when the two sources
agree on something else about the incident and disagree on nothing else;
otherwise the comparison abstains. Documents of the incident that state
nothing for the slot, anywhere in their text, omit it (:mod:`silence`).
Cost: linear in statements, quadratic only in the documents of one event
(capped by :data:`MAX_EVENT_DOCS` blocks).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rashomon.extract.events import kind_keys
from rashomon.model import (
    Analysis,
    DocumentAnalysis,
    Fact,
    FactConflict,
    FactMention,
    FactStatement,
    FactValue,
)

from .conflicts import Side, compatible, judge
from .incidents import NAME_SLOTS, PairEvidence, Profile, pair_key, split_incidents
from .silence import Silence
from .values import names_compatible, slot_kind
from .voices import CopyIndex

__all__ = ["link_facts"]

STATUS_ORDER = {"disputed": 0, "revised": 1, "uncertain": 2, "agreed": 3, "single": 4}
MAX_EVENT_DOCS = 80  # documents of one event compared pairwise; larger events in slices
# Evidence of one incident a dispute needs, beyond the disputed slot: more than a shared
# place (two climbers fall on one mountain on two days; pirates are caught in one gulf
# every week): a named person, or a place and a day, or a place and an exact figure.
DISPUTE_SUPPORT = {"name": 3, "when": 2, "count": 2}
# A name few documents use (a victim, a small company) marks the documents that use it as
# one story; a name most documents use (the country, the president) does not.
STORY_TYPES = frozenset({"PERSON", "ORG", "FAC"})
STORY_MIN_DOCS = 4
STORY_SHARE = 0.05
# The kind of action a counted role belongs to (see rashomon.extract.events.kind_keys).
ROLE_KINDS = {"count:killed": "c:kill", "count:injured": "c:injure", "count:arrested": "c:arrest"}


@dataclass(slots=True)
class _Corpus:
    """Lookups shared by every event."""

    event_of: dict[tuple[str, int, int], str]
    event_docs: dict[str, list[str]]
    sentence_events: dict[tuple[str, int], list[tuple[int, str, frozenset[str]]]]
    participants: dict[tuple[str, str, int], set[str]]  # (event, doc, trigger) -> entities
    entity_names: dict[str, str]
    entity_types: dict[str, str]
    mentioned: dict[str, set[str]]
    story: dict[str, frozenset[str]]  # doc -> its rare people and bodies
    published: dict[str, str | None]
    copies: CopyIndex
    silence: Silence


def _corpus(
    analysis: Analysis,
    analyses: Sequence[DocumentAnalysis],
    key_to_entity: Mapping[tuple[str, str], str],
) -> _Corpus:
    event_of: dict[tuple[str, int, int], str] = {}
    event_docs: dict[str, list[str]] = {}
    for event in analysis.events:
        event_docs[event.id] = event.docs
        for m in event.mentions:
            event_of[(m.doc, m.start, m.end)] = event.id
    sentence_events: dict[tuple[str, int], list[tuple[int, str, frozenset[str]]]] = defaultdict(
        list
    )
    participants: dict[tuple[str, str, int], set[str]] = defaultdict(set)
    for a in analyses:
        for m in a.events:
            eid = event_of.get((m.doc, m.start, m.end))
            if not eid:
                continue
            sentence_events[(m.doc, m.sentence_start)].append((m.start, eid, kind_keys(m.lemma)))
            for key in [*m.participants, *([m.place] if m.place else [])]:
                entity = key_to_entity.get((m.doc, key))
                if entity:
                    participants[(eid, m.doc, m.start)].add(entity)
    mentioned: dict[str, set[str]] = defaultdict(set)
    rare: dict[str, set[str]] = defaultdict(set)
    limit = max(STORY_MIN_DOCS, STORY_SHARE * len(analysis.documents))
    for entity in analysis.entities:
        for doc in entity.docs:
            mentioned[doc].add(entity.id)
            if entity.type in STORY_TYPES and 2 <= len(entity.docs) <= limit:
                rare[doc].add(entity.id)
    return _Corpus(
        event_of=event_of,
        event_docs=event_docs,
        sentence_events=sentence_events,
        participants=participants,
        entity_names={e.id: e.name for e in analysis.entities},
        entity_types={e.id: e.type for e in analysis.entities},
        mentioned=mentioned,
        story={doc: frozenset(ids) for doc, ids in rare.items()},
        published={d.id: d.published for d in analysis.documents},
        copies=CopyIndex(analysis.reuse),
        silence=Silence(analyses, mentioned, {e.id: e.name for e in analysis.entities}),
    )


def _profile(doc: str, corpus: _Corpus) -> Profile:
    return Profile(doc, story=corpus.story.get(doc, frozenset()))


def _event_for(fact: FactMention, corpus: _Corpus) -> str | None:
    own = corpus.event_of.get((fact.doc, fact.event_start, fact.event_end))
    if not fact.slot.startswith("count:"):
        return own
    if own and len(corpus.event_docs.get(own, ())) > 1:
        return own
    candidates = corpus.sentence_events.get((fact.doc, fact.sentence_start), [])
    kind = ROLE_KINDS.get(fact.slot)
    best = max(
        candidates,
        key=lambda c: (
            kind in c[2],  # the toll of the killing, not of the "opened fire"
            len(corpus.event_docs.get(c[1], ())),
            -abs(c[0] - fact.start),
        ),
        default=None,
    )
    if best and len(corpus.event_docs.get(best[1], ())) > 1:
        return best[1]
    return own


def _value_key(fact: FactMention, key_to_entity: Mapping[tuple[str, str], str]) -> str | None:
    if slot_kind(fact.slot) in NAME_SLOTS:
        return key_to_entity.get((fact.doc, fact.value))
    return fact.value


def _label(slot: str, value: str, corpus: _Corpus) -> str:
    if slot_kind(slot) in NAME_SLOTS:
        return corpus.entity_names.get(value, value)
    if slot.startswith("count:"):
        return f"{value} {slot.split(':', 1)[1]}"
    return value


def _statement(fact: FactMention, corpus: _Corpus) -> FactStatement:
    return FactStatement(
        doc=fact.doc,
        start=fact.start,
        end=fact.end,
        text=fact.text,
        sentence_start=fact.sentence_start,
        sentence_end=fact.sentence_end,
        attribution=fact.attribution,
        published=corpus.published.get(fact.doc),
        copied_from=corpus.copies.source_of(fact),
    )


def _independent(statements: list[FactStatement]) -> list[str]:
    """The documents giving a value, a copy counted as its original."""
    docs = {s.doc for s in statements}
    return sorted(
        d for d in docs if not any(s.doc == d and s.copied_from in docs for s in statements)
    )


def _sides(slot: str, pairs: list[tuple[str, FactMention]], corpus: _Corpus) -> list[Side]:
    """Statements grouped into values; for names, names inside one another are one value."""
    by_value: dict[str, list[FactMention]] = defaultdict(list)
    for value, fact in pairs:
        by_value[value].append(fact)
    sides = [
        Side(v, fs, corpus.entity_types.get(v), corpus.entity_names.get(v, v))
        for v, fs in sorted(by_value.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    if slot_kind(slot) not in NAME_SLOTS:
        return sides
    merged: list[Side] = []
    for side in sides:
        home = next(
            (
                m
                for m in merged
                if m.entity_type == side.entity_type and names_compatible(m.name, side.name)
            ),
            None,
        )
        if home is None:
            merged.append(side)
        else:
            home.facts.extend(side.facts)
    return merged


def _multi_valued(slot: str, sides: list[Side]) -> bool:
    """One source gives two values that cannot both hold: the slot has several answers
    here (two games, two hostings) or the event gathers several happenings, so no
    value can be called the disputed one. Names are many-valued by nature (victims)."""
    if slot_kind(slot) in NAME_SLOTS:
        return False
    for i, a in enumerate(sides):
        for b in sides[i + 1 :]:
            if a.docs & b.docs and compatible(slot, a, b) is False:
                shared = a.docs & b.docs
                if not all(_revised_within(d, a, b) for d in shared):
                    return True
    return False


def _revised_within(doc: str, a: Side, b: Side) -> bool:
    """The document itself says the figure changed ("rose from 3 to 5")."""
    return any(f.revised for f in a.facts + b.facts if f.doc == doc)


def _can_compare(
    slot: str, a: Side, b: Side, pairs: Mapping[tuple[str, str], PairEvidence]
) -> bool:
    """Some source of a and some source of b agree on another detail and on nothing differ."""
    kind = slot_kind(slot)
    need = DISPUTE_SUPPORT["name" if kind in NAME_SLOTS else kind]
    for x in a.docs:
        for y in b.docs:
            ev = pairs.get(pair_key(x, y))
            if ev and ev.support(slot, story=False) >= need and ev.against(slot) == 0:
                return True
    return False


def _build_fact(
    event: str,
    slot: str,
    incident: list[str],
    sides: list[Side],
    pairs: Mapping[tuple[str, str], PairEvidence],
    corpus: _Corpus,
) -> Fact:
    values = []
    for side in sides:
        statements = [_statement(f, corpus) for f in side.facts]
        values.append(
            FactValue(
                side.value, _label(slot, side.value, corpus), statements, _independent(statements)
            )
        )
    conflicts: list[FactConflict] = []
    incompatible = False
    several = _multi_valued(slot, sides)
    for i in range(len(sides)):
        for j in range(i + 1, len(sides)):
            if compatible(slot, sides[i], sides[j]) is not False:
                continue
            incompatible = incompatible or slot_kind(slot) not in NAME_SLOTS
            if several or not _can_compare(slot, sides[i], sides[j], pairs):
                continue
            verdict = judge(slot, sides[i], sides[j], corpus.mentioned, corpus.published)
            if verdict is None:
                continue
            a, b = (i, j) if verdict.earlier_first else (j, i)
            note = _note(verdict.kind, values[a], values[b])
            conflicts.append(
                FactConflict(verdict.kind, a, b, verdict.reason, verdict.confidence, note)
            )
    sources = {d for v in values for d in v.sources}
    if any(c.kind == "dispute" for c in conflicts):
        status = "disputed"
    elif conflicts:
        status = "revised"
    elif incompatible:
        status = "uncertain"
    elif len(sources) >= 2:
        status = "agreed"
    else:
        status = "single"
    stating = {s.doc for v in values for s in v.statements}
    omitted = sorted(
        d
        for d in set(incident) - stating
        if corpus.silence.silent(d, slot, [v.value for v in values])
    )
    digest = hashlib.sha1(f"{event}|{incident[0]}|{slot}".encode()).hexdigest()[:10]
    return Fact("f" + digest, event, slot, status, values, conflicts, omitted)


def _note(kind: str, a: FactValue, b: FactValue) -> str:
    def side(v: FactValue) -> str:
        who = sorted({s.attribution for s in v.statements if s.attribution})
        said = f" ({', '.join(who)})" if who else ""
        return f"{v.label}{said} in {', '.join(v.sources)}"

    joiner = "then" if kind == "revision" else "vs"
    return f"{side(a)} {joiner} {side(b)}"


def _event_facts(event: str, mentions: list[Profile], corpus: _Corpus) -> list[Fact]:
    incidents, pairs = split_incidents(
        mentions, corpus.entity_types, corpus.mentioned, MAX_EVENT_DOCS
    )
    facts = []
    for incident in incidents:
        if len(incident) < 2:
            continue
        docs = [p.doc for p in incident]
        by_slot: dict[str, list[tuple[str, FactMention]]] = defaultdict(list)
        for profile in incident:
            for slot, items in profile.slots.items():
                by_slot[slot].extend(items)
        for slot, items in by_slot.items():
            sides = _sides(slot, items, corpus)
            facts.append(_build_fact(event, slot, docs, sides, pairs, corpus))
    return facts


def link_facts(
    analyses: Sequence[DocumentAnalysis],
    analysis: Analysis,
    key_to_entity: Mapping[tuple[str, str], str],
) -> list[Fact]:
    """The facts of every event that two or more documents report, compared across them.

    ``analysis`` must already hold the linked entities, events and reuse."""
    corpus = _corpus(analysis, analyses, key_to_entity)
    mentions: dict[str, dict[tuple[str, int], Profile]] = defaultdict(dict)
    for a in analyses:
        for fact in a.facts:
            event = _event_for(fact, corpus)
            if event is None or len(corpus.event_docs.get(event, ())) < 2:
                continue
            value = _value_key(fact, key_to_entity)
            if value is None:
                continue
            key = (fact.doc, fact.event_start)
            profile = mentions[event].setdefault(key, _profile(fact.doc, corpus))
            profile.slots[fact.slot].append((value, fact))
    for (event, doc, start), names in corpus.participants.items():
        if event in mentions:
            mentions[event].setdefault((doc, start), _profile(doc, corpus)).names |= names
    facts = [
        f
        for event, by_key in mentions.items()
        for f in _event_facts(event, list(by_key.values()), corpus)
    ]
    facts.sort(
        key=lambda f: (
            STATUS_ORDER.get(f.status, 9),
            -max((c.confidence for c in f.conflicts), default=0.0),
            -len({d for v in f.values for d in v.sources}),
            f.id,
        )
    )
    return facts
