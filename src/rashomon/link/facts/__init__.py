"""Facts across sources: for each slot of each happening several sources report, who
agrees, disputes, revises or is silent.

The per-document statements (:class:`rashomon.model.FactMention`, found in the
extraction stage from the parse) are grouped by the **happening** they are
about (the corpus events their triggers belong to, joined when the sources tell
them together: :mod:`corpus`) and the **slot** they fill, never by wording.
Inside a happening, the documents are first split into incidents by the
details they state (:mod:`incidents`): two statements about different
incidents are never compared. Each (incident, slot) becomes one
:class:`~rashomon.model.Fact` (:mod:`assemble`): its values with their
independent sources (a copied passage is one voice: :mod:`voices`), disputes
and revisions (:mod:`conflicts`), and the documents of the incident that
state nothing for the slot anywhere in their text (:mod:`silence`).

Cost: linear in statements, quadratic only in the documents of one happening
(compared in blocks of :data:`MAX_EVENT_DOCS`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from rashomon.link.blocks import Blocks, InProcess, balance
from rashomon.model import Analysis, DocumentAnalysis, Fact, FactMention

from .assemble import build_fact, sides_of, value_key
from .corpus import CorpusIndex, build_index, event_of, group_of, profile
from .incidents import Profile, split_incidents

__all__ = ["link_facts"]

STATUS_ORDER = {"disputed": 0, "revised": 1, "uncertain": 2, "agreed": 3, "single": 4}
MAX_EVENT_DOCS = 80  # documents of one happening compared pairwise; larger ones in slices


SlotJob = tuple[str, str, list[str], list[tuple[str, FactMention]]]  # event, slot, docs, said


def _group_slots(
    event: str, mentions: list[Profile], index: CorpusIndex, story: bool
) -> list[SlotJob]:
    """The comparisons of one group, one per (incident, slot): a story is one incident
    (its reports were grouped by their wording, and statements about older happenings
    are already left out), an event is split into incidents by the details its sources
    give."""
    if story:
        incidents = [mentions]
    else:
        incidents, _ = split_incidents(
            mentions, index.entity_types, index.mentioned, MAX_EVENT_DOCS
        )
    jobs = []
    for incident in incidents:
        docs = sorted({p.doc for p in incident})
        if len(docs) < 2:
            continue
        by_slot: dict[str, list[tuple[str, FactMention]]] = defaultdict(list)
        for node in incident:
            for slot, items in node.slots.items():
                by_slot[slot].extend(items)
        jobs.extend((event, slot, docs, items) for slot, items in by_slot.items())
    return jobs


GroupJob = tuple[str, list[Profile], bool]  # (event, its statements' profiles, a story?)


def compare_slots(
    jobs: Sequence[SlotJob],
    sentences: Mapping[tuple[str, int], Profile],
    index: CorpusIndex,
    blocks: Blocks | None = None,
) -> list[Fact]:
    """The fact of each (incident, slot), in the order of ``jobs``.

    Two comparisons never share a statement, so they are made in batches of about
    equal size (on Dask: one task each, the corpus index sent once); each fact goes
    back to its place, so the result is the same anywhere. A group is split into its
    comparisons first: one story can hold most of a corpus's statements."""
    runner = blocks or InProcess()
    if runner.parallelism <= 1:
        batches = [list(range(len(jobs)))] if jobs else []
    else:
        batches = balance([len(job[3]) for job in jobs], runner.parallelism)
    parts = [[(k, jobs[k]) for k in batch] for batch in batches]
    out: dict[int, Fact] = {}
    for part in runner.map("facts", compare_batch, parts, (sentences, index)):
        out.update(part)
    return [out[k] for k in range(len(jobs))]


def compare_batch(
    batch: Sequence[tuple[int, SlotJob]],
    shared: tuple[Mapping[tuple[str, int], Profile], CorpusIndex],
) -> list[tuple[int, Fact]]:
    """The facts of a batch of comparisons, each with its place among the jobs."""
    sentences, index = shared
    return [
        (k, build_fact(event, slot, docs, sides_of(slot, items, index), sentences, index))
        for k, (event, slot, docs, items) in batch
    ]


def link_facts(
    analyses: Sequence[DocumentAnalysis],
    analysis: Analysis,
    key_to_entity: Mapping[tuple[str, str], str],
    blocks: Blocks | None = None,
) -> list[Fact]:
    """The facts of every happening that two or more documents report, compared.

    ``analysis`` must already hold the linked entities, events and reuse. The
    comparisons are made on ``blocks`` (in this process by default)."""
    index = build_index(analysis, analyses, key_to_entity)
    sentences: dict[tuple[str, int], Profile] = {}  # what each sentence states
    votes: dict[str, Counter[str]] = defaultdict(Counter)  # group -> its statements' events
    groups: dict[str, dict[tuple[str, int], Profile]] = defaultdict(dict)
    for a in analyses:
        for fact in a.facts:
            value = value_key(fact, key_to_entity)
            if value is None:
                continue
            key = (fact.doc, fact.sentence_start)
            sentences.setdefault(key, profile(fact.doc, index)).slots[fact.slot].append(
                (value, fact)
            )
            group = group_of(fact, index)
            if group is not None:
                node = groups[group].setdefault(key, profile(fact.doc, index))
                node.slots[fact.slot].append((value, fact))
                event = event_of(fact, index) or index.event_of.get(
                    (fact.doc, fact.event_start, fact.event_end)
                )
                if event is not None:
                    votes[group][event] += 1
    for (event, doc, sentence), names in index.participants.items():
        sentences.setdefault((doc, sentence), profile(doc, index)).names |= names
        for group in (event, f"story:{index.stories.get(doc)}"):
            if group in groups:
                groups[group].setdefault((doc, sentence), profile(doc, index)).names |= names
    jobs: list[GroupJob] = []
    for group, by_key in groups.items():
        event = group
        if group.startswith("story:"):
            if not votes[group]:
                continue
            event = max(votes[group], key=lambda e: (len(index.event_docs[e]), votes[group][e], e))
        story = group.startswith("story:")
        jobs.append((event, list(by_key.values()), story))
    slots = [
        j for event, mentions, story in jobs for j in _group_slots(event, mentions, index, story)
    ]
    facts = compare_slots(slots, sentences, index, blocks)
    facts.sort(
        key=lambda f: (
            STATUS_ORDER.get(f.status, 9),
            -max((c.confidence for c in f.conflicts), default=0.0),
            -len({d for v in f.values for d in v.sources}),
            f.id,
        )
    )
    return facts
