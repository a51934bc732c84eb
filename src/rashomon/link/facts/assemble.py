"""One fact from the statements of one incident and slot: values, conflicts, status.

Statements with the same normalised value (or, for names, names inside one
another: "Stroger" / "Stroger Hospital") are one value; each value lists its
independent sources (a copy counts as its original). Each pair of values
that cannot both hold is judged (:mod:`conflicts`), but only between sources
whose sentences agree on another detail of the happening and differ on nothing
else (:func:`~rashomon.link.facts.incidents.evidence`), and never when one
source itself gives both kinds of value (the slot has several answers here:
two games, two falls, two hostings).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping

from rashomon.model import Fact, FactConflict, FactMention, FactStatement, FactValue

from .conflicts import Side, compatible, judge
from .corpus import CorpusIndex
from .incidents import Profile, evidence
from .values import NAME_SLOTS, names_compatible, slot_kind

# Evidence of one incident a dispute needs, beyond the disputed slot: more than a shared
# place (two climbers fall on one mountain on two days; pirates are caught in one gulf
# every week): a named person, or a place and a day, or a place and an exact figure.
DISPUTE_SUPPORT = {"name": 3, "when": 2, "count": 2}


def value_key(fact: FactMention, key_to_entity: Mapping[tuple[str, str], str]) -> str | None:
    if slot_kind(fact.slot) in NAME_SLOTS:
        return key_to_entity.get((fact.doc, fact.value))
    return fact.value


def _label(slot: str, value: str, index: CorpusIndex) -> str:
    if slot_kind(slot) in NAME_SLOTS:
        return index.entity_names.get(value, value)
    if slot.startswith("count:"):
        return f"{value} {slot.split(':', 1)[1]}"
    return value


def _statement(fact: FactMention, index: CorpusIndex) -> FactStatement:
    return FactStatement(
        doc=fact.doc,
        start=fact.start,
        end=fact.end,
        text=fact.text,
        sentence_start=fact.sentence_start,
        sentence_end=fact.sentence_end,
        attribution=fact.attribution,
        published=index.published.get(fact.doc),
        copied_from=index.copies.source_of(fact),
    )


def _independent(statements: list[FactStatement]) -> list[str]:
    """The documents giving a value, a copy counted as its original."""
    docs = {s.doc for s in statements}
    return sorted(
        d for d in docs if not any(s.doc == d and s.copied_from in docs for s in statements)
    )


def sides_of(slot: str, pairs: list[tuple[str, FactMention]], index: CorpusIndex) -> list[Side]:
    """Statements grouped into values; for names, names inside one another are one value."""
    by_value: dict[str, list[FactMention]] = defaultdict(list)
    for value, fact in pairs:
        by_value[value].append(fact)
    sides = [
        Side(v, fs, index.entity_types.get(v), index.entity_names.get(v, v))
        for v, fs in sorted(by_value.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    if slot_kind(slot) not in NAME_SLOTS:
        return sides
    merged: list[Side] = []
    for side in sides:
        home = next(
            (
                m
                for m in merged
                if m.entity_type == side.entity_type and names_compatible(m.name, side.name)
            ),
            None,
        )
        if home is None:
            merged.append(side)
        else:
            home.facts.extend(side.facts)
    return merged


def _coexist(slot: str, a: Side, b: Side, sides: list[Side]) -> bool:
    """Some source itself gives a value like ``a`` and a value like ``b``: here the slot
    has several answers (two games, two falls, two hostings), so neither is the
    disputed one. Names are many-valued by nature (victims) and never coexist so."""
    if slot_kind(slot) in NAME_SLOTS:
        return False

    def like(x: Side, y: Side) -> bool:
        return x is y or compatible(slot, x, y) is True

    for doc in a.docs | b.docs:
        stated = [s for s in sides if doc in s.docs]
        both = any(like(x, a) for x in stated) and any(like(y, b) for y in stated)
        if both and not _revised_within(doc, a, b):
            return True
    return False


def _revised_within(doc: str, a: Side, b: Side) -> bool:
    """The document itself says the figure changed ("rose from 3 to 5")."""
    return any(f.revised for f in a.facts + b.facts if f.doc == doc)


def _can_compare(
    slot: str,
    a: Side,
    b: Side,
    sentences: Mapping[tuple[str, int], Profile],
    index: CorpusIndex,
) -> bool:
    """Two statements, one of each value, whose sentences agree on another detail of the
    happening and differ on nothing else: "Four were killed ... in Dayton late Sunday"
    and "Five were killed ... in Dayton early Monday" (the place and the night agree)."""
    kind = slot_kind(slot)
    need = DISPUTE_SUPPORT["name" if kind in NAME_SLOTS else kind]
    for fa in a.facts:
        for fb in b.facts:
            if fa.doc == fb.doc:
                continue
            x = sentences.get((fa.doc, fa.sentence_start))
            y = sentences.get((fb.doc, fb.sentence_start))
            if x is None or y is None:
                continue
            ev = evidence(x, y, index.entity_types, index.mentioned)
            if ev.support(slot, story=False) >= need and ev.against(slot) == 0:
                return True
    return False


def build_fact(
    event: str,
    slot: str,
    incident: list[str],
    sides: list[Side],
    sentences: Mapping[tuple[str, int], Profile],
    index: CorpusIndex,
) -> Fact:
    values = []
    for side in sides:
        statements = [_statement(f, index) for f in side.facts]
        values.append(
            FactValue(
                side.value, _label(slot, side.value, index), statements, _independent(statements)
            )
        )
    conflicts: list[FactConflict] = []
    incompatible = False
    for i in range(len(sides)):
        for j in range(i + 1, len(sides)):
            if compatible(slot, sides[i], sides[j]) is not False:
                continue
            incompatible = incompatible or slot_kind(slot) not in NAME_SLOTS
            if _coexist(slot, sides[i], sides[j], sides):
                continue
            if not _can_compare(slot, sides[i], sides[j], sentences, index):
                continue
            verdict = judge(slot, sides[i], sides[j], index.mentioned, index.published)
            if verdict is None:
                continue
            a, b = (i, j) if verdict.earlier_first else (j, i)
            note = _note(verdict.kind, values[a], values[b])
            conflicts.append(
                FactConflict(verdict.kind, a, b, verdict.reason, verdict.confidence, note)
            )
    sources = {d for v in values for d in v.sources}
    if any(c.kind == "dispute" for c in conflicts):
        status = "disputed"
    elif conflicts:
        status = "revised"
    elif incompatible:
        status = "uncertain"
    elif len(sources) >= 2:
        status = "agreed"
    else:
        status = "single"
    stating = {s.doc for v in values for s in v.statements}
    omitted = sorted(
        d
        for d in set(incident) - stating
        if index.silence.silent(d, slot, [v.value for v in values])
    )
    digest = hashlib.sha1(f"{event}|{incident[0]}|{slot}".encode()).hexdigest()[:10]
    return Fact("f" + digest, event, slot, status, values, conflicts, omitted)


def _note(kind: str, a: FactValue, b: FactValue) -> str:
    def side(v: FactValue) -> str:
        who = sorted({s.attribution for s in v.statements if s.attribution})
        said = f" ({', '.join(who)})" if who else ""
        return f"{v.label}{said} in {', '.join(v.sources)}"

    joiner = "then" if kind == "revision" else "vs"
    return f"{side(a)} {joiner} {side(b)}"
