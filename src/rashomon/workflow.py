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
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rashomon.model import Analysis, Document, DocumentAnalysis, IngestError
from rashomon.store import Store, StoreError
from rashomon.store.lock import writer_lock

MAX_BYTES = 20_000_000  # the default of --max-mb; ingest's own default is the same
JSON_NAME = "analysis.json"
DB_NAME = "analysis.sqlite"
HTML_NAME = "report.html"
EXPORT_STEPS = ("store", JSON_NAME, HTML_NAME)
LINKED_KEY = "linked"  # store meta: what the stored corpus results were made from
EXPORTED_KEY = "exported"  # store meta: what the present exports were made from
VALIDATED_KEY = "validated"  # store meta: digests of export items found valid before


class OutputError(Exception):
    """The output folder cannot be used or written; a one-line reason."""


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


def _ignore(*args: object) -> None:
    return None


@dataclass
class Hooks:
    """Callbacks for a user interface.

    ``on_stage(stage, total)`` when a stage starts (``total`` items, ``None``
    when unknown): ``read``, ``extract``, ``link`` (its steps), ``export``;
    ``on_advance(stage, n)`` as items finish; ``on_step(stage, name)`` names
    the step a stage is in (each linking step, each file written);
    ``on_wait(message)`` while another run holds the output folder.
    """

    on_error: Callable[[IngestError], None] = _ignore
    on_stage: Callable[[str, int | None], None] = _ignore
    on_advance: Callable[[str, int], None] = _ignore
    on_step: Callable[[str, str], None] = _ignore
    on_wait: Callable[[str], None] = _ignore
    # The first hooks, kept for their callers: extraction's total, then each document done.
    on_start_extraction: Callable[[int], None] = _ignore
    on_progress: Callable[[int], None] = _ignore


class StageClock:
    """Wall-clock seconds per stage, summed over the laps of each."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self._last
        self._last = now


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
    ``scheduler`` runs extraction on Dask (a scheduler address, or "local");
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
            analysis, analyses = link_and_export(store, out, hooks, clock, exports)
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


def read_inputs(
    paths: Sequence[str | Path], max_bytes: int, **options: Any
) -> tuple[list[Document], list[IngestError], list[dict[str, str]]]:
    """Ingest the inputs. Ingest turns each bad file into an error of its own; should
    it fail as a whole, each file is read alone so that one bad input costs one line."""
    from rashomon.ingest import ingest_paths

    try:
        ingested = ingest_paths(paths, max_bytes=max_bytes, **options)
        return list(ingested.documents), list(ingested.errors), list(ingested.duplicates)
    except Exception:  # noqa: BLE001 - fall back to the per-file boundary below
        pass
    documents: list[Document] = []
    errors: list[IngestError] = []
    duplicates: list[dict[str, str]] = []
    seen: set[str] = set()
    listing = {k: v for k, v in options.items() if k in ("follow_links", "exclude")}
    for item in _each_input(paths, **listing):
        if isinstance(item, IngestError):
            errors.append(item)
            continue
        path, source = item
        try:
            alone = ingest_paths([path], max_bytes=max_bytes, meta=options.get("meta"))
        except Exception as exc:  # noqa: BLE001 - this file, and only it, failed
            errors.append(IngestError(source, f"could not be read: {_reason(exc)}", "read"))
            continue
        errors += alone.errors
        duplicates += alone.duplicates
        for document in alone.documents:
            if document.id in seen:
                duplicates.append({"source": document.source, "duplicate_of": document.id})
            else:
                seen.add(document.id)
                documents.append(document)
    return documents, errors, duplicates


def _each_input(
    paths: Sequence[str | Path], **listing: Any
) -> Iterator[tuple[Path, str] | IngestError]:
    from rashomon.ingest.files import discover

    try:
        yield from discover(paths, **listing)
    except Exception as exc:  # noqa: BLE001 - listing itself failed: name the inputs
        for path in paths:
            yield IngestError(str(path), f"could not be listed: {_reason(exc)}", "read")


def _reason(exc: BaseException) -> str:
    detail = " ".join(str(exc).split())[:160]
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def extract_all(
    documents: Sequence[Document], workers: int, scheduler: str | None, limits: object | None
) -> Iterator[DocumentAnalysis | IngestError]:
    if not documents:
        return iter(())
    from rashomon.extract.runner import iter_extraction

    return iter_extraction(documents, workers=workers, scheduler=scheduler, limits=limits)


def save(store: Store, analysis: DocumentAnalysis, extractor: str) -> None:
    """Store one document; a full disk or a broken store stops the run with a reason."""
    try:
        store.save_document(analysis, extractor)
    except sqlite3.Error as exc:
        raise OutputError(
            f"{store.path}: cannot store {analysis.document.source} ({exc})"
        ) from None


def stored_state(store: Store) -> str:
    """What linking and the exports are made from: the store's contents and the code."""
    return f"{store.contents_digest()} {exports_version()}"


def exports_fresh(store: Store, out: Path, state: str) -> bool:
    """Whether the exports in ``out`` were written from ``state`` and are still there."""
    return store.get_meta(EXPORTED_KEY) == state and all(
        (out / name).is_file() for name in (JSON_NAME, HTML_NAME)
    )


def link_and_export(
    store: Store, out: Path, hooks: Hooks, clock: StageClock, exports: bool = True
) -> tuple[Analysis, list[DocumentAnalysis]]:
    """Link everything the store holds, save the corpus results, write the exports
    (unless ``exports`` is false).

    When the store holds exactly what the present results were made from (same
    documents, errors and duplicates, same Rashomon), linking again would give
    the same results: they are read back from the store instead, and the
    exports are written only when they are not already those results'.
    """
    state = stored_state(store)
    analyses = store.load_documents()
    clock.lap("store")
    if store.get_meta(LINKED_KEY) == state:
        analysis = store.load_analysis(analyses)
        if exports and not exports_fresh(store, out, state):
            export_stored(store, analysis, analyses, out, hooks, state)
            clock.lap("export")
        return analysis, analyses
    store.set_meta(LINKED_KEY, None)  # until the new results are saved
    errors = store.load_errors()
    from rashomon.link.events.features import new_vectors, remember_vectors
    from rashomon.link.framing import new_tones, remember_tones

    stored_vectors, stored_tones = store.load_word_vectors(), store.load_sentence_tones()
    remember_vectors(stored_vectors)
    remember_tones(stored_tones)
    analysis = link_documents(analyses, errors, store.load_duplicates(), hooks)
    store.save_word_vectors(new_vectors(stored_vectors))
    store.save_sentence_tones(new_tones(stored_tones))
    clock.lap("link")
    hooks.on_stage("export", len(EXPORT_STEPS))
    hooks.on_step("export", "store")
    try:
        store.save_corpus(analysis)
    except Exception as exc:
        raise OutputError(f"{store.path}: cannot save the linked results ({exc})") from None
    store.set_meta(LINKED_KEY, state)
    hooks.on_advance("export", 1)
    if exports:
        export_stored(store, analysis, analyses, out, hooks, state)
    clock.lap("export")
    return analysis, analyses


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


def exports_version() -> str:
    """What the exports depend on besides the store's contents: the code's versions."""
    from rashomon import __version__
    from rashomon.extract.pipeline import EXTRACTOR_VERSION
    from rashomon.model import SCHEMA_VERSION

    return f"{__version__}/{EXTRACTOR_VERSION}/{SCHEMA_VERSION}"


def link_documents(
    analyses: Sequence[DocumentAnalysis],
    errors: Sequence[IngestError],
    duplicates: Sequence[dict[str, str]],
    hooks: Hooks,
) -> Analysis:
    """:func:`rashomon.link.link_corpus`, step by step, naming each step to ``hooks``."""
    from rashomon.link.corpus import LINK_STEPS, LinkContext

    analysis = Analysis(
        documents=[a.document for a in analyses],
        times=[t for a in analyses for t in a.times],
        quantities=[q for a in analyses for q in a.quantities],
        quotes=[q for a in analyses for q in a.quotes],
        errors=list(errors),
        duplicates=list(duplicates),
    )
    hooks.on_stage("link", len(LINK_STEPS))
    context = LinkContext(analyses, analysis)
    for name, step in LINK_STEPS.items():
        hooks.on_step("link", name)
        step(context)
        hooks.on_advance("link", 1)
    return analysis


def export_stored(
    store: Store,
    analysis: Analysis,
    analyses: Sequence[DocumentAnalysis],
    out: Path,
    hooks: Hooks,
    state: str,
) -> None:
    """Write the exports, validating only the JSON items no earlier export of this
    store held (their digests are kept in the store), and record what they show."""
    known = set((store.get_meta(VALIDATED_KEY) or "").split())
    valid = write_exports(analysis, analyses, out, hooks, known)
    store.set_meta(VALIDATED_KEY, " ".join(sorted(valid)))
    store.set_meta(EXPORTED_KEY, state)


def write_exports(
    analysis: Analysis,
    analyses: Sequence[DocumentAnalysis],
    out: Path,
    hooks: Hooks,
    known: set[str] | None = None,
) -> set[str]:
    """analysis.json and report.html, each replaced atomically; the digests of the
    JSON items, all valid (``known``: items found valid before, not checked again)."""
    from rashomon.atomicfile import write_atomic
    from rashomon.report.html import render_html
    from rashomon.report.json_export import write_json

    remove_stale_temporaries(out)
    words = word_counts(analyses)
    valid: set[str] = set()
    writers: dict[str, Callable[[Path], object]] = {
        JSON_NAME: lambda path: valid.update(write_json(analysis, path, known)),
        HTML_NAME: lambda path: write_atomic(path, render_html(analysis, words)),
    }
    for name, write in writers.items():
        hooks.on_step("export", name)
        try:
            write(out / name)
        except OSError as exc:
            raise OutputError(
                f"{out / name}: cannot be written ({exc.strerror or exc}); "
                "the previous file is unchanged"
            ) from None
        hooks.on_advance("export", 1)
    return valid


def word_counts(analyses: Sequence[DocumentAnalysis]) -> dict[str, int]:
    """Document id -> its word count (what the HTML report shows beside each document)."""
    return {a.document.id: a.words for a in analyses}


def remove_stale_temporaries(out: Path) -> None:
    """Delete the temporary files a killed export left (the caller holds the writer lock)."""
    for name in (JSON_NAME, HTML_NAME):
        for stale in out.glob(f".{name}.*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()


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
