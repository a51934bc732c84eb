"""Labels: the nouns a source uses for an entity or group, and its event words.

Found from the dependency parse, in order of how directly they are tied to a
named entity:

* apposition: "Muammar Gaddafi, the brutal dictator" / "the dictator, Gaddafi";
* copula and naming verbs: "Gaddafi is a tyrant", "they called Assad a butcher";
* modifiers of a noun: "the Assad regime", "Assad's government", "Houthi
  rebels", "the Syrian government" (only for nouns that name an actor);
* a descriptor before the name: "dictator Gaddafi", "strongman Assad";
* nominal mentions: "the regime", "the group", "militants" with no name of their
  own, resolved to an earlier label with a similar head in the same paragraph
  ("the regime" after "Assad's government"), else to the nearest preceding
  mention of a compatible type (a person noun to a PERSON, a group noun to an
  ORG/NORP/GPE) in the same paragraph; unresolved, the target is None;
* event words: nouns nearest the event seeds ("protest", "riot", "uprising"),
  with target None.

A label's polarity is that of its most loaded word when one is loaded, else 0
(a plain label: "government", "president").
"""

from __future__ import annotations

from spacy.tokens import Token

from rashomon.extract.framing.context import (
    GROUP_TYPES,
    PEOPLE_TYPES,
    PERSON_TYPES,
    FramingContext,
)
from rashomon.extract.framing.lexicon import THRESHOLDS
from rashomon.model import EntityMention, FramingTerm

COPULAS = frozenset({"be", "become", "remain", "seem"})
NAMING_VERBS = frozenset({"call", "label", "brand", "dub", "describe", "term", "name"})
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
LEFT_DEPS = frozenset({"amod", "compound", "advmod", "npadvmod"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
SIMILAR_HEAD = 0.5
LOOKBACK_CHARS = 400


def label_span(ctx: FramingContext, head: Token) -> tuple[int, int]:
    """Token bounds of the label: the head noun and the modifiers right before it."""
    start = head.i
    while start > head.left_edge.i:
        prev = ctx.doc[start - 1]
        if prev.i in ctx.token_mention or prev.is_punct and prev.text != "-":
            break
        if prev.dep_ not in LEFT_DEPS and prev.text != "-":
            break
        if prev.pos_ not in ("ADJ", "NOUN", "ADV", "VERB", "PUNCT") or prev.is_stop:
            break
        start -= 1
    while start < head.i and (ctx.doc[start].is_punct or ctx.doc[start].pos_ == "ADV"):
        start += 1
    return start, head.i + 1


def polarity_of(ctx: FramingContext, start: int, end: int) -> tuple[float, float]:
    """(polarity, loadedness) of a span: those of its most loaded word."""
    best = None
    for token in ctx.doc[start:end]:
        score = ctx.score(token)
        if best is None or score.loadedness > best.loadedness:
            best = score
    if best is None:
        return 0.0, 0.0
    loaded = best.loaded or best.loadedness >= THRESHOLDS["label"]
    return (best.polarity if loaded else 0.0), best.loadedness


def direct_target(ctx: FramingContext, token: Token) -> EntityMention | None:
    """The entity a noun is tied to by the parse, if any."""
    head = token.head
    if token.dep_ == "appos":
        found = ctx.mention(head)
        if found:
            return found
    for child in token.children:
        if child.dep_ == "appos" and ctx.mention(child):
            return ctx.mention(child)
    if token.dep_ in ("attr", "acomp") and head.lemma_ in COPULAS:
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and ctx.mention(child):
                return ctx.mention(child)
    if token.dep_ == "oprd" and head.lemma_ in NAMING_VERBS:
        for child in head.children:
            if child.dep_ == "dobj" and ctx.mention(child):
                return ctx.mention(child)
    if token.dep_ == "compound" and ctx.mention(head):
        return ctx.mention(head)
    word_class = ctx.word_class(token)
    if word_class is not None and word_class.actor:
        for child in token.children:
            if child.dep_ in MODIFIER_DEPS and ctx.mention(child):
                return ctx.mention(child)
        for child in token.children:
            if child.dep_ == "compound" and child.pos_ == "PROPN":
                return named_like(ctx, child.text)  # "Houthi rebels" before "the Houthis"
    return None


def named_like(ctx: FramingContext, word: str) -> EntityMention | None:
    """A mention whose name starts like ``word`` ("Houthis" for "Houthi"), if any."""
    stem = word.lower().rstrip("s")
    if len(stem) < 3:
        return None
    for mention in ctx.mentions:
        if mention.key.lower().startswith(stem):
            return mention
    return None


def antecedent(
    ctx: FramingContext,
    token: Token,
    found: list[FramingTerm],
    person: bool,
    plural: bool = False,
    loaded: bool = True,
) -> str | None:
    """The key a nominal mention ("the regime") refers back to, or None."""
    paragraph = ctx.paragraph(token.idx)
    window = token.idx - LOOKBACK_CHARS
    earlier = [
        t
        for t in found
        if t.target
        and t.end <= token.idx
        and t.start >= window
        and ctx.paragraph(t.start) == paragraph
    ]
    if earlier:
        heads = [t.text.split()[-1].lower() for t in earlier]
        sims = [ctx.lexicon.similarity(token.lower_, head) for head in heads]
        best = max(range(len(sims)), key=sims.__getitem__)
        if sims[best] >= SIMILAR_HEAD:
            return earlier[best].target
    if person and not loaded:
        return None  # "the president" is too often someone else to guess
    # A plural group noun ("militants") names people, not a country.
    types = PERSON_TYPES if person else PEOPLE_TYPES if plural else GROUP_TYPES
    best_mention = None
    for mention in ctx.mentions:
        if mention.end > token.idx or mention.start < window:
            continue
        if ctx.paragraph(mention.start) != paragraph or mention.type not in types:
            continue
        best_mention = mention
    return best_mention.key if best_mention else None


def find_labels(ctx: FramingContext) -> list[FramingTerm]:
    doc = ctx.doc
    terms: list[FramingTerm] = []
    taken: set[int] = set()

    def add(start: int, end: int, target: str | None) -> None:
        if any(i in taken for i in range(start, end)):
            return
        span = doc[start:end]
        polarity, _ = polarity_of(ctx, start, end)
        terms.append(
            FramingTerm(
                ctx.doc_id, span.start_char, span.end_char, span.text, "label", target, polarity
            )
        )
        taken.update(range(start, end))

    # Titles and descriptors inside a name's span: "President Bashar al-Assad".
    for mention in ctx.mentions:
        prefix = mention.text[: len(mention.text) - len(mention.key)].strip()
        if prefix and mention.text.endswith(mention.key) and prefix.replace(".", "").isalpha():
            span = doc.char_span(mention.start, mention.start + len(prefix))
            if span is not None:
                terms.append(
                    FramingTerm(
                        ctx.doc_id,
                        span.start_char,
                        span.end_char,
                        prefix,
                        "label",
                        mention.key,
                        polarity_of(ctx, span.start, span.end)[0],
                    )
                )
    nominal: list[Token] = []
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN") or not ctx.candidate(token):
            continue
        if token.pos_ == "PROPN" and not (token.dep_ == "compound" and ctx.mention(token.head)):
            continue
        target = direct_target(ctx, token)
        if target is not None:
            start, end = label_span(ctx, token)
            add(start, end, target.key)
        else:
            nominal.append(token)
    terms.sort(key=lambda t: t.start)
    for token in nominal:
        word_class = ctx.word_class(token)
        if word_class is None or token.i in taken:
            continue
        if word_class.event:
            start, end = label_span(ctx, token)
            add(start, end, None)
            continue
        if not word_class.actor:
            continue
        dets = {c.lower_ for c in token.children if c.dep_ in ("det", "predet")}
        bare_plural = token.tag_ == "NNS" and not dets
        if not (dets & DEFINITE or bare_plural):
            continue
        plural = token.tag_ == "NNS"
        score = ctx.score(token)
        loaded = bool(score and score.loaded)
        target = antecedent(ctx, token, terms, word_class.person and not plural, plural, loaded)
        if target is None and not loaded:
            continue  # an unresolved plain noun ("the people") says nothing
        start, end = label_span(ctx, token)
        add(start, end, target)
    return sorted(terms, key=lambda t: t.start)
