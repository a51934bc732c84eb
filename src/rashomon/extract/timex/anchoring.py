"""Calendar arithmetic on TIMEX3 values, for resolving relative expressions.

A relative expression is resolved against a reference: the document creation
time (DCT) for deictic ones ("yesterday", "last week", "Tuesday") and the
most recent date mentioned in the text for anaphoric ones ("two days later",
"the next day"). The functions here take a reference date or value and
return a TIMEX3 value string at the expression's own granularity: a year
("2013"), month ("2013-03"), ISO week ("2013-W11"), day ("2013-03-05"),
quarter ("2013-Q1"), half ("2013-H2"), season ("2012-SU"), decade ("201")
or century ("20"). When the reference is unknown they return ``None``; the
caller then falls back on X placeholders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

PAST, PRESENT, FUTURE = "PAST", "PRESENT", "FUTURE"

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_VALUE_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?(?:T.*)?$"
)


@dataclass(slots=True)
class Timex:
    """A normalised expression: TIMEX3 type, value and modifier, the reference value
    it was resolved against (``anchor``, ``None`` when absolute) and, for a range,
    ``end_value``."""

    type: str
    value: str | None
    mod: str | None = None
    anchor: str | None = None
    end_value: str | None = None


@dataclass(slots=True)
class Reference:
    """What a relative expression may be resolved against.

    ``dct`` is the document date; ``anchor`` the value of the latest date
    mentioned before the expression (day or month granularity), or ``None``;
    ``tense`` the tense of the clause the expression sits in (PAST, PRESENT,
    FUTURE or ``None`` when unknown).
    """

    dct: date | None = None
    anchor: str | None = None
    tense: str | None = None
    dct_value: str | None = None
    anchor_near: bool = False  # the anchor is in the same sentence

    @property
    def anchor_date(self) -> date | None:
        return to_date(self.anchor) if self.anchor else None


def parse_dct(dct: str | None) -> date | None:
    """The date part of an ISO 8601 date or date-time, or ``None``."""
    if not dct:
        return None
    match = re.match(r"\s*(\d{4})-?(\d\d)-?(\d\d)", dct)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def to_date(value: str | None) -> date | None:
    """The first day a TIMEX3 value covers, when it has at least a month."""
    if not value:
        return None
    match = _VALUE_RE.match(value)
    if not match:
        return None
    year = int(match["y"])
    try:
        if match["d"]:
            return date(year, int(match["m"]), int(match["d"]))
        if match["m"]:
            return date(year, int(match["m"]), 1)
        if match["w"]:
            return date.fromisocalendar(year, int(match["w"]), 1)
    except ValueError:
        return None
    return None


def granularity(value: str | None) -> str | None:
    """day, week, month, quarter, half, season or year for a TIMEX3 date value."""
    if not value:
        return None
    match = _VALUE_RE.match(value)
    if not match:
        return None
    for key, name in (("d", "day"), ("w", "week"), ("m", "month"), ("q", "quarter")):
        if match[key]:
            return name
    if match["h"]:
        return "half"
    return "season" if match["s"] else "year"


def year_of(value: str | None) -> int | None:
    if value and (match := _VALUE_RE.match(value)):
        return int(match["y"])
    return None


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def season_of(day: date) -> tuple[int, str]:
    """The (year, season) a date falls in; winter belongs to the year it starts."""
    if day.month == 12:
        return day.year, "WI"
    if day.month <= 2:
        return day.year - 1, "WI"
    return day.year, ("SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA")[day.month - 3]


def current(unit: str, day: date) -> str | None:
    """The value of the ``unit`` (year, month, week...) that contains ``day``."""
    if unit == "day":
        return day.isoformat()
    if unit == "week":
        return iso_week(day)
    if unit == "weekend":
        return iso_week(day) + "-WE"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    if unit == "century":
        return f"{day.year // 100:02d}"
    if unit == "season":
        year, season = season_of(day)
        return f"{year:04d}-{season}"
    return None


def shift(day: date, unit: str, amount: int) -> date | None:
    """``day`` moved by ``amount`` units (months clamp to the month's last day)."""
    try:
        if unit == "day":
            return day + timedelta(days=amount)
        if unit in ("week", "weekend"):
            return day + timedelta(weeks=amount)
        if unit in ("month", "quarter", "half", "year", "decade", "century", "season"):
            months = amount * {
                "month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120,
                "century": 1200, "season": 3,
            }[unit]  # fmt: skip
            index = day.year * 12 + day.month - 1 + months
            year, month = divmod(index, 12)
            last = 31
            while last > 28:
                try:
                    return date(year, month + 1, min(day.day, last))
                except ValueError:
                    last -= 1
            return date(year, month + 1, min(day.day, 28))
    except (OverflowError, ValueError):
        return None
    return None


def relative_unit(day: date, unit: str, amount: int) -> str | None:
    """The unit ``amount`` steps from the one containing ``day`` ("last week")."""
    moved = shift(day, unit, amount)
    return current(unit, moved) if moved else None


def weekday_date(day: date, weekday: int, direction: int) -> date:
    """The ``weekday`` (1 = Monday) nearest ``day``: on/before it when ``direction``
    is negative, on/after it when positive; strictly so when ``abs(direction) == 2``
    ("last Tuesday", "next Tuesday")."""
    delta = weekday - day.isoweekday()
    if direction < 0:
        delta = delta - 7 if delta > 0 or (direction == -2 and delta == 0) else delta
    else:
        delta = delta + 7 if delta < 0 or (direction == 2 and delta == 0) else delta
    return day + timedelta(days=delta)


def month_year(day: date, month: int, direction: int) -> int:
    """The year of the ``month`` nearest ``day`` in the given direction (0: same year)."""
    if direction < 0 and month > day.month:
        return day.year - 1
    if direction > 0 and month < day.month:
        return day.year + 1
    return day.year


def season_value(day: date, season: str, direction: int) -> str:
    """``season`` relative to ``day``: -1 last, +1 next, 0 this (the nearest one)."""
    cur_year, cur_season = season_of(day)
    cur_start = date(cur_year, _SEASON_START[cur_season], 1)
    candidates = [date(y, _SEASON_START[season], 1) for y in range(day.year - 2, day.year + 2)]
    if direction < 0:
        start = max(c for c in candidates if c < cur_start)
    elif direction > 0:
        start = min(c for c in candidates if c > cur_start)
    elif season == cur_season:
        start = cur_start
    else:
        start = min(candidates, key=lambda c: (abs((c - day).days), c < day))
    return f"{start.year:04d}-{season}"


def direction_of(tense: str | None) -> int:
    return -1 if tense in (PAST, None, PRESENT) else 1
