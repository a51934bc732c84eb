"""Run extraction over many documents: in this process, a process pool, or on Dask.

:func:`iter_extraction` yields each document's outcome (its analysis, or an
:class:`IngestError`) as soon as it is done, so the caller can store it at
once: an interrupted run keeps everything finished before the interrupt.

What it guarantees, whatever a document holds:

- **One document, one outcome.** Any exception inside extraction becomes an
  error for that document alone (stage ``extract``), and the batch goes on.
- **A time budget per document**, growing with its length
  (:class:`Limits`); a document over it is skipped with "took too long".
- **A crashed worker loses one document.** If a worker dies (out of memory, a
  crash in native code), the documents that were in flight are run again one
  at a time; the one that kills its worker again is reported, the rest go on.
- **Workers end with their parent.** Each worker watches its parent process
  and exits when it is gone (and on Linux the kernel kills it too), so a
  ``kill -9`` of the main process leaves nothing running. Workers ignore
  Ctrl-C: the main process stops them at once instead.

Each worker loads the spaCy model once. Beyond one machine the same pure
function runs on a Dask distributed cluster (``scheduler="tcp://host:8786"``,
or ``"local"``): Dask does the scheduling, retries and data movement.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from rashomon.daskclient import dask_client
from rashomon.model import Document, DocumentAnalysis, IngestError

Progress = Callable[[int], None]
Outcome = DocumentAnalysis | IngestError
CHUNK_CHARS = 60_000  # documents sent to a worker together, at most this many characters
WATCH_PARENT_S = 0.5


@dataclass(frozen=True, slots=True)
class Limits:
    """The time a document may take: ``base_s`` plus ``s_per_mchar`` per million characters.

    The default allows ten times what a typical article needs, so only a
    pathological document reaches it.
    """

    base_s: float = 120.0
    s_per_mchar: float = 600.0

    def seconds_for(self, document: Document) -> float:
        return self.base_s + self.s_per_mchar * len(document.text or "") / 1e6


class TookTooLong(Exception):
    """Raised inside extraction when a document's time budget is spent."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`TookTooLong` after ``seconds`` (main thread only; else no limit)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TookTooLong

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


WARM_UP = Document("warm-up", "", "Boeing said on Monday that it would bid again.")
_warm: list[bool] = []


def warm_up() -> None:
    """Load every model once in this process, so no document's time budget pays for it.

    What is loaded then lives as long as the process: it is left out of the
    garbage collector's scans (:func:`gc.freeze`), which otherwise walk the
    whole pipeline again at each full collection while documents are parsed."""
    if not _warm:
        from rashomon.extract.pipeline import extract_document

        extract_document(WARM_UP)
        gc.freeze()
        _warm.append(True)


def failure(document: Document, reason: str) -> IngestError:
    return IngestError(document.source, reason, "extract")


def _extract_alone(document: Document, limits: Limits) -> Outcome:
    from rashomon.extract.pipeline import extract_document

    budget = limits.seconds_for(document)
    try:
        with time_limit(budget):
            return extract_document(document)
    except TookTooLong:
        return failure(document, f"skipped: took too long (over {budget:.0f} s)")
    except MemoryError:
        return failure(document, "skipped: out of memory")
    except RecursionError:
        return failure(document, "extraction failed: structure nested too deeply")
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        detail = " ".join(str(exc).split())[:200]
        return failure(document, f"extraction failed: {type(exc).__name__}: {detail}".rstrip(": "))


def extract_chunk(documents: list[Document], limits: Limits | None = None) -> list[Outcome]:
    """Outcomes of a chunk, in order: parsed together, or one by one when that fails."""
    from rashomon.extract.pipeline import extract_documents

    limits = limits or Limits()
    warm_up()
    if len(documents) > 1:
        try:
            with time_limit(sum(limits.seconds_for(d) for d in documents)):
                return list(extract_documents(documents))
        except Exception:  # noqa: BLE001 - find the failing document below, alone
            pass
    return [_extract_alone(document, limits) for document in documents]


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def make_chunks(
    documents: Sequence[Document], size: int, max_chars: int = CHUNK_CHARS
) -> list[list[Document]]:
    """Consecutive groups of at most ``size`` documents and ``max_chars`` characters
    (a longer document goes alone)."""
    chunks: list[list[Document]] = []
    current: list[Document] = []
    chars = 0
    for document in documents:
        length = len(document.text or "")
        if current and (len(current) >= size or chars + length > max_chars):
            chunks.append(current)
            current, chars = [], 0
        current.append(document)
        chars += length
    if current:
        chunks.append(current)
    return chunks


def iter_extraction(
    documents: Sequence[Document],
    workers: int = 1,
    chunk_size: int = 4,
    scheduler: str | None = None,
    limits: Limits | None = None,
) -> Iterator[Outcome]:
    """Each document's outcome as soon as it is done (completion order)."""
    limits = limits or Limits()
    chunks = make_chunks(documents, chunk_size)
    if scheduler:
        yield from _run_on_dask(chunks, scheduler, workers, limits)
    elif workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield from extract_chunk(chunk, limits)
    else:
        yield from _run_on_pool(chunks, workers, limits)


def run_extraction(
    documents: Sequence[Document],
    workers: int = 1,
    chunk_size: int = 4,
    progress: Progress | None = None,
    scheduler: str | None = None,
    limits: Limits | None = None,
) -> list[Outcome]:
    """All outcomes in input order; ``progress(1)`` as each document is done."""
    slots: dict[str, deque[int]] = {}
    for index, document in enumerate(documents):
        slots.setdefault(document.source, deque()).append(index)
    results: list[Outcome | None] = [None] * len(documents)
    for outcome in iter_extraction(documents, workers, chunk_size, scheduler, limits):
        source = outcome.source if isinstance(outcome, IngestError) else outcome.document.source
        results[slots[source].popleft()] = outcome
        if progress:
            progress(1)
    return [r for r in results if r is not None]


# --- the process pool --------------------------------------------------------------


def watch_parent(parent: int) -> None:
    """In a worker: exit as soon as the process that started it is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    if hasattr(signal, "pthread_sigmask"):  # blocked at spawn (workers_ignore_ctrl_c)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _die_with_parent()

    def watch() -> None:
        while True:
            time.sleep(WATCH_PARENT_S)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def _die_with_parent() -> None:
    """Linux: ask the kernel to SIGKILL this process when its parent dies."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the watching thread is enough
        pass


def _new_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=watch_parent,
        initargs=(os.getpid(),),
    )


@contextlib.contextmanager
def workers_ignore_ctrl_c() -> Iterator[None]:
    """Block SIGINT while submitting (which starts the worker processes).

    The workers inherit the blocked signal and ignore it from their start, so a
    Ctrl-C while they import leaves them quiet; here a Ctrl-C during the submit
    is held, not lost, and raises as soon as the block ends.
    """
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: queued work is dropped and running workers are killed.

    ``shutdown`` alone waits for the documents being parsed; the standard library
    has no public way to kill a pool's workers before Python 3.14
    (``terminate_workers``), hence the look at ``_processes``.
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.kill()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=2)


def _run_on_pool(chunks: list[list[Document]], workers: int, limits: Limits) -> Iterator[Outcome]:
    """Run chunks on a pool; when a worker dies, find the document that killed it."""
    pending: deque[list[Document]] = deque(chunks)
    while pending:
        suspects: list[Document] = []
        pool = _new_pool(workers)
        try:
            with workers_ignore_ctrl_c():
                order = [pool.submit(extract_chunk, chunk, limits) for chunk in pending]
            chunk_of = dict(zip(order, pending, strict=True))
            pending.clear()
            live = set(order)
            while live:
                done, live = wait(live, return_when=FIRST_COMPLETED)
                failed = [f for f in done if f.exception() is not None]
                for future in done:
                    if future.exception() is None:
                        yield from future.result()
                if not failed:
                    continue
                if not any(isinstance(f.exception(), BrokenProcessPool) for f in failed):
                    suspects.extend(d for f in failed for d in chunk_of[f])  # e.g. unpicklable
                    continue
                # A worker died. Dispatch is in submission order, so the first
                # unfinished chunks (one per worker, one queued) were in flight.
                finished = {f for f in order if f.done() and f.exception() is None}
                for future in live & finished:
                    yield from future.result()
                unfinished = [f for f in order if f not in finished]
                for rank, future in enumerate(unfinished):
                    if rank <= workers:
                        suspects.extend(chunk_of[future])
                    else:
                        pending.append(chunk_of[future])
                break
        finally:
            stop_pool(pool)
        if suspects:
            yield from _run_suspects(suspects, limits)


def _run_suspects(documents: list[Document], limits: Limits) -> Iterator[Outcome]:
    """Each document alone on a one-worker pool; one that kills the worker is reported."""
    queue = deque(documents)
    while queue:
        pool = _new_pool(1)
        try:
            while queue:
                document = queue.popleft()
                with workers_ignore_ctrl_c():
                    future = pool.submit(extract_chunk, [document], limits)
                try:
                    (outcome,) = future.result()
                except BrokenProcessPool:
                    yield failure(document, "skipped: the extraction worker died (out of memory?)")
                    break
                except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be sent back
                    yield failure(document, f"extraction failed: {type(exc).__name__}")
                    continue
                yield outcome
        finally:
            stop_pool(pool)


# --- Dask --------------------------------------------------------------------------------


def _run_on_dask(
    chunks: list[list[Document]], scheduler: str, workers: int, limits: Limits
) -> Iterator[Outcome]:
    with dask_client(scheduler, workers) as client:
        from distributed import as_completed

        futures = []
        try:
            futures = client.map(extract_chunk, chunks, [limits] * len(chunks), pure=False)
            for future in as_completed(futures):
                yield from future.result()
        finally:
            with contextlib.suppress(Exception):
                client.cancel(futures)
