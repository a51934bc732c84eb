"""Framing across sources: for each entity several sources name, how each words it.

:func:`link_framing` gathers the per-document :class:`FramingTerm` by entity
(through :func:`rashomon.link.entities.key_index`) and gives, for each source,
its loaded words for the entity (labels such as "regime", loaded verbs and
adjectives aimed at it such as "caves", scare quotes; most frequent first), its
stance toward it, and the sentences behind both.

Stance is decided from the writer's own words (:class:`StanceEvidence`): the
polarity of the framing terms aimed at the entity (labels, evaluative words,
scare quotes) that lie **outside direct quotes** of other people — a wire that
quotes a minister calling a group "terrorists" has not called them so itself;
scare quotes are the writer's and count — and VADER's compound score of the
sentences that mention the entity, with the quoted text and the names blanked
out ("United Nations" is not praise).

:func:`decide_stance` abstains (neutral) unless several of those terms lean the
same way (:data:`STANCE`, chosen on the BASIL tune half): most news coverage of
a person is neutral, and one loaded word near a name says little about the
writer. The graded ``score = sum(term polarities) / (n_terms + 1) +
SENTENCE_WEIGHT * mean(compound)`` is kept for comparing sources with each
other (PAC).

:func:`framing_table` lines the sources up for the views: labels with near
synonyms across sources ("militants", "rebels", "insurgents"; "regime",
"dictatorship") share a slot, found from the near synonyms of their head words in
the shipped framing table (no model at run time). Only loaded labels and scare
quotes are listed: a plain role noun ("president", "officials") is how anyone
would name the referent, not framing.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rashomon.extract.framing import is_loaded_term
from rashomon.extract.framing.lexicon import THRESHOLDS, load_lexicon
from rashomon.model import (
    Document,
    DocumentAnalysis,
    Entity,
    Framing,
    FramingTerm,
    MentionRef,
)

SENTENCE_WEIGHT = 0.3
STANCE_THRESHOLD = 0.12
SLOT_SIMILARITY = 0.55
MAX_EVIDENCE = 4
QUOTE_MARKS = '"“”'


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


_TONES: dict[str, float] = {}  # digest of a sentence's text -> its tone, this process's
_SCORED: set[str] = set()  # digests this process scored itself (not given by remember_tones)


def sentence_tone(text: str) -> float:
    """VADER compound score (-1..+1) of a sentence, each distinct text scored once.

    The score is a function of the text alone, so one kept by an earlier run
    (:func:`remember_tones`) is the one this run would compute: a run that adds
    a few documents to a large store scores only their sentences."""
    key = tone_key(text)
    tone = _TONES.get(key)
    if tone is None:
        tone = _TONES[key] = float(_vader().polarity_scores(text)["compound"])
        _SCORED.add(key)
    return tone


def tone_key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def remember_tones(stored: Mapping[str, float]) -> None:
    """Take sentence tones kept from earlier runs (digest -> tone, as :func:`new_tones` gives)."""
    for key, tone in stored.items():
        _TONES.setdefault(key, tone)


def new_tones(known: Mapping[str, float]) -> dict[str, float]:
    """The tones this process scored that ``known`` lacks."""
    return {k: _TONES[k] for k in _SCORED if k not in known}


def _blank(text: str, offset: int, spans: list[tuple[int, int]]) -> str:
    """``text`` (starting at ``offset``) with the given spans replaced by spaces
    (a slice at a time: it runs on every sentence of every framed source)."""
    chars = list(text)
    for start, end in spans:
        low, high = max(start, offset) - offset, min(end, offset + len(text)) - offset
        if high > low:
            chars[low:high] = " " * (high - low)
    return "".join(chars)


def label_text(term: FramingTerm) -> str:
    text = " ".join(term.text.split()).lower()
    return f"“{text}”" if term.kind == "scare-quote" else text


def label_is_loaded(label: str) -> bool:
    """Whether a label as stored in :attr:`Framing.labels` is loaded."""
    if label.startswith("“") or label.startswith("so-called"):
        return True
    words = [w for w in label.replace("-", " ").split() if w.isalpha()]
    if not words:
        return False
    scores = load_lexicon().score_many(words).values()
    return any(s.loaded or s.loadedness >= THRESHOLDS["label"] for s in scores)


@dataclass(slots=True)
class _Source:
    terms: list[FramingTerm] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class StanceEvidence:
    """What one source's stance toward one entity is decided from."""

    polarities: tuple[float, ...] = ()  # the writer's own loaded terms aimed at the entity
    tones: tuple[float, ...] = ()  # VADER compound of its sentences, quotes and names blanked

    @property
    def score(self) -> float:
        """A graded score (-1..+1-ish): mean term polarity (one neutral pseudo-term) plus
        :data:`SENTENCE_WEIGHT` times the mean sentence tone."""
        term_part = sum(self.polarities) / (len(self.polarities) + 1)
        tone_part = sum(self.tones) / len(self.tones) if self.tones else 0.0
        return term_part + SENTENCE_WEIGHT * tone_part


# The stance is neutral (abstains) unless at least ``min_terms`` of the writer's
# own loaded terms of |polarity| at least ``min_polarity`` lean one way and
# their mean polarity, counting one neutral pseudo-term and ``tone_weight``
# times the mean sentence tone, passes ``margin`` that way. Chosen on the
# BASIL tune half (benchmarks/framing.py): sentence tone and single loaded
# words say more about the news than about how the writer feels toward the
# entity.
STANCE = {"min_terms": 3, "min_polarity": 0.0, "margin": 0.3, "tone_weight": 0.3}


def stance_score(terms: Sequence[FramingTerm], tones: Sequence[float]) -> float:
    """The graded stance score from the writer's terms and the tone of the sentences."""
    polarities = tuple(t.polarity or 0.0 for t in terms if is_loaded_term(t))
    return StanceEvidence(polarities, tuple(tones)).score


def decide_stance(evidence: StanceEvidence, params: Mapping[str, float] = STANCE) -> str:
    """positive | negative | neutral, abstaining unless the writer's words clearly lean."""
    pols = [p for p in evidence.polarities if abs(p) >= params.get("min_polarity", 0.0)]
    lean = sum(pols) / (len(pols) + 1)
    if evidence.tones:
        lean += params["tone_weight"] * sum(evidence.tones) / len(evidence.tones)
    if sum(p < 0 for p in pols) >= params["min_terms"] and lean <= -params["margin"]:
        return "negative"
    if sum(p > 0 for p in pols) >= params["min_terms"] and lean >= params["margin"]:
        return "positive"
    return "neutral"


def stance_of(score: float) -> str:
    """The direction of a graded :attr:`StanceEvidence.score` (for comparisons of scores)."""
    if score > STANCE_THRESHOLD:
        return "positive"
    if score < -STANCE_THRESHOLD:
        return "negative"
    return "neutral"


def link_framing(
    analyses: Sequence[DocumentAnalysis],
    key_to_entity: Mapping[tuple[str, str], str],
    min_sources: int = 2,
) -> list[Framing]:
    """A :class:`Framing` for each entity named by ``min_sources`` documents or more
    and given a label or a loaded word by at least one of them."""
    by_entity, evidence = _gather(analyses, key_to_entity)
    framings: list[Framing] = []
    texts = {a.document.id: a.document.text for a in analyses}
    for eid, sources in by_entity.items():
        if len(sources) < min_sources or not any(s.terms for s in sources.values()):
            continue
        framing = Framing(target=eid)
        for doc, source in sorted(sources.items()):
            # The writer's loaded words for the entity: labels ("regime"), loaded
            # verbs and adjectives aimed at it ("caves"), scare quotes; never a
            # plain role noun ("president").
            labels = Counter(label_text(t) for t in source.terms if is_loaded_term(t))
            framing.labels[doc] = [label for label, _ in labels.most_common()]
            framing.stance[doc] = decide_stance(evidence[(doc, eid)])
            framing.evidence[doc] = _evidence(doc, texts[doc], source)
        framings.append(framing)
    framings.sort(key=lambda f: (-sum(bool(v) for v in f.labels.values()), f.target))
    return framings


def stance_evidence(
    analyses: Sequence[DocumentAnalysis], key_to_entity: Mapping[tuple[str, str], str]
) -> dict[tuple[str, str], StanceEvidence]:
    """The :class:`StanceEvidence` of every (doc id, entity id) pair."""
    return _gather(analyses, key_to_entity)[1]


def stance_scores(
    analyses: Sequence[DocumentAnalysis], key_to_entity: Mapping[tuple[str, str], str]
) -> dict[tuple[str, str], float]:
    """The graded stance score of every (doc id, entity id) pair (see the module doc)."""
    return {k: v.score for k, v in stance_evidence(analyses, key_to_entity).items()}


def _gather(
    analyses: Sequence[DocumentAnalysis], key_to_entity: Mapping[tuple[str, str], str]
) -> tuple[dict[str, dict[str, _Source]], dict[tuple[str, str], StanceEvidence]]:
    by_entity: dict[str, dict[str, _Source]] = defaultdict(dict)
    scores: dict[tuple[str, str], StanceEvidence] = {}
    for analysis in analyses:
        doc = analysis.document.id
        text = analysis.document.text
        quotes = [(q.start, q.end) for q in analysis.quotes if q.direct]
        names = [(m.start, m.end) for m in analysis.entity_mentions]
        sentences = sorted((s.start, s.end) for s in analysis.sentences)
        touched: set[str] = set()  # this document's entities: never loop over the corpus's
        for mention in analysis.entity_mentions:
            eid = key_to_entity.get((doc, mention.key))
            if eid is None:
                continue
            touched.add(eid)
            source = by_entity[eid].setdefault(doc, _Source())
            sentence = _containing(sentences, mention.start)
            if sentence and sentence not in source.sentences:
                source.sentences.append(sentence)
        for term in analysis.framing_terms:
            if term.target is None:
                continue
            eid = key_to_entity.get((doc, term.target))
            if eid is None:
                continue
            if term.kind != "scare-quote" and any(s <= term.start < e for s, e in quotes):
                continue  # someone else's words
            by_entity[eid].setdefault(doc, _Source()).terms.append(term)
            touched.add(eid)
        for eid in touched:
            source = by_entity[eid].get(doc)
            if source is None or (doc, eid) in scores:
                continue
            tones = [
                sentence_tone(_blank(text[s:e], s, quotes + names))
                for s, e in source.sentences[:20]
            ]
            polarities = tuple(t.polarity or 0.0 for t in source.terms if is_loaded_term(t))
            scores[(doc, eid)] = StanceEvidence(polarities, tuple(tones))
    return by_entity, scores


def _containing(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    for start, end in sentences:
        if start <= pos < end:
            return start, end
    return None


def _evidence(doc: str, text: str, source: _Source) -> list[MentionRef]:
    """The sentences holding the loaded terms first, then the other term and mention sentences."""
    order: list[tuple[int, int]] = []
    terms = sorted(source.terms, key=lambda t: not is_loaded_term(t))
    for term in terms:
        span = _containing(source.sentences, term.start) or (term.start, term.end)
        if span not in order:
            order.append(span)
    for span in source.sentences:
        if span not in order:
            order.append(span)
    return [MentionRef(doc, s, e, text[s:e]) for s, e in order[:MAX_EVIDENCE]]


def loaded_share(framing: Framing, doc: str) -> float:
    """The share of a source's listed words for the target that are loaded: 1 when it
    gives the target any loaded word, 0 when none (only loaded words are listed), so
    its mean over targets in :func:`source_summary` is the share of targets a source
    words in a loaded way."""
    labels = framing.labels.get(doc, [])
    if not labels:
        return 0.0
    return sum(label_is_loaded(label) for label in labels) / len(labels)


def head_word(label: str) -> str:
    words = label.strip("“”").split()
    return words[-1] if words else label


def label_slots(framing: Framing) -> dict[str, str]:
    """label -> slot name for one target: near-synonymous labels share a slot.

    Single-linkage clustering of the target's labels (scare quotes stripped)
    over all sources: two labels join when their head words are the same or
    near synonyms in the shipped table (MiniLM cosine of the words, computed
    offline, at least :data:`SLOT_SIMILARITY`: "rebels" joins "militants",
    "regime" joins "dictatorship"). A slot is named by its most frequent label.
    """
    counts: Counter[str] = Counter()
    for labels in framing.labels.values():
        counts.update(labels)
    labels = [label for label, _ in counts.most_common()]
    if not labels:
        return {}
    bare = [label.strip("“”") for label in labels]
    heads = [head_word(label) for label in bare]
    lexicon = load_lexicon()
    parent = list(range(len(labels)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a in range(len(labels)):
        for b in range(a + 1, len(labels)):
            if lexicon.similarity(heads[a], heads[b]) >= SLOT_SIMILARITY:
                ra, rb = root(a), root(b)
                parent[max(ra, rb)] = min(ra, rb)
    return {label: bare[root(i)] for i, label in enumerate(labels)}


@dataclass(slots=True)
class FramingCell:
    """One source's wording of one target."""

    doc: str
    source: str
    labels: list[str]
    by_slot: dict[str, list[str]]
    stance: str
    loaded_share: float


@dataclass(slots=True)
class FramingRow:
    """One target across the sources: the slots in order, then each source's cell."""

    target: str
    name: str
    slots: list[str]
    cells: list[FramingCell]


def framing_table(
    framings: Sequence[Framing],
    documents: Sequence[Document],
    entities: Sequence[Entity] = (),
) -> list[FramingRow]:
    """Rows for the terminal and HTML views (target, then per source its labels and stance)."""
    outlet = {d.id: d.outlet or d.source or d.id for d in documents}
    names = {e.id: e.name for e in entities}
    rows: list[FramingRow] = []
    for framing in framings:
        slot_of = label_slots(framing)
        slot_count: Counter[str] = Counter()
        cells: list[FramingCell] = []
        for doc in sorted(framing.stance, key=lambda d: outlet.get(d, d)):
            labels = framing.labels.get(doc, [])
            by_slot: dict[str, list[str]] = defaultdict(list)
            for label in labels:
                by_slot[slot_of.get(label, label)].append(label)
            slot_count.update(by_slot.keys())
            cells.append(
                FramingCell(
                    doc,
                    outlet.get(doc, doc),
                    labels,
                    dict(by_slot),
                    framing.stance[doc],
                    round(loaded_share(framing, doc), 3),
                )
            )
        slots = [slot for slot, _ in slot_count.most_common()]
        rows.append(
            FramingRow(framing.target, names.get(framing.target, framing.target), slots, cells)
        )
    return rows


def source_summary(framings: Sequence[Framing]) -> dict[str, dict[str, float]]:
    """Per source: targets framed, mean loaded share, and stance counts, to see at a
    glance which sources consistently use loaded terms."""
    out: dict[str, dict[str, float]] = {}
    for framing in framings:
        for doc, stance in framing.stance.items():
            row = out.setdefault(
                doc, {"targets": 0, "loaded_share": 0.0, "negative": 0, "positive": 0, "neutral": 0}
            )
            row["targets"] += 1
            row["loaded_share"] += loaded_share(framing, doc)
            row[stance] += 1
    for row in out.values():
        row["loaded_share"] = round(row["loaded_share"] / max(1, row["targets"]), 3)
    return out
