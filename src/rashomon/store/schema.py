"""The store's tables, and opening a file as a store only when it is one.

A user points ``--out`` at a folder; the ``analysis.sqlite`` found there may be
ours, an older version of ours, someone else's SQLite database, a damaged
copy, or not a database at all. :func:`connect` tells these apart before
anything is written: only an empty or missing file becomes a new store, an
older store gains its new columns, and everything else raises
:class:`StoreError` with a one-line reason and leaves the file untouched.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
from pathlib import Path
from typing import Any

from rashomon.model import SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 60.0  # another run's write transaction: wait this long before failing

_SQL_TYPES = {"int": "INTEGER", "float": "REAL", "bool": "INTEGER", "str": "TEXT", "bytes": "BLOB"}

CORPUS_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, title TEXT, outlet TEXT, author TEXT,
    published TEXT, language TEXT, text TEXT NOT NULL, words INTEGER, extractor TEXT,
    provenance TEXT
);
CREATE TABLE IF NOT EXISTS boilerplate (
    doc TEXT NOT NULL, position INTEGER, text TEXT, reason TEXT
);
CREATE TABLE IF NOT EXISTS entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT);
CREATE TABLE IF NOT EXISTS entity_aliases (entity TEXT NOT NULL, alias TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entity_links (
    entity TEXT NOT NULL, doc TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT
);
CREATE TABLE IF NOT EXISTS entity_candidates (
    entity TEXT NOT NULL, other TEXT NOT NULL, score REAL, reason TEXT
);
CREATE TABLE IF NOT EXISTS corpus_items (
    kind TEXT NOT NULL, data TEXT NOT NULL, block TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS timelines (entity TEXT PRIMARY KEY, events TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stories (doc TEXT PRIMARY KEY, story TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, status TEXT NOT NULL,
    inputs TEXT, extracted INTEGER DEFAULT 0, failed INTEGER DEFAULT 0
);
CREATE TABLE IF NOT EXISTS errors (
    source TEXT NOT NULL, reason TEXT NOT NULL, stage TEXT DEFAULT 'read', run INTEGER
);
CREATE TABLE IF NOT EXISTS duplicates (
    source TEXT NOT NULL, duplicate_of TEXT NOT NULL, run INTEGER
);
CREATE INDEX IF NOT EXISTS boilerplate_doc ON boilerplate(doc);
CREATE INDEX IF NOT EXISTS entity_links_entity ON entity_links(entity);
CREATE INDEX IF NOT EXISTS corpus_items_block ON corpus_items(kind, block);
"""

# Columns added since the first stores were written: table -> [(column, declaration)].
ADDED_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": [("provenance", "TEXT")],
    "errors": [("stage", "TEXT DEFAULT 'read'"), ("run", "INTEGER")],
    "duplicates": [("run", "INTEGER")],
    "corpus_items": [("block", "TEXT NOT NULL DEFAULT ''")],
    "fact_mentions": [("scope", "TEXT"), ("superseded", "INTEGER")],
}


class StoreError(Exception):
    """A file that is not a usable Rashomon store, with a one-line reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def column_type(field: dataclasses.Field[Any]) -> str:
    base = str(field.type).split("|")[0].strip()
    return _SQL_TYPES.get(base, "TEXT")


def column_list(cls: type) -> str:
    """A finding table's columns in the dataclass's field order, named: a column added to
    an older store stands last in the table, wherever its field is declared."""
    return ", ".join(f'"{f.name}"' for f in dataclasses.fields(cls))


def finding_ddl(table: str, cls: type) -> str:
    columns = ", ".join(f'"{f.name}" {column_type(f)}' for f in dataclasses.fields(cls))
    return (
        f"CREATE TABLE IF NOT EXISTS {table} ({columns});\n"
        f"CREATE INDEX IF NOT EXISTS {table}_doc ON {table}(doc);"
    )


def _major(version: str) -> int:
    try:
        return int(version.split("/", 1)[1].split(".", 1)[0])
    except (IndexError, ValueError):
        return -1


def check_file(path: Path, create: bool) -> bool:
    """Whether ``path`` holds data; :class:`StoreError` when it is not an SQLite file."""
    if not path.exists():
        if path.is_symlink():
            raise StoreError(path, "a broken symbolic link")
        if not create:
            raise StoreError(path, "no such database")
        return False
    if not path.is_file():
        raise StoreError(path, "not a database file (a folder or a special file)")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(path, f"cannot be read: {exc.strerror or exc}") from None
    if not head:
        return False  # an empty file: SQLite makes a new database in it
    if head != SQLITE_MAGIC:
        raise StoreError(path, "not an SQLite database; left untouched")
    return True


def validate(db: sqlite3.Connection, path: Path, thorough: bool) -> set[str]:
    """The tables of a store that is ours; :class:`StoreError` for anything else."""
    try:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        version = None
        if "meta" in tables:
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            version = row[0] if row else None
        if thorough:
            problems = [row[0] for row in db.execute("PRAGMA quick_check(3)")]
            if problems != ["ok"]:
                raise StoreError(path, f"damaged database ({problems[0]}); left untouched")
    except sqlite3.DatabaseError as exc:
        raise StoreError(path, f"damaged database ({exc}); left untouched") from None
    if tables and not (version or "").startswith("rashomon/"):
        shown = ", ".join(sorted(tables)[:4]) + (", …" if len(tables) > 4 else "")
        raise StoreError(path, f"not a Rashomon store (it holds {shown}); left untouched")
    if version and _major(version) > _major(SCHEMA_VERSION):
        raise StoreError(path, f"written by a newer Rashomon ({version}); left untouched")
    return tables


def connect(path: Path, finding_tables: dict[str, type], create: bool, thorough: bool):
    """An open connection to the store at ``path``, created or upgraded as needed."""
    existed = check_file(path, create)
    try:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise StoreError(path, f"cannot be opened ({exc})") from None
    try:
        tables = validate(db, path, thorough) if existed else set()
        wanted = {"meta", "documents", "errors", "runs", "corpus_items", "stories"}
        wanted |= set(finding_tables)
        if not wanted <= tables or _missing_columns(db):
            _create(db, finding_tables)
        # In a read-only folder readers still work in the journal mode the file has.
        with contextlib.suppress(sqlite3.OperationalError):
            db.execute("PRAGMA journal_mode=WAL")
    except sqlite3.DatabaseError as exc:
        db.close()
        raise StoreError(path, f"damaged database ({exc}); left untouched") from None
    except BaseException:
        db.close()
        raise
    return db


def _missing_columns(db: sqlite3.Connection) -> list[tuple[str, str, str]]:
    missing = []
    for table, columns in ADDED_COLUMNS.items():
        have = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        if have:
            missing += [(table, name, decl) for name, decl in columns if name not in have]
    return missing


def _create(db: sqlite3.Connection, finding_tables: dict[str, type]) -> None:
    with db:
        for table, column, declaration in _missing_columns(db):
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")
        db.executescript(CORPUS_DDL)
        for table, cls in finding_tables.items():
            db.executescript(finding_ddl(table, cls))
        db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
