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
import string
import sys
import tempfile
import time
import tracemalloc
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
        "claims",
        "framing_terms",
    ):
        setattr(copy, attribute, [_copy_item(x, table, doc_id) for x in getattr(a, attribute)])
    if rotation is not None:
        for claim in copy.claims:
            if claim.vector:
                vector = np.frombuffer(claim.vector, dtype=np.float16).astype(np.float32)
                claim.vector = (rotation @ vector).astype(np.float16).tobytes()
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


def measure(analyses: list[DocumentAnalysis]) -> tuple[dict[str, float], float, Analysis]:
    analysis = Analysis(
        documents=[a.document for a in analyses],
        quotes=[q for a in analyses for q in a.quotes],
    )
    ctx = LinkContext(analyses, analysis)
    seconds: dict[str, float] = {}
    tracemalloc.start()
    for name, step in LINK_STEPS.items():
        started = time.perf_counter()
        step(ctx)
        seconds[name] = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 2**20, analysis


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    base = base_analyses()
    rows = []
    for size in args.sizes:
        analyses = corpus_of(base, size)
        words = sum(a.words for a in analyses)
        seconds, peak, analysis = measure(analyses)
        rows.append((size, words, seconds, peak, analysis))
        print(size, {k: round(v, 1) for k, v in seconds.items()}, f"{peak:.0f} MiB", flush=True)
    steps = list(LINK_STEPS)
    lines = [
        "Linking only (extraction cached): the real articles, then copies of them made into "
        "distinct corpora by a per-copy letter substitution (offsets kept) and a per-copy "
        "rotation of the claim embeddings. Seconds per step; peak memory traced by Python "
        "(tracemalloc) during linking.",
        "",
        "| documents | words | " + " | ".join(steps) + " | total s | peak MiB | entities | events "
        "| claims | reuse |",
        "|" + "---:|" * (len(steps) + 8),
    ]
    for size, words, seconds, peak, analysis in rows:
        lines.append(
            f"| {size:,} | {words:,} | "
            + " | ".join(f"{seconds[s]:.1f}" for s in steps)
            + f" | {sum(seconds.values()):.1f} | {peak:,.0f} | {len(analysis.entities):,} | "
            f"{len(analysis.events):,} | {len(analysis.claims):,} | {len(analysis.reuse):,} |"
        )
    if len(rows) >= 2:
        (s0, _, t0, m0, _), (s1, _, t1, m1, _) = rows[0], rows[-1]
        lines += [
            "",
            f"From {s0:,} to {s1:,} documents ({s1 / s0:.0f}x): time x"
            f"{sum(t1.values()) / sum(t0.values()):.1f}, memory x{m1 / m0:.1f}.",
        ]
    write_result("linking_scale", "Linking stage at 1k and 10k documents", "\n".join(lines))


if __name__ == "__main__":
    main()
