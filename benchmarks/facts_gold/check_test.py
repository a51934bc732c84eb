"""Consistency check of the held-out (test) half of the gold-facts annotation.

Loads the articles through ``benchmarks/corpora.py`` and verifies, for
``test.jsonl``, ``test-events.jsonl`` and ``test-relations.jsonl``:

- every statement's ``text`` equals ``article.text[start:end]``;
- every group and document belongs to the test half of the split rule in
  README.md (ECB+ test topics 36-45, BASIL triplets whose SHA-1 is odd, the
  Wikinews stock topic = TimeLine corpus 3);
- every statement names an annotated event whose ``docs`` hold its document;
- slots, flags and values are well formed, classes are unique per
  (group, event, slot) and every pair of different classes has exactly one
  relation line (dispute or revision) naming existing classes.

Prints the counts per corpus, slot and class and exits non-zero on any error.
Run: ``PYTHONPATH=src python benchmarks/facts_gold/check_test.py``.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import corpora  # noqa: E402

SPLIT = "test"
ROLES = {
    "killed", "injured", "arrested", "missing", "displaced", "affected", "money",
    "magnitude", "distance", "duration", "other",
}
PLAIN_SLOTS = {"when", "where", "agent", "patient", "outcome"}
RELATIONS = {"dispute", "revision"}
ECB_TEST_TOPICS = {str(t) for t in range(36, 46)}
STATEMENT_KEYS = {
    "split", "corpus", "group", "event", "doc", "slot", "value", "class", "start", "end",
    "text", "attribution", "quoted", "hedged", "negated", "note",
}


def basil_is_test(uuid: str) -> bool:
    """The README's rule: odd SHA-1 of the triplet uuid is held out."""
    return int(hashlib.sha1(uuid.encode("utf-8")).hexdigest(), 16) % 2 == 1


def stock_ids(root: Path = corpora.BENCHMARKS) -> set[str]:
    base = root / "semeval2015_timeline" / "SemEval_Task4_data" / "corpus_3"
    return {p.stem.split("_")[0] for p in (base / "corpus_trackA_TimeML").glob("*.tml")}


def load(name: str) -> list[dict]:
    path = HERE / name
    rows = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise SystemExit(f"{path.name}:{n}: not JSON ({err})") from err
    return rows


def slot_ok(slot: str) -> bool:
    if slot in PLAIN_SLOTS:
        return True
    kind, _, role = slot.partition(":")
    return kind == "count" and role in ROLES


def group_errors(corpus: str, group: str, doc: str, stock: set[str]) -> list[str]:
    """Why (group, doc) is not in the test half; empty when it is."""
    if corpus == "ecbplus":
        topic, sub, _ = (doc.split("/") + ["", ""])[:3]
        errs = []
        if topic not in ECB_TEST_TOPICS:
            errs.append(f"ECB+ topic {topic} is not a test topic")
        if sub != group or not group.startswith(topic):
            errs.append(f"ECB+ doc {doc} is not in group {group}")
        return errs
    if corpus == "basil":
        errs = [] if basil_is_test(group) else [f"BASIL triplet {group} is in the tune half"]
        if doc.rsplit("_", 1)[0] != group:
            errs.append(f"BASIL doc {doc} is not in triplet {group}")
        return errs
    if corpus == "wikinews":
        errs = [] if group == "stock" else [f"Wikinews group {group} is not 'stock'"]
        if doc not in stock:
            errs.append(f"Wikinews doc {doc} is not in TimeLine corpus 3")
        return errs
    return [f"unknown corpus {corpus}"]


def main() -> int:
    texts: dict[tuple[str, str], str] = {}
    for a in corpora.ecbplus(split="test"):
        texts[("ecbplus", a.id)] = a.text
    for a in corpora.basil():
        texts[("basil", a.id)] = a.text
    for a in corpora.wikinews():
        texts[("wikinews", a.id)] = a.text
    if not texts:
        print("corpora not found under", corpora.BENCHMARKS)
        return 1
    stock = stock_ids()
    events = load(f"{SPLIT}-events.jsonl")
    statements = load(f"{SPLIT}.jsonl")
    relations = load(f"{SPLIT}-relations.jsonl")
    errors: list[str] = []

    event_docs: dict[tuple[str, str], set[str]] = {}
    event_corpus: dict[tuple[str, str], str] = {}
    for e in events:
        key = (e["group"], e["event"])
        where = f"event {key}"
        if key in event_docs:
            errors.append(f"{where}: listed twice")
        if e.get("split") != SPLIT:
            errors.append(f"{where}: split {e.get('split')!r}")
        if not e.get("description"):
            errors.append(f"{where}: no description")
        docs = e.get("docs") or []
        if not docs:
            errors.append(f"{where}: no docs")
        for d in docs:
            if (e["corpus"], d) not in texts:
                errors.append(f"{where}: unknown doc {d}")
            errors += [f"{where}: {m}" for m in group_errors(e["corpus"], e["group"], d, stock)]
        event_docs[key] = set(docs)
        event_corpus[key] = e["corpus"]

    classes: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    reported: dict[tuple[str, str], set[str]] = defaultdict(set)
    for n, s in enumerate(statements, 1):
        where = f"test.jsonl:{n}"
        if set(s) != STATEMENT_KEYS:
            errors.append(f"{where}: keys {sorted(set(s) ^ STATEMENT_KEYS)} differ")
            continue
        key = (s["group"], s["event"])
        if s["split"] != SPLIT:
            errors.append(f"{where}: split {s['split']!r}")
        if key not in event_docs:
            errors.append(f"{where}: event {key} not in {SPLIT}-events.jsonl")
        elif s["doc"] not in event_docs[key]:
            errors.append(f"{where}: doc {s['doc']} not in the docs of event {key}")
        elif event_corpus[key] != s["corpus"]:
            errors.append(f"{where}: corpus differs from its event's")
        errors += [f"{where}: {m}" for m in group_errors(s["corpus"], s["group"], s["doc"], stock)]
        text = texts.get((s["corpus"], s["doc"]))
        if text is None:
            errors.append(f"{where}: unknown doc {s['doc']}")
        elif not 0 <= s["start"] < s["end"] <= len(text) or (
            text[s["start"]:s["end"]] != s["text"]
        ):
            errors.append(f"{where}: text {s['text']!r} is not article.text[start:end]")
        if not slot_ok(s["slot"]):
            errors.append(f"{where}: bad slot {s['slot']!r}")
        if s["slot"] == "count:other" and not s["note"]:
            errors.append(f"{where}: count:other without a note saying what is counted")
        if not str(s["value"]).strip() or not str(s["class"]).strip():
            errors.append(f"{where}: empty value or class")
        for flag in ("quoted", "hedged", "negated"):
            if not isinstance(s[flag], bool):
                errors.append(f"{where}: {flag} is not a boolean")
        if s["attribution"] is not None and not str(s["attribution"]).strip():
            errors.append(f"{where}: empty attribution (use null)")
        if len(s["note"]) > 120:
            errors.append(f"{where}: note longer than 120 characters")
        classes[(s["group"], s["event"], s["slot"])].add(s["class"])
        reported[key].add(s["doc"])

    pairs: Counter[tuple[str, str, str, frozenset[str]]] = Counter()
    for n, r in enumerate(relations, 1):
        where = f"{SPLIT}-relations.jsonl:{n}"
        if r.get("split") != SPLIT:
            errors.append(f"{where}: split {r.get('split')!r}")
        known = classes.get((r["group"], r["event"], r["slot"]), set())
        for side in ("a", "b"):
            if r[side] not in known:
                errors.append(
                    f"{where}: class {r[side]!r} not used in {r['group']}/{r['event']}/{r['slot']}"
                )
        if r["a"] == r["b"]:
            errors.append(f"{where}: relation of a class with itself")
        if r["relation"] not in RELATIONS:
            errors.append(f"{where}: relation {r['relation']!r}")
        pairs[(r["group"], r["event"], r["slot"], frozenset((r["a"], r["b"])))] += 1
    for (group, event, slot), found in sorted(classes.items()):
        for a, b in combinations(sorted(found), 2):
            count = pairs[(group, event, slot, frozenset((a, b)))]
            if count != 1:
                errors.append(f"{group}/{event}/{slot}: {count} relation lines for {a}, {b}")
    for key in event_docs:
        if not reported[key]:
            errors.append(f"event {key}: no statements")

    report(events, statements, relations, classes)
    for e in errors:
        print("ERROR", e)
    print(f"{len(errors)} errors")
    return 1 if errors else 0


def report(events: list[dict], statements: list[dict], relations: list[dict],
           classes: dict[tuple[str, str, str], set[str]]) -> None:
    corpus_of = {(e["group"], e["event"]): e["corpus"] for e in events}
    print("corpus      groups events statements docs-with-statements")
    for corpus in sorted({e["corpus"] for e in events}):
        evs = [e for e in events if e["corpus"] == corpus]
        sts = [s for s in statements if s["corpus"] == corpus]
        print(f"{corpus:<11} {len({e['group'] for e in evs}):>6} {len(evs):>6} {len(sts):>10} "
              f"{len({s['doc'] for s in sts}):>6}")
    groups = len({e["group"] for e in events})
    print(f"{'total':<11} {groups:>6} {len(events):>6} {len(statements):>10}")
    print("\nslot              statements  (event,slot)  classes  with-2+-classes")
    by_slot = Counter(s["slot"] for s in statements)
    for slot in sorted(by_slot):
        keys = [k for k in classes if k[2] == slot]
        multi = sum(1 for k in keys if len(classes[k]) > 1)
        n_classes = sum(len(classes[k]) for k in keys)
        print(f"{slot:<17} {by_slot[slot]:>10} {len(keys):>12} {n_classes:>8} {multi:>16}")
    multi_by_corpus = Counter(corpus_of.get(k[:2], "?") for k, v in classes.items() if len(v) > 1)
    print("\n(event,slot) with 2+ classes per corpus:", dict(sorted(multi_by_corpus.items())))
    print("classes in all:", sum(len(v) for v in classes.values()),
          "| (event,slot) with 2+ classes:", sum(1 for v in classes.values() if len(v) > 1))
    rel = Counter(r["relation"] for r in relations)
    print("relations:", dict(sorted(rel.items())))
    rel_by_corpus = Counter((corpus_of.get((r["group"], r["event"]), "?"), r["relation"])
                            for r in relations)
    print("relations per corpus:", {f"{c}/{k}": n for (c, k), n in sorted(rel_by_corpus.items())})
    flags = Counter(f for s in statements for f in ("quoted", "hedged", "negated") if s[f])
    print("flags:", dict(sorted(flags.items())),
          "| attributed:", sum(1 for s in statements if s["attribution"]))


if __name__ == "__main__":
    sys.exit(main())
