"""Cross-document event coreference on ECB+ (gold event mentions), ours vs lemma baselines.

Run from the project root::

    python benchmarks/ecbplus.py [--split test|val|both] [--tune]

Protocol (the standard gold-mention setting of the published numbers):

* data: ``../shared/benchmarks/ecbplus`` (Diverse_CDCR "prep" of ECB+, Barhom
  et al. 2019 split). Each document's text is rebuilt from the conll tokens
  (tokens joined by spaces, one sentence a line) with a token -> character
  map. The val conll is defective upstream: only the val topics are kept and
  duplicated token lines are dropped (keyed by doc, sentence, token).
* per document: our spaCy pipeline, ``find_entity_mentions``, ``tag_times``
  (document date: the first full calendar date the text itself gives, else
  None), then ``describe_event`` on every gold event mention
  (``event_mentions.json``), so arguments and times are ours, triggers gold.
* clustering: ``cluster_event_mentions`` over all documents of the split as one
  meta-document (chains may span documents and subtopics), and again within
  each gold topic (the setting most papers use).
* baselines, computed here: "lemma" (same spaCy head lemma, corpus-wide),
  "lemma within topic" and "lemma within subtopic" (gold topics/subtopics).
* scores: MUC, B³, CEAF-e, CoNLL F1 (``coref_metrics``), with singletons and
  without (singleton chains dropped from key and response).
* thresholds/weights of ``LinkParams`` were tuned on val (``--tune``), then
  fixed for test.
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from coref_metrics import conll_f1, remove_singletons  # noqa: E402

import rashomon.link  # noqa: E402,F401  (import order: link before extract.entities)
from rashomon.extract.entities import find_entity_mentions  # noqa: E402
from rashomon.extract.events import describe_event  # noqa: E402
from rashomon.extract.nlp import load_nlp  # noqa: E402
from rashomon.extract.timex import tag_times  # noqa: E402
from rashomon.link.events import LinkParams, cluster_event_mentions  # noqa: E402
from rashomon.model import EventMention  # noqa: E402

DATA = ROOT.parent / "shared" / "benchmarks" / "ecbplus"
VAL_TOPICS = {"2", "5", "12", "18", "21", "23", "34", "35"}
TEST_TOPICS = {str(t) for t in range(36, 46)}
PUBLISHED = (
    "85.7 CoNLL F1 (best published, gold mentions, a large transformer cross-encoder on GPU; "
    "figure as given for Held et al. 2021 / Caciularu et al. 2021, not re-run here)"
)


@dataclass(slots=True)
class Doc:
    key: str
    text: str
    offsets: dict[tuple[int, int], tuple[int, int]]  # (sent, token) -> (start, end)
    words: int


@dataclass(slots=True)
class Split:
    name: str
    docs: dict[str, Doc]
    mentions: list[dict]


def read_conll(path: Path, topics: set[str]) -> dict[str, Doc]:
    tokens: dict[str, dict[tuple[int, int], str]] = defaultdict(dict)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4 or parts[0].split("/")[0] not in topics:
                continue
            tokens[parts[0]].setdefault((int(parts[1]), int(parts[2])), parts[3])  # dedupes
    docs = {}
    for key, items in tokens.items():
        pieces: list[str] = []
        offsets = {}
        position, last_sent = 0, None
        for (sent, tok), word in sorted(items.items()):
            if last_sent is not None:
                sep = "\n" if sent != last_sent else " "
                pieces.append(sep)
                position += 1
            offsets[(sent, tok)] = (position, position + len(word))
            pieces.append(word)
            position += len(word)
            last_sent = sent
        words = sum(1 for w in items.values() if any(ch.isalnum() for ch in w))
        docs[key] = Doc(key, "".join(pieces), offsets, words)
    return docs


def load_split(name: str) -> Split:
    topics = VAL_TOPICS if name == "val" else TEST_TOPICS
    docs = read_conll(DATA / name / "dataset.conll", topics)
    mentions = json.loads((DATA / name / "event_mentions.json").read_text("utf-8"))
    mentions = [m for m in mentions if m["topic_id"] in topics and m["conll_doc_key"] in docs]
    return Split(name, docs, mentions)


def document_date(doc, doc_id: str) -> str | None:
    """The first full calendar date the text gives (ECB+ has no metadata dates)."""
    for t in tag_times(doc, doc_id, None):
        if t.type == "DATE" and t.value and len(t.value) == 10 and t.value[:4].isdigit():
            return t.value
    return None


def extract(split: Split) -> tuple[list[EventMention], float]:
    """Our event mentions for every gold trigger, in the order of ``split.mentions``."""
    nlp = load_nlp()
    started = time.perf_counter()
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(split.mentions):
        by_doc[m["conll_doc_key"]].append(i)
    result: list[EventMention | None] = [None] * len(split.mentions)
    keys = sorted(by_doc)
    for key, doc in zip(keys, nlp.pipe(split.docs[k].text for k in keys), strict=True):
        info = split.docs[key]
        dct = document_date(doc, key)
        entities = find_entity_mentions(doc, key)
        times = tag_times(doc, key, dct)
        for i in by_doc[key]:
            m = split.mentions[i]
            spans = [info.offsets[(m["sent_id"], t)] for t in m["tokens_number"]]
            start, end = min(s for s, _ in spans), max(e for _, e in spans)
            result[i] = describe_event(doc, key, start, end, entities, times, dct)
    return [r for r in result if r is not None], time.perf_counter() - started


def cached_extract(split: Split, use_cache: bool) -> tuple[list[EventMention], float]:
    """``extract``, or its pickled result from an earlier run (``--cache``, for tuning)."""
    path = Path(f"/tmp/rashomon-ecbplus-{split.name}.pickle")
    if use_cache and path.exists():
        return pickle.loads(path.read_bytes())
    result = extract(split)
    path.write_bytes(pickle.dumps(result))
    return result


def gold_clusters(split: Split) -> list[list[str]]:
    chains: dict[str, list[str]] = defaultdict(list)
    for m in split.mentions:
        chains[m["coref_chain"]].append(m["mention_id"])
    return list(chains.values())


def to_ids(split: Split, groups: list[list[int]]) -> list[list[str]]:
    return [[split.mentions[i]["mention_id"] for i in g] for g in groups]


def lemma_baseline(events: list[EventMention], split: Split, within: str | None) -> list[list[int]]:
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (event, m) in enumerate(zip(events, split.mentions, strict=True)):
        scope = m[within] if within else ""
        groups[(scope, event.lemma)].append(i)
    return list(groups.values())


def ours(
    events: list[EventMention], split: Split, params: LinkParams, by_topic: bool
) -> list[list[int]]:
    texts = {k: d.text for k, d in split.docs.items()}
    topic = {m["conll_doc_key"]: m["topic_id"] for m in split.mentions}
    partition = (lambda e: topic[e.doc]) if by_topic else None
    return cluster_event_mentions(events, None, texts, params=params, partition=partition)


def score(split: Split, groups: list[list[int]]) -> tuple[dict, dict]:
    key, response = gold_clusters(split), to_ids(split, groups)
    return conll_f1(key, response), conll_f1(remove_singletons(key), remove_singletons(response))


GRID = {
    "threshold": [0.5, 0.55, 0.6, 0.65],
    "same_story": [0.25, 0.4, 0.55],
    "same_class": [0.0, 0.2],
    "document": [0.45],
    "sentence": [0.4],
    "story_threshold": [0.08],
}


def tune(events: list[EventMention], split: Split) -> LinkParams:
    best, best_params = -1.0, LinkParams()
    for values in itertools.product(*GRID.values()):
        params = replace(LinkParams(), **dict(zip(GRID, values, strict=True)))
        f = score(split, ours(events, split, params, by_topic=False))[0]["conll"]
        if f > best:
            best, best_params = f, params
    print(f"tuned on {split.name}: CoNLL F1 {100 * best:.1f} with {best_params}", file=sys.stderr)
    return best_params


def fmt(scores: dict) -> list[str]:
    return [f"{100 * scores[m][2]:.1f}" for m in ("muc", "b3", "ceafe")] + [
        f"**{100 * scores['conll']:.1f}**"
    ]


def evaluate(
    split: Split, events: list[EventMention], params: LinkParams
) -> tuple[list[str], float]:
    rows = []
    started = time.perf_counter()
    systems = {
        "ours, all documents at once": ours(events, split, params, by_topic=False),
    }
    cluster_time = time.perf_counter() - started
    systems["ours, within gold topics"] = ours(events, split, params, by_topic=True)
    systems["lemma (corpus-wide)"] = lemma_baseline(events, split, None)
    systems["lemma within gold topic"] = lemma_baseline(events, split, "topic_id")
    systems["lemma within gold subtopic"] = lemma_baseline(events, split, "subtopic_id")
    systems["all singletons"] = [[i] for i in range(len(events))]
    for name, groups in systems.items():
        with_s, without_s = score(split, groups)
        rows.append(f"| {split.name} | {name} | " + " | ".join(fmt(with_s) + fmt(without_s)) + " |")
    return rows, cluster_time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tune", action="store_true", help="grid-search LinkParams on val")
    parser.add_argument("--cache", action="store_true", help="reuse extracted mentions (tuning)")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"ECB+ data not found at {DATA}")
    started = time.perf_counter()
    val, test = load_split("val"), load_split("test")
    val_events, val_time = cached_extract(val, args.cache)
    params = tune(val_events, val) if args.tune else LinkParams()
    test_events, test_time = cached_extract(test, args.cache)
    header = (
        "| split | system | MUC | B³ | CEAF-e | CoNLL | MUC | B³ | CEAF-e | CoNLL |\n"
        "|---|---|---|---|---|---|---|---|---|---|"
    )
    rows: list[str] = []
    timing = []
    for split, events, extract_time in (
        (val, val_events, val_time),
        (test, test_events, test_time),
    ):
        split_rows, cluster_time = evaluate(split, events, params)
        rows += split_rows
        words = sum(d.words for d in split.docs.values())
        rate = words / (extract_time + cluster_time)
        timing.append(
            f"{split.name}: {len(split.docs)} documents, {words:,} words, {len(events):,} gold "
            f"event mentions; parse + entities + times + describe_event {extract_time:.1f} s, "
            f"clustering {cluster_time:.2f} s; {rate:,.0f} words/s"
        )
    body = f"""Gold event mentions (`event_mentions.json`); our arguments, times and clustering.
F1 per metric; left block **with singletons**, right block **without singletons**
(singleton chains dropped from key and response). Val (topics 2, 5, 12, 18, 21, 23,
34, 35) was used to tune `LinkParams`; test is topics 36–45. "All documents at once"
puts every document of the split in one meta-document (no topic information);
"within gold topics" clusters each gold topic separately. Lemma baselines use the
spaCy head lemma of the gold trigger.

{header}
{chr(10).join(rows)}

Best published (test, with singletons): {PUBLISHED}.

Parameters: `{params}`.

{chr(10).join("- " + t for t in timing)}
- total run time {time.perf_counter() - started:.0f} s (CPU only).
"""
    from results import write_result

    write_result("ecbplus", "Cross-document event coreference (ECB+)", body)


if __name__ == "__main__":
    main()
