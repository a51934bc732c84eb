"""Relative expressions: deictic ones resolved against the document date
("yesterday", "last week", "Tuesday", "two years ago") and anaphoric ones
resolved against the latest date in the text ("two days later", "the next
day", "that year").

Conventions (news, as HeidelTime and the TimeML guidelines do it): a bare
weekday is the nearest one on or before the document date unless its clause
is in the future tense; "last X"/"next X" move one unit from the one that
contains the document date; "the following X" and "N units later" move from
the text's own latest date, falling back on the document date.
"""

from __future__ import annotations

import re
from datetime import date

from .anchoring import (
    FUTURE,
    PAST,
    Reference,
    Timex,
    current,
    direction_of,
    granularity,
    iso_week,
    month_year,
    relative_unit,
    season_value,
    shift,
    weekday_date,
    year_of,
)
from .durations import parse_number, unit_key
from .lexicon import MONTHS, NUMBER, PARTS_OF_DAY, SEASONS, UNIT_PLURAL, VAGUE, WEEKDAYS

_WEEKDAY = "|".join(WEEKDAYS)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_SEASON = "|".join(SEASONS)
_PART = "|".join(p for p in PARTS_OF_DAY if p not in ("noon", "midday", "overnight"))
_CAL_UNIT = "day|week|weekend|month|quarter|year|decade|century|season"

_DEICTIC_DAY = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
_TWO_DAYS = {"the day before yesterday": -2, "the day after tomorrow": 2}
_DEICTIC_RE = re.compile(
    rf"^(?P<day>today|yesterday|tomorrow|tonight|this|last|(?P<wd>{_WEEKDAY})|"
    rf"(?P<dmy>(?:{_MONTH})\.?\s+\d{{1,2}}))(?:'s)?(?:\s+(?P<part>{_PART}))?$"
)
_RELATIVE_RE = re.compile(
    rf"^(?P<the>the\s+)?(?P<rel>this|last|next|past|previous|coming|current|following"
    rf"|upcoming|same|that|prior|preceding)\s+(?:fiscal\s+)?(?P<what>{_CAL_UNIT}"
    rf"|{_WEEKDAY}|{_MONTH}|{_SEASON})$"
)
_SHIFT_RE = re.compile(
    rf"^(?:(?P<vague>{VAGUE})\s+)?(?P<num>{NUMBER})?[\s-]*(?P<unit>{UNIT_PLURAL})\s+"
    rf"(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back|previously|prior)$"
)
_BEFORE_AFTER_RE = re.compile(
    rf"^the\s+(?P<unit>{_CAL_UNIT})\s+(?P<dir>before|after|earlier|later)$"
)


def _dct_or_anchor(ref: Reference, anaphoric: bool) -> tuple[date | None, str | None]:
    """The reference date for an expression and the value to record as its anchor."""
    if anaphoric and ref.anchor_date is not None:
        return ref.anchor_date, ref.anchor
    return ref.dct, ref.dct_value


def _weekday(ref: Reference, weekday: int, direction: int) -> tuple[str | None, str | None]:
    if ref.dct is None:
        return f"XXXX-WXX-{weekday}", None
    return weekday_date(ref.dct, weekday, direction).isoformat(), ref.dct_value


def parse_deictic(text: str, ref: Reference) -> Timex | None:
    """ "today", "yesterday evening", "Tuesday", "Friday afternoon", "last night"."""
    if text in _TWO_DAYS:
        if ref.dct is None:
            return Timex("DATE", None)
        return Timex(
            "DATE", shift(ref.dct, "day", _TWO_DAYS[text]).isoformat(), None, ref.dct_value
        )
    match = _DEICTIC_RE.match(text)
    if not match:
        return None
    day, part = match["day"], match["part"]
    if day in ("this", "last") and not part:
        return None
    if match["wd"]:
        value, anchor = _weekday(ref, WEEKDAYS[day], direction_of(ref.tense))
    elif match["dmy"]:
        return None  # "March 5 evening": left to the absolute parser
    elif day == "last" and part != "night":
        return None
    else:
        offset = {"this": 0, "last": -1}.get(day, _DEICTIC_DAY.get(day, 0))
        if ref.dct is None:  # a date, but nothing to resolve it against
            return Timex("TIME" if part or day == "tonight" else "DATE", None)
        value, anchor = shift(ref.dct, "day", offset).isoformat(), ref.dct_value
    if day == "tonight":
        part = "night"
    if part:
        return Timex("TIME", f"{value}T{PARTS_OF_DAY[part]}", None, anchor)
    return Timex("DATE", value, None, anchor)


def _month(ref: Reference, month: int, rel: str) -> Timex:
    if ref.dct is None:
        return Timex("DATE", f"XXXX-{month:02d}")
    if rel in ("last", "past", "previous"):
        year = ref.dct.year - 1 if month >= ref.dct.month else ref.dct.year
    elif rel in ("next", "coming", "upcoming"):
        year = ref.dct.year + 1 if month <= ref.dct.month else ref.dct.year
    else:
        year = month_year(ref.dct, month, 0)
    return Timex("DATE", f"{year:04d}-{month:02d}", None, ref.dct_value)


def parse_relative(text: str, ref: Reference) -> Timex | None:
    """ "last week", "this year", "next Tuesday", "last May", "the following day"."""
    match = _RELATIVE_RE.match(text)
    if not match:
        return None
    rel, what, the = match["rel"], match["what"], bool(match["the"])
    step = {"this": 0, "current": 0, "same": 0, "that": 0, "last": -1, "past": -1,
            "previous": -1, "prior": -1, "preceding": -1, "next": 1, "coming": 1,
            "following": 1, "upcoming": 1}[rel]  # fmt: skip
    if what in WEEKDAYS:
        direction = {0: direction_of(ref.tense), -1: -2, 1: 2}[step]
        value, anchor = _weekday(ref, WEEKDAYS[what], direction)
        return Timex("DATE", value, None, anchor)
    if what in MONTHS:
        if rel in ("that", "same"):
            return resolve_month_day(ref, MONTHS[what], None)
        return _month(ref, MONTHS[what], rel)
    if what in SEASONS:
        if ref.dct is None:
            return Timex("DATE", f"XXXX-{SEASONS[what]}")
        direction = step if step else (-1 if ref.tense == PAST and rel == "that" else 0)
        return Timex("DATE", season_value(ref.dct, SEASONS[what], direction), None, ref.dct_value)
    if the and rel in ("past", "last", "coming") or what in ("decade", "century") and step:
        unit = unit_key(what) if what != "season" else None
        if unit is None:
            return None
        from .durations import duration_value

        return Timex("DURATION", duration_value(1.0, unit))
    unit = "season" if what == "season" else what
    anaphoric = the or rel in ("that", "same", "following", "prior", "preceding")
    if rel == "previous" and not the:
        anaphoric = False
    base, anchor = _dct_or_anchor(ref, anaphoric)
    if base is None:
        if anaphoric and ref.anchor and unit == "year" and year_of(ref.anchor) and step == 0:
            return Timex("DATE", ref.anchor[:4], None, ref.anchor)
        if anaphoric and ref.anchor and unit == "year" and year_of(ref.anchor):
            return Timex("DATE", f"{year_of(ref.anchor) + step:04d}", None, ref.anchor)
        return Timex("DATE", None)
    if anaphoric and step == 0 and unit == "day" and granularity(anchor) != "day":
        return None  # "that day" after a month or a year: the day is unknown
    value = relative_unit(base, unit, step) if step else current(unit, base)
    return Timex("DATE", value, None, anchor) if value else None


def parse_shift(text: str, ref: Reference) -> Timex | None:
    """ "two years ago", "three days later", "a week earlier", "the day before"."""
    match = _SHIFT_RE.match(text)
    if match:
        unit = unit_key(match["unit"])
        direction = match["dir"].split()[0]
        amount = parse_number(match["num"]) if match["num"] else None
    elif match := _BEFORE_AFTER_RE.match(text):
        unit, direction, amount = match["unit"], match["dir"], 1.0
    else:
        return None
    if unit is None or unit in ("second", "minute", "hour", "millennium"):
        return None
    sign = -1 if direction in ("ago", "earlier", "before", "back", "previously", "prior") else 1
    if amount is None or amount != int(amount):
        if match.groupdict().get("vague") or (match.groupdict().get("num") is None):
            return Timex("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        return None
    anaphoric = direction in ("earlier", "later", "before", "after")
    base, anchor = _dct_or_anchor(ref, anaphoric)
    if base is None:
        return Timex("DATE", None)
    count = int(amount) * sign
    if unit == "decade":
        unit, count = "year", count * 10
    elif unit == "century":
        unit, count = "year", count * 100
    elif unit == "fortnight":
        unit, count = "week", count * 2
    elif unit == "weekend":
        unit = "week"
    moved = shift(base, unit, count)
    if moved is None:
        return None
    if unit == "week":
        return Timex("DATE", iso_week(moved), None, anchor)
    if anaphoric and ref.anchor and granularity(ref.anchor) == "month" and unit == "day":
        return None
    return Timex("DATE", current(unit, moved), None, anchor)


def resolve_month_day(ref: Reference, month: int, day: int | None) -> Timex:
    """A month (and day) without a year: the year of the latest dated anchor in
    the text when there is one, else the document's year, moved by one when the
    clause's tense puts the date on the other side of the document date."""
    suffix = f"-{month:02d}" + (f"-{day:02d}" if day else "")
    anchor_year = None
    if ref.anchor and (granularity(ref.anchor) not in (None, "year") or ref.anchor_near):
        anchor_year = year_of(ref.anchor)  # a bare year only counts in the same sentence
    if ref.dct is None and anchor_year is None:
        return Timex("DATE", "XXXX" + suffix)
    # A clause about the future cannot sit in an earlier year, nor the past in a later one.
    if (
        anchor_year is not None
        and ref.dct is not None
        and (
            (ref.tense == FUTURE and anchor_year < ref.dct.year)
            or (ref.tense == PAST and anchor_year > ref.dct.year)
        )
    ):
        anchor_year = None
    if anchor_year is not None and (ref.dct is None or anchor_year != ref.dct.year):
        return Timex("DATE", f"{anchor_year:04d}{suffix}", None, ref.anchor)
    dct = ref.dct
    year = dct.year
    when = (month, day or 1)
    now = (dct.month, dct.day)
    if ref.tense == PAST and when > now and (day or month != dct.month):
        year -= 1
    elif ref.tense == FUTURE and when < now and month != dct.month:
        year += 1
    return Timex("DATE", f"{year:04d}{suffix}", None, ref.dct_value)
