"""Which sources of one linked event report the same incident, by the details they give.

Event linking groups mentions by the kind of action, wording and time, so one
event can still gather two look-alike incidents (two DUI arrests of two
players of one team; two losses to the same opponent). Before any fact is
compared, the documents of an event are split into **incidents** by what they
state: a shared named participant, place, day or exact figure is evidence of
one incident; two different named victims, two days that cannot be the same,
two places that exclude each other are evidence of two. Documents are joined
strongest evidence first, never across a pair with strong evidence of two
incidents (a constrained average-link clustering, small because one event
has few documents). One article can itself tell two look-alike happenings
(the firing of one coach and of his predecessor): its mentions are first
grouped by the same evidence, so each group stands for one incident.

:class:`PairEvidence` is also what a dispute needs: the two sources must agree
on something *other* than the disputed slot, and disagree on nothing else.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rashomon.model import FactMention

from .values import COMPATIBILITY, NAME_SLOTS, names_compatible, slot_kind

PERSON = "PERSON"
# Evidence weights: a shared person is strong, a shared day or figure weaker.
SHARED_PERSON = 2
SHARED_NAME = 1
SHARED_STORY = 1  # the two documents name the same rare person or body somewhere
SHARED_WHEN = 1
SHARED_COUNT = 1
DIFFERENT_VICTIM = 3
DIFFERENT_ACTOR = 2
DIFFERENT_BODY = 1  # two organisations or countries as actors: weak (a unit and its navy)
DIFFERENT_WHEN = 2
DIFFERENT_AGE = 2
DIFFERENT_PLACE = 2
CANNOT_LINK = 3  # evidence of two incidents at or above this keeps documents apart
WEAK_TYPES = frozenset({"NORP"})  # "Indian", "Somali": shared by every story of a region


@dataclass(slots=True)
class Profile:
    """What one document states about one event: slot -> (value, fact) pairs, and names."""

    doc: str
    slots: dict[str, list[tuple[str, FactMention]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    names: set[str] = field(default_factory=set)  # every participant entity of the event
    story: frozenset[str] = frozenset()  # the document's rare names (few documents use them)


@dataclass(slots=True)
class PairEvidence:
    """Per slot, whether two documents agree (+) or disagree (-) on it, with weights."""

    agree: dict[str, int] = field(default_factory=dict)
    disagree: dict[str, int] = field(default_factory=dict)
    shared_names: int = 0  # shared participants outside the slots
    same_story: int = 0  # both documents name a rare person or body

    def support(self, excluding: str | None = None, story: bool = True) -> int:
        """Evidence of one incident; ``story=False`` leaves out the shared rare names,
        which tie two documents to one story but not a statement to one happening."""
        agreed = sum(w for s, w in self.agree.items() if s != excluding)
        return self.shared_names + (self.same_story if story else 0) + agreed

    def against(self, excluding: str | None = None) -> int:
        return sum(w for s, w in self.disagree.items() if s != excluding)

    @property
    def score(self) -> int:
        return self.support() - self.against()


def specific_day(value: str) -> bool:
    """A day or finer ("2009-01-07", a weekday), not a month or a year."""
    return len(value) >= 10 or value.startswith("XXXX-WXX-")


def evidence(
    x: Profile,
    y: Profile,
    types: Mapping[str, str],
    mentioned: Mapping[str, set[str]],
    kinds: Callable[[FactMention], frozenset[str]] | None = None,
    names: Mapping[str, str] | None = None,
) -> PairEvidence:
    """How two documents' statements about one event bear on its being one incident.

    With ``kinds`` (the kinds of action of a statement's event word), two days are
    compared only when they date the same kind of action: "celebrated on Saturday"
    says nothing against "awarded on Friday". With ``names`` (entity -> its name), two
    entities whose names fit inside each other ("Carl Hayes" / "Carl B. Hayes Jr",
    left apart by the entity linker) are not different actors."""
    found = PairEvidence()
    slot_names: set[str] = set()
    for slot in x.slots.keys() & y.slots.keys():
        xs, ys = x.slots[slot], y.slots[slot]
        kind = slot_kind(slot)
        if kind in NAME_SLOTS:
            a = {v for v, _ in xs}
            b = {v for v, _ in ys}
            slot_names |= a | b
            if a & b:
                found.agree[slot] = max(
                    SHARED_PERSON if types.get(v) == PERSON else SHARED_NAME for v in a & b
                )
            elif _exclusive(a, b, x, y, types) and not _one_name(a, b, names):
                if kind == "where":
                    found.disagree[slot] = DIFFERENT_PLACE
                elif all(types.get(v) == PERSON for v in a | b):
                    found.disagree[slot] = (
                        DIFFERENT_VICTIM if kind == "patient" else DIFFERENT_ACTOR
                    )
                else:
                    found.disagree[slot] = DIFFERENT_BODY
            continue
        check = COMPATIBILITY.get(kind)
        if check is None:
            continue
        pairs = [
            (f, g)
            for _, f in xs
            for _, g in ys
            if kind != "when" or kinds is None or kinds(f) & kinds(g)
        ]
        answers = [check(f, g) for f, g in pairs]
        if True in answers:
            if kind == "when" and any(
                specific_day(f.value) and specific_day(g.value) and check(f, g) for f, g in pairs
            ):
                found.agree[slot] = SHARED_WHEN
            elif kind == "count" and any(
                f.value == g.value and (f.low or 0) >= 2 for f, g in pairs
            ):
                found.agree[slot] = SHARED_COUNT
        elif answers and all(a is False for a in answers) and kind == "when":
            found.disagree[slot] = DIFFERENT_WHEN
        elif answers and all(a is False for a in answers) and slot == "count:age":
            found.disagree[slot] = DIFFERENT_AGE  # a 36-year-old and a 32-year-old: two people
    shared = (x.names & y.names) - slot_names
    found.shared_names = sum(
        SHARED_PERSON if types.get(v) == PERSON else SHARED_NAME
        for v in shared
        if types.get(v) not in WEAK_TYPES
    )
    found.shared_names = min(found.shared_names, SHARED_PERSON + SHARED_NAME)
    if x.story & y.story:
        found.same_story = SHARED_STORY
    return found


def _exclusive(a: set[str], b: set[str], x: Profile, y: Profile, types: Mapping[str, str]) -> bool:
    """Different names of one kind, and neither side names the other's in its statements
    about the event (a document may name the other elsewhere, about something else)."""
    if {types.get(v) for v in a} != {types.get(v) for v in b}:
        return False
    return not (b & x.names) and not (a & y.names) and not (b & _values(x)) and not (a & _values(y))


def _one_name(a: set[str], b: set[str], names: Mapping[str, str] | None) -> bool:
    """Some name of one side fits inside some name of the other."""
    if names is None:
        return False
    return any(names_compatible(names.get(u, u), names.get(v, v)) for u in a for v in b)


def _values(profile: Profile) -> set[str]:
    return {v for slot, items in profile.slots.items() if slot in NAME_SLOTS for v, _ in items}


def merge_profiles(profiles: Sequence[Profile]) -> Profile:
    merged = Profile(profiles[0].doc)
    for profile in profiles:
        for slot, items in profile.slots.items():
            merged.slots[slot].extend(items)
        merged.names |= profile.names
    merged.story = profiles[0].story
    return merged


def constrained_groups(
    count: int,
    scores: Mapping[tuple[int, int], PairEvidence],
    apart_at: int,
    bonus: int = 0,
) -> list[list[int]]:
    """Average-linkage groups of items 0..count-1 with cannot-links.

    Two groups join while the mean score of their cross pairs (+ ``bonus``;
    pairs without evidence count 0) is at least 1, best first, and never across
    a pair whose evidence of being different reaches ``apart_at``. Average, not
    single, linkage: A sharing a name with B and B a date with C does not make
    A and C one incident. Sums between groups are kept up to date on each merge
    and candidates wait in a heap, so a merge costs the groups' neighbours only."""
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    apart: dict[int, set[int]] = defaultdict(set)
    for (x, y), ev in scores.items():
        if ev.against() >= apart_at:
            apart[x].add(y)
            apart[y].add(x)
        else:
            sums[x][y] = sums[y][x] = float(ev.score)
    heap: list[tuple[float, int, int, int, int]] = []

    def push(x: int, y: int) -> None:
        if y in apart[x]:
            return
        mean = sums[x].get(y, 0.0) / (len(members[x]) * len(members[y])) + bonus
        if mean >= 1:
            heapq.heappush(heap, (-mean, x, y, len(members[x]), len(members[y])))

    for x in list(sums):
        for y in sums[x]:
            if x < y:
                push(x, y)
    while heap:
        _, x, y, size_x, size_y = heapq.heappop(heap)
        if x not in members or y not in members:
            continue
        if len(members[x]) != size_x or len(members[y]) != size_y or y in apart[x]:
            continue  # stale
        members[x].extend(members.pop(y))
        for other, total in sums.pop(y, {}).items():
            sums[other].pop(y, None)
            if other != x:
                sums[x][other] = sums[x].get(other, 0.0) + total
                sums[other][x] = sums[x][other]
        sums[x].pop(y, None)
        for other in apart.pop(y, set()):
            apart[other].discard(y)
            if other != x:
                apart[x].add(other)
                apart[other].add(x)
        for other in list(sums[x]):
            push(x, other)
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def split_incidents(
    mentions: Sequence[Profile],
    types: Mapping[str, str],
    mentioned: Mapping[str, set[str]],
    max_block: int = 80,
) -> tuple[list[list[Profile]], dict[tuple[str, str], PairEvidence]]:
    """The mentions of one event grouped into incidents, one profile per document in each.

    First the mentions of each document are joined unless they state different
    details (one article can tell two firings); then the documents' groups are
    joined across documents on the evidence of their pooled statements. Returns
    the incidents and the evidence between the documents of each."""
    by_doc: dict[str, list[Profile]] = defaultdict(list)
    for m in mentions:
        by_doc[m.doc].append(m)
    nodes: list[Profile] = []
    for doc in sorted(by_doc):
        own = by_doc[doc]
        scores = {
            (i, j): evidence(own[i], own[j], types, mentioned)
            for i in range(len(own))
            for j in range(i + 1, len(own))
        }
        for members in constrained_groups(len(own), scores, DIFFERENT_WHEN, bonus=1):
            nodes.append(merge_profiles([own[i] for i in members]))
    scores = {}
    for start in range(0, len(nodes), max_block):
        block = range(start, min(len(nodes), start + max_block))
        for i in block:
            for j in block:
                if j <= i:
                    continue
                if nodes[i].doc == nodes[j].doc:
                    scores[(i, j)] = PairEvidence(disagree={"document": CANNOT_LINK})
                else:
                    scores[(i, j)] = evidence(nodes[i], nodes[j], types, mentioned)
    incidents = []
    evidence_by_docs: dict[tuple[str, str], PairEvidence] = {}
    for members in constrained_groups(len(nodes), scores, CANNOT_LINK):
        incidents.append([nodes[i] for i in members])
        for a in members:
            for b in members:
                if a < b:
                    evidence_by_docs[pair_key(nodes[a].doc, nodes[b].doc)] = scores[(a, b)]
    return incidents, evidence_by_docs


def pair_key(x: str, y: str) -> tuple[str, str]:
    return (x, y) if x < y else (y, x)


def all_pairs(docs: Iterable[str]) -> list[tuple[str, str]]:
    items = sorted(docs)
    return [(a, b) for i, a in enumerate(items) for b in items[i + 1 :]]
