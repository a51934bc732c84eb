"""Throughput of the whole ``analyze`` beside spaCy's own pipeline on the same text.

Writes every distinct article of the public corpora (about 1,000 documents:
Wikinews, BASIL, PTC, ECB+) as plain-text files, runs the full job
(ingest, extraction, store, linking, JSON and HTML export) on them with N
worker processes, and then spaCy alone (``nlp.pipe`` with the same number of
processes) on the cleaned texts. Reports words/s, documents/s and peak memory
(resident set size of the main process and of the largest worker).

    python benchmarks/throughput.py [--workers 2] [--limit N]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import all_articles  # noqa: E402
from results import write_result  # noqa: E402

from rashomon import workflow  # noqa: E402
from rashomon.extract.nlp import load_nlp  # noqa: E402


def peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    args = parser.parse_args()
    articles = all_articles()
    if args.limit:
        articles = articles[: args.limit]
    work = Path(tempfile.mkdtemp(prefix="rashomon-throughput-"))
    try:
        corpus = work / "corpus"
        for a in articles:
            folder = corpus / a.corpus
            folder.mkdir(parents=True, exist_ok=True)
            header = f"{a.title}\n\n" if a.title else ""
            (folder / f"{a.id.replace('/', '_')}.txt").write_text(header + a.text, "utf-8")
        started = time.perf_counter()
        result = workflow.analyze([corpus], work / "out", workers=args.workers)
        elapsed = time.perf_counter() - started
        docs = len(result.analysis.documents)
        words = result.words
        main_rss, child_rss = (
            peak_rss_mb(resource.RUSAGE_SELF),
            peak_rss_mb(resource.RUSAGE_CHILDREN),
        )

        texts = [d.text for d in result.analysis.documents]
        nlp = load_nlp()
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16, n_process=args.workers):
            pass
        spacy_elapsed = time.perf_counter() - started
    finally:
        shutil.rmtree(work, ignore_errors=True)

    rows = [
        ("rashomon analyze (whole job)", elapsed, words / elapsed, docs / elapsed),
        ("spaCy en_core_web_sm alone", spacy_elapsed, words / spacy_elapsed, docs / spacy_elapsed),
    ]
    lines = [
        f"{docs} distinct real articles (Wikinews, BASIL, PTC, ECB+), {words:,} words, "
        f"{args.workers} worker processes, {len(result.errors)} failures.",
        "",
        "| pipeline | seconds | words/s | docs/s |",
        "|---|---:|---:|---:|",
        *(f"| {name} | {sec:.1f} | {wps:,.0f} | {dps:.1f} |" for name, sec, wps, dps in rows),
        "",
        f"Peak memory (RSS): main process {main_rss:,.0f} MB, largest worker {child_rss:,.0f} MB.",
        f"The whole job runs at {elapsed / spacy_elapsed:.2f}x the time of spaCy's parse alone.",
        "",
        "Where the time goes (seconds): "
        + ", ".join(f"{stage} {sec:.1f}" for stage, sec in result.seconds.items())
        + ".",
    ]
    write_result("throughput", "Throughput of `rashomon analyze`", "\n".join(lines))


if __name__ == "__main__":
    main()
