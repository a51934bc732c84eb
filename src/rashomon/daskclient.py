"""A Dask distributed client for the stages that run on a scheduler.

Extraction (:mod:`rashomon.extract.runner`) and the blocked linking steps
(:mod:`rashomon.link.blocks`) both take ``--scheduler``: an address, or "local"
for a cluster of worker processes started here and stopped after. Kept below
both stages so neither imports the other.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def dask_client(scheduler: str, workers: int = 1) -> Iterator[Any]:
    """A ``distributed.Client`` on ``scheduler`` ("local": ``workers`` one-thread worker
    processes started here), closed (with its local cluster) on leaving."""
    try:
        from distributed import Client, LocalCluster
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
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
