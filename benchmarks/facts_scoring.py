"""Scoring the comparison of sources against the gold facts of ``benchmarks/facts_gold``.

The gold (see its README) lists, for the main events of each group of reports,
every statement each document makes of a slot value, with a compatibility
class, and for each pair of classes of one slot whether the sources dispute or
one revises the other. System findings are matched to gold statements by
character overlap in the same document and a matching slot; then:

* a **dispute** is right when one of its values matches a gold statement of
  class A and the other one of class B, of the same gold event and slot, and
  A-B is a gold dispute; a revision called a dispute, or two statements of one
  class, is wrong; a dispute whose sides do not both match the same gold
  event and slot is *unjudged* (it is reported, and counted as wrong in the
  strict precision);
* an **agreement** (a value that two or more independent sources give, in a
  fact where no dispute or revision is called: ``Fact.agreed_values``) is right
  when its matched statements (two or more documents) are all of one gold event,
  slot and class; it is wrong when they span two events or two classes; otherwise
  unjudged;
* **recall** of real conflicts: a gold dispute relation is found when some
  system dispute has one side on class A and the other on class B of it;
  per reason (number, date, place, actor/victim);
* **revisions**: the share of gold revision relations the system shows as
  revisions, and the precision of the revisions it shows;
* an **omission** (a document listed as reporting the event but silent on the
  slot) is right when the gold event lists that document and the gold has no
  statement of it for the slot;
* a finding whose documents all belong to gold events annotated for some slots
  only (the event's ``slots`` field: ECB+ topics 22 and 32, counts and dates) and
  whose slot is not among those slots is **left out**: the gold is silent on it by
  design, so it counts neither as right, wrong nor unjudged (``Tally.left_out``).

Pure functions over small dataclasses, so the scorer is tested on its own
(``tests/benchmarks/test_facts_scoring.py``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "facts_gold"
REASON_OF_SLOT = {"when": "date", "where": "place", "agent": "actor", "patient": "victim"}


def reason_of(slot: str) -> str:
    return "number" if slot.startswith("count:") else REASON_OF_SLOT.get(slot, "outcome")


@dataclass(frozen=True, slots=True)
class GoldStatement:
    corpus: str
    group: str
    event: str
    doc: str
    slot: str
    value: str
    cls: str
    start: int
    end: int
    negated: bool = False

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.group, self.event, self.slot)


@dataclass(frozen=True, slots=True)
class GoldRelation:
    group: str
    event: str
    slot: str
    a: str
    b: str
    relation: str  # dispute | revision


@dataclass(slots=True)
class Gold:
    statements: list[GoldStatement] = field(default_factory=list)
    events: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # -> docs
    relations: list[GoldRelation] = field(default_factory=list)
    # (group, event) -> the only slots annotated for it (slot names or prefixes: "count")
    restricted: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)

    def relation(self, key: tuple[str, str, str], a: str, b: str) -> str | None:
        for r in self.relations:
            if (r.group, r.event, r.slot) == key and {r.a, r.b} == {a, b}:
                return r.relation
        return None

    def annotated_slots(self, doc: str) -> frozenset[str] | None:
        """The slots the gold annotated in a document of restricted events only, or None
        when some event of the document (or none at all) is annotated for every slot."""
        slots: set[str] = set()
        listed = False
        for key, docs in self.events.items():
            if doc in docs:
                listed = True
                if key not in self.restricted:
                    return None
                slots |= self.restricted[key]
        return frozenset(slots) if listed else None

    def left_out(self, slot: str, docs: Iterable[str]) -> bool:
        """Whether a finding of ``slot`` over these documents is outside what the gold
        annotated: every document is one of restricted events that leave the slot out."""
        docs = set(docs)
        if not docs:
            return False
        for doc in docs:
            slots = self.annotated_slots(doc)
            if slots is None or any(slot == s or slot.startswith(s + ":") for s in slots):
                return False
        return True


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def load_gold(split: str, root: Path = GOLD) -> Gold:
    gold = Gold()
    for row in read_jsonl(root / f"{split}.jsonl"):
        gold.statements.append(
            GoldStatement(
                row["corpus"],
                row["group"],
                row["event"],
                row["doc"],
                row["slot"],
                str(row["value"]),
                row["class"],
                row["start"],
                row["end"],
                bool(row.get("negated")),
            )
        )
    for row in read_jsonl(root / f"{split}-events.jsonl"):
        gold.events[(row["group"], row["event"])] = set(row.get("docs", []))
        if row.get("slots"):
            gold.restricted[(row["group"], row["event"])] = frozenset(row["slots"])
    for row in read_jsonl(root / f"{split}-relations.jsonl"):
        gold.relations.append(
            GoldRelation(
                row["group"], row["event"], row["slot"], row["a"], row["b"], row["relation"]
            )
        )
    return gold


# --- system findings, as the scorer sees them ---------------------------------------------

Span = tuple[str, int, int]  # doc, start, end


@dataclass(frozen=True, slots=True)
class SysConflict:
    kind: str  # dispute | revision
    slot: str
    a: tuple[Span, ...]
    b: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class SysAgreement:
    slot: str
    statements: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class SysOmission:
    slot: str
    statements: tuple[Span, ...]  # the fact's statements (to find its gold event)
    doc: str


def slots_match(system: str, gold: str) -> bool:
    if system == gold or system.startswith(gold + ":"):  # "count:money:USD" is "count:money"
        return True
    return system.startswith("count:") and gold == "count:other"


class Matcher:
    """Gold statements by document, to match a system span."""

    def __init__(self, gold: Gold) -> None:
        self.gold = gold
        self.by_doc: dict[str, list[GoldStatement]] = defaultdict(list)
        for s in gold.statements:
            self.by_doc[s.doc].append(s)

    def match(self, span: Span, slot: str) -> list[GoldStatement]:
        doc, start, end = span
        return [
            g
            for g in self.by_doc.get(doc, ())
            if g.start < end and start < g.end and slots_match(slot, g.slot)
        ]

    def matches(self, spans: Iterable[Span], slot: str) -> list[GoldStatement]:
        return [g for span in spans for g in self.match(span, slot)]

    def left_out(self, slot: str, spans: Iterable[Span], *docs: str) -> bool:
        """Whether a finding falls where the gold annotated other slots only."""
        return self.gold.left_out(slot, [*(d for d, _, _ in spans), *docs])


@dataclass(slots=True)
class Tally:
    right: int = 0
    wrong: int = 0
    unjudged: int = 0
    by_hand: int = 0  # of right + wrong, how many were judged by hand (not by the gold)
    left_out: int = 0  # outside the slots annotated for their events: not scored at all

    @property
    def judged(self) -> int:
        return self.right + self.wrong

    def precision(self) -> float | None:
        return self.right / self.judged if self.judged else None

    def strict(self) -> float | None:
        total = self.judged + self.unjudged
        return self.right / total if total else None


def item_key(kind: str, slot: str, spans: Iterable[Span], doc: str = "") -> str:
    """A stable key for a system finding, to look up a judgment made by hand."""
    parts = sorted(f"{d}:{s}:{e}" for d, s, e in spans)
    return "|".join([kind, slot, doc, *parts])


class Judgments:
    """Findings the gold does not cover, judged by hand: ``<split>-judged.jsonl``.

    Each line: ``{"key": item_key(...), "verdict": "right"|"wrong", "note": ...}``, plus
    the finding's text for the reader. Used only for findings the gold leaves unjudged."""

    def __init__(self, rows: Iterable[dict] = ()) -> None:
        self.verdicts = {row["key"]: row["verdict"] for row in rows}

    @classmethod
    def load(cls, split: str, root: Path = GOLD) -> Judgments:
        return cls(read_jsonl(root / f"{split}-judged.jsonl"))

    def apply(self, tally: Tally, key: str) -> None:
        verdict = self.verdicts.get(key)
        if verdict == "right":
            tally.right += 1
            tally.by_hand += 1
        elif verdict == "wrong":
            tally.wrong += 1
            tally.by_hand += 1
        else:
            tally.unjudged += 1


def dispute_key(c: SysConflict) -> str:
    return item_key(c.kind, c.slot, [*c.a, *c.b])


def agreement_key(a: SysAgreement) -> str:
    return item_key("agreement", a.slot, a.statements)


def omission_key(o: SysOmission) -> str:
    return item_key("omission", o.slot, o.statements, o.doc)


def judge_dispute(conflict: SysConflict, gold: Gold, matcher: Matcher) -> str:
    """right | revision | same-class | unjudged."""
    a = matcher.matches(conflict.a, conflict.slot)
    b = matcher.matches(conflict.b, conflict.slot)
    outcomes = set()
    for x in a:
        for y in b:
            if x.key != y.key or x.doc == y.doc:
                continue
            if x.cls == y.cls:
                outcomes.add("same-class")
                continue
            relation = gold.relation(x.key, x.cls, y.cls) or "dispute"
            outcomes.add("right" if relation == "dispute" else "revision")
    for outcome in ("right", "revision", "same-class"):
        if outcome in outcomes:
            return outcome
    return "unjudged"


def score_disputes(
    conflicts: Sequence[SysConflict],
    gold: Gold,
    matcher: Matcher,
    judged: Judgments | None = None,
) -> tuple[Tally, dict[str, int]]:
    tally = Tally()
    why: dict[str, int] = defaultdict(int)
    judged = judged or Judgments()
    for c in conflicts:
        if c.kind != "dispute":
            continue
        if matcher.left_out(c.slot, [*c.a, *c.b]):
            tally.left_out += 1
            why["left out"] += 1
            continue
        outcome = judge_dispute(c, gold, matcher)
        why[outcome] += 1
        if outcome == "right":
            tally.right += 1
        elif outcome == "unjudged":
            judged.apply(tally, dispute_key(c))
        else:
            tally.wrong += 1
    return tally, dict(why)


def agreement_matches(item: SysAgreement, matcher: Matcher) -> dict[str, list[GoldStatement]]:
    per_doc: dict[str, list[GoldStatement]] = defaultdict(list)
    for span in item.statements:
        per_doc[span[0]].extend(matcher.match(span, item.slot))
    return {doc: gs for doc, gs in per_doc.items() if gs}


def score_agreements(
    agreements: Sequence[SysAgreement], matcher: Matcher, judged: Judgments | None = None
) -> Tally:
    tally = Tally()
    judged = judged or Judgments()
    for item in agreements:
        if matcher.left_out(item.slot, item.statements):
            tally.left_out += 1
            continue
        matched = agreement_matches(item, matcher)
        if len(matched) < 2:
            judged.apply(tally, agreement_key(item))
            continue
        # right when one (event, slot, class) covers a statement of every matched document
        options = set.intersection(*({(g.key, g.cls) for g in gs} for gs in matched.values()))
        if options:
            tally.right += 1
        else:
            tally.wrong += 1
    return tally


def recall_of_conflicts(
    conflicts: Sequence[SysConflict],
    gold: Gold,
    matcher: Matcher,
    relation: str,
    kinds: frozenset[str] | None = None,
) -> dict[str, tuple[int, int]]:
    """reason -> (found, total) over the gold relations of one kind, found by a system
    conflict of the same kind, or of any of ``kinds`` (for "shown at all": a dispute,
    a revision, or a difference held back with its reason)."""
    found_pairs: set[tuple[tuple[str, str, str], frozenset[str]]] = set()
    wanted = kinds or frozenset({"dispute" if relation == "dispute" else "revision"})
    for c in conflicts:
        if c.kind not in wanted:
            continue
        for x in matcher.matches(c.a, c.slot):
            for y in matcher.matches(c.b, c.slot):
                if x.key == y.key and x.cls != y.cls:
                    found_pairs.add((x.key, frozenset({x.cls, y.cls})))
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in gold.relations:
        if r.relation != relation:
            continue
        reason = reason_of(r.slot)
        totals[reason][1] += 1
        if ((r.group, r.event, r.slot), frozenset({r.a, r.b})) in found_pairs:
            totals[reason][0] += 1
    return {k: (v[0], v[1]) for k, v in totals.items()}


def score_revisions(
    conflicts: Sequence[SysConflict],
    gold: Gold,
    matcher: Matcher,
    judged: Judgments | None = None,
) -> Tally:
    tally = Tally()
    judged = judged or Judgments()
    for c in conflicts:
        if c.kind != "revision":
            continue
        if matcher.left_out(c.slot, [*c.a, *c.b]):
            tally.left_out += 1
            continue
        outcome = judge_dispute(c, gold, matcher)
        if outcome == "revision":
            tally.right += 1
        elif outcome == "unjudged":
            judged.apply(tally, dispute_key(c))
        else:
            tally.wrong += 1
    return tally


def score_omissions(
    omissions: Sequence[SysOmission],
    gold: Gold,
    matcher: Matcher,
    judged: Judgments | None = None,
) -> Tally:
    tally = Tally()
    judged = judged or Judgments()
    stated = {(g.key, g.doc) for g in gold.statements}
    for item in omissions:
        if matcher.left_out(item.slot, item.statements, item.doc):
            tally.left_out += 1
            continue
        keys = {g.key for g in matcher.matches(item.statements, item.slot)}
        if len(keys) != 1:
            judged.apply(tally, omission_key(item))
            continue
        (key,) = keys
        docs = gold.events.get((key[0], key[1]), set())
        if (key, item.doc) in stated or item.doc not in docs:
            tally.wrong += 1
        else:
            tally.right += 1
    return tally
