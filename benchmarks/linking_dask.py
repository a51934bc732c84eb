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

    python benchmarks/linking_dask.py [--size 1000] [--repeat 2] [--write]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linking_scale import base_analyses, corpus_of  # noqa: E402
from results import write_result  # noqa: E402

from rashomon.link.blocks import Blocks, InProcess, OnDask  # noqa: E402
from rashomon.link.corpus import LINK_STEPS, LinkContext, unlinked_analysis  # noqa: E402
from rashomon.model import Analysis, DocumentAnalysis  # noqa: E402

BLOCKED = ("event-candidates", "event-pairs", "event-clusters", "reuse", "facts")
TARGET = 1_000_000


@dataclass
class Run:
    seconds: dict[str, float]  # wall per link step
    cpu: dict[str, float]  # CPU of this process per link step (serialising included)
    analysis: Analysis
    blocks: Blocks


def link(analyses: list[DocumentAnalysis], blocks: Blocks) -> Run:
    """Wall and CPU seconds per link step, and the linked analysis."""
    analysis = unlinked_analysis(analyses)
    ctx = LinkContext(analyses, analysis, blocks=blocks)
    run = Run({}, {}, analysis, blocks)
    for name, step in LINK_STEPS.items():
        started, cpu = time.perf_counter(), time.process_time()
        step(ctx)
        run.seconds[name] = time.perf_counter() - started
        run.cpu[name] = time.process_time() - cpu
    return run


class TimedOnDask(OnDask):
    """:class:`OnDask` that also times each map here: sending, running, gathering."""

    def __init__(self, client: object) -> None:
        super().__init__(client)
        self.map_seconds: dict[str, float] = defaultdict(float)

    def map(self, name, fn, blocks, shared):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return super().map(name, fn, blocks, shared)
        finally:
            self.map_seconds[name] += time.perf_counter() - started


def on_cluster(analyses: list[DocumentAnalysis], workers: int) -> Run:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        # the workers import the link steps before the clock starts
        client.run(lambda: __import__("rashomon.link.corpus"))
        runner = TimedOnDask(client)
        run = link(analyses, runner)
        runner.release()
    return run


def fastest(kept: Run | None, run: Run) -> Run:
    """The faster of two runs of one setting (other jobs on the cores slow some runs)."""
    return run if kept is None or sum(run.seconds.values()) < sum(kept.seconds.values()) else kept


def load() -> str:
    """The machine's load average over the last minute (others' jobs share the cores)."""
    return f"{os.getloadavg()[0]:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each setting; the fastest is kept"
    )
    parser.add_argument("--write", action="store_true", help="store the tables in BENCHMARKS.md")
    args = parser.parse_args()
    analyses = corpus_of(base_analyses(), args.size)
    link(analyses, InProcess())  # warm-up: models loaded, lemma vectors encoded
    local: Run | None = None
    runs: dict[int, Run] = {}
    for _ in range(max(1, args.repeat)):
        print(f"local run (load {load()})", flush=True)
        local = fastest(local, link(analyses, InProcess()))
        for workers in (1, 2):
            print(f"{workers} worker(s) (load {load()})", flush=True)
            run = on_cluster(analyses, workers)
            same = run.analysis == local.analysis
            print(f"  results identical to the local run: {same}", flush=True)
            if not same:
                raise SystemExit("the results differ from the local run")
            runs[workers] = fastest(runs.get(workers), run)
    assert local is not None
    if args.write:
        report = io.StringIO()
        with contextlib.redirect_stdout(report):
            summarise(args, local, runs)
        print(report.getvalue())
        write_result(
            "linking_dask",
            "Blocked linking on Dask: 1 and 2 workers, projection at 1 M articles",
            f"_`python benchmarks/linking_dask.py --size {args.size} --repeat {args.repeat}`; "
            f"load average before the runs {load()} (cores shared with other jobs make the "
            "wall-clock figures upper bounds)._\n\n```\n" + report.getvalue().strip() + "\n```",
        )
    else:
        summarise(args, local, runs)


def summarise(args: argparse.Namespace, local: Run, runs: dict[int, Run]) -> None:
    """The tables: seconds per step, cost per block, the projection."""
    steps = list(LINK_STEPS)
    print(f"\n{args.size:,} documents, seconds per step (wall):")
    print(f"{'step':<10} {'local':>8} {'1 worker':>9} {'2 workers':>10} {'1->2':>6}")
    for name in [*steps, "total"]:
        row = [
            sum(r.seconds.values()) if name == "total" else r.seconds[name]
            for r in (local, runs[1], runs[2])
        ]
        print(f"{name:<10} {row[0]:8.1f} {row[1]:9.1f} {row[2]:10.1f} {row[1] / row[2]:6.2f}")
    one = runs[1]
    costs = one.blocks.costs
    maps = one.blocks.map_seconds  # type: ignore[attr-defined]
    print("\nblocked part, each block timed where it ran (1-worker run):")
    head = ("blocks of", "n", "units", "wall s", "CPU s", "CPU ms/unit", "longest s", "map s")
    print("{:<16} {:>3} {:>9} {:>7} {:>7} {:>11} {:>9} {:>6}".format(*head))
    for name in BLOCKED:
        got = costs.get(name, [])
        units = sum(c.size for c in got)
        wall, cpu = sum(c.seconds for c in got), sum(c.cpu for c in got)
        longest = max((c.seconds for c in got), default=0.0)
        per = 1000 * cpu / max(units, 1)
        print(
            f"{name:<16} {len(got):3d} {units:9,d} {wall:7.2f} {cpu:7.2f} {per:11.3f} "
            f"{longest:9.2f} {maps.get(name, 0.0):6.2f}"
        )
    print(
        "(units: candidate pairs for event-pairs and reuse, mentions for event-candidates, "
        "pairs scored inside a component for event-clusters, comparisons (incident, slot) "
        "for facts; "
        "map s: the map as seen here, sending and gathering included)"
    )
    # The serial part: what the one-worker run did not spend inside blocks (the steps'
    # own passes here, and sending blocks and shared indexes out and results back).
    blocked = {n: sum(c.seconds for c in costs.get(n, [])) for n in BLOCKED}
    longest = {n: max((c.seconds for c in costs.get(n, [])), default=0.0) for n in BLOCKED}
    total_one = sum(one.seconds.values())
    serial = total_one - sum(blocked.values())
    # with w workers a step's blocks take at least their share, and the longest block
    bound = serial + sum(max(blocked[n] / 2, longest[n]) for n in BLOCKED)
    print(
        f"\n1 -> 2 workers: measured x{total_one / sum(runs[2].seconds.values()):.2f}; "
        f"at best x{total_one / bound:.2f} from the 1-worker run's serial part "
        f"({serial:.1f} s) and blocks ({sum(blocked.values()):.1f} s, the longest of each "
        "step kept whole)"
    )
    scale = TARGET / args.size
    serial_cpu = sum(one.cpu.values())  # this process only: the workers' CPU is the blocks'
    blocks_cpu = sum(c.cpu for n in BLOCKED for c in costs.get(n, []))
    print(f"\nprojected at {TARGET:,} articles (linear from {args.size:,}), hours:")
    print(f"  {'':<28} {'wall':>6} {'CPU':>6}")
    s_wall, s_cpu = serial * scale / 3600, serial_cpu * scale / 3600
    print(f"  {'serial part (here)':<28} {s_wall:6.1f} {s_cpu:6.1f}")
    b_wall, b_cpu = sum(blocked.values()) * scale / 3600, blocks_cpu * scale / 3600
    print(f"  {'blocked part (workers)':<28} {b_wall:6.1f} {b_cpu:6.1f}")
    for workers in (1, 2, 8, 32):
        wall = (serial + sum(blocked.values()) / workers) * scale / 3600
        cpu = (serial_cpu + blocks_cpu / workers) * scale / 3600
        print(f"  {f'with {workers} worker(s)':<28} {wall:6.1f} {cpu:6.1f}")
    print(f"  {'local, one process':<28} {sum(local.seconds.values()) * scale / 3600:6.1f}")


if __name__ == "__main__":
    main()
