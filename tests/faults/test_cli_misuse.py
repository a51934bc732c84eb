"""Command-line misuse: a usage error naming the value, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import GOOD, analyze, cli_env, invoke


def flat(text: str) -> str:
    """A usage error's words, without the box typer draws around them."""
    return " ".join(text.replace("│", " ").split())


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-5", "0", "abc", ""])
def test_max_mb_must_be_a_positive_number(value, tmp_path):
    run = invoke(["analyze", str(GOOD), "--out", str(tmp_path / "out"), "--max-mb", value])
    assert run.code == 2 and run.exception is None
    assert "--max-mb" in run.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("value", ["-3", "two", "1.5"])
def test_workers_must_be_a_count(value, tmp_path):
    run = invoke(["analyze", str(GOOD), "--out", str(tmp_path / "out"), "--workers", value])
    assert run.code == 2 and "--workers" in run.stderr


def test_out_must_not_be_an_existing_file(tmp_path):
    target = tmp_path / "report.txt"
    target.write_text("keep me", "utf-8")
    run = invoke(["analyze", str(GOOD), "--out", str(target)])
    assert run.code == 2 and "not a folder" in flat(run.stderr)
    assert target.read_text("utf-8") == "keep me"


def test_analyze_needs_paths():
    assert invoke(["analyze"]).code == 2


def test_unknown_command_and_option():
    assert invoke(["analyse-everything"]).code == 2
    assert invoke(["compare", ".", "--colour"]).code == 2


@pytest.mark.parametrize("command", [["timeline", "x", "Boeing"], ["compare"], ["export"]])
def test_readers_name_a_missing_database(command, tmp_path):
    missing = tmp_path / "nothing-here"
    argv = [command[0], str(missing), *command[2:]]
    run = invoke(argv)
    assert run.code == 2 and run.exception is None
    assert "nothing-here" in run.stderr and "no such database" in flat(run.stderr)


def test_readers_name_a_folder_without_a_store(tmp_path):
    run = invoke(["compare", str(tmp_path)])
    assert run.code == 2 and "no analysis.sqlite" in flat(run.stderr)


@pytest.mark.parametrize("given", ["folder", "file"])
def test_timeline_compare_export_accept_the_folder_or_the_store(given, analysed_out):
    target = analysed_out if given == "folder" else analysed_out / "analysis.sqlite"
    timeline = invoke(["timeline", str(target), "Boeing"])
    assert timeline.code == 0 and "Timeline of Boeing" in timeline.stdout
    compare = invoke(["compare", str(target), "--top", "3"])
    assert compare.code == 0 and "documents" in compare.stdout
    exported = invoke(["export", str(target)])
    assert exported.code == 0
    assert json.loads(exported.stdout) == json.loads(
        (analysed_out / "analysis.json").read_text("utf-8")
    )


def test_compare_top_must_be_positive(analysed_out):
    assert invoke(["compare", str(analysed_out), "--top", "0"]).code == 2


def test_export_out_may_not_be_a_folder(analysed_out, tmp_path):
    run = invoke(["export", str(analysed_out), "--out", str(tmp_path)])
    assert run.code == 2 and run.exception is None


def test_timeline_of_a_markup_query_is_no_such_entity(analysed_out):
    run = invoke(["timeline", str(analysed_out), "[/x]"])
    assert run.code == 1 and run.exception is None
    assert "[/x]" in run.stdout + run.stderr


def test_an_unexpected_failure_is_one_line_and_a_traceback_with_debug(tmp_path, monkeypatch):
    from rashomon import workflow

    def broken(*args, **kwargs):
        raise RuntimeError("something inside broke")

    monkeypatch.setattr(workflow, "analyze", broken)
    run = invoke(["analyze", str(GOOD), "--out", str(tmp_path / "out")])
    assert run.code == 1 and run.exception is None
    (line,) = run.error_lines
    assert "something inside broke" in line and "--debug" in line
    debug = invoke(["--debug", "analyze", str(GOOD), "--out", str(tmp_path / "out")])
    assert isinstance(debug.exception, RuntimeError)


def test_remove_names_what_matched_nothing(out_copy):
    run = invoke(["remove", str(out_copy), "no/such/article.txt"])
    assert run.code == 1
    assert "no/such/article.txt" in run.stderr and "no stored document" in run.stderr


def test_remove_by_source_relinks_and_rewrites_the_exports(out_copy):
    before = json.loads((out_copy / "analysis.json").read_text("utf-8"))
    gao = next(d for d in before["documents"] if d["source"].endswith("gao.html"))
    run = invoke(["remove", str(out_copy), gao["source"]])
    assert run.code == 0, run.stderr
    after = json.loads((out_copy / "analysis.json").read_text("utf-8"))
    assert [d["id"] for d in after["documents"]] == [
        d["id"] for d in before["documents"] if d["id"] != gao["id"]
    ]
    assert all(m["doc"] != gao["id"] for e in after["entities"] for m in e["mentions"])
    assert gao["id"] not in (out_copy / "report.html").read_text("utf-8")


def test_remove_by_id_and_then_add_back(out_copy, tmp_path):
    before = json.loads((out_copy / "analysis.json").read_text("utf-8"))
    good = next(d for d in before["documents"] if d["source"].endswith("good.txt"))
    assert invoke(["remove", str(out_copy / "analysis.sqlite"), good["id"]]).code == 0
    assert len(json.loads((out_copy / "analysis.json").read_text("utf-8"))["documents"]) == 1
    again = analyze(good["source"], out=out_copy)
    assert again.code == 0
    assert len(again.data["documents"]) == 2


def test_help_does_not_import_the_models_stack():
    probe = (
        "import sys, runpy; sys.argv = ['rashomon', '--help']\n"
        "try:\n    runpy.run_module('rashomon', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "heavy = [m for m in ('spacy', 'onnxruntime', 'rashomon.link', 'rashomon.extract.pipeline',"
        " 'rashomon.ingest.pipeline', 'scipy', 'trafilatura') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], env=cli_env(), capture_output=True, text=True, timeout=60
    )
    assert "analyze" in done.stdout
    assert "HEAVY []" in done.stdout, done.stdout[-300:]
