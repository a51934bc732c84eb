"""Check-worthy statements: the sentences (or main clauses) that assert a fact.

A statement is kept when it anchors a fact: a named entity together with an
event verb, a counted quantity, a calendar date, or an attribution (someone
said it). Questions, headline-like fragments without a verb, captions and
share/subscribe lines, and opinion-only sentences (no entity, number or date;
or "X is great" with nothing to check) are skipped.

Each :class:`ClaimMention` carries the document-local entity keys, TIMEX3
values and quantities inside it, whether it is negated or a denial, who it is
attributed to, and its MiniLM sentence embedding (float16 bytes) for the
cross-document linking in :mod:`rashomon.link.claims`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from spacy.tokens import Doc, Span, Token

from rashomon.model import ClaimMention, DocumentAnalysis, Quantity, Quote

MIN_WORDS = 5
MAX_CHARS = 600  # longer "sentences" are usually run-on lists or tables: cut at a clause

# Verbs that carry no event on their own (copulas, light and mental verbs).
LIGHT_VERBS = frozenset(
    "be have do seem appear become remain think believe hope feel want like love hate "
    "wish know guess suppose mean look sound need".split()
)
# Verbs of denial: "X denied that Y" disputes Y.
DENIAL_VERBS = frozenset("deny refute disavow rebut".split())
# Verbs that deny only when their object is a statement ("rejected the claims").
REJECT_VERBS = frozenset("reject dismiss dispute contradict".split())
STATEMENT_NOUNS = frozenset(
    "claim report allegation accusation charge suggestion assertion account story "
    "rumor rumour statement".split()
)
NEG_SUBJECTS = frozenset("nobody nothing none no-one".split())
# Reporting verbs that make a sentence an attribution even without a quote found.
REPORT_VERBS = frozenset(
    "say tell claim announce confirm report state allege deny add insist warn reveal "
    "acknowledge admit declare testify accuse charge".split()
)
BOILERPLATE = re.compile(
    r"^\W*(photo|image|picture|video|caption|file photo|share|click|subscribe|sign up|"
    r"follow us|read more|related|advertisement|copyright|all rights reserved|©|"
    r"comments?|posted by|tags?|source)s?\b\W",
    re.IGNORECASE,
)
TIME_TYPES = frozenset({"DATE", "TIME"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "you", "your"})


def _format_number(x: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= size:
            return f"{x / size:g} {word}"
    if x == int(x):
        return f"{int(x):,}" if abs(x) >= 10000 else str(int(x))
    return f"{x:g}"


def format_quantity(q: Quantity) -> str:
    """The quantity as written in the model: "~1000 people", "40-60 fighters", ">=300 people"."""
    if q.low is not None and q.high is not None and q.low != q.high:
        number = f"{_format_number(q.low)}-{_format_number(q.high)}"
    elif q.value is not None:
        number = _format_number(q.value)
        if q.low is not None and q.high is None:
            number = ">=" + number
        elif q.high is not None and q.low is None:
            number = "<=" + number
    elif q.low is not None:
        number = ">=" + _format_number(q.low)
    elif q.high is not None:
        number = "<=" + _format_number(q.high)
    else:
        number = q.text
    if q.approximate:
        number = "~" + number
    if q.unit:
        number = f"{number} {q.unit}"
    if q.counted:
        number = f"{number} {q.counted}"
    return number


def _clauses(sent: Span) -> list[tuple[int, int]]:
    """Token ranges of the sentence's main clauses: split at semicolons and at a
    coordinated main verb with its own subject ("X fell, and Y rose")."""
    cuts: list[int] = []
    for tok in sent:
        if tok.text == ";" and sent.start < tok.i < sent.end - 1:
            cuts.append(tok.i + 1)
        elif (
            tok.dep_ == "conj"
            and tok.head.dep_ == "ROOT"
            and tok.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        ):
            start = tok.left_edge.i
            # attach the coordinating conjunction and comma before it to the second clause
            while start > sent.start and sent.doc[start - 1].dep_ in ("cc", "punct"):
                start -= 1
            if sent.start < start:
                cuts.append(start)
    bounds = [sent.start, *sorted(set(cuts)), sent.end]
    pieces = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    merged: list[tuple[int, int]] = []
    for a, b in pieces:
        words = sum(1 for t in sent.doc[a:b] if not t.is_punct and not t.is_space)
        if merged and words < MIN_WORDS:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    if (
        len(merged) > 1
        and sum(1 for t in sent.doc[merged[0][0] : merged[0][1]] if not t.is_punct) < MIN_WORDS
    ):
        merged[1] = (merged[0][0], merged[1][1])
        merged.pop(0)
    return merged


def _trim(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """Character span of tokens a..b without leading conjunctions/punctuation or spaces."""
    while a < b and (doc[a].is_space or doc[a].dep_ == "cc" or doc[a].text in {",", ";", "-"}):
        a += 1
    while b > a and doc[b - 1].is_space:
        b -= 1
    if a >= b:
        return None
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


def _negated(tokens: Sequence[Token]) -> bool:
    for tok in tokens:
        lower = tok.lower_
        if tok.dep_ == "neg" and tok.head.pos_ in ("VERB", "AUX") and lower != "not only":
            return True
        if lower == "never" and tok.head.pos_ in ("VERB", "AUX"):
            return True
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in DENIAL_VERBS:
            return True
        if (
            tok.pos_ == "VERB"
            and lemma in REJECT_VERBS
            and any(
                c.dep_ == "ccomp" or (c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS)
                for c in tok.children
            )
        ):
            return True
        if lower in NEG_SUBJECTS and tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        if lower == "no" and tok.dep_ == "det" and tok.head.dep_ in ("nsubj", "nsubjpass", "dobj"):
            return True
    return False


def _actor_spans(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Character spans of the main clause's actors: the subject of the root verb
    (or of the clause a reporting verb introduces) and a passive's agent."""
    spans = []
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.dep_ == "ROOT" or (t.dep_ == "conj" and t.head.dep_ == "ROOT")]
    heads += [c for h in heads for c in h.children if c.dep_ == "ccomp" and c.i in inside]
    for head in heads:
        for child in head.children:
            actor = None
            if child.dep_ == "nsubj":
                actor = child
            elif child.dep_ == "agent":
                actor = next((g for g in child.children if g.dep_ == "pobj"), None)
            if actor is not None:
                left, right = actor.left_edge, actor.right_edge
                spans.append((left.idx, right.idx + len(right.text)))
    return spans


def _opinion_only(tokens: Sequence[Token]) -> bool:
    """ "X is great": a copula with an adjective and nothing else to check."""
    roots = [t for t in tokens if t.dep_ == "ROOT"]
    if not roots:
        return False
    root = roots[0]
    if root.lemma_ != "be":
        return False
    return any(c.dep_ == "acomp" for c in root.children) and not any(
        c.dep_ in ("attr", "prep", "agent") for c in root.children
    )


def _covering_quote(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    best, best_overlap = None, 0
    for q in quotes:
        overlap = min(end, max(q.end, q.speaker_end or q.end)) - max(
            start, min(q.start, q.speaker_start if q.speaker_start is not None else q.start)
        )
        if overlap > best_overlap and overlap >= 0.3 * (end - start):
            best, best_overlap = q, overlap
    return best


def _within(items, start: int, end: int):
    return [x for x in items if x.start >= start and x.end <= end]


def find_claims(doc: Doc, analysis: DocumentAnalysis, encoder=None) -> list[ClaimMention]:
    """The check-worthy statements of one parsed document, with embeddings.

    ``encoder`` is a :class:`~rashomon.extract.embeddings.SentenceEncoder` (the
    process-wide one when None); pass ``False`` to leave ``vector`` empty.
    """
    doc_id = analysis.document.id
    text = analysis.document.text
    claims: list[ClaimMention] = []
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        clauses = _clauses(sent)
        for a, b in clauses:
            claim = _claim(doc, a, b, analysis, doc_id, text, len(clauses) == 1)
            if claim is not None:
                claims.append(claim)
    if encoder is None:
        from rashomon.extract.embeddings import load_encoder

        encoder = load_encoder()
    if encoder is not False and claims:
        vectors = encoder.encode([c.text for c in claims]).astype(np.float16)
        for claim, vector in zip(claims, vectors, strict=True):
            claim.vector = vector.tobytes()
    return claims


def _claim(
    doc: Doc, a: int, b: int, analysis: DocumentAnalysis, doc_id: str, text: str, whole: bool
) -> ClaimMention | None:
    span = _trim(doc, a, b)
    if span is None:
        return None
    start, end = span
    if end - start > MAX_CHARS:
        end = start + text[start : start + MAX_CHARS].rfind(" ")
    body = text[start:end]
    tokens = [t for t in doc[a:b] if t.idx >= start and t.idx < end]
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if len(words) < MIN_WORDS:
        return None
    stripped = body.rstrip(" \"'”’)]")
    if stripped.endswith("?") or BOILERPLATE.match(body):
        return None
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return None
    # no closing punctuation and no main verb: a headline or caption-like fragment
    if (
        whole
        and not stripped.endswith((".", "!", ":"))
        and len(words) < 15
        and not any(t.dep_ == "ROOT" and t.pos_ == "VERB" for t in tokens)
    ):
        return None
    entity_mentions = _within(analysis.entity_mentions, start, end)
    actors = _actor_spans(tokens)
    entity_mentions.sort(
        key=lambda m: (not any(a <= m.start < b for a, b in actors), m.start)
    )  # the actors (subjects, passive agents) first, then in order of appearance
    entities = list(dict.fromkeys(m.key for m in entity_mentions))
    times = [
        t.value for t in _within(analysis.times, start, end) if t.type in TIME_TYPES and t.value
    ]
    times = [v for v in dict.fromkeys(times) if v[:1].isdigit()]
    quantities = [format_quantity(q) for q in _within(analysis.quantities, start, end)]
    quote = _covering_quote(analysis.quotes, start, end)
    speaker = quote.speaker if quote is not None else None
    event_verbs = [t for t in verbs if t.pos_ == "VERB" and t.lemma_.lower() not in LIGHT_VERBS]
    reporting = any(t.lemma_.lower() in REPORT_VERBS for t in verbs)
    if not (entities or quantities or times):
        return None
    if not (quantities or times) and _opinion_only(tokens):
        return None
    if not (quantities or times or (entities and (event_verbs or speaker))):
        return None
    if (
        not (quantities or times)
        and sum(1 for t in words if t.lower_ in FIRST_PERSON) >= 2
        and not event_verbs
    ):
        return None
    negated = _negated(tokens) or bool(quote and quote.cue in ("denied", "refuted", "rejected"))
    if quantities:
        kind = "quantity"
    elif times:
        kind = "date"
    elif event_verbs and not (
        speaker and all(t.lemma_.lower() in REPORT_VERBS for t in event_verbs)
    ):
        kind = "event"
    elif speaker or reporting:
        kind = "attribution"
    else:
        kind = "statement"
    return ClaimMention(
        doc=doc_id,
        start=start,
        end=end,
        text=body,
        kind=kind,
        entities=entities,
        times=times,
        quantities=quantities,
        negated=negated,
        speaker=speaker,
    )
