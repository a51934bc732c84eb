"""When two statements of one claim group dispute each other, and why."""

from __future__ import annotations

from rashomon.link.claims.statements import (
    ORG_OR_PLACE,
    PERSON,
    ROLE_MIN,
    _overlap,
    _Stmt,
)
from rashomon.model import (
    Quantity,
    TimeMention,
)


def _number_conflict(a: _Stmt, b: _Stmt) -> tuple[Quantity, Quantity] | None:
    if not a.by_key or not b.by_key:
        return None
    for key in a.by_key.keys() & b.by_key.keys():
        qa, qb = a.by_key[key], b.by_key[key]
        if key == "|" and (len(qa) > 1 or len(qb) > 1):
            continue  # bare numbers: only when each side has exactly one
        if not any(_overlap(ia, ib) for _, ia in qa for _, ib in qb):
            return qa[0][0], qb[0][0]
    return None


def _date_conflict(a: _Stmt, b: _Stmt) -> tuple[TimeMention, TimeMention] | None:
    if not a.time_spans or not b.time_spans:
        return None
    for _, ia in a.time_spans:
        for _, ib in b.time_spans:
            if ia[0] <= ib[1] and ib[0] <= ia[1]:
                return None
    return a.time_spans[0][0], b.time_spans[0][0]


def _kind_class(label: str) -> str:
    if label in PERSON:
        return "person"
    if label in ORG_OR_PLACE:
        return "org-or-place"
    return label.lower()


def _role_conflict(a: _Stmt, b: _Stmt, similarity: float) -> tuple[str, str, str] | None:
    """(role, entity of a, entity of b) when the statements differ only in who."""
    if similarity < ROLE_MIN:
        return None
    only_a = [e for e in a.entities if e not in b.all_entities]
    only_b = [e for e in b.entities if e not in a.all_entities]
    for x in only_a:
        for y in only_b:
            if _kind_class(a.entity_kinds[x]) != _kind_class(b.entity_kinds[y]):
                continue
            first = bool(a.entities and b.entities and a.entities[0] == x and b.entities[0] == y)
            if first:
                return "actor", x, y
            if a.entity_kinds[x] in ("GPE", "LOC", "FAC") and b.entity_kinds[y] in (
                "GPE",
                "LOC",
                "FAC",
            ):
                return "place", x, y
            return "object", x, y
    return None


def _different_subjects(a: _Stmt, b: _Stmt) -> bool:
    """Each side names an entity of the same kind that the other lacks.

    Then a different number or date says the statements are about different
    happenings (the £13bn RAF tanker deal and the $40bn USAF one), not that
    the sources disagree about one.
    """
    kinds_a = {_kind_class(a.entity_kinds[e]) for e in a.entities if e not in b.all_entities}
    kinds_b = {_kind_class(b.entity_kinds[e]) for e in b.entities if e not in a.all_entities}
    return bool(kinds_a & kinds_b)


def unrelated(a: _Stmt, b: _Stmt) -> bool:
    """Similar wording, but about different happenings: neither support nor dispute."""
    return bool(_number_conflict(a, b) or _date_conflict(a, b)) and _different_subjects(a, b)


def conflict(a: _Stmt, b: _Stmt, similarity: float) -> str | None:
    """Why statement ``a`` disputes ``b`` (None when they agree); ``a`` first."""
    if unrelated(a, b):
        return None
    pair = _number_conflict(a, b)
    dates = _date_conflict(a, b)
    if pair:
        return (
            f"different number: {pair[0].text} ({a.attribution}) "
            f"vs {pair[1].text} ({b.attribution})"
        )
    if dates:
        return (
            f"different date: {dates[0].text} ({a.attribution}) "
            f"vs {dates[1].text} ({b.attribution})"
        )
    if a.mention.negated != b.mention.negated:
        if a.mention.negated:
            return f"negation: '{a.negation_cue}' ({a.attribution}) vs affirmed ({b.attribution})"
        return f"negation: affirmed ({a.attribution}) vs '{b.negation_cue}' ({b.attribution})"
    role = _role_conflict(a, b, similarity)
    if role:
        kind, x, y = role
        return (
            f"different {kind}: {a.entity_names[x]} ({a.attribution}) vs "
            f"{b.entity_names[y]} ({b.attribution})"
        )
    return None
