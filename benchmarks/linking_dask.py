"""The blocked link steps on 1 and 2 Dask workers, and the cost projected at 1 M articles.

The corpus is the one of ``linking_scale.py`` (the real articles, copied into
distinct corpora). Linking runs three times after a warm-up: in this process
(the default), then with the blocked parts (reuse alignment, event pair
features, event clustering per component, fact comparison) on a local Dask cluster of one, then two,
one-thread worker processes. Each run must give the local results. Printed:
seconds per step, the speed-up from 1 to 2 workers, and each blocked step's
cost per block as measured where the block ran.

The projection at 1 M articles is linear from the measured size: the serial
part of each step (what runs here: indexes, candidate pairs, clustering,
merging) per document, plus the blocked part per document divided by the
workers. ``linking_scale.py`` checks that the stage grows near-linearly; the
projection is no better than that check, and leaves out what the workers
need to receive (the shared index of a step is sent to every worker once).

    python benchmarks/linking_dask.py [--size 1000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linking_scale import base_analyses, corpus_of  # noqa: E402

from rashomon.link.blocks import Blocks, InProcess, OnDask  # noqa: E402
from rashomon.link.corpus import LINK_STEPS, LinkContext, unlinked_analysis  # noqa: E402
from rashomon.model import Analysis, DocumentAnalysis  # noqa: E402

BLOCKED = ("event-pairs", "event-clusters", "reuse", "facts")
TARGET = 1_000_000


def link(analyses: list[DocumentAnalysis], blocks: Blocks) -> tuple[dict[str, float], Analysis]:
    """Seconds per link step, and the linked analysis."""
    analysis = unlinked_analysis(analyses)
    ctx = LinkContext(analyses, analysis, blocks=blocks)
    seconds = {}
    for name, step in LINK_STEPS.items():
        started = time.perf_counter()
        step(ctx)
        seconds[name] = time.perf_counter() - started
    return seconds, analysis


def on_cluster(analyses: list[DocumentAnalysis], workers: int) -> tuple[dict, Analysis, OnDask]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        # the workers import the link steps before the clock starts
        client.run(lambda: __import__("rashomon.link.corpus"))
        runner = OnDask(client)
        seconds, analysis = link(analyses, runner)
    return seconds, analysis, runner


def blocked_seconds(runner: Blocks, name: str) -> float:
    return sum(s for _, s in runner.costs.get(name, []))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=1000)
    args = parser.parse_args()
    analyses = corpus_of(base_analyses(), args.size)
    link(analyses, InProcess())  # warm-up: models loaded, lemma vectors encoded
    local, expected = link(analyses, InProcess())
    runs = {}
    for workers in (1, 2):
        seconds, analysis, runner = on_cluster(analyses, workers)
        same = analysis == expected
        runs[workers] = (seconds, runner)
        print(f"{workers} worker(s): results identical to the local run: {same}", flush=True)
        if not same:
            raise SystemExit("the results differ from the local run")
    steps = list(LINK_STEPS)
    print(f"\n{args.size:,} documents, seconds per step (wall):")
    print(f"{'step':<10} {'local':>8} {'1 worker':>9} {'2 workers':>10} {'1->2':>6}")
    for name in [*steps, "total"]:
        row = [
            sum(s.values()) if name == "total" else s[name] for s in (local, runs[1][0], runs[2][0])
        ]
        print(f"{name:<10} {row[0]:8.1f} {row[1]:9.1f} {row[2]:10.1f} {row[1] / row[2]:6.2f}")
    print("\nblocked part, measured where each block ran:")
    head = ("step", "blocks", "units", "CPU s", "ms/unit", "max block s")
    print("{:<10} {:>6} {:>9} {:>7} {:>8} {:>11}".format(*head))
    for name in BLOCKED:
        costs = runs[2][1].costs.get(name, [])
        units = sum(n for n, _ in costs)
        cpu = sum(s for _, s in costs)
        worst = max((s for _, s in costs), default=0.0)
        per = 1000 * cpu / max(units, 1)
        print(f"{name:<10} {len(costs):6d} {units:9,d} {cpu:7.2f} {per:8.3f} {worst:11.2f}")
    print(
        "(units: candidate pairs for event-pairs and reuse, pairs scored inside a component "
        "for event-clusters, groups' statement profiles for facts)"
    )
    scale = TARGET / args.size
    # what the one-worker run did not spend inside blocks: the steps' own passes here,
    # and sending the blocks and shared indexes out and the results back
    one_seconds, one_runner = runs[1]
    blocked = sum(blocked_seconds(one_runner, n) for n in BLOCKED)
    serial = sum(one_seconds.values()) - blocked
    print(f"\nprojected at {TARGET:,} articles (linear from {args.size:,}):")
    print(f"  serial part (here, with the transfers): {serial * scale / 3600:.1f} h")
    print(f"  blocked part (CPU on the workers): {blocked * scale / 3600:.1f} h")
    for workers in (1, 2, 8, 32):
        hours = (serial + blocked / workers) * scale / 3600
        print(f"  with {workers:>2} worker(s): {hours:.1f} h")


if __name__ == "__main__":
    main()
