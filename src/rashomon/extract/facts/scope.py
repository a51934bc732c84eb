"""The place a toll is told for: "nine were killed in Dunmore district".

A quake's or a flood's reports give tolls for the whole disaster and for its
parts: "at least 20 people were killed" and, in the same day's reports, "one man
was killed in the village of Marrow Creek", "nine died in Dunmore district",
"two died in hospital". Those are parts, not rival figures; without the place
each is told for, the comparison would set them against each other. The place
is read off the parse, where the toll is: a place phrase ("in", "at", "near" a
proper name or a place noun) hanging on the toll's event word or on the counted
noun, or fronted before the clause ("In the village of X, one man was killed").
Hand-written over spaCy's dependency parse: no library says what a figure counts
where.
"""

from __future__ import annotations

from spacy.tokens import Token

from rashomon.extract.events.lexicon import PLACE_LABELS

from .lexicon import ROLE_VERBS

PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "across", "throughout", "outside"})
# Nouns that name a place whatever its name (a part of a disaster's area).
PLACE_NOUNS = frozenset(
    "village town city district province county region state area neighbourhood "
    "neighborhood suburb camp hospital island valley municipality parish prefecture "
    "township borough quarter zone coast capital".split()
)
TIME_LABELS = frozenset({"DATE", "TIME"})
TOLL_SLOTS = frozenset(f"count:{role}" for role in ROLE_VERBS)
MAX_CLIMB = 3  # from the counted words up to the event word


def toll_scope(tokens: list[Token], trigger: Token | None) -> str | None:
    """The words of the place a toll is told for, lowercased ("dunmore district"), or
    None when the toll names no place of its own."""
    anchors: list[Token] = []
    for token in ([trigger] if trigger is not None else []) + tokens:
        current = token
        for _ in range(MAX_CLIMB):
            if current not in anchors:
                anchors.append(current)
            if current.head.i == current.i or current.pos_ in ("VERB", "AUX"):
                break
            current = current.head
    for anchor in anchors:
        for child in anchor.children:
            if child.dep_ != "prep" or child.lower_ not in PLACE_PREPOSITIONS:
                continue
            place = _place_words(child)
            if place:
                return place
    return None


def _place_words(preposition: Token) -> str | None:
    """The place a preposition's object names: a proper name of a place, or a place noun
    ("in hospital", "in the village of Marrow Creek"); None for "in the attack" and for
    "in the Monday morning attack" (a day's name is a proper noun, not a place)."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    if not objects:
        return None
    phrase = list(objects[0].subtree)
    named = any(
        t.ent_type_ in PLACE_LABELS or (t.pos_ == "PROPN" and t.ent_type_ not in TIME_LABELS)
        for t in phrase
    )
    if not named and objects[0].lemma_.lower() not in PLACE_NOUNS:
        return None
    words = [
        t.lower_
        for t in phrase
        if not (t.is_stop or t.is_punct or t.is_space or t.ent_type_ in TIME_LABELS)
    ]
    return " ".join(words) or None
