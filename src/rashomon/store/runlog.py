"""The run log: every ``analyze`` run, its errors and its duplicates, kept for good.

Each run gets a row in ``runs`` (started, finished, status: running, done,
interrupted or failed; what it extracted). Its errors and duplicates are
written as they are found, tagged with the run, so an interrupted run's
findings are kept and an incremental run never drops an earlier run's.

The export shows the *current* state drawn from that log: for each source the
errors of the latest run that reported it, unless the source has since been
stored as a document; and each duplicate whose original is still stored.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from rashomon.model import IngestError
from rashomon.textsafe import storable


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def begin_run(db: sqlite3.Connection, inputs: Sequence[str]) -> int:
    """Log a new run. The caller holds the writer lock, so a run still marked
    ``running`` is one that was killed: it is marked so."""
    with db:
        db.execute("UPDATE runs SET status = 'killed' WHERE status = 'running'")
        cursor = db.execute(
            "INSERT INTO runs (started, status, inputs) VALUES (?, 'running', ?)",
            (now(), json.dumps([storable(i) for i in inputs], ensure_ascii=False)),
        )
    return int(cursor.lastrowid or 0)


def end_run(db: sqlite3.Connection, run: int, status: str, extracted: int, failed: int) -> None:
    with db:
        db.execute(
            "UPDATE runs SET finished = ?, status = ?, extracted = ?, failed = ? WHERE id = ?",
            (now(), status, extracted, failed, run),
        )


def record_errors(db: sqlite3.Connection, errors: Iterable[IngestError], run: int | None) -> None:
    """Add errors to the log. An error already logged for this run is not repeated;
    one without a run (``run=None``, e.g. from :meth:`Store.save_corpus`) is added
    only when no run logged it."""
    rows = [(storable(e.source), storable(e.reason), e.stage, run) for e in errors]
    _insert_new(db, "errors", rows, ("source", "reason", "stage"))


def _insert_new(
    db: sqlite3.Connection, table: str, rows: list[tuple[object, ...]], key: tuple[str, ...]
) -> None:
    if not rows:
        return
    with db:
        logged = list(db.execute(f"SELECT {', '.join(key)}, run FROM {table}"))
        known = set(logged) | {row[:-1] for row in logged}
        fresh = [
            row
            for row in dict.fromkeys(rows)
            if row not in known and (row[-1] is not None or row[:-1] not in known)
        ]
        marks = ",".join("?" * (len(key) + 1))
        db.executemany(f"INSERT INTO {table} ({', '.join(key)}, run) VALUES ({marks})", fresh)


def record_duplicates(
    db: sqlite3.Connection, duplicates: Iterable[dict[str, str]], run: int | None
) -> None:
    rows = [(storable(d["source"]), d["duplicate_of"], run) for d in duplicates]
    _insert_new(db, "duplicates", rows, ("source", "duplicate_of"))


def current_errors(db: sqlite3.Connection) -> list[IngestError]:
    """For each source not stored as a document, the errors of the latest run naming it."""
    stored = {source for (source,) in db.execute("SELECT source FROM documents")}
    latest: dict[str, int] = {}
    rows = list(db.execute("SELECT source, reason, stage, run FROM errors ORDER BY rowid"))
    for source, _, _, run in rows:
        latest[source] = max(latest.get(source, -1), run if run is not None else -1)
    return [
        IngestError(source, reason, stage or "read")
        for source, reason, stage, run in rows
        if source not in stored and (run if run is not None else -1) == latest[source]
    ]


def current_duplicates(db: sqlite3.Connection) -> list[dict[str, str]]:
    """Each duplicate source once, while the document it duplicates is stored."""
    stored = {doc_id: source for doc_id, source in db.execute("SELECT id, source FROM documents")}
    seen: dict[str, str] = {}
    for source, original in db.execute(
        "SELECT source, duplicate_of FROM duplicates ORDER BY rowid"
    ):
        if original in stored and stored[original] != source:
            seen[source] = original
    return [{"source": s, "duplicate_of": d} for s, d in seen.items()]
