"""Two runs on one output folder, and readers during a write."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path

from rashomon.ingest import ingest_paths
from rashomon.report.json_export import validate_export

from .conftest import finish, spawn


def split_corpus(many_articles: Path, tmp_path: Path) -> tuple[Path, Path]:
    places = sorted(many_articles.iterdir())[:6]
    halves = (tmp_path / "first", tmp_path / "second")
    for k, half in enumerate(halves):
        half.mkdir()
        for place in places[k::2]:
            shutil.copytree(place, half / place.name)
    return halves


def test_two_runs_on_one_out_both_finish_and_the_store_holds_both(tmp_path, many_articles):
    first, second = split_corpus(many_articles, tmp_path)
    out = tmp_path / "out"
    runs = [spawn("analyze", half, "--out", out, "--workers", "1") for half in (first, second)]
    results = [finish(run) for run in runs]
    for code, _, stderr in results:
        assert code == 0, stderr
        assert "Traceback" not in stderr
    expected = {d.id for d in ingest_paths([first, second]).documents}
    with sqlite3.connect(out / "analysis.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in db.execute("SELECT id FROM documents")}
        statuses = [row[0] for row in db.execute("SELECT status FROM runs")]
    assert stored == expected
    assert statuses == ["done", "done"]
    final = json.loads((out / "analysis.json").read_text("utf-8"))
    assert {d["id"] for d in final["documents"]} == expected  # the later run linked both


def test_readers_during_a_write_see_a_whole_analysis(tmp_path, many_articles):
    first, second = split_corpus(many_articles, tmp_path)
    out = tmp_path / "out"
    assert finish(spawn("analyze", first, "--out", out, "--workers", "1"))[0] == 0
    writer = spawn("analyze", second, "--out", out, "--workers", "1")
    reads = 0
    while writer.poll() is None or reads == 0:
        code, stdout, stderr = finish(spawn("export", out), timeout=60)
        assert code == 0, stderr
        data = json.loads(stdout)
        validate_export(data)
        texts = {d["id"]: d["text"] for d in data["documents"]}
        for entity in data["entities"]:
            for mention in entity["mentions"]:
                assert texts[mention["doc"]][mention["start"] : mention["end"]] == mention["text"]
        reads += 1
        time.sleep(0.1)
    assert finish(writer)[0] == 0
    assert reads >= 1
