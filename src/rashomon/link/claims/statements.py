"""A statement with what linking needs from its document, and how to build them."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from rashomon.extract.timex.intervals import day_range
from rashomon.model import (
    ClaimMention,
    DocumentAnalysis,
    Quantity,
    TimeMention,
)

EDGE_MIN = 0.66  # score a cross-document pair needs to be linked
MERGE_MIN = 0.66  # cosine two groups' centroids need to merge
PAIR_MIN = 0.55  # cosine below which a candidate pair is not even scored
ROLE_MIN = 0.70  # cosine for two statements to differ only in who did it / to whom
BLOCK_MAX = 200  # entity blocks bigger than this are left to the embedding cells
CELL_SIZE = 64  # target statements per embedding cell
CELL_MAX = 256  # cells bigger than this are split again
MAX_GROUP_CHECK = 200  # statements per group checked pairwise for conflicts

PERSON = {"PERSON"}
ORG_OR_PLACE = {"ORG", "GPE", "LOC", "FAC", "NORP"}


@dataclass(slots=True)
class _Stmt:
    """A statement with what linking needs from its document."""

    mention: ClaimMention
    index: int
    entities: list[str]  # corpus entity ids, in order of appearance, speaker excluded
    entity_names: dict[str, str]
    entity_kinds: dict[str, str]
    speaker_entity: str | None
    quantities: list[Quantity]
    times: list[TimeMention]
    attribution: str
    published: str | None
    negation_cue: str | None = None
    all_entities: set[str] = field(default_factory=set)
    by_key: dict[str, list[tuple[Quantity, tuple[float, float]]]] = field(default_factory=dict)
    time_spans: list[tuple[TimeMention, tuple[dt.date, dt.date]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        for q in self.quantities:
            interval = quantity_interval(q)
            if interval is not None:
                self.by_key.setdefault(_counted_key(q), []).append((q, interval))
        for t in self.times:
            interval = time_interval(t.value or "")
            if interval is not None:
                self.time_spans.append((t, interval))


def _statements(
    analyses: Sequence[DocumentAnalysis], key_to_entity: Mapping[tuple[str, str], str]
) -> tuple[list[_Stmt], np.ndarray, dict[str, set[str]], dict[str, str | None]]:
    stmts: list[_Stmt] = []
    vectors: list[np.ndarray] = []
    docs_by_entity: dict[str, set[str]] = defaultdict(set)
    published: dict[str, str | None] = {}
    for analysis in analyses:
        document = analysis.document
        doc_id = document.id
        published[doc_id] = document.published
        mentions = sorted(analysis.entity_mentions, key=lambda m: m.start)
        for m in mentions:
            eid = key_to_entity.get((doc_id, m.key))
            if eid is not None:
                docs_by_entity[eid].add(doc_id)
        outlet = document.outlet or document.source or doc_id
        for claim in analysis.claims:
            if claim.vector is None:
                continue
            vector = np.frombuffer(claim.vector, dtype=np.float16).astype(np.float32)
            inside = [m for m in mentions if m.start >= claim.start and m.end <= claim.end]
            speaker_entity = key_to_entity.get((doc_id, claim.speaker or ""))
            ids: list[str] = []
            names: dict[str, str] = {}
            kinds: dict[str, str] = {}
            all_ids: set[str] = set()
            rank = {key: n for n, key in enumerate(claim.entities)}  # actors first
            inside.sort(key=lambda m: (rank.get(m.key, len(rank)), m.start))
            for m in inside:
                eid = key_to_entity.get((doc_id, m.key), f"{doc_id}:{m.key}")
                all_ids.add(eid)
                names.setdefault(eid, m.text)
                kinds.setdefault(eid, m.type)
                if eid != speaker_entity and eid not in ids:
                    ids.append(eid)
            quantities = [
                q for q in analysis.quantities if q.start >= claim.start and q.end <= claim.end
            ]
            times = [
                t
                for t in analysis.times
                if t.start >= claim.start
                and t.end <= claim.end
                and t.type in ("DATE", "TIME")
                and t.value
                and t.value[:1].isdigit()
            ]
            attribution = claim.speaker or outlet
            stmt = _Stmt(
                claim,
                len(stmts),
                ids,
                names,
                kinds,
                speaker_entity,
                quantities,
                times,
                attribution,
                document.published,
                _negation_cue(claim.text) if claim.negated else None,
                all_ids,
            )
            stmts.append(stmt)
            vectors.append(vector)
    matrix = np.vstack(vectors) if vectors else np.zeros((0, 384), dtype=np.float32)
    if len(matrix):
        matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
    return stmts, matrix, docs_by_entity, published


def _counted_key(q: Quantity) -> str:
    if q.counted:
        word = q.counted.lower().split()[-1]
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        return f"{q.unit or ''}|{word}"
    return f"{q.unit or ''}|"


def _trailing_zeros(x: float) -> int:
    if x != int(x) or x == 0:
        return 0
    n, count = int(abs(x)), 0
    while n % 10 == 0:
        n //= 10
        count += 1
    return count


def quantity_interval(q: Quantity) -> tuple[float, float] | None:
    """The values a quantity allows: a range as written, ±15% around an
    approximate value, a bound stretched by half, an exact value with its
    rounding ("1,000" may be 1,020; "1,017" may not be 1,100)."""
    if q.low is not None and q.high is not None:
        low, high = sorted((q.low, q.high))
        if q.approximate:
            low, high = low * 0.9, high * 1.1
        return low, high
    if q.value is None:
        if q.low is not None:
            return q.low, q.low * 1.5
        if q.high is not None:
            return q.high / 1.5, q.high
        return None
    v = abs(q.value)
    if q.low is not None:  # "at least", "more than"
        return v, v * (1.5 if not q.approximate else 1.65)
    if q.high is not None:  # "up to", "nearly", "almost"
        return v / 1.5, v
    if q.approximate:
        return v * 0.85, v * 1.15
    tolerance = 0.05 if _trailing_zeros(v) >= 2 or v >= 1e6 else 0.005
    if v < 10 and v == int(v):
        tolerance = 0.0
    return v * (1 - tolerance), v * (1 + tolerance)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] + 1e-9 and b[0] <= a[1] + 1e-9


def time_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The days a TIMEX3 date value covers ("2008" → the year, "2008-W09" → the week)."""
    return day_range(value)


_NEG_CUE = re.compile(
    r"\b(denied|denies|deny|denying|refuted|refutes|rejected|dismissed|disputed|"
    r"did not|does not|do not|has not|have not|had not|was not|were not|is not|are not|"
    r"will not|would not|could not|cannot|can not|never|nobody|no one|none|nothing|no)\b|n't\b",
    re.IGNORECASE,
)


def _negation_cue(text: str) -> str:
    m = _NEG_CUE.search(text)
    if not m:
        return "negated"
    if m.group(0).lower() == "n't":
        start = text.rfind(" ", 0, m.start()) + 1
        return text[start : m.end()]
    return m.group(0)
