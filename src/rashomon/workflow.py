"""The main job, stage after stage: ingest → extract → store → link → export.

Kept apart from the CLI so that the web API, benchmarks and tests run the same
steps. The store makes it incremental and resumable: each document is stored
as soon as its extraction finishes, documents already stored (same content,
same extractor version) are not extracted again, and the corpus is everything
the store holds. So running ``analyze`` again with the same ``--out`` adds to
the analysis, and after an interrupt (Ctrl-C, ``kill -9``) it continues where
the last run stopped, having lost at most the documents that were in flight.

Faults are contained where they happen: every input that fails (reading,
decoding, parsing, cleaning, extraction) becomes one :class:`IngestError` and
the batch goes on; a store that is not ours raises
:class:`~rashomon.store.schema.StoreError` before anything is written; the
exports are replaced atomically, so a failed write leaves the previous ones.

The stages live in modules of their own (:mod:`rashomon.inputs`: read, extract,
store; :mod:`rashomon.relink`: link and save the corpus results;
:mod:`rashomon.exports`: the files beside the store); this module runs them in
order under the writer lock and keeps the names the CLI, the web API and the
tests use.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.exports import EXPORT_STEPS, HTML_NAME, JSON_NAME, exports_fresh, word_counts
from rashomon.inputs import extract_all, read_inputs, save
from rashomon.model import Analysis, IngestError
from rashomon.relink import link_and_export, stored_state
from rashomon.runhooks import Hooks, OutputError, StageClock
from rashomon.store import Store, StoreError
from rashomon.store.lock import writer_lock

MAX_BYTES = 20_000_000  # the default of --max-mb; ingest's own default is the same
DB_NAME = "analysis.sqlite"


@dataclass
class Interrupted(Exception):
    """Ctrl-C (or SIGTERM) stopped the run; what was kept."""

    stage: str
    stored: int  # documents of this run stored before the interrupt
    todo: int  # documents this run had to extract
    total: int  # documents in the store now
    db_path: Path

    def __str__(self) -> str:
        return f"interrupted during {self.stage}"


@dataclass
class AnalyzeResult:
    analysis: Analysis
    out_dir: Path
    extracted: int = 0  # documents extracted and stored by this run
    reused: int = 0  # documents of the input already in the store
    words: int = 0
    errors: list[IngestError] = field(default_factory=list)  # this run's errors
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> wall-clock seconds
    exports_current: bool = True  # analysis.json and report.html show the store as it is

    @property
    def json_path(self) -> Path:
        return self.out_dir / JSON_NAME

    @property
    def db_path(self) -> Path:
        return self.out_dir / DB_NAME

    @property
    def html_path(self) -> Path:
        return self.out_dir / HTML_NAME

    @property
    def analysed(self) -> bool:
        """Whether any input of this run is in the analysis (new or already stored)."""
        return self.extracted + self.reused > 0


def store_path(path: str | Path) -> Path:
    """The store of an output folder, or the path itself when it names a file."""
    given = Path(path)
    return given / DB_NAME if given.is_dir() else given


def prepare_out(out_dir: str | Path) -> Path:
    """The output folder, created if needed; :class:`OutputError` if it cannot be."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the output folder ({exc.strerror})") from None
    return out


def analyze(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    workers: int = 1,
    max_bytes: int = MAX_BYTES,
    hooks: Hooks | None = None,
    scheduler: str | None = None,
    meta: str | Path | None = None,
    follow_links: bool = False,
    limits: object | None = None,
    exports: bool = True,
) -> AnalyzeResult:
    """Analyse the files under ``paths`` into ``out_dir`` (JSON, SQLite, HTML).

    ``exports=False`` stores and links only: analysis.json and report.html are
    left as they were (out of date when documents were added) and are written
    on request by :func:`write_stored_exports` (``rashomon export DIR --all``);
    ``rashomon serve`` reads the store itself. Writing the exports is a large
    part of adding a few documents to a large store.

    ``meta`` is a file of per-file metadata corrections; ``follow_links`` walks
    links out of the inputs; the output folder itself is never read.
    ``scheduler`` runs extraction and the blocked parts of linking on Dask (a
    scheduler address, or "local");
    ``limits`` is an :class:`~rashomon.extract.runner.Limits` (time per document).
    Raises :class:`Interrupted` on Ctrl-C, :class:`StoreError` for a store that
    is not ours, :class:`OutputError` when the folder or an export cannot be
    written.
    """
    hooks = hooks or Hooks()
    out = prepare_out(out_dir)
    clock = StageClock()
    wait_message = f"another run is writing to {out}; waiting for it to finish"
    with (
        writer_lock(out, lambda: hooks.on_wait(wait_message)),
        Store(out / DB_NAME, thorough=True) as store,
    ):
        try:
            run = store.begin_run([str(p) for p in paths])
        except sqlite3.Error as exc:
            raise OutputError(f"{store.path}: the store cannot be written ({exc})") from None
        status, stored, failed, todo, extracting = "failed", 0, 0, [], False
        try:
            hooks.on_stage("read", None)
            options = {"meta": meta, "follow_links": follow_links, "exclude": [out]}
            documents, errors, duplicates = read_inputs(paths, max_bytes, **options)
            clock.lap("ingest")
            for error in errors:
                hooks.on_error(error)
            store.record_errors(errors, run)
            known = store.document_sources()
            from rashomon.extract.pipeline import EXTRACTOR_VERSION

            done = store.stored_documents(EXTRACTOR_VERSION)
            duplicates += [
                {"source": d.source, "duplicate_of": d.id}
                for d in documents
                if d.id in known and known[d.id] != d.source
            ]
            store.record_duplicates(duplicates, run)
            todo = [d for d in documents if d.id not in done]
            hooks.on_stage("extract", len(todo))
            hooks.on_start_extraction(len(todo))
            extracting = True
            for outcome in extract_all(todo, workers, scheduler, limits):
                if isinstance(outcome, IngestError):
                    failed += 1
                    errors.append(outcome)
                    store.record_errors([outcome], run)
                    hooks.on_error(outcome)
                else:
                    save(store, outcome, EXTRACTOR_VERSION)
                    stored += 1
                hooks.on_advance("extract", 1)
                hooks.on_progress(1)
            clock.lap("extract")
            analysis, analyses = link_and_export(
                store, out, hooks, clock, exports, scheduler=scheduler, workers=workers
            )
            exports_current = exports_fresh(store, out, stored_state(store))
            status = "done"
        except sqlite3.Error as exc:  # a full disk, a file that went away under us
            raise OutputError(
                f"{store.path}: the store could not be written ({exc}); "
                "what was stored before is kept"
            ) from None
        except KeyboardInterrupt:
            status = "interrupted"
            # Counted from the store: the interrupt may have come inside a save.
            stored = len(store.stored_documents() & {d.id for d in todo})
            raise Interrupted(
                _interrupted_stage(clock, extracting),
                stored,
                len(todo),
                len(store.stored_documents()),
                store.path,
            ) from None
        finally:
            with contextlib.suppress(sqlite3.Error):  # never hide the error that ended the run
                store.end_run(run, status, stored, failed)
    return AnalyzeResult(
        analysis=analysis,
        out_dir=out,
        extracted=stored,
        reused=len(documents) - len(todo),
        words=sum(a.words for a in analyses),
        errors=errors,
        seconds=clock.seconds,
        exports_current=exports_current,
    )


def _interrupted_stage(clock: StageClock, extracting: bool) -> str:
    if not extracting:
        return "reading"
    if "extract" not in clock.seconds:
        return "extraction"
    return "linking" if "link" not in clock.seconds else "export"


def write_stored_exports(out_dir: str | Path, hooks: Hooks | None = None) -> Analysis:
    """Write DIR/analysis.json and DIR/report.html from the store (linking first if
    the store was changed since it was last linked): what ``analyze`` writes."""
    hooks = hooks or Hooks()
    db_path = store_path(out_dir)
    out = db_path.parent
    with (
        writer_lock(out, lambda: hooks.on_wait(f"another run is writing to {out}; waiting")),
        Store(db_path, create=False, thorough=True) as store,
    ):
        analysis, _ = link_and_export(store, out, hooks, StageClock())
    return analysis


@dataclass
class RemoveResult:
    removed: list[tuple[str, str]]  # (id, source) of each document removed
    unmatched: list[str]  # arguments that named no stored document
    analysis: Analysis | None = None


def remove(out_dir: str | Path, keys: Sequence[str], hooks: Hooks | None = None) -> RemoveResult:
    """Remove stored documents (by source path, folder or id), then relink and re-export."""
    hooks = hooks or Hooks()
    out = Path(out_dir)
    db_path = store_path(out)
    out = db_path.parent
    with (
        writer_lock(out, lambda: hooks.on_wait(f"another run is writing to {out}; waiting")),
        Store(db_path, create=False, thorough=True) as store,
    ):
        matches = store.match_documents(keys)
        unmatched = [key for key, rows in matches.items() if not rows]
        chosen = list(dict.fromkeys(row for rows in matches.values() for row in rows))
        if not chosen:
            return RemoveResult([], unmatched)
        store.remove_documents(doc_id for doc_id, _ in chosen)
        analysis, _ = link_and_export(store, out, hooks, StageClock())
    return RemoveResult(chosen, unmatched, analysis)


def export(db_path: str | Path, json_path: str | Path) -> Analysis:
    """Write the JSON export of a stored analysis."""
    from rashomon.report.json_export import write_json

    with Store(store_path(db_path), create=False) as store:
        analysis = store.load_analysis()
    write_json(analysis, json_path)
    return analysis


__all__ = [
    "EXPORT_STEPS",
    "HTML_NAME",
    "JSON_NAME",
    "AnalyzeResult",
    "Hooks",
    "Interrupted",
    "OutputError",
    "RemoveResult",
    "StoreError",
    "analyze",
    "export",
    "remove",
    "store_path",
    "word_counts",
    "write_stored_exports",
]
