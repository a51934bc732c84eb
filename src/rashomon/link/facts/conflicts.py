"""Whether two values of one slot conflict, and if so how: a dispute or a revision.

Why these rules: a fact-checker who finds one invented dispute stops trusting
the list, so a dispute needs two values that cannot both be true
(:mod:`values`), from two independent sources, neither of which also states
the other value, with a typed reason and a confidence; below
:data:`MIN_CONFIDENCE` the comparison abstains. A later report that changes
a toll ("rose to five") is a revision, not a dispute: when the later value is
worded as an update, or when the reports are published on different days; two
tolls are a dispute only between reports of the same day, and undated reports'
tolls are not compared at all (their order, and so revision or dispute, is
unknown).
A denial ("Moore was not arrested") conflicts with an assertion of the same
person's part in the same act (reason ``negation``): a dispute between reports of
the same day or when the denial comes later, a revision when the assertion does.
Names only conflict where both sources give one name of the same kind and
neither source mentions the other's name anywhere (else they may be two
participants, a place inside another, or a unit of an organisation).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from rashomon.model import FactMention

from .values import COMPATIBILITY, NAME_SLOTS, moment, names_compatible, slot_kind

MIN_CONFIDENCE = 0.6
FAR_APART = timedelta(days=30)
# Counted roles whose figures grow as a story develops.
GROWING_ROLES = frozenset(
    {
        "count:killed",
        "count:injured",
        "count:missing",
        "count:arrested",
        "count:displaced",
        "count:casualties",
        "count:affected",
        "count:charged",
        "count:rescued",
    }
)
REASONS = {
    "count": "number",
    "when": "date",
    "where": "place",
    "agent": "actor",
    "patient": "victim",
}
BASE_CONFIDENCE = {
    "count": 0.9,
    "when": 0.8,
    "where": 0.65,
    "agent": 0.65,
    "patient": 0.65,
    "negation": 0.65,
}


@dataclass(slots=True)
class Side:
    """One value of a slot, as the statements of one or more documents give it."""

    value: str
    facts: list[FactMention]
    entity_type: str | None = None
    name: str = ""
    denied: bool = False  # its statements say this one did not act / was not acted on

    @property
    def docs(self) -> set[str]:
        return {f.doc for f in self.facts}


@dataclass(slots=True)
class Verdict:
    kind: str  # dispute | revision | abstain
    reason: str  # a dispute's reason; an abstention's key of HELD_BACK_REASONS
    confidence: float
    earlier_first: bool = True  # for a revision: whether side a is the earlier value


def compatible(slot: str, a: Side, b: Side) -> bool | None:
    """Whether the two values can both be true (None: cannot tell)."""
    kind = slot_kind(slot)
    if kind in NAME_SLOTS:
        same = a.value == b.value or names_compatible(a.name, b.name)
        if a.denied != b.denied:
            return not same  # "Moore was arrested" / "Moore was not arrested"
        if same:
            return True
        return False if a.entity_type == b.entity_type else None
    check = COMPATIBILITY.get(kind)
    if check is None:
        return None if a.value != b.value else True
    answers = {check(x, y) for x in a.facts for y in b.facts}
    if True in answers:
        return True
    return False if answers == {False} else None


def _number_confidence(a: Side, b: Side) -> float:
    confidence = BASE_CONFIDENCE["count"]
    if any(f.approximate for f in a.facts) or any(f.approximate for f in b.facts):
        confidence -= 0.2
    return confidence


def judge(
    slot: str,
    a: Side,
    b: Side,
    mentioned: Mapping[str, set[str]],
    published: Mapping[str, str | None],
) -> Verdict | None:
    """The conflict between two incompatible values, or None to abstain."""
    verdict = assess(slot, a, b, mentioned, published)
    return None if verdict.kind == "abstain" else verdict


def abstain(why: str) -> Verdict:
    """No verdict, for the reason ``why`` (a key of :data:`HELD_BACK_REASONS`)."""
    return Verdict("abstain", why, 0.0)


def assess(
    slot: str,
    a: Side,
    b: Side,
    mentioned: Mapping[str, set[str]],
    published: Mapping[str, str | None],
) -> Verdict:
    """The conflict between two incompatible values, or an abstention with its reason.

    ``mentioned`` maps a document to the corpus entities it names anywhere;
    ``published`` a document to its publication date."""
    if compatible(slot, a, b) is not False:
        return abstain("compatible")
    if a.docs & b.docs:
        return abstain("same-source")  # its own revision or our misreading
    kind = slot_kind(slot)
    if a.denied != b.denied:
        return _denial(a, b, published)
    revision = _revision(slot, a, b, published)
    if revision is not None:
        return revision  # a revision, or an abstention: no order between the reports
    if kind in NAME_SLOTS:
        if any(b.value in mentioned.get(d, ()) for d in a.docs) or any(
            a.value in mentioned.get(d, ()) for d in b.docs
        ):
            return abstain("both-named")  # two participants, not a dispute
        if kind in ("agent", "patient") and a.entity_type != "PERSON":
            return abstain("organisation")  # they act through units and parts
    if kind == "when":
        if _same_weekday_words(a, b):
            return abstain("same-weekday")
        if _too_far_apart(a, b, published):
            return abstain("dates-far-apart")
        if _ahead(a, b, published):
            return abstain("date-ahead")
    confidence = _number_confidence(a, b) if kind == "count" else BASE_CONFIDENCE.get(kind, 0.6)
    if any(f.hedged for f in a.facts) or any(f.hedged for f in b.facts):
        confidence -= 0.15
    if any(f.negated for f in a.facts) or any(f.negated for f in b.facts):
        return abstain("denied")  # a denied value is not a stated one
    if confidence < MIN_CONFIDENCE:
        return abstain("hedged")
    return Verdict("dispute", REASONS.get(kind, "outcome"), round(confidence, 2))


def _denial(a: Side, b: Side, published: Mapping[str, str | None]) -> Verdict:
    """One source says this person acted (was acted on), the other that they did not.

    Reports of the same day, or a denial published after the assertion, dispute it; a
    denial followed by a later assertion ("has not been charged", then "was charged")
    is the story moving on: a revision. Without both dates, no order: abstain."""
    if a.entity_type != "PERSON" and b.entity_type != "PERSON":
        return abstain("organisation")  # a body acts through units: one may, one not
    if any(f.hedged for f in a.facts + b.facts):
        return abstain("hedged")
    denial, claim = (a, b) if a.denied else (b, a)
    denied_on = max((d for d in (published.get(x) for x in denial.docs) if d), default=None)
    claimed_on = max((d for d in (published.get(x) for x in claim.docs) if d), default=None)
    if not (denied_on and claimed_on):
        return abstain("order-unknown")
    if denied_on[:10] < claimed_on[:10]:
        return Verdict("revision", "negation", 0.7, earlier_first=denial is a)
    return Verdict("dispute", "negation", BASE_CONFIDENCE["negation"])


def _ahead(a: Side, b: Side, published: Mapping[str, str | None]) -> bool:
    """A date after its report: a plan or a forecast ("come 2013"), not a fact to dispute."""
    for side in (a, b):
        for f in side.facts:
            day = published.get(f.doc)
            m = moment(f.value)
            report = moment(day[:10]) if day else None
            if m is not None and report is not None and m.start >= report.end:
                return True
    return False


WEEKDAY_WORDS = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE
)
MONTH_OR_DIGIT = re.compile(
    r"\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.IGNORECASE
)


def _same_weekday_words(a: Side, b: Side) -> bool:
    """Both values are the same bare weekday in words ("on Saturday" / "on Saturday
    morning"), placed on two days only by the dates of the reports: a report dated by a
    later update puts its "Saturday" a week on. Words that agree are no dispute."""

    def weekdays(side: Side) -> set[str] | None:
        found = set()
        for f in side.facts:
            if MONTH_OR_DIGIT.search(f.text):
                return None  # a dated value: its own words place it
            names = {m.lower() for m in WEEKDAY_WORDS.findall(f.text)}
            if len(names) != 1:
                return None
            found |= names
        return found

    x, y = weekdays(a), weekdays(b)
    return bool(x) and x == y


def _too_far_apart(a: Side, b: Side, published: Mapping[str, str | None]) -> bool:
    """Dates further apart than the recent one is old: two happenings, not one told two
    ways (a death "in 2011" and "the August 9 death", in reports of August 2014)."""
    spans = []
    for side in (a, b):
        found = [(m, published.get(f.doc)) for f in side.facts if (m := moment(f.value))]
        if not found:
            return False
        spans.append(found)
    gap = min(
        max(x.start - y.end, y.start - x.end, timedelta(0))
        for x, _ in spans[0]
        for y, _ in spans[1]
    )
    if gap <= FAR_APART:
        return False
    ages = []
    for found in spans:
        for m, day in found:
            report = moment(day[:10]) if day else None
            if report is not None:
                ages.append(abs(report.start - m.end))
    return bool(ages) and gap > min(ages) / 2


def _revision(slot: str, a: Side, b: Side, published: Mapping[str, str | None]) -> Verdict | None:
    """A later report that updates the figure: worded as an update, or a toll that grew."""
    a_update = any(f.revised for f in a.facts)
    b_update = any(f.revised for f in b.facts)
    a_dates = [published.get(d) for d in a.docs]
    b_dates = [published.get(d) for d in b.docs]
    a_last = max((d for d in a_dates if d), default=None)
    b_last = max((d for d in b_dates if d), default=None)
    if a_update != b_update:
        later_is_b = b_update
        if a_last and b_last and (b_last < a_last if later_is_b else a_last < b_last):
            return None  # worded as an update, but published before the other: a dispute
        return Verdict(
            "revision", REASONS.get(slot_kind(slot), "number"), 0.8, earlier_first=later_is_b
        )
    if slot in GROWING_ROLES:
        if not (a_last and b_last):
            # a toll changes as a story develops: without dates, no order
            return abstain("order-unknown")
        if a_last[:10] != b_last[:10]:
            # reports of different days: the later one gives the figure known then
            return Verdict("revision", "number", 0.7, earlier_first=a_last < b_last)
    return None
