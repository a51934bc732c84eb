"""Where the blocked parts of linking run: in this process, or as tasks on Dask.

Several link steps do a cheap pass over the whole corpus that splits the
expensive work into independent blocks (candidate document pairs to align,
mention pairs to score, groups of statements to compare). A step hands its
blocks to a :class:`Blocks` runner with :meth:`Blocks.map` and merges the
results in block order, so where the blocks ran never changes the result.

* :class:`InProcess` (the default) runs them here, as one block: the local
  path costs what it did before blocks existed.
* :class:`OnDask` runs them as tasks on a Dask distributed cluster
  (:func:`dask_blocks`: ``"tcp://host:8786"`` or ``"local"``). What every
  block needs (an index built by the cheap pass) is scattered to the workers
  once, not sent with every task, and kept while consecutive maps share it;
  Dask does the scheduling, retries and data movement. The blocks are pure
  functions of what they are sent: nothing a block computes depends on the
  process it runs in (word ids, which are Python's per-process string hash,
  are made by the caller and sent along).

Both runners time each block where it ran (:attr:`Blocks.costs`), which is
what a projection of the cost at a larger corpus is made from.
"""

from __future__ import annotations

import contextlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple, Protocol, TypeVar

from rashomon.daskclient import dask_client

B = TypeVar("B")
S = TypeVar("S")
R = TypeVar("R")

#: Blocks per worker thread on Dask: enough to even out blocks of unequal cost.
BLOCKS_PER_THREAD = 4


class Cost(NamedTuple):
    """What one block cost where it ran: its size (:func:`block_size`), the wall-clock
    seconds and the CPU seconds of the thread that ran it (the CPU seconds do not
    grow when other processes share the cores)."""

    size: int
    seconds: float
    cpu: float


class Blocks(Protocol):
    """Runs ``fn(block, shared)`` for each block; results in block order."""

    costs: dict[str, list[Cost]]

    @property
    def parallelism(self) -> int:
        """How many blocks a step should make (1: do not split)."""
        ...

    def map(
        self, name: str, fn: Callable[[B, S], R], blocks: Sequence[B], shared: S
    ) -> list[R]: ...


def timed(fn: Callable[[B, S], R], block: B, shared: S) -> tuple[R, float, float]:
    """``fn(block, shared)``, and the wall and CPU seconds it took where it ran."""
    started, cpu = time.perf_counter(), time.thread_time()
    result = fn(block, shared)
    return result, time.perf_counter() - started, time.thread_time() - cpu


def block_size(block: object) -> int:
    """How much work a block holds, as its length (1 when it has none)."""
    return len(block) if hasattr(block, "__len__") else 1  # type: ignore[arg-type]


class InProcess:
    """Every block in this process, one after the other."""

    parallelism = 1

    def __init__(self) -> None:
        self.costs: dict[str, list[Cost]] = defaultdict(list)

    def map(self, name: str, fn: Callable[[B, S], R], blocks: Sequence[B], shared: S) -> list[R]:
        results = []
        for block in blocks:
            result, seconds, cpu = timed(fn, block, shared)
            self.costs[name].append(Cost(block_size(block), seconds, cpu))
            results.append(result)
        return results


class OnDask:
    """Every block as one task on the cluster of a ``distributed.Client``."""

    def __init__(self, client: Any, blocks_per_thread: int = BLOCKS_PER_THREAD) -> None:
        self.client = client
        self.blocks_per_thread = blocks_per_thread
        self.costs: dict[str, list[Cost]] = defaultdict(list)
        self._held: tuple[object, Any] | None = None  # the shared value last sent, its future

    def share(self, shared: object) -> Any:
        """The future of ``shared`` on every worker: sent once, and kept while the next
        map shares the same object (the events' mention table serves two maps)."""
        if self._held is not None and self._held[0] is shared:
            return self._held[1]
        self.release()
        # A list is scattered element by element: wrap the value to send it whole.
        [handle] = self.client.scatter([shared], broadcast=True, hash=False)
        self._held = (shared, handle)
        return handle

    def release(self) -> None:
        """Let the cluster drop the shared value last sent."""
        if self._held is not None:
            with contextlib.suppress(Exception):
                self.client.cancel([self._held[1]])
            self._held = None

    @property
    def parallelism(self) -> int:
        threads = sum(self.client.nthreads().values()) or 1
        return threads * self.blocks_per_thread

    def map(self, name: str, fn: Callable[[B, S], R], blocks: Sequence[B], shared: S) -> list[R]:
        if not blocks:
            return []
        handle = self.share(shared)
        # The blocks are scattered, not put in the task graph: they can be large
        # (documents, profiles), and the scheduler needs only their keys.
        parts = self.client.scatter(list(blocks), hash=False)
        futures = self.client.map(timed, [fn] * len(blocks), parts, shared=handle, pure=False)
        try:
            done = self.client.gather(futures)
        finally:
            with contextlib.suppress(Exception):
                self.client.cancel([*futures, *parts])
        results = []
        for block, (result, seconds, cpu) in zip(blocks, done, strict=True):
            self.costs[name].append(Cost(block_size(block), seconds, cpu))
            results.append(result)
        return results


@contextlib.contextmanager
def dask_blocks(scheduler: str, workers: int = 1) -> Iterator[OnDask]:
    """A runner on the Dask scheduler at ``scheduler`` ("local": a cluster of
    ``workers`` processes started here, stopped after)."""
    with dask_client(scheduler, workers) as client:
        runner = OnDask(client)
        try:
            yield runner
        finally:
            runner.release()


@contextlib.contextmanager
def blocks_for(scheduler: str | None, workers: int = 1) -> Iterator[Blocks]:
    """:class:`InProcess` without a scheduler, else :func:`dask_blocks`."""
    if not scheduler:
        yield InProcess()
        return
    with dask_blocks(scheduler, workers) as runner:
        yield runner


def split(items: Sequence[B], parts: int) -> list[list[B]]:
    """``items`` in at most ``parts`` consecutive slices of near-equal length."""
    if not items:
        return []
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    out, start = [], 0
    for k in range(parts):
        end = start + size + (k < extra)
        out.append(list(items[start:end]))
        start = end
    return out


def balance(weights: Sequence[int], parts: int) -> list[list[int]]:
    """Indices of ``weights`` in at most ``parts`` groups of near-equal total weight
    (heaviest first onto the lightest group); each group's indices ascending."""
    parts = max(1, min(parts, len(weights)))
    groups: list[list[int]] = [[] for _ in range(parts)]
    totals = [0] * parts
    for i in sorted(range(len(weights)), key=lambda i: (-weights[i], i)):
        k = min(range(parts), key=lambda k: (totals[k], k))
        groups[k].append(i)
        totals[k] += weights[i]
    return [sorted(g) for g in groups if g]
