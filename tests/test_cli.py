"""End to end: `rashomon analyze` on the bundled example corpus, and `rashomon export`.

The example corpus is real Wikinews text saved in dirty real-world formats;
``examples/corpus_manifest.json`` records what each file holds (body sentences,
inserted boilerplate, stated metadata), so the checks below hold for any
article the corpus builder chose.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.report.json_export import validate_export

PROJECT = Path(__file__).resolve().parents[1]
EXAMPLE_CORPUS = PROJECT / "examples" / "corpus"
MANIFEST = json.loads((PROJECT / "examples" / "corpus_manifest.json").read_text("utf-8"))
runner = CliRunner()


def manifest_entries():
    for entry in MANIFEST["files"]:
        if entry.get("records"):
            yield from entry["records"]
        else:
            yield entry


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(
        app, ["analyze", str(EXAMPLE_CORPUS), "--out", str(out), "--workers", "2"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "analysis.json").read_text("utf-8"))
    return out, result.output, data


def by_source(data):
    def key(source: str) -> str:
        return source.replace("\\", "/").split("examples/corpus/")[-1].replace("#line ", "#")

    return {key(d["source"]): d for d in data["documents"]}


def test_writes_the_three_outputs_with_a_summary(analysed):
    out, output, data = analysed
    assert (out / "analysis.sqlite").stat().st_size > 0
    html = (out / "report.html").read_text("utf-8")
    assert "<mark" in html and data["documents"][0]["title"] in html
    for column in ("documents", "words", "entities", "dates", "quotes", "quantities", "failures"):
        assert column in output
    validate_export(data)


def test_every_offset_points_at_its_text(analysed):
    _, _, data = analysed
    texts = {d["id"]: d["text"] for d in data["documents"]}
    spans = [m for e in data["entities"] for m in e["mentions"]]
    spans += data["times"] + data["quantities"] + data["quotes"]
    assert spans
    for span in spans:
        assert texts[span["doc"]][span["start"] : span["end"]] == span["text"]


def test_bad_files_are_reported_and_the_batch_goes_on(analysed):
    _, output, data = analysed
    failed = {e["source"].replace("\\", "/").split("examples/corpus/")[-1] for e in data["errors"]}
    expected = {e["path"] for e in manifest_entries() if e.get("status") == "skip"}
    assert expected and expected <= failed
    for path in expected:
        assert path in output
    ok = [e for e in manifest_entries() if e.get("status") == "ok"]
    assert len(data["documents"]) == len(ok)


def test_exact_duplicate_is_stored_once(analysed):
    _, _, data = analysed
    dupes = [e for e in manifest_entries() if e.get("status") == "duplicate"]
    assert len(data["duplicates"]) == len(dupes) > 0


def test_body_kept_boilerplate_removed_metadata_found(analysed):
    _, _, data = analysed
    docs = by_source(data)
    for entry in manifest_entries():
        if entry.get("status") != "ok":
            continue
        # Of two identical files either may be the one kept.
        copies = [e["path"] for e in manifest_entries() if e.get("duplicate_of") == entry["path"]]
        doc = docs.get(entry["path"]) or next(docs[c] for c in copies if c in docs)
        text = " ".join(doc["text"].split())
        for sentence in entry["body_sentences"]:
            assert " ".join(sentence.split()) in text, (entry["path"], sentence)
        kept_lines = {kept.strip() for kept in doc["text"].splitlines()}
        for line in entry.get("boilerplate_lines", []):
            assert line.strip() not in kept_lines, (entry["path"], line)
            if len(line.split()) > 5:
                assert line.strip() not in doc["text"], (entry["path"], line)
        assert doc["published"] and doc["published"].startswith(entry["published"]), entry["path"]
        assert doc["title"] == entry["title"], entry["path"]


def test_dates_are_anchored_on_the_publication_date(analysed):
    _, _, data = analysed
    docs = {d["id"]: d for d in data["documents"]}
    years = [
        t
        for t in data["times"]
        if t["type"] == "DATE" and len(t["value"] or "") >= 4 and t["value"][:4].isdigit()
    ]
    assert len(years) > 20
    # Articles from 2004-2010 talk about those years (and plans a few years ahead),
    # never about the year the analysis runs in.
    for t in years:
        assert 1900 < int(t["value"][:4]) <= int(docs[t["doc"]]["published"][:4]) + 15, t
    anchored = [t for t in data["times"] if t["anchor"]]
    assert anchored, "relative dates are resolved against the publication date"


def test_quotes_have_speakers_tied_to_entities(analysed):
    _, _, data = analysed
    direct = [q for q in data["quotes"] if q["direct"]]
    assert len(direct) >= 5
    ids = {e["id"] for e in data["entities"]}
    tied = [q for q in data["quotes"] if q["speaker_entity"]]
    assert tied and all(q["speaker_entity"] in ids for q in tied)


def test_export_from_the_store_equals_the_analysis(analysed, tmp_path):
    out, _, data = analysed
    target = tmp_path / "again.json"
    result = runner.invoke(app, ["export", str(out / "analysis.sqlite"), "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text("utf-8")) == data


def new_article(tmp_path):
    """A folder with one short real-style article the example corpus does not hold."""
    extra = tmp_path / "new"
    extra.mkdir()
    (extra / "note.txt").write_text(
        "Boeing files protest\n\nBoeing filed a formal protest with the Government "
        "Accountability Office on March 11, 2008, saying the Air Force had made errors.\n",
        "utf-8",
    )
    return extra


def test_second_run_reuses_stored_documents_and_adds_new_ones(analysed, tmp_path):
    out, _, data = analysed
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    extra = new_article(tmp_path)
    result = runner.invoke(app, ["analyze", str(extra), "--out", str(copy)])
    assert result.exit_code == 0, result.output
    again = json.loads((copy / "analysis.json").read_text("utf-8"))
    assert {d["id"] for d in data["documents"]} < {d["id"] for d in again["documents"]}
    with sqlite3.connect(copy / "analysis.sqlite") as db:
        assert (
            db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == len(data["documents"]) + 1
        )


def test_no_readable_document_is_a_failure(tmp_path):
    broken = tmp_path / "in"
    broken.mkdir()
    (broken / "empty.txt").write_text("", "utf-8")
    (broken / "blob.html").write_bytes(b"\x00\x01\x02binary\x00" * 40)
    result = runner.invoke(app, ["analyze", str(broken), "--out", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert "empty.txt" in result.output and "blob.html" in result.output


def test_export_of_a_missing_database_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["export", str(tmp_path / "nope.sqlite")])
    assert result.exit_code == 2
    assert "nope.sqlite" in result.output


def test_timeline_of_an_entity_in_time_order(analysed):
    out, _, data = analysed
    result = runner.invoke(app, ["timeline", str(out / "analysis.sqlite"), "boeing"])
    assert result.exit_code == 0, result.output
    assert "Timeline of Boeing" in result.output
    boeing = next(e for e in data["entities"] if e["name"] == "Boeing")
    events = {e["id"]: e for e in data["events"]}
    dated = [events[i]["time"]["value"] for i in data["timelines"][boeing["id"]]]
    years = [int(v[:4]) for v in dated if v and v[:4].isdigit()]
    assert len(years) >= 5 and years == sorted(years)


def test_timeline_of_an_unknown_entity_is_a_clear_error(analysed):
    out, _, _ = analysed
    result = runner.invoke(app, ["timeline", str(out / "analysis.sqlite"), "Nonexistent Corp"])
    assert result.exit_code == 1
    assert "Nonexistent Corp" in result.output


def test_compare_shows_facts_and_framing(analysed):
    out, _, data = analysed
    result = runner.invoke(app, ["compare", str(out / "analysis.sqlite"), "--top", "5"])
    assert result.exit_code == 0, result.output
    assert "facts:" in result.output and "Framing" in result.output
    assert "Agreed facts" in result.output
    # the example's reports of the tanker award give its value as $35 and as $40 billion
    disputes = [f for f in data["facts"] if any(c["kind"] == "dispute" for c in f["conflicts"])]
    assert disputes and disputes[0]["slot"] == "count:money:USD"
    values = {v["value"] for v in disputes[0]["values"]}
    assert {"35000000000", "40000000000"} <= values
    assert "Disputed facts" in result.output
    assert data["framing"]
    events = {e["id"]: e for e in data["events"]}
    for fact in data["facts"]:
        # the example's copied paragraph and its original are one value (one voice)
        for value in fact["values"]:
            for s in value["statements"]:
                same = value["value"]
                twins = [v for v in fact["values"] if v is not value and v["value"] == same]
                assert not any(o["doc"] == s["copied_from"] for v in twins for o in v["statements"])
        stating = {s["doc"] for v in fact["values"] for s in v["statements"]}
        assert stating and not stating & set(fact["omitted"])
        assert set(fact["omitted"]) <= set(events[fact["event"]]["docs"])
        for conflict in fact["conflicts"]:
            assert conflict["a"] < len(fact["values"]) and conflict["b"] < len(fact["values"])


def test_no_exports_then_export_all_writes_what_analyze_writes(analysed, tmp_path):
    out, _, data = analysed
    later = tmp_path / "later"
    shutil.copytree(out, later)
    extra = new_article(tmp_path)
    result = runner.invoke(app, ["analyze", str(extra), "--out", str(later), "--no-exports"])
    assert result.exit_code == 0, result.output
    assert "out of date" in result.output and "--all" in result.output
    assert json.loads((later / "analysis.json").read_text("utf-8")) == data  # left as it was
    result = runner.invoke(app, ["export", str(later), "--all"])
    assert result.exit_code == 0, result.output
    now = tmp_path / "now"  # the same documents in one ordinary run
    shutil.copytree(out, now)
    assert runner.invoke(app, ["analyze", str(extra), "--out", str(now)]).exit_code == 0
    written = json.loads((later / "analysis.json").read_text("utf-8"))
    assert len(written["documents"]) == len(data["documents"]) + 1
    assert written == json.loads((now / "analysis.json").read_text("utf-8"))
    assert (later / "report.html").stat().st_size > 0
