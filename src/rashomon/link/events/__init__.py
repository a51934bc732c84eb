"""Events across documents: mentions of one real-world happening grouped into one :class:`Event`.

The steps, one module each:

* :mod:`.features`: each mention described once; pair features in bulk;
* :mod:`.blocking`: documents grouped into stories, then the candidate pairs
  (inside a story, by kind of action and lemma meaning, narrowed by wording
  when large), so cost grows near-linearly with the corpus, never all pairs;
* :mod:`.model`: a logistic regression gives each candidate pair the
  probability that both mentions are one happening (weights fitted on the
  ECB+ validation topics by ``benchmarks/ecbplus.py --train``);
* :mod:`.clustering`: average-linkage per connected component of the
  confident pairs. Dates are mostly features, not vetoes: on the ECB+
  validation topics even a year or month written next to a trigger often
  belongs to another event ("will host the 2014 Oscars"); only two
  different days, each written next to its own trigger, keep two mentions
  apart (``LinkParams.veto_explicit_dates``);
* :mod:`.summary`: the agreed date and one-line summary of each event.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from rashomon.extract.events import base_lemma
from rashomon.link.blocks import Blocks, InProcess
from rashomon.model import DocumentAnalysis, Event, EventMention, EventTime, MentionRef

from .blocking import candidate_pairs, stories
from .clustering import average_linkage, cluster_components
from .features import (
    FEATURES,
    TIME_SLACK_DAYS,
    MentionTable,
    mention_interval,
    pair_features,
    time_interval,
)
from .model import PairModel, default_model
from .summary import agreed_time, summary

__all__ = [
    "FEATURES",
    "LinkParams",
    "MentionTable",
    "PairModel",
    "average_linkage",
    "cluster_event_mentions",
    "link_events",
    "mention_interval",
    "score_pairs",
    "time_interval",
]


@dataclass(frozen=True, slots=True)
class LinkParams:
    """Blocking limits and the merge threshold (``None``: the pair model's own)."""

    threshold: float | None = None
    story_threshold: float = 0.08  # mean document cosine that makes one story
    max_block: int = 150  # larger blocks are narrowed (kinds, then MinHash LSH)
    max_neighbours: int = 50  # most LSH neighbours a mention keeps
    lemma_neighbour: float = 0.5  # lemma cosine that makes two kinds of action meet
    veto_explicit_dates: bool = True  # two different days, each written next to its trigger


@dataclass(slots=True)
class ScoredPairs:
    table: MentionTable
    left: np.ndarray
    right: np.ndarray
    features: np.ndarray
    probability: np.ndarray
    story_of_doc: dict[str, int]  # document id -> story number


def score_pairs(
    mentions: Sequence[EventMention],
    entity_of: Callable[[str, str], str | None] | None = None,
    docs_text: Mapping[str, str] | None = None,
    *,
    params: LinkParams | None = None,
    partition: Callable[[EventMention], Hashable] | None = None,
    model: PairModel | None = None,
    blocks: Blocks | None = None,
) -> ScoredPairs:
    """The candidate pairs, their features and their probabilities (for training too).

    The features are computed in slices of the candidate pairs on ``blocks`` (in
    this process by default), all slices sharing the mention table: a pair's
    features depend on the two mentions and the table alone."""
    params = params or LinkParams()
    table = MentionTable.build(mentions, entity_of, docs_text)
    story_of_doc = stories(table.doc_weights, params.story_threshold)
    table.story = np.array([story_of_doc[d] for d in table.doc], dtype=np.int64)
    scope: list[Hashable] = [partition(m) if partition else None for m in mentions]
    left, right = candidate_pairs(
        table,
        scope,
        max_block=params.max_block,
        max_neighbours=params.max_neighbours,
        lemma_neighbour=params.lemma_neighbour,
        blocks=blocks,
    )
    features = blocked_features(table, left, right, blocks or InProcess())
    model = model or default_model()
    probability = model.probability(features) if len(left) else np.zeros(0)
    if params.veto_explicit_dates and len(left):
        days = table.explicit & (table.hi - table.lo <= 2 * TIME_SLACK_DAYS)
        veto = (features[:, FEATURES.index("explicit_disjoint")] > 0) & days[left] & days[right]
        probability = np.where(veto, -1e6, probability)
    stories_by_id = {d: story_of_doc[i] for i, d in enumerate(table.doc_ids)}
    return ScoredPairs(table, left, right, features, probability, stories_by_id)


def blocked_features(
    table: MentionTable, left: np.ndarray, right: np.ndarray, blocks: Blocks
) -> np.ndarray:
    """:func:`pair_features` of the pairs, computed slice by slice on ``blocks``."""
    if len(left) == 0 or blocks.parallelism <= 1:
        return pair_features(table, left, right)
    pairs = np.column_stack([left, right])
    parts = np.array_split(pairs, min(blocks.parallelism, len(pairs)))
    return np.concatenate(blocks.map("event-pairs", features_block, parts, table))


def features_block(pairs: np.ndarray, table: MentionTable) -> np.ndarray:
    """The features of one slice of candidate pairs (rows: left, right)."""
    return pair_features(table, pairs[:, 0], pairs[:, 1])


def cluster_event_mentions(
    mentions: Sequence[EventMention],
    entity_of: Callable[[str, str], str | None] | None = None,
    docs_text: Mapping[str, str] | None = None,
    *,
    params: LinkParams | None = None,
    partition: Callable[[EventMention], Hashable] | None = None,
    model: PairModel | None = None,
) -> list[list[int]]:
    """Groups of indices into ``mentions`` that report the same happening.

    ``entity_of(doc, key)`` maps a participant key to a corpus entity id (keys
    are compared by name when it is None); ``docs_text`` (doc id -> cleaned
    text) gives the sentences' wording and the documents' similarity;
    ``partition`` (optional) keeps mentions of different parts apart (e.g. the
    gold topics of a benchmark).
    """
    return cluster_with_stories(
        mentions, entity_of, docs_text, params=params, partition=partition, model=model
    )[0]


def cluster_with_stories(
    mentions: Sequence[EventMention],
    entity_of: Callable[[str, str], str | None] | None = None,
    docs_text: Mapping[str, str] | None = None,
    *,
    params: LinkParams | None = None,
    partition: Callable[[EventMention], Hashable] | None = None,
    model: PairModel | None = None,
    blocks: Blocks | None = None,
) -> tuple[list[list[int]], dict[str, int]]:
    """:func:`cluster_event_mentions`, and the story number of each document."""
    params = params or LinkParams()
    model = model or default_model()
    scored = score_pairs(
        mentions,
        entity_of,
        docs_text,
        params=params,
        partition=partition,
        model=model,
        blocks=blocks,
    )
    threshold = model.threshold if params.threshold is None else params.threshold
    groups = cluster_components(
        len(mentions), scored.left, scored.right, scored.probability, threshold, blocks
    )
    return groups, scored.story_of_doc


@dataclass(slots=True)
class LinkedEvents:
    events: list[Event]
    stories: dict[str, str]  # document id -> story id (the story's first document id)


def link_events(
    analyses: Sequence[DocumentAnalysis], key_to_entity: Mapping[tuple[str, str], str]
) -> list[Event]:
    """The events of the corpus, each with its mentions in every document that reports it."""
    return link_events_and_stories(analyses, key_to_entity).events


def link_events_and_stories(
    analyses: Sequence[DocumentAnalysis],
    key_to_entity: Mapping[tuple[str, str], str],
    blocks: Blocks | None = None,
) -> LinkedEvents:
    """The events of the corpus, and the stories (documents that tell one happening);
    the candidate pairs are scored on ``blocks`` (in this process by default)."""
    mentions = [e for a in analyses for e in a.events]
    texts = {a.document.id: a.document.text for a in analyses}
    groups, story_numbers = cluster_with_stories(
        mentions, lambda doc, key: key_to_entity.get((doc, key)), texts, blocks=blocks
    )
    first: dict[int, str] = {}
    for doc in sorted(story_numbers):
        first.setdefault(story_numbers[doc], doc)
    stories = {doc: first[number] for doc, number in story_numbers.items()}
    events = []
    for group in groups:
        members = sorted((mentions[i] for i in group), key=lambda m: (m.doc, m.start))
        first = members[0]
        digest = hashlib.sha1(f"{first.doc}|{first.start}|{first.end}|{first.lemma}".encode())
        value, time_text = agreed_time(members)
        rep = max(members, key=lambda m: (len(m.participants) + (m.place is not None), -m.start))
        participants = Counter(
            key_to_entity.get((m.doc, k)) for m in members for k in m.participants
        )
        places = Counter(key_to_entity.get((m.doc, m.place)) for m in members if m.place)
        events.append(
            Event(
                id="v" + digest.hexdigest()[:10],
                trigger=Counter(base_lemma(m.lemma) for m in members).most_common(1)[0][0],
                summary=summary(rep, texts.get(rep.doc, ""), value),
                time=EventTime(value, time_text),
                place=next((p for p, _ in places.most_common() if p), None),
                participants=[p for p, _ in participants.most_common() if p],
                mentions=[MentionRef(m.doc, m.start, m.end, m.text) for m in members],
                docs=sorted({m.doc for m in members}),
            )
        )
    events.sort(key=lambda e: (-len(e.docs), -len(e.mentions), e.id))
    return LinkedEvents(events, stories)
