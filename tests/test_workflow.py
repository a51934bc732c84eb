"""The workflow: stage hooks, interrupts and resume, run-to-run duplicates, the
per-input boundary around ingest, and exports that a failed write leaves whole."""

from __future__ import annotations

import errno
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from rashomon import workflow
from rashomon.link.corpus import LINK_STEPS
from rashomon.store import Store

PROJECT = Path(__file__).resolve().parents[1]
CORPUS = PROJECT / "examples" / "corpus"
ARTICLES = [
    CORPUS / "blogs" / "contract-watch" / "boeing_space_launch_bids.txt",
    CORPUS / "web" / "defense-desk" / "gao-tanker-rerun.html",
    CORPUS / "blogs" / "airframe-notes" / "a400m-software-glitch.md",
]


@pytest.fixture
def inputs(tmp_path) -> Path:
    folder = tmp_path / "in"
    for i, article in enumerate(ARTICLES):
        (folder / f"site{i}").mkdir(parents=True)
        shutil.copy(article, folder / f"site{i}" / article.name)
    return folder


class Recorder(workflow.Hooks):
    def __init__(self) -> None:
        self.events: list[tuple] = []
        super().__init__(
            on_error=lambda e: self.events.append(("error", e.source)),
            on_stage=lambda s, n: self.events.append(("stage", s, n)),
            on_advance=lambda s, n: self.events.append(("advance", s, n)),
            on_step=lambda s, n: self.events.append(("step", s, n)),
        )


def test_hooks_report_every_stage_step_and_count(inputs, tmp_path):
    hooks = Recorder()
    result = workflow.analyze([inputs], tmp_path / "out", hooks=hooks)
    stages = [e[1:] for e in hooks.events if e[0] == "stage"]
    assert stages == [
        ("read", None),
        ("extract", 3),
        ("link", len(LINK_STEPS)),
        ("export", len(workflow.EXPORT_STEPS)),
    ]
    assert [e[2] for e in hooks.events if e[:2] == ("step", "link")] == list(LINK_STEPS)
    assert [e[2] for e in hooks.events if e[:2] == ("step", "export")] == list(
        workflow.EXPORT_STEPS
    )
    assert sum(e[2] for e in hooks.events if e[:2] == ("advance", "extract")) == 3
    assert result.extracted == 3 and result.analysed


def test_an_interrupt_keeps_what_was_stored_and_the_next_run_continues(
    inputs, tmp_path, monkeypatch
):
    original = Store.save_document
    calls = []

    def save_then_interrupt(self, analysis, extractor=""):
        original(self, analysis, extractor)
        calls.append(analysis.document.id)
        if len(calls) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(Store, "save_document", save_then_interrupt)
    with pytest.raises(workflow.Interrupted) as stop:
        workflow.analyze([inputs], tmp_path / "out")
    assert (stop.value.stage, stop.value.stored, stop.value.todo) == ("extraction", 2, 3)
    assert stop.value.total == 2
    monkeypatch.setattr(Store, "save_document", original)
    result = workflow.analyze([inputs], tmp_path / "out")
    assert (result.extracted, result.reused) == (1, 2)
    with Store(tmp_path / "out" / "analysis.sqlite") as store:
        assert [run["status"] for run in store.runs()] == ["interrupted", "done"]


def test_a_copy_analysed_in_a_later_run_is_a_duplicate(inputs, tmp_path):
    out = tmp_path / "out"
    workflow.analyze([inputs / "site0"], out)
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(ARTICLES[0], copy / "same-story.txt")
    result = workflow.analyze([copy], out)
    assert result.analysis.duplicates == [
        {"source": str(copy / "same-story.txt"), "duplicate_of": result.analysis.documents[0].id}
    ]
    assert len(result.analysis.documents) == 1


def test_when_ingest_fails_as_a_whole_each_file_is_read_alone(inputs, tmp_path, monkeypatch):
    import rashomon.ingest as ingest

    real = ingest.ingest_paths

    def fragile(paths, **kwargs):
        if any("a400m" in str(p) for p in paths) or any(Path(p).is_dir() for p in paths):
            raise RuntimeError("a reader bug")
        return real(paths, **kwargs)

    monkeypatch.setattr(ingest, "ingest_paths", fragile)
    hooks = Recorder()
    result = workflow.analyze([inputs], tmp_path / "out", hooks=hooks)
    (error,) = result.errors
    assert error.source.endswith("a400m-software-glitch.md")
    assert "could not be read: RuntimeError: a reader bug" in error.reason
    assert [e for e in hooks.events if e[0] == "error"] == [("error", error.source)]
    assert len(result.analysis.documents) == 2


def test_a_full_disk_during_export_leaves_the_previous_exports(inputs, tmp_path, monkeypatch):
    out = tmp_path / "out"
    workflow.analyze([inputs / "site0"], out)
    before = {p.name: hashlib.sha256(p.read_bytes()).digest() for p in out.glob("*.*")}

    def full(descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("rashomon.atomicfile.os.fsync", full)
    with pytest.raises(workflow.OutputError, match="No space left on device"):
        workflow.analyze([inputs], out)
    for name in ("analysis.json", "report.html"):
        assert hashlib.sha256((out / name).read_bytes()).digest() == before[name]
    assert not list(out.glob(".*.tmp"))
    monkeypatch.undo()
    assert len(workflow.analyze([inputs], out).analysis.documents) == 3


def test_out_that_is_a_file_is_refused(tmp_path):
    target = tmp_path / "file"
    target.write_text("x", "utf-8")
    with pytest.raises(workflow.OutputError, match="not a folder"):
        workflow.analyze([ARTICLES[0]], target)


def test_default_size_limit_is_the_same_everywhere():
    from rashomon.cli import DEFAULT_MAX_MB
    from rashomon.ingest import MAX_BYTES

    assert workflow.MAX_BYTES == MAX_BYTES == DEFAULT_MAX_MB * 1_000_000


def test_an_interrupt_while_reading_stores_nothing_and_says_so(inputs, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import rashomon.ingest as ingest
    from rashomon.cli import app

    def interrupted(paths, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(ingest, "ingest_paths", interrupted)
    result = CliRunner().invoke(app, ["analyze", str(inputs), "--out", str(tmp_path / "out")])
    assert result.exit_code == 130
    assert "Interrupted while reading the inputs; nothing new was stored." in result.stderr
    with Store(tmp_path / "out" / "analysis.sqlite") as store:
        assert store.stored_documents() == set()
        assert [run["status"] for run in store.runs()] == ["interrupted"]


def _split_corpus(tmp_path: Path) -> tuple[Path, Path]:
    """The example corpus in two parts, the second telling the same story again."""
    first, second = tmp_path / "in" / "first", tmp_path / "in" / "second"
    for part, names in (
        (first, ("blogs", "web", "broken")),
        (second, ("wikinews", "retellings", "feeds", "wire")),
    ):
        for name in names:
            shutil.copytree(CORPUS / name, part / name)
    return first, second


def _report_data(path: Path) -> str:
    """report.html without the minute it was written."""
    return re.sub(r'"written":"[^"]*"', "", path.read_text("utf-8"))


def test_adding_documents_run_by_run_equals_one_run_on_all(tmp_path):
    first, second = _split_corpus(tmp_path)
    workflow.analyze([first], tmp_path / "steps")
    added = workflow.analyze([second], tmp_path / "steps")
    whole = workflow.analyze([first, second], tmp_path / "whole")
    assert added.extracted > 0 and added.reused == 0
    assert len(added.analysis.documents) == len(whole.analysis.documents) == 12
    steps_json = json.loads(added.json_path.read_text("utf-8"))
    whole_json = json.loads(whole.json_path.read_text("utf-8"))
    assert steps_json["events"] and steps_json["reuse"]  # there is linking to compare
    assert steps_json == whole_json
    assert _report_data(added.html_path) == _report_data(whole.html_path)


def test_a_run_that_adds_nothing_keeps_the_exports_and_reads_the_results_back(tmp_path):
    first, second = _split_corpus(tmp_path)
    done = workflow.analyze([first], tmp_path / "out")
    before = {p: p.stat().st_mtime_ns for p in (done.json_path, done.html_path)}
    again = workflow.analyze([first], tmp_path / "out")
    assert again.extracted == 0 and again.reused == len(done.analysis.documents)
    assert {p: p.stat().st_mtime_ns for p in before} == before  # not written again
    assert again.analysis == done.analysis
    assert again.words == done.words
    done.json_path.unlink()  # an export gone: written again
    workflow.analyze([first], tmp_path / "out")
    assert done.json_path.is_file()
    grown = workflow.analyze([second], tmp_path / "out")  # new documents: linked again
    assert len(grown.analysis.documents) > len(done.analysis.documents)
    assert before[done.html_path] != done.html_path.stat().st_mtime_ns


def test_the_lemma_forms_a_run_keeps_are_the_rules_own_and_a_later_run_uses_them(inputs, tmp_path):
    from rashomon.extract.events import derivation

    workflow.analyze([inputs], tmp_path / "out")
    with Store(tmp_path / "out" / "analysis.sqlite") as store:
        kept = store.load_lemma_forms()
    prefix = derivation.forms_version() + "|"
    assert len(kept) > 50 and all(key.startswith(prefix) for key in kept)
    for key, forms in kept.items():  # what a later run reads is what the rules give
        assert frozenset(json.loads(forms)) == derivation.rule_forms(key.removeprefix(prefix))
    derivation.remember_forms(
        {prefix + "zzqxv": '["kept"]', "another-model/rules|zzqxw": '["stale"]'}
    )
    assert derivation.lemma_forms("zzqxv") == {"kept"}  # remembered, not worked out again
    assert derivation.lemma_forms("zzqxw") == {"zzqxw"}  # another model's forms are not used
