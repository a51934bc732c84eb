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


def _group_facts(
    event: str,
    mentions: list[Profile],
    sentences: Mapping[tuple[str, int], Profile],
    index: CorpusIndex,
    story: bool,
) -> list[Fact]:
    """The facts of one group: a story (one incident: its reports were grouped by their
    wording, and statements about older happenings are already left out), or one event
    (split into incidents by the details its sources give)."""
    if story:
        incidents = [mentions]
    else:
        incidents, _ = split_incidents(
            mentions, index.entity_types, index.mentioned, MAX_EVENT_DOCS
        )
    facts = []
    for incident in incidents:
        docs = sorted({p.doc for p in incident})
        if len(docs) < 2:
            continue
        by_slot: dict[str, list[tuple[str, FactMention]]] = defaultdict(list)
        for node in incident:
            for slot, items in node.slots.items():
                by_slot[slot].extend(items)
        for slot, items in by_slot.items():
            sides = sides_of(slot, items, index)
            facts.append(build_fact(event, slot, docs, sides, sentences, index))
    return facts


GroupJob = tuple[str, list[Profile], bool]  # (event, its statements' profiles, a story?)


def compare_groups(
    jobs: Sequence[GroupJob],
    sentences: Mapping[tuple[str, int], Profile],
    index: CorpusIndex,
    blocks: Blocks | None = None,
) -> list[list[Fact]]:
    """The facts of each group, in the order of ``jobs``.

    Groups never share a comparison, so they are compared in batches of about
    equal size (on Dask: one task each, the corpus index sent once); each
    group's facts go back to its place, so the result is the same anywhere."""
    runner = blocks or InProcess()
    if runner.parallelism <= 1:
        batches = [list(range(len(jobs)))] if jobs else []
    else:
        batches = balance([len(job[1]) for job in jobs], runner.parallelism)
    parts = [[(k, jobs[k]) for k in batch] for batch in batches]
    out: list[list[Fact]] = [[] for _ in jobs]
    for part in runner.map("facts", compare_batch, parts, (sentences, index)):
        for k, found in part:
            out[k] = found
    return out


def compare_batch(
    batch: Sequence[tuple[int, GroupJob]],
    shared: tuple[Mapping[tuple[str, int], Profile], CorpusIndex],
) -> list[tuple[int, list[Fact]]]:
    """The facts of a batch of groups, each with its place among the jobs."""
    sentences, index = shared
    return [
        (k, _group_facts(event, mentions, sentences, index, story))
        for k, (event, mentions, story) in batch
    ]


def link_facts(
    analyses: Sequence[DocumentAnalysis],
    analysis: Analysis,
    key_to_entity: Mapping[tuple[str, str], str],
    blocks: Blocks | None = None,
) -> list[Fact]:
    """The facts of every happening that two or more documents report, compared.

    ``analysis`` must already hold the linked entities, events and reuse. The
    groups are compared on ``blocks`` (in this process by default)."""
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
    facts = [f for found in compare_groups(jobs, sentences, index, blocks) for f in found]
    facts.sort(
        key=lambda f: (
            STATUS_ORDER.get(f.status, 9),
            -max((c.confidence for c in f.conflicts), default=0.0),
            -len({d for v in f.values for d in v.sources}),
            f.id,
        )
    )
    return facts
