"""A document that breaks, hangs or kills extraction costs one line; the rest is analysed."""

from __future__ import annotations

import textwrap
import time

import pytest

from rashomon.extract import pipeline
from rashomon.extract.runner import Limits, run_extraction
from rashomon.model import Document, IngestError

from .conftest import analyze, check_batch, folder_with_good

MARKER = "Zanzibar-marker"
# Wikinews, "Boeing allowed to bid for U.S. space launch contracts again" (CC BY 2.5).
TEXTS = [
    "Boeing had been suspended since July 24, 2003 after violating federal law.",
    "The USAF and Boeing have signed an interim agreement to protect the Air Force's interests.",
    f"Lockheed Martin's Atlas V and Boeing's Delta IV are two types of rocket. {MARKER}",
    "The suspension was lifted on Friday, the Air Force said in a statement.",
]


def documents() -> list[Document]:
    return [
        Document(f"d{i}", f"doc{i}.txt", text, published="2005-03-06")
        for i, text in enumerate(TEXTS)
    ]


@pytest.fixture
def faulty_step(monkeypatch):
    """Register an extraction step that does ``action`` on the marked document."""

    def install(action):
        def step(ctx):
            if MARKER in ctx.document.text:
                action()

        monkeypatch.setitem(pipeline.STEPS, "fault", step)

    return install


def raise_(exc: BaseException):
    def action():
        raise exc

    return action


@pytest.mark.parametrize(
    ("exc", "fragment"),
    [
        (ValueError("bad value"), "extraction failed: ValueError: bad value"),
        (MemoryError(), "skipped: out of memory"),
        (RecursionError(), "nested too deeply"),
        (KeyError("x\n[/red]\x1b[2J"), "extraction failed: KeyError"),
    ],
)
def test_an_exception_in_extraction_is_one_line_for_that_file(exc, fragment, faulty_step, tmp_path):
    faulty_step(raise_(exc))
    folder = folder_with_good(tmp_path)
    (folder / "other").mkdir()
    (folder / "other" / "marked.txt").write_text("\n\n".join(TEXTS) + "\n", "utf-8")
    run = analyze(folder, out=tmp_path / "out")
    check_batch(run, "marked.txt", fragment)
    (error,) = run.data["errors"]
    assert error["stage"] == "extract" and error["source"].endswith("marked.txt")


def test_a_document_over_its_time_budget_is_skipped(faulty_step):
    faulty_step(lambda: time.sleep(30))
    started = time.monotonic()
    outcomes = run_extraction(documents(), limits=Limits(base_s=1.0, s_per_mchar=0))
    assert time.monotonic() - started < 15
    errors = [o for o in outcomes if isinstance(o, IngestError)]
    assert [e.source for e in errors] == ["doc2.txt"]
    assert "took too long" in errors[0].reason and errors[0].stage == "extract"
    assert len(outcomes) == 4


@pytest.fixture
def crash_in_workers(tmp_path, monkeypatch):
    """Make pool workers (fresh processes) do ``code`` on the marked document."""

    def install(code: str) -> None:
        site = tmp_path / "site"
        site.mkdir()
        (site / "sitecustomize.py").write_text(
            textwrap.dedent(
                f"""
                import os, signal, time
                from rashomon.extract import pipeline

                def fault(ctx):
                    if {MARKER!r} in ctx.document.text:
                        {code}

                pipeline.STEPS["fault"] = fault
                """
            ),
            "utf-8",
        )
        from .conftest import PROJECT

        monkeypatch.setenv("PYTHONPATH", f"{site}:{PROJECT / 'src'}")

    return install


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("os.kill(os.getpid(), signal.SIGKILL)", "worker died"),  # as the OOM killer does
        ("time.sleep(60)", "took too long"),
    ],
)
def test_a_document_that_kills_or_hangs_its_worker_costs_one_line(code, fragment, crash_in_workers):
    crash_in_workers(code)
    limits = Limits(base_s=3, s_per_mchar=0)
    outcomes = run_extraction(documents(), workers=2, chunk_size=1, limits=limits)
    errors = [o for o in outcomes if isinstance(o, IngestError)]
    assert [e.source for e in errors] == ["doc2.txt"]
    assert fragment in errors[0].reason, errors
    analysed = [o.document.source for o in outcomes if not isinstance(o, IngestError)]
    assert analysed == ["doc0.txt", "doc1.txt", "doc3.txt"]
