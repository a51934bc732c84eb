"""Attribution frames from the dependency parse: who says what, with which cue.

One pass over the tokens finds every cue: a verb of the lexicon (``cues.py``),
"according to X", and the source nouns in "a report in X said". Each becomes a
:class:`Frame` with the cue verb, the speaker's head token and the reported
content (the ``ccomp`` clause, the clause a ``parataxis`` "he said" interrupts,
the clause "according to" attaches to, or for "denied"-like verbs the object).
Speakers come from ``nsubj``, the passive agent ("it was reported by AFP"),
the head noun of a relative clause ("X, who said ..."), the subject of the
verb a participle or conjunct hangs from ("..., insisting that ...") and the
inverted subject ("said X").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from rashomon.extract.quotes.cues import (
    CUE_VERBS,
    DIRECT_ONLY,
    OBJECT_CONTENT,
    PHRASAL_CUES,
    RELATIVE_PRONOUNS,
    REPORT_NOUNS,
    SOURCE_PREPS,
)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp"})
TRIM_LEFT = frozenset({"that", "whether", "if", ":", ",", "—", "–", "-", "``"})
QUOTE_CHARS = "\"“”‘’'`«»„"


@dataclass(slots=True)
class Frame:
    """One attribution cue in the parse."""

    verb: Token  # the cue verb, or "according"
    cue: str
    speaker: Token | None  # head token of the speaker phrase
    content: tuple[int, int] | None  # char span of the reported content
    direct_only: bool = False
    negated: bool = False
    source_noun: Token | None = None  # "report" in "a report in X said"


def _children(tok: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _subject(verb: Token) -> Token | None:
    """The speaker's head token for a cue verb."""
    current = verb
    for _ in range(4):
        agents = _children(current, {"agent"})
        for agent in agents:
            for pobj in _children(agent, {"pobj"}):
                return pobj
        subjects = _children(current, SUBJECT_DEPS)
        if subjects:
            # The subject nearest the verb: in "“..., China,” Mr. Trump wrote" not "China".
            subj = min(subjects, key=lambda s: abs(s.i - current.i))
            if subj.dep_ == "nsubjpass" and subj.lower_ == "it":
                return None  # "it was reported that ..." with no agent
            if subj.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head
            return subj
        if current.dep_ == "relcl" and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head
        if current.dep_ in INHERIT_DEPS and current.head is not current:
            current = current.head
            continue
        break
    # Inversion the parser did not label nsubj: "..., said John Smith."
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "oprd", "appos") and child.pos_ == "PROPN":
            return child
    return None


def _span(tokens: list[Token]) -> tuple[int, int] | None:
    """The char span of a run of tokens, trimmed of edge punctuation, marks and "that"."""
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in TRIM_LEFT or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _subtree_tokens(tok: Token) -> list[Token]:
    """The tokens of ``tok``'s subtree, kept to ``tok``'s paragraph (line)."""
    doc = tok.doc
    lo, hi = tok.left_edge.i, tok.right_edge.i
    for k in range(tok.i - 1, lo - 1, -1):
        if "\n" in doc[k].text:
            lo = k + 1
            break
    for k in range(tok.i + 1, hi + 1):
        if "\n" in doc[k].text:
            hi = k - 1
            break
    return list(doc[lo : hi + 1])


def _content(verb: Token, lemma: str) -> tuple[int, int] | None:
    """The reported content of a cue verb."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:
        clause = max(clauses, key=lambda c: c.right_edge.i - c.left_edge.i)
        return _span(_subtree_tokens(clause))
    if verb.dep_ == "parataxis" and verb.head is not verb:
        # "The plan, he said, will fail": the clause the parenthetical interrupts.
        head = verb.head
        tokens = [
            t for t in _subtree_tokens(head) if not (verb.left_edge.i <= t.i <= verb.right_edge.i)
        ]
        before = [t for t in tokens if t.i < verb.left_edge.i]
        after = [t for t in tokens if t.i > verb.right_edge.i]
        if _span(before) and _span(after):
            return _span(_subtree_tokens(head))
        return _span(before) or _span(after)
    if lemma in OBJECT_CONTENT:
        for obj in _children(verb, {"dobj"}):
            return _span(_subtree_tokens(obj))
    return None


def _according(tok: Token) -> Frame | None:
    """ "according to X": the speaker is X (or the source of a report noun)."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    speaker, source_noun = _source(pobj)
    head = tok.head
    if head is tok:
        return Frame(tok, "according to", speaker, None, source_noun=source_noun)
    lo, hi = tok.left_edge.i, tok.right_edge.i
    tokens = [t for t in _subtree_tokens(head) if not lo <= t.i <= hi]
    before = _span([t for t in tokens if t.i < lo])
    after = _span([t for t in tokens if t.i > hi])
    content = _span(tokens) if before and after else before or after
    return Frame(tok, "according to", speaker, content, source_noun=source_noun)


def _source(noun: Token) -> tuple[Token, Token | None]:
    """For "a statement from the ministry" the ministry, else the noun itself."""
    if noun.lemma_.lower() in REPORT_NOUNS:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in SOURCE_PREPS:
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.lemma_.lower() not in REPORT_NOUNS:
                    return pobj, noun
        for poss in noun.children:
            if poss.dep_ == "poss" and poss.pos_ in ("PROPN", "NOUN"):
                return poss, noun  # "the ministry's statement"
    return noun, None


def _source_cue(noun: Token, source: Token, cue: str) -> str:
    """ "a report in ... said", "... 's statement said"."""
    if source.head is noun:  # possessive
        return f"...'s {noun.text} {cue}"
    det = next((c.lower_ for c in noun.children if c.dep_ == "det"), "")
    return " ".join(w for w in (det, noun.text, source.head.text, "...", cue) if w)


def _cue_of(tok: Token) -> tuple[str, str] | None:
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ == "prt" and (lemma, child.lower_) in PHRASAL_CUES:
            return lemma, PHRASAL_CUES[(lemma, child.lower_)]
    if lemma in CUE_VERBS:
        return lemma, CUE_VERBS[lemma]
    return None


def find_frames(doc: Doc) -> list[Frame]:
    """Every attribution cue of the document, in text order."""
    frames: list[Frame] = []
    for tok in doc:
        if tok.lower_ == "according" and tok.dep_ in ("prep", "ROOT", "advcl", "advmod"):
            frame = _according(tok)
            if frame is not None:
                frames.append(frame)
            continue
        if tok.pos_ not in ("VERB", "AUX") or tok.tag_ in ("VBN",) and tok.dep_ == "amod":
            continue
        found = _cue_of(tok)
        if found is None:
            continue
        lemma, cue = found
        speaker = _subject(tok)
        source_noun = None
        if speaker is not None and speaker.dep_ != "pobj":
            speaker, source_noun = _source(speaker)
            if source_noun is not None:
                cue = _source_cue(source_noun, speaker, cue)
        negated = any(c.dep_ == "neg" for c in tok.children)
        frames.append(
            Frame(
                tok,
                cue,
                speaker,
                _content(tok, lemma),
                direct_only=lemma in DIRECT_ONLY,
                negated=negated,
                source_noun=source_noun,
            )
        )
    return frames
