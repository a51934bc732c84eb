"""Slot values as intervals and names, and when two values can both be true.

Every slot kind answers one question, "can these two values be true of the
same event?", with yes, no, or "cannot tell" (None). Only a "no" can become a
dispute; "cannot tell" is never one. Registered per slot kind:

* counts: number intervals ("at least 5" is [5, inf), "about a dozen" 12 ± 15 %);
* ``when``: TIMEX3 intervals, widened around midnight when a part of the day
  or a clock time is stated ("late Sunday night" and "early Monday" can be
  the same moment); unanchored weekdays ("Wednesday" in an undated report)
  are compared as weekdays;
* names (``agent``, ``patient``, ``where``): the same corpus entity, or names
  where one contains the other ("Stroger" / "Stroger Hospital").
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from rashomon.extract.timex.intervals import time_span
from rashomon.model import FactMention

APPROXIMATE_SLACK = 0.15
NIGHT_SLACK = timedelta(hours=6)
_WEEKDAY = re.compile(r"^XXXX-WXX-(?P<wd>[1-7])(?:T(?P<time>.+))?$")
_MONTH_DAY = re.compile(r"^XXXX-(?P<m>\d\d)-(?P<d>\d\d)(?:T.*)?$")
_CLOCK = re.compile(r"^(?P<h>\d\d)")
_LATE_PARTS = frozenset({"NI", "EV"})
_EARLY_PARTS = frozenset({"MO"})


# Slots whose values are names (corpus entities), compared by name.
NAME_SLOTS = frozenset({"agent", "patient", "where"})
# The kind of happening a counted role is a toll of (see rashomon.extract.events.kind_keys).
ROLE_KINDS = {
    "count:killed": "c:kill",
    "count:injured": "c:injure",
    "count:arrested": "c:arrest",
    "count:charged": "c:charge",
    "count:rescued": "c:rescue",
    "count:kidnapped": "c:kidnap",
}


def slot_kind(slot: str) -> str:
    """``count`` for ``count:<role>``, else the slot itself."""
    return "count" if slot.startswith("count:") else slot


# --- counts -----------------------------------------------------------------------------


def count_interval(fact: FactMention) -> tuple[float, float] | None:
    low = fact.low
    high = fact.high
    if low is None and high is None:
        return None
    low = low if low is not None else 0.0
    high = high if high is not None else math.inf
    if fact.value.startswith(">="):
        high = math.inf
    if fact.value.startswith("<="):
        low = 0.0
    if fact.approximate:
        low, high = low * (1 - APPROXIMATE_SLACK), high * (1 + APPROXIMATE_SLACK)
    return low, high


def counts_compatible(a: FactMention, b: FactMention) -> bool | None:
    x, y = count_interval(a), count_interval(b)
    if x is None or y is None:
        return None
    return not (x[1] < y[0] or y[1] < x[0])


# --- when -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Moment:
    """A stated time as an interval, plus whether it sits at the edge of a day."""

    start: datetime
    end: datetime
    late: bool  # "night", "evening", a clock time after 20:00
    early: bool  # "morning", a clock time before 06:00


def _edges(time: str | None) -> tuple[bool, bool]:
    if not time:
        return False, False
    if time in _LATE_PARTS:
        return True, False
    if time in _EARLY_PARTS:
        return False, True
    clock = _CLOCK.match(time)
    if clock:
        hour = int(clock["h"])
        return hour >= 20, hour < 6
    return False, False


def moment(value: str) -> Moment | None:
    """An interval for an anchored value; a day of a reference week for a bare weekday."""
    weekday = _WEEKDAY.match(value)
    if weekday:  # a week that starts on a Monday, so weekdays compare as days
        day = datetime(2001, 1, 1) + timedelta(days=int(weekday["wd"]) - 1)
        late, early = _edges(weekday["time"])
        return Moment(day, day + timedelta(days=1), late, early)
    span = time_span(value)
    if span is None:
        return None
    time = value.split("T", 1)[1] if "T" in value else None
    late, early = _edges(time)
    return Moment(span.start, span.end, late, early)


def when_compatible(a: FactMention, b: FactMention) -> bool | None:
    return when_values_compatible(a.value, b.value)


def when_values_compatible(va: str, vb: str) -> bool | None:
    """Whether two TIMEX3 values can name the same moment (None: cannot tell)."""
    if bool(_WEEKDAY.match(va)) != bool(_WEEKDAY.match(vb)):
        return None  # a bare weekday against a date: cannot tell without the report's date
    month_a, month_b = _MONTH_DAY.match(va), _MONTH_DAY.match(vb)
    if month_a and month_b:
        return (month_a["m"], month_a["d"]) == (month_b["m"], month_b["d"]) or None
    x, y = moment(va), moment(vb)
    if x is None or y is None:
        return None
    if not (x.end <= y.start or y.end <= x.start):
        return True
    first, second = (x, y) if x.start <= y.start else (y, x)
    gap = second.start - first.end
    # "late Sunday night" and "early Monday" can be one moment; "Sunday" and "Monday" not
    return gap < NIGHT_SLACK and (first.late or second.early)


# --- names ------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+")


def name_tokens(name: str) -> frozenset[str]:
    return frozenset(t.casefold() for t in _TOKEN.findall(name) if len(t) > 1)


def names_compatible(a_name: str, b_name: str) -> bool:
    """One name inside the other ("Stroger" / "Stroger Hospital", "Kirkpatrick")."""
    x, y = name_tokens(a_name), name_tokens(b_name)
    return bool(x and y) and (x <= y or y <= x)


Compatibility = Callable[[FactMention, FactMention], bool | None]
COMPATIBILITY: dict[str, Compatibility] = {
    "count": counts_compatible,
    "when": when_compatible,
}
