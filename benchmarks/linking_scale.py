"""Time and memory of the linking stage at 1k and 10k documents.

The ~1,076 distinct real articles of the public corpora are analysed once
(cached in an analysis.sqlite under the temp folder), then copied to reach
10,000 documents. Each copy is made a different corpus that keeps every
offset valid: a per-copy letter substitution (a↔q, b↔x, ...) applied to the
texts and every extracted string, so names, words and shingles differ from
copy to copy, and a per-copy random rotation of the claim embeddings, which
keeps similarities inside a copy and removes them across copies. Linking
must then find as much inside each copy as in the original, and its cost
should grow near-linearly.

    python benchmarks/linking_scale.py [--sizes 1000 10000]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import all_articles  # noqa: E402
from results import write_result  # noqa: E402

from rashomon import workflow  # noqa: E402
from rashomon.link.corpus import LINK_STEPS, LinkContext  # noqa: E402
from rashomon.model import Analysis, Document, DocumentAnalysis  # noqa: E402
from rashomon.store import Store  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "rashomon-linking-scale"


def base_analyses() -> list[DocumentAnalysis]:
    db = CACHE / "out" / "analysis.sqlite"
    if not db.exists():
        corpus = CACHE / "corpus"
        for a in all_articles():
            folder = corpus / a.corpus
            folder.mkdir(parents=True, exist_ok=True)
            stamp = f"Published {a.published}\n\n" if a.published else ""
            header = f"{a.title}\n{stamp}\n" if a.title else stamp
            (folder / f"{a.id.replace('/', '_')}.txt").write_text(header + a.text, "utf-8")
        workflow.analyze([corpus], CACHE / "out", workers=2)
    with Store(db) as store:
        return store.load_documents()


def cipher(seed: int) -> dict[int, int]:
    rng = np.random.default_rng(seed)
    lower = string.ascii_lowercase
    shuffled = "".join(rng.permutation(list(lower)))
    table = str.maketrans(lower + lower.upper(), shuffled + shuffled.upper())
    return table


def _rename(value: object, table: dict[int, int]) -> object:
    if isinstance(value, str):
        return value.translate(table)
    if isinstance(value, list):
        return [_rename(v, table) for v in value]
    return value


def _copy_item(item: object, table: dict[int, int], doc_id: str) -> object:
    changes = {}
    for f in dataclasses.fields(item):  # type: ignore[arg-type]
        value = getattr(item, f.name)
        if f.name == "doc":
            changes[f.name] = doc_id
        elif f.name in {"text", "key", "speaker", "entities", "participants", "place", "target"}:
            changes[f.name] = _rename(value, table)
    return dataclasses.replace(item, **changes)  # type: ignore[type-var]


def copy_analysis(a: DocumentAnalysis, k: int, rotation: np.ndarray | None) -> DocumentAnalysis:
    if k == 0:
        return a
    table = cipher(k)
    doc_id = f"{a.document.id}-{k}"
    document: Document = dataclasses.replace(
        a.document,
        id=doc_id,
        text=a.document.text.translate(table),
        title=(a.document.title or "").translate(table) or None,
        outlet=(a.document.outlet or "").translate(table) or None,
    )
    copy = DocumentAnalysis(document=document, words=a.words)
    for attribute in (
        "sentences",
        "entity_mentions",
        "times",
        "quantities",
        "quotes",
        "events",
        "facts",
        "framing_terms",
    ):
        setattr(copy, attribute, [_copy_item(x, table, doc_id) for x in getattr(a, attribute)])
    return copy


def corpus_of(base: list[DocumentAnalysis], size: int) -> list[DocumentAnalysis]:
    out: list[DocumentAnalysis] = []
    k = 0
    while len(out) < size:
        rotation = None
        if k:
            q, _ = np.linalg.qr(np.random.default_rng(1000 + k).standard_normal((384, 384)))
            rotation = q.astype(np.float32)
        out.extend(copy_analysis(a, k, rotation) for a in base[: size - len(out)])
        k += 1
    return out


def rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def measure(analyses: list[DocumentAnalysis]) -> tuple[dict[str, float], float, Analysis]:
    """Seconds per linking step, and the memory linking added (peak RSS minus RSS before)."""
    analysis = Analysis(
        documents=[a.document for a in analyses],
        quotes=[q for a in analyses for q in a.quotes],
    )
    ctx = LinkContext(analyses, analysis)
    seconds: dict[str, float] = {}
    before = rss_mb()
    for name, step in LINK_STEPS.items():
        started = time.perf_counter()
        step(ctx)
        seconds[name] = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return seconds, max(0.0, peak - before), analysis


def run_one(size: int) -> dict:
    """One size, measured in this (fresh) process so that peak memory is its own."""
    analyses = corpus_of(base_analyses(), size)
    seconds, growth, analysis = measure(analyses)
    return {
        "size": size,
        "words": sum(a.words for a in analyses),
        "seconds": seconds,
        "growth": growth,
        "counts": [
            len(analysis.entities),
            len(analysis.events),
            len(analysis.facts),
            len(analysis.reuse),
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    base_analyses()  # extract once, before the measured runs
    rows = []
    for size in args.sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size)], capture_output=True, text=True
        )
        if done.returncode:
            raise SystemExit(done.stderr)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(size, {k: round(v, 1) for k, v in row["seconds"].items()}, flush=True)
    steps = list(LINK_STEPS)
    lines = [
        "Linking only (extraction cached): the real articles, then copies of them made into "
        "distinct corpora by a per-copy letter substitution (offsets kept) and a per-copy "
        "rotation of the claim embeddings. Seconds per step, one process; memory = peak "
        "resident size during linking minus the resident size before it (each size in a "
        "fresh process).",
        "",
        "| documents | words | " + " | ".join(steps) + " | total s | linking MiB | entities "
        "| events | claims | reuse |",
        "|" + "---:|" * (len(steps) + 8),
    ]
    for row in rows:
        seconds = row["seconds"]
        entities, events, claims, reuse = row["counts"]
        lines.append(
            f"| {row['size']:,} | {row['words']:,} | "
            + " | ".join(f"{seconds[s]:.1f}" for s in steps)
            + f" | {sum(seconds.values()):.1f} | {row['growth']:,.0f} | {entities:,} | "
            f"{events:,} | {claims:,} | {reuse:,} |"
        )
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        ratio = last["size"] / first["size"]
        time_ratio = sum(last["seconds"].values()) / sum(first["seconds"].values())
        memory = last["growth"] / max(1.0, first["growth"])
        lines += [
            "",
            f"From {first['size']:,} to {last['size']:,} documents ({ratio:.0f}x): time "
            f"x{time_ratio:.1f}, linking memory x{memory:.1f}.",
        ]
    write_result("linking_scale", "Linking stage at 1k and 10k documents", "\n".join(lines))


if __name__ == "__main__":
    main()
