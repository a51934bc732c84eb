"""Time and memory of extraction against a document's length and repetitiveness.

Two series, each document extracted in a fresh process (so peak memory is the
document's own):

- **length**: real text (the example corpus's Wikinews articles) joined into one document of growing
  length;
- **repetition**: one real sentence repeated N times, the case that was
  quadratic (issue 12: 4,000 repetitions took 242 s and 4.2 GB).

Beside each, spaCy alone on the same text (``nlp.pipe`` over the same pieces) as
the baseline. Near-linear means seconds per 100k characters stay flat as the
length grows. Run: ``python benchmarks/long_documents.py [--full]``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT / "src"))
sys.path.insert(0, str(HERE))

from results import write_result  # noqa: E402

# Wikinews, "Government Accountability Office requests rerun of US Air Force tanker bid".
SENTENCE = (
    "The US Government Accountability Office said on Tuesday that the Air Force made "
    "significant errors in the $35 billion tanker contract awarded to Northrop Grumman and EADS. "
)

MEASURE = r"""
import json, resource, sys, time
from rashomon.extract.nlp import load_nlp
from rashomon.extract.pieces import piece_bounds
from rashomon.extract.pipeline import extract_document
from rashomon.model import Document
text = open(sys.argv[1], encoding="utf-8").read()
mode = sys.argv[2]
nlp = load_nlp()
extract_document(Document("w", "w.txt", "Boeing said on Monday it would bid."))
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
started = time.perf_counter()
if mode == "spacy":
    for _ in nlp.pipe(text[a:b] for a, b in piece_bounds(text)):
        pass
    found = 0
else:
    analysis = extract_document(Document("d", "d.txt", text, published="2008-06-18"))
    found = len(analysis.entity_mentions) + len(analysis.events) + len(analysis.times)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "loaded_mb": base, "found": found}))
"""


def real_text() -> str:
    from rashomon.ingest import ingest_paths

    texts = [d.text for d in ingest_paths([PROJECT / "examples" / "corpus"]).documents]
    from corpora import BENCHMARKS, wikinews

    if BENCHMARKS.is_dir():
        texts += [article.text for article in wikinews()]
    return "\n\n".join(texts)


def measure(text: str, mode: str, work: Path) -> dict[str, float]:
    path = work / "document.txt"
    path.write_text(text, "utf-8")
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path), mode],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(PROJECT / "src"), "PATH": "/usr/bin:/bin"},
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def row(label: str, text: str, work: Path) -> str:
    ours = measure(text, "rashomon", work)
    spacy = measure(text, "spacy", work)
    per_100k = ours["seconds"] / (len(text) / 1e5)
    print(label, len(text), ours, spacy, flush=True)
    return (
        f"| {label} | {len(text):,} | {ours['seconds']:.1f} | {per_100k:.1f} | "
        f"{ours['peak_mb']:.0f} | {ours['peak_mb'] - ours['loaded_mb']:.0f} | "
        f"{spacy['seconds']:.1f} | {ours['seconds'] / max(spacy['seconds'], 1e-9):.1f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--full", action="store_true", help="also 10,000 repetitions, 1.6 M chars")
    args = parser.parse_args()
    work = Path("/tmp/rashomon-long-documents")
    work.mkdir(exist_ok=True)
    header = (
        "| document | characters | seconds | s per 100k chars | peak MB | above model MB "
        "| spaCy alone s | ratio |\n|---|---|---|---|---|---|---|---|"
    )
    base = real_text()
    lengths = [100_000, 200_000, 400_000] + ([800_000] if args.full else [])
    rows = []
    for length in lengths:
        text = (base * (length // len(base) + 1))[:length]
        rows.append(row(f"real text, {length // 1000}k chars", text, work))
    repeats = [500, 1000, 2000, 4000] + ([10_000] if args.full else [])
    for count in repeats:
        rows.append(row(f"one sentence × {count:,}", SENTENCE * count, work))
    body = (
        "Extraction of one document (all extractors, in pieces of 100,000 characters: "
        "`rashomon.extract.pieces`), each in a fresh process; spaCy alone parses the same "
        "pieces. Peak MB is the process's resident maximum, models included. On a shared "
        "machine wall-clock time varies with the load; the ratio to spaCy alone, measured "
        "right after on the same text, is the steadier figure.\n\n"
        + header
        + "\n"
        + "\n".join(rows)
    )
    write_result("long_documents", "Long and repetitive documents: time and memory", body)


if __name__ == "__main__":
    main()
