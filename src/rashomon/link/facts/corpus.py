"""What the comparison of facts needs to know about the whole corpus, built once.

Events are linked mention by mention, so one happening ("pirates attacked a
ship and were taken into custody") is often several events (the attack, the
capture). :func:`happenings` joins events that the sources tell together: two
events whose triggers share a sentence in two documents, or in one document
when most of the reports of one also report the other. Tolls and places are
compared per happening, whichever of its events' words they hang on; dates
and actors per event (a person's story has many dated events). A statement whose
own trigger only one source reports ("capturing 23 of the raiders") moves to
the most widely reported event of its sentence; a toll prefers an event of its
kind (the killing, not the "opened fire").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from rashomon.extract.events import kind_keys
from rashomon.model import Analysis, DocumentAnalysis, FactMention

from .incidents import Profile
from .silence import Silence
from .timing import StoryTime
from .values import ROLE_KINDS
from .voices import CopyIndex

# A name few documents use (a victim, a small company) marks the documents that use it as
# one story; a name most documents use (the country, the president) does not.
STORY_TYPES = frozenset({"PERSON", "ORG", "FAC"})
STORY_MIN_DOCS = 4
STORY_SHARE = 0.05
STORY_GAP_DAYS = 10  # reports further apart than this, in time order, are two stories
STORY_SHARED_NAMES = 2  # rare names two reports must share to be joined into one story
TOLD_TOGETHER_DOCS = 2  # documents in which two events share a sentence, to join them
TOLD_TOGETHER_OVERLAP = 0.5  # or one document, when the events' reports overlap this much


@dataclass(slots=True)
class CorpusIndex:
    """Lookups shared by every happening."""

    def kinds_of(self, fact: FactMention) -> frozenset[str]:
        return kinds_of_fact(fact, self)

    def lemma_of(self, fact: FactMention) -> str:
        """The base lemma of the event word a statement hangs on ("" when unknown)."""
        return next((k[2:] for k in kinds_of_fact(fact, self) if k.startswith("l:")), "")

    event_of: dict[tuple[str, int, int], str]
    event_docs: dict[str, list[str]]
    happening: dict[str, str]  # event id -> the id of its happening's main event
    stories: dict[str, str]  # document id -> its story
    texts: dict[str, str]  # document id -> its text
    happening_docs: dict[str, list[str]]  # main event id -> the documents reporting it
    sentence_events: dict[tuple[str, int], list[tuple[int, str, frozenset[str]]]]
    participants: dict[tuple[str, str, int], set[str]]  # (event, doc, sentence) -> entities
    entity_names: dict[str, str]
    entity_types: dict[str, str]
    mentioned: dict[str, set[str]]
    story: dict[str, frozenset[str]]  # doc -> its rare people and bodies
    published: dict[str, str | None]
    copies: CopyIndex
    silence: Silence
    time: StoryTime


def build_index(
    analysis: Analysis,
    analyses: Sequence[DocumentAnalysis],
    key_to_entity: Mapping[tuple[str, str], str],
) -> CorpusIndex:
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
                    participants[(eid, m.doc, m.sentence_start)].add(entity)
    mentioned: dict[str, set[str]] = defaultdict(set)
    rare: dict[str, set[str]] = defaultdict(set)
    limit = max(STORY_MIN_DOCS, STORY_SHARE * len(analysis.documents))
    for entity in analysis.entities:
        for doc in entity.docs:
            mentioned[doc].add(entity.id)
            if entity.type in STORY_TYPES and 2 <= len(entity.docs) <= limit:
                rare[doc].add(entity.id)
    happening = happenings(sentence_events, event_docs)
    stories = stories_in_time(analysis, {d: frozenset(n) for d, n in rare.items()})
    happening_docs: dict[str, set[str]] = defaultdict(set)
    for event, main in happening.items():
        happening_docs[main] |= set(event_docs[event])
    return CorpusIndex(
        event_of=event_of,
        event_docs=event_docs,
        happening=happening,
        stories=stories,
        texts={d.id: d.text for d in analysis.documents},
        happening_docs={k: sorted(v) for k, v in happening_docs.items()},
        sentence_events=sentence_events,
        participants=participants,
        entity_names={e.id: e.name for e in analysis.entities},
        entity_types={e.id: e.type for e in analysis.entities},
        mentioned=mentioned,
        story={doc: frozenset(ids) for doc, ids in rare.items()},
        published={d.id: d.published for d in analysis.documents},
        copies=CopyIndex(analysis.reuse),
        silence=Silence(analyses, mentioned, {e.id: e.name for e in analysis.entities}),
        time=StoryTime(analyses, stories),
    )


def stories_in_time(analysis: Analysis, rare: Mapping[str, frozenset[str]]) -> dict[str, str]:
    """Stories for comparing facts: the event linker's stories, joined where two reports
    name the same rare people or bodies, and cut where reports are far apart in time.

    The event linker groups documents told in similar words; a short report and a long
    one of the same award may not look alike, but name the same spokesman and the
    same senator (:data:`STORY_SHARED_NAMES` rare names). A pile that spans years (an
    archive about one company) tells many happenings in those words: facts are
    compared only among reports published within :data:`STORY_GAP_DAYS` of the next
    one. Undated reports stay with their story."""
    published = {d.id: (d.published or "")[:10] for d in analysis.documents}
    parent = {d.id: analysis.stories.get(d.id, d.id) for d in analysis.documents}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for doc, story in analysis.stories.items():
        parent.setdefault(story, story)
        a, b = find(doc), find(story)
        if a != b:
            parent[a] = b
    by_name: dict[str, list[str]] = defaultdict(list)
    for doc, names in rare.items():
        for name in names:
            by_name[name].append(doc)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for docs in by_name.values():
        for i, x in enumerate(sorted(docs)):
            for y in sorted(docs)[i + 1 :]:
                shared[(x, y)] += 1
    for (x, y), count in shared.items():
        if count >= STORY_SHARED_NAMES and _near(published.get(x), published.get(y)):
            a, b = find(x), find(y)
            if a != b:
                parent[max(a, b)] = min(a, b)
    members: dict[str, list[str]] = defaultdict(list)
    for d in analysis.documents:
        members[find(d.id)].append(d.id)
    out: dict[str, str] = {}
    for story, docs in members.items():
        dated = sorted((d for d in docs if _day(published.get(d, ""))), key=published.get)
        part, last = story, None
        for doc in dated:
            day = _day(published[doc])
            if last is not None and day is not None and (day - last).days > STORY_GAP_DAYS:
                part = doc  # a new story starts with this report
            out[doc] = part
            last = day
        for doc in docs:
            out.setdefault(doc, story)
    return out


def _near(x: str | None, y: str | None) -> bool:
    a, b = _day(x or ""), _day(y or "")
    return a is None or b is None or abs((a - b).days) <= STORY_GAP_DAYS


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def happenings(
    sentence_events: Mapping[tuple[str, int], list[tuple[int, str, frozenset[str]]]],
    event_docs: Mapping[str, list[str]],
) -> dict[str, str]:
    """Each event (reported by two documents or more) -> the main event of its happening."""
    together: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (doc, _), items in sentence_events.items():
        ids = sorted({eid for _, eid, _ in items if len(event_docs.get(eid, ())) > 1})
        for i, x in enumerate(ids):
            for y in ids[i + 1 :]:
                together[(x, y)].add(doc)
    parent = {e: e for e, docs in event_docs.items() if len(docs) > 1}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (x, y), docs in sorted(together.items()):
        if len(docs) < TOLD_TOGETHER_DOCS:
            a, b = set(event_docs[x]), set(event_docs[y])
            if len(a & b) < TOLD_TOGETHER_OVERLAP * min(len(a), len(b)):
                continue
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[ry] = rx
    members: dict[str, list[str]] = defaultdict(list)
    for e in parent:
        members[find(e)].append(e)
    main_of: dict[str, str] = {}
    for group in members.values():
        main = max(group, key=lambda e: (len(event_docs[e]), e))
        for e in group:
            main_of[e] = main
    return main_of


def kinds_of_fact(fact: FactMention, index: CorpusIndex) -> frozenset[str]:
    """The kinds of action of the event word a statement hangs on."""
    for start, _, kinds in index.sentence_events.get((fact.doc, fact.sentence_start), ()):
        if start == fact.event_start:
            return kinds
    return frozenset()


def profile(doc: str, index: CorpusIndex) -> Profile:
    return Profile(doc, story=index.story.get(doc, frozenset()))


# Slots that belong to the whole story (its day, its tolls, its place, its figures:
# boats, rifles, distances, sums) and are compared among all the reports of the story,
# whichever event word they hang on; the others (who acted, who was acted on) belong to
# one event: one story has many actors.
EVENT_SLOTS = frozenset({"agent", "patient"})


def group_of(fact: FactMention, index: CorpusIndex) -> str | None:
    """What a statement is compared within: its story for figures and places, else its
    own event (its trigger's, or its sentence's for a lone trigger)."""
    if fact.slot not in EVENT_SLOTS:
        story = index.stories.get(fact.doc)
        if story is None or index.time.background(fact):
            return None  # an older happening the story recalls ("last month, ...")
        return f"story:{story}"
    return event_of(fact, index)


def event_of(fact: FactMention, index: CorpusIndex) -> str | None:
    """The event (reported by two documents or more) a statement hangs on."""
    own = index.event_of.get((fact.doc, fact.event_start, fact.event_end))
    if own in index.happening:
        return own
    if fact.slot in EVENT_SLOTS:
        # who acted and who was acted on are roles of their own event word: "Lopez was
        # crossing ... when she was struck" makes her the walker, not the driver
        return None
    candidates = [
        c
        for c in index.sentence_events.get((fact.doc, fact.sentence_start), [])
        if c[1] in index.happening
    ]
    kind = ROLE_KINDS.get(fact.slot)
    best = max(
        candidates,
        key=lambda c: (
            kind is not None and kind in c[2],  # the toll of the killing, not of "opened fire"
            len(index.event_docs.get(c[1], ())),
            -abs(c[0] - fact.start),
        ),
        default=None,
    )
    return best[1] if best else None
