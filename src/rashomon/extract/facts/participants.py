"""Who acted, who was acted on, and where: named participants tied to the trigger.

Why only named entities: a dispute about *who* needs two names that cannot
both be right; "a gunman" and "the suspect" are descriptions, not values to
compare. The roles come from the parse: the active subject or the passive
"by" agent acted; the object, the passive subject, or "of" after an event
noun ("the arrest of X") was acted on; "in/at/near" + a place is where. The
place must hang off the trigger itself: a place elsewhere in the sentence is
the system's guess, not the source's statement. The argument's head word
must itself be part of the name: in "the Indian navy" the actor is the navy,
not India, so no named value is recorded.
"""

from __future__ import annotations

from spacy.tokens import Token

from rashomon.extract.events.arguments import phrase_mentions
from rashomon.extract.events.lexicon import PLACE_LABELS, PLACE_PREPOSITIONS
from rashomon.model import EntityMention, EventMention, FactMention

from .context import FactContext
from .lexicon import ACTOR_TYPES

AGENT_DEPS = frozenset({"nsubj"})
# Verbs whose subject undergoes the event ("Smith died"): the subject was acted on.
UNDERGOING = frozenset("die perish drown disappear vanish fall collapse suffer survive".split())
# Verbs whose place is where someone lives or is based, not where something happened.
DWELLING = frozenset("live reside stay base headquarter settle grow".split())
PATIENT_DEPS = frozenset({"dobj", "obj", "nsubjpass"})
# Verbs whose object is the means, not the one acted on: "guards used a Taser on the
# intruder" names a device (often tagged as an organisation), not a victim.
INSTRUMENTAL = frozenset("use utilize wield brandish".split())


def _named(token: Token, ctx: FactContext) -> list[EntityMention]:
    found: list[EntityMention] = []
    for head in [token, *(c for c in token.conjuncts if c.i > token.i)]:
        for mention in phrase_mentions(head, ctx.entities, depth=0):
            if mention not in found:
                found.append(mention)
    return found


def _add(
    ctx: FactContext,
    facts: list[FactMention],
    event: EventMention,
    slot: str,
    mention: EntityMention,
    token: Token,
) -> None:
    if any(f.slot == slot and f.start == mention.start for f in facts):
        return
    facts.append(ctx.fact(event, slot, mention.key, mention.start, mention.end, tokens=[token]))


# Verbs that take their person as object: with a subject and no object, no auxiliary
# ("Rovers' Dale arrested on suspicion of theft", tagged as a simple past), the
# sentence is a headline's passive.
ACTED_ON = frozenset(
    "arrest charge indict detain nominate appoint sentence convict jail capture injure "
    "wound kill".split()
)


def _passive(trigger: Token) -> bool:
    """A passive verb ("was struck by"), or an event noun ("the arrest by police"): its
    "by" phrase names who acted. After an active verb it does not ("those who have
    stood by the cooperative", "drove by the school")."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return True
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children) or (
        trigger.tag_ == "VBN" and not any(c.dep_ == "aux" for c in trigger.children)
    )


def _headline_passive(trigger: Token) -> bool:
    """ "Dale arrested on theft charge": a past participle with a subject and no
    auxiliary is a headline's passive; its subject was acted on. A past tense of a verb
    that needs its person as object, with no object and no auxiliary, reads the same."""
    if any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return False
    if trigger.tag_ == "VBN":
        return True
    objects = any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp") for c in trigger.children)
    return trigger.tag_ == "VBD" and trigger.lemma_.lower() in ACTED_ON and not objects


PRONOUNS = frozenset("he she they".split())
# Forces of nature: what they strike is where they struck ("a quake struck Crete", "the
# storm battered Florida"), a place, not a victim set against other victims.
HAZARDS = frozenset(
    "earthquake quake tremor aftershock temblor storm hurricane typhoon cyclone tornado "
    "flood flooding tsunami wildfire blaze landslide mudslide avalanche eruption".split()
)


# What a force of nature strikes, by its entity type: places, and names the model takes for
# an organisation ("struck Crete" tagged ORG); never a person.
STRUCK_PLACES = PLACE_LABELS | {"ORG"}


def _hazard(trigger: Token) -> bool:
    """The event word's subject is a force of nature ("a powerful earthquake struck"; the
    subject phrase is read whole: the parse may head "a magnitude 6.1 earthquake" on
    "magnitude")."""
    return any(
        c.dep_ in AGENT_DEPS and any(t.lemma_.lower() in HAZARDS for t in c.subtree)
        for c in trigger.children
    )


def circumstance_of(trigger: Token, ctx: FactContext) -> tuple[Token, str] | None:
    """ "Lopez was crossing the street when she was struck": a progressive clause that
    sets the scene for the event of its "when" clause, whose subject is a pronoun. Its
    subject is that event's participant (the one struck: its passive subject; the one
    who struck: its active subject), not an actor of its own happening. Returns the
    event word of the "when" clause and the slot the subject fills there."""
    if trigger.tag_ != "VBG" or not any(
        c.dep_ == "aux" and c.lemma_ == "be" for c in trigger.children
    ):
        return None
    for clause in trigger.children:
        if clause.dep_ != "advcl" or clause.i not in ctx.events:
            continue
        if not any(c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children):
            continue
        for sub in clause.children:
            if sub.lower_ in PRONOUNS and sub.dep_ in ("nsubjpass", "nsubj"):
                return clause, "patient" if sub.dep_ == "nsubjpass" else "agent"
    return None


def _scene(trigger: Token, ctx: FactContext) -> tuple[Token, str] | None:
    """The scene-setting reading of a trigger, or of a later verb it shares its subject
    with ("had just parked her car and was walking ... when she was struck")."""
    found = circumstance_of(trigger, ctx)
    if found is not None:
        return found
    for conj in trigger.conjuncts:
        if conj.i > trigger.i and not any(c.dep_.startswith("nsubj") for c in conj.children):
            found = circumstance_of(conj, ctx)
            if found is not None:
                return found
    return None


def participant_facts(ctx: FactContext) -> list[FactMention]:
    facts: list[FactMention] = []
    for i, event in ctx.events.items():
        trigger = ctx.doc[i]
        verbal = trigger.pos_ in ("VERB", "AUX")
        lemma = trigger.lemma_.lower()
        scene = _scene(trigger, ctx) if verbal else None
        for child in trigger.children:
            dep = child.dep_
            slot = None
            if scene is not None and dep in AGENT_DEPS:
                clause, role = scene
                for m in _named(child, ctx):
                    if m.type in ACTOR_TYPES:
                        _add(ctx, facts, ctx.events[clause.i], role, m, child)
                continue
            if verbal and dep in AGENT_DEPS:
                undergoes = lemma in UNDERGOING or _headline_passive(trigger)
                slot = "patient" if undergoes else "agent"
            elif verbal and dep in PATIENT_DEPS:
                if lemma in INSTRUMENTAL:
                    continue
                slot = "patient"
            elif dep == "agent" or (dep == "prep" and child.lower_ == "by" and _passive(trigger)):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        for m in _named(obj, ctx):
                            if m.type in ACTOR_TYPES:
                                _add(ctx, facts, event, "agent", m, obj)
                continue
            elif dep == "prep" and child.lower_ in PLACE_PREPOSITIONS:
                if lemma not in DWELLING:
                    _places(ctx, facts, event, trigger)
                continue
            elif not verbal and dep == "prep" and child.lower_ in ("of", "against"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        for m in _named(obj, ctx):
                            if m.type in ACTOR_TYPES and m.type != "GPE":
                                _add(ctx, facts, event, "patient", m, obj)
                continue
            if slot is None:
                continue
            for m in _named(child, ctx):
                if m.type in ACTOR_TYPES:
                    place = slot == "patient" and m.type in STRUCK_PLACES and _hazard(trigger)
                    _add(ctx, facts, event, "where" if place else slot, m, child)
            if slot == "patient":  # "killed X in Gaza": the parse often hangs the place on X
                _places(ctx, facts, event, child)
    return facts


def _places(ctx: FactContext, facts: list[FactMention], event: EventMention, head: Token) -> None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    for m in _named(obj, ctx):
                        if m.type in PLACE_LABELS:
                            _add(ctx, facts, event, "where", m, obj)
