"""The files a run writes beside its store: analysis.json and report.html.

Each is replaced atomically, so a failed write leaves the previous one; the
store remembers what the present exports were made from, so that a run that
changed nothing does not write them again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from pathlib import Path

from rashomon.model import Analysis, DocumentAnalysis
from rashomon.runhooks import Hooks, OutputError
from rashomon.store import Store

JSON_NAME = "analysis.json"
HTML_NAME = "report.html"
EXPORT_STEPS = ("store", JSON_NAME, HTML_NAME)
EXPORTED_KEY = "exported"  # store meta: what the present exports were made from
VALIDATED_KEY = "validated"  # store meta: digests of export items found valid before


def exports_fresh(store: Store, out: Path, state: str) -> bool:
    """Whether the exports in ``out`` were written from ``state`` and are still there."""
    return store.get_meta(EXPORTED_KEY) == state and all(
        (out / name).is_file() for name in (JSON_NAME, HTML_NAME)
    )


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
