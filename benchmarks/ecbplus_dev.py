"""An honest development figure for event coreference: ECB+ val, one topic held out at a time.

Run from the project root::

    python benchmarks/ecbplus_dev.py [--cache]

Why: ``benchmarks/ecbplus.py`` fits the pair model on all of val and scores
val with it (in-sample), and it scores test on every run. Tuning a feature or
a threshold against those figures either flatters the change or spends the
held-out topics. This script reads **val only** (topics 2, 5, 12, 18, 21, 23,
34, 35; ECB+ train is not available here) and never opens test:

* the candidate pairs and their features are those of
  ``rashomon.link.events.score_pairs`` over all val documents at once (no
  topic information), exactly as the headline setting;
* for each val topic, the pair model is refitted on the pairs of the other
  seven topics and gives the probabilities of the pairs that touch the held
  out topic (leave-one-topic-out); the clustering then runs once over all
  mentions with these out-of-fold probabilities, at each threshold;
* the lemma heuristic (Ahmed et al. 2023) runs within our stories, its
  synonymous lemma pairs taken, likewise, from the other seven topics.

Nothing is written to ``BENCHMARKS.md``: the figures are for tuning only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ecbplus as bench  # noqa: E402

from rashomon.link.events import FEATURES, score_pairs  # noqa: E402
from rashomon.link.events.clustering import cluster_components  # noqa: E402
from rashomon.link.events.features import TIME_SLACK_DAYS  # noqa: E402
from rashomon.link.events.model import PairModel, fit  # noqa: E402

THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4)


def out_of_fold(split: bench.Split, events) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """The candidate pairs and, for each, P(coreferent) from a model that never saw its
    topic; and the story of each mention."""
    texts = {k: d.text for k, d in split.docs.items()}
    n = len(FEATURES)
    blank = PairModel(FEATURES, np.zeros(n), np.ones(n), np.zeros(n), 0.0, 0.5)
    scored = score_pairs(events, None, texts, model=blank)
    y = np.array(bench.labels(split, scored.left, scored.right))
    topic = np.array([m["topic_id"] for m in split.mentions])
    left_topic, right_topic = topic[scored.left], topic[scored.right]
    probability = np.zeros(len(y))
    for held in sorted(set(topic.tolist())):
        train = (left_topic != held) & (right_topic != held)
        mean, scale, coef, intercept = fit(scored.features[train], y[train])
        model = PairModel(FEATURES, mean, scale, coef, intercept, 0.5)
        probability[~train] = model.probability(scored.features[~train])
    # the same veto as score_pairs: two different days, each written next to its trigger
    table = scored.table
    days = table.explicit & (table.hi - table.lo <= 2 * TIME_SLACK_DAYS)
    veto = scored.features[:, FEATURES.index("explicit_disjoint")] > 0
    veto &= days[scored.left] & days[scored.right]
    stories = [str(s) for s in table.story.tolist()]
    return scored.left, scored.right, np.where(veto, -1e6, probability), stories


def heuristic_out_of_fold(split: bench.Split, events, stories: list[str]) -> list[list[int]]:
    """The lemma heuristic per topic, its synonyms from the other topics' chains."""
    groups: list[list[int]] = []
    for held in sorted({m["topic_id"] for m in split.mentions}):
        rest, rest_events = bench.subset(
            split, events, {m["topic_id"] for m in split.mentions} - {held}
        )
        synonyms = bench.synonym_pairs(rest, rest_events)
        keep = [i for i, m in enumerate(split.mentions) if m["topic_id"] == held]
        part, part_events = bench.subset(split, events, {held})
        scope = [stories[i] for i in keep]
        for group in bench.lemma_heuristic(part_events, part, scope, synonyms):
            groups.append([keep[k] for k in group])
    return groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", action="store_true", help="reuse extracted mentions")
    args = parser.parse_args()
    val = bench.load_split("val")
    events, _ = bench.cached_extract(val, args.cache)
    left, right, probability, stories = out_of_fold(val, events)
    print("| system (ECB+ val, leave one topic out) | CoNLL F1 | without singletons |")
    print("|---|---|---|")
    for threshold in THRESHOLDS:
        groups = cluster_components(len(events), left, right, probability, threshold)
        with_s, without_s = bench.score(val, groups)
        print(
            f"| ours, no topics, threshold {threshold} | {100 * with_s['conll']:.1f} "
            f"| {100 * without_s['conll']:.1f} |"
        )
    with_s, without_s = bench.score(val, heuristic_out_of_fold(val, events, stories))
    print(
        f"| lemma heuristic within our stories, synonyms from the other topics "
        f"| {100 * with_s['conll']:.1f} | {100 * without_s['conll']:.1f} |"
    )


if __name__ == "__main__":
    main()
