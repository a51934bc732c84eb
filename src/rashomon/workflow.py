"""The main job, stage after stage: ingest → extract → store → link → export.

Kept apart from the CLI so that the web API, benchmarks and tests run the same
steps. The store makes it incremental: documents already analysed (same
content, same extractor version) are read back instead of extracted again,
and the corpus is everything the store holds, so running ``analyze`` on a new
folder with the same ``--out`` adds to the analysis without losing anything.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.extract.pipeline import EXTRACTOR_VERSION
from rashomon.extract.runner import run_extraction
from rashomon.ingest import MAX_BYTES, ingest_paths
from rashomon.link import link_corpus
from rashomon.model import Analysis, DocumentAnalysis, IngestError
from rashomon.report.html import write_html
from rashomon.report.json_export import write_json
from rashomon.store import Store

JSON_NAME = "analysis.json"
DB_NAME = "analysis.sqlite"
HTML_NAME = "report.html"


@dataclass
class AnalyzeResult:
    analysis: Analysis
    out_dir: Path
    extracted: int = 0
    reused: int = 0
    words: int = 0
    errors: list[IngestError] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> wall-clock seconds

    @property
    def json_path(self) -> Path:
        return self.out_dir / JSON_NAME

    @property
    def db_path(self) -> Path:
        return self.out_dir / DB_NAME

    @property
    def html_path(self) -> Path:
        return self.out_dir / HTML_NAME


@dataclass
class Hooks:
    """Callbacks for a user interface: an error line, extraction progress."""

    on_error: Callable[[IngestError], None] = lambda error: None
    on_start_extraction: Callable[[int], None] = lambda total: None
    on_progress: Callable[[int], None] = lambda done: None


def analyze(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    workers: int = 1,
    max_bytes: int = MAX_BYTES,
    hooks: Hooks | None = None,
    scheduler: str | None = None,
    meta: str | Path | None = None,
    follow_links: bool = False,
) -> AnalyzeResult:
    """Analyse the files under ``paths`` into ``out_dir`` (JSON, SQLite, HTML).

    ``scheduler`` runs extraction on Dask (a scheduler address, or "local").
    """
    hooks = hooks or Hooks()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    clock = StageClock()
    ingested = ingest_paths(
        paths, max_bytes=max_bytes, meta=meta, follow_links=follow_links, exclude=[out]
    )
    clock.lap("ingest")
    errors = list(ingested.errors)
    for error in errors:
        hooks.on_error(error)
    with Store(out / DB_NAME) as store:
        done = store.stored_documents(EXTRACTOR_VERSION)
        todo = [d for d in ingested.documents if d.id not in done]
        hooks.on_start_extraction(len(todo))
        for outcome in run_extraction(
            todo, workers=workers, progress=hooks.on_progress, scheduler=scheduler
        ):
            if isinstance(outcome, IngestError):
                errors.append(outcome)
                hooks.on_error(outcome)
            else:
                store.save_document(outcome, EXTRACTOR_VERSION)
        clock.lap("extract")
        analyses = store.load_documents()
        clock.lap("store")
        analysis = link_corpus(analyses, errors, ingested.duplicates)
        clock.lap("link")
        store.save_corpus(analysis)
        clock.lap("store")
    write_json(analysis, out / JSON_NAME)
    write_html(analysis, out / HTML_NAME, words=word_counts(analyses))
    clock.lap("export")
    return AnalyzeResult(
        analysis=analysis,
        out_dir=out,
        extracted=len(todo),
        reused=len(ingested.documents) - len(todo),
        words=sum(a.words for a in analyses),
        errors=errors,
        seconds=clock.seconds,
    )


class StageClock:
    """Wall-clock seconds per stage, summed over the laps of each."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self._last
        self._last = now


def word_counts(analyses: Sequence[DocumentAnalysis]) -> dict[str, int]:
    return {a.document.id: a.words for a in analyses}


def export(db_path: str | Path, json_path: str | Path) -> Analysis:
    """Write the JSON export of a stored analysis."""
    with Store(db_path) as store:
        analysis = store.load_analysis()
    write_json(analysis, json_path)
    return analysis
