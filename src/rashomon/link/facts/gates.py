"""Which gate holds a pair of incompatible values back, before any verdict.

Two values that cannot both hold are judged (:mod:`conflicts`) only when
nothing suggests they answer two different questions: no source gives both
(the slot has several answers: two games, two falls), the sentences differ on
no other detail (another day, another victim), and they agree on enough of the
incident and name the same thing. Each gate that stops a pair says so: the
abstention is shown to the reader with its reason (``Fact.held_back``), so an
absent dispute is never a silent one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from rashomon.extract.facts.scope import PLACE_NOUNS, TOLL_SLOTS
from rashomon.model import FactMention

from .comparable import MAX_PAIRED, MEASURE_SLOTS, measures_of_one_thing, same_thing
from .conflicts import Side, Verdict, abstain, assess, compatible
from .corpus import EVENT_SLOTS, CorpusIndex
from .incidents import SHARED_PERSON, PairEvidence, Profile, evidence
from .values import NAME_SLOTS, ROLE_KINDS, slot_kind

# Evidence of one incident a dispute needs, beyond the disputed slot: more than a shared
# place (two climbers fall on one mountain on two days; pirates are caught in one gulf
# every week): a named person, or a place and a day, or a place and an exact figure.
DISPUTE_SUPPORT = {"name": 3, "when": 2, "count": 2}
DENIAL_SUPPORT = 1  # shared details a denial and an assertion of one act need
# Figures disputed on the incident evidence alone: tolls by role and a quake's magnitude.
# A sum, a share, a distance or another counted thing is disputed only when the two
# sentences also give one other figure alike ("a $35 billion contract to build 179
# tankers" / "179 tankers under a $40 billion contract"): the same words around a sum
# were not enough on the real reports of the tune half (two players' contracts; one
# operation's haul against five operations'), nor on the held-out half (0 of 18 right).
DISPUTED_FIGURES = frozenset(ROLE_KINDS) | {"count:magnitude"}
SUPERSEDED_CONFIDENCE = 0.7
TOLD_TOGETHER_CHARS = 400  # an earlier figure and the figure now, told in one passage
# Figures a report gives as a whole and in parts (a quake's toll and each district's; the
# main shock and its aftershocks): its largest is the event's, the smaller ones parts.
PARTIAL_SLOTS = TOLL_SLOTS | {"count:magnitude"}


def coexist(slot: str, a: Side, b: Side, sides: list[Side]) -> bool:
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


def superseded_revision(slot: str, a: Side, b: Side) -> Verdict | None:
    """A revision told by a report's own words: one value only ever given as an earlier
    figure ("early reports said four were killed"), the other as the figure now, both
    in one report within a few sentences ("..., but officials later said seven died"):
    the report itself tells the change. Told in two reports, the earlier figure may be
    of another happening (another crash the day before), so the pair is only held back: it
    is never a dispute, the source having said the figure was replaced."""
    if slot_kind(slot) != "count" or compatible(slot, a, b) is not False:
        return None
    old_a = all(f.superseded for f in a.facts)
    old_b = all(f.superseded for f in b.facts)
    if old_a == old_b or any(f.superseded for f in (b.facts if old_a else a.facts)):
        return None
    earlier, later = (a, b) if old_a else (b, a)
    told_together = any(
        x.doc == y.doc and abs(x.start - y.start) <= TOLD_TOGETHER_CHARS
        for x in earlier.facts
        for y in later.facts
    )
    if not told_together:
        return abstain("superseded")
    return Verdict("revision", "number", SUPERSEDED_CONFIDENCE, earlier_first=old_a)


def smaller_part(slot: str, side: Side, sides: list[Side]) -> bool:
    """Some report of ``side`` gives a larger figure of the same toll elsewhere: its
    smaller one counts a part (one village, one warehouse's workers, those who died
    in hospital) or another happening it recalls, not a rival to the whole. A report's
    largest figure is the one it gives for the event; only those are set against each
    other. A report that says the figure changed ("rose from 3 to 5") is an update."""
    if slot not in PARTIAL_SLOTS:
        return False
    for doc in side.docs:
        own = [f for f in side.facts if f.doc == doc]
        if any(f.revised for f in own) or any(f.high is None for f in own):
            continue
        top = max(f.high for f in own if f.high is not None)
        larger = (
            f
            for other in sides
            if other is not side and doc in other.docs
            for f in other.facts
            if f.doc == doc and not f.revised
        )
        if any(f.low is not None and f.low > top for f in larger):
            return True
    return False


def _revised_within(doc: str, a: Side, b: Side) -> bool:
    """The document itself says the figure changed ("rose from 3 to 5")."""
    return any(f.revised for f in a.facts + b.facts if f.doc == doc)


def can_compare(
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
    a combined 24 points" share only what they count. (Pairs whose sentences differ
    on another detail, :func:`any_against`, are held back before this is asked.)"""
    kind = slot_kind(slot)
    if a.denied != b.denied:
        return _denial_comparable(slot, a, b, sentences, index)
    story_slot = slot not in EVENT_SLOTS
    need = DISPUTE_SUPPORT.get("name" if kind in NAME_SLOTS else kind, DISPUTE_SUPPORT["count"])
    if story_slot and kind != "when":
        need = 0  # a figure or a place of one story: the words around it say what it is
    for fa, fb, ev in sentence_pairs(a, b, sentences, index):
        if ev.support(slot, story=False) < need or ev.against(slot) != 0:
            continue
        if slot == "count:age" and ev.shared_names < SHARED_PERSON:
            continue  # an age is a person's: both sentences must name the same person
        if (
            kind == "count"
            and slot not in DISPUTED_FIGURES
            and not _another_figure(ev, slot)
            and not measures_of_one_thing(fa, fb, index)
        ):
            continue  # a sum or a measure: the sentences must agree on another figure
        if not story_slot or same_thing(fa, fb, index) or measures_of_one_thing(fa, fb, index):
            return True
    return False


def _denial_comparable(
    slot: str,
    a: Side,
    b: Side,
    sentences: Mapping[tuple[str, int], Profile],
    index: CorpusIndex,
) -> bool:
    """A denial and an assertion of one person's part in one act: the same event word
    ("was arrested" / "was not arrested"), sentences that share another detail of the
    incident and differ on none. A denied act states none of its own details (no day,
    no place: they did not happen), so one shared detail is enough here."""
    for fa, fb, ev in sentence_pairs(a, b, sentences, index):
        lemma = index.lemma_of(fa)
        if not lemma or lemma != index.lemma_of(fb):
            continue
        if ev.against(slot) == 0 and ev.support(slot, story=False) >= DENIAL_SUPPORT:
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


def other_places(fa: FactMention, fb: FactMention, index: CorpusIndex) -> bool:
    """Two tolls told for different places: "nine died in Dunmore district" and "one man
    was killed in the village of Marrow Creek" (two parts of a quake's toll), or one
    told for a place the other sentence does not name ("two died in hospital" against
    "at least 20 were killed": a part and the whole). The same place named in both
    ("killed in Dayton" / "opened fire outside a lounge in Dayton") is one scope."""
    if fa.scope == fb.scope:
        return False
    own = [_proper(f.scope) for f in (fa, fb)]
    if fa.scope and fb.scope:
        return not own[0] & own[1]
    scoped, other, words = (fa, fb, own[0]) if fa.scope else (fb, fa, own[1])
    sentence = set(re.findall(r"\w+", _sentence(other, index).lower()))
    return not ((words or set((scoped.scope or "").split())) & sentence)


def _proper(scope: str | None) -> set[str]:
    """A scope's words that name the place, not its kind ("dunmore" of "dunmore district")."""
    return set((scope or "").split()) - PLACE_NOUNS


def _sentence(fact: FactMention, index: CorpusIndex) -> str:
    return index.texts.get(fact.doc, "")[fact.sentence_start : fact.sentence_end]


def any_against(
    slot: str,
    a: Side,
    b: Side,
    sentences: Mapping[tuple[str, int], Profile],
    index: CorpusIndex,
) -> bool:
    """Some statement of one value and some of the other are told in sentences that
    differ on another detail (another victim, another day, another age): the two values
    may belong to two happenings, so neither is called disputed."""
    return any(ev.against(slot) >= 2 for _, _, ev in sentence_pairs(a, b, sentences, index))


def any_other_places(slot: str, a: Side, b: Side, index: CorpusIndex) -> bool:
    """Some statement of one toll and some of the other are told for different places."""
    if slot not in TOLL_SLOTS:
        return False
    return any(
        other_places(fa, fb, index)
        for fa in a.facts[:MAX_PAIRED]
        for fb in b.facts[:MAX_PAIRED]
        if fa.doc != fb.doc
    )


def sentence_pairs(
    a: Side,
    b: Side,
    sentences: Mapping[tuple[str, int], Profile],
    index: CorpusIndex,
) -> Iterator[tuple[FactMention, FactMention, PairEvidence]]:
    """Each statement of one value with each of the other's from another source (up to
    :data:`MAX_PAIRED` of each), with what their two sentences share and differ on."""
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
            yield fa, fb, ev


def held_back_or_judged(
    slot: str,
    a: Side,
    b: Side,
    sides: list[Side],
    sentences: Mapping[tuple[str, int], Profile],
    index: CorpusIndex,
) -> Verdict:
    """Dispute, revision, or an abstention that says which gate held the pair back."""
    earlier = superseded_revision(slot, a, b)
    if earlier is not None:
        return earlier
    if coexist(slot, a, b, sides):
        return abstain("several-answers")
    if smaller_part(slot, a, sides) or smaller_part(slot, b, sides):
        return abstain("smaller-part")
    if any_against(slot, a, b, sentences, index):
        return abstain("other-detail")
    if any_other_places(slot, a, b, index):
        return abstain("other-place")
    if not can_compare(slot, a, b, sentences, index):
        return abstain("no-shared-detail")
    return assess(slot, a, b, index.mentioned, index.published)
