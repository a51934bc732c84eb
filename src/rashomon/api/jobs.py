"""Adding documents from the browser: files are saved under the store's
``uploads/`` folder and analysed into the same store by
:func:`rashomon.workflow.analyze`, one job at a time, with progress.

Nothing the browser sends names a path: an upload's name is reduced to a
short safe base name, prefixed with a fresh random stem, and written with
``O_EXCL | O_NOFOLLOW`` inside ``uploads/`` (which must be a real folder of
the store, not a link), so no ``../``, absolute path or symlink can place a
file elsewhere.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rashomon.ingest.readers import READERS
from rashomon.store import Store

UPLOADS = "uploads"
MAX_UPLOAD_BYTES = 20_000_000
SAFE = re.compile(r"[^A-Za-z0-9._-]+")


class UploadRefused(Exception):
    """An upload the server will not take; the message says why."""


def safe_name(name: str) -> str:
    """The base name of a client-side file name, reduced to safe characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = SAFE.sub("-", stem).strip(".-")[:60] or "document"
    suffix = SAFE.sub("", suffix).lower()[:10]
    return f"{stem}.{suffix}" if suffix else stem


def supported(name: str) -> bool:
    return Path(name).suffix.lower() in READERS


def uploads_folder(store_folder: Path) -> Path:
    folder = store_folder / UPLOADS
    if folder.is_symlink():
        raise UploadRefused(f"{folder}: is a link; refusing to write through it")
    folder.mkdir(exist_ok=True)
    if folder.resolve().parent != store_folder.resolve():
        raise UploadRefused(f"{folder}: is outside the store")
    return folder


def write_upload(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` as a new file in ``folder``; never follows or replaces anything."""
    path = folder / f"{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(4)}-{safe_name(name)}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o644)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    return path


def pasted_record(
    text: str, title: str | None, outlet: str | None, published: str | None, author: str | None
) -> bytes:
    """Pasted text as one JSONL record, so its title, outlet and date are kept as given."""
    record = {"text": text}
    for key, value in (
        ("title", title),
        ("outlet", outlet),
        ("published", published),
        ("author", author),
    ):
        if value and value.strip():
            record[key] = value.strip()
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


@dataclass
class Job:
    id: str
    state: str = "queued"
    message: str = "waiting for the previous job"
    total: int = 0
    done: int = 0
    added: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


class JobRunner:
    """Runs analyses of uploaded files one after the other in a worker thread."""

    def __init__(self, store_folder: Path, db_path: Path, workers: int = 1) -> None:
        self.store_folder = store_folder
        self.db_path = db_path
        self.workers = workers
        self.jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rashomon-analyze")

    def submit(self, files: list[Path], refused: list[str]) -> Job:
        job = Job(secrets.token_hex(8), errors=list(refused))
        with self._lock:
            self.jobs[job.id] = job
        self._pool.submit(self._run, job, files)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self.jobs.get(job_id)

    def _run(self, job: Job, files: list[Path]) -> None:
        from rashomon import workflow

        if not files:
            job.state, job.message = "failed", "no document to analyse"
            return
        job.state, job.message = "reading", f"reading {len(files)} file(s)"

        def started(total: int) -> None:
            job.state, job.total = "extracting", total
            job.message = f"extracting {total} new document(s)"

        def progressed(n: int) -> None:
            job.done += n
            if job.total and job.done >= job.total:
                job.state, job.message = "linking", "linking across sources, writing the store"

        hooks = workflow.Hooks(
            on_error=lambda error: job.errors.append(str(error)),
            on_start_extraction=started,
            on_progress=progressed,
        )
        try:
            with Store(self.db_path) as store:
                before = store.stored_documents()
            workflow.analyze(files, self.store_folder, workers=self.workers, hooks=hooks)
            with Store(self.db_path) as store:
                after = store.stored_documents()
        except Exception as error:  # the job fails, the server and the store go on
            job.state, job.message = "failed", f"{type(error).__name__}: {error}"
            return
        job.added = sorted(after - before)
        job.state = "done"
        job.message = f"{len(job.added)} document(s) added" + (
            f", {len(job.errors)} problem(s)" if job.errors else ""
        )
        if not job.added and not job.errors:
            job.message += " (the same text is already in the store)"

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
