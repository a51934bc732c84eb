"""The blocked link steps on 1 and 2 Dask workers, and the cost projected at 1 M articles.

The corpus is the one of ``linking_scale.py`` (the real articles, copied into
distinct corpora). Linking runs three times after a warm-up: in this process
(the default), then with the blocked parts (event candidate pairs per story,
event pair features, event clustering per component, reuse alignment, fact
comparison) on a local Dask cluster of one, then two, one-thread worker
processes. Each run must give the local results. Printed: seconds per step,
the speed-up from 1 to 2 workers next to the best the measured serial part
allows, and each blocked step's cost per block (wall and CPU seconds, timed
where the block ran). The load average is printed before each run: on cores
shared with other jobs the wall-clock figures are upper bounds.

The projection at 1 M articles is linear from the measured size: the serial
part (what the one-worker run spent outside blocks: the steps' corpus-wide
passes here, and sending blocks and shared indexes out and results back) plus
the blocked part divided by the workers. ``linking_scale.py`` checks that the
stage grows near-linearly; the projection is no better than that check, and
assumes no block grows with the corpus (one large story would).

    python benchmarks/linking_dask.py [--size 1000]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linking_scale import base_analyses, corpus_of  # noqa: E402

from rashomon.link.blocks import Blocks, InProcess, OnDask  # noqa: E402
from rashomon.link.corpus import LINK_STEPS, LinkContext, unlinked_analysis  # noqa: E402
from rashomon.model import Analysis, DocumentAnalysis  # noqa: E402

BLOCKED = ("event-candidates", "event-pairs", "event-clusters", "reuse", "facts")
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


def load() -> str:
    """The machine's load average over the last minute (others' jobs share the cores)."""
    return f"{os.getloadavg()[0]:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=1000)
    args = parser.parse_args()
    analyses = corpus_of(base_analyses(), args.size)
    link(analyses, InProcess())  # warm-up: models loaded, lemma vectors encoded
    print(f"local run (load {load()})", flush=True)
    local, expected = link(analyses, InProcess())
    runs = {}
    for workers in (1, 2):
        print(f"{workers} worker(s) (load {load()})", flush=True)
        seconds, analysis, runner = on_cluster(analyses, workers)
        same = analysis == expected
        runs[workers] = (seconds, runner)
        print(f"  results identical to the local run: {same}", flush=True)
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
    one_seconds, one = runs[1]
    print("\nblocked part, each block timed where it ran (1-worker run):")
    head = ("blocks of", "n", "units", "wall s", "CPU s", "CPU ms/unit", "longest s")
    print("{:<16} {:>3} {:>9} {:>7} {:>7} {:>11} {:>9}".format(*head))
    for name in BLOCKED:
        costs = one.costs.get(name, [])
        units = sum(c.size for c in costs)
        wall, cpu = sum(c.seconds for c in costs), sum(c.cpu for c in costs)
        longest = max((c.seconds for c in costs), default=0.0)
        per = 1000 * cpu / max(units, 1)
        print(
            f"{name:<16} {len(costs):3d} {units:9,d} {wall:7.2f} {cpu:7.2f} {per:11.3f} "
            f"{longest:9.2f}"
        )
    print(
        "(units: candidate pairs for event-pairs and reuse, mentions for event-candidates, "
        "pairs scored inside a component for event-clusters, statement profiles for facts)"
    )
    # The serial part: what the one-worker run did not spend inside blocks (the steps'
    # own passes here, and sending blocks and shared indexes out and results back).
    blocked = {n: sum(c.seconds for c in one.costs.get(n, [])) for n in BLOCKED}
    longest = {n: max((c.seconds for c in one.costs.get(n, [])), default=0.0) for n in BLOCKED}
    serial = sum(one_seconds.values()) - sum(blocked.values())
    # with w workers a step's blocks take at least their share, and the longest block
    bound = serial + sum(max(blocked[n] / 2, longest[n]) for n in BLOCKED)
    two = sum(runs[2][0].values())
    print(
        f"\n1 -> 2 workers: measured x{sum(one_seconds.values()) / two:.2f}; expected from "
        f"the 1-worker run's serial part ({serial:.1f} s) and blocks "
        f"({sum(blocked.values()):.1f} s, longest per step kept whole): at best "
        f"x{sum(one_seconds.values()) / bound:.2f}"
    )
    scale = TARGET / args.size
    print(f"\nprojected at {TARGET:,} articles (linear from {args.size:,}):")
    print(f"  serial part (here, with the transfers): {serial * scale / 3600:.1f} h")
    print(f"  blocked part (on the workers): {sum(blocked.values()) * scale / 3600:.1f} h")
    for workers in (1, 2, 8, 32):
        hours = (serial + sum(blocked.values()) / workers) * scale / 3600
        print(f"  with {workers:>2} worker(s): {hours:.1f} h")


if __name__ == "__main__":
    main()
