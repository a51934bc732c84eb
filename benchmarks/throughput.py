"""Throughput of the whole ``analyze`` beside spaCy's own pipeline on the same text.

Writes every distinct article of the public corpora (about 1,000 documents:
Wikinews, BASIL, PTC, ECB+) as plain-text files, runs the full job
(ingest, extraction, store, linking, JSON and HTML export) on them with N
worker processes, and then spaCy alone (``nlp.pipe`` with the same number of
processes) on the cleaned texts. Reports words/s, documents/s, CPU seconds
(this process and its worker processes, user + system: the steadier figure on
a shared machine) and peak memory (resident set size of the main process and
of the largest worker). Then one more article is added to the finished store
(``analyze NEWFILE --out SAME``), and the same command run again with nothing
new, as a user adding to a pile does; then another article with ``--no-exports``
(stored and linked; the exports written on request), the cost of adding when
analysis.json and report.html are not rewritten whole.

    python benchmarks/throughput.py [--workers 2] [--limit N]
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import Article, all_articles  # noqa: E402
from results import write_result  # noqa: E402

from rashomon import workflow  # noqa: E402
from rashomon.extract.nlp import load_nlp  # noqa: E402


def peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def cpu_seconds() -> float:
    """User + system seconds of this process and of its ended (waited-for) children."""
    multiprocessing.active_children()  # joins children that have ended
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    args = parser.parse_args()
    articles = all_articles()
    extra, extra_quiet = articles[-1], articles[-2]  # added afterwards to the finished store
    if args.limit:
        articles = articles[: args.limit]
    articles = [a for a in articles if a is not extra and a is not extra_quiet]
    work = Path(tempfile.mkdtemp(prefix="rashomon-throughput-"))
    try:
        corpus = work / "corpus"
        for a in articles:
            folder = corpus / a.corpus
            folder.mkdir(parents=True, exist_ok=True)
            header = f"{a.title}\n\n" if a.title else ""
            (folder / f"{a.id.replace('/', '_')}.txt").write_text(header + a.text, "utf-8")
        started, cpu = time.perf_counter(), cpu_seconds()
        result = workflow.analyze([corpus], work / "out", workers=args.workers)
        elapsed, analyze_cpu = time.perf_counter() - started, cpu_seconds() - cpu
        docs = len(result.analysis.documents)
        words = result.words
        main_rss, child_rss = (
            peak_rss_mb(resource.RUSAGE_SELF),
            peak_rss_mb(resource.RUSAGE_CHILDREN),
        )

        texts = [d.text for d in result.analysis.documents]
        nlp = load_nlp()
        started, cpu = time.perf_counter(), cpu_seconds()
        for _ in nlp.pipe(texts, batch_size=16, n_process=args.workers):
            pass
        spacy_elapsed, spacy_cpu = time.perf_counter() - started, cpu_seconds() - cpu

        new_file, quiet_file = (
            new_article(work / name, a) for name, a in [("new", extra), ("quiet", extra_quiet)]
        )
        adds = []
        for path, exports in [(new_file, True), (new_file, True), (quiet_file, False)]:
            # the new article, the same command again (nothing new), another without exports
            started = time.perf_counter()
            added = workflow.analyze([path], work / "out", workers=args.workers, exports=exports)
            adds.append((time.perf_counter() - started, added.seconds))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    rows = [
        ("rashomon analyze (whole job)", elapsed, analyze_cpu, words, docs),
        ("spaCy en_core_web_sm alone", spacy_elapsed, spacy_cpu, words, docs),
    ]
    lines = [
        f"{docs} distinct real articles (Wikinews, BASIL, PTC, ECB+), {words:,} words, "
        f"{args.workers} worker processes, {len(result.errors)} failures.",
        "",
        "| pipeline | wall s | CPU s | words/s (wall) | docs/s (wall) |",
        "|---|---:|---:|---:|---:|",
        *(
            f"| {name} | {sec:.1f} | {cpu:.1f} | {w / sec:,.0f} | {d / sec:.1f} |"
            for name, sec, cpu, w, d in rows
        ),
        "",
        f"Peak memory (RSS): main process {main_rss:,.0f} MB, largest worker {child_rss:,.0f} MB.",
        f"The whole job takes {analyze_cpu / spacy_cpu:.2f}x the CPU time of spaCy's parse alone "
        f"({elapsed / spacy_elapsed:.2f}x its wall-clock time).",
        "",
        "Where the time goes (wall seconds): " + stages(result.seconds) + ".",
        "",
        f"Adding one more article to this store: {adds[0][0]:.1f} s ({stages(adds[0][1])}); "
        f"the same command again, nothing new: {adds[1][0]:.1f} s ({stages(adds[1][1])}); "
        f"another article with `--no-exports`: {adds[2][0]:.1f} s ({stages(adds[2][1])}).",
    ]
    write_result("throughput", "Throughput of `rashomon analyze`", "\n".join(lines))


def new_article(folder: Path, article: Article) -> Path:
    """The article as a text file of its own, outside the corpus folder."""
    folder.mkdir()
    path = folder / f"{article.id.replace('/', '_')}.txt"
    path.write_text((f"{article.title}\n\n" if article.title else "") + article.text, "utf-8")
    return path


def stages(seconds: dict[str, float]) -> str:
    return ", ".join(f"{stage} {sec:.1f}" for stage, sec in seconds.items())


if __name__ == "__main__":
    main()
