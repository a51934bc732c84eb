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
import re
from collections import Counter, defaultdict
from collections.abc import Mapping

from rashomon.extract.quantities.numbers import is_number_word
from rashomon.extract.timex.labels import human_date
from rashomon.link.events.features import content_words
from rashomon.model import Fact, FactConflict, FactMention, FactStatement, FactValue

from .conflicts import Side, compatible, judge
from .corpus import EVENT_SLOTS, CorpusIndex
from .incidents import SHARED_PERSON, PairEvidence, Profile, evidence
from .values import NAME_SLOTS, ROLE_KINDS, names_compatible, slot_kind

# Evidence of one incident a dispute needs, beyond the disputed slot: more than a shared
# place (two climbers fall on one mountain on two days; pirates are caught in one gulf
# every week): a named person, or a place and a day, or a place and an exact figure.
DISPUTE_SUPPORT = {"name": 3, "when": 2, "count": 2}
# Figures and places of one story, both told in sentences about the story's own day
# (:mod:`timing`), are about the same thing when the words around them share this many
# content words (within this many characters of the value, inside the sentence).
CONTEXT_WORDS = {"count": 2, "where": 1, "when": 2}
CONTEXT_CHARS = 60
NAME_CONTEXT_WORDS = 2  # words two statements of a name must share near it to agree
# Figures disputed on the incident evidence alone: tolls by role and a quake's magnitude.
# A sum, a share, a distance or another counted thing is disputed only when the two
# sentences also give one other figure alike ("a $35 billion contract to build 179
# tankers" / "179 tankers under a $40 billion contract"): the same words around a sum
# were not enough on the real reports of the tune half (two players' contracts; one
# operation's haul against five operations'), nor on the held-out half (0 of 18 right).
DISPUTED_FIGURES = frozenset(ROLE_KINDS) | {"count:magnitude"}
MAX_PAIRED = 24  # statements of one value paired with the other's (cost bound per value pair)
MEASURE_SLOTS = frozenset(
    {"count:distance", "count:weight", "count:area", "count:age", "count:magnitude"}
)
# Words that qualify a figure without saying what it counts ("about 12", "at least five").
HEDGE_WORDS = frozenset(
    "about around some roughly nearly almost approximately estimated least more than over "
    "under up fewer less most".split()
)


def value_key(fact: FactMention, key_to_entity: Mapping[tuple[str, str], str]) -> str | None:
    if slot_kind(fact.slot) in NAME_SLOTS:
        return key_to_entity.get((fact.doc, fact.value))
    return fact.value


def _label(slot: str, value: str, facts: list[FactMention], index: CorpusIndex) -> str:
    """The value as people read it: a name, a date in words, a figure as the sources
    wrote it most often ("about 200 feet", "23 pirates")."""
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
    by_value: dict[str, list[FactMention]] = defaultdict(list)
    for value, fact in pairs:
        by_value[value].append(fact)
    sides = [
        Side(v, fs, index.entity_types.get(v), index.entity_names.get(v, v))
        for v, fs in sorted(by_value.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    if slot_kind(slot) not in NAME_SLOTS:
        return [g for side in sides for g in confirmed_groups(slot, side, index)]
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
    return [g for side in merged for g in confirmed_groups(slot, side, index)]


def confirms(slot: str, fa: FactMention, fb: FactMention, index: CorpusIndex) -> bool:
    """Whether two statements of one value, from two sources, give it about the same thing.

    Names: the same action word told with some of the same words around the name
    ("Obama took $700 billion out of Medicare" does not confirm "Obama took on Ryan";
    "guided the Sixers to the playoffs" not "guided the team to a 38-44 mark"); days:
    the same kind of happening; figures: the same thing counted (:func:`_same_thing`)."""
    if slot_kind(slot) in NAME_SLOTS:
        lemma = index.lemma_of(fa)
        if not lemma or lemma != index.lemma_of(fb):
            return False
        if index.time.dated_apart(fa, fb):
            return False
        shared = _around(fa, index, CONTEXT_CHARS) & _around(fb, index, CONTEXT_CHARS)
        told = shared - _action_words(fa, index) - _action_words(fb, index)
        return len(shared) >= NAME_CONTEXT_WORDS and len(told) >= 1
    if slot == "when":
        return bool(index.kinds_of(fa) & index.kinds_of(fb))
    return _same_thing(fa, fb, index) or _same_distinct_figure(fa, fb, index)


TITLES = frozenset("mr mrs ms dr sen rep gov gen sgt lt col capt prof rev".split())


def _action_words(fact: FactMention, index: CorpusIndex) -> set[str]:
    """The event word itself and titles: "Dr. Benjamin received the award" and "Dr.
    Benjamin received her degree" share only these, which say nothing of what was
    received. What two statements of a name must share is the rest of the happening."""
    text = index.texts.get(fact.doc, "")
    return set(content_words(text[fact.event_start : fact.event_end])) | TITLES


# A figure no coincidence repeats: two sources of one story that both give "179 aerial
# refueling tankers" or "1,500 to 2,000 jobs" give the same figure of the same thing, even
# when one hangs it on "awarded" and the other on "supply". Small round figures ("two
# children", "three men") recur in one story about different people and need the
# stricter :func:`_same_thing`.
DISTINCT_FIGURE = 13


def _same_distinct_figure(a: FactMention, b: FactMention, index: CorpusIndex) -> bool:
    """The same figure, written with the same counted words, large or exact enough that
    no second thing of the story has it, and told near at least one shared word."""
    generic = a.slot not in ROLE_KINDS and a.slot not in MEASURE_SLOTS
    if not generic or a.slot.startswith(("count:money", "count:percent")):
        return False
    counted = _counted_words(a)
    if not counted or counted != _counted_words(b):
        return False
    low, high = a.low, a.high
    distinct = (low is not None and high is not None and low != high) or (
        low is not None and (low >= DISTINCT_FIGURE or low != int(low))
    )
    if not distinct:
        return False
    return bool(_around(a, index, CONTEXT_CHARS) & _around(b, index, CONTEXT_CHARS))


def confirmed_groups(slot: str, side: Side, index: CorpusIndex) -> list[Side]:
    """A value's statements split into groups that say it about the same thing: the
    statements of one source together, a copy with its original, sources joined by
    :func:`confirms`. A statement
    no other source confirms stands alone, so an agreement never lists it."""
    facts = side.facts
    parent = list(range(len(facts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_of_doc: dict[str, int] = {}
    for i, f in enumerate(facts):
        j = first_of_doc.setdefault(f.doc, i)
        parent[find(i)] = find(j)
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
    return [
        Side(side.value, members, side.entity_type, side.name)
        for _, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]


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
    """Two statements, one of each value, that are about the same thing and whose
    sentences differ on nothing else.

    For dates and actors (one event's slots) the sentences must agree on another
    detail: "Four were killed ... in Dayton late Sunday" and "Five were killed ... in
    Dayton early Monday" (the place and the night agree). For a story's figures and
    places the words around the two values must name the same thing: "the pirates,
    in three boats" and "against the pirates in two boats"; "a 48-page indictment"
    and "the 47-page indictment"; while "scored 100 points fewer times" and "won by
    a combined 24 points" share only what they count."""
    kind = slot_kind(slot)
    story_slot = slot not in EVENT_SLOTS
    if _any_against(slot, a, b, sentences, index):
        return False
    need = DISPUTE_SUPPORT["name" if kind in NAME_SLOTS else kind]
    if story_slot and kind != "when":
        need = 0  # a figure or a place of one story: the words around it say what it is
    for fa in a.facts[:MAX_PAIRED]:
        for fb in b.facts[:MAX_PAIRED]:
            if fa.doc == fb.doc:
                continue
            x = sentences.get((fa.doc, fa.sentence_start))
            y = sentences.get((fb.doc, fb.sentence_start))
            if x is None or y is None:
                continue
            ev = evidence(
                x, y, index.entity_types, index.mentioned, index.kinds_of, index.entity_names
            )
            if ev.support(slot, story=False) < need or ev.against(slot) != 0:
                continue
            if slot == "count:age" and ev.shared_names < SHARED_PERSON:
                continue  # an age is a person's: both sentences must name the same person
            if (
                kind == "count"
                and slot not in DISPUTED_FIGURES
                and not _another_figure(ev, slot)
                and not _measures_of_one_thing(fa, fb, index)
            ):
                continue  # a sum or a measure: the sentences must agree on another figure
            if (
                not story_slot
                or _same_thing(fa, fb, index)
                or _measures_of_one_thing(fa, fb, index)
            ):
                return True
    return False


def _another_figure(ev: PairEvidence, slot: str) -> bool:
    """The two sentences give another figure alike (the same count of another thing).

    An age counts for a measure: "the 36-year-old ... fell about 200ft" and "The
    36-year-old ... fell approximately 200 metres" tell one person's one fall; for a
    sum or a share it does not (whose age says nothing of which contract)."""
    return any(
        s != slot and slot_kind(s) == "count" and (s != "count:age" or slot in MEASURE_SLOTS)
        for s in ev.agree
    )


_HYPHEN_MEASURE = re.compile(r"^\d[\d,.]*[-\u2013][a-z]+$")


def _measures_of_one_thing(a: FactMention, b: FactMention, index: CorpusIndex) -> bool:
    """Two hyphenated measures of the same noun: "a 60-page report" and "the
    62-page report" measure one document, which cannot have both lengths; a sum
    ("$3 billion") or a count ("three boats") may be a part of another."""
    if not (_HYPHEN_MEASURE.match(a.text) and _HYPHEN_MEASURE.match(b.text)):
        return False
    what = _what_it_pays(a, index)
    return what is not None and what == _what_it_pays(b, index)


def _any_against(
    slot: str,
    a: Side,
    b: Side,
    sentences: Mapping[tuple[str, int], Profile],
    index: CorpusIndex,
) -> bool:
    """Some statement of one value and some of the other are told in sentences that
    differ on another detail (another victim, another day, another age): the two values
    may belong to two happenings, so neither is called disputed."""
    for fa in a.facts[:MAX_PAIRED]:
        for fb in b.facts[:MAX_PAIRED]:
            if fa.doc == fb.doc:
                continue
            x = sentences.get((fa.doc, fa.sentence_start))
            y = sentences.get((fb.doc, fb.sentence_start))
            if x is None or y is None:
                continue
            if (
                evidence(
                    x, y, index.entity_types, index.mentioned, index.kinds_of, index.entity_names
                ).against(slot)
                >= 2
            ):
                return True
    return False


def _same_thing(a: FactMention, b: FactMention, index: CorpusIndex) -> bool:
    """Whether two figures of one story count the same thing.

    A toll (killed, injured, arrested ...) names its thing by its role; a sum of
    money by what it buys or pays, the noun after it ("a $35 billion contract" /
    "a US$40 billion (GB£20.1 billion) contract", "$700 billion in Medicare cuts" /
    "$716 billion from Medicare"); another figure must be written with the same
    words ("three boats" / "two boats", "a 48-page indictment" / "the 47-page
    indictment": not "seven AK-47 rifles" / "three rifles") for the same kind of
    action; and the words around the two values must overlap."""
    if a.slot == "count:age":
        return False  # an age tells who a story is about; whose age it is, we cannot tell
    if a.slot.startswith(("count:money", "count:percent", "count:distance", "count:weight")):
        what = _what_it_pays(a, index)  # "a $35 billion contract", "10 km deep", "% of shares"
        return what is not None and what == _what_it_pays(b, index)
    generic = a.slot not in ROLE_KINDS and a.slot not in MEASURE_SLOTS
    if (a.slot == "when" or generic) and not (index.kinds_of(a) & index.kinds_of(b)):
        return False  # the day, or the figure, of two different kinds of happening
    named = generic and a.slot != "when" and not a.slot.startswith("count:percent")
    if named and _counted_words(a) != _counted_words(b):
        return False
    need = CONTEXT_WORDS.get(a.slot, CONTEXT_WORDS["count"])
    # a toll's sentence tells its happening ("when a gunman opened fire outside the
    # lounge"), wherever the figure stands in it; other figures are named next to them
    width = None if a.slot in ROLE_KINDS else CONTEXT_CHARS
    x, y = _around(a, index, width), _around(b, index, width)
    return len(x & y) >= need


_PARENTHESES = re.compile(r"\([^()]*\)")
MONEY_FILLERS = frozenset(
    "in of for from on to worth a an the us dollars dollar euros pounds billion million "
    "thousand trillion bn percent per cent pct m km ft feet foot metres meters metre meter "
    "miles mile kilometres kilometers kg tonnes tons".split()
)


def _what_it_pays(fact: FactMention, index: CorpusIndex) -> str | None:
    """The first content word after a sum or measure ("contract", "medicare", "deep"),
    skipping asides in brackets and unit words."""
    text = index.texts.get(fact.doc, "")
    after = _PARENTHESES.sub(" ", text[fact.end : min(fact.sentence_end, fact.end + 80)])
    for word in re.findall(r"[a-z][a-z'-]+", after.lower())[:4]:
        if word not in MONEY_FILLERS:
            return word
    return None


def _counted_words(fact: FactMention) -> frozenset[str]:
    """The words of a figure other than its number: "AK-47 rifles" of "seven AK-47 rifles"."""
    return frozenset(
        w
        for w in content_words(fact.text)
        if not any(c.isdigit() for c in w) and not is_number_word(w) and w not in HEDGE_WORDS
    )


def _around(fact: FactMention, index: CorpusIndex, width: int | None) -> set[str]:
    """Content words near the value (the whole sentence when ``width`` is None)."""
    text = index.texts.get(fact.doc, "")
    reach = width if width is not None else len(text)
    left = text[max(fact.sentence_start, fact.start - reach) : fact.start]
    right = text[fact.end : min(fact.sentence_end, fact.end + reach)]
    own = set(content_words(fact.text))
    return {w for w in content_words(left + " " + right) if not w.isdigit()} - own


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
                _label(slot, side.value, side.facts, index),
                statements,
                _independent(statements),
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
    return Fact("f" + digest, event, slot, status, values, conflicts, omitted)


def _note(kind: str, a: FactValue, b: FactValue) -> str:
    def side(v: FactValue) -> str:
        who = sorted({s.attribution for s in v.statements if s.attribution})
        said = f" ({', '.join(who)})" if who else ""
        return f"{v.label}{said} in {', '.join(v.sources)}"

    joiner = "then" if kind == "revision" else "vs"
    return f"{side(a)} {joiner} {side(b)}"
