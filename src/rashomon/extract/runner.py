"""Run extraction over many documents: in this process, a process pool, or on Dask.

Each worker process loads the spaCy model once and parses its share of the
documents in batches; results come back in input order. On one machine a
process pool is all that is needed. Beyond one machine the same pure function
runs on a Dask distributed cluster (``scheduler="tcp://host:8786"``, or
``"local"`` for a local Dask cluster): Dask does the scheduling, retries and
data movement, so there is no home-made scheduler here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

from rashomon.model import Document, DocumentAnalysis, IngestError

Progress = Callable[[int], None]
Outcome = DocumentAnalysis | IngestError


def _extract_chunk(documents: list[Document]) -> list[Outcome]:
    """Analyses of a chunk; a document that breaks an extractor becomes an error, alone."""
    from rashomon.extract.pipeline import extract_document, extract_documents

    try:
        return list(extract_documents(documents))
    except Exception:  # noqa: BLE001 - isolate the failing document below
        pass
    outcomes: list[Outcome] = []
    for document in documents:
        try:
            outcomes.append(extract_document(document))
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
            reason = f"extraction failed: {type(exc).__name__}: {exc}".splitlines()[0]
            outcomes.append(IngestError(document.source, reason))
    return outcomes


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def _chunks(documents: Sequence[Document], size: int) -> list[list[Document]]:
    return [list(documents[i : i + size]) for i in range(0, len(documents), size)]


def run_extraction(
    documents: Sequence[Document],
    workers: int = 1,
    chunk_size: int = 8,
    progress: Progress | None = None,
    scheduler: str | None = None,
) -> list[Outcome]:
    """Analyses (or errors) for ``documents`` in input order; ``progress(n)`` after each chunk."""
    chunks = _chunks(documents, chunk_size)
    if scheduler:
        return _run_on_dask(chunks, scheduler, workers, progress)
    results: list[Outcome] = []
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            results.extend(_extract_chunk(chunk))
            if progress:
                progress(len(chunk))
        return results
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for chunk, analyses in zip(chunks, pool.map(_extract_chunk, chunks), strict=True):
            results.extend(analyses)
            if progress:
                progress(len(chunk))
    return results


def _run_on_dask(
    chunks: list[list[Document]], scheduler: str, workers: int, progress: Progress | None
) -> list[Outcome]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("Dask is not installed: pip install 'rashomon[distributed]'") from exc
    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(
            n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        futures = client.map(_extract_chunk, chunks, pure=False)
        order = {future.key: i for i, future in enumerate(futures)}
        done: list[list[Outcome] | None] = [None] * len(chunks)
        for future in as_completed(futures):
            i = order[future.key]
            done[i] = future.result()
            if progress:
                progress(len(chunks[i]))
        return [outcome for part in done if part for outcome in part]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
