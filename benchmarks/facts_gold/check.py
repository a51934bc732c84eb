"""Check one half of the gold-facts annotation against the corpora and the guide.

Run from the project root::

    PYTHONPATH=src python benchmarks/facts_gold/check.py            # the tune half
    PYTHONPATH=src python benchmarks/facts_gold/check.py --split test

It verifies, for ``<split>.jsonl``, ``<split>-events.jsonl`` and ``<split>-relations.jsonl``
(see README.md in this folder):

* every statement's ``text`` equals ``article.text[start:end]`` of the article that
  ``benchmarks/corpora.py`` builds;
* corpus, group and document ids follow the split rule fixed in README.md (ECB+ topics,
  in tune also the train topics 22 and 32 that the val file holds; the parity of the
  BASIL triplet SHA-1, the Wikinews topic);
* slots, flags and classes are well formed, every statement's document is among its
  event's ``docs`` and, for an event with a ``slots`` restriction, its slot among them,
  and every relation names two existing, different classes of one (event, slot), with
  one relation for each pair of classes;

then prints counts per corpus, slot and class. Exit status 1 when anything is wrong.
Only the files of the requested split are opened.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import corpora  # noqa: E402  (benchmarks/corpora.py, found through the path above)

SLOTS = {"when", "where", "agent", "patient", "outcome"}
COUNT_ROLES = {
    "killed",
    "injured",
    "arrested",
    "missing",
    "displaced",
    "affected",
    "money",
    "magnitude",
    "distance",
    "duration",
    "other",
}
RELATIONS = {"dispute", "revision"}
STATEMENT_KEYS = {
    "split",
    "corpus",
    "group",
    "event",
    "doc",
    "slot",
    "value",
    "class",
    "start",
    "end",
    "text",
    "attribution",
    "quoted",
    "hedged",
    "negated",
    "note",
}
EVENT_KEYS = {"split", "corpus", "group", "event", "description", "docs"}
EVENT_OPTIONAL = {"slots"}  # only these slots were annotated for the event (README)
RELATION_KEYS = {"split", "group", "event", "slot", "a", "b", "relation", "note"}
ECB_TOPICS = {
    "tune": corpora.ECBPLUS_VAL_TOPICS | corpora.ECBPLUS_EXTRA_TUNE_TOPICS,
    "test": {str(t) for t in range(36, 46)},
}
WIKINEWS_TOPICS = {"tune": ("gm", "corpus_2"), "test": ("stock", "corpus_3")}
TIMEML = corpora.BENCHMARKS / "semeval2015_timeline" / "SemEval_Task4_data"


def basil_half(triplet: str) -> str:
    """The half a BASIL triplet belongs to: even SHA-1 of its uuid is tune."""
    return "tune" if int(hashlib.sha1(triplet.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"


def wikinews_ids(split: str) -> set[str]:
    """Document ids of the split's TimeLine corpus (file names of its track A TimeML)."""
    folder = TIMEML / WIKINEWS_TOPICS[split][1] / "corpus_trackA_TimeML"
    return {path.name.split("_")[0] for path in folder.glob("*.tml")}


def group_error(split: str, corpus: str, group: str, doc: str | None = None) -> str | None:
    """Why (corpus, group, doc) is not in this split, or None when it is."""
    if corpus == "ecbplus":
        topic = group.removesuffix("plus").removesuffix("ecb")
        if not group.endswith(("ecb", "ecbplus")) or topic not in ECB_TOPICS[split]:
            return f"ECB+ group {group!r} is not a {split} subtopic"
        if doc is not None and not doc.startswith(f"{topic}/{group}/"):
            return f"ECB+ document {doc!r} is not in group {group!r}"
    elif corpus == "basil":
        if basil_half(group) != split:
            return f"BASIL triplet {group!r} belongs to the other half"
        if doc is not None and doc.rsplit("_", 1)[0] != group:
            return f"BASIL document {doc!r} is not in triplet {group!r}"
    elif corpus == "wikinews":
        if group != WIKINEWS_TOPICS[split][0]:
            return f"Wikinews group {group!r} is not the {split} topic"
        if doc is not None and doc not in wikinews_ids(split):
            return f"Wikinews document {doc!r} is not in {WIKINEWS_TOPICS[split][1]}"
    else:
        return f"unknown corpus {corpus!r}"
    return None


def load_articles(split: str) -> dict[tuple[str, str], str]:
    """(corpus, id) -> text for the documents this split may use."""
    ecb = list(corpora.ecbplus(split="val" if split == "tune" else split))
    if split == "tune":
        ecb += corpora.ecbplus(split="val", topics=corpora.ECBPLUS_EXTRA_TUNE_TOPICS)
    texts = {("ecbplus", a.id): a.text for a in ecb}
    texts |= {
        ("basil", a.id): a.text
        for a in corpora.basil()
        if basil_half(a.id.rsplit("_", 1)[0]) == split
    }
    ids = wikinews_ids(split)
    texts |= {("wikinews", a.id): a.text for a in corpora.wikinews() if a.id in ids}
    return texts


def read_jsonl(path: Path, errors: list[str]) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            errors.append(f"{path.name}:{number}: not JSON ({exc})")
    return rows


def slot_error(slot: object) -> str | None:
    if not isinstance(slot, str):
        return f"slot {slot!r} is not a string"
    if slot in SLOTS or (slot.startswith("count:") and slot[6:] in COUNT_ROLES):
        return None
    return f"unknown slot {slot!r}"


def restriction_error(slots: object) -> str | None:
    """Why an event's ``slots`` field is malformed: a non-empty list of slots or slot
    prefixes ("count" stands for every count:<role>)."""
    if not isinstance(slots, list) or not slots:
        return "slots must be a non-empty list"
    for slot in slots:
        if slot != "count" and (problem := slot_error(slot)):
            return f"slots: {problem}"
    return None


def restricted_out(slot: str, slots: list[str]) -> bool:
    """Whether a statement's slot falls outside an event's ``slots`` restriction."""
    return not any(slot == s or slot.startswith(s + ":") for s in slots)


def check_events(split: str, events: list[dict], texts: dict, errors: list[str]) -> dict:
    """Validate event lines; return (group, event) -> event."""
    by_key: dict[tuple[str, str], dict] = {}
    for number, event in enumerate(events, 1):
        where = f"{split}-events.jsonl:{number}"
        if not EVENT_KEYS <= set(event) <= EVENT_KEYS | EVENT_OPTIONAL:
            differ = sorted((set(event) - EVENT_OPTIONAL) ^ EVENT_KEYS)
            errors.append(f"{where}: keys {differ} differ from the guide")
        if "slots" in event and (problem := restriction_error(event["slots"])):
            errors.append(f"{where}: {problem}")
        key = (event.get("group"), event.get("event"))
        if key in by_key:
            errors.append(f"{where}: event {key} defined twice")
        by_key[key] = event
        if event.get("split") != split:
            errors.append(f"{where}: split {event.get('split')!r}")
        if problem := group_error(split, event.get("corpus", ""), event.get("group", "")):
            errors.append(f"{where}: {problem}")
        docs = event.get("docs") or []
        if not docs or len(set(docs)) != len(docs):
            errors.append(f"{where}: docs empty or repeated")
        for doc in docs:
            if (event.get("corpus"), doc) not in texts:
                errors.append(f"{where}: document {doc!r} not found in the corpus")
            elif problem := group_error(split, event["corpus"], event["group"], doc):
                errors.append(f"{where}: {problem}")
    return by_key


def check_statements(
    split: str, statements: list[dict], events: dict, texts: dict, errors: list[str]
) -> dict[tuple[str, str, str], set[str]]:
    """Validate statement lines; return (group, event, slot) -> classes."""
    classes: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    seen: set[tuple] = set()
    for number, row in enumerate(statements, 1):
        where = f"{split}.jsonl:{number}"
        if set(row) != STATEMENT_KEYS:
            errors.append(f"{where}: keys {sorted(set(row) ^ STATEMENT_KEYS)} differ from guide")
            continue
        if row["split"] != split:
            errors.append(f"{where}: split {row['split']!r}")
        event = events.get((row["group"], row["event"]))
        if event is None:
            errors.append(f"{where}: no event {row['group']}/{row['event']} in the events file")
        elif event["corpus"] != row["corpus"]:
            errors.append(f"{where}: corpus differs from its event's")
        elif row["doc"] not in event["docs"]:
            errors.append(f"{where}: document {row['doc']!r} is not in its event's docs")
        elif isinstance(event.get("slots"), list) and restricted_out(row["slot"], event["slots"]):
            errors.append(f"{where}: slot {row['slot']!r} is not among its event's slots")
        if problem := slot_error(row["slot"]):
            errors.append(f"{where}: {problem}")
        for flag in ("quoted", "hedged", "negated"):
            if not isinstance(row[flag], bool):
                errors.append(f"{where}: {flag} is not a boolean")
        attribution = row["attribution"]
        if attribution is not None and not (isinstance(attribution, str) and attribution):
            errors.append(f"{where}: attribution must be null or a non-empty string")
        if not all(isinstance(row[k], str) and row[k] for k in ("value", "class")):
            errors.append(f"{where}: value and class must be non-empty strings")
        text = texts.get((row["corpus"], row["doc"]))
        start, end = row["start"], row["end"]
        if text is None:
            errors.append(f"{where}: document {row['doc']!r} not found in the corpus")
        elif not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            errors.append(f"{where}: offsets {start}-{end} are not a span")
        elif end > len(text):
            errors.append(f"{where}: offsets {start}-{end} out of range")
        elif text[start:end] != row["text"]:
            errors.append(f"{where}: text {row['text']!r} != article text {text[start:end]!r}")
        key = (row["group"], row["event"], row["doc"], row["slot"], start, end)
        if key in seen:
            errors.append(f"{where}: the same span is annotated twice for this event and slot")
        seen.add(key)
        classes[(row["group"], row["event"], row["slot"])].add(row["class"])
    return classes


def check_relations(split: str, relations: list[dict], classes: dict, errors: list[str]) -> None:
    """Validate relation lines and that every pair of classes of a slot has one."""
    pairs: set[tuple] = set()
    for number, rel in enumerate(relations, 1):
        where = f"{split}-relations.jsonl:{number}"
        if set(rel) != RELATION_KEYS:
            errors.append(f"{where}: keys {sorted(set(rel) ^ RELATION_KEYS)} differ from the guide")
            continue
        key = (rel["group"], rel["event"], rel["slot"])
        if rel["split"] != split:
            errors.append(f"{where}: split {rel['split']!r}")
        if rel["relation"] not in RELATIONS:
            errors.append(f"{where}: relation {rel['relation']!r} is not dispute or revision")
        if rel["a"] == rel["b"]:
            errors.append(f"{where}: a relation needs two different classes")
        for name in (rel["a"], rel["b"]):
            if name not in classes.get(key, set()):
                errors.append(f"{where}: class {name!r} does not exist for {key}")
        pair = (*key, frozenset((rel["a"], rel["b"])))
        if pair in pairs:
            errors.append(f"{where}: pair {sorted(pair[3])} related twice")
        pairs.add(pair)
    for key, names in classes.items():
        for a, b in itertools.combinations(sorted(names), 2):
            if (*key, frozenset((a, b))) not in pairs:
                errors.append(f"{key}: classes {a!r} and {b!r} have no relation line")


def listing(items: list[tuple[str, int]], sep: str = " ") -> str:
    return ", ".join(f"{name}{sep}{n}" for name, n in items)


def slot_key(row: dict) -> tuple[str, str, str]:
    return (row["group"], row["event"], row["slot"])


def report(statements: list[dict], events: dict, relations: list[dict], classes: dict) -> None:
    """Print the counts per corpus, slot and class."""
    corpus_of = {key: event["corpus"] for key, event in events.items()}
    print(f"{'corpus':10} {'groups':>6} {'events':>6} {'docs':>5} {'statements':>10}")
    for corpus in sorted(set(corpus_of.values())):
        keys = [k for k, c in corpus_of.items() if c == corpus]
        docs = {d for k in keys for d in events[k]["docs"]}
        count = sum(1 for s in statements if s["corpus"] == corpus)
        print(f"{corpus:10} {len({k[0] for k in keys}):6} {len(keys):6} {len(docs):5} {count:10}")
    all_docs = {(e["corpus"], d) for e in events.values() for d in e["docs"]}
    groups = len({k[0] for k in events})
    print(f"{'total':10} {groups:6} {len(events):6} {len(all_docs):5} {len(statements):10}")
    print("\nstatements per slot:")
    for slot, n in sorted(Counter(s["slot"] for s in statements).items(), key=lambda x: -x[1]):
        print(f"  {slot:16} {n:5}")
    flags = Counter(f for s in statements for f in ("quoted", "hedged", "negated") if s[f])
    attributed = sum(1 for s in statements if s["attribution"])
    print(
        f"\nattributed {attributed}, quoted {flags['quoted']}, hedged {flags['hedged']}, "
        f"negated {flags['negated']}"
    )
    multi = {k: v for k, v in classes.items() if len(v) > 1}
    kinds = Counter(r["relation"] for r in relations)
    print(
        f"\n(event, slot) pairs: {len(classes)}, with 2+ classes: {len(multi)}; "
        f"relations: dispute {kinds['dispute']}, revision {kinds['revision']}"
    )
    per_corpus = Counter(corpus_of[(k[0], k[1])] for k in multi)
    per_slot = Counter(k[2] for k in multi)
    print("  with 2+ classes per corpus:", listing(sorted(per_corpus.items())))
    print("  with 2+ classes per slot:  ", listing(sorted(per_slot.items())))
    print("  statements per class for those pairs:")
    for key in sorted(multi):
        sizes = Counter(s["class"] for s in statements if key == slot_key(s))
        print(f"    {key[0][:12]:12} {key[1]:4} {key[2]:16} {listing(sizes.most_common(), ':')}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "test"), default="tune")
    split = parser.parse_args().split
    errors: list[str] = []
    statements = read_jsonl(HERE / f"{split}.jsonl", errors)
    event_rows = read_jsonl(HERE / f"{split}-events.jsonl", errors)
    relations = read_jsonl(HERE / f"{split}-relations.jsonl", errors)
    texts = load_articles(split)
    events = check_events(split, event_rows, texts, errors)
    classes = check_statements(split, statements, events, texts, errors)
    check_relations(split, relations, classes, errors)
    annotated = {(s["group"], s["event"]) for s in statements}
    errors.extend(f"event {key} has no statement" for key in events if key not in annotated)
    report(statements, events, relations, classes)
    for error in errors:
        print("ERROR", error)
    print(f"\n{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
