"""Outcomes of a case: what someone is charged with, accused of, convicted of.

"Charged with first-degree murder", "indicted on fraud charges", "arrested on
suspicion of drunken driving", "pleaded guilty to conspiracy": the offence is
the object of the charging verb's preposition (through "charges of" / "counts
of" / "suspicion of" to the offence itself), one fact per offence named
("murder and robbery" are two). The value is the offence's head word
("murder" for "first-degree murder"), so that sources naming the same charge
with more or fewer modifiers meet; the span keeps the whole phrase. Written over
spaCy's dependency parse because no library reads charges; what a charge is,
and when two differ, is left to the link stage (two charges may both hold).
"""

from __future__ import annotations

from spacy.tokens import Token

from rashomon.model import FactMention

from .context import FactContext

SLOT = "outcome:charge"
# charging verb -> the prepositions that introduce its offence
CHARGING: dict[str, frozenset[str]] = {
    "charge": frozenset({"with", "in"}),
    "indict": frozenset({"on", "for"}),
    "convict": frozenset({"of", "on"}),
    "accuse": frozenset({"of"}),
    "arrest": frozenset({"on", "for"}),
    "book": frozenset({"on", "for"}),
    "plead": frozenset({"to"}),
    "sentence": frozenset({"for"}),
    "jail": frozenset({"for"}),
}
# nouns that stand for a charge and name it through "of" or a modifier
CHARGE_NOUNS = frozenset(
    "charge charges count counts suspicion allegation allegations accusation "
    "accusations offence offense offences offenses crime crimes".split()
)
# nouns after a charging preposition that are not offences ("on Tuesday", "for years")
NOT_OFFENCES = frozenset(
    "bail bond warrant time day days week weeks month months year years hour hours "
    "night morning evening afternoon connection relation behalf part basis case "
    "incident matter investigation probe".split()
)
PHRASE_DEPS = frozenset({"compound", "amod", "nmod"})
# "attempted murder" is another offence than murder (an injured victim, not a death)
ATTEMPT_WORDS = frozenset({"attempted", "attempt"})
# entity types that are never an offence ("arrested on Tuesday", "booked in Dayton")
NOT_NAMES = frozenset(
    "DATE TIME GPE LOC FAC PERSON CARDINAL ORDINAL MONEY QUANTITY PERCENT".split()
)


def _offences(noun: Token) -> list[Token]:
    """The offence heads a prepositional object names: itself, or through a charge
    noun ("charges of fraud", "murder charges", "suspicion of drunken driving")."""
    found: list[Token] = []
    for head in [noun, *noun.conjuncts]:
        if head.lemma_.lower() in CHARGE_NOUNS or head.lower_ in CHARGE_NOUNS:
            of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
            named = [g for c in of for g in c.children if g.dep_ in ("pobj", "pcomp")]
            named += [c for c in head.children if c.dep_ == "compound" and c.pos_ != "NUM"]
            for offence in named:
                found.extend([offence, *offence.conjuncts])
        elif head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() not in NOT_OFFENCES:
            found.append(head)
    heads = []
    for t in found:
        while t.dep_ == "compound" and t.head.i > t.i:  # "witness tampering"
            t = t.head
        if t.pos_ in ("NOUN", "PROPN", "VERB") and t.is_alpha and t.ent_type_ not in NOT_NAMES:
            heads.append(t)
    return heads


def _phrase(head: Token) -> tuple[int, int]:
    """The offence with its modifiers: "first-degree murder", "drunken driving"."""
    mods = [c for c in head.lefts if c.dep_ in PHRASE_DEPS]
    left = min((c.left_edge for c in mods), key=lambda t: t.i, default=head)
    return left.idx, head.idx + len(head)


def _value(offence: Token) -> str:
    """The offence's head word, a gerund as written ("driving" whether parsed as a noun
    or a verb), a noun by its lemma ("charges" -> "charge"); an attempt apart
    ("attempted murder")."""
    head = offence.lower_ if offence.lower_.endswith("ing") else offence.lemma_.lower()
    attempt = any(c.lower_ in ATTEMPT_WORDS for c in offence.lefts)
    return f"attempted {head}" if attempt else head


def _prepositions(trigger: Token, wanted: frozenset[str]) -> list[Token]:
    """The trigger's prepositions that introduce an offence; "pleaded guilty to" and
    "found guilty of" hang theirs on "guilty"."""
    preps = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in wanted]
    for child in trigger.children:
        if child.lower_ == "guilty":
            preps += [c for c in child.children if c.dep_ == "prep" and c.lower_ in {"to", "of"}]
    return preps


def outcome_facts(ctx: FactContext) -> list[FactMention]:
    facts: list[FactMention] = []
    for i, event in ctx.events.items():
        trigger = ctx.doc[i]
        lemma = trigger.lemma_.lower()
        guilty = lemma == "find" and any(c.lower_ == "guilty" for c in trigger.children)
        wanted = CHARGING.get(lemma, frozenset({"of"}) if guilty else None)
        if wanted is None or trigger.pos_ != "VERB":
            continue
        for prep in _prepositions(trigger, wanted):
            for noun in (c for c in prep.children if c.dep_ in ("pobj", "pcomp")):
                for offence in _offences(noun):
                    start, end = _phrase(offence)
                    if any(f.start == start for f in facts):
                        continue
                    facts.append(
                        ctx.fact(event, SLOT, _value(offence), start, end, tokens=[offence])
                    )
    return facts
