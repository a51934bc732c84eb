"""The store a server shows: where it is, a read connection per request, and the
corpus index, rebuilt only when the store has changed."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rashomon.report.pages import PageContext
from rashomon.store import Store, queries
from rashomon.store.queries import CorpusIndex
from rashomon.workflow import DB_NAME


class StoreMissing(Exception):
    """The folder holds no analysis.sqlite."""


def locate_store(path: str | Path) -> tuple[Path, Path]:
    """(the output folder, its analysis.sqlite) for a folder or the .sqlite file itself."""
    given = Path(path).expanduser()
    if given.is_file() or given.suffix == ".sqlite":
        return given.resolve().parent, given.resolve()
    return given.resolve(), given.resolve() / DB_NAME


class Corpus:
    """The served store. ``create`` makes an empty store where there is none."""

    def __init__(self, path: str | Path, create: bool = False) -> None:
        self.folder, self.db_path = locate_store(path)
        if not self.db_path.is_file():
            if not create:
                raise StoreMissing(
                    f"{self.db_path}: no such store (run `rashomon analyze FILES --out "
                    f"{self.folder}` first, or serve with --allow-writes to start an empty one)"
                )
            self.folder.mkdir(parents=True, exist_ok=True)
            Store(self.db_path).close()
        self._lock = threading.Lock()
        self._index: tuple[tuple[int, ...], CorpusIndex] | None = None

    def connect(self) -> sqlite3.Connection:
        try:
            return queries.connect_readonly(self.db_path)
        except sqlite3.OperationalError:  # a read-only folder without the WAL's -shm file
            db = sqlite3.connect(
                f"{self.db_path.as_uri()}?immutable=1", uri=True, check_same_thread=False
            )
            db.row_factory = sqlite3.Row
            return db

    def index(self, db: sqlite3.Connection) -> CorpusIndex:
        version = queries.store_version(self.db_path)
        with self._lock:
            if self._index is None or self._index[0] != version:
                self._index = (version, queries.build_index(db))
            return self._index[1]

    @contextmanager
    def context(self) -> Iterator[PageContext]:
        db = self.connect()
        try:
            yield PageContext(db, self.index(db))
        finally:
            db.close()
