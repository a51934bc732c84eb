"""The blocked link steps on a real Dask cluster give what the local run gives.

A ``dask scheduler`` and two ``dask worker`` processes are started on loopback
(the installed CLI, random free ports) with this checkout's ``src`` first on
their path, so the tasks run this code and not another install of Rashomon.
The test is skipped when they cannot start.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rashomon.extract.runner import run_extraction
from rashomon.ingest import ingest_paths
from rashomon.link.blocks import InProcess, OnDask, balance, split
from rashomon.link.corpus import link_corpus
from rashomon.model import DocumentAnalysis

PROJECT = Path(__file__).resolve().parents[2]
CORPUS = PROJECT / "examples" / "corpus"
START_S = 30


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    distributed = pytest.importorskip("distributed")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(PROJECT / "src"), env.get("PYTHONPATH", "")])
    address = f"tcp://127.0.0.1:{free_port()}"
    dask = [sys.executable, "-m", "dask"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
    processes = [
        subprocess.Popen(
            [*dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1]]
            + ["--no-dashboard"],
            **quiet,
        )
    ]
    for _ in range(2):
        processes.append(
            subprocess.Popen(
                [*dask, "worker", address, "--nthreads", "1", "--host", "127.0.0.1"]
                + ["--no-dashboard", "--nanny-port", str(free_port())],
                **quiet,
            )
        )
    connected = None
    try:
        try:
            connected = distributed.Client(address, timeout=START_S)
            connected.wait_for_workers(2, timeout=START_S)
        except Exception as exc:  # noqa: BLE001 - no cluster here: nothing to test against
            pytest.skip(f"a Dask scheduler and two workers could not start: {exc}")
        yield connected
    finally:
        if connected is not None:
            with contextlib.suppress(Exception):
                connected.shutdown()  # the scheduler and its workers, at once
            connected.close()
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="module")
def analyses() -> list[DocumentAnalysis]:
    documents = ingest_paths([CORPUS]).documents
    outcomes = run_extraction(documents)
    found = [o for o in outcomes if isinstance(o, DocumentAnalysis)]
    assert len(found) == len(documents) >= 4
    return found


def test_linking_on_two_dask_workers_gives_the_local_results(client, analyses):
    local = link_corpus(analyses)
    runner = OnDask(client)
    assert runner.parallelism == 2 * 4  # two one-thread workers, four blocks each
    distributed = link_corpus(analyses, blocks=runner)
    assert local.reuse and local.events and local.facts  # something to compare
    assert distributed.reuse == local.reuse
    assert distributed.events == local.events
    assert distributed.stories == local.stories
    assert distributed.facts == local.facts
    assert distributed == local
    # the blocked steps really ran as several tasks, and were timed where they ran
    assert len(runner.costs["event-pairs"]) > 1
    assert len(runner.costs["facts"]) > 1
    assert len(runner.costs["event-clusters"]) > 1
    assert len(runner.costs["event-candidates"]) > 1
    assert runner.costs["reuse"]
    assert all(c.seconds >= 0 and c.cpu >= 0 for c in runner.costs["event-pairs"])


def test_the_local_runner_makes_one_block_per_step(analyses):
    runner = InProcess()
    link_corpus(analyses, blocks=runner)
    assert {name: len(costs) for name, costs in runner.costs.items()} == {
        "event-candidates": 1,
        "event-clusters": 1,
        "reuse": 1,
        "facts": 1,
    }  # events' pair features are computed unsplit, as before blocks


def test_split_and_balance_keep_every_item_once():
    assert split(list(range(7)), 3) == [[0, 1, 2], [3, 4], [5, 6]]
    assert split([], 3) == []
    groups = balance([5, 1, 1, 1, 1, 1], 2)
    assert sorted(i for g in groups for i in g) == list(range(6))
    assert sorted(sum([5, 1, 1, 1, 1, 1][i] for i in g) for g in groups) == [5, 5]


def test_analyze_with_a_scheduler_gives_the_local_results(client, tmp_path):
    from rashomon import workflow

    address = client.scheduler.address
    local = workflow.analyze([CORPUS], tmp_path / "local", exports=False)
    on_dask = workflow.analyze([CORPUS], tmp_path / "dask", exports=False, scheduler=address)
    assert on_dask.extracted == local.extracted > 0
    assert on_dask.analysis == local.analysis
    # the kinds of task the scheduler has run (a lambda is sent by value, not by name)
    ran = client.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.task_prefixes))
    assert "extract_chunk" in ran and "timed" in ran  # extraction and link blocks
