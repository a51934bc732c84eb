"""One writer per output folder: a second ``analyze`` on the same ``--out`` waits.

SQLite keeps each transaction whole, but two runs that link and export the
same store at once would each replace the other's corpus results and exports.
So a run holds an advisory lock (``flock``) on a small file beside the store
for as long as it writes; a second run says it is waiting and goes on when
the first ends. The operating system drops the lock when its holder dies,
even by ``kill -9``, so a crashed run never blocks the next one. Readers
(``compare``, ``timeline``, ``export``) take no lock: WAL gives them the last
committed state.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, runs are not serialised
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = ".analysis.lock"


@contextlib.contextmanager
def writer_lock(folder: Path, on_wait: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Hold the folder's writer lock; ``on_wait()`` first if another run holds it."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    descriptor = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock
