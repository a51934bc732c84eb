"""The run log: every run's errors and duplicates are kept; the export shows the current ones."""

from __future__ import annotations

from rashomon.model import Document, DocumentAnalysis, IngestError
from rashomon.store import Store

# Wikinews, "Boeing allowed to bid for U.S. space launch contracts again" (CC BY 2.5).
TEXT = "Boeing had been suspended since July 24, 2003 after violating federal law."


def analysis(doc_id: str, source: str, text: str = TEXT) -> DocumentAnalysis:
    return DocumentAnalysis(document=Document(doc_id, source, text), words=len(text.split()))


def test_every_runs_errors_are_kept_and_the_latest_shown(tmp_path):
    with Store(tmp_path / "a.sqlite") as store:
        first = store.begin_run(["in"])
        errors = [IngestError("a.txt", "empty file"), IngestError("b.txt", "binary")]
        store.record_errors(errors, first)
        store.end_run(first, "done")
        second = store.begin_run(["in"])
        store.record_errors([IngestError("b.txt", "binary file (NUL bytes)", "decode")], second)
        store.record_errors([IngestError("b.txt", "binary file (NUL bytes)", "decode")], second)
        store.end_run(second, "done")
        rows = store.db.execute("SELECT source, run FROM errors ORDER BY rowid").fetchall()
        assert rows == [("a.txt", first), ("b.txt", first), ("b.txt", second)]
        assert store.load_errors() == [
            IngestError("a.txt", "empty file"),
            IngestError("b.txt", "binary file (NUL bytes)", "decode"),
        ]


def test_an_error_fixed_by_a_later_run_is_no_longer_shown(tmp_path):
    with Store(tmp_path / "a.sqlite") as store:
        store.record_errors([IngestError("a.txt", "empty file")], store.begin_run(["a.txt"]))
        store.save_document(analysis("d1", "a.txt"))
        assert store.load_errors() == []
        assert store.load_analysis().errors == []


def test_duplicates_of_every_run_are_kept_while_the_original_is_stored(tmp_path):
    with Store(tmp_path / "a.sqlite") as store:
        store.save_document(analysis("d1", "a.txt"))
        for copy in ("copy.txt", "copy2.txt"):
            store.record_duplicates([{"source": copy, "duplicate_of": "d1"}], store.begin_run([]))
        store.record_duplicates([{"source": "x.txt", "duplicate_of": "gone"}], None)
        assert [d["source"] for d in store.load_duplicates()] == ["copy.txt", "copy2.txt"]


def test_a_run_left_running_is_marked_killed_by_the_next(tmp_path):
    with Store(tmp_path / "a.sqlite") as store:
        store.begin_run(["in"])  # never ended: the process was killed
    with Store(tmp_path / "a.sqlite") as store:
        run = store.begin_run(["in"])
        store.end_run(run, "done", extracted=3, failed=1)
        assert [(r["status"], r["extracted"], r["failed"]) for r in store.runs()] == [
            ("killed", 0, 0),
            ("done", 3, 1),
        ]


def test_remove_by_source_folder_jsonl_file_or_id(tmp_path):
    with Store(tmp_path / "a.sqlite") as store:
        store.save_document(analysis("d1", "in/a.txt"))
        store.save_document(analysis("d2", "in/feed.jsonl#line 2", TEXT + " Two."))
        store.save_document(analysis("d3", "other/b.txt", TEXT + " Three."))
        matches = store.match_documents(["in/feed.jsonl", "d3", "in", "nothing.txt"])
        assert [doc for doc, _ in matches["in/feed.jsonl"]] == ["d2"]
        assert [doc for doc, _ in matches["d3"]] == ["d3"]
        assert sorted(doc for doc, _ in matches["in"]) == ["d1", "d2"]
        assert matches["nothing.txt"] == []
        assert store.remove_documents(["d2", "d3"]) == ["d2", "d3"]
        assert store.stored_documents() == {"d1"}
        left = store.db.execute("SELECT COUNT(*) FROM sentences WHERE doc = 'd2'").fetchone()
        assert left == (0,)


def test_removing_a_document_with_a_duplicate_keeps_the_text_under_the_duplicate(tmp_path):
    with Store(tmp_path / "a.sqlite") as store:
        store.save_document(analysis("d1", "a.txt"))
        store.record_duplicates([{"source": "copy.txt", "duplicate_of": "d1"}], None)
        assert store.remove_documents(["d1"]) == []  # the copy takes its place
        assert store.document_sources() == {"d1": "copy.txt"}
        assert store.load_duplicates() == []


def test_strings_utf8_cannot_hold_are_stored_with_a_replacement(tmp_path):
    text = "Boeing \ud800 bid again."
    with Store(tmp_path / "a.sqlite") as store:
        store.save_document(analysis("d1", "caf\udce9.txt", text))
        (loaded,) = store.load_documents()
    assert loaded.document.source == "caf\ufffd.txt"
    assert loaded.document.text == "Boeing \ufffd bid again."
    assert len(loaded.document.text) == len(text)


def test_documents_load_in_source_order_whatever_order_they_were_stored(tmp_path):
    with Store(tmp_path / "a.sqlite") as store:
        for doc_id, source in (("d3", "c.txt"), ("d1", "a.txt"), ("d2", "b.txt")):
            store.save_document(analysis(doc_id, source, TEXT + doc_id))
        assert [a.document.source for a in store.load_documents()] == ["a.txt", "b.txt", "c.txt"]
