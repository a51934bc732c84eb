"""A store that is not ours, or is damaged: reported in one line and left untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from rashomon.store import Store, StoreError

from .conftest import analyze, check_batch, folder_with_good, invoke


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def garbage(db: Path) -> None:
    db.write_bytes(b"this is a spreadsheet, not a database\n" * 200)


def foreign(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        connection.execute("INSERT INTO invoices VALUES (1, 99.5)")
    connection.close()


def newer(db: Path) -> None:
    Store(db).close()
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE meta SET value = 'rashomon/9.0' WHERE key = 'schema'")
    connection.close()


def truncated(db: Path, source: Path) -> None:
    db.write_bytes(source.read_bytes()[: 4096 + 100])


def damaged(db: Path, source: Path) -> None:
    data = bytearray(source.read_bytes())
    for offset in range(4096, len(data), 4096):  # every page after the first: noise
        data[offset + 8 : offset + 200] = b"\xa5" * 192
    db.write_bytes(bytes(data))


MAKERS: dict[str, Callable[..., None]] = {
    "not a database": garbage,
    "a foreign SQLite database": foreign,
    "a store of a newer Rashomon": newer,
    "a truncated store": truncated,
    "a store with damaged pages": damaged,
}


def make_store(kind: str, db: Path, analysed_out: Path) -> None:
    maker = MAKERS[kind]
    source = analysed_out / "analysis.sqlite"
    if kind in ("a truncated store", "a store with damaged pages"):
        with sqlite3.connect(source) as connection:  # every page in the main file
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
        maker(db, source)
    else:
        maker(db)


@pytest.mark.parametrize("kind", MAKERS)
def test_analyze_reports_the_store_and_leaves_it_untouched(kind, tmp_path, analysed_out):
    out = tmp_path / "out"
    out.mkdir()
    db = out / "analysis.sqlite"
    make_store(kind, db, analysed_out)
    before = digest(db)
    run = analyze(folder_with_good(tmp_path), out=out)
    assert run.code == 2 and run.exception is None, run.stderr
    (line,) = run.error_lines
    assert "analysis.sqlite" in line and "left untouched" in line
    assert digest(db) == before
    assert not (out / "analysis.json").exists()


@pytest.mark.parametrize("command", [["compare"], ["timeline", "Boeing"], ["export"]])
@pytest.mark.parametrize("kind", ["not a database", "a foreign SQLite database"])
def test_readers_report_the_store_and_leave_it_untouched(command, kind, tmp_path, analysed_out):
    db = tmp_path / "analysis.sqlite"
    make_store(kind, db, analysed_out)
    before = digest(db)
    run = invoke([command[0], str(db), *command[1:]])
    assert run.code == 2 and run.exception is None
    assert len(run.error_lines) == 1 and "analysis.sqlite" in run.error_lines[0]
    assert digest(db) == before


def test_an_empty_file_becomes_a_new_store(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "analysis.sqlite").write_bytes(b"")
    check_batch(analyze(folder_with_good(tmp_path), out=out), None)


def test_a_folder_where_the_store_should_be(tmp_path):
    out = tmp_path / "out"
    (out / "analysis.sqlite").mkdir(parents=True)
    run = analyze(folder_with_good(tmp_path), out=out)
    assert run.code == 2 and "not a database file" in run.error_lines[0]


def test_an_older_store_gains_the_new_columns_and_keeps_its_documents(tmp_path, analysed_out):
    out = tmp_path / "out"
    out.mkdir()
    db = out / "analysis.sqlite"
    db.write_bytes((analysed_out / "analysis.sqlite").read_bytes())
    with sqlite3.connect(db) as connection:  # the layout before run logs and blocks
        connection.execute("DROP TABLE runs")
        connection.execute("ALTER TABLE errors DROP COLUMN run")
        connection.execute("ALTER TABLE errors DROP COLUMN stage")
        connection.execute("ALTER TABLE duplicates DROP COLUMN run")
        connection.execute("DROP INDEX corpus_items_block")
        connection.execute("ALTER TABLE corpus_items DROP COLUMN block")
        stored = connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    connection.close()
    run = analyze(folder_with_good(tmp_path), out=out)
    check_batch(run, None)
    assert len(run.data["documents"]) == stored
    with Store(db) as store:
        assert store.runs()[-1]["status"] == "done"


def test_store_error_says_why(tmp_path):
    db = tmp_path / "analysis.sqlite"
    garbage(db)
    with pytest.raises(StoreError, match="not an SQLite database"):
        Store(db)
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.sqlite", create=False)
    assert not (tmp_path / "missing.sqlite").exists()
