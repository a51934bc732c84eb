"""TIMEX3 normalisation of one temporal expression: ``normalize_timex``.

Why not a library: dateparser and dateutil turn a string into one datetime,
filling whatever the text leaves open from "now" (so "March" becomes a day of
the current year); they have no notion of granularity, of seasons ("2009-WI"),
decades ("199"), quarters, early/late/mid modifiers, durations as TIMEX3
values, sets, or of anchoring a relative expression on the document date or
on the previous date in the text. So the normaliser is written here as an
ordered list of small parsers over the lower-cased span, each producing a
value at the granularity the words give and X placeholders for what they do
not. dateparser is only the last resort for absolute dates in formats the
parsers do not know, and only when the span names both a month and a year.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from dateutil.easter import easter

from .anchoring import PAST, Reference, Timex, current, parse_dct, season_value
from .durations import parse_duration, parse_set
from .lexicon import (
    FREQUENCY_WORDS,
    MONTHS,
    ORDINALS,
    POSITION_MODS,
    QUANTITY_MODS,
    REFERENCE_WORDS,
    SEASONS,
    WEEKDAYS,
    alternation,
)
from .relative import (
    parse_deictic,
    parse_relative,
    parse_shift,
    resolve_month_day,
)

_MONTH = alternation(MONTHS)
_WEEKDAY = alternation(WEEKDAYS)
_YEAR = r"(?:1\d{3}|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"

_MDY_RE = re.compile(
    rf"^(?:(?:{_WEEKDAY}),?\s+)?(?P<m>{_MONTH})\.?\s+(?:the\s+)?(?P<d>{_DAY})"
    rf"(?:,?\s+(?P<y>{_YEAR}))?$"
)
_DMY_RE = re.compile(
    rf"^(?:(?:{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})\.?"
    rf"(?:,?\s+(?P<y>{_YEAR}))?$"
)
_MY_RE = re.compile(rf"^(?P<m>{_MONTH})\.?,?\s+(?:of\s+)?(?P<y>{_YEAR})$")
_M_RE = re.compile(rf"^(?:the\s+month\s+of\s+)?(?P<m>{_MONTH})\.?$")
_Y_RE = re.compile(
    rf"^(?:(?:the\s+)?(?:calendar\s+|fiscal\s+)?year\s+|fiscal\s+|fy\s*|the\s+)?(?P<y>{_YEAR})$"
)
_ISO_RE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)$")
_US_RE = re.compile(r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d\d)$")
_DECADE_RE = re.compile(r"^(?:the\s+)?(?:'|’)?(?P<y>\d{2}|1\d{3}|20\d\d)(?:'|’)?s$")
_WORD_DECADES = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip
_WORD_DECADE_RE = re.compile(rf"^(?:the\s+)?(?P<w>{alternation(_WORD_DECADES)})$")
_CENTURY_RE = re.compile(
    rf"^(?:the\s+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{alternation(ORDINALS)})[\s-]+century$"
)
_SEASON_YEAR_RE = re.compile(
    rf"^(?:the\s+)?(?P<s>{alternation(SEASONS)})(?:\s+of)?\s+(?P<y>{_YEAR})"
    r"(?:\s*[-/–]\s*(?P<y2>\d{2}|\d{4}))?$"
)
_SEASON_RE = re.compile(rf"^(?:the\s+)?(?P<s>{alternation(SEASONS)})$")
_PERIOD_RE = re.compile(
    rf"^(?:the\s+)?(?P<n>{alternation(ORDINALS)}|[1-4](?:st|nd|rd|th))[\s-]+"
    r"(?:fiscal[\s-]+|calendar[\s-]+)?(?P<p>quarter|half)(?:\s+of\s+(?P<rest>.+))?$"
)
_Q_RE = re.compile(rf"^(?:(?P<y1>{_YEAR})\s+)?q(?P<q>[1-4])(?:\s+(?P<y2>{_YEAR}))?$")
_TIME_RE = re.compile(
    rf"^(?:(?P<pre>{_WEEKDAY}|today|yesterday|tomorrow)\s+)?(?:at\s+)?(?P<h>\d{{1,2}})"
    r"(?:[:.](?P<mi>\d\d))?(?:\s*(?P<ap>a\.?m\.?|p\.?m\.?))?(?:\s+(?:o'clock))?"
    r"(?:\s+(?P<tz>gmt|utc|bst|cet|[ecmp][sd]?t|local(?:\s+time)?))?"
    rf"(?:,?\s+(?:on\s+)?(?P<post>{_WEEKDAY}|today|yesterday|tomorrow|tonight))?$"
)
_NOON_RE = re.compile(rf"^(?:(?P<pre>{_WEEKDAY}|today)\s+)?(?:at\s+)?(?P<w>noon|midnight)$")
_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
    "valentine's day": (2, 14), "boxing day": (12, 26), "independence day": (7, 4),
}  # fmt: skip
_EARLIER_RE = re.compile(r"^(?:earlier|later)\s+(?=this|that|in\s+the|last|next)(?:in\s+)?")
_QMOD_RE = re.compile(rf"^(?P<q>{alternation(QUANTITY_MODS)})\s+(?P<rest>.+)$")
_POSMOD_RE = re.compile(
    rf"^(?P<p>{alternation(POSITION_MODS)}|mid-|(?:the\s+)?very\s+(?:early|late))"
    r"(?:[\s-]+|(?<=-))(?:the\s+)?(?P<rest>.+)$"
)
_CLEAN_RE = re.compile(r"\s+")


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _absolute(text: str, ref: Reference) -> Timex | None:
    for regex in (_MDY_RE, _DMY_RE):
        if match := regex.match(text):
            month, day = MONTHS[match["m"]], _day(match["d"])
            if not match["y"]:
                return resolve_month_day(ref, month, day)
            return _checked(int(match["y"]), month, day)
    if match := _MY_RE.match(text):
        return Timex("DATE", f"{match['y']}-{MONTHS[match['m']]:02d}")
    if match := _M_RE.match(text):
        return resolve_month_day(ref, MONTHS[match["m"]], None)
    if match := _Y_RE.match(text):
        return Timex("DATE", match["y"])
    if match := (_ISO_RE.match(text) or _US_RE.match(text)):
        year = int(match["y"])
        year += 2000 if year < 50 else 1900 if year < 100 else 0
        return _checked(year, int(match["m"]), int(match["d"]))
    return None


def _checked(year: int, month: int, day: int) -> Timex | None:
    try:
        return Timex("DATE", date(year, month, day).isoformat())
    except ValueError:
        return None


def _periods(text: str, ref: Reference) -> Timex | None:
    """Decades, centuries, seasons, quarters and halves."""
    if match := _DECADE_RE.match(text):
        digits = match["y"]
        if len(digits) == 2:
            now = ref.dct.year if ref.dct else 2000
            century = 20 if int(digits) <= now % 100 else 19
            digits = f"{century}{digits}"
        if digits.endswith("00") and not text.endswith("'s"):
            return Timex("DATE", digits[:2])
        return Timex("DATE", digits[:3])
    if match := _WORD_DECADE_RE.match(text):
        return Timex("DATE", f"19{_WORD_DECADES[match['w']]}")
    if match := _CENTURY_RE.match(text):
        number = match["n"]
        ordinal = ORDINALS.get(number) or int(re.sub(r"\D", "", number))
        return Timex("DATE", f"{ordinal - 1:02d}")
    if match := _SEASON_YEAR_RE.match(text):
        return Timex("DATE", f"{match['y']}-{SEASONS[match['s']]}")
    if match := _SEASON_RE.match(text):
        season = SEASONS[match["s"]]
        if ref.dct is None:
            return Timex("DATE", f"XXXX-{season}")
        direction = -1 if ref.tense == PAST else 0
        return Timex("DATE", season_value(ref.dct, season, direction), None, ref.dct_value)
    if match := _PERIOD_RE.match(text):
        number = match["n"]
        index = ORDINALS.get(number) or int(number[0])
        period = match["p"]
        if period == "half":
            index = 2 if number in ("last", "final", "latter") else min(index, 2)
        code = "Q" if period == "quarter" else "H"
        rest = match["rest"]
        if rest:
            year_timex = normalize_timex(rest, ref=ref)
            if year_timex is None or year_timex.value is None or len(year_timex.value) != 4:
                return None
            return Timex("DATE", f"{year_timex.value}-{code}{index}", None, year_timex.anchor)
        if ref.dct is None:
            return Timex("DATE", f"XXXX-{code}{index}")
        year = ref.dct.year
        now_index = int(current("quarter" if code == "Q" else "half", ref.dct)[-1])
        if ref.tense == PAST and index > now_index:
            year -= 1
        return Timex("DATE", f"{year:04d}-{code}{index}", None, ref.dct_value)
    if match := _Q_RE.match(text):
        year = match["y1"] or match["y2"]
        if year:
            return Timex("DATE", f"{year}-Q{match['q']}")
        if ref.dct:
            return Timex("DATE", f"{ref.dct.year:04d}-Q{match['q']}", None, ref.dct_value)
        return Timex("DATE", f"XXXX-Q{match['q']}")
    return None


def _time_of_day(text: str, ref: Reference) -> Timex | None:
    match = _TIME_RE.match(text)
    if match and (match["mi"] or match["ap"] or match["tz"] and match["pre"] or match["post"]):
        hour, minute = int(match["h"]), int(match["mi"] or 0)
        ap = (match["ap"] or "").replace(".", "")
        if not match["mi"] and not ap and not match["tz"]:
            return None
        if hour > 24 or minute > 59 or (ap and not 1 <= hour <= 12):
            return None
        if ap == "pm" and hour != 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
        clock = f"T{hour:02d}:{minute:02d}"
        day_word = match["pre"] or match["post"]
    elif match := _NOON_RE.match(text):
        clock = "T12:00" if match["w"] == "noon" else "T24:00"
        day_word = match["pre"]
    else:
        return None
    if day_word:
        day = normalize_timex(day_word, ref=ref)
        day_value, anchor = (day.value, day.anchor) if day else ("XXXX-XX-XX", None)
    elif ref.anchor and re.match(r"^\d{4}-\d\d-\d\d$", ref.anchor):
        day_value, anchor = ref.anchor, ref.anchor
    elif ref.dct:
        day_value, anchor = ref.dct.isoformat(), ref.dct_value
    else:
        day_value, anchor = "XXXX-XX-XX", None
    return Timex("TIME", f"{day_value}{clock}", None, anchor)


def _holiday_day(text: str, year: int) -> date:
    if text.startswith("easter"):
        return easter(year)
    month, day = _HOLIDAYS[text]
    return date(year, month, day)


def _holiday(text: str, ref: Reference) -> Timex | None:
    text = text.removeprefix("the ")
    year = None
    if match := re.match(rf"^(?P<h>.+?)(?:,?\s+(?P<y>{_YEAR}))?$", text):
        text, year = match["h"], match["y"]
    if text not in _HOLIDAYS and text not in ("easter", "easter sunday"):
        return None
    anchor = None
    if year is None and ref.dct is not None:
        year, anchor = ref.dct.year, ref.dct_value
        # "was arrested on Christmas Day" in a September report: the last one, as for a
        # month name in a past-tense clause
        if ref.tense == PAST and _holiday_day(text, year) > ref.dct:
            year -= 1
    if year is None:
        if text.startswith("easter"):
            return Timex("DATE", None)
        month, day = _HOLIDAYS[text]
        return Timex("DATE", f"XXXX-{month:02d}-{day:02d}")
    if text.startswith("easter"):
        return Timex("DATE", easter(int(year)).isoformat(), None, anchor)
    month, day = _HOLIDAYS[text]
    return Timex("DATE", f"{int(year):04d}-{month:02d}-{day:02d}", None, anchor)


def _bare_unit(text: str, ref: Reference) -> Timex | None:
    """ "the year"/"the month" after a position modifier ("the end of the year")."""
    text = text.removeprefix("the ")
    if text in ("year", "month", "week", "day", "decade", "century") and ref.dct:
        value = current(text, ref.dct)
        return Timex("DATE", value, None, ref.dct_value) if value else None
    return None


_PARSERS = (
    _absolute,
    parse_deictic,
    parse_relative,
    parse_shift,
    _periods,
    _time_of_day,
    lambda text, ref: parse_duration(text),
    lambda text, ref: parse_set(text, FREQUENCY_WORDS),
    _holiday,
)


def _parse(text: str, ref: Reference) -> Timex | None:
    if text in REFERENCE_WORDS:
        return Timex("DATE", REFERENCE_WORDS[text])
    for parser in _PARSERS:
        if (timex := parser(text, ref)) is not None:
            return timex
    return None


def _with_position(text: str, ref: Reference) -> Timex | None:
    match = _POSMOD_RE.match(text)
    if not match:
        return None
    word = match["p"].replace("very ", "").replace("  ", " ").strip()
    mod = POSITION_MODS.get(word) or POSITION_MODS.get(word.removeprefix("the ").strip())
    inner = _parse(match["rest"], ref)
    bare = inner is None
    if bare:
        inner = _bare_unit(match["rest"], ref)
    if inner is None or inner.type not in ("DATE", "TIME") or not inner.value:
        return None
    if inner.value.endswith("_REF"):
        return None
    if bare and mod == "END" and ref.tense == PAST and ref.dct and inner.value.isdigit():
        # "peaked by the end of the year" in March: the end of this year is still ahead
        inner.value = f"{int(inner.value) - 1:04d}"
    inner.mod = mod
    return inner


def _dateparser(text: str, ref: Reference) -> Timex | None:
    """Last resort for absolute dates with a month name and a year in odd formats."""
    if not re.search(_YEAR, text) or not re.search(rf"\b(?:{_MONTH})\b", text):
        return None
    import dateparser

    settings = {"REQUIRE_PARTS": ["month", "year"], "PREFER_DAY_OF_MONTH": "first"}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    has_day = re.search(r"\b(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b", re.sub(_YEAR, "", text))
    if has_day:
        return Timex("DATE", parsed.date().isoformat())
    return Timex("DATE", f"{parsed.year:04d}-{parsed.month:02d}")


def normalize_timex(
    text: str,
    dct: str | None = None,
    anchor: str | None = None,
    tense: str | None = None,
    *,
    ref: Reference | None = None,
) -> Timex | None:
    """The TIMEX3 type, value and modifier of one temporal expression.

    ``dct`` is the document date (ISO 8601), ``anchor`` the latest date value
    mentioned before the expression, ``tense`` the tense of its clause (PAST,
    PRESENT, FUTURE). Returns ``None`` when the text is not a temporal
    expression this normaliser understands.
    """
    if ref is None:
        day = parse_dct(dct)
        ref = Reference(day, anchor, tense, day.isoformat() if day else None)
    return _normalize_text(_CLEAN_RE.sub(" ", text.strip().lower()), ref)


def _normalize_text(text: str, ref: Reference) -> Timex | None:
    text = text.replace("’", "'").strip(" ,.;:")
    if text.endswith("'s") and not re.search(r"\d'?s$", text[:-2] + "s"):
        text = text[:-2]
    elif text.endswith("s'"):
        text = text[:-1]
    text = _EARLIER_RE.sub("", text)
    timex = _parse(text, ref) or _with_position(text, ref)
    if timex is None and (match := _QMOD_RE.match(text)):
        timex = _parse(match["rest"], ref) or _with_position(match["rest"], ref)
        if timex is not None and timex.mod is None:
            timex.mod = QUANTITY_MODS[match["q"]]
    if timex is None and (found := _dateparser_cached(text)) is not None:
        timex = Timex(*found)
    return timex


@lru_cache(maxsize=512)
def _dateparser_cached(text: str) -> tuple[str, str | None] | None:
    timex = _dateparser(text, Reference())
    return None if timex is None else (timex.type, timex.value)
