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
from collections import Counter, defaultdict
from collections.abc import Mapping

from rashomon.extract.timex.labels import human_date
from rashomon.model import (
    Fact,
    FactConflict,
    FactDifference,
    FactMention,
    FactStatement,
    FactValue,
)

from .comparable import (
    CONTEXT_CHARS,
    MAX_PAIRED,
    action_words,
    around,
    one_case,
    other_figures,
    same_distinct_figure,
    same_thing,
)
from .conflicts import Side, compatible
from .corpus import CorpusIndex
from .gates import held_back_or_judged
from .incidents import Profile
from .values import NAME_SLOTS, names_compatible, slot_kind

NAME_CONTEXT_WORDS = 2  # words two statements of a name must share near it to agree
# Differences kept per fact with the reason they were not disputed, those with the most
# sources first: every one is a pair a reader may want to check by hand (six, the old
# bound, hid half of the real figure conflicts of the tune half behind lesser pairs; the
# largest fact of the tune half has 90).
MAX_HELD_BACK = 100


def value_key(fact: FactMention, key_to_entity: Mapping[tuple[str, str], str]) -> str | None:
    if slot_kind(fact.slot) in NAME_SLOTS:
        return key_to_entity.get((fact.doc, fact.value))
    return fact.value


def _label(slot: str, value: str, facts: list[FactMention], index: CorpusIndex) -> str:
    """The value as people read it: a name, a date in words, a figure as the sources
    wrote it most often ("about 200 feet", "17 smugglers")."""
    if slot_kind(slot) in NAME_SLOTS:
        return index.entity_names.get(value, value)
    if slot == "when":
        return human_date(value)
    written = Counter(" ".join(f.text.split()) for f in facts)
    return written.most_common(1)[0][0] if written else value


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
    """Statements grouped into values (for names, names inside one another are one
    value), each split into the groups of sources that say it about the same thing."""
    by_value: dict[tuple[str, bool], list[FactMention]] = defaultdict(list)
    for value, fact in pairs:
        by_value[(value, fact.negated)].append(fact)  # a denial is a value of its own
    sides = [
        Side(v, fs, index.entity_types.get(v), index.entity_names.get(v, v), denied)
        for (v, denied), fs in sorted(
            by_value.items(), key=lambda kv: (-len(kv[1]), kv[0][0], kv[0][1])
        )
    ]
    if slot_kind(slot) not in NAME_SLOTS:
        return [g for side in sides for g in confirmed_groups(slot, side, index)]
    merged: list[Side] = []
    for side in sides:
        home = next(
            (
                m
                for m in merged
                if m.entity_type == side.entity_type
                and m.denied == side.denied
                and names_compatible(m.name, side.name)
            ),
            None,
        )
        if home is None:
            merged.append(side)
        else:
            home.facts.extend(side.facts)
    return [g for side in merged for g in confirmed_groups(slot, side, index)]


def confirms(slot: str, fa: FactMention, fb: FactMention, index: CorpusIndex) -> bool:
    """Whether two statements of one value, from two sources, give it about the same thing.

    Names: the same action word told with some of the same words around the name
    ("Obama took $700 billion out of Medicare" does not confirm "Obama took on Ryan";
    "guided the Sixers to the playoffs" not "guided the team to a 38-44 mark"); days:
    the same kind of happening; figures: the same thing counted (:func:`same_thing`).
    Denials never confirm each other: what did not happen has no details to agree on
    ("did not return a call" is every report's line), so a denial only stands against
    an assertion (:mod:`conflicts`)."""
    if fa.negated or fb.negated:
        return False
    if slot_kind(slot) in NAME_SLOTS:
        lemma = index.lemma_of(fa)
        if not lemma or lemma != index.lemma_of(fb):
            return False
        if index.time.dated_apart(fa, fb) or other_figures(fa, fb, index):
            return False  # dates that cannot meet; the same thing counted differently
        shared = around(fa, index, CONTEXT_CHARS) & around(fb, index, CONTEXT_CHARS)
        told = shared - action_words(fa, index) - action_words(fb, index)
        return len(shared) >= NAME_CONTEXT_WORDS and len(told) >= 1
    if slot == "when":
        return bool(index.kinds_of(fa) & index.kinds_of(fb))
    if slot.startswith("outcome") and not one_case(fa, fb, index):
        return False
    return same_thing(fa, fb, index) or same_distinct_figure(fa, fb, index)


def confirmed_groups(slot: str, side: Side, index: CorpusIndex) -> list[Side]:
    """A value's statements split into groups that say it about the same thing: a copy
    with its original, statements of two sources joined by :func:`confirms`. The
    statements of one source are not joined for being one source's: a report names
    its subject in many sentences ("Okafor hosted in 2007", "Okafor will host
    this year"), and an agreement lists only those another source confirms. A
    statement no other source confirms stands alone (with that source's other such
    statements), so an agreement never lists it."""
    facts = side.facts
    parent = list(range(len(facts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_of_doc: dict[str, int] = {}
    for i, f in enumerate(facts):
        first_of_doc.setdefault(f.doc, i)
    for i, f in enumerate(facts):  # a copied passage stands with its original: one voice
        original = first_of_doc.get(index.copies.source_of(f) or "")
        if original is not None:
            parent[find(i)] = find(original)
    for i in range(min(len(facts), MAX_PAIRED)):
        for j in range(i + 1, min(len(facts), MAX_PAIRED)):
            other = facts[i].doc != facts[j].doc and find(i) != find(j)
            if other and confirms(slot, facts[i], facts[j], index):
                parent[find(j)] = find(i)
    groups: dict[int, list[FactMention]] = defaultdict(list)
    for i, f in enumerate(facts):
        groups[find(i)].append(f)
    # a source's statements that no other source confirms stay together: one value
    merged: dict[str | int, tuple[int, list[FactMention]]] = {}
    for root, members in sorted(groups.items()):
        docs = {f.doc for f in members}
        key: str | int = next(iter(docs)) if len(docs) == 1 else root
        _, joined = merged.setdefault(key, (root, []))
        joined.extend(members)
    return [
        Side(side.value, members, side.entity_type, side.name, side.denied)
        for _, members in sorted(merged.values(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]


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
                side.value,
                _label(slot, side.value, side.facts, index) + (" (denied)" if side.denied else ""),
                statements,
                _independent(statements),
                side.denied,
            )
        )
    conflicts: list[FactConflict] = []
    held_back: list[FactDifference] = []
    incompatible = False
    for i in range(len(sides)):
        for j in range(i + 1, len(sides)):
            if compatible(slot, sides[i], sides[j]) is not False:
                continue
            # names are many-valued (victims): two of them are not unclear; a denial is
            named = slot_kind(slot) in NAME_SLOTS and sides[i].denied == sides[j].denied
            incompatible = incompatible or not named
            verdict = held_back_or_judged(slot, sides[i], sides[j], sides, sentences, index)
            if verdict.kind == "abstain":
                if not named:
                    held_back.append(FactDifference(i, j, verdict.reason))
                continue
            a, b = (i, j) if verdict.earlier_first else (j, i)
            note = _note(verdict.kind, values[a], values[b])
            conflicts.append(
                FactConflict(verdict.kind, a, b, verdict.reason, verdict.confidence, note)
            )
    if any(c.kind == "dispute" for c in conflicts):
        status = "disputed"
    elif conflicts:
        status = "revised"
    elif incompatible:
        status = "uncertain"
    elif any(len(v.sources) >= 2 for v in values):
        status = "agreed"  # two independent sources say it about the same thing
    else:
        status = "single"
    stating = {s.doc for v in values for s in v.statements}
    # a report omits the fact only if it tells of the event the fact is about
    reporting = set(index.event_docs.get(event, ())) or set(incident)
    omitted = sorted(
        d
        for d in (set(incident) & reporting) - stating
        if index.silence.silent(d, slot, [v.value for v in values])
    )
    digest = hashlib.sha1(f"{event}|{incident[0]}|{slot}".encode()).hexdigest()[:10]
    held_back.sort(key=lambda d: (-len(values[d.a].sources) - len(values[d.b].sources), d.a, d.b))
    return Fact(
        "f" + digest, event, slot, status, values, conflicts, omitted, held_back[:MAX_HELD_BACK]
    )


def _note(kind: str, a: FactValue, b: FactValue) -> str:
    def side(v: FactValue) -> str:
        who = sorted({s.attribution for s in v.statements if s.attribution})
        said = f" ({', '.join(who)})" if who else ""
        return f"{v.label}{said} in {', '.join(v.sources)}"

    joiner = "then" if kind == "revision" else "vs"
    return f"{side(a)} {joiner} {side(b)}"
