"""Interrupts and kills at chosen points, in real subprocesses: nothing stored is lost,
the previous exports stay whole, and the next run continues where it stopped."""

from __future__ import annotations

import hashlib
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from rashomon.ingest import ingest_paths

from .conftest import alive, children, count_documents, finish, spawn, wait_for_documents


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def subset(many_articles: Path, folder: Path, count: int) -> Path:
    folder.mkdir()
    for place in sorted(many_articles.iterdir())[:count]:
        shutil.copytree(place, folder / place.name)
    return folder


@pytest.fixture(scope="module")
def some_articles(many_articles, tmp_path_factory) -> Path:
    """Twelve distinct real articles: enough to interrupt an extraction half-way."""
    return subset(many_articles, tmp_path_factory.mktemp("kills") / "some", 12)


@pytest.fixture(scope="module")
def few_articles(many_articles, tmp_path_factory) -> Path:
    """Four: enough to reach linking and export quickly."""
    return subset(many_articles, tmp_path_factory.mktemp("kills") / "few", 4)


@pytest.fixture(scope="module")
def expected(some_articles) -> int:
    return len(ingest_paths([some_articles]).documents)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, many_articles) -> Path:
    out = tmp_path_factory.mktemp("seeded") / "out"
    last = sorted(many_articles.iterdir())[-1]
    code, _, stderr = finish(spawn("analyze", last, "--out", out, "--workers", "1"))
    assert code == 0, stderr
    return out


@pytest.fixture
def seeded_out(seeded, tmp_path) -> Path:
    """An output folder with a finished analysis of one article: exports to keep whole."""
    shutil.copytree(seeded, tmp_path / "out")
    return tmp_path / "out"


def exports(out: Path) -> dict[str, str]:
    return {name: digest(out / name) for name in ("analysis.json", "report.html")}


def integrity(out: Path) -> None:
    with sqlite3.connect(out / "analysis.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def resume(out: Path, corpus: Path, expected: int) -> str:
    code, stdout, stderr = finish(spawn("analyze", corpus, "--out", out, "--workers", "1"))
    assert code == 0, stderr
    assert count_documents(out / "analysis.sqlite") == expected
    return stdout


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupt_stops_within_two_seconds_and_keeps_every_stored_article(
    sig, seeded_out, some_articles, expected
):
    before = exports(seeded_out)
    run = spawn("analyze", some_articles, "--out", seeded_out, "--workers", "2")
    wait_for_documents(seeded_out / "analysis.sqlite", 4, run)
    workers = children(run.pid)
    sent = time.monotonic()
    run.send_signal(sig)
    code, _, stderr = finish(run, timeout=30)
    stopped = time.monotonic() - sent
    assert code == 130, stderr
    assert stopped < 2.0, f"took {stopped:.2f} s to stop"
    assert "Interrupted during extraction" in stderr and "Traceback" not in stderr
    kept = count_documents(seeded_out / "analysis.sqlite")
    assert f"({kept} in " in stderr
    assert kept >= 4
    assert exports(seeded_out) == before
    time.sleep(0.5)
    assert not [pid for pid in workers if alive(pid)]
    integrity(seeded_out)
    if sig == signal.SIGINT:
        stdout = resume(seeded_out, some_articles, expected + 1)
        assert f"{kept - 1} document(s) already analysed" in stdout.replace("\n", " ")


def test_kill_9_of_the_main_process_ends_its_workers_and_loses_only_work_in_flight(
    seeded_out, some_articles, expected
):
    run = spawn("analyze", some_articles, "--out", seeded_out, "--workers", "2")
    wait_for_documents(seeded_out / "analysis.sqlite", 4, run)
    workers = children(run.pid)
    assert workers
    run.send_signal(signal.SIGKILL)
    finish(run)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if alive(pid)], "pool workers outlived their parent"
    integrity(seeded_out)
    assert count_documents(seeded_out / "analysis.sqlite") >= 4
    resume(seeded_out, some_articles, expected + 1)


def test_a_kill_after_the_third_save_keeps_exactly_three(seeded_out, few_articles):
    before = exports(seeded_out)
    stored = count_documents(seeded_out / "analysis.sqlite")
    run = spawn(
        "analyze", few_articles, "--out", seeded_out, "--workers", "1",
        driver=["--kill-after-saves", "3"],
    )  # fmt: skip
    code, _, _ = finish(run)
    assert code == -signal.SIGKILL
    assert count_documents(seeded_out / "analysis.sqlite") == stored + 3
    assert exports(seeded_out) == before
    resume(seeded_out, few_articles, stored + len(ingest_paths([few_articles]).documents))
    with sqlite3.connect(seeded_out / "analysis.sqlite") as db:
        statuses = [row[0] for row in db.execute("SELECT status FROM runs ORDER BY id")]
    assert statuses == ["done", "killed", "done"]


@pytest.mark.parametrize("step", ["entities", "framing"])
def test_a_kill_during_linking_leaves_the_previous_results(step, seeded_out, few_articles):
    before = exports(seeded_out)
    with sqlite3.connect(seeded_out / "analysis.sqlite") as db:
        entities = db.execute("SELECT COUNT(*) FROM entities").fetchone()[0]
    run = spawn(
        "analyze", few_articles, "--out", seeded_out, "--workers", "1",
        driver=["--kill-in-link", step],
    )  # fmt: skip
    assert finish(run)[0] == -signal.SIGKILL
    assert exports(seeded_out) == before
    integrity(seeded_out)
    with sqlite3.connect(seeded_out / "analysis.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM entities").fetchone()[0] == entities


def test_an_interrupt_during_linking_says_so(seeded_out, few_articles):
    run = spawn(
        "analyze", few_articles, "--out", seeded_out, "--workers", "1",
        driver=["--interrupt-in-link", "events"],
    )  # fmt: skip
    code, _, stderr = finish(run)
    assert code == 130 and "Interrupted during linking" in stderr


@pytest.mark.parametrize("name", ["analysis.json", "report.html"])
def test_a_kill_while_an_export_is_written_leaves_the_previous_file(name, seeded_out, few_articles):
    before = exports(seeded_out)
    run = spawn(
        "analyze", few_articles, "--out", seeded_out, "--workers", "1",
        driver=["--kill-before-rename", name],
    )  # fmt: skip
    assert finish(run)[0] == -signal.SIGKILL
    assert digest(seeded_out / name) == before[name]
    assert list(seeded_out.glob(f".{name}.*.tmp")), "the kill came after the temporary file"
    code, _, stderr = finish(spawn("export", seeded_out, "--out", seeded_out / "again.json"))
    assert code == 0, stderr
    resume_code = finish(spawn("analyze", few_articles, "--out", seeded_out, "--workers", "1"))
    assert resume_code[0] == 0
    assert not list(seeded_out.glob(".*.tmp")), "stale temporaries are removed"


def test_a_full_disk_while_storing_is_one_line_and_keeps_what_was_stored(seeded_out, few_articles):
    before = exports(seeded_out)
    size = (seeded_out / "analysis.sqlite").stat().st_size
    wal = seeded_out / "analysis.sqlite-wal"
    limit = max(size, wal.stat().st_size if wal.exists() else 0) + 64 * 1024
    run = spawn(
        "analyze", few_articles, "--out", seeded_out, "--workers", "1",
        driver=["--file-size-limit", str(limit)],
    )  # fmt: skip
    code, _, stderr = finish(run)
    assert code == 1, stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error ")]
    assert len(errors) == 1 and "analysis.sqlite" in errors[0], stderr
    assert "Traceback" not in stderr
    assert exports(seeded_out) == before
    integrity(seeded_out)
