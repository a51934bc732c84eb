"""The interval of time a TIMEX3 value names.

A value names an *interval*, not a point, at the granularity the words gave:
"2008" is the whole year, "2008-03" a month, "2008-W09" an ISO week,
"2008-Q1" a quarter, "2009-WI" the winter that starts in December 2009,
"200" the 2000s; "2008-XX-XX" is read as the year and "2008-03-XX" as the
month, while a value with no year ("XXXX-03-01"), a duration ("P3Y") or a set
has no place in time. PAST_REF, PRESENT_REF and FUTURE_REF are read against a
reference day (the publication date of the document that uses them).

One implementation serves every stage that compares dates: timelines order
by these intervals, events and claims only treat dates as conflicting when
their intervals do not overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from rashomon.extract.timex.anchoring import parse_dct

_DAY = timedelta(days=1)
_SEASONS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}  # start month, months
_PARTS_OF_DAY = {"MO": (6, 12), "AF": (12, 18), "EV": (18, 22), "NI": (21, 24), "DT": (8, 18)}
_REFS = {"PAST_REF", "PRESENT_REF", "FUTURE_REF"}

_DATE_RE = re.compile(
    r"^(?P<y>\d{4}|XXXX)"
    r"(?:-(?:(?P<m>\d\d|XX)(?:-(?P<d>\d\d|XX))?"
    r"|W(?P<w>\d\d)(?:-(?P<wd>[1-7]|WE))?"
    r"|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?"
    r"(?:T(?P<time>.*))?$"
)
_COARSE_RE = re.compile(r"^(?P<digits>\d{2,3})X{0,2}$")  # "200" / "200X" decade, "19" century
_TIME_RE = re.compile(r"^(?P<h>\d\d)(?::?(?P<mi>\d\d)(?::?(?P<s>\d\d)(?:\.\d+)?)?)?")


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """The interval a TIMEX3 value covers: ``start`` inclusive, ``end`` exclusive.

    ``open_start``/``open_end`` mark PAST_REF and FUTURE_REF, whose far end is
    unknown (``start``/``end`` then equal the reference day's bound)."""

    value: str
    start: datetime
    end: datetime
    open_start: bool = False
    open_end: bool = False

    @property
    def sort_key(self) -> tuple[datetime, float]:
        """Start first, then the longer interval first (coarser before finer)."""
        if self.open_start:  # just before the reference day
            return (self.end, float("-inf"))
        if self.open_end:  # just after it
            return (self.start, float("-inf"))
        return (self.start, -(self.end - self.start).total_seconds())

    @property
    def label(self) -> str:
        """The value as a reader should see it."""
        if self.open_start:
            return f"before {self.end.date().isoformat()}"
        if self.open_end:
            return f"after {(self.start - _DAY).date().isoformat()}"
        if self.value == "PRESENT_REF":
            return self.start.date().isoformat()
        return self.value


def _reference_day(reference: date | str | None) -> date | None:
    if reference is None or isinstance(reference, date):
        return reference
    return parse_dct(reference)


def _month_add(year: int, month: int, months: int) -> datetime:
    index = year * 12 + (month - 1) + months
    return datetime(index // 12, index % 12 + 1, 1)


def _time_of_day(day: datetime, text: str) -> tuple[datetime, datetime] | None:
    if text[:2] in _PARTS_OF_DAY:
        first, last = _PARTS_OF_DAY[text[:2]]
        return day + timedelta(hours=first), day + timedelta(hours=last)
    match = _TIME_RE.match(text)
    if not match or int(match["h"]) > 24:
        return None
    start = day + timedelta(hours=int(match["h"]))
    if match["s"]:
        start += timedelta(minutes=int(match["mi"]), seconds=int(match["s"]))
        return start, start + timedelta(seconds=1)
    if match["mi"]:
        start += timedelta(minutes=int(match["mi"]))
        return start, start + timedelta(minutes=1)
    return start, start + timedelta(hours=1)


def _date_bounds(match: re.Match[str]) -> tuple[datetime, datetime] | None:
    year = int(match["y"])
    if match["w"]:
        week = date.fromisocalendar(year, int(match["w"]), 1)
        monday = datetime.combine(week, datetime.min.time())
        if match["wd"] == "WE":
            return monday + 5 * _DAY, monday + 7 * _DAY
        if match["wd"]:
            day = monday + (int(match["wd"]) - 1) * _DAY
            return day, day + _DAY
        return monday, monday + 7 * _DAY
    if match["q"] or match["h"]:
        months = 3 if match["q"] else 6
        part = int(match["q"] or match["h"])
        return _month_add(year, 1, months * (part - 1)), _month_add(year, 1, months * part)
    if match["s"]:
        first, months = _SEASONS[match["s"]]
        return _month_add(year, first, 0), _month_add(year, first, months)
    month = match["m"]
    if not month or month == "XX":
        return datetime(year, 1, 1), datetime(year + 1, 1, 1)
    day = match["d"]
    if not day or day == "XX":
        return _month_add(year, int(month), 0), _month_add(year, int(month), 1)
    start = datetime(year, int(month), int(day))
    if match["time"]:
        return _time_of_day(start, match["time"]) or (start, start + _DAY)
    return start, start + _DAY


def time_span(value: str | None, reference: date | str | None = None) -> TimeSpan | None:
    """The interval of a TIMEX3 date value, or ``None`` when it cannot be placed.

    ``reference`` (a date or an ISO date string: the publication date of the
    reporting document) resolves PAST_REF, PRESENT_REF and FUTURE_REF.
    """
    if not value:
        return None
    value = value.strip()
    if value in _REFS:
        day = _reference_day(reference)
        if day is None:
            return None
        start = datetime.combine(day, datetime.min.time())
        if value == "PAST_REF":
            return TimeSpan(value, start, start, open_start=True)
        if value == "FUTURE_REF":
            return TimeSpan(value, start + _DAY, start + _DAY, open_end=True)
        return TimeSpan(value, start, start + _DAY)
    coarse = _COARSE_RE.match(value)
    if coarse:  # decade ("200") or century ("19")
        digits = coarse["digits"]
        size = 10 if len(digits) == 3 else 100
        first = int(digits) * size
        if first < 1:
            return None
        return TimeSpan(value, datetime(first, 1, 1), datetime(first + size, 1, 1))
    match = _DATE_RE.match(value)
    if not match or match["y"] == "XXXX":
        return None
    try:
        bounds = _date_bounds(match)
    except (ValueError, OverflowError):
        return None
    if bounds is None:
        return None
    return TimeSpan(value, *bounds)


def day_range(value: str | None, reference: date | str | None = None) -> tuple[date, date] | None:
    """The first and last day (both inclusive) a TIMEX3 date value covers."""
    span = time_span(value, reference)
    if span is None or span.open_start or span.open_end:
        return None
    return span.start.date(), (span.end - timedelta(microseconds=1)).date()
